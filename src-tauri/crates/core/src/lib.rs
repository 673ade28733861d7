//! The Claimdesk core: one `Desk` over a data directory.
//!
//! The desk owns the SQLite store (the truth) and the Tantivy index (derived),
//! and keeps the second in step with the first. On the articles, the analyst
//! records claims, their sources and chains of attribution, links and tags;
//! every such edit is one undoable operation (`history.rs`). The desktop app,
//! the command line, the tests and the benchmarks all go through this API; it
//! exposes domain types only, so another store or index could sit behind it.

mod backup;
mod claims;
mod desk;
mod error;
mod follow;
mod history;
mod import;
mod interop_reads;
mod quote;
mod reanchor;
mod samples;
mod sources;
mod suggestions;
mod sync;
mod tags;

pub use backup::{Restored, backup, restore};
pub use claimdesk_domain as domain;
pub use desk::{Desk, DeskOptions};
pub use error::{DeskError, Result};
