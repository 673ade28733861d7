import { describe, expect, it } from "vitest";

import { addFilter, buildQuery, errorPositionInBase, filterTerm, removeFilter, type Filter } from "./query";

const harbour: Filter = { field: "outlet", value: "Harbour Times" };
const y2024: Filter = { field: "published", value: "2024" };

describe("filters", () => {
  it("become query-language terms", () => {
    expect(filterTerm(harbour)).toBe('outlet:"Harbour Times"');
    expect(filterTerm(y2024)).toBe("published:2024");
  });

  it("cannot break out of their phrase", () => {
    expect(filterTerm({ field: "outlet", value: 'The "Real" News' })).toBe('outlet:"The  Real  News"');
    expect(filterTerm({ field: "published", value: "2024) OR (x" })).toBe("published:2024");
  });

  it("are added once and removed", () => {
    const one = addFilter([], harbour);
    expect(addFilter(one, { ...harbour })).toEqual([harbour]);
    const two = addFilter(one, y2024);
    expect(two).toEqual([harbour, y2024]);
    expect(removeFilter(two, { field: "outlet", value: "Harbour Times" })).toEqual([y2024]);
    expect(removeFilter(two, { field: "outlet", value: "Other" })).toEqual(two);
  });
});

describe("buildQuery", () => {
  it("sends the typed text alone when there are no filters", () => {
    expect(buildQuery("ceasefire talks", [])).toEqual({ query: "ceasefire talks", baseStart: 0, baseLength: 15 });
  });

  it("appends filter terms", () => {
    expect(buildQuery("ceasefire", [harbour, y2024]).query).toBe('ceasefire outlet:"Harbour Times" published:2024');
  });

  it("sends only the filters when nothing is typed", () => {
    expect(buildQuery("  ", [y2024]).query).toBe("published:2024");
  });

  it("puts text with OR in parentheses so the filters apply to every branch", () => {
    expect(buildQuery("ceasefire OR truce", [harbour])).toEqual({
      query: '(ceasefire OR truce) outlet:"Harbour Times"',
      baseStart: 1,
      baseLength: 18,
    });
    // Lowercase `or` is an ordinary word, and OR inside a word is no operator.
    expect(buildQuery("war or peace ORBIT", [harbour]).query).toBe('war or peace ORBIT outlet:"Harbour Times"');
    expect(buildQuery("(a)OR(b)", [harbour]).query).toBe('((a)OR(b)) outlet:"Harbour Times"');
  });
});

describe("errorPositionInBase", () => {
  it("maps a position in the typed text back onto it", () => {
    const built = buildQuery("a OR OR b", [harbour]);
    expect(errorPositionInBase(built, 6)).toBe(5);
    expect(errorPositionInBase(buildQuery("titel:x", []), 0)).toBe(0);
  });

  it("puts errors on the added parentheses at the text's start or end", () => {
    const built = buildQuery("a OR (b", [harbour]);
    expect(errorPositionInBase(built, 0)).toBe(0);
    expect(errorPositionInBase(built, 8)).toBe(7);
  });

  it("has no position in the typed text for errors in the filter terms", () => {
    const built = buildQuery("abc", [harbour]);
    expect(errorPositionInBase(built, 10)).toBeNull();
  });
});
