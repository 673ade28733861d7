import { describe, expect, it } from "vitest";

import { pagesFor, revealRow, rowForKey, visibleRows } from "./virtual";

describe("visibleRows", () => {
  it("covers the viewport plus overscan, within the list", () => {
    expect(visibleRows(0, 400, 100, 10_000, 3)).toEqual({ start: 0, end: 7 });
    expect(visibleRows(1000, 400, 100, 10_000, 3)).toEqual({ start: 7, end: 17 });
    expect(visibleRows(999_950, 400, 100, 10_000, 3)).toEqual({ start: 9_996, end: 10_000 });
    expect(visibleRows(0, 400, 100, 0, 3)).toEqual({ start: 0, end: 0 });
  });

  it("renders a bounded number of rows however long the list", () => {
    const { start, end } = visibleRows(5_000_000, 800, 88, 100_000, 6);
    expect(end - start).toBeLessThan(30);
  });
});

describe("revealRow", () => {
  it("scrolls only when the row is not fully in view", () => {
    expect(revealRow(5, 0, 400, 100)).toBe(200);
    expect(revealRow(2, 0, 400, 100)).toBeNull();
    expect(revealRow(1, 300, 400, 100)).toBe(100);
  });
});

describe("pagesFor", () => {
  it("lists the pages that hold the rows", () => {
    expect(pagesFor({ start: 0, end: 10 }, 50)).toEqual([0]);
    expect(pagesFor({ start: 45, end: 105 }, 50)).toEqual([0, 1, 2]);
    expect(pagesFor({ start: 10, end: 10 }, 50)).toEqual([]);
  });
});

describe("rowForKey", () => {
  it("moves by one, a page, or to either end, within the list", () => {
    expect(rowForKey("ArrowDown", 3, 10, 4)).toBe(4);
    expect(rowForKey("ArrowUp", 0, 10, 4)).toBe(0);
    expect(rowForKey("PageDown", 8, 10, 4)).toBe(9);
    expect(rowForKey("PageUp", 3, 10, 4)).toBe(0);
    expect(rowForKey("Home", 7, 10, 4)).toBe(0);
    expect(rowForKey("End", 2, 10, 4)).toBe(9);
    expect(rowForKey("Enter", 2, 10, 4)).toBeNull();
  });
});
