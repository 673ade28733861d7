// The results as a virtualized listbox: only the rows in view (plus a few)
// exist in the DOM, so 100,000 results scroll as smoothly as ten. Pages of
// hits are fetched as their rows come into view.

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

import { hitAt, rowCount, type ShownResults } from "../lib/searchController";
import { revealRow, rowForKey, visibleRows, type RowRange } from "../lib/virtual";
import { ResultRow } from "./ResultRow";

/** Must match `.result-row` in search.css: title, meta and two snippet lines. */
export const ROW_HEIGHT = 104;
const OVERSCAN = 6;

interface Props {
  id: string;
  results: ShownResults;
  selected: number;
  openId: number | null;
  dimmed: boolean;
  label: string;
  onSelect: (index: number) => void;
  /** `alongside` runs with the first visible change of the opening. */
  onOpen: (index: number, alongside?: () => void) => void;
  onRowsShown: (range: RowRange) => void;
}

export function rowId(listId: string, index: number): string {
  return `${listId}-row-${index}`;
}

export function ResultList({ id, results, selected, openId, dimmed, label, onSelect, onOpen, onRowsShown }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const count = rowCount(results);
  const range = visibleRows(scrollTop, viewport, ROW_HEIGHT, count, OVERSCAN);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  // A different search starts at the top; a refresh of the same one stays put.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [results.id]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || selected < 0) return;
    const target = revealRow(selected, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    if (target !== null) {
      element.scrollTop = target;
      setScrollTop(target);
    }
  }, [selected]);

  useEffect(() => {
    onRowsShown(range);
  }, [range.start, range.end, results, onRowsShown]);

  const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent) => {
    const row = rowForKey(e.key, selected, count, pageRows);
    if (row !== null) {
      e.preventDefault();
      onSelect(row);
    } else if ((e.key === "Enter" || e.key === " ") && selected >= 0) {
      e.preventDefault();
      onOpen(selected);
    }
  };

  const pick = useCallback(
    (index: number) => {
      // The selection moves with the article, in the same frame (lib/articleOpener.ts).
      onOpen(index, () => onSelect(index));
    },
    [onSelect, onOpen],
  );

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const hit = hitAt(results, index);
    rows.push(
      <ResultRow
        key={index}
        id={rowId(id, index)}
        index={index}
        count={count}
        hit={hit}
        selected={index === selected}
        open={hit !== undefined && hit.id === openId}
        top={index * ROW_HEIGHT}
        onPick={pick}
      />,
    );
  }

  return (
    <div
      ref={scroller}
      id={id}
      className={`result-list${dimmed ? " dimmed" : ""}`}
      role="listbox"
      aria-label={label}
      aria-activedescendant={selected >= 0 && selected < count ? rowId(id, selected) : undefined}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      style={{ "--row-height": `${ROW_HEIGHT}px` } as CSSProperties}
    >
      <div className="result-list-space" style={{ height: count * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}
