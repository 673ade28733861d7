// The browser-only mock backend keeps the rules the UI relies on: paging and
// filters of the claims view, merge and whole-state undo, and one undo for a
// claim with its new sources.

import { beforeAll, describe, expect, it } from "vitest";

import type { Backend } from "./index";
import { openMockBackend } from "./mockForTests";

let backend: Backend;

beforeAll(async () => {
  backend = await openMockBackend();
});

const query = (filter = {}, offset = 0, limit = 100) => ({ filter, sort: "updated" as const, descending: true, offset, limit });

describe("mock backend", () => {
  it("pages and filters the claims view", async () => {
    const all = await backend.claimPage(query());
    expect(all.total).toBeGreaterThan(300);
    expect(all.rows).toHaveLength(100);
    const second = await backend.claimPage(query({}, 100));
    expect(second.rows[0].id).not.toBe(all.rows[0].id);
    const review = await backend.claimPage(query({ anchor: "needs_review" }));
    expect(review.total).toBeGreaterThan(0);
    expect(review.rows.every((r) => r.anchor === "needs_review")).toBe(true);
    const peskov = (await backend.findSources("kremlin"))[0];
    expect(peskov.name).toBe("Dmitry Peskov");
    const bySource = await backend.claimPage(query({ source: peskov.id }));
    expect(bySource.rows.every((r) => r.chain.includes("Dmitry Peskov"))).toBe(true);
    const words = await backend.claimPage(query({ text: "ministry's release" }));
    expect(words.total).toBeGreaterThan(0);
  });

  it("merges two sources and undoes the merge", async () => {
    const [keep] = await backend.findSources("Port Authority");
    const [absorb] = await backend.findSources("Harbour Union");
    const ids = async (id: number) => (await backend.sourcePage(id)).claims.map((c) => c.claim.id);
    const before = await ids(keep.id);
    const absorbedIds = await ids(absorb.id);
    const absorbed = absorbedIds.length;
    const merged = await backend.mergeSources(keep.id, absorb.id);
    expect(merged.aliases).toContain("Harbour Union");
    // A claim the two relayed between them is listed once.
    expect((await ids(keep.id)).length).toBe(new Set([...before, ...absorbedIds]).size);
    await expect(backend.sourcePage(absorb.id)).rejects.toMatchObject({ code: "source_not_found" });
    const undone = await backend.undo();
    expect(undone.label).toMatch(/Merge/);
    expect((await backend.sourcePage(absorb.id)).claims.length).toBe(absorbed);
  });

  it("undoes a claim and its new source in one step", async () => {
    const sources = (await backend.listSources()).length;
    const selector = await backend.selectSpan(6, { start: 0, end: 10 });
    const claim = await backend.createClaimWithSources(
      { article: 6, selector, kind: "quote", status: "unverified", credibility: 6, note: "", tags: [], chain: [{ source: 0, role: "speaker", cue: null, mention: null }] },
      [{ name: "Fresh Source", kind: "person", affiliation: null, aliases: [], reliability: "F", reliability_rationale: "", description: "" }],
    );
    expect(claim.chain[0].source.name).toBe("Fresh Source");
    expect((await backend.listSources()).length).toBe(sources + 1);
    await backend.undo();
    expect((await backend.listSources()).length).toBe(sources);
    await expect(backend.getClaim(claim.id)).rejects.toMatchObject({ code: "claim_not_found" });
  });
});
