//! Backup while the desk is open, restore into another directory, and
//! restores refused (truncated, foreign, newer, directory in use) with the
//! data directory left as it was.

mod support;

use std::path::Path;

use claimdesk_core::domain::{ClaimFilter, SearchRequest, SourceKind};
use claimdesk_core::{Desk, DeskError};
use support::*;

/// A desk with two sources and two claims, and its directory.
fn recorded() -> (tempfile::TempDir, Desk) {
    let (dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel"]);
    let arveny = source(&desk, "Tomas Arveny", SourceKind::Person, &[]);
    claim(&desk, leak, "a fabrication circulated by people who want the talks to fail", vec![speaker(kreel.id)]);
    claim(&desk, leak, "authentic, and in some respects generous to the government", vec![speaker(arveny.id)]);
    (dir, desk)
}

fn database(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("claimdesk.sqlite3")).unwrap()
}

#[test]
fn a_backup_taken_while_the_desk_is_open_restores_to_the_same_state() {
    let (dir, desk) = recorded();
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("desk.backup");
    // The desk stays open, as the app would be.
    let info = claimdesk_core::backup(dir.path(), &file).unwrap();
    assert_eq!((info.articles, info.claims, info.sources), (35, 2, 2));
    let names: Vec<_> = std::fs::read_dir(backups.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["desk.backup"], "one file, no log or partial file beside it");

    let elsewhere = tempfile::tempdir().unwrap();
    let restored = claimdesk_core::restore(elsewhere.path(), &file, &mut |_| {}).unwrap();
    assert_eq!(restored.indexed, 35);
    assert_eq!(restored.previous, None, "there was nothing to replace");
    let copy = Desk::open(elsewhere.path()).unwrap();
    assert_eq!(copy.claims(&ClaimFilter::default()).unwrap(), desk.claims(&ClaimFilter::default()).unwrap());
    assert_eq!(copy.sources().unwrap(), desk.sources().unwrap());
    assert_eq!(copy.search(&SearchRequest::new("Ruskavel")).unwrap().total, 1, "the index was rebuilt");
    assert!(copy.check().unwrap().is_ok());
}

#[test]
fn a_restore_replaces_the_database_and_keeps_the_old_one_beside_it() {
    let (dir, desk) = recorded();
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("before.backup");
    claimdesk_core::backup(dir.path(), &file).unwrap();
    let leak = article_with(&desk, "Ruskavel");
    claim(&desk, leak, "nothing is agreed until everything is agreed", Vec::new());
    drop(desk);

    let restored = claimdesk_core::restore(dir.path(), &file, &mut |_| {}).unwrap();
    let kept = restored.previous.expect("the replaced database is kept");
    assert!(kept.starts_with(dir.path()) && kept.is_file());
    let desk = Desk::open(dir.path()).unwrap();
    assert_eq!(desk.claims(&ClaimFilter::default()).unwrap().len(), 2, "the claim made after the backup is gone");
}

#[test]
fn bad_backups_are_refused_and_the_data_stays_as_it_was() {
    let (dir, desk) = recorded();
    drop(desk);
    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("good.backup");
    claimdesk_core::backup(dir.path(), &good).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    let truncated = files.path().join("truncated.backup");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let foreign = files.path().join("notes.txt");
    std::fs::write(&foreign, "These are my notes, not a database.\n".repeat(200)).unwrap();
    let other_app = files.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&other_app).unwrap();
    conn.execute_batch("PRAGMA application_id = 1234; PRAGMA user_version = 1; CREATE TABLE t (x);").unwrap();
    drop(conn);
    let newer = files.path().join("newer.backup");
    std::fs::write(&newer, &bytes).unwrap();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let missing = files.path().join("missing.backup");

    let before = database(dir.path());
    let cases: [(&Path, &str); 5] = [
        (&truncated, "unusable_backup"),
        (&foreign, "unusable_backup"),
        (&other_app, "not_a_claimdesk_database"),
        (&newer, "database_too_new"),
        (&missing, "unusable_backup"),
    ];
    for (file, code) in cases {
        let error = claimdesk_core::restore(dir.path(), file, &mut |_| {}).unwrap_err();
        assert_eq!(error.code(), code, "{}: {error}", file.display());
        assert!(error.is_user_error());
        assert_eq!(database(dir.path()), before, "{}: the database is untouched", file.display());
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!names.iter().any(|n| n.to_string_lossy().contains("before-restore")), "{names:?}");
    let desk = Desk::open(dir.path()).unwrap();
    assert_eq!(desk.claims(&ClaimFilter::default()).unwrap().len(), 2);
}

#[test]
fn a_restore_is_refused_while_another_desk_has_the_directory() {
    let (dir, desk) = recorded();
    let backups = tempfile::tempdir().unwrap();
    let file = backups.path().join("in-use.backup");
    claimdesk_core::backup(dir.path(), &file).unwrap();
    let before = database(dir.path());
    let error = claimdesk_core::restore(dir.path(), &file, &mut |_| {}).unwrap_err();
    assert!(matches!(error, DeskError::DataDirInUse(_)), "{error}");
    assert_eq!(database(dir.path()), before);
    drop(desk);
}
