//! The first baseline: a bare Tantivy index with Claimdesk's schema and
//! analyzer (rebuilt here the same way), fed in one loop with one commit, and
//! searched with Tantivy's own query parser.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

use crate::corpus::{self, Article};
use crate::measure::{self, ImportFigures, OpenFigures, SearchFigures};
use crate::queries::BenchQuery;
use crate::{HITS_PER_PAGE, TITLE_BOOST, WRITER_HEAP_BYTES};

const TEXT_ANALYZER: &str = "claimdesk_text";

/// The fields of Claimdesk's index schema (`claimdesk-search`'s `schema.rs`).
struct Fields {
    id: Field,
    title: Field,
    body: Field,
    outlet: Field,
    outlet_facet: Field,
    published: Field,
    year: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let positions = TextFieldIndexing::default()
        .set_tokenizer(TEXT_ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(positions);
    let id = builder.add_u64_field("id", INDEXED | FAST);
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text.clone());
    let outlet = builder.add_text_field("outlet", text.clone());
    let outlet_facet = builder.add_text_field("outlet_facet", FAST);
    // The corpus has no authors or languages, but the fields exist all the same.
    builder.add_text_field("author", text);
    builder.add_text_field("language", STRING);
    let published = builder
        .add_date_field("published", DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds));
    let year = builder.add_u64_field("year", FAST);
    let fields = Fields { id, title, body, outlet, outlet_facet, published, year };
    (builder.build(), fields)
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

impl Fields {
    fn document(&self, id: u64, article: &Article) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_u64(self.id, id);
        doc.add_text(self.title, &article.title);
        doc.add_text(self.body, &article.body);
        doc.add_text(self.outlet, &article.outlet);
        doc.add_text(self.outlet_facet, &article.outlet);
        if let Some(published) = article.published {
            doc.add_date(self.published, DateTime::from_timestamp_secs(published.seconds()));
            if let Ok(year) = u64::try_from(published.year()) {
                doc.add_u64(self.year, year);
            }
        }
        doc
    }
}

/// Reads the corpus files and indexes every article, committing once at the end.
pub fn import(corpus_dir: &Path, index_dir: &Path) -> Result<ImportFigures> {
    measure::import(|| {
        std::fs::create_dir_all(index_dir)?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(index_dir, schema)?;
        index.tokenizers().register(TEXT_ANALYZER, analyzer());
        let mut writer: IndexWriter = index.writer(WRITER_HEAP_BYTES)?;
        let mut id = 0;
        corpus::for_each(corpus_dir, |article| {
            id += 1;
            writer.add_document(fields.document(id, &article))?;
            Ok(())
        })?;
        writer.commit()?;
        Ok(id)
    })
}

fn open_reader(index_dir: &Path) -> Result<(Index, IndexReader)> {
    let index = Index::open_in_dir(index_dir)?;
    index.tokenizers().register(TEXT_ANALYZER, analyzer());
    let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    Ok((index, reader))
}

/// `Index::open_in_dir` plus a reader: what a search-only program needs.
pub fn open(index_dir: &Path) -> Result<OpenFigures> {
    let start = Instant::now();
    let (_, reader) = open_reader(index_dir)?;
    let millis = start.elapsed().as_secs_f64() * 1e3;
    Ok(OpenFigures { millis, documents: reader.searcher().num_docs() })
}

pub fn search(index_dir: &Path, mix: &[BenchQuery]) -> Result<SearchFigures> {
    let (index, reader) = open_reader(index_dir)?;
    let searcher = reader.searcher();
    let schema = index.schema();
    let (title, body) = (schema.get_field("title")?, schema.get_field("body")?);
    let mut parser = QueryParser::for_index(&index, vec![title, body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(title, TITLE_BOOST);
    let texts: Vec<String> = mix.iter().map(BenchQuery::tantivy).collect();
    measure::queries(&texts, |text| {
        let query = parser.parse_query(text)?;
        let (top, count) = searcher.search(&query, &(TopDocs::with_limit(HITS_PER_PAGE).order_by_score(), Count))?;
        std::hint::black_box(top);
        Ok(count as u64)
    })
}

#[cfg(test)]
mod tests {
    use claimdesk_domain::Timestamp;

    use super::*;

    #[test]
    fn indexes_and_finds_with_every_kind_of_query() {
        let dir = tempfile::tempdir().unwrap();
        let article = |title: &str, body: &str, outlet: &str, published: &str| Article {
            title: title.into(),
            body: body.into(),
            outlet: outlet.into(),
            published: Timestamp::parse(published),
        };
        let base = [
            article("Wheat harvest", "The wheat harvest in Ömsk rose sharply.", "Reuters", "1987-03-04"),
            article("Oil prices", "Crude oil prices fell.", "BBC", ""),
        ];
        corpus::write(&base, 2, &dir.path().join("corpus")).unwrap();
        let figures = import(&dir.path().join("corpus"), &dir.path().join("index")).unwrap();
        assert_eq!(figures.articles, 2);
        assert_eq!(open(&dir.path().join("index")).unwrap().documents, 2);

        let range = |from: &str, until: &str| BenchQuery::DateRange {
            word: "wheat".into(),
            from: Timestamp::parse(from).unwrap(),
            until: Timestamp::parse(until).unwrap(),
        };
        let mix = [
            BenchQuery::Word { word: "omsk".into() },
            BenchQuery::TwoWords { first: "crude".into(), second: "prices".into() },
            BenchQuery::Phrase { first: "rose".into(), second: "sharply".into() },
            BenchQuery::TitleFilter { word: "crude".into(), title: "oil".into() },
            BenchQuery::OutletFilter { word: "prices".into(), outlet: "bbc".into() },
            range("1987-03-01", "1987-03-05"),
            range("1987-03-05", "1987-04-01"),
        ];
        let found = search(&dir.path().join("index"), &mix).unwrap();
        assert_eq!(found.totals, vec![1, 1, 1, 1, 1, 1, 0]);
    }
}
