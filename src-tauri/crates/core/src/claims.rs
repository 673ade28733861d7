//! Claims: finding the quote, checking a claim against its article and the
//! rules of chains, and recording, editing, listing and linking claims.

use claimdesk_domain::{
    Article, ArticleId, CREDIBILITY_SCALE, ChainLink, ChainRole, Claim, ClaimFilter, ClaimId, ClaimLink, ClaimPage,
    ClaimPatch, ClaimQuery, LinkId, NewClaim, NewClaimLink, NewSource, QuoteQuery, Selector, Span,
};
use claimdesk_store::SourceChoice;

use crate::history::action;
use crate::quote::{self, Found};
use crate::{Desk, DeskError, Result};

impl Desk {
    /// The selector of the one occurrence of `query.exact` in the article
    /// that `query.prefix` and `query.suffix` allow.
    pub fn select_quote(&self, article: ArticleId, query: &QuoteQuery) -> Result<Selector> {
        if query.exact.is_empty() {
            return Err(DeskError::EmptyName("the quote"));
        }
        let body = self.article(article)?.body;
        match quote::find(&body, query) {
            Found::One(selector) => Ok(selector),
            Found::Nowhere => Err(DeskError::QuoteNotFound { article }),
            Found::Many(count) => Err(DeskError::QuoteAmbiguous { article, count }),
        }
    }

    /// The selector of a span of the article (a selection in the reader).
    pub fn select_span(&self, article: ArticleId, span: Span) -> Result<Selector> {
        let body = self.article(article)?.body;
        quote::describe(&body, span).ok_or_else(|| out_of_article("the claim", span, &body))
    }

    pub fn create_claim(&self, claim: &NewClaim) -> Result<Claim> {
        self.create_claim_with_sources(claim, &[])
    }

    /// Records a claim and the new sources its chain names, as one operation
    /// (one undo): `new_sources[i]`, when given, is the source of link `i`
    /// (whose own source id is then ignored); links beyond `new_sources`, or
    /// with None, name sources already in the registry.
    pub fn create_claim_with_sources(&self, claim: &NewClaim, new_sources: &[Option<NewSource>]) -> Result<Claim> {
        let article = self.article(claim.article)?;
        check_selector(&article, &claim.selector)?;
        check_credibility(claim.credibility)?;
        let is_new = |link: usize| new_sources.get(link).is_some_and(Option::is_some);
        self.check_chain(&article, &claim.chain, &is_new)?;
        check_tags(&claim.tags)?;
        let mut choices = Vec::with_capacity(claim.chain.len());
        for (link, chained) in claim.chain.iter().enumerate() {
            choices.push(match new_sources.get(link).cloned().flatten() {
                Some(source) => {
                    let name = source.name.trim().to_string();
                    if name.is_empty() {
                        return Err(DeskError::EmptyName("a source's name"));
                    }
                    SourceChoice::New(NewSource { name, ..source })
                }
                None => SourceChoice::Existing(chained.source),
            });
        }
        let label = format!("Add claim {}", quoted(&claim.selector.exact));
        let id = self.store.create_claim_with_sources(claim, &choices, &[], &action(label))?;
        self.claim(id)
    }

    pub fn update_claim(&self, id: ClaimId, patch: &ClaimPatch) -> Result<Claim> {
        let claim = self.claim(id)?;
        let article = self.article(claim.article)?;
        if let Some(selector) = &patch.selector {
            check_selector(&article, selector)?;
        }
        if let Some(credibility) = patch.credibility {
            check_credibility(credibility)?;
        }
        if let Some(chain) = &patch.chain {
            self.check_chain(&article, chain, &|_| false)?;
        }
        if let Some(tags) = &patch.tags {
            check_tags(tags)?;
        }
        let label = format!("Edit claim {}", quoted(&claim.selector.exact));
        self.store.update_claim(id, patch, &action(label))?;
        self.claim(id)
    }

    /// Deletes a claim with its chain, tags and links (undo brings them back).
    pub fn delete_claim(&self, id: ClaimId) -> Result<()> {
        let claim = self.claim(id)?;
        Ok(self.store.delete_claim(id, &action(format!("Delete claim {}", quoted(&claim.selector.exact))))?)
    }

    pub fn claim(&self, id: ClaimId) -> Result<Claim> {
        self.store.claim(id)?.ok_or(DeskError::ClaimNotFound(id))
    }

