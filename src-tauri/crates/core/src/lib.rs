//! The Claimdesk core: one `Desk` over a data directory.
//!
//! The desk owns the SQLite store (the truth) and the Tantivy index (derived),
//! and keeps the second in step with the first. The desktop app, the command
//! line, the tests and the benchmarks all go through this API; it exposes
//! domain types only, so another store or index could sit behind it.

mod desk;
mod error;
mod import;
mod samples;
mod sync;

pub use claimdesk_domain as domain;
pub use desk::{Desk, DeskOptions};
pub use error::{DeskError, Result};
