//! The plain data types that cross crate boundaries and reach the UI.
//!
//! Nothing here knows about SQLite, Tantivy or Tauri: these types are the
//! vocabulary of the core API, so a different store or index can sit behind it.

mod article;
mod import;
mod search;
mod stats;
mod time;

pub use article::{Article, ArticleId, ArticleSummary, ArticleView, NewArticle, Origin, SourceFormat};
pub use import::{ImportIssue, ImportProgress, ImportSummary, IndexProgress};
pub use search::{FacetCount, Facets, SearchHit, SearchRequest, SearchResults, SortOrder};
pub use stats::{CheckReport, Stats};
pub use time::Timestamp;
