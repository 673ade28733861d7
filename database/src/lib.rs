//! SQLite storage for Claimdesk: the source of truth.
//!
//! Everything the analyst has is here; the search index is derived from it.
//! Every change is written together with its `audit_log` row in one
//! transaction, and the audit row's id is the change sequence number that the
//! index follows to catch up after a crash. The analyst's edits (claims,
//! sources, tags) are *operations*: one transaction each, whose audit rows
//! undo and redo reverse (`operations.rs`). No rusqlite type leaves this crate.

mod articles;
mod audit;
mod backup;
mod by_key;
mod claim_pages;
mod claims;
mod error;
mod links;
mod migrations;
mod names;
mod operations;
mod pool;
mod rows;
mod sources;
mod suggestions;
mod tags;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use articles::{ChangedArticle, HitText, InsertOutcome, InsertedArticle, Reanchored};
pub use audit::{AuditEntry, Change};
pub use backup::{backup_database, check_backup, replace_database};
pub use error::{Result, StoreError};
pub use migrations::SCHEMA_VERSION;
pub use names::lookup_key;
pub use operations::Action;
pub use rows::undoable_entities;
pub use suggestions::SourceChoice;

use pool::ReaderPool;

/// The Claimdesk database. One writer connection, a small pool of readers
/// (WAL mode lets reads run while an import writes).
pub struct Store {
    path: PathBuf,
    writer: std::sync::Mutex<Connection>,
    readers: ReaderPool,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    /// A database written by a newer Claimdesk is refused, never touched.
    pub fn open(path: &Path) -> Result<Store> {
        let mut writer = Connection::open(path)?;
        configure(&writer)?;
        // Imports write hundreds of megabytes: a bigger page cache and fewer,
        // larger WAL checkpoints cut the writer's CPU time by a quarter.
        writer.pragma_update(None, "cache_size", -32 * 1024)?;
        writer.pragma_update(None, "wal_autocheckpoint", 16 * 1024)?;
        // The analyst's edits cannot be made again from any file: each is
        // synced to disk before it counts as saved, so even a power cut
        // keeps it. Imports switch this off for their own transactions.
        writer.pragma_update(None, "synchronous", "FULL")?;
        migrations::migrate(&mut writer)?;
        Ok(Store {
            path: path.to_path_buf(),
            writer: std::sync::Mutex::new(writer),
            readers: ReaderPool::new(path.to_path_buf()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Size of the database file and its write-ahead log, in bytes.
    pub fn size_bytes(&self) -> u64 {
        let file_len = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        file_len(self.path.clone()) + file_len(wal.into())
    }

    pub fn schema_version(&self) -> Result<u32> {
        self.read(migrations::user_version)
    }

    /// Folds the write-ahead log back into the database file, after a long
    /// import, so readers do not wade through a large log.
    pub fn checkpoint(&self) -> Result<()> {
        self.write(|conn| {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            Ok(())
        })
    }

    /// What `PRAGMA integrity_check` finds wrong; empty when the file is sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        self.read(|conn| {
            let mut stmt = conn.prepare("PRAGMA integrity_check")?;
            let rows = stmt.query_map([], |row| row.get::<_, String>(0))?;
            let found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(found.into_iter().filter(|line| line != "ok").collect())
        })
    }

    fn write<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut conn)
    }

    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.readers.with(|conn| f(conn))
    }
}

/// Settings every connection gets. WAL with `synchronous = NORMAL` survives a
/// killed process without losing committed transactions; only a power cut can
/// lose the last ones, never corrupt the file. (The writer raises this to
/// `FULL` for the analyst's edits: see `Store::open`.)
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
