//! The search index of Claimdesk, derived from the store and rebuildable.
//!
//! This crate is the only one that knows Tantivy. It owns the schema, the one
//! long-lived `IndexWriter`, Claimdesk's query language (parsed here, not by
//! Tantivy, so errors can name the place in the query), snippets and facets.
//! Its API speaks in article and claim ids and domain types only. Beside the
//! article index there is a small claims index (quotes, notes, source names).

mod claims;
mod error;
mod facets;
mod highlight;
mod index;
mod schema;
pub mod syntax;
mod translate;

pub use claims::{CLAIMS_INDEX_SCHEMA_VERSION, ClaimDocument, ClaimIndex};
pub use error::{Result, SearchError};
pub use highlight::Highlighter;
pub use index::{Found, IndexDocument, Opened, SearchIndex};
pub use schema::INDEX_SCHEMA_VERSION;
pub use translate::Resolve;
