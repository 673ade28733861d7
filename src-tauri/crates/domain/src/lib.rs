//! The plain data types that cross crate boundaries and reach the UI.
//!
//! Nothing here knows about SQLite, Tantivy or Tauri: these types are the
//! vocabulary of the core API, so a different store or index can sit behind it.

mod article;
mod backup;
mod claim;
mod export;
mod history;
mod import;
mod keyword;
mod search;
mod source;
mod stats;
mod suggestion;
mod tag;
mod time;

pub use article::{Article, ArticleId, ArticleSummary, ArticleView, NewArticle, Origin, SourceFormat};
pub use backup::BackupInfo;
pub use claim::{
    AnchorReview, AnchorState, Attribution, CREDIBILITY_NOT_JUDGED, CREDIBILITY_SCALE, ChainLink, ChainRole, Claim,
    ClaimFilter, ClaimId, ClaimKind, ClaimLink, ClaimPage, ClaimPatch, ClaimQuery, ClaimRow, ClaimSort, ClaimStatus,
    LinkId, LinkKind, NewClaim, NewClaimLink, QuoteQuery, ReviewReason, Selector, Span,
};
pub use export::{ExportFormat, ExportProgress, ExportRequest, ExportSummary};
pub use history::{History, Operation, OperationId, OperationKind};
pub use import::{ImportIssue, ImportProgress, ImportSummary, IndexProgress};
pub use search::{FacetCount, Facets, SearchHit, SearchRequest, SearchResults, SortOrder};
pub use source::{
    NewSource, Reliability, Source, SourceClaim, SourceId, SourceKind, SourcePage, SourcePatch, SourceRef, StatusCount,
};
pub use stats::{CheckReport, Stats};
pub use suggestion::{AcceptSuggestion, AttributionSuggestion, SuggestedSource, SuggestedSourceKind};
pub use tag::{Tag, TagId, TagPatch};
pub use time::Timestamp;
