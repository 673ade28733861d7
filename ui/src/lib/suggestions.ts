// Attribution suggestions in the reader (issue #6): their identity, the
// quiet marks they leave in the text, the claim kind they are accepted as,
// stepping through them, and grouping them by source.
//
// The core gives spans in code points; the reader marks UTF-16 ranges of the
// body, so every span goes through `codePointsToUtf16` once per list.

import type { AttributionSuggestion, ClaimKind, SuggestedSource, SuggestedSourceKind } from "./backend/bindings";
import { excerpt, spanText } from "./claims";
import { codePointsToUtf16 } from "./text";

/** A suggestion's identity in this version of the article: its cue ("start:end", code points). */
export const suggestionKey = (s: Pick<AttributionSuggestion, "cue">): string => `${s.cue.start}:${s.cue.end}`;

/** What part of a suggestion a range marks. */
export type SuggestionRole = "content" | "cue" | "source";

/** A part of a suggestion as a UTF-16 range of the body. */
export interface SuggestionRange {
  key: string;
  role: SuggestionRole;
  start: number;
  end: number;
}

/** What the reader needs to mark suggestions: ranges by start, and which one is focused. */
export interface SuggestionMarks {
  ranges: readonly SuggestionRange[];
  /** The longest range, to bound the search for those overlapping a span. */
  maxLength: number;
  /** The focused suggestion's key, or null. */
  focused: string | null;
}

export const NO_SUGGESTION_MARKS: SuggestionMarks = { ranges: [], maxLength: 0, focused: null };

/** The source a suggestion attributes to: for a pronoun, the named source it was resolved to. */
export function speakerOf(s: AttributionSuggestion): SuggestedSource | null {
  if (s.source_kind === "pronoun" && s.resolved) return s.resolved;
  return s.source;
}

/**
 * The ranges to mark for `suggestions`: each one's content (the claim it
 * would become), cue and source words, as UTF-16 ranges of `body`, sorted
 * by start (then longest first). Empty and inverted spans are dropped.
 */
export function suggestionRanges(body: string, suggestions: readonly AttributionSuggestion[]): SuggestionRange[] {
  const parts: { key: string; role: SuggestionRole; start: number; end: number }[] = [];
  for (const s of suggestions) {
    const key = suggestionKey(s);
    if (s.content) parts.push({ key, role: "content", ...s.content });
    parts.push({ key, role: "cue", ...s.cue });
    if (s.source) parts.push({ key, role: "source", ...s.source.span });
  }
  const units = codePointsToUtf16(
    body,
    parts.flatMap((p) => [p.start, p.end]),
  );
  const ranges = parts.map((p, i): SuggestionRange => ({ key: p.key, role: p.role, start: units[2 * i], end: units[2 * i + 1] })).filter((r) => r.start < r.end);
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  return ranges;
}

/** The marks for the reader, from the ranges and the focused key. */
export function suggestionMarks(ranges: readonly SuggestionRange[], focused: string | null): SuggestionMarks {
  if (ranges.length === 0) return { ...NO_SUGGESTION_MARKS, focused };
  return { ranges, maxLength: ranges.reduce((m, r) => Math.max(m, r.end - r.start), 0), focused };
}

/** The ranges of `marks` that overlap `[start, end)`, in order; O(log n) to find the first. */
export function overlapping(marks: SuggestionMarks, start: number, end: number): SuggestionRange[] {
  const { ranges, maxLength } = marks;
  // No range starting at or before `start - maxLength` can reach past `start`.
  let low = 0;
  let high = ranges.length;
  const from = start - maxLength;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid].start <= from) low = mid + 1;
    else high = mid;
  }
  const found: SuggestionRange[] = [];
  for (let i = low; i < ranges.length && ranges[i].start < end; i++) if (ranges[i].end > start) found.push(ranges[i]);
  return found;
}

/** A piece of text between two suggestion edges and how it is marked. */
export interface SuggestionPiece {
  start: number;
  end: number;
  content: boolean;
  cue: boolean;
  source: boolean;
  /** Part of the focused suggestion. */
  focused: boolean;
  /** The suggestion a click here picks (a cue or source before a content; the shortest), or null. */
  key: string | null;
}

/** Cuts `[start, end)` at every suggestion edge inside it; pieces outside every suggestion have `key` null. */
export function suggestionPieces(start: number, end: number, marks: SuggestionMarks): SuggestionPiece[] {
  const inside = overlapping(marks, start, end);
  if (inside.length === 0) return [{ start, end, content: false, cue: false, source: false, focused: false, key: null }];
  const edges = new Set<number>([start, end]);
  for (const r of inside) {
    if (r.start > start) edges.add(r.start);
    if (r.end < end) edges.add(r.end);
  }
  const points = [...edges].sort((a, b) => a - b);
  const pieces: SuggestionPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((r) => r.start <= a && r.end >= b);
    let pick: SuggestionRange | null = null;
    for (const r of covering) {
      const better = pick === null || (pick.role === "content" && r.role !== "content") || ((pick.role === "content") === (r.role === "content") && r.end - r.start < pick.end - pick.start);
      if (better) pick = r;
    }
    pieces.push({
      start: a,
      end: b,
      content: covering.some((r) => r.role === "content"),
      cue: covering.some((r) => r.role === "cue"),
      source: covering.some((r) => r.role === "source"),
      focused: marks.focused !== null && covering.some((r) => r.key === marks.focused),
      key: pick?.key ?? null,
    });
  }
  return pieces;
}

