//! Operations: each action of the analyst is one transaction that writes one
//! `operations` row and one audit row per changed row. Undo and redo are
//! operations too, written as the inverse of an earlier one's rows; history is
//! never rewritten. The migration `0002_claims_sources_and_operations.sql`
//! explains how the undo and redo stacks are kept.

use claimdesk_domain::{History, Operation, OperationId, OperationKind, Timestamp};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::Value;

use crate::audit::{self, NewEntry};
use crate::rows::{self, Row, Table};
use crate::{Result, Store, StoreError};

/// Who does what: the actor and the words for the action, shown by undo.
#[derive(Debug, Clone)]
pub struct Action<'a> {
    pub actor: &'a str,
    pub label: String,
}

/// An operation being written: every row change goes through here and gets
/// its audit row in the same transaction.
pub(crate) struct OpTx<'c> {
    pub tx: Transaction<'c>,
    id: OperationId,
    at_ms: i64,
    actor: String,
    changes: u64,
}

impl OpTx<'_> {
    /// Seconds since the epoch at which the operation happens, for
    /// `created_at`/`updated_at` columns.
    pub fn now(&self) -> i64 {
        self.at_ms / 1000
    }

    pub fn row(&self, table: &Table, id: i64) -> Result<Option<Row>> {
        rows::read(&self.tx, table, id)
    }

    pub fn insert(&mut self, table: &Table, row: Row) -> Result<i64> {
        let id = rows::insert(&self.tx, table, None, &row)?;
        let after = rows::read(&self.tx, table, id)?;
        self.log(table, id, None, after.as_ref(), None)?;
        Ok(id)
    }

    /// Whether setting `changes` would change row `id`.
    pub fn differs(&self, table: &Table, id: i64, changes: &Row) -> Result<bool> {
        let current = self.existing(table, id)?;
        Ok(changes.iter().any(|(column, value)| current.get(column) != Some(value)))
    }

    /// Sets the given columns; writes nothing (and returns false) when they
    /// already hold those values.
    pub fn update(&mut self, table: &Table, id: i64, changes: Row) -> Result<bool> {
        let before = self.existing(table, id)?;
        if changes.iter().all(|(column, value)| before.get(column) == Some(value)) {
            return Ok(false);
        }
        rows::update(&self.tx, table, id, &changes)?;
        let after = rows::read(&self.tx, table, id)?;
        self.log(table, id, Some(&before), after.as_ref(), None)?;
        Ok(true)
    }

    /// Like `update`, also setting `updated_at` when something changes (or
    /// when `parts_changed`: rows that belong to this one changed).
    pub fn update_stamped(&mut self, table: &Table, id: i64, mut changes: Row, parts_changed: bool) -> Result<bool> {
        if !parts_changed && !self.differs(table, id, &changes)? {
            return Ok(false);
        }
        changes.insert("updated_at".into(), self.now().into());
        self.update(table, id, changes)
    }

    pub fn delete(&mut self, table: &Table, id: i64) -> Result<()> {
        let before = self.existing(table, id)?;
        rows::delete(&self.tx, table, id)?;
        self.log(table, id, Some(&before), None, None)
    }

    fn existing(&self, table: &Table, id: i64) -> Result<Row> {
        self.row(table, id)?.ok_or_else(|| StoreError::Corrupt(format!("no {} with id {id}", table.entity)))
    }

    /// Reverses one audit row of an earlier operation: the row must still be
    /// as that entry left it (`after`), and goes back to `before`.
    fn reverse(&mut self, entry: &LoggedChange) -> Result<()> {
        let table = rows::table_of(&entry.entity)?;
        let current = rows::read(&self.tx, table, entry.entity_id)?;
        if !still_as_left(current.as_ref(), entry.after.as_ref()) {
            return Err(StoreError::Corrupt(format!(
                "cannot reverse change {}: {} {} was changed outside Claimdesk's history",
                entry.seq, table.entity, entry.entity_id
            )));
        }
        match (&current, &entry.before) {
            (None, None) => {}
            (None, Some(before)) => {
                rows::insert(&self.tx, table, Some(entry.entity_id), before)?;
            }
            (Some(_), None) => rows::delete(&self.tx, table, entry.entity_id)?,
            (Some(_), Some(before)) => rows::update(&self.tx, table, entry.entity_id, before)?,
        }
        self.log(table, entry.entity_id, current.as_ref(), entry.before.as_ref(), Some(entry.seq))
    }

    fn log(
        &mut self,
        table: &Table,
        id: i64,
        before: Option<&Row>,
        after: Option<&Row>,
        reverses: Option<i64>,
    ) -> Result<()> {
        let action = match (before, after) {
            (None, _) => "create",
            (Some(_), None) => "delete",
            (Some(_), Some(_)) => "update",
        };
        let before = before.map(|r| Value::Object(r.clone()));
        let after = after.map(|r| Value::Object(r.clone()));
        let entry = NewEntry {
            actor: &self.actor,
            entity: table.entity,
            entity_id: id,
            action,
            before: before.as_ref(),
            after: after.as_ref(),
            operation: Some(self.id),
            reverses,
        };
        audit::append(&self.tx, self.at_ms, &entry)?;
        self.changes += 1;
        Ok(())
    }
}

