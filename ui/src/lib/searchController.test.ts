import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { SearchRequest, SearchResults } from "./backend/bindings";
import { DEBOUNCE_MS, hitAt, PAGE_SIZE, SearchController } from "./searchController";

/** A backend whose answers the test releases one by one, in any order. */
function fakeBackend(total = 1000) {
  const calls: { request: SearchRequest; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetch = (request: SearchRequest) =>
    new Promise<SearchResults>((resolve, reject) => {
      const hits = Array.from({ length: Math.max(0, Math.min(request.limit, total - request.offset)) }, (_, i) => ({
        id: request.offset + i,
        title: `${request.query} #${request.offset + i}`,
        outlet: null,
        published: null,
        score: 1,
        snippet: "",
        highlights: [],
      }));
      calls.push({
        request,
        resolve: () => resolve({ query: request.query, total, hits, facets: { outlet: [], year: [] } }),
        reject,
      });
    });
  return { calls, fetch };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe("SearchController", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for typing to pause before searching", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch);
    search.setText("c");
    search.setText("ce");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    search.setText("cea");
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.request.query)).toEqual(["cea"]);
    expect(search.getState().pending).toBe(true);
  });

  it("drops an answer that arrives after a newer search was sent", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch, 0);
    search.setText("old");
    await settle();
    search.setText("new");
    await settle();
    calls[1].resolve();
    await settle();
    calls[0].resolve();
    await settle();
    const state = search.getState();
    expect(state.results?.query).toBe("new");
    expect(hitAt(state.results!, 0)?.title).toBe("new #0");
    expect(state.pending).toBe(false);
  });

  it("adds filters and sort to the request at once, without waiting", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch);
    search.addFilter({ field: "outlet", value: "Harbour Times" });
    search.setSort("date");
    expect(calls.map((c) => [c.request.query, c.request.sort])).toEqual([
      ['outlet:"Harbour Times"', "relevance"],
      ['outlet:"Harbour Times"', "date"],
    ]);
  });

  it("keeps the last results and places the error in the typed text", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch, 0);
    search.start();
    calls[0].resolve();
    await settle();
    search.setText("😀 OR OR x");
    await settle();
    calls[1].reject({ code: "query_syntax", message: "OR needs a term on both sides (at character 6)", position: 5 });
    await settle();
    const state = search.getState();
    expect(state.results?.query).toBe("");
    expect(state.error).toEqual({ code: "query_syntax", message: "OR needs a term on both sides (at character 6)", at: 6 });
    // Fixing the query clears the error.
    search.setText("x");
    await settle();
    calls[2].resolve();
    await settle();
    expect(search.getState().error).toBeNull();
  });

  it("fetches pages only as their rows come into view, once each", async () => {
    const { calls, fetch } = fakeBackend(10_000);
    const search = new SearchController(fetch);
    search.start();
    calls[0].resolve();
    await settle();
    search.showRows({ start: 0, end: 20 });
    expect(calls).toHaveLength(1);
    search.showRows({ start: 4990, end: 5030 });
    search.showRows({ start: 4990, end: 5030 });
    expect(calls.slice(1).map((c) => c.request.offset)).toEqual([4950, 5000]);
    calls[1].resolve();
    calls[2].resolve();
    await settle();
    const results = search.getState().results!;
    expect(hitAt(results, 5029)?.id).toBe(5029);
    expect(hitAt(results, 6000)).toBeUndefined();
  });

  it("refreshes in place: same list id, the pages in view, no jump to the top", async () => {
    const { calls, fetch } = fakeBackend(10_000);
    const search = new SearchController(fetch);
    search.start();
    calls[0].resolve();
    await settle();
    const id = search.getState().results!.id;
    search.showRows({ start: 120, end: 140 });
    calls[1].resolve();
    await settle();
    search.refresh();
    expect(calls[2].request.offset).toBe(2 * PAGE_SIZE);
    calls[2].resolve();
    await settle();
    const results = search.getState().results!;
    expect(results.id).toBe(id);
    expect([...results.pages.keys()]).toEqual([2]);
    // A different search is a new list.
    search.setSort("date");
    calls[3].resolve();
    await settle();
    expect(search.getState().results!.id).not.toBe(id);
  });

  it("ignores a page that arrives for results already replaced", async () => {
    const { calls, fetch } = fakeBackend(10_000);
    const search = new SearchController(fetch, 0);
    search.start();
    calls[0].resolve();
    await settle();
    search.showRows({ start: 500, end: 520 });
    search.setText("other");
    await settle();
    calls[2].resolve();
    await settle();
    calls[1].resolve();
    await settle();
    expect([...search.getState().results!.pages.keys()]).toEqual([0]);
  });
});

describe("SearchController errors in parenthesized text", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks again with the typed text alone, so the message counts characters as typed", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch, 0);
    search.addFilter({ field: "outlet", value: "Harbour Times" });
    search.setText("talks OR OR x");
    await settle();
    const wrapped = calls[calls.length - 1];
    expect(wrapped.request.query).toBe('(talks OR OR x) outlet:"Harbour Times"');
    wrapped.reject({ code: "query_syntax", message: "OR needs a term on both sides (at character 8)", position: 7 });
    await settle();
    const alone = calls[calls.length - 1];
    expect(alone.request.query).toBe("talks OR OR x");
    alone.reject({ code: "query_syntax", message: "OR needs a term on both sides (at character 7)", position: 6 });
    await settle();
    expect(search.getState().error).toEqual({ code: "query_syntax", message: "OR needs a term on both sides (at character 7)", at: 6 });
  });
});

describe("SearchController errors next to filters", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reports an unclosed quote where it was typed, not in the filter term it swallowed", async () => {
    const { calls, fetch } = fakeBackend();
    const search = new SearchController(fetch, 0);
    search.addFilter({ field: "published", value: "2024" });
    search.setText('say "peace');
    await settle();
    calls[calls.length - 1].reject({ code: "query_syntax", message: "unclosed quote", position: 10 });
    await settle();
    calls[calls.length - 1].reject({ code: "query_syntax", message: "unclosed quote", position: 4 });
    await settle();
    expect(search.getState().error?.at).toBe(4);
  });
});
