//! The index on disk: opening (and rebuilding when its schema is stale), the
//! one long-lived writer, batched commits that record the store's change
//! sequence, and searches on a snapshot.

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use claimdesk_domain::{ArticleId, SortOrder, Timestamp};
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DateTime, DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, Searcher, TantivyDocument, Term,
};

use crate::facets::FacetCollector;
use crate::highlight::Highlighter;
use crate::schema::{self, EXACT_ANALYZER, Fields, INDEX_SCHEMA_VERSION, TEXT_ANALYZER};
use crate::translate::{Resolve, Translator};
use crate::{Result, SearchError, syntax};

/// The fields of one article that the index holds.
#[derive(Debug, Clone, Copy)]
pub struct IndexDocument<'a> {
    pub id: ArticleId,
    pub title: &'a str,
    pub body: &'a str,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub language: Option<&'a str>,
    pub published: Option<Timestamp>,
}

/// What opening found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The store change sequence the index holds everything up to.
    pub last_seq: i64,
    /// Set when the index on disk was unusable or of another schema version and
    /// was emptied: the caller must feed it every article again.
    pub rebuilt_because: Option<String>,
}

/// What the commit payload records, so a restart knows where to resume.
#[derive(Debug, Serialize, Deserialize)]
struct CommitPayload {
    seq: i64,
    schema: u32,
}

/// Total, the page of (id, score), and the facets: what one pass collects.
type Collected = (u64, Vec<(ArticleId, f32)>, claimdesk_domain::Facets);

/// One page of matches, before the store fills in titles and snippets.
pub struct Found {
    pub total: u64,
    /// Article ids with their scores (BM25 for relevance; 0 when sorted by date).
    pub hits: Vec<(ArticleId, f32)>,
    pub facets: claimdesk_domain::Facets,
    pub highlighter: Highlighter,
}

pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    /// Adding and deleting take the read side (Tantivy's writer is internally
    /// concurrent); committing and clearing take the write side.
    writer: RwLock<IndexWriter>,
    reader: IndexReader,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if absent. An index that cannot be
    /// opened or was written with another schema version is emptied and
    /// reported in `Opened::rebuilt_because`, never a crash.
    pub fn open(dir: &Path, writer_heap_bytes: usize) -> Result<(SearchIndex, Opened)> {
        let (schema, fields) = schema::build();
        let (index, opened) = open_or_create(dir, schema, INDEX_SCHEMA_VERSION)?;
        index.tokenizers().register(TEXT_ANALYZER, schema::text_analyzer());
        index.tokenizers().register(EXACT_ANALYZER, schema::exact_analyzer());
        let writer = open_writer(&index, writer_heap_bytes)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let search_index = SearchIndex { dir: dir.to_path_buf(), index, fields, writer: RwLock::new(writer), reader };
        Ok((search_index, opened))
    }

    /// Adds an article that is known not to be in the index yet.
    pub fn add(&self, doc: &IndexDocument<'_>) -> Result<()> {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.add_document(self.to_tantivy(doc))?;
        Ok(())
    }

    /// Adds an article, replacing any version of it already indexed.
    pub fn replace(&self, doc: &IndexDocument<'_>) -> Result<()> {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_term(self.id_term(doc.id));
        writer.add_document(self.to_tantivy(doc))?;
        Ok(())
    }

    pub fn delete(&self, id: ArticleId) {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_term(self.id_term(id));
    }

    /// Removes every document (for a rebuild); takes effect at the next commit.
    pub fn clear(&self) -> Result<()> {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes everything added so far durable and searchable, recording that the
    /// index now holds every store change up to `seq`.
    pub fn commit(&self, seq: i64) -> Result<()> {
        commit_recording(&self.writer, seq, INDEX_SCHEMA_VERSION)?;
        self.reader.reload()?;
        Ok(())
    }

    /// The store change sequence recorded by the last commit.
    pub fn last_committed_seq(&self) -> Result<i64> {
        read_payload(&self.index, INDEX_SCHEMA_VERSION).map(|p| p.seq).or(Ok(0))
    }

    pub fn document_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Every article id in the index (committed), ascending.
    pub fn document_ids(&self) -> Result<Vec<ArticleId>> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("id")?;
            for doc in segment.doc_ids_alive() {
                if let Some(id) = column.first(doc) {
                    ids.push(id as ArticleId);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }

    pub fn size_bytes(&self) -> u64 {
        dir_size(&self.dir)
    }

    /// Runs a query written in Claimdesk's query language.
    /// `resolve` finds the articles that `source:` and `tag:` filters name.
    pub fn search(
        &self,
        query: &str,
        sort: SortOrder,
        limit: usize,
        offset: usize,
        resolve: Resolve<'_>,
    ) -> Result<Found> {
        let ast = syntax::parse(query)?;
        let analyzer = self.index.tokenizer_for_field(self.fields.body)?;
        let tantivy_query = Translator::new(&self.fields, analyzer, resolve).translate(&ast);
        let searcher = self.reader.searcher();
        let (total, hits, facets) = self.collect(&searcher, &*tantivy_query, sort, limit, offset)?;
        let generator = SnippetGenerator::create(&searcher, &*tantivy_query, self.fields.body).ok();
        Ok(Found { total, hits, facets, highlighter: Highlighter::new(generator) })
    }

    /// Where the query's words occur in `text` (an article body), as
    /// code-point ranges: what the reader highlights.
    pub fn highlight(&self, query: &str, text: &str) -> Result<Vec<[usize; 2]>> {
        let ast = syntax::parse(query)?;
        let analyzer = self.index.tokenizer_for_field(self.fields.body)?;
        // Source and tag filters pick articles; they mark no words.
        let tantivy_query = Translator::new(&self.fields, analyzer, &|_, _| Vec::new()).translate(&ast);
        let searcher = self.reader.searcher();
        let generator = SnippetGenerator::create(&searcher, &*tantivy_query, self.fields.body)?;
        Ok(crate::highlight::all_matches(generator, text))
    }

    fn collect(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        sort: SortOrder,
        limit: usize,
        offset: usize,
    ) -> Result<Collected> {
        // Tantivy's top-k collector needs room for at least one document.
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (docs, count, facets) = match sort {
            SortOrder::Relevance => searcher.search(query, &(top.order_by_score(), Count, FacetCollector))?,
            SortOrder::Date => {
                let by_date = top.order_by_fast_field::<DateTime>("published", Order::Desc);
                let (docs, count, facets) = searcher.search(query, &(by_date, Count, FacetCollector))?;
                (docs.into_iter().map(|(_, address)| (0.0, address)).collect(), count, facets)
            }
        };
        Ok((count as u64, self.ids(searcher, docs, limit)?, facets))
    }

    fn ids(&self, searcher: &Searcher, docs: Vec<(f32, DocAddress)>, limit: usize) -> Result<Vec<(ArticleId, f32)>> {
        let mut hits = Vec::with_capacity(docs.len());
        for (score, address) in docs.into_iter().take(limit) {
            let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("id")?;
            if let Some(id) = column.first(address.doc_id) {
                hits.push((id as ArticleId, score));
            }
        }
        Ok(hits)
    }

    fn id_term(&self, id: ArticleId) -> Term {
        Term::from_field_u64(self.fields.id, id as u64)
    }

    fn to_tantivy(&self, doc: &IndexDocument<'_>) -> TantivyDocument {
        let f = &self.fields;
        let mut out = TantivyDocument::new();
        out.add_u64(f.id, doc.id as u64);
        out.add_text(f.title, doc.title);
        out.add_text(f.body, doc.body);
        if let Some(outlet) = doc.outlet {
            out.add_text(f.outlet, outlet);
            out.add_text(f.outlet_facet, outlet);
            out.add_text(f.outlet_exact, outlet);
        }
        if let Some(author) = doc.author {
            out.add_text(f.author, author);
        }
        if let Some(language) = doc.language {
            out.add_text(f.language, language.to_lowercase());
        }
        if let Some(published) = doc.published {
            out.add_date(f.published, DateTime::from_timestamp_secs(published.seconds()));
            if let Ok(year) = u64::try_from(published.year()) {
                out.add_u64(f.year, year);
            }
        }
        out
    }
}

/// Opens the index in `dir`, or empties `dir` and creates one there when
/// there is none, it cannot be opened, or its commit record names another
/// schema `version`; `Opened` tells which, and where the index stands.
pub(crate) fn open_or_create(dir: &Path, schema: tantivy::schema::Schema, version: u32) -> Result<(Index, Opened)> {
    std::fs::create_dir_all(dir)?;
    let mut rebuilt_because = None;
    let existing = if dir.join("meta.json").exists() {
        match Index::open_in_dir(dir) {
            Ok(index) => match read_payload(&index, version) {
                Ok(payload) if payload.schema == version => Some((index, payload.seq)),
                Ok(payload) => {
                    rebuilt_because =
                        Some(format!("index schema version {} differs from this build's {version}", payload.schema));
                    None
                }
                Err(reason) => {
                    rebuilt_because = Some(reason);
                    None
                }
            },
            Err(e) => {
                rebuilt_because = Some(format!("index could not be opened: {e}"));
                None
            }
        }
    } else {
        None
    };
    let (index, last_seq) = match existing {
        Some(found) => found,
        None => {
            empty_dir(dir)?;
            (Index::create_in_dir(dir, schema)?, 0)
        }
    };
    Ok((index, Opened { last_seq, rebuilt_because }))
}

/// The index's one writer; another process holding it is `Locked`.
pub(crate) fn open_writer(index: &Index, heap_bytes: usize) -> Result<IndexWriter> {
    index.writer(heap_bytes).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => SearchError::Locked,
        other => SearchError::Index(other),
    })
}

/// Commits, recording in the commit that the index holds every store change
/// up to `seq`, written with schema `version`.
pub(crate) fn commit_recording(writer: &RwLock<IndexWriter>, seq: i64, version: u32) -> Result<()> {
    let mut writer = writer.write().unwrap_or_else(|p| p.into_inner());
    let payload = serde_json::to_string(&CommitPayload { seq, schema: version }).expect("the payload is plain data");
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

pub(crate) fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

fn read_payload(index: &Index, version: u32) -> std::result::Result<CommitPayload, String> {
    let metas = index.load_metas().map_err(|e| format!("index metadata unreadable: {e}"))?;
    match metas.payload {
        Some(text) => serde_json::from_str(&text).map_err(|e| format!("index commit record unreadable: {e}")),
        None if metas.segments.is_empty() => Ok(CommitPayload { seq: 0, schema: version }),
        None => Err("index has no commit record".to_string()),
    }
}

/// Removes the files of an unusable index. Only files Tantivy writes live here.
fn empty_dir(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}
