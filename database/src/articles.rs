//! Articles: batched inserts with duplicate detection, and reads.

use claimdesk_domain::{
    AnchorReview, AnchorState, Article, ArticleId, ClaimId, NewArticle, Origin, Selector, SourceFormat, Span, Timestamp,
};
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
use serde_json::json;

use crate::audit::{self, NewEntry};
use crate::claims::span_columns;
use crate::operations::Action;
use crate::rows::{ARTICLES, ATTRIBUTIONS, CLAIMS, row};
use crate::{Result, Store, StoreError};

/// One article of a batch that was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InsertedArticle {
    pub id: ArticleId,
    /// Position of the article in the batch given to `insert_articles`.
    pub batch_index: usize,
}

/// What a search hit shows of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct HitText {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Timestamp>,
    pub body: String,
}

/// An article of a batch whose URL is already stored with other text: a new
/// version of that article, left for the caller to replace (its claims must
/// be re-anchored first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangedArticle {
    /// The stored article with the same URL (the newest, if several).
    pub id: ArticleId,
    pub batch_index: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InsertOutcome {
    pub inserted: Vec<InsertedArticle>,
    /// Positions in the batch of articles whose content was already stored.
    pub duplicates: Vec<usize>,
    /// New versions of stored articles; not written.
    pub changed: Vec<ChangedArticle>,
    /// The change sequence number of the last audit row written (0 if none).
    pub last_seq: i64,
}

const COLUMNS: &str = "id, title, body, outlet, author, url, published, language, content_hash, \
                       origin_path, origin_format, origin_record, imported_at";

impl Store {
    /// Stores a batch of articles in one transaction, each with its audit row.
    /// Articles whose content hash is already stored (or repeated in the batch)
    /// are skipped and reported as duplicates; articles whose URL is stored
    /// with other content are reported as changed, and not written.
    pub fn insert_articles(&self, batch: &[NewArticle], actor: &str) -> Result<InsertOutcome> {
        self.write(|conn| {
            // Imports can be run again from their files, so their transactions
            // skip the fsync that the analyst's edits pay for (see `open`).
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            let outcome = insert_batch(conn, batch, actor);
            conn.pragma_update(None, "synchronous", "FULL")?;
            outcome
        })
    }

    pub fn article(&self, id: ArticleId) -> Result<Option<Article>> {
        Ok(self.articles(&[id])?.pop())
    }

    /// The newest article stored with this URL.
    pub fn article_by_url(&self, url: &str) -> Result<Option<Article>> {
        self.read(|conn| {
            let sql = format!("SELECT {COLUMNS} FROM articles WHERE url = ?1 ORDER BY id DESC LIMIT 1");
            conn.prepare_cached(&sql)?.query_row([url], row_to_article).optional()?.transpose()
        })
    }

