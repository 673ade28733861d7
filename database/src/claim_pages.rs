//! Claims read a page at a time, in id order: how an export walks a hundred
//! thousand claims without holding them all.

use claimdesk_domain::{Claim, ClaimFilter, ClaimId};
use rusqlite::types::Value as SqlValue;

use crate::claims::{conditions, load};
use crate::{Result, Store};

impl Store {
    /// At most `limit` of the claims `filter` lets through whose id is greater
    /// than `after`, in id order. The next page starts after the last id.
    pub fn claims_page(&self, filter: &ClaimFilter, after: ClaimId, limit: usize) -> Result<Vec<Claim>> {
        let (condition, mut params) = conditions(filter, None, false);
        // The page is chosen by id in a subquery, so that `load` (which sorts
        // by article) reads chains and tags for exactly these claims.
        let condition =
            format!("c.id IN (SELECT c.id FROM claims c WHERE {condition} AND c.id > ? ORDER BY c.id LIMIT ?)");
        params.extend([SqlValue::Integer(after), SqlValue::Integer(limit as i64)]);
        let mut claims = self.read(|conn| load(conn, &condition, params))?;
        claims.sort_by_key(|c| c.id);
        Ok(claims)
    }
}
