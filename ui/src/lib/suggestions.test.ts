import { describe, expect, it } from "vitest";

import type { AttributionSuggestion, SuggestedSource } from "./backend/bindings";
import {
  claimKindFor,
  foldName,
  fromSameSource,
  listWindow,
  nextAfterRemoval,
  overlapping,
  sameSuggestionsWithin,
  speakerLabel,
  stepKey,
  suggestionKey,
  suggestionMarks,
  suggestionPieces,
  suggestionRanges,
} from "./suggestions";

/** Code-point span of the first `words` in `body` at or after `from`. */
function at(body: string, words: string, from = 0): { start: number; end: number } {
  const unit = body.indexOf(words, from);
  if (unit < 0) throw new Error(`${words} not in body`);
  const start = [...body.slice(0, unit)].length;
  return { start, end: start + [...words].length };
}

function source(body: string, words: string, known: SuggestedSource["known"] = null, from = 0): SuggestedSource {
  return { span: at(body, words, from), text: words, known };
}

function suggestion(body: string, cue: string, who: string | null, content: string | null, extra: Partial<AttributionSuggestion> = {}): AttributionSuggestion {
  return {
    cue: at(body, cue),
    source: who === null ? null : source(body, who),
    resolved: null,
    content: content === null ? null : at(body, content),
    source_kind: "person",
    hedged: false,
    chain: [],
    ...extra,
  };
}

const BODY = 'Kreel said the talks would go on. "We are not here to reward aggression," Kreel said. The diplomat said it was parked.';

describe("suggestionRanges", () => {
  it("marks content, cue and source as UTF-16 ranges, by start", () => {
    const s = suggestion(BODY, "said", "Kreel", "the talks would go on");
    const ranges = suggestionRanges(BODY, [s]);
    expect(ranges.map((r) => [r.role, BODY.slice(r.start, r.end)])).toEqual([
      ["source", "Kreel"],
      ["cue", "said"],
      ["content", "the talks would go on"],
    ]);
    expect(ranges.every((r) => r.key === suggestionKey(s))).toBe(true);
  });

  it("counts code points before an emoji as the core does", () => {
    const body = "🕊️ Peace, he said: truce now.";
    const s = suggestion(body, "said", "he", "truce now");
    const content = suggestionRanges(body, [s]).find((r) => r.role === "content")!;
    expect(body.slice(content.start, content.end)).toBe("truce now");
  });

  it("drops empty spans and a missing source or content", () => {
    const s = { ...suggestion(BODY, "said", null, null), cue: { start: 3, end: 3 } };
    expect(suggestionRanges(BODY, [s])).toEqual([]);
  });
});

describe("suggestionPieces", () => {
  const a = suggestion(BODY, "said", "Kreel", "the talks would go on");
  const b = suggestion(BODY, "said", "The diplomat", "it was parked", { cue: at(BODY, "said", BODY.indexOf("diplomat")) });
  const ranges = suggestionRanges(BODY, [a, b]);

  it("cuts a span at suggestion edges and says how each piece is marked", () => {
    const pieces = suggestionPieces(0, 34, suggestionMarks(ranges, null));
    expect(pieces.map((p) => [BODY.slice(p.start, p.end), p.source, p.cue, p.content])).toEqual([
      ["Kreel", true, false, false],
      [" ", false, false, false],
      ["said", false, true, false],
      [" ", false, false, false],
      ["the talks would go on", false, false, true],
      [". ", false, false, false],
    ]);
    expect(pieces.filter((p) => p.key !== null).every((p) => p.key === suggestionKey(a))).toBe(true);
  });

  it("marks the focused suggestion's pieces only", () => {
    const pieces = suggestionPieces(0, BODY.length, suggestionMarks(ranges, suggestionKey(b)));
    const focused = pieces.filter((p) => p.focused).map((p) => BODY.slice(p.start, p.end));
    expect(focused).toEqual(["The diplomat", "said", "it was parked"]);
  });

  it("gives one piece when nothing is marked", () => {
    expect(suggestionPieces(40, 50, suggestionMarks([], null))).toEqual([{ start: 40, end: 50, content: false, cue: false, source: false, focused: false, key: null }]);
  });

  it("lets a click on overlapping marks pick the cue or source over a content", () => {
    const body = "The envoy said Kreel told her the road was open.";
    const outer = suggestion(body, "said", "The envoy", "Kreel told her the road was open");
    const inner = suggestion(body, "told", "Kreel", "the road was open");
    const marks = suggestionMarks(suggestionRanges(body, [outer, inner]), null);
    const kreel = suggestionPieces(0, body.length, marks).find((p) => body.slice(p.start, p.end) === "Kreel")!;
    expect(kreel).toMatchObject({ content: true, source: true, key: suggestionKey(inner) });
  });
});

describe("overlapping", () => {
  it("finds long ranges that start well before the span", () => {
    const ranges = [
      { key: "a", role: "content" as const, start: 0, end: 500 },
      { key: "b", role: "cue" as const, start: 100, end: 104 },
      { key: "c", role: "cue" as const, start: 600, end: 604 },
    ];
    const marks = suggestionMarks(ranges, null);
    expect(overlapping(marks, 450, 460).map((r) => r.key)).toEqual(["a"]);
    expect(overlapping(marks, 101, 102).map((r) => r.key)).toEqual(["a", "b"]);
    expect(overlapping(marks, 500, 600)).toEqual([]);
  });
});

