// Text with `<mark>`s over the given ranges, built from React text nodes only:
// article data never becomes markup.

import { Fragment, type ReactNode } from "react";

import { segment, visibleControls, type Range } from "../lib/text";

interface Props {
  text: string;
  /** Offset of `text` in the string the ranges index (a chunk of a body). */
  offset?: number;
  /** Search-term highlights: sorted, non-overlapping UTF-16 ranges. */
  hits: readonly Range[];
  /** Find-in-article matches, likewise. */
  finds?: readonly Range[];
  /** Start of the current find match, to tell it apart. */
  currentFind?: number;
}

export function HighlightedText({ text, offset = 0, hits, finds = [], currentFind = -1 }: Props): ReactNode {
  const pieces = segment(offset, offset + text.length, hits, finds);
  return pieces.map((piece, i) => {
    const content = visibleControls(text.slice(piece.start - offset, piece.end - offset));
    let node: ReactNode = content;
    if (piece.find >= 0) {
      const current = finds[piece.find][0] === currentFind;
      node = <mark className={current ? "find current" : "find"}>{node}</mark>;
    }
    if (piece.hit) node = <mark className="hit">{node}</mark>;
    return <Fragment key={i}>{node}</Fragment>;
  });
}
