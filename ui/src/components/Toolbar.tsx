// The top bar: the name, the views (desk, claims, sources), Import…, Export…, and the details toggle.

import type { KeyboardEvent, Ref } from "react";

export type View = "desk" | "claims" | "sources";

export const VIEWS: readonly { value: View; label: string; key: string }[] = [
  { value: "desk", label: "Search & read", key: "1" },
  { value: "claims", label: "Claims", key: "2" },
  { value: "sources", label: "Sources", key: "3" },
];

interface Props {
  importOpen: boolean;
  importPanelId: string;
  importButton: Ref<HTMLButtonElement>;
  onImport: () => void;
  /** Absent when there is nothing to export yet (first run). */
  exportDialog?: { open: boolean; button: Ref<HTMLButtonElement>; onOpen: () => void };
  /** Absent when there is no details pane to show (first run). */
  details?: { open: boolean; paneId: string; onToggle: () => void };
  /** Absent on the first run, when there is nothing to list yet. */
  view?: { current: View; onChange: (view: View) => void };
}

export function Toolbar({ importOpen, importPanelId, importButton, onImport, exportDialog, details, view }: Props) {
  // Tabs: the arrow keys move between them (and show the view), Tab leaves.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!view || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
    e.preventDefault();
    const at = VIEWS.findIndex((v) => v.value === view.current);
    const next = VIEWS[(at + (e.key === "ArrowRight" ? 1 : VIEWS.length - 1)) % VIEWS.length];
    view.onChange(next.value);
    e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-view="${next.value}"]`)?.focus();
  };
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-name">Claimdesk</span>
        {view && (
          <nav className="view-tabs" role="tablist" aria-label="Views">
            {VIEWS.map((v) => (
              <button
                key={v.value}
                type="button"
                role="tab"
                className="view-tab"
                data-testid={`view-${v.value}`}
                data-view={v.value}
                aria-selected={view.current === v.value}
                tabIndex={view.current === v.value ? 0 : -1}
                title={`${v.label} (Ctrl+${v.key})`}
                onClick={() => view.onChange(v.value)}
                onKeyDown={onTabKey}
              >
                {v.label}
              </button>
            ))}
          </nav>
        )}
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
        {exportDialog && (
          <button
            ref={exportDialog.button}
            type="button"
            className="button"
            data-testid="export-button"
            aria-haspopup="dialog"
            aria-expanded={exportDialog.open}
            title="Export claims (Ctrl+E)"
            onClick={exportDialog.onOpen}
          >
            Export…
          </button>
        )}
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
