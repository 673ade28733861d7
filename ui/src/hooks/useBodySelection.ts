// The reader's text selection as a code-point span of the article body, and
// where to show the "Claim" button by it (relative to `container`).

import { useEffect, useState, type RefObject } from "react";

import type { Span } from "../lib/backend";
import { bodyIndexOf, selectionSpan, type NodeLike } from "../lib/claims";

export interface BodySelection {
  span: Span;
  top: number;
  left: number;
}

export function useBodySelection(container: RefObject<HTMLElement | null>, body: string, enabled: boolean): BodySelection | null {
  const [selection, setSelection] = useState<BodySelection | null>(null);

  useEffect(() => {
    if (!enabled) {
      setSelection(null);
      return;
    }
    const update = () => {
      const found = readSelection(container.current, body);
      setSelection((old) => (same(old, found) ? old : found));
    };
    update();
    // The button follows the selection when the text scrolls.
    const element = container.current;
    document.addEventListener("selectionchange", update);
    element?.addEventListener("scroll", update, true);
    return () => {
      document.removeEventListener("selectionchange", update);
      element?.removeEventListener("scroll", update, true);
    };
  }, [container, body, enabled]);

  return selection;
}

function same(a: BodySelection | null, b: BodySelection | null): boolean {
  if (a === null || b === null) return a === b;
  return a.span.start === b.span.start && a.span.end === b.span.end && a.top === b.top && a.left === b.left;
}

function readSelection(container: HTMLElement | null, body: string): BodySelection | null {
  const selection = document.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const bodyElement = container.querySelector("[data-testid=reader-body]");
  if (!bodyElement || !bodyElement.contains(range.startContainer) || !bodyElement.contains(range.endContainer)) return null;
  const start = bodyIndexOf(range.startContainer as unknown as NodeLike, range.startOffset);
  const end = bodyIndexOf(range.endContainer as unknown as NodeLike, range.endOffset);
  if (start === null || end === null) return null;
  const span = selectionSpan(body, start, end);
  if (!span) return null;
  const rects = range.getClientRects();
  const last = rects.length > 0 ? rects[rects.length - 1] : range.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  return { span, top: Math.round(last.bottom - box.top + 6), left: Math.round(Math.max(8, Math.min(last.right - box.left - 40, box.width - 110))) };
}
