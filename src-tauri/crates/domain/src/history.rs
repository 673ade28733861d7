//! The history of edits: operations, undo and redo.

use serde::{Deserialize, Serialize};

use crate::Timestamp;
use crate::keyword::keywords;

/// The store's id of an operation: one action of the analyst, which may
/// change many rows.
pub type OperationId = i64;

keywords! {
    OperationKind {
        /// An edit by the analyst.
        Edit = "edit",
        /// Reverses an edit (or a redo).
        Undo = "undo",
        /// Reverses an undo.
        Redo = "redo",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Operation {
    pub id: OperationId,
    pub at: Timestamp,
    pub actor: String,
    /// What the analyst did, in words ("Add claim …"); an undo or redo
    /// carries the label of the edit it reverses or repeats.
    pub label: String,
    pub kind: OperationKind,
    /// For an undo, the operation it reverses; for a redo, the undo it reverses.
    pub reverses: Option<OperationId>,
    /// Rows it changed.
    pub changes: u64,
}

/// What undo and redo would do now, and the latest operations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct History {
    /// The operation the next undo reverses.
    pub undo: Option<Operation>,
    /// The undo the next redo reverses (its label is the edit's).
    pub redo: Option<Operation>,
    /// Newest first.
    pub recent: Vec<Operation>,
}
