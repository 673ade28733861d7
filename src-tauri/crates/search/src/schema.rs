//! The index schema: which article fields are searchable, filterable, sortable.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Bumped whenever the fields or their analysis change: an index written with
/// another version is rebuilt from the store on open.
pub const INDEX_SCHEMA_VERSION: u32 = 2;

/// Name of the analyzer for prose: split on non-alphanumerics, lowercase,
/// fold accents so `Öztürk` is found by `ozturk`.
pub(crate) const TEXT_ANALYZER: &str = "claimdesk_text";
/// Name of the analyzer for whole values compared exactly but without case.
pub(crate) const EXACT_ANALYZER: &str = "claimdesk_exact";

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    /// The store's article id; indexed to delete or replace a document.
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub outlet: Field,
    /// The outlet's name as written, for facet counts.
    pub outlet_facet: Field,
    /// The whole outlet name, lowercased, for `outlet:"Exact Name"`.
    pub outlet_exact: Field,
    pub author: Field,
    /// Lowercase language code, matched exactly.
    pub language: Field,
    pub published: Field,
    /// Year of `published`, for facet counts without date arithmetic per hit.
    pub year: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let positions = TextFieldIndexing::default()
        .set_tokenizer(TEXT_ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(positions);
    let fields = Fields {
        id: builder.add_u64_field("id", INDEXED | FAST),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text.clone()),
        outlet: builder.add_text_field("outlet", text.clone()),
        outlet_facet: builder.add_text_field("outlet_facet", FAST),
        outlet_exact: builder.add_text_field(
            "outlet_exact",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer(EXACT_ANALYZER).set_index_option(IndexRecordOption::Basic),
            ),
        ),
        author: builder.add_text_field("author", text),
        language: builder.add_text_field("language", STRING),
        published: builder
            .add_date_field("published", DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds)),
        year: builder.add_u64_field("year", FAST),
    };
    (builder.build(), fields)
}

pub(crate) fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build()
}

pub(crate) fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}
