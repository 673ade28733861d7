import { describe, expect, it } from "vitest";

import { chunk, splitParagraphs } from "./paragraphs";

const texts = (body: string) => splitParagraphs(body).map((p) => body.slice(p.start, p.end));

describe("splitParagraphs", () => {
  it("splits on blank lines, including ones holding spaces or CRLF", () => {
    expect(texts("One.\nStill one.\n\nTwo.\n  \t\nThree.\r\n\r\nFour.")).toEqual(["One.\nStill one.", "Two.", "Three.", "Four."]);
  });

  it("drops empty and whitespace-only paragraphs and edge newlines", () => {
    expect(texts("\n\n\nOne.\n\n\n\n   \n\n\nTwo.\n\n")).toEqual(["One.", "Two."]);
    expect(texts("")).toEqual([]);
    expect(texts(" \n\n \t ")).toEqual([]);
  });

  it("keeps indentation, which may carry meaning", () => {
    expect(texts("  indented\n\nnext")).toEqual(["  indented", "next"]);
  });

  it("gives offsets into the body", () => {
    const body = "ab\n\ncd";
    expect(splitParagraphs(body).map((p) => [p.start, p.end])).toEqual([[0, 2], [4, 6]]);
  });

  it("cuts a giant single line into chunks that cover it exactly", () => {
    const body = "word ".repeat(100_000);
    const [paragraph] = splitParagraphs(body, 20_000);
    expect(paragraph.chunks.length).toBeGreaterThanOrEqual(25);
    expect(paragraph.chunks[0][0]).toBe(paragraph.start);
    expect(paragraph.chunks[paragraph.chunks.length - 1][1]).toBe(paragraph.end);
    for (let i = 1; i < paragraph.chunks.length; i++) expect(paragraph.chunks[i][0]).toBe(paragraph.chunks[i - 1][1]);
  });
});

describe("chunk", () => {
  it("leaves a short span whole", () => {
    expect(chunk("hello", 0, 5, 10)).toEqual([[0, 5]]);
  });

  it("prefers to cut after a space", () => {
    const body = "aaaa bbbbbb";
    expect(chunk(body, 0, body.length, 8)).toEqual([[0, 5], [5, 11]]);
  });

  it("never cuts a surrogate pair in two when there is no space", () => {
    const body = "😀".repeat(10);
    const chunks = chunk(body, 0, body.length, 5);
    for (const [start, end] of chunks) {
      expect(end - start).toBeLessThanOrEqual(5);
      expect([...body.slice(start, end)].join("")).toBe(body.slice(start, end));
      expect(body.slice(start, end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(chunks.map(([s, e]) => body.slice(s, e)).join("")).toBe(body);
  });

  it("is quick on 5 MB without a space", () => {
    const body = "x".repeat(5_000_000);
    const started = performance.now();
    const chunks = chunk(body, 0, body.length);
    expect(chunks).toHaveLength(250);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
