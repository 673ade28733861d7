//! Reads for exports: claims a page at a time, and the articles a query
//! matches without building snippets, so that an export's memory does not
//! grow with the number of claims.

use claimdesk_domain::{ArticleId, Claim, ClaimFilter, ClaimId, SortOrder};

use crate::{Desk, Result};

impl Desk {
    /// At most `limit` of the claims `filter` lets through whose id is greater
    /// than `after`, in id order; the next page starts after the last id.
    pub fn claims_after(&self, filter: &ClaimFilter, after: ClaimId, limit: usize) -> Result<Vec<Claim>> {
        Ok(self.store.claims_page(filter, after, limit)?)
    }

    /// Every article `query` matches, by id. Only ids: no bodies are read.
    pub fn matching_articles(&self, query: &str) -> Result<Vec<ArticleId>> {
        let total = self.run_query(query, SortOrder::Relevance, 1, 0)?.total as usize;
        let found = self.run_query(query, SortOrder::Relevance, total, 0)?;
        let mut ids: Vec<ArticleId> = found.hits.into_iter().map(|(id, _)| id).collect();
        ids.sort_unstable();
        Ok(ids)
    }
}
