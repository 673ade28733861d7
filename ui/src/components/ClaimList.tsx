// The details pane's "Claims" section: the open article's claims in reading
// order; picking one scrolls the reader to it.

import type { Claim, ClaimId, CommandError } from "../lib/backend";
import { excerpt, statusLabel } from "../lib/claims";
import { visibleControls } from "../lib/text";

interface Props {
  claims: readonly Claim[];
  error: CommandError | null;
  onShow: (id: ClaimId) => void;
}

export function ClaimList({ claims, error, onShow }: Props) {
  const sorted = [...claims].sort((a, b) => a.selector.start - b.selector.start || a.id - b.id);
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
        <ul className="claim-list" data-testid="claim-list">
          {sorted.map((claim) => {
            const speaker = claim.chain.find((a) => a.role === "speaker")?.source ?? null;
            return (
              <li key={claim.id}>
                <button type="button" className="claim-item" data-testid="claim-item" data-claim={claim.id} onClick={() => onShow(claim.id)}>
                  <span className="claim-item-quote" dir="auto">
                    “{visibleControls(excerpt(claim.selector.exact))}”
                  </span>
                  <span className="claim-item-meta">
                    <span className={`claim-status-badge status-${claim.status}`}>{statusLabel(claim.status)}</span>
                    <span title="Credibility (1 confirmed … 6 cannot be judged)">Cred. {claim.credibility}</span>
                    {speaker && <bdi className="claim-item-source">{visibleControls(speaker.name)}</bdi>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
