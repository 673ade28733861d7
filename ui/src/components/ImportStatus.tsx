// The running import's progress, then its summary: what was imported, what
// was a duplicate, and each file that failed with the reason.

import type { Importer } from "../hooks/useImport";
import type { ImportIssue } from "../lib/backend";
import { formatCount } from "../lib/format";
import { visibleControls } from "../lib/text";

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function ImportStatus({ importer }: { importer: Importer }) {
  const { state } = importer;
  if (state.phase === "idle") return null;

  if (state.phase === "running") {
    const p = state.progress;
    const known = p !== null && p.files_total > 0;
    return (
      <section className="import-status" data-testid="import-progress" aria-label="Import progress">
        <div className="import-line">
          <span className="import-title" role="status">
            {state.cancelling ? "Cancelling the import…" : known ? `Importing ${formatCount(p.files_done)} of ${plural(p.files_total, "file", "files")}` : "Looking for files to import…"}
          </span>
          {p && (
            <span className="import-counts">
              {plural(p.imported, "article", "articles")} imported · {plural(p.duplicates, "duplicate", "duplicates")} · {formatCount(p.failed)} failed
            </span>
          )}
          <button type="button" className="button small" data-testid="import-cancel" disabled={state.cancelling} onClick={importer.cancel}>
            Cancel
          </button>
        </div>
        {known ? <progress max={p.files_total} value={p.files_done} aria-label="Files imported" /> : <progress aria-label="Import starting" />}
      </section>
    );
  }

  if (state.phase === "failed") {
    return (
      <section className="import-status summary failed" data-testid="import-summary" aria-label="Import summary">
        <div className="import-line">
          <span className="import-title" role="alert">
            The import could not run: {visibleControls(state.error.message)}
          </span>
          <CloseButton onClose={importer.dismiss} />
        </div>
      </section>
    );
  }

  const s = state.summary;
  return (
    <section className={`import-status summary${s.failed > 0 ? " has-failures" : ""}`} data-testid="import-summary" aria-label="Import summary">
      <div className="import-line">
        <span className="import-title" role="status">
          {s.cancelled ? "Import cancelled" : "Import finished"}: {plural(s.imported, "article", "articles")} imported · {plural(s.duplicates, "duplicate", "duplicates")} skipped ·{" "}
          {formatCount(s.failed)} failed
          {s.updated > 0 && <> · {plural(s.updated, "article", "articles")} updated to a new version</>}
          {s.needs_review > 0 && (
            <span className="import-review" data-testid="import-needs-review">
              {" "}
              · {plural(s.needs_review, "claim needs", "claims need")} review
            </span>
          )}
        </span>
        <CloseButton onClose={importer.dismiss} />
      </div>
      {s.errors.length > 0 && (
        <div className="import-issues">
          <h3 className="issues-title">{s.errors.length === 1 ? "This file could not be imported" : `These ${formatCount(s.errors.length)} files could not be imported`}</h3>
          <IssueList issues={s.errors} testId="import-failure" />
        </div>
      )}
      {s.warnings.length > 0 && (
        <details className="import-issues warnings">
          <summary>{plural(s.warnings.length, "warning", "warnings")}: imported, but worth a look</summary>
          <IssueList issues={s.warnings} testId="import-warning" />
        </details>
      )}
    </section>
  );
}

function IssueList({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  return (
    <ul className="issue-list">
      {issues.map((issue, i) => (
        <li key={i} className="issue" data-testid={testId}>
          <span className="issue-path" dir="auto">
            {visibleControls(issue.path)}
          </span>
          <span className="issue-reason">{visibleControls(issue.error)}</span>
        </li>
      ))}
    </ul>
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button small" data-testid="import-summary-close" onClick={onClose}>
      Dismiss
    </button>
  );
}
