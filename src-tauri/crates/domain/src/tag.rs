//! Tags: coloured labels on claims and articles.

use serde::{Deserialize, Serialize};

/// The store's id of a tag. Never reused.
pub type TagId = i64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Claims and articles that carry it.
    pub claims: u64,
    pub articles: u64,
}

/// Changes to a tag; the fields given replace the stored ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct TagPatch {
    pub name: Option<String>,
    pub colour: Option<String>,
}
