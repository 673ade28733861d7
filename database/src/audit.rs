//! The append-only audit log: who changed what, when, from what to what.
//!
//! Rows are only ever inserted (triggers refuse UPDATE and DELETE). The row id
//! doubles as the change sequence that derived data (the search index) follows.

use rusqlite::{Connection, Transaction, params};
use serde_json::Value;

use crate::{Result, Store};

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub seq: i64,
    /// Milliseconds since the Unix epoch, UTC.
    pub at_ms: i64,
    pub actor: String,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The operation that wrote it; None for imports.
    pub operation: Option<i64>,
    /// For undo and redo, the audit row it reverses.
    pub reverses: Option<i64>,
}

/// A change to follow: which entity changed, at which sequence number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub entity: String,
    pub entity_id: i64,
    /// Whether an operation of the analyst (or its undo) made it; imports
    /// are not operations.
    pub by_operation: bool,
}

pub(crate) struct NewEntry<'a> {
    pub actor: &'a str,
    pub entity: &'a str,
    pub entity_id: i64,
    pub action: &'a str,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
    /// The operation that wrote it; None for imports, which are not undoable.
    pub operation: Option<i64>,
    /// For undo and redo, the audit row it reverses.
    pub reverses: Option<i64>,
}

/// Appends one entry inside the caller's transaction and returns its sequence number.
pub(crate) fn append(tx: &Transaction<'_>, at_ms: i64, entry: &NewEntry<'_>) -> Result<i64> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after, operation, reverses)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    stmt.execute(params![
        at_ms,
        entry.actor,
        entry.entity,
        entry.entity_id,
        entry.action,
        entry.before.map(Value::to_string),
        entry.after.map(Value::to_string),
        entry.operation,
        entry.reverses,
    ])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

impl Store {
    /// The newest change sequence number, 0 for an empty database.
    pub fn last_change_seq(&self) -> Result<i64> {
        self.read(last_seq)
    }

    /// Changes after `seq`, oldest first, at most `limit`.
    pub fn changes_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, entity, entity_id, operation IS NOT NULL FROM audit_log WHERE id > ?1 ORDER BY id LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![seq, limit as i64], |row| {
                Ok(Change { seq: row.get(0)?, entity: row.get(1)?, entity_id: row.get(2)?, by_operation: row.get(3)? })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    pub fn audit_entry_count(&self) -> Result<u64> {
        self.read(|conn| Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |row| row.get::<_, i64>(0))? as u64))
    }

    /// Every audit entry of one entity, oldest first.
    pub fn audit_entries_for(&self, entity: &str, entity_id: i64) -> Result<Vec<AuditEntry>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, at, actor, entity, entity_id, action, before, after, operation, reverses
                 FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
            )?;
            let rows = stmt.query_map(params![entity, entity_id], |row| {
                let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
                Ok(AuditEntry {
                    seq: row.get(0)?,
                    at_ms: row.get(1)?,
                    actor: row.get(2)?,
                    entity: row.get(3)?,
                    entity_id: row.get(4)?,
                    action: row.get(5)?,
                    before: json(row.get(6)?),
                    after: json(row.get(7)?),
                    operation: row.get(8)?,
                    reverses: row.get(9)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}

fn last_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |row| row.get(0))?)
}
