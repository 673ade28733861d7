//! Counts, sizes and versions of a data directory.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Stats {
    pub articles: u64,
    pub audit_entries: u64,
    pub indexed_documents: u64,
    pub database_bytes: u64,
    pub index_bytes: u64,
    pub database_schema_version: u32,
    pub index_schema_version: u32,
    pub app_version: String,
    pub data_dir: String,
}

/// The outcome of `check`: is the database sound, and does the index hold
/// exactly the stored articles?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CheckReport {
    pub articles: u64,
    pub indexed_documents: u64,
    /// Empty when all is well; otherwise one sentence per problem.
    pub problems: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}