    /// Claims by article and position in it. `filter.text` finds words (in
    /// the quote, the note or the sources' names) through the claims index.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        let (filter, only) = self.words_to_ids(filter)?;
        Ok(self.store.claims(&filter, only.as_deref())?)
    }

    /// One page of the claims view.
    pub fn claim_page(&self, query: &ClaimQuery) -> Result<ClaimPage> {
        let (filter, only) = self.words_to_ids(&query.filter)?;
        let query = ClaimQuery { filter, ..query.clone() };
        Ok(self.store.claim_page(&query, only.as_deref())?)
    }

    /// Checks a filter, and turns its words into the ids of the claims the
    /// claims index finds for them (brought up to date first, so a claim
    /// saved a moment ago is found).
    fn words_to_ids(&self, filter: &ClaimFilter) -> Result<(ClaimFilter, Option<Vec<ClaimId>>)> {
        if let Some(credibility) = filter.credibility {
            check_credibility(credibility)?;
        }
        let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok((ClaimFilter { text: None, ..filter.clone() }, None));
        };
        self.indexes.catch_up(false)?;
        let ids = self.indexes.claims.matching(text)?;
        Ok((ClaimFilter { text: None, ..filter.clone() }, Some(ids)))
    }

    /// The claims recorded in an article, in reading order.
    pub fn claims_of_article(&self, article: ArticleId) -> Result<Vec<Claim>> {
        self.article(article)?;
        self.claims(&ClaimFilter { article: Some(article), ..ClaimFilter::default() })
    }

    /// Links two claims, in the same article or not. A link of the same kind
    /// between the two, either way round, is refused.
    pub fn link_claims(&self, link: &NewClaimLink) -> Result<ClaimLink> {
        if link.from == link.to {
            return Err(DeskError::SelfLink);
        }
        let from = self.claim(link.from)?;
        self.claim(link.to)?;
        if let Some(existing) = self.store.link_between(link.from, link.to, link.kind)? {
            return Err(DeskError::LinkExists { from: existing.from, to: existing.to, kind: existing.kind });
        }
        let label = format!("Link claim {} ({}) to claim {}", quoted(&from.selector.exact), link.kind, link.to);
        let id = self.store.link_claims(link, &action(label))?;
        self.store.claim_link(id)?.ok_or(DeskError::LinkNotFound(id))
    }

    pub fn unlink_claims(&self, id: LinkId) -> Result<()> {
        let link = self.store.claim_link(id)?.ok_or(DeskError::LinkNotFound(id))?;
        let label = format!("Unlink claims {} and {} ({})", link.from, link.to, link.kind);
        Ok(self.store.unlink_claims(id, &action(label))?)
    }

    /// The links from and to a claim, oldest first.
    pub fn claim_links(&self, claim: ClaimId) -> Result<Vec<ClaimLink>> {
        self.claim(claim)?;
        Ok(self.store.claim_links(claim)?)
    }

    /// The speaker first, then intermediaries; every source known; spans in
    /// the article.
    /// `is_new(link)`: that link's source is recorded with the claim, so not
    /// yet in the registry.
    fn check_chain(&self, article: &Article, chain: &[ChainLink], is_new: &dyn Fn(usize) -> bool) -> Result<()> {
        for (position, link) in chain.iter().enumerate() {
            let expected = if position == 0 { ChainRole::Speaker } else { ChainRole::Intermediary };
            if link.role != expected {
                return Err(DeskError::InvalidChain(match expected {
                    ChainRole::Speaker => format!(
                        "a chain of attribution starts with the speaker, not an {}; an unnamed speaker \
                         is a source of kind anonymous",
                        link.role
                    ),
                    ChainRole::Intermediary => format!(
                        "a chain has one speaker, first; link {} is a {}, and should be an intermediary",
                        position + 1,
                        link.role
                    ),
                }));
            }
            if !is_new(position) && self.store.source(link.source)?.is_none() {
                return Err(DeskError::SourceNotFound(format!("with id {}", link.source)));
            }
            for (what, span) in [("the cue", link.cue), ("the source's mention", link.mention)] {
                if let Some(span) = span.filter(|s| s.start >= s.end || s.end > char_count(&article.body)) {
                    return Err(out_of_article(what, span, &article.body));
                }
            }
        }
        Ok(())
    }
}

/// The selector must be the text of the article where it says: `exact` at
/// `start..end`, right after `prefix` and right before `suffix`.
fn check_selector(article: &Article, selector: &Selector) -> Result<()> {
    let body = &article.body;
    let span = selector.span();
    let offsets = (quote::byte_offset(body, span.start), quote::byte_offset(body, span.end));
    let (Some(start), Some(end)) = offsets else {
        return Err(out_of_article("the claim", span, body));
    };
    if start >= end {
        return Err(out_of_article("the claim", span, body));
    }
    let actual = &body[start..end];
    if actual != selector.exact
        || !body[..start].ends_with(&selector.prefix)
        || !body[end..].starts_with(&selector.suffix)
    {
        return Err(DeskError::InvalidSpan(format!(
            "the quote {} is not the text at {}..{} of article {} (which reads {}), or its prefix or suffix \
             is not the text around it",
            quoted(&selector.exact),
            span.start,
            span.end,
            article.id,
            quoted(actual)
        )));
    }
    Ok(())
}

fn check_credibility(credibility: u8) -> Result<()> {
    if CREDIBILITY_SCALE.contains(&credibility) { Ok(()) } else { Err(DeskError::InvalidCredibility(credibility)) }
}

fn check_tags(tags: &[String]) -> Result<()> {
    if tags.iter().any(|t| t.trim().is_empty()) { Err(DeskError::EmptyName("a tag name")) } else { Ok(()) }
}

fn char_count(text: &str) -> usize {
    text.chars().count()
}

fn out_of_article(what: &str, span: Span, body: &str) -> DeskError {
    DeskError::InvalidSpan(format!(
        "{what} at {}..{} is not a span of the article, which has {} characters (spans are half-open \
         ranges of code points, start before end)",
        span.start,
        span.end,
        char_count(body)
    ))
}

/// A quote shortened for labels and messages: “the first forty characters…”.
pub(crate) fn quoted(text: &str) -> String {
    const LONGEST: usize = 40;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= LONGEST {
        format!("“{text}”")
    } else {
        format!("“{}…”", text.chars().take(LONGEST - 1).collect::<String>().trim_end())
    }
}
