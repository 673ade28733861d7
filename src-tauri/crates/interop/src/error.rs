//! The interop crate's error type.

use claimdesk_core::DeskError;
use thiserror::Error;

pub type Result<T, E = InteropError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum InteropError {
    #[error(transparent)]
    Desk(#[from] DeskError),
    #[error("cannot write the export: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot write the export: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write the export: {0}")]
    Csv(#[from] csv::Error),
}

impl InteropError {
    /// True when the person can fix the cause (an unknown source, a bad
    /// query, a path that cannot be written).
    pub fn is_user_error(&self) -> bool {
        match self {
            InteropError::Desk(e) => e.is_user_error(),
            InteropError::Write(_) | InteropError::Csv(_) => true,
            InteropError::Json(_) => false,
        }
    }
}
