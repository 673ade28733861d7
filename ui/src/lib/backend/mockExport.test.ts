// The mock's export keeps what the Export… dialog relies on from the core:
// progress that grows to the count it returns, the count the claims view
// gives for the same selection, and the errors it places under their fields.

import { beforeAll, describe, expect, it } from "vitest";

import type { Backend } from "./index";
import { openMockBackend } from "./mockForTests";

let backend: Backend;

beforeAll(async () => {
  backend = await openMockBackend();
});

const request = (change = {}) => ({ format: "csv" as const, query: null, tag: null, source: null, path: "/home/analyst/out.csv", ...change });

describe("mock export", () => {
  it("reports growing progress up to the count it returns, the claims view's count for a tag", async () => {
    const seen: number[] = [];
    const summary = await backend.exportClaims(request({ tag: "ports" }), (p) => seen.push(p.written));
    const page = await backend.claimPage({ filter: { tag: "ports" }, sort: "updated", descending: false, offset: 0, limit: 0 });
    expect(summary).toEqual({ written: page.total, path: "/home/analyst/out.csv" });
    expect(seen[seen.length - 1]).toBe(summary.written);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("leaves unverified claims out of ClaimReview", async () => {
    const all = await backend.exportClaims(request({ format: "claimreview", source: "Port Authority" }), () => {});
    const csv = await backend.exportClaims(request({ source: "Port Authority" }), () => {});
    expect(all.written).toBeGreaterThan(0);
    expect(all.written).toBeLessThan(csv.written);
  });

  it("fails as the core does: a query with its position, an unknown source, a path it cannot write", async () => {
    await expect(backend.exportClaims(request({ query: 'ceasefire "open' }), () => {})).rejects.toMatchObject({ code: "query_syntax", position: 10 });
    await expect(backend.exportClaims(request({ source: "Nobody At All" }), () => {})).rejects.toMatchObject({ code: "source_not_found" });
    await expect(backend.exportClaims(request({ path: "/readonly/out.csv" }), () => {})).rejects.toMatchObject({ code: "export_write" });
  });

  it("offers a file in the save dialog", async () => {
    expect(await backend.pickSaveFile("claims.csv", "csv")).toBe("/home/analyst/exports/claims.csv");
  });
});
