import { describe, expect, it } from "vitest";

import { bodyIndexOf, chainOf, claimPieces, claimRanges, isMarked, spanText, needingReview, selectionSpan, utf16ToCodePoint, type NodeLike } from "./claims";
import type { Claim } from "./backend/bindings";

// A tiny fake DOM: elements with attributes and text nodes, linked like the real one.
interface Fake extends NodeLike {
  childNodes: Fake[];
  parentNode: Fake | null;
  previousSibling: Fake | null;
}

function text(value: string): Fake {
  return { nodeType: 3, parentNode: null, previousSibling: null, childNodes: [], textContent: value };
}

function el(attrs: Record<string, string>, ...children: Fake[]): Fake {
  const node: Fake = {
    nodeType: 1,
    parentNode: null,
    previousSibling: null,
    childNodes: children,
    get textContent() {
      return children.map((c) => c.textContent).join("");
    },
    getAttribute: (name) => attrs[name] ?? null,
  };
  children.forEach((c, i) => {
    c.parentNode = node;
    c.previousSibling = i > 0 ? children[i - 1] : null;
  });
  return node;
}

describe("bodyIndexOf", () => {
  // Body "Hello big world.\n\nSecond one." rendered as two paragraphs, the first with a mark.
  const t1 = text("Hello ");
  const t2 = text("big");
  const t3 = text(" world.");
  const mark = el({ class: "hit" }, t2);
  const p1 = el({ "data-start": "0" }, t1, mark, t3);
  const t4 = text("Second one.");
  const p2 = el({ "data-start": "18" }, t4);
  const root = el({}, p1, p2);

  it("maps text points through nested marks", () => {
    expect(bodyIndexOf(t1, 2)).toBe(2);
    expect(bodyIndexOf(t2, 0)).toBe(6);
    expect(bodyIndexOf(t2, 3)).toBe(9);
    expect(bodyIndexOf(t3, 1)).toBe(10);
    expect(bodyIndexOf(t4, 6)).toBe(24);
  });

  it("maps element points", () => {
    expect(bodyIndexOf(p1, 2)).toBe(9);
    expect(bodyIndexOf(mark, 1)).toBe(9);
    expect(bodyIndexOf(p2, 0)).toBe(18);
    expect(bodyIndexOf(root, 1)).toBe(18);
  });

  it("gives null outside the body", () => {
    const outside = text("Title");
    el({}, outside);
    expect(bodyIndexOf(outside, 2)).toBeNull();
    expect(bodyIndexOf(root, 2)).toBeNull();
  });

  it("uses the nearest chunk start", () => {
    const a = text("abc");
    const b = text("def");
    el({ "data-start": "100" }, el({ "data-start": "100" }, a), el({ "data-start": "103" }, b));
    expect(bodyIndexOf(b, 1)).toBe(104);
  });
});

describe("selectionSpan", () => {
  it("trims whitespace and orders the ends", () => {
    expect(selectionSpan("  said the minister  ", 19, 1)).toEqual({ start: 2, end: 19 });
    expect(selectionSpan("a   b", 1, 4)).toBeNull();
  });

  it("counts code points, not UTF-16 units", () => {
    const body = "🕊️ peace 🕊 talks";
    const start = body.indexOf("peace");
    const span = selectionSpan(body, start, body.length);
    expect(span).toEqual({ start: 3, end: [...body].length });
    expect(utf16ToCodePoint("a😀b", 3)).toBe(2);
  });

  it("never splits a surrogate pair", () => {
    const body = "x😀y";
    expect(selectionSpan(body, 2, 4)).toEqual({ start: 1, end: 3 });
  });
});

function claim(id: number, start: number, end: number, status: Claim["status"] = "unverified"): Claim {
  return {
    id,
    uid: `claim-${id}`,
    review: null,
    article: 1,
    selector: { exact: "", prefix: "", suffix: "", start, end },
    kind: "quote",
    status,
    credibility: 6,
    note: "",
    anchor: "anchored",
    tags: [],
    chain: [],
    created: "2026-11-25T00:00:00Z",
    updated: "2026-11-25T00:00:00Z",
  } as Claim;
}

describe("claimPieces", () => {
  it("layers nested claims with the innermost last", () => {
    const body = "0123456789";
    const ranges = claimRanges(body, [claim(1, 2, 8), claim(2, 4, 6, "false")]);
    const pieces = claimPieces(0, 10, ranges);
    expect(pieces.map((p) => [p.start, p.end, p.claims.map((c) => c.id)])).toEqual([
      [0, 2, []],
      [2, 4, [1]],
      [4, 6, [1, 2]],
      [6, 8, [1]],
      [8, 10, []],
    ]);
  });

  it("converts code points to UTF-16 units", () => {
    const ranges = claimRanges("😀ab", [claim(1, 1, 3)]);
    expect(ranges[0]).toMatchObject({ start: 2, end: 4 });
  });
});

describe("claims needing review", () => {
  const review = (c: Claim, reason: "fuzzy" | "not_found"): Claim => ({
    ...c,
    anchor: "needs_review",
    review: { reason, original: { ...c.selector, exact: "the old quote" } },
  });

  it("marks anchored and fuzzy claims but never a claim whose quote was not found", () => {
    const body = "0123456789";
    const claims = [claim(1, 0, 2), review(claim(2, 3, 5), "fuzzy"), review(claim(3, 6, 9), "not_found")];
    expect(claims.map(isMarked)).toEqual([true, true, false]);
    const ranges = claimRanges(body, claims);
    expect(ranges.map((r) => [r.id, !!r.fuzzy])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("lists the claims to review in reading order", () => {
    const claims = [review(claim(4, 8, 9), "not_found"), claim(1, 0, 2), review(claim(2, 3, 5), "fuzzy")];
    expect(needingReview(claims).map((c) => c.id)).toEqual([2, 4]);
  });

  it("a claim confirmed after review is marked plainly again", () => {
    const confirmed = { ...review(claim(2, 3, 5), "fuzzy"), anchor: "anchored" as const, review: null };
    expect(claimRanges("0123456789", [confirmed])[0].fuzzy).toBeUndefined();
  });
});

describe("chains and spans", () => {
  it("makes the first picked source the speaker and drops empty links", () => {
    const chain = chainOf(
      [
        { source: null, role: "speaker", cue: null, mention: null },
        { source: 7, role: "intermediary", cue: { start: 1, end: 2 }, mention: null },
        { source: 9, role: "intermediary", cue: null, mention: { start: 3, end: 5 } },
      ],
      (id) => id,
    );
    expect(chain).toEqual([
      { source: 7, role: "speaker", cue: { start: 1, end: 2 }, mention: null },
      { source: 9, role: "intermediary", cue: null, mention: { start: 3, end: 5 } },
    ]);
  });

  it("reads a code-point span of the body", () => {
    expect(spanText("😀 said Peskov", { start: 2, end: 6 })).toBe("said");
  });
});
