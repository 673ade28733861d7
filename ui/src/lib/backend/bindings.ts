// Generated from the Rust types by `make bindings`. Do not edit.

export type AcceptSuggestion = { 
/**
 * The suggestion's cue, which names it.
 */
cue: Span, kind: ClaimKind, status: ClaimStatus, credibility: number, };

export type Article = { id: number, title: string, body: string, outlet: string | null, author: string | null, url: string | null, published: Timestamp | null, language: string | null, content_hash: string, origin: Origin, imported_at: Timestamp, };

export type ArticleView = { article: Article, 
/**
 * Half-open code-point ranges into `article.body`.
 */
highlights: Array<[number, number]>, };

export type AnchorReview = { reason: ReviewReason, 
/**
 * The claim's selector before the article's text changed.
 */
original: Selector, };

export type AnchorState = "anchored" | "needs_review";

export type Attribution = { source: SourceRef, role: ChainRole, cue: Span | null, mention: Span | null, };

export type AttributionSuggestion = { 
/**
 * The attributing words ("said", "according to", a colon); also the
 * suggestion's identity within this version of the article.
 */
cue: Span, 
/**
 * Who speaks, as written.
 */
source: SuggestedSource | null, 
/**
 * For a pronoun, the named source it most likely stands for.
 */
resolved: SuggestedSource | null, 
/**
 * What is attributed: the claim's span when accepted.
 */
content: Span | null, source_kind: SuggestedSourceKind, 
/**
 * "Reportedly", "allegedly", "appears to".
 */
hedged: boolean, 
/**
 * Intermediaries ("told AFP"), nearest the speaker first.
 */
chain: Array<SuggestedSource>, };

export type ChainLink = { source: number, role: ChainRole, 
/**
 * The attribution cue in the text ("said", "according to").
 */
cue: Span | null, 
/**
 * Where the text names the source.
 */
mention: Span | null, };

export type ChainRole = "speaker" | "intermediary";

export type CheckReport = { articles: number, indexed_documents: number, 
/**
 * Empty when all is well; otherwise one sentence per problem.
 */
problems: Array<string>, };

export type Claim = { id: number, 
/**
 * A UUID that stays the claim's across data directories and exports.
 */
uid: string, article: number, selector: Selector, kind: ClaimKind, status: ClaimStatus, credibility: number, note: string, anchor: AnchorState, 
/**
 * Set while `anchor` is `needs_review`: why, and the quote as it was.
 */
review: AnchorReview | null, 
/**
 * Tag names, alphabetical.
 */
tags: Array<string>, 
/**
 * Speaker first, then intermediaries; empty when unattributed.
 */
chain: Array<Attribution>, created: Timestamp, 
/**
 * The last edit of the claim, its chain or its tags.
 */
updated: Timestamp, };

export type ClaimFilter = { 
/**
 * Claims this source made or relayed.
 */
source?: number | null, status?: ClaimStatus | null, credibility?: number | null, 
/**
 * A tag name (case-insensitive).
 */
tag?: string | null, article?: number | null, 
/**
 * Words in the quote or the note (case-insensitive substring).
 */
text?: string | null, 
/**
 * `needs_review`: the claims re-anchoring left for the analyst.
 */
anchor?: AnchorState | null, 
/**
 * Claims in articles published on or after this instant.
 */
published_from?: Timestamp | null, 
/**
 * Claims in articles published before this instant.
 */
published_to?: Timestamp | null, };

export type ClaimKind = "factual_assertion" | "statistic" | "quote" | "prediction" | "opinion" | "denial";

export type ClaimPage = { 
/**
 * Claims the filter lets through, on every page.
 */
total: number, rows: Array<ClaimRow>, };

export type ClaimPatch = { 
/**
 * A new span; also marks the claim `anchored` unless `anchor` says otherwise.
 */
selector?: Selector | null, kind?: ClaimKind | null, status?: ClaimStatus | null, credibility?: number | null, note?: string | null, anchor?: AnchorState | null, tags?: Array<string> | null, chain?: Array<ChainLink> | null, };

export type ClaimQuery = { filter: ClaimFilter, sort: ClaimSort, descending: boolean, offset: number, limit: number, };

export type ClaimRow = { id: number, article: number, article_title: string, outlet: string | null, published: Timestamp | null, quote: string, kind: ClaimKind, status: ClaimStatus, credibility: number, anchor: AnchorState, 
/**
 * The speaker's name, then each intermediary's.
 */
chain: Array<string>, tags: Array<string>, note: string, updated: Timestamp, };

export type ClaimSort = "updated" | "published" | "credibility" | "status" | "article";

export type ClaimStatus = "unverified" | "corroborated" | "disputed" | "false" | "misleading";

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

export type ImportProgress = { files_done: number, files_total: number, imported: number, duplicates: number, 
/**
 * Stored articles replaced by a new version (same URL, other text).
 */
updated: number, 
/**
 * Claims of updated articles that re-anchoring left for review.
 */
needs_review: number, failed: number, };

