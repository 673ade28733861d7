//! Search requests and results.

use serde::{Deserialize, Serialize};

use crate::{ArticleId, Timestamp};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Relevance,
    /// Newest first; articles without a date come last.
    Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchRequest {
    /// The query in Claimdesk's query language (see `docs/query-language.md`).
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest { query: query.into(), limit: 20, offset: 0, sort: SortOrder::Relevance }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchHit {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Timestamp>,
    pub score: f32,
    /// A passage of the body around the best match, as plain text.
    pub snippet: String,
    /// Matched words in `snippet`, as half-open code-point ranges `[start, end)`.
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// Counts over every matching article, not only the returned page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Facets {
    /// Most frequent first.
    pub outlet: Vec<FacetCount>,
    /// Newest first.
    pub year: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchResults {
    pub query: String,
    /// Every matching article, not only those in `hits`.
    pub total: u64,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
}
