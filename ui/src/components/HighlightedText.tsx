// Text with `<mark>`s over the given ranges, built from React text nodes only:
// article data never becomes markup.

import { Fragment, type ReactNode } from "react";

import { claimPieces, type ClaimRange } from "../lib/claims";
import { NO_SUGGESTION_MARKS, suggestionPieces, type SuggestionMarks } from "../lib/suggestions";
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
  /** Attribution suggestions: a quiet underline on each content, a light tint on cue and source. */
  suggestions?: SuggestionMarks;
}

const NO_CLAIMS: readonly ClaimRange[] = [];

export function HighlightedText({ text, offset = 0, hits, finds = [], currentFind = -1, claims = NO_CLAIMS, suggestions = NO_SUGGESTION_MARKS }: Props): ReactNode {
  const pieces = segment(offset, offset + text.length, hits, finds);
  // Text of `[start, end)`, with suggestions' spans innermost (inside claims' marks).
  const plain = (start: number, end: number): ReactNode => {
    if (suggestions.ranges.length === 0) return visibleControls(text.slice(start - offset, end - offset));
    return suggestionPieces(start, end, suggestions).map((p) => {
      const words = visibleControls(text.slice(p.start - offset, p.end - offset));
      if (p.key === null) return <Fragment key={p.start}>{words}</Fragment>;
      const classes = ["sugg", p.content ? "sugg-content" : "", p.cue ? "sugg-cue" : "", p.source ? "sugg-source" : "", p.focused ? "focused" : ""];
      return (
        <span key={p.start} className={classes.filter(Boolean).join(" ")} data-suggestion={p.key}>
          {words}
        </span>
      );
    });
  };
  return pieces.map((piece, i) => {
    let inner: ReactNode;
    if (claims.length === 0) {
      inner = plain(piece.start, piece.end);
    } else {
      inner = claimPieces(piece.start, piece.end, claims).map((part) => {
        let node: ReactNode = plain(part.start, part.end);
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
