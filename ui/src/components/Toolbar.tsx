// The top bar: the name, Import…, and the details toggle.

import type { Ref } from "react";

interface Props {
  importOpen: boolean;
  importPanelId: string;
  importButton: Ref<HTMLButtonElement>;
  onImport: () => void;
  /** Absent when there is no details pane to show (first run). */
  details?: { open: boolean; paneId: string; onToggle: () => void };
}

export function Toolbar({ importOpen, importPanelId, importButton, onImport, details }: Props) {
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-name">Claimdesk</span>
      </div>
      <div className="toolbar-actions">
        <button
          ref={importButton}
          type="button"
          className="button"
          data-testid="import-button"
          data-import-toggle
          aria-haspopup="dialog"
          aria-expanded={importOpen}
          aria-controls={importOpen ? importPanelId : undefined}
          title="Import (Ctrl+O)"
          onClick={onImport}
        >
          Import…
        </button>
        {details && (
          <button
            type="button"
            className="button"
            aria-pressed={details.open}
            aria-controls={details.open ? details.paneId : undefined}
            data-testid="details-toggle"
            onClick={details.onToggle}
          >
            Details
          </button>
        )}
      </div>
    </header>
  );
}
