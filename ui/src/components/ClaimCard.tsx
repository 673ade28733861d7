// The small card over a claim in the reader (on hover or focus): kind,
// status, credibility and who says it.

import type { Claim } from "../lib/backend";
import { CREDIBILITY_LABELS, kindLabel, statusLabel } from "../lib/claims";
import { visibleControls } from "../lib/text";

interface Props {
  claim: Claim;
  /** Where to show it, relative to the reader. */
  top: number;
  left: number;
}

export function ClaimCard({ claim, top, left }: Props) {
  const speaker = claim.chain.find((a) => a.role === "speaker")?.source ?? null;
  return (
    <div className="claim-card" data-testid="claim-card" role="tooltip" style={{ top, left }}>
      <div className="claim-card-line">
        <span className={`claim-status-badge status-${claim.status}`}>{statusLabel(claim.status)}</span>
        <span>{kindLabel(claim.kind)}</span>
      </div>
      <div className="claim-card-line">Credibility {CREDIBILITY_LABELS[claim.credibility] ?? claim.credibility}</div>
      <div className="claim-card-line">
        Source: {speaker ? <bdi>{visibleControls(speaker.name)}</bdi> : <span className="missing">not attributed</span>}
      </div>
      {claim.tags.length > 0 && <div className="claim-card-line muted">{visibleControls(claim.tags.join(", "))}</div>}
      {claim.note && <div className="claim-card-line muted">{visibleControls(claim.note)}</div>}
      {claim.chain.length > 1 && (
        <div className="claim-card-line muted">
          via {claim.chain.slice(1).map((a) => visibleControls(a.source.name)).join(", then ")}
        </div>
      )}
      {claim.review && (
        <div className="claim-card-line review-reason">{claim.review.reason === "fuzzy" ? "Moved with the text's changes: confirm it in Details" : "Needs review"}</div>
      )}
      <div className="claim-card-line muted claim-card-hint">
        <kbd>Tab</kbd> to it, <kbd>Enter</kbd> edits
      </div>
    </div>
  );
}
