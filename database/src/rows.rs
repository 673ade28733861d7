//! The tables that operations change, and their rows as JSON.
//!
//! An audit row holds a whole table row (every column but `id`) as a JSON
//! object. That one shape lets undo and redo put any row back, and lets a
//! test rebuild every table from the log and compare.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde_json::{Map, Value};

use crate::{Result, StoreError};

/// A row without its id: column name → value.
pub(crate) type Row = Map<String, Value>;

/// `row! { "name": name, "kind": kind.as_str() }`: some columns of a row.
macro_rules! row {
    ($($column:literal: $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut row = $crate::rows::Row::new();
        $(row.insert($column.to_string(), serde_json::json!($value));)*
        row
    }};
}

pub(crate) use row;

/// Reads a column holding one of the domain's words; a word the domain does
/// not know is damage, reported as a conversion error.
pub(crate) fn word<T>(row: &rusqlite::Row<'_>, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown value {text:?}").into(),
        )
    })
}

/// A table whose rows operations write: its name in the audit log (`entity`)
/// and in SQL, and its columns other than `id`.
#[derive(Debug)]
pub(crate) struct Table {
    pub entity: &'static str,
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

pub(crate) const SOURCES: Table = Table {
    entity: "source",
    name: "sources",
    columns: &[
        "name",
        "name_key",
        "kind",
        "affiliation_id",
        "reliability",
        "reliability_rationale",
        "description",
        "created_at",
        "updated_at",
        "uid",
    ],
};

pub(crate) const SOURCE_ALIASES: Table =
    Table { entity: "source_alias", name: "source_aliases", columns: &["source_id", "alias", "alias_key"] };

pub(crate) const CLAIMS: Table = Table {
    entity: "claim",
    name: "claims",
    columns: &[
        "article_id",
        "exact",
        "prefix",
        "suffix",
        "span_start",
        "span_end",
        "kind",
        "status",
        "credibility",
        "note",
        "anchor",
        "created_at",
        "updated_at",
        "uid",
        "review",
    ],
};

pub(crate) const ATTRIBUTIONS: Table = Table {
    entity: "attribution",
    name: "attributions",
    columns: &["claim_id", "position", "source_id", "role", "cue_start", "cue_end", "mention_start", "mention_end"],
};

pub(crate) const CLAIM_LINKS: Table =
    Table { entity: "claim_link", name: "claim_links", columns: &["from_claim", "to_claim", "kind", "created_at"] };

pub(crate) const TAGS: Table = Table { entity: "tag", name: "tags", columns: &["name", "name_key", "colour"] };

pub(crate) const CLAIM_TAGS: Table =
    Table { entity: "claim_tag", name: "claim_tags", columns: &["claim_id", "tag_id"] };

pub(crate) const ARTICLE_TAGS: Table =
    Table { entity: "article_tag", name: "article_tags", columns: &["article_id", "tag_id"] };

pub(crate) const REJECTED_SUGGESTIONS: Table = Table {
    entity: "rejected_suggestion",
    name: "rejected_suggestions",
    columns: &["article_id", "content_hash", "cue_start", "cue_end"],
};

/// Articles, as a new version of one replaces it (an operation). Imports
/// write articles outside operations, with an audit row that leaves the body
/// out (the content hash pins it), so the log alone cannot rebuild this table.
pub(crate) const ARTICLES: Table = Table {
    entity: "article",
    name: "articles",
    columns: &[
        "title",
        "body",
        "outlet",
        "author",
        "url",
        "published",
        "language",
        "content_hash",
        "origin_path",
        "origin_format",
        "origin_record",
        "imported_at",
    ],
};

/// The tables operations write, all of whose changes are operations: the
/// log rebuilds them.
const UNDOABLE: [&Table; 9] = [
    &SOURCES,
    &SOURCE_ALIASES,
    &CLAIMS,
    &ATTRIBUTIONS,
    &CLAIM_LINKS,
    &TAGS,
    &CLAIM_TAGS,
    &ARTICLE_TAGS,
    &REJECTED_SUGGESTIONS,
];

/// The audit log's entity names of the tables whose every change is an
/// operation, for tools that check the log against the tables.
pub fn undoable_entities() -> Vec<(&'static str, &'static str)> {
    UNDOABLE.iter().map(|t| (t.entity, t.name)).collect()
}

pub(crate) fn table_of(entity: &str) -> Result<&'static Table> {
    UNDOABLE
        .iter()
        .copied()
        .chain([&ARTICLES])
        .find(|t| t.entity == entity)
        .ok_or_else(|| StoreError::Corrupt(format!("an operation changed {entity:?}, which cannot be undone")))
}

/// The row `id` of `table`, if there is one.
pub(crate) fn read(conn: &Connection, table: &Table, id: i64) -> Result<Option<Row>> {
    let sql = format!("SELECT {} FROM {} WHERE id = ?1", table.columns.join(", "), table.name);
    let mut stmt = conn.prepare_cached(&sql)?;
    let found = stmt
        .query_row([id], |row| {
            let mut map = Row::new();
            for (i, column) in table.columns.iter().enumerate() {
                map.insert((*column).to_string(), json_of(row.get_ref(i)?));
            }
            Ok(map)
        })
        .optional()?;
    Ok(found)
}

/// Inserts a row with the given columns (the others take their defaults);
/// `id` None lets SQLite pick the next one. Returns the row's id.
pub(crate) fn insert(conn: &Connection, table: &Table, id: Option<i64>, row: &Row) -> Result<i64> {
    let mut columns: Vec<&str> = row.keys().map(String::as_str).collect();
    let mut values: Vec<SqlValue> = row.values().map(sql_of).collect();
    if let Some(id) = id {
        columns.push("id");
        values.push(SqlValue::Integer(id));
    }
    let placeholders = vec!["?"; columns.len()].join(", ");
    let sql = format!("INSERT INTO {} ({}) VALUES ({placeholders})", table.name, columns.join(", "));
    conn.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    Ok(conn.last_insert_rowid())
}

/// Sets the given columns of row `id`.
pub(crate) fn update(conn: &Connection, table: &Table, id: i64, changes: &Row) -> Result<()> {
    let assignments: Vec<String> = changes.keys().map(|c| format!("{c} = ?")).collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?", table.name, assignments.join(", "));
    let values = changes.values().map(sql_of).chain([SqlValue::Integer(id)]);
    conn.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    Ok(())
}

pub(crate) fn delete(conn: &Connection, table: &Table, id: i64) -> Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", table.name))?.execute([id])?;
    Ok(())
}

fn json_of(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        // No table operations write has a BLOB column (they are STRICT).
        ValueRef::Blob(_) => Value::Null,
    }
}

fn sql_of(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}
