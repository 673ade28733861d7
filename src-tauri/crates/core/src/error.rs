//! The core's error type: what went wrong, and whether the person can fix it.

use claimdesk_domain::{ArticleId, ClaimId, LinkId, LinkKind, SourceId, Span};
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
    #[error("the quote does not occur in article {article}")]
    QuoteNotFound { article: ArticleId },
    #[error(
        "the quote occurs {count} times in article {article}; give the text just before or after it \
         (prefix or suffix) to pick one"
    )]
    QuoteAmbiguous { article: ArticleId, count: usize },
    /// A span outside its article, empty, or whose quote is not the text there.
    #[error("{0}")]
    InvalidSpan(String),
    #[error("credibility goes from 1 (confirmed) to 6 (cannot be judged), not {0}")]
    InvalidCredibility(u8),
    /// A chain of attribution against the rules (the speaker first, then intermediaries).
    #[error("{0}")]
    InvalidChain(String),
    #[error("{0} cannot be empty")]
    EmptyName(&'static str),
    #[error("no source {0}")]
    SourceNotFound(String),
    #[error("{} sources answer to {name:?} (ids {}); pick one by id", ids.len(), join(ids))]
    SourceAmbiguous { name: String, ids: Vec<SourceId> },
    #[error("{0}")]
    AffiliationCycle(String),
    #[error("a source cannot be merged into itself")]
    MergeIntoItself,
    #[error("no claim with id {0}")]
    ClaimNotFound(ClaimId),
    #[error("a claim cannot be linked to itself")]
    SelfLink,
    #[error("claims {from} and {to} are already linked as {kind}")]
    LinkExists { from: ClaimId, to: ClaimId, kind: LinkKind },
    #[error("no claim link with id {0}")]
    LinkNotFound(LinkId),
    #[error("no tag named {0:?}")]
    TagNotFound(String),
    #[error("a tag named {0:?} already exists")]
    TagExists(String),
    #[error("{0:?} is not a colour; write it as #rrggbb")]
    InvalidColour(String),
    #[error("no suggestion with the cue at {}..{} in article {article} (it may have been accepted or rejected)", cue.start, cue.end)]
    SuggestionNotFound { article: ArticleId, cue: Span },
    /// A suggestion the finder could not give a content span: there is no claim to record.
    #[error("this suggestion marks no claimed text; select the claim in the reader and record it by hand")]
    SuggestionWithoutContent,
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
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
            DeskError::QuoteNotFound { .. } => "quote_not_found",
            DeskError::QuoteAmbiguous { .. } => "quote_ambiguous",
            DeskError::InvalidSpan(_) => "invalid_span",
            DeskError::InvalidCredibility(_) => "invalid_credibility",
            DeskError::InvalidChain(_) => "invalid_chain",
            DeskError::EmptyName(_) => "empty_name",
            DeskError::SourceNotFound(_) => "source_not_found",
            DeskError::SourceAmbiguous { .. } => "source_ambiguous",
            DeskError::AffiliationCycle(_) => "affiliation_cycle",
            DeskError::MergeIntoItself => "merge_into_itself",
            DeskError::ClaimNotFound(_) => "claim_not_found",
            DeskError::SelfLink => "self_link",
            DeskError::LinkExists { .. } => "link_exists",
            DeskError::LinkNotFound(_) => "link_not_found",
            DeskError::TagNotFound(_) => "tag_not_found",
            DeskError::TagExists(_) => "tag_exists",
            DeskError::InvalidColour(_) => "invalid_colour",
            DeskError::SuggestionNotFound { .. } => "suggestion_not_found",
            DeskError::SuggestionWithoutContent => "suggestion_without_content",
            DeskError::NothingToUndo => "nothing_to_undo",
            DeskError::NothingToRedo => "nothing_to_redo",
            DeskError::Store(StoreError::TooNew { .. }) => "database_too_new",
            DeskError::Store(StoreError::NotClaimdesk(_)) => "not_a_claimdesk_database",
            DeskError::Store(StoreError::UnusableBackup { .. }) => "unusable_backup",
            DeskError::Store(StoreError::BackupNotWritten { .. }) => "backup_not_written",
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

fn join(ids: &[SourceId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
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
