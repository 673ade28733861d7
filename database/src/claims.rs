//! Claims with their chains of attribution and tags: writes and reads.

use std::collections::HashMap;

use claimdesk_domain::{
    AnchorReview, AnchorState, ArticleId, Attribution, ChainLink, ChainRole, Claim, ClaimFilter, ClaimId, ClaimKind,
    ClaimPage, ClaimPatch, ClaimQuery, ClaimRow, ClaimSort, ClaimStatus, NewClaim, Selector, SourceId, SourceKind,
    SourceRef, Span, Timestamp,
};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use crate::names::lookup_key;
use crate::operations::{Action, OpTx};
use crate::rows::{ATTRIBUTIONS, CLAIM_LINKS, CLAIM_TAGS, CLAIMS, Row, row, word};
use crate::tags::set_claim_tags;
use crate::{Result, Store};

impl Store {
    /// Stores a claim with its chain and tags as one operation. The caller
    /// has checked the claim against its article and the chain's rules.
    pub fn create_claim(&self, claim: &NewClaim, action: &Action<'_>) -> Result<ClaimId> {
        self.create_claim_anchored(claim, AnchorState::Anchored, None, action)
    }

    /// Like `create_claim`, with the anchor state re-anchoring found (a claim
    /// imported from elsewhere may need review).
    pub fn create_claim_anchored(
        &self,
        claim: &NewClaim,
        anchor: AnchorState,
        review: Option<&AnchorReview>,
        action: &Action<'_>,
    ) -> Result<ClaimId> {
        let (id, _) = self.operation(action, |op| insert_claim(op, claim, anchor, review))?;
        Ok(id)
    }

    /// Applies the fields `patch` gives; false when nothing changed.
    pub fn update_claim(&self, id: ClaimId, patch: &ClaimPatch, action: &Action<'_>) -> Result<bool> {
        let mut fields = row! {};
        if let Some(selector) = &patch.selector {
            fields.extend(selector_row(selector));
            fields.extend(row! { "anchor": AnchorState::Anchored.as_str() });
        }
        if let Some(kind) = patch.kind {
            fields.extend(row! { "kind": kind.as_str() });
        }
        if let Some(status) = patch.status {
            fields.extend(row! { "status": status.as_str() });
        }
        if let Some(credibility) = patch.credibility {
            fields.extend(row! { "credibility": credibility });
        }
        if let Some(note) = &patch.note {
            fields.extend(row! { "note": note });
        }
        if let Some(anchor) = patch.anchor {
            fields.extend(row! { "anchor": anchor.as_str() });
        }
        // A claim put back on a span, or confirmed where it is, has nothing
        // left to review.
        if fields.get("anchor").and_then(|a| a.as_str()) == Some(AnchorState::Anchored.as_str()) {
            fields.extend(row! { "review": None::<String> });
        }
        let (changed, _) = self.operation(action, |op| {
            let mut parts_changed = false;
            if let Some(chain) = &patch.chain {
                parts_changed |= set_chain(op, id, chain)?;
            }
            if let Some(tags) = &patch.tags {
                parts_changed |= set_claim_tags(op, id, tags)?;
            }
            op.update_stamped(&CLAIMS, id, fields, parts_changed)
        })?;
        Ok(changed)
    }

    /// Deletes a claim with its chain, tags and links, as one operation.
    pub fn delete_claim(&self, id: ClaimId, action: &Action<'_>) -> Result<()> {
        self.operation(action, |op| {
            for (table, sql) in [
                (&CLAIM_LINKS, "SELECT id FROM claim_links WHERE from_claim = ?1 OR to_claim = ?1 ORDER BY id"),
                (&CLAIM_TAGS, "SELECT id FROM claim_tags WHERE claim_id = ?1 ORDER BY id"),
                (&ATTRIBUTIONS, "SELECT id FROM attributions WHERE claim_id = ?1 ORDER BY position DESC"),
            ] {
                let rows: Vec<i64> = {
                    let mut stmt = op.tx.prepare_cached(sql)?;
                    stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
                };
                for row in rows {
                    op.delete(table, row)?;
                }
            }
            op.delete(&CLAIMS, id)
        })?;
        Ok(())
    }

