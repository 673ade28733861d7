//! What an import reports: progress while it runs, a summary when it ends.

use serde::{Deserialize, Serialize};

/// A file (or one record in it) that was skipped, or imported with a caveat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ImportIssue {
    /// The file's path; for a record inside a file, `path:line` or `path#item`.
    pub path: String,
    /// What went wrong, in words a person understands.
    pub error: String,
}

/// Progress of a running import, reported after each file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ImportProgress {
    pub files_done: u64,
    pub files_total: u64,
    pub imported: u64,
    pub duplicates: u64,
    /// Stored articles replaced by a new version (same URL, other text).
    pub updated: u64,
    /// Claims of updated articles that re-anchoring left for review.
    pub needs_review: u64,
    pub failed: u64,
}

/// The outcome of an import. Bad input is reported here, not as an error:
/// one broken file among thousands never stops the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ImportSummary {
    pub imported: u64,
    pub duplicates: u64,
    /// Stored articles replaced by a new version (same URL, other text).
    pub updated: u64,
    /// Claims of updated articles that re-anchoring left for review.
    pub needs_review: u64,
    /// Files or records that could not be imported; `errors` says why.
    pub failed: u64,
    pub errors: Vec<ImportIssue>,
    /// Imported, but with something the analyst should know (replaced bytes, guessed encoding).
    pub warnings: Vec<ImportIssue>,
    /// True when the import was cancelled before every file was read.
    pub cancelled: bool,
}

impl ImportSummary {
    /// Adds the outcome of another import run to this one.
    pub fn absorb(&mut self, other: ImportSummary) {
        self.imported += other.imported;
        self.duplicates += other.duplicates;
        self.updated += other.updated;
        self.needs_review += other.needs_review;
        self.failed += other.failed;
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
        self.cancelled |= other.cancelled;
    }
}

/// Progress of a rebuild or catch-up of the search index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct IndexProgress {
    pub done: u64,
    pub total: u64,
}
