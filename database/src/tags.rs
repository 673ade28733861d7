//! Tags on claims and articles. A tag is created the first time it is used,
//! with a colour from a fixed palette the analyst can change later.

use claimdesk_domain::{ArticleId, ClaimId, Tag, TagId, TagPatch};
use rusqlite::{Connection, OptionalExtension, params};

use crate::names::lookup_key;
use crate::operations::{Action, OpTx};
use crate::rows::{ARTICLE_TAGS, CLAIM_TAGS, TAGS, row};
use crate::{Result, Store};

/// Colours given to new tags in turn: distinct, and readable behind dark text.
const PALETTE: [&str; 8] = ["#f4a261", "#8ecae6", "#b5e48c", "#ffd166", "#cdb4db", "#f28482", "#84dcc6", "#d4a373"];

impl Store {
    /// Every tag, by name, with how many claims and articles carry it.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT t.id, t.name, t.colour,
                        (SELECT count(*) FROM claim_tags WHERE tag_id = t.id),
                        (SELECT count(*) FROM article_tags WHERE tag_id = t.id)
                 FROM tags t ORDER BY t.name_key",
            )?;
            let rows = stmt.query_map([], |row| {
                Ok(Tag {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    colour: row.get(2)?,
                    claims: row.get::<_, i64>(3)? as u64,
                    articles: row.get::<_, i64>(4)? as u64,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The tag called `name` (folded: see `lookup_key`).
    pub fn tag_named(&self, name: &str) -> Result<Option<TagId>> {
        self.read(|conn| tag_id(conn, &lookup_key(name)))
    }

    /// Renames or recolours a tag; false when nothing changed.
    pub fn update_tag(&self, id: TagId, patch: &TagPatch, action: &Action<'_>) -> Result<bool> {
        let mut changes = row! {};
        if let Some(name) = &patch.name {
            changes.extend(row! { "name": name, "name_key": lookup_key(name) });
        }
        if let Some(colour) = &patch.colour {
            changes.extend(row! { "colour": colour });
        }
        let (changed, _) = self.operation(action, |op| op.update(&TAGS, id, changes))?;
        Ok(changed)
    }

    /// Tags an article (creating the tag if needed); false when it already was.
    pub fn tag_article(&self, article: ArticleId, tag: &str, action: &Action<'_>) -> Result<bool> {
        let (added, _) = self.operation(action, |op| {
            let tag = find_or_create(op, tag)?;
            if article_tag(&op.tx, article, tag)?.is_some() {
                return Ok(false);
            }
            op.insert(&ARTICLE_TAGS, row! { "article_id": article, "tag_id": tag })?;
            Ok(true)
        })?;
        Ok(added)
    }

    /// False when the article did not carry the tag. The tag itself stays.
    pub fn untag_article(&self, article: ArticleId, tag: &str, action: &Action<'_>) -> Result<bool> {
        let (removed, _) = self.operation(action, |op| {
            let Some(tag) = tag_id(&op.tx, &lookup_key(tag))? else {
                return Ok(false);
            };
            let Some(row) = article_tag(&op.tx, article, tag)? else {
                return Ok(false);
            };
            op.delete(&ARTICLE_TAGS, row)?;
            Ok(true)
        })?;
        Ok(removed)
    }

    /// The names of an article's tags, alphabetical.
    pub fn article_tags(&self, article: ArticleId) -> Result<Vec<String>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT t.name FROM article_tags a JOIN tags t ON t.id = a.tag_id
                 WHERE a.article_id = ?1 ORDER BY t.name_key",
            )?;
            Ok(stmt.query_map([article], |row| row.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

/// Makes a claim's tags exactly `names` (creating tags as needed); true when
/// anything changed.
pub(crate) fn set_claim_tags(op: &mut OpTx<'_>, claim: ClaimId, names: &[String]) -> Result<bool> {
    let mut wanted = Vec::new();
    for name in names {
        let tag = find_or_create(op, name)?;
        if !wanted.contains(&tag) {
            wanted.push(tag);
        }
    }
    let current: Vec<(i64, TagId)> = {
        let mut stmt = op.tx.prepare_cached("SELECT id, tag_id FROM claim_tags WHERE claim_id = ?1 ORDER BY id")?;
        stmt.query_map([claim], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?
    };
    let mut changed = false;
    for (row, tag) in &current {
        if !wanted.contains(tag) {
            op.delete(&CLAIM_TAGS, *row)?;
            changed = true;
        }
    }
    for tag in wanted {
        if !current.iter().any(|(_, t)| *t == tag) {
            op.insert(&CLAIM_TAGS, row! { "claim_id": claim, "tag_id": tag })?;
            changed = true;
        }
    }
    Ok(changed)
}

fn find_or_create(op: &mut OpTx<'_>, name: &str) -> Result<TagId> {
    let key = lookup_key(name);
    if let Some(id) = tag_id(&op.tx, &key)? {
        return Ok(id);
    }
    let count: i64 = op.tx.query_row("SELECT count(*) FROM tags", [], |row| row.get(0))?;
    let colour = PALETTE[count as usize % PALETTE.len()];
    op.insert(&TAGS, row! { "name": name.trim(), "name_key": key, "colour": colour })
}

fn tag_id(conn: &Connection, key: &str) -> Result<Option<TagId>> {
    Ok(conn.query_row("SELECT id FROM tags WHERE name_key = ?1", [key], |row| row.get(0)).optional()?)
}

fn article_tag(conn: &Connection, article: ArticleId, tag: TagId) -> Result<Option<i64>> {
    let found = conn
        .query_row("SELECT id FROM article_tags WHERE article_id = ?1 AND tag_id = ?2", params![article, tag], |row| {
            row.get(0)
        })
        .optional()?;
    Ok(found)
}
