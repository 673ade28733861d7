// Arithmetic of the virtualized result list (fixed row height) and of
// fetching its pages as they scroll into view.

export interface RowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

/** The rows in view plus `overscan` rows on either side, clamped to `count`. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): RowRange {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewport) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.min(count, last + overscan) };
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function revealRow(index: number, scrollTop: number, viewport: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return null;
}

/**
 * The row a list key moves the selection to (arrows, PageUp/PageDown by
 * `pageRows`, Home, End), clamped to the list; null for any other key.
 */
export function rowForKey(key: string, selected: number, count: number, pageRows: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: selected + 1,
    ArrowUp: selected - 1,
    PageDown: selected + pageRows,
    PageUp: selected - pageRows,
    Home: 0,
    End: count - 1,
  };
  return key in moves ? Math.max(0, Math.min(count - 1, moves[key])) : null;
}

/** Indices of the pages of `pageSize` rows that hold rows `[start, end)`. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(range.start / pageSize); p * pageSize < range.end; p++) pages.push(p);
  return pages;
}
