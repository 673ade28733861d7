// Claims in the reader: from a DOM selection to a code-point span of the
// body, and from claims' spans back to layered ranges to mark.
//
// The reader renders each piece of the body inside an element carrying
// `data-start`: the UTF-16 index in the body where that element's text
// begins. Every text node below it is an exact slice of the body (control
// characters are replaced one unit for one), so a DOM point maps back to a
// body index by adding the lengths of the text before it.

import type { ChainLink, ChainRole, Claim, ClaimKind, ClaimStatus, Span } from "./backend/bindings";
import { codePointsToUtf16, type Range } from "./text";

export const CLAIM_KINDS: readonly { value: ClaimKind; label: string }[] = [
  { value: "factual_assertion", label: "Factual assertion" },
  { value: "statistic", label: "Statistic" },
  { value: "quote", label: "Quote" },
  { value: "prediction", label: "Prediction" },
  { value: "opinion", label: "Opinion" },
  { value: "denial", label: "Denial" },
];

export const CLAIM_STATUSES: readonly { value: ClaimStatus; label: string }[] = [
  { value: "unverified", label: "Unverified" },
  { value: "corroborated", label: "Corroborated" },
  { value: "disputed", label: "Disputed" },
  { value: "false", label: "False" },
  { value: "misleading", label: "Misleading" },
];

export const CREDIBILITY_LABELS: Record<number, string> = {
  1: "1 Confirmed",
  2: "2 Probably true",
  3: "3 Possibly true",
  4: "4 Doubtful",
  5: "5 Improbable",
  6: "6 Cannot be judged",
};

export const kindLabel = (kind: ClaimKind) => CLAIM_KINDS.find((k) => k.value === kind)?.label ?? kind;
export const statusLabel = (status: ClaimStatus) => CLAIM_STATUSES.find((s) => s.value === status)?.label ?? status;

