// The claims view's state outside React, so its timing rules can be unit
// tested (as lib/searchController.ts does for the search): the words box is
// debounced, every new filter or sort is a new result set with a sequence
// number and answers to older ones are dropped, and pages of rows are
// fetched only as they scroll into view.

import type { ClaimFilter, ClaimPage, ClaimQuery, ClaimRow, ClaimSort, CommandError } from "./backend/bindings";
import { pagesFor, type RowRange } from "./virtual";

export const CLAIM_PAGE_SIZE = 100;
export const CLAIM_DEBOUNCE_MS = 150;

/** The filters the view offers; empty values mean "any". */
export interface ClaimFilters {
  text: string;
  source: { id: number; name: string } | null;
  /** One article's claims (set from a row's article). */
  article: { id: number; title: string } | null;
  status: ClaimFilter["status"];
  credibility: number | null;
  tag: string | null;
  needsReview: boolean;
  /** `YYYY-MM-DD`, or "". `to` includes its day. */
  from: string;
  to: string;
}

export const NO_FILTERS: ClaimFilters = { text: "", source: null, article: null, status: null, credibility: null, tag: null, needsReview: false, from: "", to: "" };

export interface ClaimRows {
  total: number;
  pages: ReadonlyMap<number, readonly ClaimRow[]>;
  /** Changes when a different result set replaces the rows (not when the same one refreshes). */
  id: number;
}

export interface ClaimsViewState {
  filters: ClaimFilters;
  sort: ClaimSort;
  descending: boolean;
  rows: ClaimRows | null;
  /** A result set newer than `rows` is on its way. */
  pending: boolean;
  error: CommandError | null;
}

/** The day after `YYYY-MM-DD` at midnight UTC, so that "to" includes its whole day. */
export function dayAfter(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t + 86_400_000).toISOString().replace(".000", "");
}

const validDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`));

/** The core's filter for what the view shows. */
export function toFilter(f: ClaimFilters): ClaimFilter {
  return {
    text: f.text.trim() || null,
    source: f.source?.id ?? null,
    article: f.article?.id ?? null,
    status: f.status ?? null,
    credibility: f.credibility,
    tag: f.tag,
    anchor: f.needsReview ? "needs_review" : null,
    published_from: validDay(f.from) ? `${f.from}T00:00:00Z` : null,
    published_to: validDay(f.to) ? dayAfter(f.to) : null,
  };
}

export function rowAt(rows: ClaimRows, index: number): ClaimRow | undefined {
  return rows.pages.get(Math.floor(index / CLAIM_PAGE_SIZE))?.[index % CLAIM_PAGE_SIZE];
}

/** The default direction when a column is first sorted by: newest, most credible (1) first, names A–Z. */
export function defaultDescending(sort: ClaimSort): boolean {
  return sort === "updated" || sort === "published";
}

type Fetch = (query: ClaimQuery) => Promise<ClaimPage>;

export class ClaimsController {
  private state: ClaimsViewState = { filters: NO_FILTERS, sort: "updated", descending: true, rows: null, pending: false, error: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;
  private shown = 0;
  private nextId = 0;
  /** The query (without offset) of the rows shown, to tell a refresh from a new set. */
  private shownKey = "";
  private readonly requested = new Set<number>();
  private visible: RowRange = { start: 0, end: 0 };

  constructor(
    private readonly fetch: Fetch,
    private readonly debounceMs = CLAIM_DEBOUNCE_MS,
  ) {}

  getState = (): ClaimsViewState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The words box changed: fetch once typing pauses. */
  setText(text: string): void {
    this.update({ filters: { ...this.state.filters, text } });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run([0]), this.debounceMs);
  }

  /** Any other filter changed: fetch at once. */
  setFilters(patch: Partial<ClaimFilters>): void {
    this.update({ filters: { ...this.state.filters, ...patch } });
    this.run([0]);
  }

  /** A column header was clicked: sort by it, or turn the direction round when it already sorts. */
  sortBy(sort: ClaimSort): void {
    const descending = sort === this.state.sort ? !this.state.descending : defaultDescending(sort);
    this.update({ sort, descending });
    this.run([0]);
  }

  /** Fetches the same result set again (after an edit), keeping the rows in view. */
  refresh(): void {
    const inView = pagesFor(this.visible, CLAIM_PAGE_SIZE);
    this.run(inView.length > 0 ? inView : [0]);
  }

  /** The table shows rows `[start, end)`: fetch the pages among them not asked for yet. */
  showRows(range: RowRange): void {
    this.visible = range;
    const rows = this.state.rows;
    if (!rows) return;
    const end = Math.min(range.end, rows.total);
    const seq = this.shown;
    const query = this.query();
    for (const page of pagesFor({ start: range.start, end }, CLAIM_PAGE_SIZE)) {
      if (rows.pages.has(page) || this.requested.has(page)) continue;
      this.requested.add(page);
      this.fetch({ ...query, offset: page * CLAIM_PAGE_SIZE }).then(
        (response) => {
          if (seq !== this.shown || !this.state.rows) return;
          const pages = new Map(this.state.rows.pages).set(page, response.rows);
          this.update({ rows: { ...this.state.rows, pages, total: response.total } });
        },
        () => this.requested.delete(page),
      );
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private query(): ClaimQuery {
    return { filter: toFilter(this.state.filters), sort: this.state.sort, descending: this.state.descending, offset: 0, limit: CLAIM_PAGE_SIZE };
  }

  private run(pages: number[]): void {
    clearTimeout(this.timer);
    const seq = ++this.latest;
    const query = this.query();
    const key = JSON.stringify(query);
    this.update({ pending: true });
    Promise.all(pages.map((page) => this.fetch({ ...query, offset: page * CLAIM_PAGE_SIZE }))).then(
      (responses) => {
        if (seq !== this.latest) return;
        const same = this.state.rows !== null && key === this.shownKey;
        this.shown = seq;
        this.shownKey = key;
        this.requested.clear();
        pages.forEach((page) => this.requested.add(page));
        this.update({
          pending: false,
          error: null,
          rows: {
            total: responses[responses.length - 1].total,
            pages: new Map(pages.map((page, i) => [page, responses[i].rows])),
            id: same ? this.state.rows!.id : ++this.nextId,
          },
        });
      },
      (e: CommandError) => {
        if (seq === this.latest) this.update({ pending: false, error: e });
      },
    );
  }

  private update(patch: Partial<ClaimsViewState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}
