//! What the analyst does with attribution suggestions: accepting one records
//! the claim with its sources (found or new) and aliases as one operation;
//! rejecting one remembers it, also as an operation (so both undo).

use claimdesk_domain::{AnchorState, ArticleId, ClaimId, NewClaim, NewSource, SourceId, Span};
use rusqlite::params;

use crate::claims::insert_claim;
use crate::operations::Action;
use crate::rows::{REJECTED_SUGGESTIONS, row};
use crate::sources::{add_alias, insert_source};
use crate::{Result, Store};

/// The source of one link of a claim's chain: in the registry, or to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChoice {
    Existing(SourceId),
    New(NewSource),
}

impl Store {
    /// Records `claim` with the source of each link of its chain as `sources`
    /// says (one per link, in order; the links' own source ids are replaced),
    /// adding each `(link, alias)` to that link's source, as one operation.
    pub fn create_claim_with_sources(
        &self,
        claim: &NewClaim,
        sources: &[SourceChoice],
        aliases: &[(usize, String)],
        action: &Action<'_>,
    ) -> Result<ClaimId> {
        let (id, _) = self.operation(action, |op| {
            let mut ids = Vec::with_capacity(sources.len());
            for choice in sources {
                ids.push(match choice {
                    SourceChoice::Existing(id) => *id,
                    SourceChoice::New(source) => insert_source(op, source)?,
                });
            }
            for (link, alias) in aliases {
                add_alias(op, ids[*link], alias)?;
            }
            let mut claim = claim.clone();
            for (link, id) in claim.chain.iter_mut().zip(&ids) {
                link.source = *id;
            }
            insert_claim(op, &claim, AnchorState::Anchored, None)
        })?;
        Ok(id)
    }

    /// Remembers that the suggestion with this cue, in this version of the
    /// article, was rejected. Rejecting it again changes nothing.
    pub fn reject_suggestion(
        &self,
        article: ArticleId,
        content_hash: &str,
        cue: Span,
        action: &Action<'_>,
    ) -> Result<()> {
        self.operation(action, |op| {
            let known: bool = op.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM rejected_suggestions
                 WHERE article_id = ?1 AND content_hash = ?2 AND cue_start = ?3 AND cue_end = ?4)",
                params![article, content_hash, cue.start as i64, cue.end as i64],
                |r| r.get(0),
            )?;
            if !known {
                op.insert(
                    &REJECTED_SUGGESTIONS,
                    row! { "article_id": article, "content_hash": content_hash, "cue_start": cue.start, "cue_end": cue.end },
                )?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// The cues of the suggestions rejected in this version of the article.
    pub fn rejected_suggestions(&self, article: ArticleId, content_hash: &str) -> Result<Vec<Span>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT cue_start, cue_end FROM rejected_suggestions WHERE article_id = ?1 AND content_hash = ?2",
            )?;
            let rows = stmt.query_map(params![article, content_hash], |r| {
                Ok(Span { start: r.get::<_, i64>(0)? as usize, end: r.get::<_, i64>(1)? as usize })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}
