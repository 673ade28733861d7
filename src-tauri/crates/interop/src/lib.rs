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
mod to_file;
mod w3c;
mod words;

use std::io::Write;

use claimdesk_core::Desk;
pub use claimdesk_core::domain::ExportFormat as Format;

pub use annotation_import::{AnnotationReport, ImportReport, Outcome, import_annotations};
pub use claim_review::rating;
pub use error::{InteropError, Result};
pub use selection::Selection;
pub use tables::{CLAIM_COLUMNS, LIST_SEPARATOR, SOURCE_COLUMNS, chain_entry};
pub use to_file::export_to_file;
pub use w3c::{ANNO_CONTEXT, CLAIMDESK_NS, context};

use lookups::Lookups;

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
