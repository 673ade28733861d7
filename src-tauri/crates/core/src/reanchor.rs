//! New versions of articles, and claims from elsewhere: putting claims back
//! on the text they were made on.
//!
//! When an article is imported again with other text (same URL), each of its
//! claims goes through the anchoring cascade (`claimdesk_anchor::reanchor`):
//! unchanged or moved claims follow their quote; a fuzzy match moves the
//! claim but marks it `needs_review` with the quote as it was; a quote not
//! found keeps its old selector and is marked `needs_review`. Nothing is
//! dropped, and nothing moves without a person seeing it. The replacement is
//! one operation: undo brings the old text and spans back.

use claimdesk_anchor::{Anchoring, TextPosition, TextQuote};
use claimdesk_domain::{
    AnchorReview, AnchorState, Article, ArticleId, Claim, ClaimFilter, NewArticle, NewClaim, ReviewReason, Selector,
    Span,
};
use claimdesk_store::Reanchored;

use crate::claims::quoted;
use crate::history::action;
use crate::quote::{byte_offset, describe};
use crate::{Desk, Result};

/// What replacing an article with a new version did to its claims.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Replaced {
    /// The change sequence of the replacement's last audit row.
    pub seq: i64,
    /// Claims that now need review (fuzzy or not found).
    pub needs_review: u64,
}

impl Desk {
    /// The newest stored article with this URL.
    pub fn article_by_url(&self, url: &str) -> Result<Option<Article>> {
        Ok(self.store.article_by_url(url)?)
    }

    /// The claims re-anchoring left for the analyst, by article and position.
    pub fn claims_needing_review(&self) -> Result<Vec<Claim>> {
        self.claims(&ClaimFilter { anchor: Some(AnchorState::NeedsReview), ..ClaimFilter::default() })
    }

    /// Records a claim made on another copy of its article (an import of
    /// annotations): its selector is re-anchored on this copy's text, and the
    /// claim is stored anchored, or `needs_review` when only a fuzzy match or
    /// nothing was found. Cue and mention spans that do not fit this text are
    /// left out.
    pub fn import_claim(&self, claim: &NewClaim) -> Result<Claim> {
        let article = self.article(claim.article)?;
        let placed = place(&article.body, &claim.selector, None);
        let length = article.body.chars().count();
        let fits = |span: Option<Span>| span.filter(|s| s.start < s.end && s.end <= length);
        let mut claim = claim.clone();
        for link in &mut claim.chain {
            link.cue = fits(link.cue);
            link.mention = fits(link.mention);
        }
        claim.selector = placed.selector;
        let label = format!("Import claim {}", quoted(&claim.selector.exact));
        let id = self.store.create_claim_anchored(&claim, placed.anchor, placed.review.as_ref(), &action(label))?;
        self.claim(id)
    }

    /// Replaces article `id` with a new version of it and re-anchors its
    /// claims, as one undoable operation. The caller feeds the index.
    pub(crate) fn replace_article(&self, id: ArticleId, new: &NewArticle) -> Result<Replaced> {
        let old = self.article(id)?;
        let claims = self.claims_of_article(id)?;
        let mut moves = Vec::with_capacity(claims.len());
        let mut needs_review = 0;
        for claim in &claims {
            let placed = place(&new.body, &claim.selector, claim.review.as_ref());
            if placed.anchor == AnchorState::NeedsReview {
                needs_review += 1;
            }
            let chain = claim
                .chain
                .iter()
                .map(|link| (follow(&old.body, &new.body, link.cue), follow(&old.body, &new.body, link.mention)))
                .collect();
            moves.push(Reanchored {
                claim: claim.id,
                selector: placed.selector,
                anchor: placed.anchor,
                review: placed.review,
                chain,
            });
        }
        let label = format!("Import a new version of {}", quoted(&new.title));
        let seq = self.store.replace_article(id, new, &moves, &action(label))?;
        Ok(Replaced { seq, needs_review })
    }
}

/// Where a claim lands on a text.
struct Placed {
    selector: Selector,
    anchor: AnchorState,
    review: Option<AnchorReview>,
}

/// Runs the anchoring cascade for `selector` on `body`. `review` is what is
/// already pending for the claim: its `original` is kept, so the analyst
/// always sees the quote as they made it.
fn place(body: &str, selector: &Selector, review: Option<&AnchorReview>) -> Placed {
    let quote =
        TextQuote { exact: selector.exact.clone(), prefix: selector.prefix.clone(), suffix: selector.suffix.clone() };
    let old = TextPosition { start: selector.start, end: selector.end };
    let pending = |reason| {
        Some(AnchorReview { reason, original: review.map_or_else(|| selector.clone(), |r| r.original.clone()) })
    };
    let at = |position: TextPosition| describe(body, Span { start: position.start, end: position.end });
    let mut found = claimdesk_anchor::reanchor(body, &quote, old);
    // The quote itself, word for word, once in the whole text: its context
    // changed, but there is no other place it could be.
    if let Anchoring::Fuzzy { position, edits: 0 } = found {
        let bare = TextQuote { exact: quote.exact.clone(), prefix: String::new(), suffix: String::new() };
        if claimdesk_anchor::quote_matches(body, &bare).len() == 1 {
            found = Anchoring::Moved(position);
        }
    }
    match found {
        Anchoring::Unchanged(position) | Anchoring::Moved(position) => {
            let selector = at(position).unwrap_or_else(|| selector.clone());
            match review {
                // A quote that had been lost is back, word for word.
                Some(r) if r.reason == ReviewReason::NotFound => {
                    Placed { selector, anchor: AnchorState::Anchored, review: None }
                }
                // A fuzzy place not yet confirmed stays to be confirmed.
                Some(r) => Placed { selector, anchor: AnchorState::NeedsReview, review: Some(r.clone()) },
                None => Placed { selector, anchor: AnchorState::Anchored, review: None },
            }
        }
        Anchoring::Fuzzy { position, .. } => match at(position) {
            Some(selector) => {
                Placed { selector, anchor: AnchorState::NeedsReview, review: pending(ReviewReason::Fuzzy) }
            }
            None => not_found(selector, pending(ReviewReason::NotFound)),
        },
        Anchoring::NeedsReview => not_found(selector, pending(ReviewReason::NotFound)),
    }
}

fn not_found(selector: &Selector, review: Option<AnchorReview>) -> Placed {
    Placed { selector: selector.clone(), anchor: AnchorState::NeedsReview, review }
}

/// A cue or mention span of the old text, found again in the new one with
/// the same cascade; None when it cannot be found (the claim itself is kept
/// either way; only exact or unambiguous places are taken for these short
/// spans, never a fuzzy guess).
fn follow(old_body: &str, new_body: &str, span: Option<Span>) -> Option<Span> {
    let span = span?;
    let (start, end) = (byte_offset(old_body, span.start)?, byte_offset(old_body, span.end)?);
    if start >= end {
        return None;
    }
    let described = describe(old_body, span)?;
    let quote =
        TextQuote { exact: old_body[start..end].to_string(), prefix: described.prefix, suffix: described.suffix };
    match claimdesk_anchor::reanchor(new_body, &quote, TextPosition { start: span.start, end: span.end }) {
        Anchoring::Unchanged(p) | Anchoring::Moved(p) => Some(Span { start: p.start, end: p.end }),
        Anchoring::Fuzzy { position, edits: 0 } => Some(Span { start: position.start, end: position.end }),
        _ => None,
    }
}
