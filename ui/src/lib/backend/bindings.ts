// Generated from the Rust types by `make bindings`. Do not edit.

export type Article = { id: number, title: string, body: string, outlet: string | null, author: string | null, url: string | null, published: Timestamp | null, language: string | null, content_hash: string, origin: Origin, imported_at: Timestamp, };

export type ArticleView = { article: Article, 
/**
 * Half-open code-point ranges into `article.body`.
 */
highlights: Array<[number, number]>, };

export type CheckReport = { articles: number, indexed_documents: number, 
/**
 * Empty when all is well; otherwise one sentence per problem.
 */
problems: Array<string>, };

export type CommandError = { code: string, message: string, 
/**
 * Code-point offset into the query, for `query_syntax` errors.
 */
position: number | null, };

export type DeskStatus = { ready: boolean, error: CommandError | null, data_dir: string | null, };

export type FacetCount = { value: string, count: number, };

export type Facets = { 
/**
 * Most frequent first.
 */
outlet: Array<FacetCount>, 
/**
 * Newest first.
 */
year: Array<FacetCount>, };

export type ImportIssue = { 
/**
 * The file's path; for a record inside a file, `path:line` or `path#item`.
 */
path: string, 
/**
 * What went wrong, in words a person understands.
 */
error: string, };

export type ImportProgress = { files_done: number, files_total: number, imported: number, duplicates: number, failed: number, };

export type ImportSummary = { imported: number, duplicates: number, 
/**
 * Files or records that could not be imported; `errors` says why.
 */
failed: number, errors: Array<ImportIssue>, 
/**
 * Imported, but with something the analyst should know (replaced bytes, guessed encoding).
 */
warnings: Array<ImportIssue>, 
/**
 * True when the import was cancelled before every file was read.
 */
cancelled: boolean, };

export type IndexProgress = { done: number, total: number, };

export type Origin = { path: string, format: SourceFormat, 
/**
 * 1-based record number inside the file, for multi-record formats.
 */
record: number | null, };

export type SearchHit = { id: number, title: string, outlet: string | null, published: Timestamp | null, score: number, 
/**
 * A passage of the body around the best match, as plain text.
 */
snippet: string, 
/**
 * Matched words in `snippet`, as half-open code-point ranges `[start, end)`.
 */
highlights: Array<[number, number]>, };

export type SearchRequest = { 
/**
 * The query in Claimdesk's query language (see `docs/query-language.md`).
 */
query: string, limit: number, offset: number, sort: SortOrder, };

export type SearchResults = { query: string, 
/**
 * Every matching article, not only those in `hits`.
 */
total: number, hits: Array<SearchHit>, facets: Facets, };

export type SortOrder = "relevance" | "date";

export type SourceFormat = "text" | "markdown" | "html" | "jsonl" | "rss" | "atom";

export type Stats = { articles: number, audit_entries: number, indexed_documents: number, database_bytes: number, index_bytes: number, database_schema_version: number, index_schema_version: number, app_version: string, data_dir: string, };

export type Timestamp = string;