export type ImportSummary = { imported: number, duplicates: number, 
/**
 * Stored articles replaced by a new version (same URL, other text).
 */
updated: number, 
/**
 * Claims of updated articles that re-anchoring left for review.
 */
needs_review: number, 
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

export type ExportFormat = "w3c" | "csv" | "sources_csv" | "markdown" | "html" | "claimreview";

export type ExportProgress = { written: number, };

export type ExportRequest = { format: ExportFormat, 
/**
 * Claims in the articles this search matches.
 */
query?: string | null, tag?: string | null, 
/**
 * Claims this source (a name or an alias) made or relayed.
 */
source?: string | null, 
/**
 * The file to write; it appears only once the export is whole.
 */
path: string, };

export type ExportSummary = { written: number, path: string, };

export type IndexProgress = { done: number, total: number, };

export type NewClaim = { 
/**
 * Its stable id when it comes from elsewhere (an import of our export);
 * None gives it a new one.
 */
uid?: string | null, article: number, selector: Selector, kind: ClaimKind, status: ClaimStatus, 
/**
 * 1–6 on the Admiralty scale.
 */
credibility: number, note: string, 
/**
 * Tag names; tags that do not exist yet are created.
 */
tags: Array<string>, chain: Array<ChainLink>, };

export type NewSource = { 
/**
 * Its stable id when it comes from elsewhere (an import of our export);
 * None gives it a new one.
 */
uid?: string | null, name: string, kind: SourceKind, 
/**
 * The source it speaks for ("a senior Saudi official" → the Saudi government).
 */
affiliation: number | null, 
/**
 * Other names that find it ("Peskov", "Kremlin spokesman").
 */
aliases: Array<string>, reliability: Reliability, 
/**
 * Why this reliability.
 */
reliability_rationale: string, description: string, };

export type Operation = { id: number, at: Timestamp, actor: string, 
/**
 * What the analyst did, in words ("Add claim …"); an undo or redo
 * carries the label of the edit it reverses or repeats.
 */
label: string, kind: OperationKind, 
/**
 * For an undo, the operation it reverses; for a redo, the undo it reverses.
 */
reverses: number | null, 
/**
 * Rows it changed.
 */
changes: number, };

export type OperationKind = "edit" | "undo" | "redo";

export type Origin = { path: string, format: SourceFormat, 
/**
 * 1-based record number inside the file, for multi-record formats.
 */
record: number | null, };

export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";

export type ReviewReason = "fuzzy" | "not_found";

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

export type Selector = { exact: string, 
/**
 * Text just before the quote (up to 32 code points).
 */
prefix: string, 
/**
 * Text just after the quote (up to 32 code points).
 */
suffix: string, start: number, end: number, };

export type Source = { id: number, 
/**
 * A UUID that stays the source's across data directories and exports.
 */
uid: string, name: string, kind: SourceKind, affiliation: SourceRef | null, 
/**
 * Alphabetical.
 */
aliases: Array<string>, reliability: Reliability, reliability_rationale: string, description: string, 
/**
 * Claims it made or relayed.
 */
claims: number, created: Timestamp, 
/**
 * The last edit of the source or its aliases.
 */
updated: Timestamp, };

export type SourceClaim = { 
/**
 * The source's part in the claim (its first, if it appears twice).
 */
role: ChainRole, article_title: string, claim: Claim, };

export type SourceKind = "person" | "organization" | "government_body" | "media_outlet" | "anonymous" | "document";

export type SourcePage = { source: Source, 
/**
 * Sources affiliated with this one.
 */
members: Array<SourceRef>, 
/**
 * By article, then position in the article.
 */
claims: Array<SourceClaim>, 
/**
 * One entry per status, zeros included.
 */
by_status: Array<StatusCount>, 
/**
 * Distinct articles among `claims`.
 */
articles: Array<number>, };

export type SourcePatch = { name?: string | null, kind?: SourceKind | null, 
/**
 * Absent: unchanged; `null`: no affiliation any more; an id: the new one.
 */
affiliation?: number | null, reliability?: Reliability | null, reliability_rationale?: string | null, description?: string | null, };

export type SourceRef = { id: number, name: string, kind: SourceKind, };

export type SortOrder = "relevance" | "date";

export type SourceFormat = "text" | "markdown" | "html" | "jsonl" | "rss" | "atom";

export type Span = { start: number, end: number, };

export type Stats = { articles: number, audit_entries: number, indexed_documents: number, database_bytes: number, index_bytes: number, database_schema_version: number, index_schema_version: number, app_version: string, data_dir: string, };

export type SuggestedSource = { span: Span, 
/**
 * The words of `span`.
 */
text: string, 
/**
 * The registry's source whose name or alias this is, if any.
 */
known: SourceRef | null, };

export type SuggestedSourceKind = "person" | "organization" | "outlet" | "anonymous" | "pronoun" | "unknown";

export type StatusCount = { status: ClaimStatus, count: number, };

export type Tag = { id: number, name: string, 
/**
 * `#rrggbb`.
 */
colour: string, 
/**
 * Claims and articles that carry it.
 */
claims: number, articles: number, };

export type Timestamp = string;
