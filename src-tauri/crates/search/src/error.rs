//! The search crate's error type.

use thiserror::Error;

use crate::syntax::SyntaxError;

pub type Result<T, E = SearchError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum SearchError {
    /// The query could not be read; the message is for the person who typed it.
    #[error("{0}")]
    Syntax(#[from] SyntaxError),
    /// Another process holds the index writer: Tantivy allows one per index.
    #[error("the search index is in use by another Claimdesk process")]
    Locked,
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory error: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("search index file error: {0}")]
    Io(#[from] std::io::Error),
}