    pub fn claim(&self, id: ClaimId) -> Result<Option<Claim>> {
        Ok(self.read(|conn| load(conn, "c.id = ?", vec![SqlValue::Integer(id)]))?.pop())
    }

    /// The articles with a claim that any of `sources` made or relayed, ascending.
    pub fn articles_with_claims_by(&self, sources: &[SourceId]) -> Result<Vec<ArticleId>> {
        let sources = SqlValue::Text(serde_json::json!(sources).to_string());
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT c.article_id FROM claims c JOIN attributions a ON a.claim_id = c.id
                 WHERE a.source_id IN (SELECT value FROM json_each(?1)) ORDER BY c.article_id",
            )?;
            Ok(stmt.query_map([sources], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The articles tagged `tag`, or with a claim tagged so, ascending.
    pub fn articles_tagged(&self, tag: &str) -> Result<Vec<ArticleId>> {
        let key = lookup_key(tag);
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ?1
                 UNION
                 SELECT c.article_id FROM claims c JOIN claim_tags ct ON ct.claim_id = c.id
                     JOIN tags t ON t.id = ct.tag_id WHERE t.name_key = ?1
                 ORDER BY 1",
            )?;
            Ok(stmt.query_map([key], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The stored claims among `ids`, by article and position; unknown ids
    /// are left out.
    pub fn claims_with_ids(&self, ids: &[ClaimId]) -> Result<Vec<Claim>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let condition = format!("c.id IN ({})", vec!["?"; ids.len()].join(","));
        self.read(|conn| load(conn, &condition, ids.iter().map(|id| SqlValue::Integer(*id)).collect()))
    }

    /// The claims whose id is greater than `after`, at most `limit`, by id:
    /// the way to walk every claim without holding them all.
    pub fn claims_after(&self, after: ClaimId, limit: usize) -> Result<Vec<Claim>> {
        let mut claims = self.read(|conn| {
            load(
                conn,
                "c.id IN (SELECT id FROM claims WHERE id > ? ORDER BY id LIMIT ?)",
                vec![SqlValue::Integer(after), SqlValue::Integer(limit as i64)],
            )
        })?;
        claims.sort_by_key(|c| c.id);
        Ok(claims)
    }

    /// The claims `filter` lets through, by article and position in it;
    /// with `only`, just those among these ids.
    pub fn claims(&self, filter: &ClaimFilter, only: Option<&[ClaimId]>) -> Result<Vec<Claim>> {
        let (condition, params) = conditions(filter, only, false);
        self.read(|conn| load(conn, &condition, params))
    }

    /// One page of the claims `filter` lets through (with `only`, among these
    /// ids), in the order asked, with the total on every page.
    pub fn claim_page(&self, query: &ClaimQuery, only: Option<&[ClaimId]>) -> Result<ClaimPage> {
        let (condition, params) = conditions(&query.filter, only, false);
        let (ordered, mut ordered_params) = conditions(&query.filter, only, true);
        let direction = if query.descending { "DESC" } else { "ASC" };
        let order = match query.sort {
            ClaimSort::Updated => format!("c.updated_at {direction}, c.id {direction}"),
            // Undated articles last either way.
            ClaimSort::Published => format!("a.published IS NULL, a.published {direction}, c.id {direction}"),
            ClaimSort::Credibility => format!("c.credibility {direction}, c.id {direction}"),
            ClaimSort::Status => format!("c.status {direction}, c.id {direction}"),
            ClaimSort::Article => format!("a.title {direction}, c.article_id {direction}, c.span_start"),
        };
        self.read(|conn| {
            let total = match only {
                // Words alone: the index found exactly these claims.
                Some(ids) if query.filter == ClaimFilter::default() => ids.len() as i64,
                _ => conn
                    .prepare_cached(&format!("SELECT count(*) FROM claims c WHERE {condition}"))?
                    .query_row(params_from_iter(&params), |r| r.get(0))?,
            };
            // The page's ids first, sorting keys only; then the rows of just
            // those (SQLite would otherwise build every row before sorting).
            let join = if matches!(query.sort, ClaimSort::Published | ClaimSort::Article) {
                "JOIN articles a ON a.id = c.article_id"
            } else {
                ""
            };
            ordered_params.push(SqlValue::Integer(query.limit as i64));
            ordered_params.push(SqlValue::Integer(query.offset as i64));
            let ids: Vec<ClaimId> = conn
                .prepare_cached(&format!(
                    "SELECT c.id FROM claims c {join} WHERE {ordered} ORDER BY {order} LIMIT ? OFFSET ?"
                ))?
                .query_map(params_from_iter(&ordered_params), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = conn.prepare_cached(
                "SELECT c.id, c.article_id, a.title, a.outlet, a.published, c.exact, c.kind, c.status, c.credibility,
                        c.anchor, c.note, c.updated_at,
                        (SELECT group_concat(name, char(31)) FROM
                            (SELECT s.name FROM attributions at JOIN sources s ON s.id = at.source_id
                             WHERE at.claim_id = c.id ORDER BY at.position)),
                        (SELECT group_concat(name, char(31)) FROM
                            (SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
                             WHERE ct.claim_id = c.id ORDER BY t.name_key))
                 FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?1",
            )?;
            let split = |text: Option<String>| -> Vec<String> {
                text.map(|t| t.split('\u{1f}').map(str::to_string).collect()).unwrap_or_default()
            };
            let mut rows = Vec::with_capacity(ids.len());
            for id in ids {
                rows.push(stmt.query_row([id], |row| {
                    Ok(ClaimRow {
                        id: row.get(0)?,
                        article: row.get(1)?,
                        article_title: row.get(2)?,
                        outlet: row.get(3)?,
                        published: row.get::<_, Option<i64>>(4)?.map(Timestamp),
                        quote: row.get(5)?,
                        kind: word(row, 6, ClaimKind::parse)?,
                        status: word(row, 7, ClaimStatus::parse)?,
                        credibility: row.get(8)?,
                        anchor: word(row, 9, AnchorState::parse)?,
                        note: row.get(10)?,
                        updated: Timestamp(row.get(11)?),
                        chain: split(row.get(12)?),
                        tags: split(row.get(13)?),
                    })
                })?);
            }
            Ok(ClaimPage { total: total as usize, rows })
        })
    }
}

/// The SQL condition over `claims c` (and its parameters) that lets through
/// the claims `filter` describes, among `only` when given.
///
/// `ordered`: the condition is for a query that walks claims in an index's
/// order; the id list is then only checked, not used to look claims up
/// (which would read every listed claim and sort them all).
pub(crate) fn conditions(filter: &ClaimFilter, only: Option<&[ClaimId]>, ordered: bool) -> (String, Vec<SqlValue>) {
    let mut conditions = vec!["1".to_string()];
    let mut params = Vec::new();
    let mut narrow = |condition: &str, values: Vec<SqlValue>| {
        conditions.push(condition.to_string());
        params.extend(values);
    };
    if let Some(ids) = only {
        let ids = vec![SqlValue::Text(serde_json::json!(ids).to_string())];
        // The unary `+` keeps SQLite from looking claims up by this list.
        narrow(
            if ordered {
                "+c.id IN (SELECT value FROM json_each(?))"
            } else {
                "c.id IN (SELECT value FROM json_each(?))"
            },
            ids,
        );
    }
    if let Some(source) = filter.source {
        narrow("c.id IN (SELECT claim_id FROM attributions WHERE source_id = ?)", vec![SqlValue::Integer(source)]);
    }
    if let Some(status) = filter.status {
        narrow("c.status = ?", vec![SqlValue::Text(status.as_str().into())]);
    }
    if let Some(credibility) = filter.credibility {
        narrow("c.credibility = ?", vec![SqlValue::Integer(credibility.into())]);
    }
    if let Some(tag) = &filter.tag {
        narrow(
            "c.id IN (SELECT ct.claim_id FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name_key = ?)",
            vec![SqlValue::Text(lookup_key(tag))],
        );
    }
    if let Some(anchor) = filter.anchor {
        narrow("c.anchor = ?", vec![SqlValue::Text(anchor.as_str().into())]);
    }
    if let Some(article) = filter.article {
        narrow("c.article_id = ?", vec![SqlValue::Integer(article)]);
    }
    if let Some(from) = filter.published_from {
        narrow("c.article_id IN (SELECT id FROM articles WHERE published >= ?)", vec![SqlValue::Integer(from.0)]);
    }
    if let Some(to) = filter.published_to {
        narrow("c.article_id IN (SELECT id FROM articles WHERE published < ?)", vec![SqlValue::Integer(to.0)]);
    }
    if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        // Substring search, for callers without the claims index (the core
        // searches words there and passes `only` instead). SQLite's lower()
        // folds ASCII only.
        let text = SqlValue::Text(text.to_lowercase());
        narrow("(instr(lower(c.exact), ?) > 0 OR instr(lower(c.note), ?) > 0)", vec![text.clone(), text]);
    }
    (conditions.join(" AND "), params)
}

/// The `review` column: JSON of an `AnchorReview`, or NULL.
fn review(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Option<AnchorReview>> {
    let Some(json) = row.get::<_, Option<String>>(index)? else {
        return Ok(None);
    };
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

fn selector_row(selector: &Selector) -> Row {
    row! {
        "exact": selector.exact,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "span_start": selector.start,
        "span_end": selector.end,
    }
}

/// Writes a claim with its chain and tags within an operation.
pub(crate) fn insert_claim(
    op: &mut OpTx<'_>,
    claim: &NewClaim,
    anchor: AnchorState,
    review: Option<&AnchorReview>,
) -> Result<ClaimId> {
    let now = op.now();
    let mut fields = selector_row(&claim.selector);
    fields.extend(row! {
        "article_id": claim.article,
        "kind": claim.kind.as_str(),
        "status": claim.status.as_str(),
        "credibility": claim.credibility,
        "note": claim.note,
        "anchor": anchor.as_str(),
        "review": review.map(|review| serde_json::json!(review).to_string()),
        "created_at": now,
        "updated_at": now,
    });
    if let Some(uid) = &claim.uid {
        fields.extend(row! { "uid": uid });
    }
    let id = op.insert(&CLAIMS, fields)?;
    set_chain(op, id, &claim.chain)?;
    set_claim_tags(op, id, &claim.tags)?;
    Ok(id)
}

/// The cue and mention columns of an attribution row.
pub(crate) fn span_columns(cue: Option<Span>, mention: Option<Span>) -> Row {
    let span = |span: Option<Span>| (span.map(|s| s.start), span.map(|s| s.end));
    let (cue_start, cue_end) = span(cue);
    let (mention_start, mention_end) = span(mention);
    row! {
        "cue_start": cue_start,
        "cue_end": cue_end,
        "mention_start": mention_start,
        "mention_end": mention_end,
    }
}

/// Makes a claim's chain exactly `chain`, position by position; true when
/// anything changed.
fn set_chain(op: &mut OpTx<'_>, claim: ClaimId, chain: &[ChainLink]) -> Result<bool> {
    let current: Vec<i64> = {
        let mut stmt = op.tx.prepare_cached("SELECT id FROM attributions WHERE claim_id = ?1 ORDER BY position")?;
        stmt.query_map([claim], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    let mut changed = false;
    // Shorter chain: drop the tail first, last position first.
    for row in current.iter().skip(chain.len()).rev() {
        op.delete(&ATTRIBUTIONS, *row)?;
        changed = true;
    }
    for (position, link) in chain.iter().enumerate() {
        let mut fields = row! {
            "claim_id": claim,
            "position": position,
            "source_id": link.source,
            "role": link.role.as_str(),
        };
        fields.extend(span_columns(link.cue, link.mention));
        changed |= match current.get(position) {
            Some(row) => op.update(&ATTRIBUTIONS, *row, fields)?,
            None => op.insert(&ATTRIBUTIONS, fields).map(|_| true)?,
        };
    }
    Ok(changed)
}

/// Claims matching `condition` (over `claims c`), with chains and tags.
pub(crate) fn load(conn: &Connection, condition: &str, params: Vec<SqlValue>) -> Result<Vec<Claim>> {
    let sql = format!(
        "SELECT c.id, c.article_id, c.exact, c.prefix, c.suffix, c.span_start, c.span_end, c.kind, c.status,
                c.credibility, c.note, c.anchor, c.created_at, c.updated_at, c.uid, c.review
         FROM claims c WHERE {condition} ORDER BY c.article_id, c.span_start, c.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(&params), |row| {
        Ok(Claim {
            id: row.get(0)?,
            uid: row.get(14)?,
            article: row.get(1)?,
            selector: Selector {
                exact: row.get(2)?,
                prefix: row.get(3)?,
                suffix: row.get(4)?,
                start: row.get::<_, i64>(5)? as usize,
                end: row.get::<_, i64>(6)? as usize,
            },
            kind: word(row, 7, ClaimKind::parse)?,
            status: word(row, 8, ClaimStatus::parse)?,
            credibility: row.get(9)?,
            note: row.get(10)?,
            anchor: word(row, 11, AnchorState::parse)?,
            review: review(row, 15)?,
            tags: Vec::new(),
            chain: Vec::new(),
            created: Timestamp(row.get(12)?),
            updated: Timestamp(row.get(13)?),
        })
    })?;
    let mut claims = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let chosen = format!("(SELECT c.id FROM claims c WHERE {condition})");

    let mut chains: HashMap<ClaimId, Vec<Attribution>> = HashMap::new();
    let sql = format!(
        "SELECT a.claim_id, s.id, s.name, s.kind, a.role, a.cue_start, a.cue_end, a.mention_start, a.mention_end
         FROM attributions a JOIN sources s ON s.id = a.source_id
         WHERE a.claim_id IN {chosen} ORDER BY a.claim_id, a.position"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(&params), |row| {
        let span = |start: usize| -> rusqlite::Result<Option<Span>> {
            Ok(match (row.get::<_, Option<i64>>(start)?, row.get::<_, Option<i64>>(start + 1)?) {
                (Some(start), Some(end)) => Some(Span { start: start as usize, end: end as usize }),
                _ => None,
            })
        };
        let attribution = Attribution {
            source: SourceRef { id: row.get(1)?, name: row.get(2)?, kind: word(row, 3, SourceKind::parse)? },
            role: word(row, 4, ChainRole::parse)?,
            cue: span(5)?,
            mention: span(7)?,
        };
        Ok((row.get::<_, ClaimId>(0)?, attribution))
    })?;
    for found in rows {
        let (claim, attribution) = found?;
        chains.entry(claim).or_default().push(attribution);
    }

    let mut tags: HashMap<ClaimId, Vec<String>> = HashMap::new();
    let sql = format!(
        "SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.claim_id IN {chosen} ORDER BY t.name_key"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for found in stmt.query_map(params_from_iter(&params), |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (claim, tag) = found?;
        tags.entry(claim).or_default().push(tag);
    }

    for claim in &mut claims {
        claim.chain = chains.remove(&claim.id).unwrap_or_default();
        claim.tags = tags.remove(&claim.id).unwrap_or_default();
    }
    Ok(claims)
}
