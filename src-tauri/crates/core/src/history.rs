//! Undo, redo and the list of past operations. Every edit of claims, sources
//! and tags is one operation; the store writes undo and redo as new
//! operations, so the audit log keeps everything that ever happened.

use claimdesk_domain::{History, Operation};
use claimdesk_store::Action;

use crate::{Desk, DeskError, Result};

/// The actor recorded for the analyst's edits (imports record "import").
const ACTOR: &str = "analyst";

/// An edit by the analyst, labelled for the undo menu.
pub(crate) fn action(label: String) -> Action<'static> {
    Action { actor: ACTOR, label }
}

impl Desk {
    /// Reverses the latest edit (or redo) not yet undone; the operation
    /// returned carries that edit's label.
    pub fn undo(&self) -> Result<Operation> {
        self.store.undo(ACTOR)?.ok_or(DeskError::NothingToUndo)
    }

    /// Re-applies the latest undone edit. A new edit after an undo clears
    /// what could be redone, as in every editor.
    pub fn redo(&self) -> Result<Operation> {
        self.store.redo(ACTOR)?.ok_or(DeskError::NothingToRedo)
    }

    /// What undo and redo would do now, and the `recent` latest operations.
    pub fn history(&self, recent: usize) -> Result<History> {
        Ok(self.store.history(recent)?)
    }
}
