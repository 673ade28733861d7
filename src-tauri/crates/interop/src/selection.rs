//! Which claims an export holds, and walking them a page at a time.

use claimdesk_core::Desk;
use claimdesk_domain::{ArticleId, Claim, ClaimFilter, ClaimId, SourceId};

use crate::Result;

/// Claims read from the store at once: what an export holds in memory.
pub(crate) const PAGE: usize = 500;

/// The claims to export; every field given narrows them, none means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Claims in the articles this search query matches.
    pub query: Option<String>,
    /// Claims with this tag.
    pub tag: Option<String>,
    /// Claims this source (a name, an alias) made or relayed.
    pub source: Option<String>,
}

impl Selection {
    pub fn all() -> Self {
        Selection::default()
    }

    /// In words, for the title of a brief or a collection's label.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(source) = &self.source {
            parts.push(format!("from “{}”", source.trim()));
        }
        if let Some(tag) = &self.tag {
            parts.push(format!("tagged “{}”", tag.trim()));
        }
        if let Some(query) = &self.query {
            parts.push(format!("in articles matching “{}”", query.trim()));
        }
        if parts.is_empty() { "All claims".to_string() } else { format!("Claims {}", parts.join(", ")) }
    }

    /// The pages of claims this selection holds, in id order (by article
    /// for a query). Unknown sources and bad queries fail here, before
    /// anything is written.
    pub(crate) fn pages<'d>(&self, desk: &'d Desk) -> Result<ClaimPages<'d>> {
        let source = self.source_id(desk)?;
        self.pages_with(desk, source, None)
    }

    /// The pages of the selection's claims that `source` made or relayed.
    pub(crate) fn pages_by<'d>(&self, desk: &'d Desk, source: SourceId) -> Result<ClaimPages<'d>> {
        let also = self.source_id(desk)?;
        self.pages_with(desk, Some(source), also)
    }

    fn source_id(&self, desk: &Desk) -> Result<Option<SourceId>> {
        Ok(self.source.as_deref().map(|name| desk.find_source(name)).transpose()?.map(|s| s.id))
    }

    fn pages_with<'d>(
        &self,
        desk: &'d Desk,
        source: Option<SourceId>,
        also: Option<SourceId>,
    ) -> Result<ClaimPages<'d>> {
        let filter = ClaimFilter { source, tag: self.tag.clone(), ..ClaimFilter::default() };
        let articles = self.query.as_deref().map(|q| desk.matching_articles(q)).transpose()?;
        Ok(ClaimPages { desk, filter, also, articles: articles.map(Vec::into_iter), after: 0, done: false })
    }
}

/// Pages of at most about [`PAGE`] claims; none is empty.
pub(crate) struct ClaimPages<'d> {
    desk: &'d Desk,
    filter: ClaimFilter,
    /// A second source the claims must have in their chain (the filter holds one).
    also: Option<SourceId>,
    /// For a query: the matching articles not read yet.
    articles: Option<std::vec::IntoIter<ArticleId>>,
    after: ClaimId,
    done: bool,
}

impl ClaimPages<'_> {
    /// The next claims, possibly none when `also` left out a whole page;
    /// `None` at the end.
    fn fetch(&mut self) -> Result<Option<Vec<Claim>>> {
        let mut page = self.read()?;
        if page.is_empty() {
            return Ok(None);
        }
        if let Some(also) = self.also {
            page.retain(|c| c.chain.iter().any(|l| l.source.id == also));
        }
        Ok(Some(page))
    }

    fn read(&mut self) -> Result<Vec<Claim>> {
        let Some(articles) = &mut self.articles else {
            let page = self.desk.claims_after(&self.filter, self.after, PAGE)?;
            if let Some(last) = page.last() {
                self.after = last.id;
            }
            return Ok(page);
        };
        let mut page = Vec::new();
        while page.len() < PAGE {
            let Some(article) = articles.next() else {
                break;
            };
            page.extend(self.desk.claims(&ClaimFilter { article: Some(article), ..self.filter.clone() })?);
        }
        Ok(page)
    }
}

impl Iterator for ClaimPages<'_> {
    type Item = Result<Vec<Claim>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.fetch() {
                Ok(None) => self.done = true,
                Ok(Some(page)) if page.is_empty() => continue,
                Ok(Some(page)) => return Some(Ok(page)),
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}
