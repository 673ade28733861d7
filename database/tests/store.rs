//! The store's story: open, migrate, insert, deduplicate, audit, refuse a
//! newer schema, upgrade an older one, and undo at the level of rows.

use claimdesk_domain::{NewArticle, NewSource, OperationKind, Origin, SourceFormat, SourceKind, Timestamp};
use claimdesk_store::{Action, SCHEMA_VERSION, Store, StoreError, lookup_key};

fn article(title: &str, body: &str) -> NewArticle {
    NewArticle {
        title: title.into(),
        body: body.into(),
        outlet: Some("Harbour Times".into()),
        author: None,
        url: None,
        published: Timestamp::from_date(2024, 5, 1),
        language: Some("en".into()),
        content_hash: format!("hash-of-{title}-{body}"),
        origin: Origin { path: format!("{title}.txt"), format: SourceFormat::Text, record: None },
    }
}

#[test]
fn insert_read_deduplicate_and_audit() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.last_change_seq().unwrap(), 0);

    let batch = vec![article("a", "one"), article("b", "two"), article("a", "one")];
    let outcome = store.insert_articles(&batch, "test").unwrap();
    assert_eq!(outcome.inserted.len(), 2);
    assert_eq!(outcome.duplicates, vec![2]);
    assert_eq!(store.article_count().unwrap(), 2);
    assert_eq!(store.audit_entry_count().unwrap(), 2);
    assert_eq!(outcome.last_seq, store.last_change_seq().unwrap());

    let again = store.insert_articles(&batch[..1], "test").unwrap();
    assert!(again.inserted.is_empty());
    assert_eq!(again.duplicates, vec![0]);

    let id = outcome.inserted[1].id;
    let stored = store.article(id).unwrap().unwrap();
    assert_eq!(stored.title, "b");
    assert_eq!(stored.published, Timestamp::from_date(2024, 5, 1));
    let log = store.audit_entries_for("article", id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "create");
    assert_eq!(log[0].after.as_ref().unwrap()["title"], "b");

    let changes = store.changes_since(0, 10).unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(store.changes_since(changes[0].seq, 10).unwrap().len(), 1);
    assert_eq!(store.articles_after(0, 1).unwrap().len(), 1);
    assert_eq!(store.article_ids().unwrap().len(), 2);
}

#[test]
fn audit_log_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let store = Store::open(&path).unwrap();
    store.insert_articles(&[article("a", "one")], "test").unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let update = conn.execute("UPDATE audit_log SET actor = 'mallory'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM audit_log", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    drop(Store::open(&path).unwrap());
    let future = SCHEMA_VERSION + 5;
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", future).unwrap();
    match Store::open(&path) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (future, SCHEMA_VERSION));
        }
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("expected TooNew, the newer database was opened"),
    }
    let version: u32 =
        rusqlite::Connection::open(&path).unwrap().pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
    assert_eq!(version, future);
}

#[test]
fn a_foreign_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;").unwrap();
    drop(conn);
    assert!(matches!(Store::open(&path), Err(StoreError::NotClaimdesk(0))));
}

/// A database written by the first release (schema 1) gains the claim tables
/// and operations on open, keeping its articles and their audit rows.
#[test]
fn a_schema_1_database_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../migrations/0001_articles_and_audit_log.sql")).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO articles (title, body, content_hash, origin_path, origin_format, imported_at)
             VALUES ('Old', 'An old body.', 'h1', 'old.txt', 'text', 1700000000);
         INSERT INTO audit_log (at, actor, entity, entity_id, action, after)
             VALUES (1700000000000, 'import', 'article', 1, 'create', '{\"title\":\"Old\"}');",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.article(1).unwrap().unwrap().title, "Old");
    let log = store.audit_entries_for("article", 1).unwrap();
    assert_eq!((log.len(), log[0].operation, log[0].reverses), (1, None, None));
    assert!(store.sources().unwrap().is_empty());
    assert!(store.history(10).unwrap().undo.is_none(), "imports are not undoable operations");
}

#[test]
fn operations_are_append_only_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let store = Store::open(&path).unwrap();
    let action = Action { actor: "test", label: "Add source “Kreel”".into() };
    store.create_source(&NewSource::named("Kreel", SourceKind::Person), &action).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let update = conn.execute("UPDATE operations SET label = 'forged'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM operations", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

/// The store's side of undo: rows go back to their `before` state under their
/// own ids, written as new audit rows that say which row they reverse.
#[test]
fn undo_and_redo_write_reversing_audit_rows() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let action = |label: &str| Action { actor: "test", label: label.into() };
    let mut new = NewSource::named("Dmitry Peskov", SourceKind::Person);
    new.aliases = vec!["Peskov".into(), "  PESKOV ".into(), "Kremlin spokesman".into()];
    let id = store.create_source(&new, &action("add")).unwrap();
    assert_eq!(store.source(id).unwrap().unwrap().aliases, ["Kremlin spokesman", "Peskov"], "folded duplicates once");
    assert_eq!(store.find_sources("peskóv").unwrap()[0].id, id);
    assert_eq!(lookup_key("  Dmítry \t PESKOV "), "dmitry peskov");

    let undone = store.undo("test").unwrap().unwrap();
    assert_eq!((undone.kind, undone.label.as_str(), undone.changes), (OperationKind::Undo, "add", 3));
    assert!(store.source(id).unwrap().is_none());
    let log = store.audit_entries_for("source", id).unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["create", "delete"]);
    assert_eq!(log[1].reverses, Some(log[0].seq));
    assert_eq!(log[1].operation, Some(undone.id));
    assert!(store.undo("test").unwrap().is_none(), "nothing left to undo");

    let redone = store.redo("test").unwrap().unwrap();
    assert_eq!((redone.kind, redone.reverses), (OperationKind::Redo, Some(undone.id)));
    assert_eq!(store.source(id).unwrap().unwrap().aliases.len(), 2, "back under the same id");
    assert!(store.redo("test").unwrap().is_none());
}