/** Whether two sets of marks look the same on `[start, end)` (to skip re-rendering a chunk). */
export function sameSuggestionsWithin(a: SuggestionMarks, b: SuggestionMarks, start: number, end: number): boolean {
  if (a === b) return true;
  const x = a.ranges === b.ranges ? null : overlapping(a, start, end);
  const y = a.ranges === b.ranges ? null : overlapping(b, start, end);
  if (x && y) {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      if (x[i].key !== y[i].key || x[i].role !== y[i].role || x[i].start !== y[i].start || x[i].end !== y[i].end) return false;
    }
  }
  if (a.focused === b.focused) return true;
  // Another suggestion focused: only the spans of the old and new one change.
  const here = x ?? overlapping(a, start, end);
  return !here.some((r) => r.key === a.focused || r.key === b.focused);
}

const QUOTES_OPEN = "\"“„«‹‘'「『";
const QUOTES_CLOSE = "\"”“»›’'」』";

/**
 * The kind a suggestion is accepted as: a quote when its content is in
 * quotation marks (the marks inside the span, or right around it),
 * otherwise a factual assertion.
 */
export function claimKindFor(body: string, s: Pick<AttributionSuggestion, "content">): ClaimKind {
  if (!s.content) return "factual_assertion";
  const [start, end] = codePointsToUtf16(body, [s.content.start, s.content.end]);
  const text = body.slice(start, end).trim();
  // Trailing punctuation may sit outside the closing mark: `"…" ,` or `"…".`
  const inner = text.replace(/[\s,.;:!?]+$/u, "");
  if (inner.length >= 2 && QUOTES_OPEN.includes(inner[0]) && QUOTES_CLOSE.includes(inner[inner.length - 1])) return "quote";
  const before = body.slice(0, start).trimEnd();
  const after = body.slice(end).trimStart();
  if (before && after && QUOTES_OPEN.includes(before[before.length - 1]) && QUOTES_CLOSE.includes(after[0])) return "quote";
  return "factual_assertion";
}

/**
 * The key after (`direction` 1) or before (-1) `current` in `keys`; from
 * nothing, the first or the last. Stays at the ends (no wrapping), so
 * holding the key does not jump back to the top.
 */
export function stepKey(keys: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (keys.length === 0) return null;
  const at = current === null ? -1 : keys.indexOf(current);
  if (at < 0) return direction === 1 ? keys[0] : keys[keys.length - 1];
  return keys[Math.max(0, Math.min(keys.length - 1, at + direction))];
}

/**
 * What to focus once the suggestion `gone` has left the list (accepted,
 * rejected): the one that followed it in reading order, else the one before,
 * else nothing. `before` is the list as it was.
 */
export function nextAfterRemoval(before: readonly string[], after: readonly string[], gone: string): string | null {
  const at = before.indexOf(gone);
  const left = new Set(after);
  for (let i = at + 1; i < before.length && at >= 0; i++) if (left.has(before[i])) return before[i];
  for (let i = at - 1; i >= 0; i--) if (left.has(before[i])) return before[i];
  return after[0] ?? null;
}

/** A name folded as the core folds them for lookups: case, accents and spacing ignored. */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Whether two suggestions name the same speaker: the same registry source, or the same words folded. */
export function sameSpeaker(a: AttributionSuggestion, b: AttributionSuggestion): boolean {
  const x = speakerOf(a);
  const y = speakerOf(b);
  if (!x || !y) return false;
  if (x.known && y.known) return x.known.id === y.known.id;
  return foldName(x.text) === foldName(y.text);
}

/** The suggestions that can be accepted along with `s` ("Accept all from this source"), `s` included, in order. */
export function fromSameSource(list: readonly AttributionSuggestion[], s: AttributionSuggestion): AttributionSuggestion[] {
  return list.filter((other) => other.content !== null && (other === s || sameSpeaker(s, other)));
}

export const SOURCE_KIND_LABELS: Record<SuggestedSourceKind, string> = {
  person: "Person",
  organization: "Organization",
  outlet: "Media outlet",
  anonymous: "Anonymous",
  pronoun: "Pronoun",
  unknown: "Unclassified",
};

/** A short excerpt of a suggestion's content, or null when it has none. */
export function contentExcerpt(body: string, s: Pick<AttributionSuggestion, "content">, max = 140): string | null {
  return s.content ? excerpt(spanText(body, s.content), max) : null;
}

/** How the list and the toast name a suggestion's speaker. */
export function speakerLabel(s: AttributionSuggestion): string {
  const speaker = speakerOf(s);
  if (!speaker) return "no source found";
  return speaker.known ? speaker.known.name : speaker.text;
}

/** How many suggestions the details pane renders at most (a huge article can have thousands). */
export const LIST_WINDOW = 120;

/** The items `[start, end)` to render out of `count`: all of a short list, else a window around `focused`. */
export function listWindow(count: number, focused: number, size = LIST_WINDOW): { start: number; end: number } {
  if (count <= size) return { start: 0, end: count };
  const start = Math.max(0, Math.min(count - size, focused - Math.floor(size / 2)));
  return { start, end: start + size };
}
