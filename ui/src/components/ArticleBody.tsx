// The body of an article as paragraphs of text with marks. A long body is
// cut into slices rendered one per frame, so opening a 5 MB article shows its
// start at once and never blocks the window; the rest follows. Each slice is
// memoized, so adding one does not re-render those before it.

import { memo, useEffect, useMemo, useState } from "react";

import { sameClaimsWithin, type ClaimRange } from "../lib/claims";
import { NO_SUGGESTION_MARKS, sameSuggestionsWithin, type SuggestionMarks } from "../lib/suggestions";
import { splitParagraphs } from "../lib/paragraphs";
import { afterNextPaint } from "../lib/frames";
import { markPainted } from "../lib/perf";
import { firstEndingAfter, type Range } from "../lib/text";
import { HighlightedText } from "./HighlightedText";

/**
 * A slice holds at most this many UTF-16 units and this many paragraphs
 * (many short paragraphs cost more than one long one); the first is smaller
 * so the top of the article paints at once.
 */
const FIRST_SLICE_UNITS = 4_000;
const SLICE_UNITS = 120_000;
const SLICE_BLOCKS = 50;

/** A paragraph, or one chunk of a giant one. */
interface Block {
  paragraph: number;
  start: number;
  end: number;
  /** Whether the paragraph goes on before or after this block. */
  continuedBefore: boolean;
  continuedAfter: boolean;
}

/** Blocks `[from, to)`: one unit of progressive rendering. */
interface Slice {
  from: number;
  to: number;
  start: number;
  end: number;
}

interface Props {
  body: string;
  hits: readonly Range[];
  finds: readonly Range[];
  /** Start of the current find match, or -1; its slice is rendered at once. */
  currentFind: number;
  /** Claims' spans in UTF-16 units, outer before inner. */
  claims: readonly ClaimRange[];
  /** A UTF-16 offset to render up to at once (a claim to scroll to), or -1. */
  reveal: number;
  /** Attribution suggestions to mark, and the focused one. */
  suggestions?: SuggestionMarks;
}

export function ArticleBody({ body, hits, finds, currentFind, claims, reveal, suggestions = NO_SUGGESTION_MARKS }: Props) {
  const { blocks, slices } = useMemo(() => layout(body), [body]);

  // Restart from the first slice for a new article (adjusting state while
  // rendering rather than in an effect avoids a frame of the old count).
  const [progress, setProgress] = useState({ body, rendered: 1 });
  const rendered = progress.body === body ? progress.rendered : 1;
  if (progress.body !== body) setProgress({ body, rendered });

  // Benchmark mark (lib/perf.ts): the whole body is on screen.
  const complete = rendered >= slices.length;
  useEffect(() => {
    if (complete) markPainted("cd:open:complete", { length: body.length, slices: slices.length });
  }, [body, slices, complete]);

  // The next slice once the frame showing this one has been painted, so the
  // top of the article is on screen before the rest is laid out.
  useEffect(() => {
    if (rendered >= slices.length) return;
    return afterNextPaint(() => setProgress((p) => (p.body === body ? { body, rendered: p.rendered + 1 } : p)));
  }, [body, slices, rendered]);

  if (slices.length === 0) {
    return (
      <div className="reader-body" data-testid="reader-body">
        <p className="reader-note">This article has no text.</p>
      </div>
    );
  }

  // Jumping to a find match below what is rendered renders up to it now.
  const needed = Math.max(currentFind < 0 ? 0 : sliceIndexOf(slices, currentFind) + 1, reveal < 0 ? 0 : sliceIndexOf(slices, reveal) + 1);
  const shown = Math.min(slices.length, Math.max(rendered, needed));
  return (
    <div className="reader-body" data-testid="reader-body" aria-busy={shown < slices.length}>
      {slices.slice(0, shown).map((slice) => (
        <SliceView key={slice.from} body={body} blocks={blocks} slice={slice} hits={hits} finds={finds} currentFind={currentFind} claims={claims} suggestions={suggestions} />
      ))}
      {shown < slices.length && <p className="reader-note">Loading the rest of the article…</p>}
    </div>
  );
}

function layout(body: string): { blocks: Block[]; slices: Slice[] } {
  const blocks: Block[] = [];
  splitParagraphs(body).forEach((p, paragraph) =>
    p.chunks.forEach(([start, end], i) =>
      blocks.push({ paragraph, start, end, continuedBefore: i > 0, continuedAfter: i < p.chunks.length - 1 }),
    ),
  );
  const slices: Slice[] = [];
  let from = 0;
  while (from < blocks.length) {
    const budget = slices.length === 0 ? FIRST_SLICE_UNITS : SLICE_UNITS;
    let to = from + 1;
    let used = blocks[from].end - blocks[from].start;
    while (to < blocks.length && to - from < SLICE_BLOCKS && used + blocks[to].end - blocks[to].start <= budget) {
      used += blocks[to].end - blocks[to].start;
      to++;
    }
    slices.push({ from, to, start: blocks[from].start, end: blocks[to - 1].end });
    from = to;
  }
  return { blocks, slices };
}

