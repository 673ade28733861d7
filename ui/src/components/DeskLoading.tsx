// While the data directory opens, and the search index catches up with it.

import type { IndexProgress } from "../lib/backend";
import { formatCount } from "../lib/format";

export function DeskLoading({ progress }: { progress: IndexProgress | null }) {
  const counting = progress !== null && progress.total > 0;
  return (
    <main className="startup" data-testid="desk-loading" aria-busy="true">
      <div className="startup-card" role="status">
        <p className="startup-title">Opening your desk…</p>
        {counting && (
          <>
            <p className="startup-text">
              Bringing the search index up to date: {formatCount(progress.done)} of {formatCount(progress.total)} articles
            </p>
            <progress max={progress.total} value={progress.done} aria-label="Search index" />
          </>
        )}
      </div>
    </main>
  );
}
