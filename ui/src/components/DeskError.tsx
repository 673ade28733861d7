// The data directory could not be opened: say why, and what may help.

import type { CommandError } from "../lib/backend";
import { visibleControls } from "../lib/text";

/** Advice for the errors a person can act on, by code. */
const ADVICE: Record<string, string> = {
  data_dir_in_use: "Another Claimdesk window is using this desk. Close it, then start Claimdesk again.",
  database_too_new: "This desk was written by a newer Claimdesk. Update Claimdesk to open it.",
  not_a_claimdesk_database: "The data directory holds a file that is not a Claimdesk database. Choose another data directory.",
  data_dir: "Check that the data directory exists and that you may write to it.",
};

export function DeskError({ error }: { error: CommandError }) {
  return (
    <main className="startup" data-testid="desk-error">
      <div className="startup-card error" role="alert">
        <p className="startup-title">Claimdesk could not open your desk</p>
        <p className="startup-message">{visibleControls(error.message)}</p>
        {ADVICE[error.code] && <p className="startup-text">{ADVICE[error.code]}</p>}
      </div>
    </main>
  );
}
