//! The import pipeline: files are parsed in parallel, stored in batched
//! transactions, fed to the index, and committed to the index now and then,
//! so that search results grow while a long import runs.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use claimdesk_domain::{ArticleId, ImportIssue, ImportProgress, ImportSummary, NewArticle};
use claimdesk_search::IndexDocument;
use rayon::prelude::*;

use crate::{Desk, Result};

/// Articles stored per SQLite transaction.
const BATCH_ARTICLES: usize = 1_000;
/// Bytes of text stored per transaction, so huge articles make small batches.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
/// How soon an import makes its first articles searchable. Index commits
/// flush segments to disk (and make merges), so they are spaced out in time,
/// never one per article, and the space doubles up to `COMMIT_AT_MOST_EVERY`:
/// a person sees results within a second, a long import does not pay for
/// hundreds of small segments.
const FIRST_COMMIT_AFTER: Duration = Duration::from_secs(1);
const COMMIT_AT_MOST_EVERY: Duration = Duration::from_secs(8);
/// Parsed files waiting for the writer; bounds memory when parsing outpaces
/// it (a file may hold thousands of articles, so keep it short).
const QUEUE: usize = 4;

/// The author recorded in the audit log for imports.
const ACTOR: &str = "import";

impl Desk {
    /// Imports files and folders (recursively). Bad files are reported in the
    /// summary and skipped; nothing already stored is touched. `cancel` stops
    /// the import between files; what was stored until then stays.
    pub fn import(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress),
        cancel: &AtomicBool,
    ) -> Result<ImportSummary> {
        let discovered = claimdesk_import::discover(paths);
        let mut summary = ImportSummary::default();
        for issue in discovered.errors {
            summary.errors.push(issue);
        }
        for path in &discovered.unsupported {
            summary.errors.push(ImportIssue { path: path.display().to_string(), error: unsupported_reason(path) });
        }
        summary.failed = summary.errors.len() as u64;

        let files = discovered.files;
        let mut state = ImportProgress {
            files_total: (files.len() + discovered.unsupported.len()) as u64,
            files_done: discovered.unsupported.len() as u64,
            failed: summary.failed,
            ..ImportProgress::default()
        };
        progress(&state);

        let _guard = self.indexing.lock().unwrap_or_else(|p| p.into_inner());
        let mut writer = BatchWriter::new(self);
        std::thread::scope(|scope| -> Result<()> {
            // Dropped when this closure returns, early or not, which stops the
            // parsers: their next send fails.
            let (sender, receiver) = crossbeam_channel::bounded(QUEUE);
            let files = &files;
            scope.spawn(move || {
                let _stopped = files.par_iter().enumerate().try_for_each_with(sender, |sender, (n, path)| {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(());
                    }
                    sender.send((n, claimdesk_import::parse_file(path))).map_err(|_| ())
                });
            });
            // Parsed files arrive in any order; store them in file order so
            // ids follow the order of the files.
            let mut pending = BTreeMap::new();
            let mut next = 0;
            for (n, parsed) in receiver {
                pending.insert(n, parsed);
                while let Some(parsed) = pending.remove(&next) {
                    next += 1;
                    match parsed {
                        Ok(parsed) => {
                            state.failed += parsed.errors.len() as u64;
                            summary.errors.extend(parsed.errors);
                            summary.warnings.extend(parsed.warnings);
                            writer.push(parsed.articles, &mut state)?;
                        }
                        Err(issue) => {
                            state.failed += 1;
                            summary.errors.push(issue);
                        }
                    }
                    state.files_done += 1;
                    progress(&state);
                }
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
            }
            Ok(())
        })?;
        writer.finish(&mut state)?;
        self.store.checkpoint()?;
        summary.imported = state.imported;
        summary.duplicates = state.duplicates;
        summary.updated = state.updated;
        summary.needs_review = state.needs_review;
        summary.failed = state.failed;
        summary.cancelled = cancel.load(Ordering::Relaxed) && state.files_done < state.files_total;
        progress(&state);
        Ok(summary)
    }
}

fn unsupported_reason(path: &std::path::Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!(
            "unsupported file type .{ext} (Claimdesk reads .txt, .md, .html, .htm, .jsonl, .ndjson, .rss, .atom, .xml)"
        ),
        None => "unsupported file: no extension to tell its format".to_string(),
    }
}

/// What the index holds of an article just stored under `id`.
fn document(id: ArticleId, article: &NewArticle) -> IndexDocument<'_> {
    IndexDocument {
        id,
        title: &article.title,
        body: &article.body,
        outlet: article.outlet.as_deref(),
        author: article.author.as_deref(),
        language: article.language.as_deref(),
        published: article.published,
    }
}

/// Collects parsed articles into transactions and index commits.
struct BatchWriter<'d> {
    desk: &'d Desk,
    batch: Vec<NewArticle>,
    batch_bytes: usize,
    /// The store sequence up to which the index has been fed but not committed.
    fed_seq: Option<i64>,
    last_commit: Instant,
    commit_every: Duration,
}

impl<'d> BatchWriter<'d> {
    fn new(desk: &'d Desk) -> Self {
        BatchWriter {
            desk,
            batch: Vec::new(),
            batch_bytes: 0,
            fed_seq: None,
            last_commit: Instant::now(),
            commit_every: FIRST_COMMIT_AFTER,
        }
    }

    /// Takes one file's articles. A batch is stored when it is full, or when
    /// the last commit is old enough that the person waiting should see more.
    fn push(&mut self, articles: Vec<NewArticle>, state: &mut ImportProgress) -> Result<()> {
        for article in articles {
            self.batch_bytes += article.body.len() + article.title.len();
            self.batch.push(article);
            if self.batch.len() >= BATCH_ARTICLES || self.batch_bytes >= BATCH_BYTES {
                self.flush(state)?;
            }
        }
        if self.last_commit.elapsed() >= self.commit_every {
            self.flush(state)?;
        }
        Ok(())
    }

    /// Stores the batch, then feeds what was new to the index; commits the
    /// index when the last commit is old enough.
    fn flush(&mut self, state: &mut ImportProgress) -> Result<()> {
        if !self.batch.is_empty() {
            let outcome = self.desk.store.insert_articles(&self.batch, ACTOR)?;
            state.duplicates += outcome.duplicates.len() as u64;
            state.imported += outcome.inserted.len() as u64;
            for inserted in &outcome.inserted {
                self.desk.index.add(&document(inserted.id, &self.batch[inserted.batch_index]))?;
            }
            if !outcome.inserted.is_empty() {
                self.fed_seq = Some(outcome.last_seq);
            }
            for changed in &outcome.changed {
                let article = &self.batch[changed.batch_index];
                let replaced = self.desk.replace_article(changed.id, article)?;
                self.desk.index.replace(&document(changed.id, article))?;
                self.fed_seq = Some(replaced.seq);
                state.updated += 1;
                state.needs_review += replaced.needs_review;
            }
            self.batch.clear();
            self.batch_bytes = 0;
        }
        if self.last_commit.elapsed() >= self.commit_every {
            self.commit()?;
            self.commit_every = (self.commit_every * 2).min(COMMIT_AT_MOST_EVERY);
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if let Some(seq) = self.fed_seq.take() {
            self.desk.index.commit(seq)?;
        }
        self.last_commit = Instant::now();
        Ok(())
    }

    fn finish(mut self, state: &mut ImportProgress) -> Result<()> {
        self.flush(state)?;
        self.commit()
    }
}