    /// The stored articles among `ids`, in the order of `ids`; unknown ids are left out.
    pub fn articles(&self, ids: &[ArticleId]) -> Result<Vec<Article>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|conn| {
            let placeholders = vec!["?"; ids.len()].join(",");
            let sql = format!("SELECT {COLUMNS} FROM articles WHERE id IN ({placeholders})");
            let mut stmt = conn.prepare(&sql)?;
            let mut found = stmt
                .query_map(params_from_iter(ids), row_to_article)?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .collect::<Result<Vec<_>>>()?;
            found.sort_by_key(|a| ids.iter().position(|id| *id == a.id));
            Ok(found)
        })
    }

    /// Title, outlet, date and body of each article in `ids` that exists, in
    /// the order of `ids`: what a page of search results needs, read by
    /// primary key with one cached statement.
    pub fn hit_texts(&self, ids: &[ArticleId]) -> Result<Vec<HitText>> {
        self.read(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT id, title, outlet, published, body FROM articles WHERE id = ?1")?;
            let mut found = Vec::with_capacity(ids.len());
            for id in ids {
                let row = stmt.query_row([id], |row| {
                    Ok(HitText {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        outlet: row.get(2)?,
                        published: row.get::<_, Option<i64>>(3)?.map(Timestamp),
                        body: row.get(4)?,
                    })
                });
                match row {
                    Ok(hit) => found.push(hit),
                    Err(rusqlite::Error::QueryReturnedNoRows) => {}
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(found)
        })
    }

    /// Articles with an id greater than `after`, in id order, at most `limit`:
    /// the way to walk every article without holding them all in memory.
    pub fn articles_after(&self, after: ArticleId, limit: usize) -> Result<Vec<Article>> {
        self.read(|conn| {
            let sql = format!("SELECT {COLUMNS} FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2");
            let mut stmt = conn.prepare_cached(&sql)?;
            stmt.query_map(params![after, limit as i64], row_to_article)?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .collect()
        })
    }

    pub fn article_count(&self) -> Result<u64> {
        self.read(|conn| Ok(conn.query_row("SELECT count(*) FROM articles", [], |row| row.get::<_, i64>(0))? as u64))
    }

    /// Every article id, ascending. Used to check the index against the store.
    pub fn article_ids(&self) -> Result<Vec<ArticleId>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT id FROM articles ORDER BY id")?;
            Ok(stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

/// `Store::insert_articles` in one transaction of the writer.
fn insert_batch(conn: &mut rusqlite::Connection, batch: &[NewArticle], actor: &str) -> Result<InsertOutcome> {
    let tx = conn.transaction()?;
    let mut outcome = InsertOutcome::default();
    let now = audit::now_ms();
    {
        let mut by_url = tx.prepare_cached(
            "SELECT id, (SELECT count(*) FROM articles WHERE content_hash = ?2)
                 FROM articles WHERE url = ?1 ORDER BY id DESC LIMIT 1",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO articles (title, body, outlet, author, url, published, language,
                     content_hash, origin_path, origin_format, origin_record, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                 ON CONFLICT (content_hash) DO NOTHING",
        )?;
        for (batch_index, article) in batch.iter().enumerate() {
            if let Some(url) = &article.url {
                let stored = by_url
                    .query_row(params![url, article.content_hash], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))
                    .optional()?;
                if let Some((id, 0)) = stored {
                    outcome.changed.push(ChangedArticle { id, batch_index });
                    continue;
                }
            }
            let changed = insert.execute(params![
                article.title,
                article.body,
                article.outlet,
                article.author,
                article.url,
                article.published.map(Timestamp::seconds),
                article.language,
                article.content_hash,
                article.origin.path,
                article.origin.format.as_str(),
                article.origin.record,
                now / 1000,
            ])?;
            if changed == 0 {
                outcome.duplicates.push(batch_index);
                continue;
            }
            let id = tx.last_insert_rowid();
            // The body is not repeated in the log: the content hash pins it.
            let after = json!({
                "title": article.title,
                "outlet": article.outlet,
                "author": article.author,
                "url": article.url,
                "published": article.published,
                "language": article.language,
                "content_hash": article.content_hash,
                "origin": article.origin,
            });
            let entry = NewEntry {
                actor,
                entity: "article",
                entity_id: id,
                action: "create",
                before: None,
                after: Some(&after),
                operation: None,
                reverses: None,
            };
            outcome.last_seq = audit::append(&tx, now, &entry)?;
            outcome.inserted.push(InsertedArticle { id, batch_index });
        }
    }
    tx.commit()?;
    Ok(outcome)
}

fn row_to_article(row: &Row<'_>) -> rusqlite::Result<Result<Article>> {
    let format: String = row.get(10)?;
    let Some(format) = SourceFormat::parse(&format) else {
        return Ok(Err(StoreError::Corrupt(format!("unknown origin format {format:?}"))));
    };
    Ok(Ok(Article {
        id: row.get(0)?,
        title: row.get(1)?,
        body: row.get(2)?,
        outlet: row.get(3)?,
        author: row.get(4)?,
        url: row.get(5)?,
        published: row.get::<_, Option<i64>>(6)?.map(Timestamp),
        language: row.get(7)?,
        content_hash: row.get(8)?,
        origin: Origin { path: row.get(9)?, format, record: row.get(11)? },
        imported_at: Timestamp(row.get(12)?),
    }))
}

/// Where a claim goes when its article's text is replaced: the new selector
/// and anchor state that re-anchoring found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reanchored {
    pub claim: ClaimId,
    pub selector: Selector,
    pub anchor: AnchorState,
    pub review: Option<AnchorReview>,
    /// The cue and mention spans of each link of its chain, by position.
    pub chain: Vec<(Option<Span>, Option<Span>)>,
}

impl Store {
    /// Replaces an article's text and metadata with a new version, and moves
    /// its claims as `claims` says, as one operation (undo brings the old text
    /// and spans back). Returns the change sequence of its last audit row.
    pub fn replace_article(
        &self,
        id: ArticleId,
        article: &NewArticle,
        claims: &[Reanchored],
        action: &Action<'_>,
    ) -> Result<i64> {
        let (seq, _) = self.operation(action, |op| {
            op.update(
                &ARTICLES,
                id,
                row! {
                    "title": article.title,
                    "body": article.body,
                    "outlet": article.outlet,
                    "author": article.author,
                    "url": article.url,
                    "published": article.published.map(Timestamp::seconds),
                    "language": article.language,
                    "content_hash": article.content_hash,
                    "origin_path": article.origin.path,
                    "origin_format": article.origin.format.as_str(),
                    "origin_record": article.origin.record,
                    "imported_at": op.now(),
                },
            )?;
            for claim in claims {
                // Plain strings and numbers: serializing cannot fail.
                let review = claim.review.as_ref().map(|review| json!(review).to_string());
                let mut fields = row! {
                    "exact": claim.selector.exact,
                    "prefix": claim.selector.prefix,
                    "suffix": claim.selector.suffix,
                    "span_start": claim.selector.start,
                    "span_end": claim.selector.end,
                    "anchor": claim.anchor.as_str(),
                };
                fields.insert("review".into(), review.map_or(serde_json::Value::Null, serde_json::Value::String));
                let mut chain_changed = false;
                for (position, (cue, mention)) in claim.chain.iter().enumerate() {
                    let link: i64 = op.tx.query_row(
                        "SELECT id FROM attributions WHERE claim_id = ?1 AND position = ?2",
                        params![claim.claim, position as i64],
                        |r| r.get(0),
                    )?;
                    chain_changed |= op.update(&ATTRIBUTIONS, link, span_columns(*cue, *mention))?;
                }
                op.update_stamped(&CLAIMS, claim.claim, fields, chain_changed)?;
            }
            Ok(op.tx.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| r.get(0))?)
        })?;
        Ok(seq)
    }
}
