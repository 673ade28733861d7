// The centre pane: the open article, for reading.

import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from "react";

import type { ArticleState } from "../hooks/useArticle";
import { useBodySelection } from "../hooks/useBodySelection";
import { suggestionsController, useSuggestionMarks, useSuggestionsState } from "../hooks/useSuggestions";
import { isTypingTarget } from "../hooks/useShortcuts";
import type { Claim, ClaimId, Span } from "../lib/backend";
import { claimRanges } from "../lib/claims";
import { findMatches, stepMatch } from "../lib/find";
import { formatPublished } from "../lib/format";
import { mark, markPainted } from "../lib/perf";
import { rangesToUtf16, visibleControls, type Range } from "../lib/text";
import { ArticleBody } from "./ArticleBody";
import { ClaimButton } from "./ClaimButton";
import { ClaimCard } from "./ClaimCard";
import { ClaimForm, type ClaimFormHandle } from "./ClaimForm";
import { FindBar } from "./FindBar";
import { ReaderLink } from "./ReaderLink";

interface Props {
  article: ArticleState;
  findOpen: boolean;
  /** Bumped by Ctrl+F to focus the find field. */
  findFocusKey: number;
  onFindClose: () => void;
  /** The open article's claims. */
  claims: readonly Claim[];
  /** A claim was added, edited or deleted in the form: what to say. */
  onClaimSaved: (message: string) => void;
  /** A claim to scroll to and flash; `key` changes on every request. */
  showClaim: { id: ClaimId; key: number } | null;
  /** A claim of the open article to edit in the form; `key` changes on every request. */
  editClaim: { id: ClaimId; key: number } | null;
  /** The selection in the text changed (for the details pane's re-attach). */
  onSelection?: (selection: { article: number; span: Span } | null) => void;
}

const NO_RANGES: readonly Range[] = [];

