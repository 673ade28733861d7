// What an empty desk shows: what Claimdesk is for, and the two ways in.

interface Props {
  busy: boolean;
  onImport: () => void;
  onSamples: () => void;
}

export function FirstRun({ busy, onImport, onSamples }: Props) {
  return (
    <main className="first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <div className="first-run-card">
        <h1 id="first-run-title" className="first-run-title">
          Who claims what, according to whom.
        </h1>
        <p className="first-run-text">
          Claimdesk keeps the articles you collect in one searchable desk on this computer, so you can follow a claim from outlet to outlet and
          see who said it first. Nothing leaves your machine.
        </p>
        <p className="first-run-text">Start by bringing in some articles.</p>
        <div className="first-run-actions">
          <button type="button" className="button primary large" data-testid="first-run-import" disabled={busy} onClick={onImport}>
            Import files or a folder…
          </button>
          <button type="button" className="button large" data-testid="open-samples" disabled={busy} onClick={onSamples}>
            Open the sample articles
          </button>
        </div>
        <p className="first-run-hint">
          Plain text, Markdown, HTML, JSON lines, RSS and Atom feeds. You can also drop files and folders onto this window.
        </p>
      </div>
    </main>
  );
}
