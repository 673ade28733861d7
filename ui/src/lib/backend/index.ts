// The one door to the Rust core and to Tauri: components call these functions
// and never `invoke`, `listen`, `Channel` or a plugin themselves, so the
// command names, argument shapes and error handling live in one place.
//
// In a plain browser (`npm run dev` without Tauri) a mock backend stands in,
// so the UI can be developed and looked at without the desktop shell; it is
// left out of production builds.

import { Channel, invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import { openUrl } from "@tauri-apps/plugin-opener";

import type {
  AcceptSuggestion,
  Article,
  ArticleView,
  AttributionSuggestion,
  Claim,
  ClaimPage,
  ClaimPatch,
  ClaimQuery,
  CommandError,
  DeskStatus,
  ExportProgress,
  ExportRequest,
  ExportSummary,
  ImportProgress,
  ImportSummary,
  IndexProgress,
  NewClaim,
  NewSource,
  Operation,
  SearchRequest,
  SearchResults,
  Selector,
  Source,
  SourcePage,
  SourcePatch,
  Span,
  Stats,
  Tag,
} from "./bindings";
import { isWebAddress } from "../links";
import { measureSince } from "../perf";

export type * from "./bindings";
export type ArticleId = Article["id"];
export type ClaimId = Claim["id"];
export type SourceId = Source["id"];

export type Unlisten = () => void;

/** What a file drag over the window is doing; `paths` only on enter and drop. */
export type DragDrop = { type: "enter" | "drop"; paths: string[] } | { type: "over" } | { type: "leave" };

/** Everything the UI asks of the desktop side. */
export interface Backend {
  deskStatus(): Promise<DeskStatus>;
  onDeskStatus(handler: (status: DeskStatus) => void): Promise<Unlisten>;
  onOpenProgress(handler: (progress: IndexProgress) => void): Promise<Unlisten>;
  search(request: SearchRequest): Promise<SearchResults>;
  openArticle(id: ArticleId, query: string): Promise<ArticleView>;
  stats(): Promise<Stats>;
  importPaths(paths: string[], onProgress: (progress: ImportProgress) => void): Promise<ImportSummary>;
  importSamples(onProgress: (progress: ImportProgress) => void): Promise<ImportSummary>;
  cancelImport(): Promise<void>;
  /** Paths chosen in the system's file dialog; empty when cancelled. */
  pickFiles(): Promise<string[]>;
  pickFolders(): Promise<string[]>;
  /** A file to write, chosen in the system's save dialog (which asks before replacing one); null when cancelled. */
  pickSaveFile(defaultName: string, extension: string): Promise<string | null>;
  /** Writes the claims of a selection to a file, reporting the records written; the file appears only once whole. No cancel. */
  exportClaims(request: ExportRequest, onProgress: (progress: ExportProgress) => void): Promise<ExportSummary>;
  /** Opens a web address in the system browser. */
  openExternal(url: string): Promise<void>;
  onDragDrop(handler: (event: DragDrop) => void): Promise<Unlisten>;
  claimsOfArticle(articleId: ArticleId): Promise<Claim[]>;
  /** The selector of a code-point span of the article's body. */
  selectSpan(articleId: ArticleId, span: Span): Promise<Selector>;
  createClaim(claim: NewClaim): Promise<Claim>;
  /**
   * A claim and the new sources of its chain as one undoable step:
   * `newSources[i]`, when given, is the source of link `i` (its id is ignored).
   */
  createClaimWithSources(claim: NewClaim, newSources: (NewSource | null)[]): Promise<Claim>;
  updateClaim(id: ClaimId, patch: ClaimPatch): Promise<Claim>;
  deleteClaim(id: ClaimId): Promise<void>;
  /** Type-ahead: sources whose name or an alias contains `query`. */
  findSources(query: string): Promise<Source[]>;
  createSource(source: NewSource): Promise<Source>;
  addAlias(id: SourceId, alias: string): Promise<Source>;
  removeAlias(id: SourceId, alias: string): Promise<Source>;
  /** A page of the claims view (filter, sort, offset, limit). */
  claimPage(query: ClaimQuery): Promise<ClaimPage>;
  getClaim(id: ClaimId): Promise<Claim>;
  listSources(): Promise<Source[]>;
  sourcePage(id: SourceId): Promise<SourcePage>;
  updateSource(id: SourceId, patch: SourcePatch): Promise<Source>;
  /** Moves `absorb`'s aliases, attributions and members to `keep`; `absorb` is gone. */
  mergeSources(keep: SourceId, absorb: SourceId): Promise<Source>;
  listTags(): Promise<Tag[]>;
  /** Attribution suggestions for the article (found on first request per version, then cached), without rejected or recorded ones. */
  suggestions(articleId: ArticleId): Promise<AttributionSuggestion[]>;
  /** Records the suggestion named by `accept.cue` as a claim with its speaker, cue, mention and chain: one undoable operation. */
  acceptSuggestion(articleId: ArticleId, accept: AcceptSuggestion): Promise<Claim>;
  /** Hides the suggestion with this cue in this version of the article for good (undoable). */
  rejectSuggestion(articleId: ArticleId, cue: Span): Promise<void>;
  undo(): Promise<Operation>;
  redo(): Promise<Operation>;
}

/** The backend's events (see `src-tauri/src/desktop/mod.rs`). */
const EVENTS = { status: "desk://status", openProgress: "desk://open-progress" } as const;

function asList(chosen: string | string[] | null): string[] {
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

const tauriBackend: Backend = {
  deskStatus: () => call("desk_status"),
  onDeskStatus: (handler) => listen<DeskStatus>(EVENTS.status, (e) => handler(e.payload)),
  onOpenProgress: (handler) => listen<IndexProgress>(EVENTS.openProgress, (e) => handler(e.payload)),
  search: (request) => call("search", { request }, { query: request.query, offset: request.offset }),
  openArticle: (id, query) => call("open_article", { id, query }, { id }),
  stats: () => call("stats"),
  importPaths: (paths, onProgress) => call("import_paths", { paths, progress: new Channel(onProgress) }),
  importSamples: (onProgress) => call("import_samples", { progress: new Channel(onProgress) }),
  cancelImport: () => call("cancel_import"),
  pickFiles: async () => asList(await open({ multiple: true, directory: false, title: "Import files" })),
  pickFolders: async () => asList(await open({ multiple: true, directory: true, title: "Import folders" })),
  pickSaveFile: (defaultName, extension) =>
    save({ title: "Export to", defaultPath: defaultName, filters: [{ name: `.${extension} files`, extensions: [extension] }] }),
  exportClaims: (request, onProgress) => call("export_claims", { request, progress: new Channel(onProgress) }),
  openExternal: (url) => openUrl(url),
  onDragDrop: (handler) =>
    getCurrentWebview().onDragDropEvent((e) => {
      const p = e.payload;
      handler(p.type === "enter" || p.type === "drop" ? { type: p.type, paths: p.paths } : { type: p.type });
    }),
  claimsOfArticle: (articleId) => call("claims_of_article", { articleId }),
  selectSpan: (articleId, span) => call("select_span", { articleId, span }),
  createClaim: (claim) => call("create_claim", { claim }),
  createClaimWithSources: (claim, newSources) => call("create_claim_with_sources", { claim, newSources }),
  updateClaim: (id, patch) => call("update_claim", { id, patch }),
  deleteClaim: (id) => call("delete_claim", { id }),
  findSources: (query) => call("find_sources", { query }),
  createSource: (source) => call("create_source", { source }),
  addAlias: (id, alias) => call("add_alias", { id, alias }),
  removeAlias: (id, alias) => call("remove_alias", { id, alias }),
  claimPage: (query) => call("claim_page", { query }, { offset: query.offset, text: query.filter.text ?? null }),
  getClaim: (id) => call("get_claim", { id }),
  listSources: () => call("list_sources"),
  sourcePage: (id) => call("source_page", { id }),
  updateSource: (id, patch) => call("update_source", { id, patch }),
  mergeSources: (keep, absorb) => call("merge_sources", { keep, absorb }),
  listTags: () => call("list_tags"),
  suggestions: (articleId) => call("suggestions", { articleId }, { id: articleId }),
  acceptSuggestion: (articleId, accept) => call("accept_suggestion", { articleId, accept }),
  rejectSuggestion: (articleId, cue) => call("reject_suggestion", { articleId, cue }),
  undo: () => call("undo"),
  redo: () => call("redo"),
};

/** Invokes a command, turning every rejection into a `CommandError`. */
async function call<T>(command: string, args?: Record<string, unknown>, detail?: unknown): Promise<T> {
  // The IPC round trip, for the UI benchmark: `cd:ipc:<command>` from invoke to the parsed answer.
  const start = performance.now();
  try {
    const answer = await invoke<T>(command, args);
    measureSince(`cd:ipc:${command}`, start, detail);
    return answer;
  } catch (e) {
    throw toCommandError(e);
  }
}

export function isCommandError(e: unknown): e is CommandError {
  return typeof e === "object" && e !== null && typeof (e as CommandError).code === "string" && typeof (e as CommandError).message === "string";
}

/**
 * Commands reject with a `CommandError`; Tauri itself rejects with a string
 * (an unknown command, arguments that do not deserialize).
 */
export function toCommandError(e: unknown): CommandError {
  if (isCommandError(e)) return { code: e.code, message: e.message, position: e.position ?? null };
  return { code: "internal", message: e instanceof Error ? e.message : String(e), position: null };
}

const inTauri = typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;

const backend: Promise<Backend> =
  inTauri || !import.meta.env.DEV ? Promise.resolve(tauriBackend) : import("./mock").then((m) => m.createMockBackend());

export const deskStatus = async () => (await backend).deskStatus();
export const onDeskStatus = async (handler: (status: DeskStatus) => void) => (await backend).onDeskStatus(handler);
export const onOpenProgress = async (handler: (progress: IndexProgress) => void) => (await backend).onOpenProgress(handler);
export const search = async (request: SearchRequest) => (await backend).search(request);
export const openArticle = async (id: ArticleId, query: string) => (await backend).openArticle(id, query);
export const stats = async () => (await backend).stats();
export const importPaths = async (paths: string[], onProgress: (progress: ImportProgress) => void) =>
  (await backend).importPaths(paths, onProgress);
export const importSamples = async (onProgress: (progress: ImportProgress) => void) => (await backend).importSamples(onProgress);
export const cancelImport = async () => (await backend).cancelImport();
export const pickFiles = async () => (await backend).pickFiles();
export const pickFolders = async () => (await backend).pickFolders();
export const pickSaveFile = async (defaultName: string, extension: string) => (await backend).pickSaveFile(defaultName, extension);
export const exportClaims = async (request: ExportRequest, onProgress: (progress: ExportProgress) => void) =>
  (await backend).exportClaims(request, onProgress);
export const claimsOfArticle = async (articleId: ArticleId) => (await backend).claimsOfArticle(articleId);
export const selectSpan = async (articleId: ArticleId, span: Span) => (await backend).selectSpan(articleId, span);
export const createClaim = async (claim: NewClaim) => (await backend).createClaim(claim);
export const createClaimWithSources = async (claim: NewClaim, newSources: (NewSource | null)[]) =>
  (await backend).createClaimWithSources(claim, newSources);
export const updateClaim = async (id: ClaimId, patch: ClaimPatch) => (await backend).updateClaim(id, patch);
export const deleteClaim = async (id: ClaimId) => (await backend).deleteClaim(id);
export const findSources = async (query: string) => (await backend).findSources(query);
export const createSource = async (source: NewSource) => (await backend).createSource(source);
export const addAlias = async (id: SourceId, alias: string) => (await backend).addAlias(id, alias);
export const removeAlias = async (id: SourceId, alias: string) => (await backend).removeAlias(id, alias);
export const claimPage = async (query: ClaimQuery) => (await backend).claimPage(query);
export const getClaim = async (id: ClaimId) => (await backend).getClaim(id);
export const listSources = async () => (await backend).listSources();
export const sourcePage = async (id: SourceId) => (await backend).sourcePage(id);
export const updateSource = async (id: SourceId, patch: SourcePatch) => (await backend).updateSource(id, patch);
export const mergeSources = async (keep: SourceId, absorb: SourceId) => (await backend).mergeSources(keep, absorb);
export const listTags = async () => (await backend).listTags();
export const suggestions = async (articleId: ArticleId) => (await backend).suggestions(articleId);
export const acceptSuggestion = async (articleId: ArticleId, accept: AcceptSuggestion) => (await backend).acceptSuggestion(articleId, accept);
export const rejectSuggestion = async (articleId: ArticleId, cue: Span) => (await backend).rejectSuggestion(articleId, cue);
export const undo = async () => (await backend).undo();
export const redo = async () => (await backend).redo();
export const onDragDrop = async (handler: (event: DragDrop) => void) => (await backend).onDragDrop(handler);

/**
 * Opens a link of an article in the system browser. Only http(s) addresses
 * are opened: an article's `javascript:` or `file:` "link" is data, not a
 * destination (the opener capability allows only http(s) as well).
 */
export async function openExternal(url: string): Promise<void> {
  if (!isWebAddress(url)) return;
  await (await backend).openExternal(url);
}
