// Splits an article body into paragraphs, and giant paragraphs into chunks,
// so the reader can render a 5 MB body a piece at a time without freezing.

import type { Range } from "./text";

/** Paragraphs longer than this many UTF-16 units are rendered in chunks. */
export const CHUNK_SIZE = 20_000;

/** How far back from the cut to look for a space to break at. */
const BREAK_SEARCH = 2_000;

export interface Paragraph {
  start: number;
  end: number;
  /** Consecutive ranges covering `[start, end)`; one unless the paragraph is giant. */
  chunks: Range[];
}

/**
 * Paragraphs of `body` as UTF-16 ranges: text separated by blank lines (lines
 * holding nothing but whitespace). Newlines at the edges of a paragraph are
 * left out; whitespace-only paragraphs are dropped.
 */
export function splitParagraphs(body: string, chunkSize = CHUNK_SIZE): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const blank = /\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && isBreakSpace(body.charCodeAt(start))) start++;
    while (end > start && isBreakSpace(body.charCodeAt(end - 1))) end--;
    if (hasNonSpace(body, start, end)) {
      paragraphs.push({ start, end, chunks: chunk(body, start, end, chunkSize) });
    }
  };
  for (let match = blank.exec(body); match; match = blank.exec(body)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, body.length);
  return paragraphs;
}

function isBreakSpace(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

function hasNonSpace(body: string, start: number, end: number): boolean {
  const nonSpace = /\S/g;
  nonSpace.lastIndex = start;
  const found = nonSpace.exec(body);
  return found !== null && found.index < end;
}

/**
 * Cuts `[start, end)` into ranges of at most `size` units, preferring to cut
 * after a space and never between the two halves of a surrogate pair.
 */
export function chunk(body: string, start: number, end: number, size = CHUNK_SIZE): Range[] {
  const chunks: Range[] = [];
  let from = start;
  while (end - from > size) {
    let cut = from + size;
    const floor = Math.max(from + 1, cut - BREAK_SEARCH);
    let space = cut;
    while (space > floor && !/\s/.test(body[space - 1])) space--;
    if (space > floor) cut = space;
    else if (isHighSurrogate(body.charCodeAt(cut - 1))) cut--;
    chunks.push([from, cut]);
    from = cut;
  }
  chunks.push([from, end]);
  return chunks;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
