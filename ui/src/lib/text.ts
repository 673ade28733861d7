// Text helpers shared by snippets and the reader.
//
// The backend counts offsets in Unicode code points (Rust `char`s); JavaScript
// strings index UTF-16 code units, where an emoji or a rare CJK ideograph takes
// two. Every range that crosses the boundary goes through `rangesToUtf16`.

/** A half-open range `[start, end)`. */
export type Range = readonly [number, number];

/**
 * Converts code-point offsets into UTF-16 indices of `text`, in one pass over
 * the text however many offsets there are (a long article can have thousands
 * of highlights). Offsets past the end map to `text.length`.
 */
export function codePointsToUtf16(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const result = new Array<number>(offsets.length);
  let codePoint = 0;
  let unit = 0;
  for (const i of order) {
    const target = offsets[i];
    while (codePoint < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      const pair = c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length;
      unit += pair && isLowSurrogate(text.charCodeAt(unit + 1)) ? 2 : 1;
      codePoint += 1;
    }
    result[i] = unit;
  }
  return result;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Turns the backend's code-point ranges into sorted, non-overlapping UTF-16
 * ranges of `text`. Empty and inverted ranges are dropped; overlapping or
 * touching ones are merged so that each word gets one `<mark>`.
 */
export function rangesToUtf16(text: string, ranges: readonly Range[]): Range[] {
  const flat = ranges.flatMap(([start, end]) => [start, end]);
  const units = codePointsToUtf16(text, flat);
  const converted: [number, number][] = [];
  for (let i = 0; i < units.length; i += 2) {
    if (units[i] < units[i + 1]) converted.push([units[i], units[i + 1]]);
  }
  converted.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of converted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** A piece of text between two range boundaries, and what covers it. */
export interface Segment {
  start: number;
  end: number;
  /** Inside a search-term highlight. */
  hit: boolean;
  /** Index into the find matches, or -1 outside any. */
  find: number;
}

/** Index of the first range in sorted `ranges` that ends after `offset`. */
export function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid][1] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Cuts `[start, end)` into segments at every edge of the sorted,
 * non-overlapping `hits` and `finds` ranges. Costs O(log n) to find the first
 * range, then only the ranges inside the span, so a long article can be cut
 * chunk by chunk.
 */
export function segment(start: number, end: number, hits: readonly Range[], finds: readonly Range[] = []): Segment[] {
  const edges = new Set<number>([start, end]);
  const firstHit = firstEndingAfter(hits, start);
  const firstFind = firstEndingAfter(finds, start);
  for (const [ranges, first] of [[hits, firstHit], [finds, firstFind]] as const) {
    for (let i = first; i < ranges.length && ranges[i][0] < end; i++) {
      const [s, e] = ranges[i];
      if (s > start) edges.add(s);
      if (e < end) edges.add(e);
    }
  }
  const points = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let h = firstHit;
  let f = firstFind;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (h < hits.length && hits[h][1] <= a) h++;
    while (f < finds.length && finds[f][1] <= a) f++;
    segments.push({
      start: a,
      end: b,
      hit: h < hits.length && hits[h][0] <= a,
      find: f < finds.length && finds[f][0] <= a ? f : -1,
    });
  }
  return segments;
}

/**
 * Makes control characters visible instead of letting them act: C0 controls
 * other than tab and newline become their Control Pictures symbol (U+2400…),
 * DEL becomes ␡ and C1 controls U+FFFD. Each replacement is one UTF-16 unit
 * for one, so offsets computed on the original text stay valid.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

/** A snippet trimmed to show its first highlight, with the ranges moved to match. */
export interface FocusedSnippet {
  text: string;
  ranges: Range[];
}

/**
 * A list row shows two lines of snippet, and the backend's passage may put
 * the first matched word further in than that. When it is more than `lead`
 * units in, the text before it is cut at a space and replaced by "…", so the
 * marked word is in view.
 */
export function focusSnippet(text: string, ranges: readonly Range[], lead = 40): FocusedSnippet {
  if (ranges.length === 0 || ranges[0][0] <= lead) return { text, ranges: [...ranges] };
  const first = ranges[0][0];
  let cut = first - lead;
  const space = text.slice(cut, first).search(/\s/);
  if (space >= 0) cut += space + 1;
  else if (isLowSurrogate(text.charCodeAt(cut))) cut += 1;
  const shift = cut - 1; // one unit for the "…"
  return {
    text: `…${text.slice(cut)}`,
    ranges: ranges.filter(([, end]) => end > cut).map(([start, end]): Range => [Math.max(start, cut) - shift, end - shift]),
  };
}