function sliceIndexOf(slices: readonly Slice[], offset: number): number {
  let low = 0;
  let high = slices.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (slices[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface SliceProps {
  body: string;
  blocks: readonly Block[];
  slice: Slice;
  hits: readonly Range[];
  finds: readonly Range[];
  currentFind: number;
  claims: readonly ClaimRange[];
  suggestions: SuggestionMarks;
}

/**
 * Re-renders only when the marks inside its own span change. Each paragraph
 * and chunk carries `data-start`, its UTF-16 offset in the body, so that a
 * selection maps back to the body (lib/claims.ts).
 */
const SliceView = memo(
  function SliceView({ body, blocks, slice, hits, finds, currentFind, claims, suggestions }: SliceProps) {
    const paragraphs: Block[][] = [];
    for (let i = slice.from; i < slice.to; i++) {
      const last = paragraphs[paragraphs.length - 1];
      if (last && last[0].paragraph === blocks[i].paragraph) last.push(blocks[i]);
      else paragraphs.push([blocks[i]]);
    }
    return paragraphs.map((chunks) => {
      const first = chunks[0];
      const end = chunks[chunks.length - 1];
      // A giant paragraph split across slices continues in the next <p> without a gap.
      const className = [first.continuedBefore ? "continued-before" : "", end.continuedAfter ? "continued-after" : ""].join(" ").trim();
      return (
        <p key={first.start} dir="auto" className={className || undefined} data-start={first.start}>
          {chunks.map((block) =>
            first.continuedBefore || end.continuedAfter || chunks.length > 1 ? (
              <span key={block.start} className="chunk" data-start={block.start}>
                <Chunk body={body} block={block} hits={hits} finds={finds} currentFind={currentFind} claims={claims} suggestions={suggestions} />
              </span>
            ) : (
              <Chunk key={block.start} body={body} block={block} hits={hits} finds={finds} currentFind={currentFind} claims={claims} suggestions={suggestions} />
            ),
          )}
        </p>
      );
    });
  },
  (a, b) => a.body === b.body && a.blocks === b.blocks && a.slice === b.slice && sameMarks(a, b, b.slice),
);

interface ChunkProps {
  body: string;
  block: Block;
  hits: readonly Range[];
  finds: readonly Range[];
  currentFind: number;
  claims: readonly ClaimRange[];
  suggestions: SuggestionMarks;
}

/** Typing in the find bar changes matches everywhere; only chunks whose own matches changed render again. */
const Chunk = memo(
  function Chunk({ body, block, hits, finds, currentFind, claims, suggestions }: ChunkProps) {
    return (
      <HighlightedText
        text={body.slice(block.start, block.end)}
        offset={block.start}
        hits={hits}
        finds={finds}
        currentFind={within(currentFind, block)}
        claims={claims}
        suggestions={suggestions}
      />
    );
  },
  (a, b) => a.body === b.body && a.block === b.block && sameMarks(a, b, b.block),
);

interface Marks {
  hits: readonly Range[];
  finds: readonly Range[];
  currentFind: number;
  claims: readonly ClaimRange[];
  suggestions: SuggestionMarks;
}

function sameMarks(a: Marks, b: Marks, span: { start: number; end: number }): boolean {
  return (
    a.hits === b.hits &&
    sameWithin(a.finds, b.finds, span.start, span.end) &&
    sameClaimsWithin(a.claims, b.claims, span.start, span.end) &&
    sameSuggestionsWithin(a.suggestions, b.suggestions, span.start, span.end) &&
    within(a.currentFind, span) === within(b.currentFind, span)
  );
}

function within(offset: number, span: { start: number; end: number }): number {
  return offset >= span.start && offset < span.end ? offset : -1;
}

/** Whether two sorted range lists agree on `[start, end)`. */
function sameWithin(a: readonly Range[], b: readonly Range[], start: number, end: number): boolean {
  if (a === b) return true;
  let i = firstEndingAfter(a, start);
  let j = firstEndingAfter(b, start);
  for (;;) {
    const x = i < a.length && a[i][0] < end ? a[i] : null;
    const y = j < b.length && b[j][0] < end ? b[j] : null;
    if (x === null || y === null) return x === y;
    if (x[0] !== y[0] || x[1] !== y[1]) return false;
    i++;
    j++;
  }
}
