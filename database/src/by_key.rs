//! Rows found by the keys that travel between data directories: claim and
//! source uids, and articles' content hashes.

use claimdesk_domain::{ArticleId, ClaimId, SourceId};
use rusqlite::OptionalExtension;

use crate::{Result, Store};

impl Store {
    pub fn claim_with_uid(&self, uid: &str) -> Result<Option<ClaimId>> {
        self.read(|conn| {
            Ok(conn.query_row("SELECT id FROM claims WHERE uid = ?1", [uid], |row| row.get(0)).optional()?)
        })
    }

    pub fn source_with_uid(&self, uid: &str) -> Result<Option<SourceId>> {
        self.read(|conn| {
            Ok(conn.query_row("SELECT id FROM sources WHERE uid = ?1", [uid], |row| row.get(0)).optional()?)
        })
    }

    /// The article whose normalized title and body hash to `hash`.
    pub fn article_with_hash(&self, hash: &str) -> Result<Option<ArticleId>> {
        self.read(|conn| {
            Ok(conn
                .query_row("SELECT id FROM articles WHERE content_hash = ?1", [hash], |row| row.get(0))
                .optional()?)
        })
    }
}
