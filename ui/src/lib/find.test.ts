import { describe, expect, it } from "vitest";

import { findMatches, stepMatch } from "./find";

describe("findMatches", () => {
  it("finds every occurrence, ignoring case", () => {
    const text = "Ceasefire talks: the ceasefire held. CEASEFIRE!";
    expect(findMatches(text, "ceasefire").matches).toEqual([[0, 9], [21, 30], [37, 46]]);
  });

  it("treats the needle as text, not as a pattern", () => {
    expect(findMatches("a.b axb (c) [d]", "a.b").matches).toEqual([[0, 3]]);
    expect(findMatches("a.b axb (c) [d]", "(c)").matches).toEqual([[8, 11]]);
    expect(findMatches("x\\y", "\\").matches).toEqual([[1, 2]]);
  });

  it("returns UTF-16 ranges of the original text around emoji and non-Latin scripts", () => {
    const text = "😀 Öztürk said ÖZTÜRK; وقف إطلاق";
    const result = findMatches(text, "öztürk").matches;
    expect(result.map(([s, e]) => text.slice(s, e))).toEqual(["Öztürk", "ÖZTÜRK"]);
    expect(findMatches(text, "وقف").matches.map(([s, e]) => text.slice(s, e))).toEqual(["وقف"]);
  });

  it("finds nothing for an empty needle", () => {
    expect(findMatches("abc", "")).toEqual({ matches: [], truncated: false });
  });

  it("stops at the limit and says so", () => {
    const result = findMatches("a".repeat(100), "a", 10);
    expect(result.matches).toHaveLength(10);
    expect(result.truncated).toBe(true);
  });
});

describe("stepMatch", () => {
  it("wraps around both ways", () => {
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
    expect(stepMatch(-1, 3, 1)).toBe(0);
    expect(stepMatch(-1, 3, -1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });
});
