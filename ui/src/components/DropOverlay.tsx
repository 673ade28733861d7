// Shown while files are dragged over the window.

export function DropOverlay({ busy }: { busy: boolean }) {
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-target">
        <p className="drop-title">{busy ? "An import is already running" : "Drop to import"}</p>
        <p className="drop-text">{busy ? "Drop again when it has finished." : "Files and folders are read; articles already in your desk are skipped."}</p>
      </div>
    </div>
  );
}