export function Reader({ article, findOpen, findFocusKey, onFindClose, claims, onClaimSaved, showClaim, editClaim, onSelection }: Props) {
  const { view, loading, error } = article;
  const scroller = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  const body = view?.article.body ?? "";
  const hits = useMemo(() => (view ? rangesToUtf16(view.article.body, view.highlights) : NO_RANGES), [view]);
  const ranges = useMemo(() => claimRanges(body, claims), [body, claims]);
  // Attribution suggestions: asked for once the text is shown, marked when they arrive.
  const suggestionMarks = useSuggestionMarks(view?.article ?? null, claims);
  const { focusSeq, accepted } = useSuggestionsState();

  // Tagging a claim: a selection shows the button; the button or `c` opens the form.
  // The same form edits a claim (Enter or `e` on a claim in the text, or Edit in the details pane).
  // While it is open, selecting text and pressing M or U marks the source's mention or the cue.
  const [form, setForm] = useState<{ article: number; span: Span; key: string } | { article: number; claim: ClaimId; key: string } | null>(null);
  const formOpen = form !== null && form.article === view?.article.id;
  const formClaim = form && "claim" in form ? claims.find((c) => c.id === form.claim) : undefined;
  // An edited claim that is gone (undone, deleted elsewhere) closes its form.
  const formGone = formOpen && form && "claim" in form && !formClaim;
  const selection = useBodySelection(main, body, view !== null);
  const formHandle = useRef<ClaimFormHandle>(null);
  const selStart = selection?.span.start ?? -1;
  const selEnd = selection?.span.end ?? -1;
  const viewedId = view?.article.id ?? null;
  useEffect(() => {
    onSelection?.(viewedId !== null && selStart >= 0 ? { article: viewedId, span: { start: selStart, end: selEnd } } : null);
  }, [onSelection, viewedId, selStart, selEnd]);
  const openForm = (): boolean => {
    if (!selection || !view || formOpen) return false;
    setForm({ article: view.article.id, span: selection.span, key: `new:${selection.span.start}:${selection.span.end}` });
    return true;
  };
  const openEdit = (id: ClaimId) => {
    if (!view || !claims.some((c) => c.id === id)) return;
    setForm({ article: view.article.id, claim: id, key: `edit:${id}:${Date.now()}` });
  };
  const closeForm = () => {
    setForm(null);
    scroller.current?.focus();
  };
  const keysRef = useRef({ openForm, formOpen });
  useEffect(() => {
    keysRef.current = { openForm, formOpen };
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const { openForm, formOpen } = keysRef.current;
      if (e.key === "c" && openForm()) e.preventDefault();
      else if (formOpen && (e.key === "m" || e.key === "u") && formHandle.current) {
        // Only from the text or the form itself, where the keys type nothing.
        if (formHandle.current.mark(e.key === "m" ? "mention" : "cue")) e.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const editKey = editClaim?.key;
  useEffect(() => {
    if (editClaim) openEdit(editClaim.id);
    // Only a new request opens the form, not a change of the claims.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editKey]);

  // The card of the claim under the pointer or the focus.
  const [card, setCard] = useState<{ id: ClaimId; top: number; left: number } | null>(null);
  const cardClaim = card ? claims.find((c) => c.id === card.id) : undefined;
  const cardAt = (mark: Element) => {
    if (!main.current) return null;
    const id = Number(mark.getAttribute("data-claim"));
    const rect = mark.getBoundingClientRect();
    const box = main.current.getBoundingClientRect();
    const top = Math.round(rect.bottom - box.top + 6);
    const left = Math.round(Math.max(8, Math.min(rect.left - box.left, box.width - 260)));
    return { id, top, left };
  };
  const showCard = (e: MouseEvent | FocusEvent) => {
    const mark = e.target instanceof Element ? e.target.closest("mark.claim") : null;
    const at = mark && cardAt(mark);
    if (!at) {
      if (card) setCard(null);
      return;
    }
    if (!card || card.id !== at.id || card.top !== at.top || card.left !== at.left) setCard(at);
  };

  // Scrolling to a claim picked in the details pane: render up to it, then flash it.
  const claimReveal = useMemo(() => {
    if (!showClaim) return -1;
    return ranges.find((r) => r.id === showClaim.id)?.start ?? -1;
  }, [showClaim, ranges]);
  // Likewise the focused suggestion, and the claim accepted last.
  const acceptedId = accepted?.claims[0]?.id ?? null;
  const suggestionReveal = useMemo(() => {
    const focused = suggestionMarks.focused === null ? -1 : (suggestionMarks.ranges.find((r) => r.key === suggestionMarks.focused)?.start ?? -1);
    const claim = acceptedId === null ? -1 : (ranges.find((r) => r.id === acceptedId)?.start ?? -1);
    return Math.max(focused, claim);
  }, [suggestionMarks, acceptedId, ranges]);
  const reveal = Math.max(claimReveal, suggestionReveal);
  // The article may still be opening: wait for its marks, and flash once per request.
  const shownKey = useRef(-1);
  useEffect(() => {
    if (!showClaim || !scroller.current || shownKey.current === showClaim.key) return;
    const marks = [...scroller.current.querySelectorAll<HTMLElement>(`mark.claim[data-claim="${showClaim.id}"]`)];
    if (marks.length === 0) return;
    shownKey.current = showClaim.key;
    marks[0].scrollIntoView({ block: "center" });
    marks.forEach((m) => m.classList.remove("flash"));
    // Restart the animation even when the same claim is picked twice.
    void marks[0].offsetWidth;
    marks.forEach((m) => m.classList.add("flash"));
    // The keyboard goes on from the text (focusing the mark itself left its paragraph unpainted in WebKitGTK),
    // unless it is going through the suggestions.
    if (!document.activeElement?.closest("[data-suggestion-list]")) scroller.current.focus({ preventScroll: true });
    setTimeout(() => marks.forEach((m) => m.classList.remove("flash")), 1600);
  }, [showClaim, ranges, reveal]);

  // The focused suggestion comes into view when the analyst moves to it (not when the list refreshes).
  const scrolledSeq = useRef(focusSeq);
  useEffect(() => {
    if (scrolledSeq.current === focusSeq || !scroller.current || suggestionMarks.focused === null) return;
    const span = scroller.current.querySelector<HTMLElement>(".reader-body .sugg.focused");
    if (!span) return;
    scrolledSeq.current = focusSeq;
    bringIntoView(scroller.current, () => scroller.current?.querySelector<HTMLElement>(".reader-body .sugg.focused") ?? null, 40);
  }, [focusSeq, suggestionMarks]);

  // A suggestion just accepted: its claim is marked once the claims reload; show it with its card.
  const shownAccepted = useRef(accepted?.seq ?? 0);
  const acceptedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!accepted || acceptedId === null || shownAccepted.current === accepted.seq || !scroller.current) return;
    const marks = [...scroller.current.querySelectorAll<HTMLElement>(`mark.claim[data-claim="${acceptedId}"]`)];
    if (marks.length === 0) return;
    shownAccepted.current = accepted.seq;
    bringIntoView(scroller.current, () => marks[0], 120);
    marks.forEach((m) => m.classList.remove("flash"));
    void marks[0].offsetWidth;
    marks.forEach((m) => m.classList.add("flash"));
    setCard(cardAt(marks[0]));
    clearTimeout(acceptedTimer.current);
    acceptedTimer.current = setTimeout(() => {
      marks.forEach((m) => m.classList.remove("flash"));
      setCard((c) => (c && c.id === acceptedId ? null : c));
    }, 5000);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accepted, acceptedId, ranges]);
  useEffect(() => () => clearTimeout(acceptedTimer.current), []);

  const [needle, setNeedle] = useState("");
  // Finding in a 5 MB body takes a moment: typing stays responsive and the marks follow.
  const deferredNeedle = useDeferredValue(findOpen ? needle : "");
  const found = useMemo(() => findMatches(body, deferredNeedle), [body, deferredNeedle]);
  const [current, setCurrent] = useState({ found, index: found.matches.length ? 0 : -1 });
  const index = current.found === found ? current.index : found.matches.length ? 0 : -1;
  if (current.found !== found) setCurrent({ found, index });
  const currentFind = index >= 0 ? found.matches[index][0] : -1;

  const articleId = view?.article.id;
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [articleId]);

  // Benchmark marks (lib/perf.ts): an opened article committed, then on screen (its first slice).
  useLayoutEffect(() => {
    if (!view) return;
    const detail = { id: view.article.id, length: view.article.body.length };
    mark("cd:open:commit", detail);
    markPainted("cd:open:painted", detail);
  }, [view]);

  useEffect(() => {
    if (currentFind < 0) return;
    scroller.current?.querySelector("mark.find.current")?.scrollIntoView({ block: "center" });
  }, [currentFind, found]);

  const closeFind = () => {
    setNeedle("");
    onFindClose();
    scroller.current?.focus();
  };

  if (!view) {
    let message = "Select an article to read it";
    let hint = "Pick a result on the left, or move through them with the arrow keys and press Enter.";
    if (error) {
      message = error.code === "article_not_found" ? "This article is no longer in your desk" : "The article could not be opened";
      hint = error.code === "article_not_found" ? "It may have been removed since the search ran. Search again to refresh the list." : error.message;
    } else if (loading) {
      message = "Opening the article…";
      hint = "";
    }
    return (
      <main className="reader" data-testid="reader" aria-label="Article">
        <div className="empty-state reader-empty" role="status">
          <p className="empty-title">{message}</p>
          {hint && <p className="empty-hint">{hint}</p>}
        </div>
      </main>
    );
  }

  const a = view.article;
  const byline = [a.outlet, a.author, formatPublished(a.published)].filter(Boolean).join(" · ");
  return (
    <main ref={main} className={`reader${loading ? " loading" : ""}${formOpen ? " with-claim-form" : ""}`} data-testid="reader" aria-label="Article" aria-busy={loading}>
      {findOpen && (
        <FindBar
          value={needle}
          count={found.matches.length}
          truncated={found.truncated}
          current={index}
          focusKey={findFocusKey}
          onChange={setNeedle}
          onStep={(direction) => setCurrent({ found, index: stepMatch(index, found.matches.length, direction) })}
          onClose={closeFind}
        />
      )}
      <div
        className="reader-scroll"
        ref={scroller}
        tabIndex={0}
        aria-label="Article text"
        onMouseOver={showCard}
        onMouseLeave={() => setCard(null)}
        onFocus={showCard}
        onBlur={() => setCard(null)}
        onKeyDown={(e) => {
          const mark = e.target instanceof Element ? e.target.closest("mark.claim") : null;
          if (mark && (e.key === "Enter" || e.key === "e") && !e.ctrlKey && !e.metaKey && !e.altKey) {
            e.preventDefault();
            openEdit(Number(mark.getAttribute("data-claim")));
          }
        }}
        onClick={(e) => {
          // A click on a suggestion's words (not the end of a drag) focuses it in the list.
          const span = e.target instanceof Element ? e.target.closest("[data-suggestion]") : null;
          if (span && !document.getSelection()?.toString()) suggestionsController.focus(span.getAttribute("data-suggestion"));
        }}
      >
        <article className="reader-article" lang={a.language ?? undefined}>
          <header className="reader-header">
            <h1 className="reader-title" data-testid="reader-title" dir="auto">
              {visibleControls(a.title) || "Untitled"}
            </h1>
            {byline && (
              <p className="reader-byline" dir="auto">
                {visibleControls(byline)}
              </p>
            )}
            {a.url && <ReaderLink url={a.url} />}
          </header>
          <ArticleBody body={body} hits={hits} finds={found.matches} currentFind={currentFind} claims={ranges} reveal={reveal} suggestions={suggestionMarks} />
        </article>
      </div>
      {selection && !formOpen && <ClaimButton top={selection.top} left={selection.left} onClick={openForm} />}
      {cardClaim && card && !formOpen && <ClaimCard claim={cardClaim} top={card.top} left={card.left} />}
      {formOpen && form && !formGone && (
        <ClaimForm
          key={form.key}
          handle={formHandle}
          articleId={form.article}
          body={body}
          span={"span" in form ? form.span : undefined}
          claim={formClaim}
          selection={selection?.span ?? null}
          onCancel={closeForm}
          onSaved={(message) => {
            onClaimSaved(message);
            document.getSelection()?.removeAllRanges();
            closeForm();
          }}
        />
      )}
    </main>
  );
}

/**
 * Scrolls `find()` into the middle of `scroller` unless it is in view (with
 * `margin`). Paragraphs off screen have estimated heights (content-visibility),
 * so the first jump can land beside it: look again a few times.
 */
function bringIntoView(scroller: HTMLElement, find: () => HTMLElement | null, margin: number, tries = 4): void {
  const target = find();
  if (!target || !target.isConnected) return;
  const box = scroller.getBoundingClientRect();
  const rect = target.getBoundingClientRect();
  if (rect.top >= box.top + margin && rect.bottom <= box.bottom - margin) return;
  target.scrollIntoView({ block: "center" });
  if (tries > 1) setTimeout(() => bringIntoView(scroller, find, margin, tries - 1), 80);
}
