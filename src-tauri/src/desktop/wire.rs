//! Types that only the window's commands use; the rest come from the domain crate.

use claimdesk_core::DeskError;
use claimdesk_interop::InteropError;
use serde::Serialize;
use ts_rs::TS;

/// An error as the UI sees it: a stable `code` to branch on (never the
/// message), a `message` for the person, and where in the query it is.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CommandError {
    pub code: String,
    pub message: String,
    /// Code-point offset into the query, for `query_syntax` errors.
    pub position: Option<usize>,
}

impl CommandError {
    pub fn starting() -> Self {
        CommandError {
            code: "starting".into(),
            message: "Claimdesk is still opening its data; try again in a moment".into(),
            position: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        CommandError { code: "internal".into(), message: message.into(), position: None }
    }
}

impl From<DeskError> for CommandError {
    fn from(e: DeskError) -> Self {
        let position = match &e {
            DeskError::Query { position, .. } => Some(*position),
            _ => None,
        };
        CommandError { code: e.code().into(), message: e.to_string(), position }
    }
}

impl From<InteropError> for CommandError {
    fn from(e: InteropError) -> Self {
        let code = match &e {
            InteropError::Write(_) | InteropError::Csv(_) => "export_write",
            InteropError::NotJson(_) => "not_json",
            InteropError::NotAnnotations(_) => "not_annotations",
            InteropError::Json(_) => "internal",
            InteropError::Desk(_) => {
                let InteropError::Desk(desk) = e else { unreachable!() };
                return desk.into();
            }
        };
        CommandError { code: code.into(), message: e.to_string(), position: None }
    }
}

/// Whether the data directory is open yet.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DeskStatus {
    pub ready: bool,
    pub error: Option<CommandError>,
    pub data_dir: Option<String>,
}
