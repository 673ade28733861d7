import { describe, expect, it } from "vitest";

import { findMockSuggestions, toCodePointOffsets } from "./mockSuggestions";

const words = (body: string, r: [number, number] | null) => (r ? body.slice(r[0], r[1]) : null);

describe("the mock's attribution finder", () => {
  it("finds “X said Y”, quotes before the cue and “According to X, Y”", () => {
    const body = 'Officials speaking on condition of anonymity said the negotiations had stalled. "We stay," Anselm Kreel said. According to a statement released on Monday, the figures were revised.';
    const found = findMockSuggestions(body).map((f) => [words(body, f.cue), words(body, f.source), words(body, f.content), f.kind]);
    expect(found).toEqual([
      ["said", "Officials speaking on condition of anonymity", "the negotiations had stalled", "anonymous"],
      ["said", "Anselm Kreel", '"We stay,"', "person"],
      ["According to", "a statement released on Monday", "the figures were revised", "unknown"],
    ]);
  });

  it("finds nothing in a long line without cues, quickly", () => {
    expect(findMockSuggestions("lorem ipsum dolor sit amet ".repeat(40_000))).toEqual([]);
  });

  it("converts UTF-16 offsets to code points", () => {
    expect(toCodePointOffsets("😀 a said b", [6, 0, 2, 4])).toEqual([5, 0, 1, 3]);
  });
});
