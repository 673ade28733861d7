// The details pane's "Suggestions" section: attributions the core found in
// the open article, in reading order. J and K (anywhere outside a text
// field) move through them and bring the list the focus; the focused one is
// highlighted and scrolled into view in the text. Enter accepts it as a claim
// (a quote when its content is in quotation marks, else a factual assertion;
// unverified, credibility 6), Shift+Enter accepts every suggestion from the
// same source, Delete rejects it for good; the toast offers Undo.

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";

import { suggestionsController, useSuggestionsState } from "../hooks/useSuggestions";
import { isTypingTarget } from "../hooks/useShortcuts";
import { toCommandError, undo, type AttributionSuggestion, type ClaimId, type CommandError } from "../lib/backend";
import { excerpt } from "../lib/claims";
import { claimKindFor, contentExcerpt, fromSameSource, listWindow, SOURCE_KIND_LABELS, speakerLabel, suggestionKey } from "../lib/suggestions";
import type { Done } from "../lib/suggestionsController";
import { visibleControls } from "../lib/text";

interface Props {
  onEdited: (message: string, undoable: boolean) => void;
  onEditClaim: (id: ClaimId) => void;
}

export function SuggestionList({ onEdited, onEditClaim }: Props) {
  const state = useSuggestionsState();
  const { list, body, focused, loading, error, busy, actionError, accepted } = state;
  const box = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const optionId = (key: string) => `${idPrefix}-s-${key}`;
  const [undoError, setUndoError] = useState<CommandError | null>(null);

  const run = async (what: Promise<Done | null>, undoable = true) => {
    const done = await what;
    if (done) onEdited(done.message, undoable);
  };
  const accept = (key?: string) => void run(suggestionsController.accept(key));
  const reject = (key?: string) => void run(suggestionsController.reject(key));
  // Several operations: the toast's Undo would take back only the last; the notice offers "Undo all".
  const acceptAll = (key?: string) => void run(suggestionsController.acceptAll(key), false);
  const editAccepted = () => {
    const claim = accepted?.claims[accepted.claims.length - 1];
    if (claim) onEditClaim(claim.id);
  };
  const undoAll = async () => {
    if (!accepted) return;
    const count = accepted.claims.length;
    suggestionsController.dismissAccepted();
    try {
      for (let i = 0; i < count; i++) await undo();
      setUndoError(null);
      onEdited(`Undone: ${count} accepted suggestions`, false);
    } catch (e) {
      setUndoError(toCommandError(e));
      onEdited("Undo stopped part way", false);
    }
  };

  // J and K from anywhere but a text field: the list takes the focus and moves.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key !== "j" && e.key !== "k") return;
      if (!box.current || suggestionsController.getState().list.length === 0) return;
      // Not while another view hides the desk.
      if (box.current.getClientRects().length === 0) return;
      // Not while the claim form is open (its keys are its own).
      if (e.target instanceof Element && e.target.closest(".claim-form")) return;
      e.preventDefault();
      box.current.focus({ preventScroll: true });
      suggestionsController.step(e.key === "j" ? 1 : -1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // The focused item stays in view in the list.
  useEffect(() => {
    if (focused === null) return;
    document.getElementById(optionId(focused))?.scrollIntoView({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let handled = true;
    if (e.key === "ArrowDown" || e.key === "j") suggestionsController.step(1);
    else if (e.key === "ArrowUp" || e.key === "k") suggestionsController.step(-1);
    else if (e.key === "Home") suggestionsController.focus(list.length ? suggestionKey(list[0]) : null);
    else if (e.key === "End") suggestionsController.focus(list.length ? suggestionKey(list[list.length - 1]) : null);
    else if (e.key === "Enter" && e.shiftKey) acceptAll();
    else if (e.key === "Enter") accept();
    else if (e.key === "Delete" || e.key === "Backspace") reject();
    else if (e.key === "e" && accepted) editAccepted();
    else handled = false;
    if (handled) e.preventDefault();
  };

  // Buttons inside the list keep its focus (and so the keyboard) where it is.
  const keep = (e: MouseEvent) => e.preventDefault();
  const focusedSuggestion = focused === null ? null : (list.find((s) => suggestionKey(s) === focused) ?? null);
  const group = useMemo(() => (focusedSuggestion ? fromSameSource(list, focusedSuggestion) : []), [list, focusedSuggestion]);
  // A huge article can have thousands: the list shows a window of them around the focused one.
  const focusedIndex = focusedSuggestion ? list.indexOf(focusedSuggestion) : -1;
  const shown = listWindow(list.length, focusedIndex);

  return (
    <section className="details-section suggestions-section" aria-label="Suggestions" data-testid="suggestions">
      <h3 className="details-heading">
        Suggestions{list.length > 0 ? ` (${list.length})` : ""}
        {loading && <span className="suggestions-busy"> finding…</span>}
      </h3>
      {accepted && (
        <div className="suggestion-accepted" data-testid="suggestion-accepted" role="status">
          <span>
            {accepted.claims.length === 1 ? (
              <>
                Accepted “<bdi>{visibleControls(excerpt(accepted.claims[0].selector.exact, 60))}</bdi>” from <bdi>{visibleControls(accepted.source)}</bdi>.
              </>
            ) : (
              <>
                Accepted {accepted.claims.length} claims from <bdi>{visibleControls(accepted.source)}</bdi>.
              </>
            )}
          </span>
          <span className="suggestion-accepted-actions">
            <button type="button" className="button small" data-testid="suggestion-edit-accepted" onMouseDown={keep} onClick={editAccepted} title="Edit the claim (E)">
              Edit{accepted.claims.length > 1 ? " the last" : ""}
            </button>
            {accepted.claims.length > 1 && (
              <button type="button" className="button small" data-testid="suggestion-undo-all" onMouseDown={keep} onClick={() => void undoAll()}>
                Undo all
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Close this notice" title="Close" onClick={() => suggestionsController.dismissAccepted()}>
              ×
            </button>
          </span>
        </div>
      )}
      {undoError && (
        <p className="claim-error" role="alert">
          {undoError.message}
        </p>
      )}
      {error ? (
        <p className="claim-error" role="alert" data-testid="suggestions-error">
          Suggestions could not be found: {error.message}
        </p>
      ) : loading && list.length === 0 ? (
        <p className="details-empty">Finding who says what in this article…</p>
      ) : list.length === 0 ? (
        <p className="details-empty" data-testid="suggestions-empty">
          No suggestions in this article.
        </p>
      ) : (
        <>
          <p className="suggestion-hint">
            <span>
              <kbd>J</kbd> <kbd>K</kbd> move
            </span>
            <span>
              <kbd>Enter</kbd> accept
            </span>
            <span>
              <kbd>Del</kbd> reject
            </span>
            <span>
              <kbd>Shift</kbd>+<kbd>Enter</kbd> all from the source
            </span>
          </p>
          <div
            ref={box}
            className="suggestion-list"
            role="listbox"
            tabIndex={0}
            aria-label="Suggestions"
            aria-activedescendant={focused !== null ? optionId(focused) : undefined}
            aria-keyshortcuts="J K Enter Shift+Enter Delete"
            aria-busy={busy}
            data-testid="suggestion-list"
            data-suggestion-list=""
            onKeyDown={onKeyDown}
          >
            {shown.start > 0 && (
              <p className="suggestion-more" role="presentation">
                {shown.start.toLocaleString()} more above (K)
              </p>
            )}
            {list.slice(shown.start, shown.end).map((s) => {
              const key = suggestionKey(s);
              const isFocused = key === focused;
              return (
                <div
                  key={key}
                  id={optionId(key)}
                  role="option"
                  aria-selected={isFocused}
                  className={`suggestion-item${isFocused ? " focused" : ""}`}
                  data-testid="suggestion-item"
                  data-cue={key}
                  onMouseDown={(e) => {
                    // Picking an item moves the focus to the list, not into the item.
                    e.preventDefault();
                    box.current?.focus({ preventScroll: true });
                  }}
                  onClick={() => suggestionsController.focus(key)}
                  onDoubleClick={() => accept(key)}
                >
                  <SuggestionSummary s={s} body={body} />
                  {isFocused && (
                    <div className="suggestion-actions">
                      <button type="button" className="button small primary" data-testid="suggestion-accept" tabIndex={-1} disabled={busy || !s.content} onMouseDown={keep} onClick={() => accept(key)} title={`Record as a ${claimKindFor(body, s) === "quote" ? "quote" : "factual assertion"} (Enter)`}>
                        Accept
                      </button>
                      <button type="button" className="button small" data-testid="suggestion-reject" tabIndex={-1} disabled={busy} onMouseDown={keep} onClick={() => reject(key)} title="Hide it for good (Delete)">
                        Reject
                      </button>
                      {group.length > 1 && (
                        <button type="button" className="button small" data-testid="suggestion-accept-all" tabIndex={-1} disabled={busy} onMouseDown={keep} onClick={() => acceptAll(key)} title="Accept every suggestion from this source (Shift+Enter)">
                          Accept all {group.length} from <bdi>{visibleControls(excerpt(speakerLabel(s), 24))}</bdi>
                        </button>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
            {shown.end < list.length && (
              <p className="suggestion-more" role="presentation">
                {(list.length - shown.end).toLocaleString()} more below (J)
              </p>
            )}
          </div>
        </>
      )}
      {actionError && (
        <p className="claim-error" role="alert" data-testid="suggestion-action-error">
          {actionError.message}
        </p>
      )}
    </section>
  );
}

function SuggestionSummary({ s, body }: { s: AttributionSuggestion; body: string }) {
  const content = contentExcerpt(body, s);
  const known = (s.source_kind === "pronoun" && s.resolved ? s.resolved : s.source)?.known ?? null;
  return (
    <>
      <span className="suggestion-source">
        {s.source ? <bdi className="suggestion-source-name">{visibleControls(excerpt(s.source.text, 60))}</bdi> : <span className="missing">No source found</span>}
        {s.source_kind === "pronoun" && s.resolved && (
          <>
            {" "}
            → <bdi className="suggestion-source-name">{visibleControls(excerpt(s.resolved.text, 40))}</bdi>
          </>
        )}
      </span>
      <span className="suggestion-meta">
        {known ? (
          <span className="suggestion-badge known" data-testid="suggestion-known" title={`In your sources as “${known.name}”`}>
            ✓ <bdi>{visibleControls(excerpt(known.name, 30))}</bdi>
          </span>
        ) : s.source_kind === "pronoun" && !s.resolved ? (
          <span className="suggestion-badge" title="The text names the speaker only by a pronoun: the claim is recorded without a source">
            Unresolved
          </span>
        ) : (
          s.source && (
            <span className="suggestion-badge new" title="Accepting adds it to your sources">
              New source
            </span>
          )
        )}
        <span className="suggestion-kind">{SOURCE_KIND_LABELS[s.source_kind]}</span>
        {s.hedged && (
          <span className="suggestion-badge hedged" title="The text hedges it (“reportedly”, “allegedly”…)">
            Hedged
          </span>
        )}
        {s.chain.length > 0 && (
          <span>
            via{" "}
            {s.chain.map((c, i) => (
              <bdi key={i}>
                {i > 0 ? ", " : ""}
                {visibleControls(excerpt(c.text, 30))}
              </bdi>
            ))}
          </span>
        )}
      </span>
      {content !== null ? (
        <span className="suggestion-content" dir="auto">
          {visibleControls(content)}
        </span>
      ) : (
        <span className="suggestion-content missing">No content found: select it in the text and press C.</span>
      )}
    </>
  );
}
