//! The store's error type.

use thiserror::Error;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "the database was written by a newer Claimdesk (schema version {found}, this version knows up to {supported}); upgrade Claimdesk to open it"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("not a Claimdesk database (application id {0:#x})")]
    NotClaimdesk(i32),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A file offered as a backup that cannot be restored; nothing was changed.
    #[error("{path} cannot be restored: {reason}")]
    UnusableBackup { path: String, reason: String },
    /// The backup could not be written where asked; nothing was left there.
    #[error("cannot write the backup {path}: {reason}")]
    BackupNotWritten { path: String, reason: String },
}
