//! Claims leaving Claimdesk in standard formats: W3C Web Annotation
//! (JSON-LD), CSV, a readable brief (Markdown or HTML) and schema.org
//! ClaimReview.
//!
//! Every export reads the selection a page at a time through the core API
//! and writes as it reads, to any `io::Write`: memory stays flat however many
//! claims there are. The crate knows only the core's API and the domain types.

mod annotation_import;
mod brief;
mod claim_review;
mod error;
mod lookups;
mod selection;
mod tables;
mod w3c;
mod words;

use std::io::Write;

use claimdesk_core::Desk;

pub use annotation_import::{AnnotationReport, ImportReport, Outcome, import_annotations};
pub use claim_review::rating;
pub use error::{InteropError, Result};
pub use selection::Selection;
pub use tables::{CLAIM_COLUMNS, LIST_SEPARATOR, SOURCE_COLUMNS, chain_entry};
pub use w3c::{ANNO_CONTEXT, CLAIMDESK_NS, context};

use lookups::Lookups;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// W3C Web Annotation collection (JSON-LD).
    W3c,
    /// One row per claim.
    Csv,
    /// One row per source.
    SourcesCsv,
    Markdown,
    Html,
    /// schema.org ClaimReview (JSON-LD) for claims with a verdict.
    ClaimReview,
}

impl Format {
    pub const ALL: [Format; 6] =
        [Format::W3c, Format::Csv, Format::SourcesCsv, Format::Markdown, Format::Html, Format::ClaimReview];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
            Format::Csv => "csv",
            Format::SourcesCsv => "sources-csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::ClaimReview => "claimreview",
        }
    }

    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::W3c | Format::ClaimReview => "jsonld",
            Format::Csv | Format::SourcesCsv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Who made the annotations and reviews (`creator`, `author`).
    pub creator: String,
    /// Annotations per `AnnotationPage` of a W3C export.
    pub page_size: usize,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { creator: "Claimdesk analyst".to_string(), page_size: 500 }
    }
}

/// Writes `selection` in `format` to `out`, calling `progress` with the
/// number of records written so far; returns that number (claims, sources
/// or reviews). An unknown source or a bad query fails before anything is
/// written.
pub fn export(
    desk: &Desk,
    format: Format,
    selection: &Selection,
    options: &ExportOptions,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let mut lookups = Lookups::new(desk);
    let count = match format {
        Format::W3c => w3c::write_collection(&mut lookups, selection, options, out, progress)?,
        Format::Csv => tables::write_claims(&mut lookups, selection, out, progress)?,
        Format::SourcesCsv => tables::write_sources(&mut lookups, selection, out, progress)?,
        Format::Markdown => brief::write(&mut lookups, selection, brief::Markup::Markdown, out, progress)?,
        Format::Html => brief::write(&mut lookups, selection, brief::Markup::Html, out, progress)?,
        Format::ClaimReview => claim_review::write(&mut lookups, selection, options, out, progress)?,
    };
    out.flush()?;
    Ok(count)
}
