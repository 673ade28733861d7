//! The desk: opening a data directory, searching, reading, statistics.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use claimdesk_domain::{
    Article, ArticleId, ArticleView, CheckReport, IndexProgress, SearchHit, SearchRequest, SearchResults, SortOrder,
    Stats,
};
use claimdesk_search::syntax::Field;
use claimdesk_search::{ClaimIndex, Found, INDEX_SCHEMA_VERSION, IndexDocument, SearchError, SearchIndex};
use claimdesk_store::Store;
use rayon::prelude::*;

use crate::follow::{Follower, Indexes};
use crate::suggestions::SuggestionCache;
use crate::{DeskError, Result};

pub(crate) const DATABASE_FILE: &str = "claimdesk.sqlite3";
pub(crate) const INDEX_DIR: &str = "index";
pub(crate) const CLAIMS_INDEX_DIR: &str = "claims-index";

#[derive(Debug, Clone)]
pub struct DeskOptions {
    /// Memory the index writer may buffer before it flushes a segment.
    pub writer_heap_bytes: usize,
}

impl Default for DeskOptions {
    fn default() -> Self {
        DeskOptions { writer_heap_bytes: 128 * 1024 * 1024 }
    }
}

/// One data directory: the store, the index that follows it, and the import
/// and search operations over both.
pub struct Desk {
    /// First, so that it stops (after a last catch-up) before the rest goes.
    _follower: Follower,
    pub(crate) data_dir: PathBuf,
    pub(crate) store: Arc<Store>,
    pub(crate) index: Arc<SearchIndex>,
    pub(crate) indexes: Arc<Indexes>,
    /// Held by whatever feeds the article index and commits it (imports,
    /// rebuilds, the follower), so that a commit's recorded sequence always
    /// covers what was added.
    pub(crate) indexing: Arc<Mutex<()>>,
    pub(crate) suggestion_cache: SuggestionCache,
}

impl Desk {
    pub fn open(data_dir: &Path) -> Result<Desk> {
        Desk::open_with(data_dir, &DeskOptions::default(), &mut |_| {})
    }

