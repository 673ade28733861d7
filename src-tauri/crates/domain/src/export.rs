//! Exports of claims: the formats, and what the window asks and is told.

use serde::{Deserialize, Serialize};

use crate::keyword::keywords;

keywords! {
    /// A format claims leave Claimdesk in (see docs/export-formats.md).
    ExportFormat {
        /// W3C Web Annotation collection (JSON-LD).
        W3c = "w3c",
        /// One row per claim.
        Csv = "csv",
        /// One row per source.
        SourcesCsv = "sources_csv",
        /// The brief, in Markdown.
        Markdown = "markdown",
        /// The brief, as one self-contained HTML page.
        Html = "html",
        /// schema.org ClaimReview (JSON-LD) for the claims with a verdict.
        ClaimReview = "claimreview",
    }
}

/// An export to a file: the format, the selection (every field given
/// narrows it), and where to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// Claims in the articles this search matches.
    #[ts(optional = nullable)]
    pub query: Option<String>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Claims this source (a name or an alias) made or relayed.
    #[ts(optional = nullable)]
    pub source: Option<String>,
    /// The file to write; it appears only once the export is whole.
    pub path: String,
}

/// Records (claims, sources or reviews) written so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportProgress {
    pub written: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportSummary {
    pub written: u64,
    pub path: String,
}
