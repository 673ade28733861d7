//! The interop crate's tests, one binary: exports of each format checked
//! against their standard or read back.

mod support;

#[path = "cases/brief.rs"]
mod brief;
#[path = "cases/claim_review.rs"]
mod claim_review;
#[path = "cases/tables.rs"]
mod tables;
#[path = "cases/w3c.rs"]
mod w3c;
#[path = "cases/w3c_import.rs"]
mod w3c_import;
