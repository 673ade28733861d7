//! The claims index: the words of every claim's quote and note, so the claims
//! view can search them as fast as articles. Like the article index it is
//! derived from the store, records in each commit the store change it holds
//! everything up to, and is rebuilt when missing or of another version.
//!
//! Structured filters (source, status, tag, …) stay with the store; this
//! index answers only "which claims have these words".

use std::path::{Path, PathBuf};
use std::sync::RwLock;

use claimdesk_domain::ClaimId;
use tantivy::collector::DocSetCollector;
use tantivy::query::QueryParser;
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::Result;
use crate::index::{Opened, commit_recording, dir_size, open_or_create, open_writer};
use crate::schema::{TEXT_ANALYZER, text_analyzer};

/// Bumped whenever the claims index's fields or analysis change.
pub const CLAIMS_INDEX_SCHEMA_VERSION: u32 = 1;

/// Claims are short: the smallest writer heap Tantivy allows is plenty.
const WRITER_HEAP_BYTES: usize = 15_000_000;

/// What the index holds of one claim.
#[derive(Debug, Clone, Copy)]
pub struct ClaimDocument<'a> {
    pub id: ClaimId,
    pub quote: &'a str,
    pub note: &'a str,
    /// The names of its sources, so "peskov" finds what Peskov said.
    pub sources: &'a str,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    quote: Field,
    note: Field,
    sources: Field,
}

pub struct ClaimIndex {
    dir: PathBuf,
    fields: Fields,
    parser: QueryParser,
    writer: RwLock<IndexWriter>,
    reader: IndexReader,
}

impl ClaimIndex {
    /// Opens the claims index in `dir`, creating (or emptying, when unusable
    /// or stale) it; `Opened` says whether the caller must feed every claim.
    pub fn open(dir: &Path) -> Result<(ClaimIndex, Opened)> {
        let mut builder = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TEXT_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            id: builder.add_u64_field("id", INDEXED | FAST),
            quote: builder.add_text_field("quote", text.clone()),
            note: builder.add_text_field("note", text.clone()),
            sources: builder.add_text_field("sources", text),
        };
        let (index, opened) = open_or_create(dir, builder.build(), CLAIMS_INDEX_SCHEMA_VERSION)?;
        index.tokenizers().register(TEXT_ANALYZER, text_analyzer());
        let writer = open_writer(&index, WRITER_HEAP_BYTES)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let mut parser = parser(&index, fields);
        parser.set_conjunction_by_default();
        let claims = ClaimIndex { dir: dir.to_path_buf(), fields, parser, writer: RwLock::new(writer), reader };
        Ok((claims, opened))
    }

    /// Adds a claim, replacing any version of it already indexed.
    pub fn replace(&self, doc: &ClaimDocument<'_>) -> Result<()> {
        let f = &self.fields;
        let mut out = TantivyDocument::new();
        out.add_u64(f.id, doc.id as u64);
        out.add_text(f.quote, doc.quote);
        out.add_text(f.note, doc.note);
        out.add_text(f.sources, doc.sources);
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_term(Term::from_field_u64(f.id, doc.id as u64));
        writer.add_document(out)?;
        Ok(())
    }

    pub fn delete(&self, id: ClaimId) {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_term(Term::from_field_u64(self.fields.id, id as u64));
    }

    /// Removes every claim (for a rebuild); takes effect at the next commit.
    pub fn clear(&self) -> Result<()> {
        let writer = self.writer.read().unwrap_or_else(|p| p.into_inner());
        writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes what was added durable and searchable, recording that the index
    /// holds every store change up to `seq`.
    pub fn commit(&self, seq: i64) -> Result<()> {
        commit_recording(&self.writer, seq, CLAIMS_INDEX_SCHEMA_VERSION)?;
        self.reader.reload()?;
        Ok(())
    }

    /// The ids of every committed claim whose quote, note or source names
    /// have all the words of `text` (quotes make a phrase; `-word` excludes),
    /// ascending. A malformed query is read leniently: the claims view's box
    /// filters as the person types.
    pub fn matching(&self, text: &str) -> Result<Vec<ClaimId>> {
        let (query, _ignored) = self.parser.parse_query_lenient(text);
        let searcher = self.reader.searcher();
        let docs = searcher.search(&*query, &DocSetCollector)?;
        // Open each segment's id column once, not once per match.
        let mut by_segment = vec![Vec::new(); searcher.segment_readers().len()];
        for address in docs {
            by_segment[address.segment_ord as usize].push(address.doc_id);
        }
        let mut ids = Vec::new();
        for (segment, docs) in by_segment.iter().enumerate().filter(|(_, docs)| !docs.is_empty()) {
            let column = searcher.segment_reader(segment as u32).fast_fields().u64("id")?;
            ids.extend(docs.iter().filter_map(|doc| column.first(*doc)).map(|id| id as ClaimId));
        }
        ids.sort_unstable();
        Ok(ids)
    }

    pub fn document_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn size_bytes(&self) -> u64 {
        dir_size(&self.dir)
    }
}

fn parser(index: &Index, fields: Fields) -> QueryParser {
    QueryParser::for_index(index, vec![fields.quote, fields.note, fields.sources])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(id: ClaimId, quote: &'a str, note: &'a str) -> ClaimDocument<'a> {
        ClaimDocument { id, quote, note, sources: "Dmitry Peskov" }
    }

    #[test]
    fn finds_claims_by_quote_note_and_source_after_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (index, opened) = ClaimIndex::open(dir.path()).unwrap();
        assert_eq!(opened.last_seq, 0);
        index.replace(&doc(1, "The port of Vel is closed", "")).unwrap();
        index.replace(&doc(2, "Talks resume on Monday", "seen in the Öztürk interview")).unwrap();
        assert!(index.matching("port").unwrap().is_empty(), "nothing is searchable before a commit");
        index.commit(7).unwrap();
        assert_eq!(index.matching("port").unwrap(), vec![1]);
        assert_eq!(index.matching("ozturk").unwrap(), vec![2], "accents folded, notes searched");
        assert_eq!(index.matching("peskov").unwrap(), vec![1, 2], "source names searched");
        assert_eq!(index.matching("port monday").unwrap(), Vec::<ClaimId>::new(), "all words must match");
        assert_eq!(index.matching("\"port of\"").unwrap(), vec![1]);
        assert!(index.matching("\"unclosed (").is_ok(), "malformed input is read leniently");

        index.replace(&doc(1, "The harbour of Vel is closed", "")).unwrap();
        index.delete(2);
        index.commit(9).unwrap();
        assert!(index.matching("port").unwrap().is_empty());
        assert_eq!(index.matching("harbour").unwrap(), vec![1]);
        assert_eq!(index.document_count(), 1);
        drop(index);

        let (index, opened) = ClaimIndex::open(dir.path()).unwrap();
        assert_eq!((opened.last_seq, opened.rebuilt_because), (9, None), "the commit record survives");
        assert_eq!(index.matching("harbour").unwrap(), vec![1]);
    }
}