    /// Opens (creating if needed) the data directory and brings the index up to
    /// date with the store: after a crash it adds what the last run stored but
    /// did not commit to the index; with a stale or damaged index it rebuilds
    /// it, reporting progress.
    pub fn open_with(data_dir: &Path, options: &DeskOptions, progress: &mut dyn FnMut(IndexProgress)) -> Result<Desk> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| DeskError::DataDir { path: data_dir.display().to_string(), source })?;
        let store = Arc::new(Store::open(&data_dir.join(DATABASE_FILE))?);
        let in_use = |e| match e {
            SearchError::Locked => DeskError::DataDirInUse(data_dir.display().to_string()),
            other => other.into(),
        };
        let (index, opened) =
            SearchIndex::open(&data_dir.join(INDEX_DIR), options.writer_heap_bytes).map_err(in_use)?;
        let (claims, claims_opened) = ClaimIndex::open(&data_dir.join(CLAIMS_INDEX_DIR)).map_err(in_use)?;
        let index = Arc::new(index);
        let indexes =
            Arc::new(Indexes::new(Arc::clone(&store), Arc::clone(&index), Arc::new(claims), claims_opened.last_seq));
        let indexing = Arc::clone(&indexes.indexing);
        let desk = Desk {
            _follower: Follower::start(Arc::clone(&indexes)),
            data_dir: data_dir.to_path_buf(),
            store,
            index,
            indexes,
            indexing,
            suggestion_cache: SuggestionCache::default(),
        };
        desk.catch_up(opened.last_seq, opened.rebuilt_because.is_some(), progress)?;
        let store_seq = desk.store.last_change_seq()?;
        if claims_opened.rebuilt_because.is_some() || claims_opened.last_seq == 0 || claims_opened.last_seq > store_seq
        {
            desk.indexes.rebuild_claims()?;
        } else {
            desk.indexes.catch_up(true)?;
        }
        Ok(desk)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let found = self.run_query(&request.query, request.sort, request.limit, request.offset)?;
        let ids: Vec<ArticleId> = found.hits.iter().map(|(id, _)| *id).collect();
        let articles = self.store.hit_texts(&ids)?;
        // Snippets tokenize each body: spread them over the cores.
        let hits = found
            .hits
            .par_iter()
            .filter_map(|(id, score)| {
                // The store may lack an article the index still lists (between
                // a delete and its commit): leave it out.
                let article = articles.iter().find(|a| a.id == *id)?;
                let (snippet, highlights) = found.highlighter.snippet(&article.body);
                Some(SearchHit {
                    id: *id,
                    title: article.title.clone(),
                    outlet: article.outlet.clone(),
                    published: article.published,
                    score: *score,
                    snippet,
                    highlights,
                })
            })
            .collect();
        Ok(SearchResults { query: request.query.clone(), total: found.total, hits, facets: found.facets })
    }

    /// Runs a query on the article index: ids and scores, no texts.
    pub(crate) fn run_query(&self, query: &str, sort: SortOrder, limit: usize, offset: usize) -> Result<Found> {
        // `source:` and `tag:` filters name articles the store knows; the
        // index calls back for them. A failed lookup fails the search.
        let failed = std::cell::RefCell::new(None);
        let resolve = |field: Field, name: &str| -> Vec<ArticleId> {
            let found = match field {
                Field::Source => self.store.find_sources(name).and_then(|sources| {
                    self.store.articles_with_claims_by(&sources.iter().map(|s| s.id).collect::<Vec<_>>())
                }),
                Field::Tag => self.store.articles_tagged(name),
                _ => Ok(Vec::new()),
            };
            found.unwrap_or_else(|e| {
                failed.borrow_mut().get_or_insert(e);
                Vec::new()
            })
        };
        let found = self.index.search(query, sort, limit, offset, &resolve)?;
        if let Some(error) = failed.into_inner() {
            return Err(error.into());
        }
        Ok(found)
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.store.article(id)?.ok_or(DeskError::ArticleNotFound(id))
    }

    /// An article for the reader, with the matches of `query` (the search it
    /// was opened from; may be empty) marked in its body.
    pub fn article_view(&self, id: ArticleId, query: &str) -> Result<ArticleView> {
        let article = self.article(id)?;
        let highlights =
            if query.trim().is_empty() { Vec::new() } else { self.index.highlight(query, &article.body)? };
        Ok(ArticleView { article, highlights })
    }

    pub fn stats(&self) -> Result<Stats> {
        Ok(Stats {
            articles: self.store.article_count()?,
            audit_entries: self.store.audit_entry_count()?,
            indexed_documents: self.index.document_count(),
            database_bytes: self.store.size_bytes(),
            index_bytes: self.index.size_bytes(),
            database_schema_version: self.store.schema_version()?,
            index_schema_version: INDEX_SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.data_dir.display().to_string(),
        })
    }

    /// Checks the database's integrity and that the index holds exactly the
    /// stored articles.
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = self.store.integrity_problems()?;
        let stored = self.store.article_ids()?;
        let indexed = self.index.document_ids()?;
        let missing: Vec<_> = stored.iter().filter(|id| indexed.binary_search(id).is_err()).collect();
        let extra: Vec<_> = indexed.iter().filter(|id| stored.binary_search(id).is_err()).collect();
        if !missing.is_empty() {
            problems.push(format!("{} stored articles are not in the index (first: {})", missing.len(), missing[0]));
        }
        if !extra.is_empty() {
            problems.push(format!("{} indexed articles are not in the database (first: {})", extra.len(), extra[0]));
        }
        Ok(CheckReport { articles: stored.len() as u64, indexed_documents: indexed.len() as u64, problems })
    }
}

pub(crate) fn index_document(article: &Article) -> IndexDocument<'_> {
    IndexDocument {
        id: article.id,
        title: &article.title,
        body: &article.body,
        outlet: article.outlet.as_deref(),
        author: article.author.as_deref(),
        language: article.language.as_deref(),
        published: article.published,
    }
}
