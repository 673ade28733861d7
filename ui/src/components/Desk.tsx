// The open desk: first run while it is empty, then search, reader and details.
// Owns what the panes share: the search, the open article, the import.

import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";

import { useArticle } from "../hooks/useArticle";
import { useClaims } from "../hooks/useClaims";
import { useExport, type ExportState } from "../hooks/useExport";
import { useImport, type ImportState } from "../hooks/useImport";
import { useSearch } from "../hooks/useSearch";
import { useShortcuts } from "../hooks/useShortcuts";
import { claimPage, getClaim, onDragDrop, redo, stats, toCommandError, undo, type ArticleId, type ClaimId, type ClaimRow, type CommandError, type SearchHit, type SourceId, type Span } from "../lib/backend";
import { ClaimsController } from "../lib/claimsController";
import { summaryText } from "../lib/export";
import { ClaimsView } from "./ClaimsView";
import { DeskError } from "./DeskError";
import { DeskLoading } from "./DeskLoading";
import { DetailsPane } from "./DetailsPane";
import { DropOverlay } from "./DropOverlay";
import { ExportPanel } from "./ExportPanel";
import { FirstRun } from "./FirstRun";
import { ImportPanel } from "./ImportPanel";
import { ImportStatus } from "./ImportStatus";
import { Reader } from "./Reader";
import { SearchPane } from "./SearchPane";
import { Toast, type ToastMessage } from "./Toast";
import { SourcesView } from "./SourcesView";
import { Toolbar, VIEWS, type View } from "./Toolbar";

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
  const [claims, refreshClaims] = useClaims(article.view?.article.id ?? null, article.claims);
  const [showClaim, setShowClaim] = useState<{ id: ClaimId; key: number } | null>(null);
  const [editClaim, setEditClaim] = useState<{ id: ClaimId; key: number } | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastKey = useRef(0);
  const say = useCallback((text: string, action?: ToastMessage["action"]) => setToast({ text, key: ++toastKey.current, action }), []);
  const hideToast = useCallback(() => setToast(null), []);
  const [view, setView] = useState<View>("desk");
  // Export…: the dialog, and the export, which goes on when the dialog is closed.
  const [exportOpen, setExportOpen] = useState(false);
  const exportOpenRef = useRef(false);
  exportOpenRef.current = exportOpen;
  const exportButton = useRef<HTMLButtonElement>(null);
  const exporter = useExport(
    useCallback(
      (ended: ExportState) => {
        // With the dialog open it shows the end itself.
        if (exportOpenRef.current) return;
        if (ended.phase === "finished") say(`Export finished: ${summaryText(ended.summary, ended.request.format)}`, { label: "Show", run: () => setExportOpen(true) });
        else if (ended.phase === "failed") say(`The export failed: ${ended.error.message}`, { label: "Show", run: () => setExportOpen(true) });
      },
      [say],
    ),
  );
  const resetExport = exporter.reset;
  const closeExport = useCallback(() => {
    // A summary or an error once seen is done with; a running export goes on.
    setExportOpen(false);
    resetExport();
    exportButton.current?.focus();
  }, [resetExport]);
  const [selection, setSelection] = useState<{ article: ArticleId; span: Span } | null>(null);
  // Bumped after every edit, undo and redo: the views list again what they show.
  const [revision, setRevision] = useState(0);
  const [claimsController] = useState(() => new ClaimsController(claimPage));
  useEffect(() => () => claimsController.dispose(), [claimsController]);
  const claimsState = useSyncExternalStore(claimsController.subscribe, claimsController.getState);

  const changed = useCallback(() => {
    refreshClaims();
    setRevision((r) => r + 1);
    claimsController.refresh();
  }, [refreshClaims, claimsController]);

  const history = useCallback(
    (step: typeof undo, done: string) => {
      step().then(
        (operation) => {
          say(`${done}: ${operation.label}`);
          changed();
        },
        (e) => say(toCommandError(e).message),
      );
    },
    [say, changed],
  );

  /** After an edit: the toast says what was done and offers Undo. */
  const edited = useCallback(
    (message: string, undoable: boolean) => {
      say(message, undoable ? { label: "Undo", run: () => history(undo, "Undone") } : undefined);
      changed();
    },
    [say, changed, history],
  );

  /** Opens a claim's article in the reader and shows the claim there. */
  const openClaim = useCallback(
    (articleId: ArticleId, claimId: ClaimId) => {
      setView("desk");
      openedRef.current = { id: articleId, query: "" };
      openArticle(articleId, "");
      setShowClaim((s) => ({ id: claimId, key: (s?.key ?? 0) + 1 }));
    },
    [openArticle],
  );
  const openRow = useCallback((row: ClaimRow) => openClaim(row.article, row.id), [openClaim]);
  // A source picked in the claims view: its page in the sources view.
  const [sourceShown, setSourceShown] = useState<{ id: SourceId; key: number } | null>(null);
  const openSourceOf = useCallback(
    (claimId: ClaimId, position: number) => {
      getClaim(claimId).then(
        (claim) => {
          const source = claim.chain[position]?.source;
          if (!source) return;
          setSourceShown((s) => ({ id: source.id, key: (s?.key ?? 0) + 1 }));
          setView("sources");
        },
        (e) => say(toCommandError(e).message),
      );
    },
    [say],
  );

  const refreshStats = useCallback(() => {
    stats().then(
      (s) => setArticles(s.articles),
      (e) => setStatsError(toCommandError(e)),
    );
  }, []);

  // After an import the open article may have a new version (same URL, other
  // text) with its claims re-anchored: read both again.
  const openedRef = useRef<{ id: ArticleId; query: string } | null>(null);
  const importer = useImport(
    useCallback(() => {
      refreshStats();
      controller.refresh();
      if (openedRef.current) openArticle(openedRef.current.id, openedRef.current.query);
      refreshClaims();
      setRevision((r) => r + 1);
      claimsController.refresh();
    }, [refreshStats, controller, openArticle, refreshClaims, claimsController]),
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

  const onOpen = useCallback(
    (hit: SearchHit, query: string, alongside?: () => void) => {
      openedRef.current = { id: hit.id, query };
      openArticle(hit.id, query, alongside);
    },
    [openArticle],
  );

  const firstRun = articles === 0 && !hasImported(importer.state);

  useShortcuts({
    focusSearch: () => {
      // `/` and Ctrl+K focus the filter box of the view shown; from the desk, the search.
      const filter = view === "claims" ? "claims-filter-text" : view === "sources" ? "sources-filter" : null;
      const box = filter ? document.querySelector<HTMLInputElement>(`[data-testid="${filter}"]`) : null;
      if (box) {
        box.focus();
        box.select();
        return;
      }
      setView("desk");
      // The workspace is shown again before the focus moves.
      requestAnimationFrame(() => {
        searchInput.current?.focus();
        searchInput.current?.select();
      });
    },
    view: firstRun ? undefined : (index) => setView(VIEWS[index - 1].value),
    openImport: () => setImportOpen(true),
    openExport: firstRun ? undefined : () => setExportOpen(true),
    find: article.view && view === "desk" ? () => setFind((f) => ({ open: true, focusKey: f.focusKey + 1 })) : undefined,
    undo: () => history(undo, "Undone"),
    redo: () => history(redo, "Redone"),
  });


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
        exportDialog={firstRun ? undefined : { open: exportOpen, button: exportButton, onOpen: () => setExportOpen(true) }}
        details={firstRun || view !== "desk" ? undefined : { open: detailsOpen, paneId: detailsId, onToggle: () => setDetailsOpen(!detailsOpen) }}
        view={firstRun ? undefined : { current: view, onChange: setView }}
      />
      {importOpen && <ImportPanel id={importPanelId} busy={importing} onImport={importPaths} onClose={closeImportPanel} />}
      {exportOpen && <ExportPanel exporter={exporter} currentQuery={search.results?.query || search.text} onClose={closeExport} />}
      {firstRun ? (
        <FirstRun busy={importing} onImport={() => setImportOpen(true)} onSamples={() => startImport({ kind: "samples" })} />
      ) : (
        <div className="workspace" hidden={view !== "desk"}>
          <SearchPane state={search} controller={controller} inputRef={searchInput} openId={article.requested} importing={importing} onOpen={onOpen} />
          <Reader
            article={article}
            findOpen={find.open && article.view !== null}
            findFocusKey={find.focusKey}
            onFindClose={() => setFind((f) => ({ ...f, open: false }))}
            claims={claims.claims}
            onClaimSaved={(message) => edited(message, true)}
            showClaim={showClaim}
            editClaim={editClaim}
            onSelection={setSelection}
          />
          {detailsOpen && (
            <DetailsPane
              id={detailsId}
              article={article.view?.article ?? null}
              claims={claims}
              onShowClaim={(id) => setShowClaim((s) => ({ id, key: (s?.key ?? 0) + 1 }))}
              selection={selection && selection.article === article.view?.article.id ? selection.span : null}
              onEditClaim={(id: ClaimId) => setEditClaim((s) => ({ id, key: (s?.key ?? 0) + 1 }))}
              onEdited={edited}
              onClose={() => setDetailsOpen(false)}
            />
          )}
        </div>
      )}
      {!firstRun && view === "claims" && <ClaimsView state={claimsState} controller={claimsController} onOpen={openRow} onOpenSource={openSourceOf} />}
      {!firstRun && view === "sources" && (
        <SourcesView key={sourceShown?.key ?? 0} initial={sourceShown?.id ?? null} revision={revision} onOpenClaim={openClaim} onEdited={edited} />
      )}
      <ImportStatus importer={importer} />
      {dragging && <DropOverlay busy={importing} />}
      {toast && <Toast key={toast.key} message={toast} onDone={hideToast} />}
    </div>
  );
}