describe("sameSuggestionsWithin", () => {
  const ranges = [
    { key: "a", role: "cue" as const, start: 0, end: 4 },
    { key: "b", role: "cue" as const, start: 100, end: 104 },
  ];
  it("ignores a change of focus between suggestions outside the span", () => {
    expect(sameSuggestionsWithin(suggestionMarks(ranges, "a"), suggestionMarks(ranges, null), 50, 90)).toBe(true);
    expect(sameSuggestionsWithin(suggestionMarks(ranges, "a"), suggestionMarks(ranges, "b"), 50, 90)).toBe(true);
  });
  it("sees a change of focus, or of ranges, inside the span", () => {
    expect(sameSuggestionsWithin(suggestionMarks(ranges, "a"), suggestionMarks(ranges, "b"), 0, 50)).toBe(false);
    expect(sameSuggestionsWithin(suggestionMarks(ranges, null), suggestionMarks(ranges.slice(1), null), 0, 50)).toBe(false);
    expect(sameSuggestionsWithin(suggestionMarks(ranges, null), suggestionMarks(ranges.slice(0, 1), null), 0, 50)).toBe(true);
  });
});

describe("claimKindFor", () => {
  it("is a quote when the content is in quotation marks", () => {
    expect(claimKindFor(BODY, suggestion(BODY, "said", "Kreel", '"We are not here to reward aggression,"'))).toBe("quote");
    const curly = "“Nobody believes it”, she said.";
    expect(claimKindFor(curly, suggestion(curly, "said", "she", "“Nobody believes it”,"))).toBe("quote");
  });
  it("is a quote when the quotation marks are just around the content", () => {
    const body = 'He said: «la paix est loin». Then left.';
    expect(claimKindFor(body, suggestion(body, "said", "He", "la paix est loin"))).toBe("quote");
  });
  it("is a factual assertion otherwise, even with a quoted phrase inside", () => {
    const body = 'Kreel said the delegation had come with "a clear mandate and a short list".';
    expect(claimKindFor(body, suggestion(body, "said", "Kreel", 'the delegation had come with "a clear mandate and a short list"'))).toBe("factual_assertion");
    expect(claimKindFor(BODY, suggestion(BODY, "said", "Kreel", "the talks would go on"))).toBe("factual_assertion");
    const open = 'relatives they said had been detained. "We do';
    expect(claimKindFor(open, suggestion(open, "said", "they", 'had been detained. "'))).toBe("factual_assertion");
    expect(claimKindFor(BODY, suggestion(BODY, "said", "Kreel", null))).toBe("factual_assertion");
  });
});

describe("stepKey and nextAfterRemoval", () => {
  const keys = ["1:2", "5:9", "20:24"];
  it("starts at the first (next) or the last (previous), and stops at the ends", () => {
    expect(stepKey(keys, null, 1)).toBe("1:2");
    expect(stepKey(keys, null, -1)).toBe("20:24");
    expect(stepKey(keys, "1:2", 1)).toBe("5:9");
    expect(stepKey(keys, "20:24", 1)).toBe("20:24");
    expect(stepKey(keys, "1:2", -1)).toBe("1:2");
    expect(stepKey(keys, "gone", 1)).toBe("1:2");
    expect(stepKey([], null, 1)).toBe(null);
  });
  it("moves on to the next one after a removal, else the one before", () => {
    expect(nextAfterRemoval(keys, ["1:2", "20:24"], "5:9")).toBe("20:24");
    expect(nextAfterRemoval(keys, ["1:2", "5:9"], "20:24")).toBe("5:9");
    expect(nextAfterRemoval(["1:2"], [], "1:2")).toBe(null);
  });
});

describe("accept all from this source", () => {
  const body = "Kreel said A. Anselm KREEL said B. Saltvik said C. He said D. Kreel said E.";
  const known = { id: 7, name: "Anselm Kreel", kind: "person" as const };
  const s1 = suggestion(body, "said", "Kreel", "A", { source: source(body, "Kreel", known) });
  const s2 = { ...suggestion(body, "said", null, "B"), cue: at(body, "said", 14), source: source(body, "Anselm KREEL", known) };
  const s3 = { ...suggestion(body, "said", null, "C"), cue: at(body, "said", 36), source: source(body, "Saltvik") };
  const s4 = { ...suggestion(body, "said", null, "D"), cue: at(body, "said", 52), source: source(body, "He"), source_kind: "pronoun" as const, resolved: source(body, "Saltvik") };
  const s5 = { ...suggestion(body, "said", null, null), cue: at(body, "said", 64), source: source(body, "Kreel", known, 60) };
  const list = [s1, s2, s3, s4, s5];

  it("groups by the registry's source, or the folded words; a pronoun by what it stands for; never one without content", () => {
    expect(fromSameSource(list, s1)).toEqual([s1, s2]);
    expect(fromSameSource(list, s3)).toEqual([s3, s4]);
    expect(speakerLabel(s4)).toBe("Saltvik");
    expect(speakerLabel(s1)).toBe("Anselm Kreel");
  });

  it("folds case, accents and spacing", () => {
    expect(foldName("  Ingrid   SALTVÍK ")).toBe("ingrid saltvik");
  });
});

describe("listWindow", () => {
  it("shows a short list whole, and a window around the focused one of a long list", () => {
    expect(listWindow(30, 5, 120)).toEqual({ start: 0, end: 30 });
    expect(listWindow(1000, -1, 100)).toEqual({ start: 0, end: 100 });
    expect(listWindow(1000, 500, 100)).toEqual({ start: 450, end: 550 });
    expect(listWindow(1000, 990, 100)).toEqual({ start: 900, end: 1000 });
  });
});
