// The search pane's state outside React, so the timing rules can be unit
// tested: typing is debounced, every result-set request carries a sequence
// number and answers to older ones are dropped, and pages of a long result
// list are fetched only when they scroll into view.

import type { CommandError, Facets, SearchHit, SearchRequest, SearchResults, SortOrder } from "./backend/bindings";
import { addFilter, buildQuery, errorPositionInBase, removeFilter, type BuiltQuery, type Filter } from "./query";
import { mark } from "./perf";
import { codePointsToUtf16 } from "./text";
import { pagesFor, type RowRange } from "./virtual";

export const PAGE_SIZE = 50;
export const DEBOUNCE_MS = 50;
/**
 * The list never holds more rows than this: a scroll area taller than about
 * ten million pixels breaks in some engines, and nobody scrolls that far;
 * refining the search is the way on.
 */
export const MAX_ROWS = 100_000;

export interface ShownResults {
  query: string;
  sort: SortOrder;
  total: number;
  facets: Facets;
  /** Loaded pages of hits, by page index. */
  pages: ReadonlyMap<number, readonly SearchHit[]>;
  /** Changes when a different search replaces the list (not when the same one refreshes). */
  id: number;
}

/** Why the last search was not run, for the line under the search box. */
export interface SearchError {
  code: string;
  message: string;
  /** UTF-16 index into the typed text where the problem is, when known. */
  at: number | null;
}

export interface SearchState {
  /** The text in the search box. */
  text: string;
  filters: readonly Filter[];
  sort: SortOrder;
  results: ShownResults | null;
  /** A search newer than `results` is on its way. */
  pending: boolean;
  error: SearchError | null;
}

export function hitAt(results: ShownResults, index: number): SearchHit | undefined {
  return results.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** Rows the list shows for these results. */
export function rowCount(results: ShownResults | null): number {
  return results ? Math.min(results.total, MAX_ROWS) : 0;
}

type Fetch = (request: SearchRequest) => Promise<SearchResults>;

export class SearchController {
  private state: SearchState = { text: "", filters: [], sort: "relevance", results: null, pending: false, error: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Sequence number of the newest result-set request, and of the one shown. */
  private latest = 0;
  private shown = 0;
  private nextId = 0;
  /** Pages of the shown results already asked for. */
  private readonly requested = new Set<number>();
  private visible: RowRange = { start: 0, end: 0 };

  constructor(
    private readonly fetch: Fetch,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  getState = (): SearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the current search at once. */
  start(): void {
    this.run([0]);
  }

  /** The search box changed: search once typing pauses. */
  setText(text: string): void {
    this.update({ text });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run([0]), this.debounceMs);
  }

  addFilter(filter: Filter): void {
    this.update({ filters: addFilter(this.state.filters, filter) });
    this.run([0]);
  }

  removeFilter(filter: Filter): void {
    this.update({ filters: removeFilter(this.state.filters, filter) });
    this.run([0]);
  }

  setSort(sort: SortOrder): void {
    this.update({ sort });
    this.run([0]);
  }

  /**
   * Runs the same search again (articles are being imported), fetching the
   * pages in view so the list updates in place instead of jumping to the top.
   * Skipped while the search box holds a query that does not parse.
   */
  refresh(): void {
    if (this.state.error) return;
    const inView = pagesFor(this.visible, PAGE_SIZE);
    this.run(inView.length > 0 ? inView : [0]);
  }

  /** The list shows rows `[start, end)`: fetch the pages among them not asked for yet. */
  showRows(range: RowRange): void {
    this.visible = range;
    const results = this.state.results;
    if (!results) return;
    const end = Math.min(range.end, rowCount(results));
    const seq = this.shown;
    for (const page of pagesFor({ start: range.start, end }, PAGE_SIZE)) {
      if (results.pages.has(page) || this.requested.has(page)) continue;
      this.requested.add(page);
      this.fetchPage(results, page).then(
        (response) => {
          if (seq !== this.shown || !this.state.results) return;
          const pages = new Map(this.state.results.pages).set(page, response.hits);
          this.update({ results: { ...this.state.results, pages, total: response.total } });
        },
        () => this.requested.delete(page),
      );
    }
  }

  /** Stops a debounced search from running after the pane is gone. */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private fetchPage(search: { query: string; sort: SortOrder }, page: number): Promise<SearchResults> {
    return this.fetch({ query: search.query, sort: search.sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  }

  private run(pages: number[]): void {
    clearTimeout(this.timer);
    const seq = ++this.latest;
    const text = this.state.text;
    const built = buildQuery(text, this.state.filters);
    const search = { query: built.query, sort: this.state.sort };
    mark("cd:search:send", { seq, query: search.query });
    this.update({ pending: true });
    Promise.all(pages.map((page) => this.fetchPage(search, page))).then(
      (responses) => {
        mark("cd:search:response", { seq, query: search.query, stale: seq !== this.latest });
        if (seq !== this.latest) return;
        const previous = this.state.results;
        const same = previous !== null && previous.query === search.query && previous.sort === search.sort;
        this.shown = seq;
        this.requested.clear();
        pages.forEach((page) => this.requested.add(page));
        const last = responses[responses.length - 1];
        this.update({
          pending: false,
          error: null,
          results: {
            ...search,
            total: last.total,
            facets: responses[0].facets,
            pages: new Map(pages.map((page, i) => [page, responses[i].hits])),
            id: same ? previous.id : ++this.nextId,
          },
        });
      },
      (e: CommandError) => {
        mark("cd:search:response", { seq, query: search.query, stale: seq !== this.latest, error: e.code });
        const fail = (error: CommandError, asked: BuiltQuery) => {
          if (seq === this.latest) this.update({ pending: false, error: describeError(error, asked, text) });
        };
        if (seq !== this.latest) return;
        if (e.code !== "query_syntax" || built.query === text) return fail(e, built);
        // With filters the query is not what the person typed: the message's
        // "at character N" counts the added parenthesis, or an unclosed quote
        // is reported in a filter term. The text alone gets a message that matches it.
        const alone = buildQuery(text, []);
        this.fetch({ query: text, sort: search.sort, limit: 1, offset: 0 }).then(
          () => fail(e, built),
          (again: CommandError) => (again.code === "query_syntax" ? fail(again, alone) : fail(e, built)),
        );
      },
    );
  }

  private update(patch: Partial<SearchState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}

function describeError(e: CommandError, built: BuiltQuery, text: string): SearchError {
  const inText = e.position === null ? null : errorPositionInBase(built, e.position);
  return { code: e.code, message: e.message, at: inText === null ? null : codePointsToUtf16(text, [inText])[0] };
}