/// Whether a row is as an audit entry left it. Columns added by later
/// migrations are missing from older entries' JSON; they are not compared.
fn still_as_left(current: Option<&Row>, after: Option<&Row>) -> bool {
    match (current, after) {
        (None, None) => true,
        (Some(current), Some(after)) => after.iter().all(|(column, value)| current.get(column) == Some(value)),
        _ => false,
    }
}

/// One audit row of an operation, as needed to reverse it.
struct LoggedChange {
    seq: i64,
    entity: String,
    entity_id: i64,
    before: Option<Row>,
    after: Option<Row>,
}

/// What an operation does: an edit, or the reversal of an earlier operation
/// (undo reverses an edit or a redo; redo reverses an undo).
#[derive(Debug, Clone, Copy)]
enum Step {
    Edit,
    Undo(OperationId),
    Redo(OperationId),
}

/// The undo and redo stacks as the newest operation left them.
#[derive(Default)]
struct Stacks {
    undo_next: Option<OperationId>,
    redo_next: Option<OperationId>,
}

impl Store {
    /// Runs `f` as one operation: one transaction, one `operations` row, an
    /// audit row per changed row. An operation that changes nothing is rolled
    /// back and leaves no trace (so it never lands on the undo stack);
    /// the operation's id is then None.
    pub(crate) fn operation<T>(
        &self,
        action: &Action<'_>,
        f: impl FnOnce(&mut OpTx<'_>) -> Result<T>,
    ) -> Result<(T, Option<OperationId>)> {
        self.write(|conn| {
            let mut op = start(lock(conn)?, action, Step::Edit)?;
            let value = f(&mut op)?;
            let id = finish(op)?;
            Ok((value, id))
        })
    }

    /// Undoes the newest operation not yet undone; returns the undo written,
    /// or None when there is nothing to undo.
    pub fn undo(&self, actor: &str) -> Result<Option<Operation>> {
        self.reverse_next(actor, |stacks| stacks.undo_next, Step::Undo)
    }

    /// Redoes the newest undo, unless an edit came after it; returns the redo
    /// written, or None when there is nothing to redo.
    pub fn redo(&self, actor: &str) -> Result<Option<Operation>> {
        self.reverse_next(actor, |stacks| stacks.redo_next, Step::Redo)
    }

    /// Reverses the operation `pick` finds on the current stacks, if any, as
    /// the `step` (undo or redo) of it.
    fn reverse_next(
        &self,
        actor: &str,
        pick: fn(&Stacks) -> Option<OperationId>,
        step: fn(OperationId) -> Step,
    ) -> Result<Option<Operation>> {
        let written = self.write(|conn| {
            let tx = lock(conn)?;
            let Some(target) = pick(&stacks_after(&tx, None)?) else {
                return Ok(None);
            };
            let label = operation(&tx, target)?.label;
            let mut op = start(tx, &Action { actor, label }, step(target))?;
            for change in logged_changes(&op.tx, target)?.iter().rev() {
                op.reverse(change)?;
            }
            finish(op)
        })?;
        written.map(|id| self.read(|conn| operation(conn, id))).transpose()
    }

    /// What undo and redo would reverse now, and the `recent` newest operations.
    pub fn history(&self, recent: usize) -> Result<History> {
        self.read(|conn| {
            let stacks = stacks_after(conn, None)?;
            let undo = stacks.undo_next.map(|id| operation(conn, id)).transpose()?;
            let redo = stacks.redo_next.map(|id| operation(conn, id)).transpose()?;
            let mut stmt = conn.prepare_cached("SELECT id FROM operations ORDER BY id DESC LIMIT ?1")?;
            let ids = stmt.query_map([recent as i64], |row| row.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
            let recent = ids.into_iter().map(|id| operation(conn, id)).collect::<Result<_>>()?;
            Ok(History { undo, redo, recent })
        })
    }
}

/// Takes the write lock: IMMEDIATE, so that the stacks read next cannot
/// change before the operation is written.
fn lock(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Writes the operation's row, with the stacks as they will be once it is
/// done (see the migration for why these are the right ones).
fn start<'c>(tx: Transaction<'c>, action: &Action<'_>, step: Step) -> Result<OpTx<'c>> {
    // Operations are never deleted, so max + 1 is never an id used before.
    let id: OperationId = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM operations", [], |row| row.get(0))?;
    let (kind, reverses, stacks) = match step {
        Step::Edit => (OperationKind::Edit, None, Stacks { undo_next: Some(id), redo_next: None }),
        Step::Undo(target) => {
            let undo_next = stacks_after(&tx, Some(target))?.undo_next;
            (OperationKind::Undo, Some(target), Stacks { undo_next, redo_next: Some(id) })
        }
        Step::Redo(undo) => {
            let redo_next = stacks_after(&tx, Some(undo))?.redo_next;
            (OperationKind::Redo, Some(undo), Stacks { undo_next: Some(id), redo_next })
        }
    };
    let at_ms = audit::now_ms();
    tx.prepare_cached(
        "INSERT INTO operations (id, at, actor, label, kind, reverses, undo_next, redo_next)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        at_ms,
        action.actor,
        action.label,
        kind.as_str(),
        reverses,
        stacks.undo_next,
        stacks.redo_next
    ])?;
    Ok(OpTx { tx, id, at_ms, actor: action.actor.to_string(), changes: 0 })
}

/// Commits an operation that changed something; rolls back one that did not.
fn finish(op: OpTx<'_>) -> Result<Option<OperationId>> {
    if op.changes == 0 {
        op.tx.rollback()?;
        return Ok(None);
    }
    op.tx.commit()?;
    Ok(Some(op.id))
}

/// The stacks after the newest operation older than `before` (after the
/// newest of all when None): empty at the start of history.
fn stacks_after(conn: &Connection, before: Option<OperationId>) -> Result<Stacks> {
    let found = conn
        .prepare_cached("SELECT undo_next, redo_next FROM operations WHERE id < ?1 ORDER BY id DESC LIMIT 1")?
        .query_row([before.unwrap_or(i64::MAX)], |row| Ok(Stacks { undo_next: row.get(0)?, redo_next: row.get(1)? }))
        .optional()?;
    Ok(found.unwrap_or_default())
}

fn operation(conn: &Connection, id: OperationId) -> Result<Operation> {
    let found = conn
        .prepare_cached(
            "SELECT o.at, o.actor, o.label, o.kind, o.reverses,
                    (SELECT count(*) FROM audit_log a WHERE a.operation = o.id)
             FROM operations o WHERE o.id = ?1",
        )?
        .query_row([id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, Option<i64>>(4)?,
                row.get::<_, i64>(5)?,
            ))
        })
        .optional()?;
    let Some((at_ms, actor, label, kind, reverses, changes)) = found else {
        return Err(StoreError::Corrupt(format!("operation {id} is missing")));
    };
    let kind =
        OperationKind::parse(&kind).ok_or_else(|| StoreError::Corrupt(format!("unknown operation kind {kind:?}")))?;
    Ok(Operation { id, at: Timestamp(at_ms / 1000), actor, label, kind, reverses, changes: changes as u64 })
}

/// The audit rows an operation wrote, oldest first.
fn logged_changes(conn: &Connection, operation: OperationId) -> Result<Vec<LoggedChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, entity, entity_id, before, after FROM audit_log WHERE operation = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([operation], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get::<_, Option<String>>(3)?, row.get::<_, Option<String>>(4)?))
    })?;
    let mut changes = Vec::new();
    for found in rows {
        let (seq, entity, entity_id, before, after) = found?;
        changes.push(LoggedChange { seq, entity, entity_id, before: parse_row(before)?, after: parse_row(after)? });
    }
    Ok(changes)
}

fn parse_row(text: Option<String>) -> Result<Option<Row>> {
    let Some(text) = text else { return Ok(None) };
    match serde_json::from_str(&text) {
        Ok(Value::Object(row)) => Ok(Some(row)),
        _ => Err(StoreError::Corrupt(format!("an audit row holds {text:?}, not a row"))),
    }
}
