import { describe, expect, it } from "vitest";

import { claimsRequest, latestClaims, noClaims, type ClaimsState } from "./articleClaims";
import type { Claim } from "./backend/bindings";

const claim = (id: number) => ({ id }) as unknown as Claim;

function answer(article: number, ids: number[]): ClaimsState {
  return { article, claims: ids.map(claim), error: null, at: claimsRequest() };
}

describe("latestClaims", () => {
  it("shows the claims the article opened with until a later reload", () => {
    const opened = answer(1, [10]);
    expect(latestClaims(1, null, opened).claims.map((c) => c.id)).toEqual([10]);
    const reloaded = answer(1, [10, 11]);
    expect(latestClaims(1, reloaded, opened).claims.map((c) => c.id)).toEqual([10, 11]);
  });

  it("prefers a reopening's claims to a reload from before it", () => {
    const reloaded = answer(1, [10, 11]);
    const reopened = answer(1, [10, 11, 12]);
    expect(latestClaims(1, reloaded, reopened).claims).toHaveLength(3);
  });

  it("never shows another article's claims", () => {
    expect(latestClaims(2, answer(1, [10]), answer(1, [10]))).toEqual(noClaims(2));
    expect(latestClaims(null, answer(1, [10]))).toEqual(noClaims(null));
  });
});
