//! What an exported claim needs besides itself: its article's title, outlet,
//! date and address, its sources in full, and the claims it links to. Read
//! once and kept, within bounds, so that an export asks the desk little.

use std::collections::HashMap;

use claimdesk_core::Desk;
use claimdesk_domain::{ArticleId, Claim, ClaimId, ClaimLink, Source, SourceId, Timestamp};

use crate::Result;

/// Articles kept at once; past this the cache starts again, so that memory
/// stays flat however many articles an export touches.
const ARTICLES_KEPT: usize = 1_000;

/// An article without its body.
#[derive(Debug, Clone)]
pub(crate) struct ArticleInfo {
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Timestamp>,
    pub url: Option<String>,
    pub content_hash: String,
}

impl ArticleInfo {
    /// The article's address, or when it has none a URN made from its
    /// content hash: the same article imported elsewhere gets the same one,
    /// which is what lets an annotation find it again.
    pub fn iri(&self) -> String {
        match self.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => url.to_string(),
            None => format!("{ARTICLE_URN}{}", self.content_hash),
        }
    }
}

/// The prefix of an article's URN when it has no address.
pub(crate) const ARTICLE_URN: &str = "urn:claimdesk:article:";

/// A claim's stable IRI, the same in every data directory it travels to:
/// the annotation id in W3C exports.
pub(crate) fn claim_iri(claim: &Claim) -> String {
    format!("{UUID_URN}{}", claim.uid)
}

/// A source's stable IRI.
pub(crate) fn source_iri(source: &Source) -> String {
    format!("{UUID_URN}{}", source.uid)
}

pub(crate) const UUID_URN: &str = "urn:uuid:";

pub(crate) struct Lookups<'d> {
    pub desk: &'d Desk,
    articles: HashMap<ArticleId, ArticleInfo>,
    sources: HashMap<SourceId, Source>,
}

impl<'d> Lookups<'d> {
    pub fn new(desk: &'d Desk) -> Self {
        Lookups { desk, articles: HashMap::new(), sources: HashMap::new() }
    }

    pub fn article(&mut self, id: ArticleId) -> Result<&ArticleInfo> {
        if !self.articles.contains_key(&id) {
            if self.articles.len() >= ARTICLES_KEPT {
                self.articles.clear();
            }
            let a = self.desk.article(id)?;
            let info = ArticleInfo {
                title: a.title,
                outlet: a.outlet,
                published: a.published,
                url: a.url,
                content_hash: a.content_hash,
            };
            self.articles.insert(id, info);
        }
        Ok(&self.articles[&id])
    }

    pub fn source(&mut self, id: SourceId) -> Result<&Source> {
        if !self.sources.contains_key(&id) {
            let source = self.desk.source(id)?;
            self.sources.insert(id, source);
        }
        Ok(&self.sources[&id])
    }

    /// The links from `claim` to others, each with the other claim.
    pub fn links_from(&self, claim: ClaimId) -> Result<Vec<(ClaimLink, Claim)>> {
        let links = self.desk.claim_links(claim)?;
        let mut out = Vec::new();
        for link in links.into_iter().filter(|l| l.from == claim) {
            let other = self.desk.claim(link.to)?;
            out.push((link, other));
        }
        Ok(out)
    }
}
