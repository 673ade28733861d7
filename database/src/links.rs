//! Typed links between claims, within an article or across articles.

use claimdesk_domain::{ClaimId, ClaimLink, LinkId, LinkKind, NewClaimLink, Timestamp};
use rusqlite::{OptionalExtension, params};

use crate::operations::Action;
use crate::rows::{CLAIM_LINKS, row, word};
use crate::{Result, Store};

const COLUMNS: &str = "id, from_claim, to_claim, kind, created_at";

impl Store {
    pub fn link_claims(&self, link: &NewClaimLink, action: &Action<'_>) -> Result<LinkId> {
        let (id, _) = self.operation(action, |op| {
            let now = op.now();
            op.insert(
                &CLAIM_LINKS,
                row! { "from_claim": link.from, "to_claim": link.to, "kind": link.kind.as_str(), "created_at": now },
            )
        })?;
        Ok(id)
    }

    pub fn unlink_claims(&self, id: LinkId, action: &Action<'_>) -> Result<()> {
        self.operation(action, |op| op.delete(&CLAIM_LINKS, id))?;
        Ok(())
    }

    pub fn claim_link(&self, id: LinkId) -> Result<Option<ClaimLink>> {
        self.read(|conn| {
            let sql = format!("SELECT {COLUMNS} FROM claim_links WHERE id = ?1");
            Ok(conn.prepare_cached(&sql)?.query_row([id], to_link).optional()?)
        })
    }

    /// A link of `kind` between the two claims, in either direction.
    pub fn link_between(&self, a: ClaimId, b: ClaimId, kind: LinkKind) -> Result<Option<ClaimLink>> {
        self.read(|conn| {
            let sql = format!(
                "SELECT {COLUMNS} FROM claim_links WHERE kind = ?3
                 AND ((from_claim = ?1 AND to_claim = ?2) OR (from_claim = ?2 AND to_claim = ?1))"
            );
            Ok(conn.prepare_cached(&sql)?.query_row(params![a, b, kind.as_str()], to_link).optional()?)
        })
    }

    /// The links from or to a claim, oldest first.
    pub fn claim_links(&self, claim: ClaimId) -> Result<Vec<ClaimLink>> {
        self.read(|conn| {
            let sql = format!("SELECT {COLUMNS} FROM claim_links WHERE from_claim = ?1 OR to_claim = ?1 ORDER BY id");
            let mut stmt = conn.prepare_cached(&sql)?;
            Ok(stmt.query_map([claim], to_link)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

fn to_link(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClaimLink> {
    Ok(ClaimLink {
        id: row.get(0)?,
        from: row.get(1)?,
        to: row.get(2)?,
        kind: word(row, 3, LinkKind::parse)?,
        created: Timestamp(row.get(4)?),
    })
}
