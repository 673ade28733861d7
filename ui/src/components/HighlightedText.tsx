// Text with `<mark>`s over the given ranges, built from React text nodes only:
// article data never becomes markup.

import { Fragment, type ReactNode } from "react";

import { claimPieces, type ClaimRange } from "../lib/claims";
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
  /** Claims' spans (UTF-16, may nest or overlap); each becomes a `mark.claim` layer. */
  claims?: readonly ClaimRange[];
}

const NO_CLAIMS: readonly ClaimRange[] = [];

export function HighlightedText({ text, offset = 0, hits, finds = [], currentFind = -1, claims = NO_CLAIMS }: Props): ReactNode {
  const pieces = segment(offset, offset + text.length, hits, finds);
  return pieces.map((piece, i) => {
    let inner: ReactNode;
    if (claims.length === 0) {
      inner = visibleControls(text.slice(piece.start - offset, piece.end - offset));
    } else {
      inner = claimPieces(piece.start, piece.end, claims).map((part) => {
        let node: ReactNode = visibleControls(text.slice(part.start - offset, part.end - offset));
        // Innermost claim inside, outer ones around it: each layer keeps its own underline.
        for (let depth = part.claims.length - 1; depth >= 0; depth--) {
          const claim = part.claims[depth];
          const innermost = depth === part.claims.length - 1;
          node = (
            <mark
              className={`claim status-${claim.status}${innermost && part.claims.length > 1 ? " inner" : ""}${claim.fuzzy ? " fuzzy" : ""}`}
              data-claim={claim.id}
              tabIndex={innermost && part.start === claim.start ? 0 : undefined}
            >
              {node}
            </mark>
          );
        }
        return <Fragment key={part.start}>{node}</Fragment>;
      });
    }
    let node: ReactNode = inner;
    if (piece.find >= 0) {
      const current = finds[piece.find][0] === currentFind;
      node = <mark className={current ? "find current" : "find"}>{node}</mark>;
    }
    if (piece.hit) node = <mark className="hit">{node}</mark>;
    return <Fragment key={i}>{node}</Fragment>;
  });
}
