//! Backups: a consistent single-file copy of the database while Claimdesk
//! may be using it (SQLite's online backup API), and the checks a file must
//! pass before it may replace the database.
//!
//! The checks are those `Store::open` makes (our application id, a schema not
//! newer than this build's) plus a full integrity check, made on the file as
//! offered, read-only, before anything of the data directory is touched.

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimdesk_domain::BackupInfo;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::migrations::{APPLICATION_ID, SCHEMA_VERSION, user_version};
use crate::{Result, StoreError};

/// Copies the database at `database` to `to` as one file, in one read
/// transaction: a consistent state even while another process writes (WAL
/// lets it go on writing meanwhile). The copy is made beside `to` and renamed
/// into place once checked, so a failed backup leaves no half-written file.
pub fn backup_database(database: &Path, to: &Path) -> Result<BackupInfo> {
    let source = open_read_only(database)?;
    verify(&source, database)?;
    let partial = partial_path(to);
    let not_written = |e: StoreError| match e {
        StoreError::Sqlite(e) => StoreError::BackupNotWritten { path: to.display().to_string(), reason: e.to_string() },
        other => other,
    };
    let result = copy(&source, &partial).map_err(not_written).and_then(|()| {
        let info = check_backup(&partial)?;
        std::fs::rename(&partial, to)
            .map_err(|e| StoreError::BackupNotWritten { path: to.display().to_string(), reason: e.to_string() })?;
        Ok(BackupInfo { path: to.display().to_string(), ..info })
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Checks that `path` is a sound Claimdesk database this build can open,
/// without changing it.
pub fn check_backup(path: &Path) -> Result<BackupInfo> {
    if !path.is_file() {
        return Err(unusable(path, "there is no such file"));
    }
    let conn = open_read_only(path)?;
    verify(&conn, path)
}

/// Puts the backup `from` (checked first) in place of the database file
/// `database`. The database it replaces, with its write-ahead log, is kept
/// beside it under a `.before-restore-…` name, which is returned. The caller
/// makes sure no one has the database open.
pub fn replace_database(from: &Path, database: &Path) -> Result<(BackupInfo, Option<PathBuf>)> {
    let info = check_backup(from)?;
    let incoming = partial_path(database);
    let copied = open_read_only(from).and_then(|source| copy(&source, &incoming));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&incoming);
        return Err(e);
    }
    let kept = if database.exists() {
        let stamp =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default();
        let kept = with_suffix(database, &format!(".before-restore-{stamp}"));
        // The log files go with their database, under its new name.
        for suffix in ["-wal", "-shm"] {
            let file = with_suffix(database, suffix);
            if file.exists() {
                std::fs::rename(&file, with_suffix(&kept, suffix)).map_err(|e| io_error(&file, e))?;
            }
        }
        std::fs::rename(database, &kept).map_err(|e| io_error(database, e))?;
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&incoming, database).map_err(|e| io_error(database, e))?;
    Ok((BackupInfo { path: from.display().to_string(), ..info }, kept))
}

fn open_read_only(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| unusable(path, &format!("it cannot be opened as a database ({e})")))?;
    conn.busy_timeout(Duration::from_secs(10))?;
    Ok(conn)
}

/// Copies every page in one step, into a fresh file that ends up in
/// rollback-journal mode: one file, nothing beside it.
fn copy(source: &Connection, to: &Path) -> Result<()> {
    let _ = std::fs::remove_file(to);
    let mut dest = Connection::open(to)?;
    {
        let backup = Backup::new(source, &mut dest)?;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => continue,
                // Busy or locked: another connection holds a lock for a
                // moment; wait and go on.
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
    dest.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Our application id, a schema version this build knows, a sound file.
fn verify(conn: &Connection, path: &Path) -> Result<BackupInfo> {
    let not_database =
        |e: rusqlite::Error| unusable(path, &format!("it is not a SQLite database, or is damaged ({e})"));
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(not_database)?;
    let version = user_version(conn).map_err(|e| unusable(path, &e.to_string()))?;
    if version == 0 && app_id == 0 {
        return Err(unusable(path, "it is an empty database or another program's, not a Claimdesk database"));
    }
    if app_id != APPLICATION_ID {
        return Err(StoreError::NotClaimdesk(app_id));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { found: version, supported: SCHEMA_VERSION });
    }
    let problems: Vec<String> = {
        let mut stmt = conn.prepare("PRAGMA integrity_check(10)").map_err(not_database)?;
        let rows = stmt.query_map([], |row| row.get::<_, String>(0)).map_err(not_database)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(not_database)?
    };
    if problems.iter().any(|line| line != "ok") {
        return Err(unusable(path, &format!("it is damaged ({})", problems.join("; "))));
    }
    let count = |table: &str| -> Result<u64> {
        let sql = format!("SELECT count(*) FROM {table}");
        Ok(conn.query_row(&sql, [], |row| row.get::<_, i64>(0)).map_err(not_database)? as u64)
    };
    let claims_too = version >= 2;
    Ok(BackupInfo {
        path: path.display().to_string(),
        schema_version: version,
        articles: count("articles")?,
        claims: if claims_too { count("claims")? } else { 0 },
        sources: if claims_too { count("sources")? } else { 0 },
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    })
}

fn unusable(path: &Path, reason: &str) -> StoreError {
    StoreError::UnusableBackup { path: path.display().to_string(), reason: reason.to_string() }
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::UnusableBackup { path: path.display().to_string(), reason: format!("the file cannot be written ({e})") }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Where a copy is written before it is renamed into place: the same folder,
/// so the rename is atomic.
fn partial_path(to: &Path) -> PathBuf {
    with_suffix(to, &format!(".partial-{}", std::process::id()))
}
