import { describe, expect, it } from "vitest";

import { codePointsToUtf16, focusSnippet, rangesToUtf16, segment, visibleControls } from "./text";

/** The text of each range, to compare against what the backend meant. */
const texts = (text: string, ranges: readonly (readonly [number, number])[]) => ranges.map(([s, e]) => text.slice(s, e));

describe("codePointsToUtf16", () => {
  it("is the identity for text of the Basic Multilingual Plane", () => {
    expect(codePointsToUtf16("ceasefire talks", [0, 9, 15])).toEqual([0, 9, 15]);
  });

  it("counts an emoji outside the BMP as one code point but two UTF-16 units", () => {
    // "🕊️" is U+1F54A (a surrogate pair) then U+FE0F.
    const text = "a🕊️b";
    expect(codePointsToUtf16(text, [0, 1, 2, 3, 4])).toEqual([0, 1, 3, 4, 5]);
  });

  it("accepts offsets in any order and clamps those past the end", () => {
    const text = "😀x😀";
    expect(codePointsToUtf16(text, [3, 1, 99, 2])).toEqual([5, 2, 5, 3]);
  });

  it("counts a lone surrogate as one code point", () => {
    const text = "a\ud800b";
    expect(codePointsToUtf16(text, [1, 2, 3])).toEqual([1, 2, 3]);
  });
});

describe("rangesToUtf16", () => {
  it("maps ranges after emoji onto the right words", () => {
    const text = "👩🏽‍💼 met 😀 the ceasefire 🕊️ team";
    const chars = [...text];
    const start = chars.indexOf("c");
    const ranges = rangesToUtf16(text, [[start, start + 9]]);
    expect(texts(text, ranges)).toEqual(["ceasefire"]);
  });

  it("maps CJK ideographs, including ones outside the BMP", () => {
    const text = "𠀋停火谈判恢复";
    expect(texts(text, rangesToUtf16(text, [[1, 3], [5, 7]]))).toEqual(["停火", "恢复"]);
    expect(texts(text, rangesToUtf16(text, [[0, 1]]))).toEqual(["𠀋"]);
  });

  it("maps Arabic text (right-to-left is only a matter of display)", () => {
    const text = "محادثات وقف إطلاق النار";
    expect(texts(text, rangesToUtf16(text, [[8, 11]]))).toEqual(["وقف"]);
  });

  it("sorts, merges overlapping and touching ranges, drops empty ones", () => {
    const text = "abcdefghij";
    expect(rangesToUtf16(text, [[6, 8], [0, 2], [1, 3], [3, 4], [5, 5], [9, 7]])).toEqual([[0, 4], [6, 8]]);
  });
});

describe("segment", () => {
  it("cuts a span at hit edges", () => {
    expect(segment(0, 10, [[2, 4], [6, 8]])).toEqual([
      { start: 0, end: 2, hit: false, find: -1 },
      { start: 2, end: 4, hit: true, find: -1 },
      { start: 4, end: 6, hit: false, find: -1 },
      { start: 6, end: 8, hit: true, find: -1 },
      { start: 8, end: 10, hit: false, find: -1 },
    ]);
  });

  it("clips ranges that cross the span's edges (a chunk of a long paragraph)", () => {
    expect(segment(5, 10, [[0, 7], [9, 20]])).toEqual([
      { start: 5, end: 7, hit: true, find: -1 },
      { start: 7, end: 9, hit: false, find: -1 },
      { start: 9, end: 10, hit: true, find: -1 },
    ]);
  });

  it("layers find matches over hits and numbers them", () => {
    expect(segment(0, 6, [[1, 4]], [[0, 2], [3, 5]])).toEqual([
      { start: 0, end: 1, hit: false, find: 0 },
      { start: 1, end: 2, hit: true, find: 0 },
      { start: 2, end: 3, hit: true, find: -1 },
      { start: 3, end: 4, hit: true, find: 1 },
      { start: 4, end: 5, hit: false, find: 1 },
      { start: 5, end: 6, hit: false, find: -1 },
    ]);
  });

  it("keeps adjacent find matches apart", () => {
    expect(segment(0, 4, [], [[0, 2], [2, 4]]).map((s) => s.find)).toEqual([0, 1]);
  });

  it("returns the whole span when nothing falls inside it", () => {
    expect(segment(100, 200, [[0, 10], [300, 310]])).toEqual([{ start: 100, end: 200, hit: false, find: -1 }]);
  });
});

describe("visibleControls", () => {
  it("shows C0 controls, DEL and C1 controls as symbols, keeping tab and newline", () => {
    expect(visibleControls("a\u0000b\u0007c\u001b[31m\td\ne\u007ff\u0085")).toBe("a\u2400b\u2407c\u241b[31m\td\ne\u2421f\ufffd");
  });

  it("keeps the length, so offsets stay valid", () => {
    const text = "\u0001\u0002x\u009f";
    expect(visibleControls(text).length).toBe(text.length);
  });

  it("leaves markup as the characters it is", () => {
    expect(visibleControls("<script>x</script>")).toBe("<script>x</script>");
  });
});

describe("focusSnippet", () => {
  const marked = (s: { text: string; ranges: readonly (readonly [number, number])[] }) => texts(s.text, s.ranges);

  it("leaves a snippet whose first match is near the start alone", () => {
    const text = "A draft ceasefire agreement";
    expect(focusSnippet(text, [[8, 17]])).toEqual({ text, ranges: [[8, 17]] });
  });

  it("cuts the text before a late match at a space and keeps the marks on their words", () => {
    const text = "LISVAN (Kestrel) - The Varenian government and the Serrat Highland Front signed a 60-day ceasefire shortly before dawn; the ceasefire held";
    const ranges = rangesToUtf16(text, [[89, 98], [124, 133]]);
    const focused = focusSnippet(text, ranges, 30);
    expect(focused.text.startsWith("…")).toBe(true);
    expect(focused.text.indexOf("ceasefire")).toBeLessThanOrEqual(31);
    expect(marked(focused)).toEqual(["ceasefire", "ceasefire"]);
    expect(focused.text.charAt(1)).not.toBe(" ");
  });

  it("never starts inside a surrogate pair", () => {
    const text = "😀".repeat(40) + "match";
    const focused = focusSnippet(text, [[80, 85]], 5);
    expect(focused.text.charCodeAt(1)).not.toBeGreaterThanOrEqual(0xdc00);
    expect(marked(focused)).toEqual(["match"]);
  });
});
