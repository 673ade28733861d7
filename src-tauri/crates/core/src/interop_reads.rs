//! Reads for exports and imports of claims: claims a page at a time, the
//! articles a query matches without snippets (so an export's memory does not
//! grow with the number of claims), and rows by the keys that travel between
//! data directories (uids, content hashes).

use claimdesk_domain::{ArticleId, Claim, ClaimFilter, ClaimId, SortOrder, SourceId};

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

    /// The claim with this uid, if this data directory has it.
    pub fn claim_with_uid(&self, uid: &str) -> Result<Option<ClaimId>> {
        Ok(self.store.claim_with_uid(uid)?)
    }

    /// The source with this uid, if this data directory has it.
    pub fn source_with_uid(&self, uid: &str) -> Result<Option<SourceId>> {
        Ok(self.store.source_with_uid(uid)?)
    }

    /// The article with this content hash (the same text imported anywhere
    /// has the same hash).
    pub fn article_with_hash(&self, hash: &str) -> Result<Option<ArticleId>> {
        Ok(self.store.article_with_hash(hash)?)
    }
}
