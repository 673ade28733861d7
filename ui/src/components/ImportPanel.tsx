// What to import: files or folders from the system dialog, or a typed path
// for keyboard users. Opens under the toolbar's Import button.

import { useEffect, useRef, useState, type FormEvent } from "react";

import { pickFiles, pickFolders } from "../lib/backend";
import { cleanPath } from "../lib/links";

interface Props {
  id: string;
  busy: boolean;
  onImport: (paths: string[]) => void;
  onClose: () => void;
}

export function ImportPanel({ id, busy, onImport, onClose }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [path, setPath] = useState("");

  useEffect(() => {
    first.current?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (panel.current && !panel.current.contains(target) && !(target instanceof Element && target.closest("[data-import-toggle]"))) onClose();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [onClose]);

  const choose = (pick: () => Promise<string[]>) => {
    // A dialog that fails to open leaves the panel as it was, ready for a typed path.
    pick().then((paths) => paths.length > 0 && onImport(paths), () => {});
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cleaned = cleanPath(path);
    if (cleaned === "") return;
    onImport([cleaned]);
    setPath("");
  };

  return (
    <div
      ref={panel}
      id={id}
      className="import-panel"
      data-testid="import-panel"
      role="dialog"
      aria-label="Import articles"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className="panel-title">Import articles</h2>
      <p className="panel-text">Plain text, Markdown, HTML, JSON lines, RSS and Atom feeds. Articles already in your desk are recognised and skipped.</p>
      {busy && <p className="panel-note">An import is running; start another when it has finished.</p>}
      <div className="panel-actions">
        <button ref={first} type="button" className="button primary" disabled={busy} onClick={() => choose(pickFiles)}>
          Files…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => choose(pickFolders)}>
          Folder…
        </button>
      </div>
      <form className="path-form" onSubmit={submit}>
        <label htmlFor={`${id}-path`}>Or type the path of a file or folder</label>
        <div className="path-row">
          <input
            id={`${id}-path`}
            type="text"
            data-testid="import-path-input"
            className="text-input"
            placeholder="/home/you/articles"
            spellCheck={false}
            autoComplete="off"
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit" className="button" data-testid="import-path-submit" disabled={busy || cleanPath(path) === ""}>
            Import
          </button>
        </div>
      </form>
      <p className="panel-hint">You can also drop files and folders anywhere on this window.</p>
    </div>
  );
}
