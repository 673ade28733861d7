//! The store's story: open, migrate, insert, deduplicate, audit, refuse a newer schema.

use claimdesk_domain::{NewArticle, Origin, SourceFormat, Timestamp};
use claimdesk_store::{SCHEMA_VERSION, Store, StoreError};

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
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    match Store::open(&path) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (future, SCHEMA_VERSION));
        }
        Err(other) => panic!("expected TooNew, got {other}"),
        Ok(_) => panic!("expected TooNew, the newer database was opened"),
    }
    let version: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
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
