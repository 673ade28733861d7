//! Sources, their aliases, and merging two sources into one.

use std::collections::HashMap;

use claimdesk_domain::{NewSource, Reliability, Source, SourceId, SourceKind, SourcePatch, SourceRef, Timestamp};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use crate::names::lookup_key;
use crate::operations::{Action, OpTx};
use crate::rows::{ATTRIBUTIONS, SOURCE_ALIASES, SOURCES, row, word};
use crate::{Result, Store};

impl Store {
    /// Stores a source and its aliases as one operation. Aliases equal to the
    /// name, or to each other once folded, are stored once.
    pub fn create_source(&self, source: &NewSource, action: &Action<'_>) -> Result<SourceId> {
        let (id, _) = self.operation(action, |op| insert_source(op, source))?;
        Ok(id)
    }

    /// Applies the fields `patch` gives; false when nothing changed.
    pub fn update_source(&self, id: SourceId, patch: &SourcePatch, action: &Action<'_>) -> Result<bool> {
        let mut changes = row! {};
        if let Some(name) = &patch.name {
            changes.extend(row! { "name": name, "name_key": lookup_key(name) });
        }
        if let Some(kind) = patch.kind {
            changes.extend(row! { "kind": kind.as_str() });
        }
        if let Some(affiliation) = patch.affiliation {
            changes.extend(row! { "affiliation_id": affiliation });
        }
        if let Some(reliability) = patch.reliability {
            changes.extend(row! { "reliability": reliability.as_str() });
        }
        if let Some(rationale) = &patch.reliability_rationale {
            changes.extend(row! { "reliability_rationale": rationale });
        }
        if let Some(description) = &patch.description {
            changes.extend(row! { "description": description });
        }
        let (changed, _) = self.operation(action, |op| op.update_stamped(&SOURCES, id, changes, false))?;
        Ok(changed)
    }

    /// False when the source already answers to that name.
    pub fn add_alias(&self, id: SourceId, alias: &str, action: &Action<'_>) -> Result<bool> {
        let (added, _) = self.operation(action, |op| {
            let added = add_alias(op, id, alias)?;
            op.update_stamped(&SOURCES, id, row! {}, added)?;
            Ok(added)
        })?;
        Ok(added)
    }

    /// False when the source has no such alias.
    pub fn remove_alias(&self, id: SourceId, alias: &str, action: &Action<'_>) -> Result<bool> {
        let (removed, _) = self.operation(action, |op| {
            let found = alias_id(&op.tx, id, &lookup_key(alias))?;
            if let Some(alias_id) = found {
                op.delete(&SOURCE_ALIASES, alias_id)?;
            }
            op.update_stamped(&SOURCES, id, row! {}, found.is_some())?;
            Ok(found.is_some())
        })?;
        Ok(removed)
    }

    /// Moves everything of `absorb` to `keep` and deletes `absorb`, as one
    /// operation: its aliases, and its name as a new alias, so lookups still
    /// find it; its places in chains of attribution; the sources affiliated
    /// with it. `keep`'s own fields stay as they are.
    pub fn merge_sources(&self, keep: SourceId, absorb: SourceId, action: &Action<'_>) -> Result<()> {
        self.operation(action, |op| {
            let tx = &op.tx;
            let affiliation_of = |id: SourceId| -> Result<Option<SourceId>> {
                Ok(tx.query_row("SELECT affiliation_id FROM sources WHERE id = ?1", [id], |r| r.get(0))?)
            };
            let absorbed_name: String =
                tx.query_row("SELECT name FROM sources WHERE id = ?1", [absorb], |r| r.get(0))?;
            let absorbed_affiliation = affiliation_of(absorb)?;
            let kept_affiliation = affiliation_of(keep)?;
            let aliases: Vec<(i64, String)> = {
                let mut stmt = tx.prepare_cached("SELECT id, alias_key FROM source_aliases WHERE source_id = ?1")?;
                stmt.query_map([absorb], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?
            };
            let attributions = ids_where(tx, "SELECT id FROM attributions WHERE source_id = ?1", [absorb])?;
            let members =
                ids_where(tx, "SELECT id FROM sources WHERE affiliation_id = ?1 AND id <> ?2", [absorb, keep])?;
            for (alias, key) in aliases {
                if answers_to(&op.tx, keep, &key)? {
                    op.delete(&SOURCE_ALIASES, alias)?;
                } else {
                    op.update(&SOURCE_ALIASES, alias, row! { "source_id": keep })?;
                }
            }
            add_alias(op, keep, &absorbed_name)?;
            for attribution in attributions {
                op.update(&ATTRIBUTIONS, attribution, row! { "source_id": keep })?;
            }
            for member in members {
                op.update(&SOURCES, member, row! { "affiliation_id": keep })?;
            }
            // If `keep` spoke for `absorb`, it takes over `absorb`'s own affiliation.
            let mut kept = row! {};
            if kept_affiliation == Some(absorb) {
                kept.extend(row! { "affiliation_id": absorbed_affiliation.filter(|a| *a != keep) });
            }
            op.update_stamped(&SOURCES, keep, kept, true)?;
            op.delete(&SOURCES, absorb)
        })?;
        Ok(())
    }

    pub fn source(&self, id: SourceId) -> Result<Option<Source>> {
        Ok(self.read(|conn| load(conn, "s.id = ?", vec![SqlValue::Integer(id)]))?.pop())
    }

    /// Every source, by name.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.read(|conn| load(conn, "1", Vec::new()))
    }

