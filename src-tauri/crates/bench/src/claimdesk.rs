//! Claimdesk through its public API, as the app uses it: `Desk::import` on the
//! corpus folder, `Desk::search` (snippets and facets included), `Desk::open`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::{Result, ensure};
use claimdesk_core::{Desk, DeskOptions};
use claimdesk_domain::{ImportSummary, SearchRequest};
use serde::{Deserialize, Serialize};

use crate::corpus::{self, Article};
use crate::measure::{self, ImportFigures, OpenFigures, SearchFigures};
use crate::queries::BenchQuery;
use crate::{HITS_PER_PAGE, WRITER_HEAP_BYTES};

/// Imports of a small file timed for freshness; the median is reported.
const FRESH_ROUNDS: usize = 5;
const FRESH_ARTICLES: usize = 10;
/// Give up waiting for fresh articles to become searchable after this long.
const FRESH_TIMEOUT: Duration = Duration::from_secs(30);

/// How long new articles take to become searchable (medians, milliseconds).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct FreshFigures {
    /// The whole `Desk::import` call on a file of a few articles.
    pub import_millis: f64,
    /// From the moment the file was parsed to the end of the import: storing,
    /// feeding the index, the index commit and the reader reload.
    pub commit_millis: f64,
    /// From the moment the file was parsed until `Desk::search` returns the articles.
    pub searchable_millis: f64,
}

fn options() -> DeskOptions {
    DeskOptions { writer_heap_bytes: WRITER_HEAP_BYTES }
}

fn import_all(
    desk: &Desk,
    path: &Path,
    progress: &mut dyn FnMut(&claimdesk_domain::ImportProgress),
) -> Result<ImportSummary> {
    Ok(desk.import(&[path.to_path_buf()], progress, &AtomicBool::new(false))?)
}

pub fn import(corpus_dir: &Path, data_dir: &Path) -> Result<ImportFigures> {
    let desk = Desk::open_with(data_dir, &options(), &mut |_| {})?;
    measure::import(|| {
        let summary = import_all(&desk, corpus_dir, &mut |_| {})?;
        ensure!(
            summary.failed == 0 && summary.duplicates == 0,
            "{} failed, {} duplicates (first issue: {:?})",
            summary.failed,
            summary.duplicates,
            summary.errors.first()
        );
        Ok(summary.imported)
    })
}

/// `Desk::open` on an existing data directory: database, index, writer, catch-up.
pub fn open(data_dir: &Path) -> Result<OpenFigures> {
    let start = Instant::now();
    let desk = Desk::open_with(data_dir, &options(), &mut |_| {})?;
    let millis = start.elapsed().as_secs_f64() * 1e3;
    Ok(OpenFigures { millis, documents: desk.stats()?.indexed_documents })
}

pub fn search(data_dir: &Path, mix: &[BenchQuery]) -> Result<SearchFigures> {
    let desk = Desk::open_with(data_dir, &options(), &mut |_| {})?;
    let requests: Vec<SearchRequest> =
        mix.iter().map(|q| SearchRequest { limit: HITS_PER_PAGE, ..SearchRequest::new(q.claimdesk()) }).collect();
    measure::queries(&requests, |request| Ok(desk.search(request)?.total))
}

/// Imports a few new articles carrying a word found nowhere else, several
/// times, timing when they become searchable.
pub fn freshness(data_dir: &Path, scratch: &Path) -> Result<FreshFigures> {
    let desk = Desk::open_with(data_dir, &options(), &mut |_| {})?;
    let (mut imports, mut commits, mut searchable) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..FRESH_ROUNDS {
        let word = format!("freshmarker{round}x");
        let dir = fresh_file(scratch, round, &word)?;
        // Progress reports `files_done == files_total` once when the file is
        // parsed and handed to the writer, and again after the final commit.
        let mut done_at = Vec::new();
        let start = Instant::now();
        let summary = import_all(&desk, &dir, &mut |p| {
            if p.files_done == p.files_total {
                done_at.push(Instant::now());
            }
        })?;
        let returned = Instant::now();
        ensure!(summary.imported == FRESH_ARTICLES as u64, "fresh import: {summary:?}");
        let parsed = *done_at.first().unwrap_or(&start);
        let committed = *done_at.last().unwrap_or(&returned);
        let request = SearchRequest::new(word);
        let found = loop {
            if desk.search(&request)?.total == FRESH_ARTICLES as u64 {
                break Instant::now();
            }
            ensure!(parsed.elapsed() < FRESH_TIMEOUT, "fresh articles not searchable after {FRESH_TIMEOUT:?}");
        };
        imports.push(millis(returned - start));
        commits.push(millis(committed - parsed));
        searchable.push(millis(found - parsed));
    }
    Ok(FreshFigures {
        import_millis: measure::median(&imports),
        commit_millis: measure::median(&commits),
        searchable_millis: measure::median(&searchable),
    })
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// A folder with one JSON-lines file of articles that all contain `word`.
fn fresh_file(scratch: &Path, round: usize, word: &str) -> Result<PathBuf> {
    let dir = scratch.join(format!("fresh-{round}"));
    let articles: Vec<Article> = (0..FRESH_ARTICLES)
        .map(|n| Article {
            title: format!("Fresh article {n} of round {round}"),
            body: format!("This article, number {n}, was imported to time freshness. It mentions {word} once."),
            outlet: "Bench".to_string(),
            published: None,
        })
        .collect();
    corpus::write(&articles, articles.len(), &dir)?;
    Ok(dir)
}
