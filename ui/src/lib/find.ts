// Find-in-article: every case-insensitive occurrence of what the person typed.

import type { Range } from "./text";

/** More matches than this are counted as "10,000+" and not marked. */
export const MAX_FIND_MATCHES = 10_000;

export interface FindResult {
  /** Sorted, non-overlapping UTF-16 ranges. */
  matches: Range[];
  /** True when the search stopped at `limit` matches. */
  truncated: boolean;
}

/**
 * Finds `needle` in `text` ignoring case. A regular expression with the `iu`
 * flags folds case per code point, so the ranges are indices into the
 * original text even where lowercasing would change its length (`İ`).
 */
export function findMatches(text: string, needle: string, limit = MAX_FIND_MATCHES): FindResult {
  if (needle === "") return { matches: [], truncated: false };
  const pattern = new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"), "giu");
  const matches: Range[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (matches.length === limit) return { matches, truncated: true };
    matches.push([m.index, m.index + m[0].length]);
  }
  return { matches, truncated: false };
}

/** The match to move to from `current` (wrapping around), or -1 when there is none. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}