    /// The sources whose name or an alias matches `name` (folded: see
    /// `lookup_key`), by name.
    pub fn find_sources(&self, name: &str) -> Result<Vec<Source>> {
        let key = SqlValue::Text(lookup_key(name));
        self.read(|conn| {
            load(
                conn,
                "(s.name_key = ? OR s.id IN (SELECT source_id FROM source_aliases WHERE alias_key = ?))",
                vec![key.clone(), key],
            )
        })
    }

    /// Every name and alias a source answers to, with the source: what
    /// mentions in a text are matched against (without the claim counts and
    /// affiliations `sources` gathers).
    pub fn source_names(&self) -> Result<Vec<(SourceRef, String)>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name, kind, name FROM sources
                 UNION ALL
                 SELECT s.id, s.name, s.kind, a.alias FROM source_aliases a JOIN sources s ON s.id = a.source_id",
            )?;
            let rows = stmt.query_map([], |row| {
                Ok((
                    SourceRef { id: row.get(0)?, name: row.get(1)?, kind: word(row, 2, SourceKind::parse)? },
                    row.get(3)?,
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The sources affiliated with `id`, by name.
    pub fn members(&self, id: SourceId) -> Result<Vec<SourceRef>> {
        self.read(|conn| {
            let mut stmt = conn
                .prepare_cached("SELECT id, name, kind FROM sources WHERE affiliation_id = ?1 ORDER BY name_key, id")?;
            let rows = stmt.query_map([id], |row| {
                Ok(SourceRef { id: row.get(0)?, name: row.get(1)?, kind: word(row, 2, SourceKind::parse)? })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

/// Writes a new source and its aliases within an operation.
pub(crate) fn insert_source(op: &mut OpTx<'_>, source: &NewSource) -> Result<SourceId> {
    let now = op.now();
    let id = op.insert(
        &SOURCES,
        row! {
            "name": source.name,
            "name_key": lookup_key(&source.name),
            "kind": source.kind.as_str(),
            "affiliation_id": source.affiliation,
            "reliability": source.reliability.as_str(),
            "reliability_rationale": source.reliability_rationale,
            "description": source.description,
            "created_at": now,
            "updated_at": now,
            "uid": source.uid,
        },
    )?;
    for alias in &source.aliases {
        add_alias(op, id, alias)?;
    }
    Ok(id)
}

/// Adds an alias unless the source already answers to it; true when added.
pub(crate) fn add_alias(op: &mut OpTx<'_>, source: SourceId, alias: &str) -> Result<bool> {
    let key = lookup_key(alias);
    if key.is_empty() || answers_to(&op.tx, source, &key)? {
        return Ok(false);
    }
    op.insert(&SOURCE_ALIASES, row! { "source_id": source, "alias": alias.trim(), "alias_key": key })?;
    Ok(true)
}

/// Whether the source's name or one of its aliases folds to `key`.
fn answers_to(conn: &Connection, source: SourceId, key: &str) -> Result<bool> {
    let name_matches: bool = conn.query_row(
        "SELECT coalesce((SELECT name_key = ?2 FROM sources WHERE id = ?1), 0)",
        rusqlite::params![source, key],
        |r| r.get(0),
    )?;
    Ok(name_matches || alias_id(conn, source, key)?.is_some())
}

fn alias_id(conn: &Connection, source: SourceId, key: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM source_aliases WHERE source_id = ?1 AND alias_key = ?2")?;
    let mut rows = stmt.query_map(rusqlite::params![source, key], |r| r.get(0))?;
    Ok(rows.next().transpose()?)
}

fn ids_where(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let ids = stmt.query_map(params, |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Sources matching `condition` (over `sources s`), with their aliases,
/// affiliation and claim counts, by name.
fn load(conn: &Connection, condition: &str, params: Vec<SqlValue>) -> Result<Vec<Source>> {
    let sql = format!(
        "SELECT s.id, s.name, s.kind, a.id, a.name, a.kind, s.reliability, s.reliability_rationale,
                s.description, s.created_at, s.updated_at,
                (SELECT count(DISTINCT claim_id) FROM attributions WHERE source_id = s.id), s.uid
         FROM sources s LEFT JOIN sources a ON a.id = s.affiliation_id
         WHERE {condition} ORDER BY s.name_key, s.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(&params), |row| {
        let affiliation = match row.get::<_, Option<SourceId>>(3)? {
            Some(id) => Some(SourceRef { id, name: row.get(4)?, kind: word(row, 5, SourceKind::parse)? }),
            None => None,
        };
        Ok(Source {
            id: row.get(0)?,
            uid: row.get(12)?,
            name: row.get(1)?,
            kind: word(row, 2, SourceKind::parse)?,
            affiliation,
            aliases: Vec::new(),
            reliability: word(row, 6, Reliability::parse)?,
            reliability_rationale: row.get(7)?,
            description: row.get(8)?,
            claims: row.get::<_, i64>(11)? as u64,
            created: Timestamp(row.get(9)?),
            updated: Timestamp(row.get(10)?),
        })
    })?;
    let mut sources = rows.collect::<rusqlite::Result<Vec<_>>>()?;

    let sql = format!(
        "SELECT source_id, alias FROM source_aliases
         WHERE source_id IN (SELECT s.id FROM sources s WHERE {condition}) ORDER BY alias_key"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut aliases: HashMap<SourceId, Vec<String>> = HashMap::new();
    for found in stmt.query_map(params_from_iter(&params), |row| Ok((row.get(0)?, row.get(1)?)))? {
        let (source, alias) = found?;
        aliases.entry(source).or_default().push(alias);
    }
    for source in &mut sources {
        source.aliases = aliases.remove(&source.id).unwrap_or_default();
    }
    Ok(sources)
}
