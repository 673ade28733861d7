//! Backup and restore of a data directory. Only the database is saved: the
//! indexes are derived from it and rebuilt after a restore.
//!
//! Neither needs a `Desk`: a backup reads the database while the app may be
//! running, and a restore must work when the current database is the thing
//! that is broken.

use std::path::{Path, PathBuf};

use claimdesk_domain::{BackupInfo, IndexProgress};
use claimdesk_search::{SearchError, SearchIndex};

use crate::desk::{CLAIMS_INDEX_DIR, DATABASE_FILE, INDEX_DIR};
use crate::{Desk, DeskError, DeskOptions, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub backup: BackupInfo,
    /// Where the database it replaced was kept, if there was one.
    pub previous: Option<PathBuf>,
    /// Articles in the rebuilt index.
    pub indexed: u64,
}

/// Writes a consistent copy of the data directory's database to `to`, while
/// Claimdesk may be running on it.
pub fn backup(data_dir: &Path, to: &Path) -> Result<BackupInfo> {
    let database = data_dir.join(DATABASE_FILE);
    if !database.is_file() {
        return Err(DeskError::DataDir {
            path: data_dir.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "there is no Claimdesk database in it"),
        });
    }
    Ok(claimdesk_store::backup_database(&database, to)?)
}

/// Replaces the data directory's database with the backup `from` and rebuilds
/// the indexes. The backup is checked first (a Claimdesk database, sound, not
/// newer than this version); a file that fails leaves the directory as it
/// was. The replaced database is kept beside the new one.
pub fn restore(data_dir: &Path, from: &Path, progress: &mut dyn FnMut(IndexProgress)) -> Result<Restored> {
    claimdesk_store::check_backup(from)?;
    std::fs::create_dir_all(data_dir)
        .map_err(|source| DeskError::DataDir { path: data_dir.display().to_string(), source })?;
    let (backup, previous) = {
        // The index writer's lock is what tells another Claimdesk on the
        // directory: holding it, no one else has the database open for writing.
        let _lock = SearchIndex::open(&data_dir.join(INDEX_DIR), DeskOptions::default().writer_heap_bytes).map_err(
            |e| match e {
                SearchError::Locked => DeskError::DataDirInUse(data_dir.display().to_string()),
                other => other.into(),
            },
        )?;
        claimdesk_store::replace_database(from, &data_dir.join(DATABASE_FILE))?
    };
    // The indexes follow the old database's change sequence: drop them, and
    // opening the desk builds them again from the restored one.
    for dir in [INDEX_DIR, CLAIMS_INDEX_DIR] {
        let dir = data_dir.join(dir);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .map_err(|source| DeskError::DataDir { path: dir.display().to_string(), source })?;
        }
    }
    let desk = Desk::open_with(data_dir, &DeskOptions::default(), progress)?;
    let indexed = desk.stats()?.indexed_documents;
    Ok(Restored { backup, previous, indexed })
}
