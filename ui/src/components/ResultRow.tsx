// One result in the list: title, outlet and date, and the snippet with the
// matched words marked. Rows are a fixed height so the list can be virtualized.

import { memo, useMemo } from "react";

import type { SearchHit } from "../lib/backend";
import { formatPublished } from "../lib/format";
import { focusSnippet, rangesToUtf16, visibleControls } from "../lib/text";
import { HighlightedText } from "./HighlightedText";

interface Props {
  id: string;
  index: number;
  count: number;
  hit: SearchHit | undefined;
  selected: boolean;
  open: boolean;
  top: number;
  onPick: (index: number) => void;
}

export const ResultRow = memo(function ResultRow({ id, index, count, hit, selected, open, top, onPick }: Props) {
  const snippet = useMemo(() => (hit ? focusSnippet(hit.snippet, rangesToUtf16(hit.snippet, hit.highlights)) : null), [hit]);
  const position = { transform: `translateY(${top}px)` };
  if (!hit || !snippet) {
    return (
      <div id={id} role="option" aria-selected={selected} aria-setsize={count} aria-posinset={index + 1} aria-busy="true" className="result-row placeholder" style={position}>
        <span className="visually-hidden">Loading…</span>
      </div>
    );
  }
  const date = formatPublished(hit.published);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-current={open ? "true" : undefined}
      aria-setsize={count}
      aria-posinset={index + 1}
      data-testid="result-row"
      data-id={hit.id}
      className={`result-row${selected ? " selected" : ""}${open ? " open" : ""}`}
      style={position}
      onClick={() => onPick(index)}
    >
      <div className="result-title" dir="auto">
        {visibleControls(hit.title) || "Untitled"}
      </div>
      {(hit.outlet || date) && (
        <div className="result-meta">
          {hit.outlet && <bdi>{visibleControls(hit.outlet)}</bdi>}
          {hit.outlet && date && " · "}
          {date}
        </div>
      )}
      <div className="result-snippet" dir="auto">
        <HighlightedText text={snippet.text} hits={snippet.ranges} />
      </div>
    </div>
  );
});
