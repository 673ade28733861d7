//! CSV exports (RFC 4180: CRLF line ends, fields quoted when they need it,
//! UTF-8 without a byte-order mark): one row per claim, and one per source.
//!
//! Cells hold the text exactly as recorded, so a reader gets back what the
//! analyst wrote; a spreadsheet may treat a cell starting with `=` as a
//! formula, which docs/export-formats.md warns about.

use std::collections::BTreeSet;
use std::io::Write;

use claimdesk_domain::{Claim, Source};

use crate::lookups::{Lookups, claim_iri, source_iri};
use crate::selection::Selection;
use crate::{Result, words};

/// The claims CSV's columns, in order.
pub const CLAIM_COLUMNS: [&str; 15] = [
    "claim",
    "article_title",
    "outlet",
    "published",
    "url",
    "quote",
    "start",
    "end",
    "kind",
    "status",
    "credibility",
    "source_chain",
    "tags",
    "note",
    "created",
];

/// The sources CSV's columns, in order.
pub const SOURCE_COLUMNS: [&str; 10] = [
    "source",
    "name",
    "kind",
    "aliases",
    "affiliation",
    "reliability",
    "reliability_meaning",
    "reliability_rationale",
    "description",
    "claims",
];

/// Separates list items (tags, aliases, links of a chain) in one cell.
pub const LIST_SEPARATOR: &str = "; ";

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

pub(crate) fn write_claims(
    lookups: &mut Lookups<'_>,
    selection: &Selection,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let mut pages = selection.pages(lookups.desk)?;
    let mut csv = writer(out);
    csv.write_record(CLAIM_COLUMNS)?;
    let mut count = 0;
    for page in pages.by_ref() {
        for claim in page? {
            let row = claim_row(lookups, &claim)?;
            csv.write_record(&row)?;
            count += 1;
            progress(count);
        }
    }
    csv.flush()?;
    Ok(count)
}

fn claim_row(lookups: &mut Lookups<'_>, claim: &Claim) -> Result<Vec<String>> {
    let article = lookups.article(claim.article)?.clone();
    let chain = claim
        .chain
        .iter()
        .map(|link| {
            let source = lookups.source(link.source.id)?;
            Ok(chain_entry(link.role.as_str(), &source.name, source.reliability.as_str()))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(vec![
        claim_iri(claim),
        article.title,
        article.outlet.unwrap_or_default(),
        article.published.map(|p| p.to_string()).unwrap_or_default(),
        article.url.unwrap_or_default(),
        claim.selector.exact.clone(),
        claim.selector.start.to_string(),
        claim.selector.end.to_string(),
        claim.kind.to_string(),
        claim.status.to_string(),
        claim.credibility.to_string(),
        chain.join(LIST_SEPARATOR),
        claim.tags.join(LIST_SEPARATOR),
        claim.note.clone(),
        claim.created.to_string(),
    ])
}

/// One link of a chain in a cell: `speaker: Anselm Kreel [B]`.
pub fn chain_entry(role: &str, name: &str, reliability: &str) -> String {
    format!("{role}: {name} [{reliability}]")
}

/// The sources in the selection's chains, or every source for a selection of
/// all claims (so that sources without claims are listed too).
pub(crate) fn write_sources(
    lookups: &mut Lookups<'_>,
    selection: &Selection,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let sources: Vec<Source> = if *selection == Selection::all() {
        lookups.desk.sources()?
    } else {
        // Ids only: a set the size of the sources, not of the claims.
        let mut ids = BTreeSet::new();
        for page in selection.pages(lookups.desk)? {
            ids.extend(page?.iter().flat_map(|c| c.chain.iter().map(|l| l.source.id)));
        }
        let mut sources = ids.into_iter().map(|id| lookups.desk.source(id)).collect::<Result<Vec<_>, _>>()?;
        sources.sort_by(|a, b| a.name.cmp(&b.name));
        sources
    };
    let mut csv = writer(out);
    csv.write_record(SOURCE_COLUMNS)?;
    let mut count = 0;
    for source in &sources {
        let affiliation = match &source.affiliation {
            Some(a) => lookups.source(a.id)?.name.clone(),
            None => String::new(),
        };
        csv.write_record([
            source_iri(source),
            source.name.clone(),
            source.kind.to_string(),
            source.aliases.join(LIST_SEPARATOR),
            affiliation,
            source.reliability.to_string(),
            words::reliability(source.reliability).to_string(),
            source.reliability_rationale.clone(),
            source.description.clone(),
            source.claims.to_string(),
        ])?;
        count += 1;
        progress(count);
    }
    csv.flush()?;
    Ok(count)
}
