// The details pane's "Needs review" section: claims of the open article that
// re-anchoring could not place with certainty after the article's text
// changed. Each shows its original quote; a fuzzy one can be confirmed where
// it now is, any can be re-attached to text selected in the reader, or deleted.

import { useState } from "react";

import { deleteClaim, selectSpan, toCommandError, updateClaim, type Claim, type CommandError, type Span } from "../lib/backend";
import { excerpt, needingReview } from "../lib/claims";
import { visibleControls } from "../lib/text";

interface Props {
  claims: readonly Claim[];
  /** The reader's selection now, to re-attach to. */
  selection: Span | null;
  onShow: (claim: Claim) => void;
  onEdited: (message: string, undoable: boolean) => void;
}

export function NeedsReview({ claims, selection, onShow, onEdited }: Props) {
  const [error, setError] = useState<{ id: number; error: CommandError } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = needingReview(claims);
  if (list.length === 0) return null;

  const run = async (claim: Claim, what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await what();
      onEdited(message, true);
    } catch (e) {
      setError({ id: claim.id, error: toCommandError(e) });
    } finally {
      setBusy(false);
    }
  };

  const reattach = (claim: Claim) => {
    if (!selection) {
      setError({ id: claim.id, error: { code: "no_selection", message: "Select the claim's new text in the article first, then press Re-attach.", position: null } });
      return;
    }
    void run(
      claim,
      async () => {
        await updateClaim(claim.id, { selector: await selectSpan(claim.article, selection) });
        // The selection has served: its Claim button would only invite a second claim on it.
        document.getSelection()?.removeAllRanges();
      },
      `Re-attached claim “${excerpt(claim.review?.original.exact ?? claim.selector.exact, 40)}”`,
    );
  };

  // Buttons keep the reader's selection: a mousedown on them must not clear it.
  const keep = (e: React.MouseEvent) => e.preventDefault();

  return (
    <section className="details-section review-section" aria-label="Needs review" data-testid="needs-review">
      <h3 className="details-heading">Needs review ({list.length})</h3>
      <p className="details-empty">The article's text changed. These claims could not be placed with certainty.</p>
      <ul className="claim-list">
        {list.map((claim) => {
          const fuzzy = claim.review?.reason === "fuzzy";
          const original = claim.review?.original.exact ?? claim.selector.exact;
          return (
            <li key={claim.id} className="review-item" data-testid="review-item" data-claim={claim.id}>
              <span className="review-reason">{fuzzy ? "Moved, similar text found" : "Its text is gone"}</span>
              <span className="claim-item-quote" dir="auto">
                Was: “{visibleControls(excerpt(original, 160))}”
              </span>
              {fuzzy && (
                <button type="button" className="link-button claim-item-quote" dir="auto" onClick={() => onShow(claim)} title="Show it in the text">
                  Now: “{visibleControls(excerpt(claim.selector.exact, 160))}”
                </button>
              )}
              <span className="review-actions">
                {fuzzy && (
                  <button
                    type="button"
                    className="button small"
                    data-testid="review-confirm"
                    disabled={busy}
                    onMouseDown={keep}
                    onClick={() => void run(claim, () => updateClaim(claim.id, { anchor: "anchored" }), `Confirmed claim “${excerpt(claim.selector.exact, 40)}”`)}
                  >
                    Confirm
                  </button>
                )}
                <button
                  type="button"
                  className="button small"
                  data-testid="review-reattach"
                  disabled={busy}
                  title={selection ? "Attach it to the text selected in the article" : "Select the new text in the article first"}
                  onMouseDown={keep}
                  onClick={() => reattach(claim)}
                >
                  Re-attach to selection
                </button>
                <button
                  type="button"
                  className="button small"
                  data-testid="review-delete"
                  disabled={busy}
                  onMouseDown={keep}
                  onClick={() => void run(claim, () => deleteClaim(claim.id), `Deleted claim “${excerpt(original, 40)}”`)}
                >
                  Delete
                </button>
              </span>
              {error?.id === claim.id && (
                <p className="claim-error" role="alert">
                  {error.error.message}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
