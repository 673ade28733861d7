import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { ClaimPage, ClaimQuery, ClaimRow } from "./backend/bindings";
import { CLAIM_DEBOUNCE_MS, CLAIM_PAGE_SIZE, ClaimsController, dayAfter, rowAt, toFilter, NO_FILTERS } from "./claimsController";

/** A backend whose answers the test releases one by one, in any order. */
function fakeBackend(total = 1000) {
  const calls: { query: ClaimQuery; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const fetch = (query: ClaimQuery) =>
    new Promise<ClaimPage>((resolve, reject) => {
      const rows = Array.from({ length: Math.max(0, Math.min(query.limit, total - query.offset)) }, (_, i) => ({
        id: query.offset + i,
        quote: `${query.filter.text ?? ""} #${query.offset + i}`,
      })) as unknown as ClaimRow[];
      calls.push({ query, resolve: () => resolve({ total, rows }), reject });
    });
  return { calls, fetch };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe("ClaimsController", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("waits for typing to pause before fetching", async () => {
    const { calls, fetch } = fakeBackend();
    const view = new ClaimsController(fetch);
    view.setText("c");
    view.setText("ce");
    await vi.advanceTimersByTimeAsync(CLAIM_DEBOUNCE_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.query.filter.text)).toEqual(["ce"]);
    expect(calls[0].query.limit).toBe(CLAIM_PAGE_SIZE);
  });

  it("drops an answer that arrives after a newer one was asked for", async () => {
    const { calls, fetch } = fakeBackend();
    const view = new ClaimsController(fetch, 0);
    view.setText("old");
    await settle();
    view.setText("new");
    await settle();
    calls[1].resolve();
    await settle();
    calls[0].resolve();
    await settle();
    const state = view.getState();
    expect(state.pending).toBe(false);
    expect(rowAt(state.rows!, 0)?.quote).toBe("new #0");
  });

  it("fetches pages as they scroll into view, once each, and not for a stale set", async () => {
    const { calls, fetch } = fakeBackend(450);
    const view = new ClaimsController(fetch, 0);
    view.setFilters({ status: "false" });
    calls[0].resolve();
    await settle();
    view.showRows({ start: 90, end: 210 });
    view.showRows({ start: 95, end: 215 });
    expect(calls.map((c) => c.query.offset)).toEqual([0, 100, 200]);
    calls[1].resolve();
    calls[2].resolve();
    await settle();
    expect(rowAt(view.getState().rows!, 250)?.id).toBe(250);
    // A page asked for before a new filter does not land in the new rows.
    view.showRows({ start: 300, end: 320 });
    view.setFilters({ status: "disputed" });
    calls[4].resolve();
    await settle();
    calls[3].resolve();
    await settle();
    expect(view.getState().rows!.pages.has(3)).toBe(false);
    expect(calls[4].query.filter.status).toBe("disputed");
  });

  it("a refresh keeps the result set's id, a new filter or sort changes it", async () => {
    const { calls, fetch } = fakeBackend();
    const view = new ClaimsController(fetch, 0);
    view.setFilters({});
    calls[0].resolve();
    await settle();
    const first = view.getState().rows!.id;
    view.refresh();
    calls[1].resolve();
    await settle();
    expect(view.getState().rows!.id).toBe(first);
    view.sortBy("credibility");
    calls[2].resolve();
    await settle();
    expect(view.getState().rows!.id).not.toBe(first);
    expect(calls[2].query).toMatchObject({ sort: "credibility", descending: false });
    view.sortBy("credibility");
    expect(calls[3].query).toMatchObject({ sort: "credibility", descending: true });
  });

  it("shows an error and keeps the old rows", async () => {
    const { calls, fetch } = fakeBackend();
    const view = new ClaimsController(fetch, 0);
    view.setFilters({});
    calls[0].resolve();
    await settle();
    view.setFilters({ tag: "x" });
    calls[1].reject({ code: "internal", message: "boom", position: null });
    await settle();
    expect(view.getState().error?.message).toBe("boom");
    expect(view.getState().rows).not.toBeNull();
  });
});

describe("toFilter", () => {
  it("maps the view's filters to the core's", () => {
    expect(toFilter(NO_FILTERS)).toEqual({ text: null, source: null, article: null, status: null, credibility: null, tag: null, anchor: null, published_from: null, published_to: null });
    expect(
      toFilter({ ...NO_FILTERS, text: "  port ", source: { id: 4, name: "X" }, article: { id: 9, title: "T" }, needsReview: true, from: "2026-01-31", to: "2026-02-28" }),
    ).toMatchObject({ text: "port", source: 4, article: 9, anchor: "needs_review", published_from: "2026-01-31T00:00:00Z", published_to: "2026-03-01T00:00:00Z" });
  });

  it("ignores a half-typed date", () => {
    expect(toFilter({ ...NO_FILTERS, from: "2026-1" }).published_from).toBeNull();
    expect(dayAfter("2024-02-28")).toBe("2024-02-29T00:00:00Z");
  });
});
