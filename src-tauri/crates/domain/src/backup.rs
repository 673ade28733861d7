//! What a backup file holds, as its checks found it.

use serde::{Deserialize, Serialize};

/// A Claimdesk database file that passed the checks a backup must pass
/// (ours, sound, not newer than this version), and what is in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    pub path: String,
    pub schema_version: u32,
    pub articles: u64,
    pub claims: u64,
    pub sources: u64,
    pub bytes: u64,
}
