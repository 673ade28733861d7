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
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is JSON, but {0}")]
    NotAnnotations(String),
}

impl InteropError {
    /// True when the person can fix the cause (an unknown source, a bad
    /// query, a path that cannot be written).
    pub fn is_user_error(&self) -> bool {
        match self {
            InteropError::Desk(e) => e.is_user_error(),
            InteropError::Write(_) | InteropError::Csv(_) => true,
            InteropError::NotJson(_) | InteropError::NotAnnotations(_) => true,
            InteropError::Json(_) => false,
        }
    }
}
