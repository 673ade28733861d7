// The open desk: first run while it is empty, then search, reader and details.
// Owns what the panes share: the search, the open article, the import.

import { useCallback, useEffect, useId, useRef, useState } from "react";

import { useArticle } from "../hooks/useArticle";
import { useClaims } from "../hooks/useClaims";
import { useImport, type ImportState } from "../hooks/useImport";
import { useSearch } from "../hooks/useSearch";
import { useShortcuts } from "../hooks/useShortcuts";
import { onDragDrop, redo, stats, toCommandError, undo, type ClaimId, type CommandError, type SearchHit } from "../lib/backend";
import { DeskError } from "./DeskError";
import { DeskLoading } from "./DeskLoading";
import { DetailsPane } from "./DetailsPane";
import { DropOverlay } from "./DropOverlay";
import { FirstRun } from "./FirstRun";
import { ImportPanel } from "./ImportPanel";
import { ImportStatus } from "./ImportStatus";
import { Reader } from "./Reader";
import { SearchPane } from "./SearchPane";
import { Toast, type ToastMessage } from "./Toast";
import { Toolbar } from "./Toolbar";

/** While importing, the search runs again this often to show new articles. */
const IMPORT_REFRESH_MS = 1500;
/** Below this window width the details pane starts closed (it collapses first). */
const DETAILS_MIN_WIDTH = 1100;

/** Whether the import running or just finished has added articles. */
function hasImported(state: ImportState): boolean {
  if (state.phase === "running") return (state.progress?.imported ?? 0) > 0;
  return state.phase === "finished" && state.summary.imported > 0;
}

export function Desk() {
  const [articles, setArticles] = useState<number | null>(null);
  const [statsError, setStatsError] = useState<CommandError | null>(null);
  const [search, controller] = useSearch();
  const [article, openArticle] = useArticle();
  const [importOpen, setImportOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(() => window.innerWidth >= DETAILS_MIN_WIDTH);
  const [find, setFind] = useState({ open: false, focusKey: 0 });
  const searchInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const importPanelId = useId();
  const detailsId = useId();
  const [claims, refreshClaims] = useClaims(article.view?.article.id ?? null);
  const [showClaim, setShowClaim] = useState<{ id: ClaimId; key: number } | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastKey = useRef(0);
  const say = useCallback((text: string) => setToast({ text, key: ++toastKey.current }), []);
  const hideToast = useCallback(() => setToast(null), []);

  const history = useCallback(
    (step: typeof undo, done: string) => {
      step().then(
        (operation) => {
          say(`${done}: ${operation.label}`);
          refreshClaims();
        },
        (e) => say(toCommandError(e).message),
      );
    },
    [say, refreshClaims],
  );

  const refreshStats = useCallback(() => {
    stats().then(
      (s) => setArticles(s.articles),
      (e) => setStatsError(toCommandError(e)),
    );
  }, []);

  const importer = useImport(
    useCallback(() => {
      refreshStats();
      controller.refresh();
    }, [refreshStats, controller]),
  );
  const importing = importer.state.phase === "running";
  const startImport = importer.start;

  useEffect(() => {
    refreshStats();
    controller.start();
  }, [refreshStats, controller]);

  useEffect(() => {
    if (!importing) return;
    const timer = setInterval(() => controller.refresh(), IMPORT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [importing, controller]);

  useEffect(() => {
    const listening = onDragDrop((event) => {
      setDragging(event.type === "enter" || event.type === "over");
      if (event.type === "drop" && event.paths.length > 0) {
        setImportOpen(false);
        startImport({ kind: "paths", paths: event.paths });
      }
    });
    return () => void listening.then((unlisten) => unlisten(), () => {});
  }, [startImport]);

  const closeImportPanel = useCallback(() => {
    setImportOpen(false);
    importButton.current?.focus();
  }, []);

  const importPaths = useCallback(
    (paths: string[]) => {
      setImportOpen(false);
      startImport({ kind: "paths", paths });
    },
    [startImport],
  );

  const onOpen = useCallback((hit: SearchHit, query: string) => openArticle(hit.id, query), [openArticle]);

  useShortcuts({
    focusSearch: () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    openImport: () => setImportOpen(true),
    find: article.view ? () => setFind((f) => ({ open: true, focusKey: f.focusKey + 1 })) : undefined,
    undo: () => history(undo, "Undone"),
    redo: () => history(redo, "Redone"),
  });

  const firstRun = articles === 0 && !hasImported(importer.state);
  // Leaving the first run mid-import: show what has arrived without waiting for the next refresh.
  const wasFirstRun = useRef(false);
  useEffect(() => {
    if (wasFirstRun.current && !firstRun) controller.refresh();
    wasFirstRun.current = firstRun;
  }, [firstRun, controller]);

  if (articles === null) return statsError ? <DeskError error={statsError} /> : <DeskLoading progress={null} />;

  return (
    <div className={`app${detailsOpen && !firstRun ? " with-details" : ""}`}>
      <Toolbar
        importOpen={importOpen}
        importPanelId={importPanelId}
        importButton={importButton}
        onImport={() => setImportOpen(!importOpen)}
        details={firstRun ? undefined : { open: detailsOpen, paneId: detailsId, onToggle: () => setDetailsOpen(!detailsOpen) }}
      />
      {importOpen && <ImportPanel id={importPanelId} busy={importing} onImport={importPaths} onClose={closeImportPanel} />}
      {firstRun ? (
        <FirstRun busy={importing} onImport={() => setImportOpen(true)} onSamples={() => startImport({ kind: "samples" })} />
      ) : (
        <div className="workspace">
          <SearchPane state={search} controller={controller} inputRef={searchInput} openId={article.requested} importing={importing} onOpen={onOpen} />
          <Reader
            article={article}
            findOpen={find.open && article.view !== null}
            findFocusKey={find.focusKey}
            onFindClose={() => setFind((f) => ({ ...f, open: false }))}
            claims={claims.claims}
            onClaimSaved={() => refreshClaims()}
            showClaim={showClaim}
          />
          {detailsOpen && (
            <DetailsPane
              id={detailsId}
              article={article.view?.article ?? null}
              claims={claims}
              onShowClaim={(id) => setShowClaim((s) => ({ id, key: (s?.key ?? 0) + 1 }))}
              onClose={() => setDetailsOpen(false)}
            />
          )}
        </div>
      )}
      <ImportStatus importer={importer} />
      {dragging && <DropOverlay busy={importing} />}
      {toast && <Toast key={toast.key} message={toast} onDone={hideToast} />}
    </div>
  );
}