/** The least of the DOM that the mapping needs, so it can be tested without a browser. */
export interface NodeLike {
  nodeType: number;
  parentNode: NodeLike | null;
  previousSibling: NodeLike | null;
  childNodes: ArrayLike<NodeLike>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;

/** The `data-start` of an element, if it has one. */
function startOf(node: NodeLike): number | null {
  if (node.nodeType !== 1 || !node.getAttribute) return null;
  const value = node.getAttribute("data-start");
  if (value === null || value === "") return null;
  const start = Number(value);
  return Number.isInteger(start) ? start : null;
}

/**
 * The UTF-16 index in the body of a DOM point (a selection's anchor or
 * focus), or null when the point is outside the rendered body.
 */
export function bodyIndexOf(node: NodeLike, offset: number): number | null {
  let acc = offset;
  if (node.nodeType !== TEXT_NODE) {
    // A point between an element's children: count the text of those before it.
    acc = 0;
    for (let i = 0; i < Math.min(offset, node.childNodes.length); i++) acc += node.childNodes[i].textContent?.length ?? 0;
    const own = startOf(node);
    if (own !== null) return own + acc;
  }
  for (let current = node; current.parentNode; ) {
    for (let s = current.previousSibling; s; s = s.previousSibling) acc += s.textContent?.length ?? 0;
    current = current.parentNode;
    const own = startOf(current);
    if (own !== null) return own + acc;
  }
  // A point between blocks (the body element itself): the start of the block after it.
  if (node.nodeType !== TEXT_NODE && offset < node.childNodes.length) return firstStartWithin(node.childNodes[offset]);
  return null;
}

/** The first `data-start` in `node`'s subtree, in document order. */
function firstStartWithin(node: NodeLike): number | null {
  const own = startOf(node);
  if (own !== null) return own;
  for (let i = 0; i < node.childNodes.length; i++) {
    const found = firstStartWithin(node.childNodes[i]);
    if (found !== null) return found;
  }
  return null;
}

/** The code-point offset of UTF-16 index `unit` in `text`. */
export function utf16ToCodePoint(text: string, unit: number): number {
  let points = 0;
  for (let i = 0; i < unit && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < unit) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/**
 * The code-point span of the body between two UTF-16 indices (in any
 * order), trimmed of surrounding whitespace; null when nothing but
 * whitespace is selected.
 */
export function selectionSpan(body: string, a: number, b: number): { start: number; end: number } | null {
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(body.length, Math.max(a, b));
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  // Never split a surrogate pair.
  if (start > 0 && isLow(body.charCodeAt(start))) start--;
  if (end < body.length && isLow(body.charCodeAt(end))) end++;
  if (start >= end) return null;
  return { start: utf16ToCodePoint(body, start), end: utf16ToCodePoint(body, end) };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A claim's span in UTF-16 units of the body. */
export interface ClaimRange {
  id: number;
  status: ClaimStatus;
  start: number;
  end: number;
  /** Re-anchored by a fuzzy match and waiting for the analyst to confirm it. */
  fuzzy?: boolean;
}

/**
 * Whether the claim's span is marked in the text. A claim that re-anchoring
 * could not place (`needs_review`, reason `not_found`) keeps its old span,
 * which no longer fits the new text: it is listed for review, not marked.
 */
export function isMarked(claim: Pick<Claim, "anchor" | "review">): boolean {
  return !(claim.anchor === "needs_review" && claim.review?.reason !== "fuzzy");
}

/** Whether the claim waits for review with a fuzzy (uncertain) span, marked dashed. */
export function isFuzzy(claim: Pick<Claim, "anchor" | "review">): boolean {
  return claim.anchor === "needs_review" && claim.review?.reason === "fuzzy";
}

/** The claims re-anchoring left for the analyst, in reading order. */
export function needingReview(claims: readonly Claim[]): Claim[] {
  return claims.filter((c) => c.anchor === "needs_review").sort((a, b) => a.selector.start - b.selector.start || a.id - b.id);
}

/** Claims' spans as UTF-16 ranges of `body`, by start then longest first (outer before inner). */
export function claimRanges(body: string, claims: readonly Claim[]): ClaimRange[] {
  const marked = claims.filter(isMarked);
  const units = codePointsToUtf16(
    body,
    marked.flatMap((c) => [c.selector.start, c.selector.end]),
  );
  const ranges = marked
    .map((c, i): ClaimRange => ({ id: c.id, status: c.status, start: units[2 * i], end: units[2 * i + 1], ...(isFuzzy(c) ? { fuzzy: true } : {}) }))
    .filter((r) => r.start < r.end);
  ranges.sort((x, y) => x.start - y.start || y.end - x.end);
  return ranges;
}

/** A piece of `[start, end)` and the claims covering it, outermost first. */
export interface ClaimPiece {
  start: number;
  end: number;
  claims: ClaimRange[];
}

/**
 * Cuts `[start, end)` at every claim edge inside it. Nested or overlapping
 * claims give pieces covered by several; the innermost (shortest) is last.
 */
export function claimPieces(start: number, end: number, ranges: readonly ClaimRange[]): ClaimPiece[] {
  const inside = ranges.filter((r) => r.start < end && r.end > start);
  const edges = new Set<number>([start, end]);
  for (const r of inside) {
    if (r.start > start) edges.add(r.start);
    if (r.end < end) edges.add(r.end);
  }
  const points = [...edges].sort((a, b) => a - b);
  const pieces: ClaimPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((r) => r.start <= a && r.end >= b).sort((x, y) => y.end - y.start - (x.end - x.start));
    pieces.push({ start: a, end: b, claims: covering });
  }
  return pieces;
}

/** Whether the claim ranges that touch `[start, end)` are the same in both lists. */
export function sameClaimsWithin(a: readonly ClaimRange[], b: readonly ClaimRange[], start: number, end: number): boolean {
  if (a === b) return true;
  const x = a.filter((r) => r.start < end && r.end > start);
  const y = b.filter((r) => r.start < end && r.end > start);
  return x.length === y.length && x.every((r, i) => r.id === y[i].id && r.status === y[i].status && r.start === y[i].start && r.end === y[i].end && !r.fuzzy === !y[i].fuzzy);
}

/** A short excerpt of a quote for lists. */
export function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export type { Range };

/** The text of a code-point span of `body`. */
export function spanText(body: string, span: { start: number; end: number }): string {
  const [start, end] = codePointsToUtf16(body, [span.start, span.end]);
  return body.slice(start, end);
}

/** One link of a chain being edited: a source (picked, to create, or none yet) and its spans. */
export interface DraftLink<S> {
  source: S | null;
  role: ChainRole;
  cue: Span | null;
  mention: Span | null;
}

/**
 * The chain to store: links without a source are left out, the first kept
 * link is the speaker and the others intermediaries (the core wants one
 * speaker, first). `idOf` gives each source's id.
 */
export function chainOf<S>(links: readonly DraftLink<S>[], idOf: (source: S) => number): ChainLink[] {
  return links
    .filter((l) => l.source !== null)
    .map((l, i) => ({ source: idOf(l.source as S), role: i === 0 ? "speaker" : "intermediary", cue: l.cue, mention: l.mention }));
}
