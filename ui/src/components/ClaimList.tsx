// The details pane's "Claims" section: the open article's claims in reading
// order; picking one scrolls the reader to it. With an item focused, the
// arrow keys move, 1–6 set the credibility, E edits it in the form and
// Delete deletes it (Undo in the toast).

import { useRef, useState, type KeyboardEvent } from "react";

import { deleteClaim, toCommandError, updateClaim, type Claim, type ClaimId, type CommandError } from "../lib/backend";
import { excerpt, isMarked, statusLabel } from "../lib/claims";
import { visibleControls } from "../lib/text";

interface Props {
  claims: readonly Claim[];
  error: CommandError | null;
  onShow: (id: ClaimId) => void;
  onEdit: (id: ClaimId) => void;
  onEdited: (message: string, undoable: boolean) => void;
}

export function ClaimList({ claims, error, onShow, onEdit, onEdited }: Props) {
  const sorted = [...claims].sort((a, b) => a.selector.start - b.selector.start || a.id - b.id);
  const list = useRef<HTMLUListElement>(null);
  const [editError, setEditError] = useState<CommandError | null>(null);

  const act = (what: Promise<unknown>, message: string) =>
    what.then(
      () => {
        setEditError(null);
        onEdited(message, true);
      },
      (e) => setEditError(toCommandError(e)),
    );

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, claim: Claim, index: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const focus = (i: number) => list.current?.querySelectorAll<HTMLElement>("[data-testid=claim-item]")[i]?.focus();
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      focus(Math.max(0, Math.min(sorted.length - 1, index + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (/^[1-6]$/.test(e.key)) {
      e.preventDefault();
      const credibility = Number(e.key);
      if (credibility !== claim.credibility) void act(updateClaim(claim.id, { credibility }), `Credibility ${credibility} for “${excerpt(claim.selector.exact, 40)}”`);
    } else if (e.key === "e") {
      e.preventDefault();
      onEdit(claim.id);
    } else if (e.key === "Delete") {
      e.preventDefault();
      void act(deleteClaim(claim.id), `Deleted claim “${excerpt(claim.selector.exact, 40)}”`);
      focus(Math.max(0, index - 1));
    }
  };

  return (
    <section className="details-section" aria-label="Claims">
      <h3 className="details-heading">Claims{claims.length > 0 ? ` (${claims.length})` : ""}</h3>
      {error ? (
        <p className="details-empty" role="alert">
          {error.message}
        </p>
      ) : sorted.length === 0 ? (
        <p className="details-empty">No claims yet. Select text in the article and press C.</p>
      ) : (
        <>
          <ul ref={list} className="claim-list" data-testid="claim-list">
            {sorted.map((claim, index) => {
              const [speaker, ...relays] = claim.chain.map((a) => a.source);
              return (
                <li key={claim.id} className="claim-list-row">
                  <button
                    type="button"
                    className="claim-item"
                    data-testid="claim-item"
                    data-claim={claim.id}
                    title="Show in the text · 1–6 credibility · E edit · Delete"
                    onClick={() => onShow(claim.id)}
                    onDoubleClick={() => onEdit(claim.id)}
                    onKeyDown={(e) => onKeyDown(e, claim, index)}
                  >
                    <span className="claim-item-quote" dir="auto">
                      “{visibleControls(excerpt(claim.selector.exact))}”
                    </span>
                    <span className="claim-item-meta">
                      <span className={`claim-status-badge status-${claim.status}`}>{statusLabel(claim.status)}</span>
                      <span title="Credibility (1 confirmed … 6 cannot be judged)">Cred. {claim.credibility}</span>
                      {speaker && <bdi className="claim-item-source">{visibleControls(speaker.name)}</bdi>}
                      {relays.map((r) => (
                        <span key={r.id}>
                          via <bdi className="claim-item-source">{visibleControls(r.name)}</bdi>
                        </span>
                      ))}
                      {claim.anchor === "needs_review" && <span className="review-badge">{isMarked(claim) ? "Review" : "Not in text"}</span>}
                    </span>
                  </button>
                  <button type="button" className="icon-button claim-edit" data-testid="claim-edit" aria-label="Edit this claim" title="Edit (E)" onClick={() => onEdit(claim.id)}>
                    ✎
                  </button>
                </li>
              );
            })}
          </ul>
          {editError && (
            <p className="claim-error" role="alert">
              {editError.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
