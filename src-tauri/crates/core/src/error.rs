//! The core's error type: what went wrong, and whether the person can fix it.

use claimdesk_domain::ArticleId;
use claimdesk_search::SearchError;
use claimdesk_store::StoreError;
use thiserror::Error;

pub type Result<T, E = DeskError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum DeskError {
    /// A query the person typed cannot be read.
    #[error("{message}")]
    Query { message: String, position: usize },
    #[error("no article with id {0}")]
    ArticleNotFound(ArticleId),
    #[error("the data directory {0} is in use by another Claimdesk process; close it first")]
    DataDirInUse(String),
    #[error("cannot use the data directory {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Index(SearchError),
}

impl DeskError {
    /// A stable code for the UI and scripts to branch on (never the message).
    pub fn code(&self) -> &'static str {
        match self {
            DeskError::Query { .. } => "query_syntax",
            DeskError::ArticleNotFound(_) => "article_not_found",
            DeskError::DataDirInUse(_) => "data_dir_in_use",
            DeskError::DataDir { .. } => "data_dir",
            DeskError::Store(StoreError::TooNew { .. }) => "database_too_new",
            DeskError::Store(StoreError::NotClaimdesk(_)) => "not_a_claimdesk_database",
            DeskError::Store(_) => "database",
            DeskError::Index(_) => "index",
        }
    }

    /// True when the person can fix the cause (bad input, a path, a version),
    /// false for failures of the machine or of Claimdesk itself.
    pub fn is_user_error(&self) -> bool {
        !matches!(self.code(), "database" | "index")
    }
}

impl From<StoreError> for DeskError {
    fn from(e: StoreError) -> Self {
        DeskError::Store(e)
    }
}

impl From<SearchError> for DeskError {
    fn from(e: SearchError) -> Self {
        match e {
            SearchError::Syntax(s) => DeskError::Query { message: s.to_string(), position: s.position },
            other => DeskError::Index(other),
        }
    }
}
