//! The desktop window: Tauri wiring only. Every command maps to one core call
//! and runs off the main thread, so the window never waits on SQLite or Tantivy.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use claimdesk_core::domain::{SearchRequest, SearchResults, Stats};
use claimdesk_core::{Desk, DeskError};
use serde::Serialize;

/// An error as the UI sees it: a stable code to branch on, a message to show.
#[derive(Debug, Serialize)]
struct CommandError {
    code: &'static str,
    message: String,
    position: Option<usize>,
}

impl From<DeskError> for CommandError {
    fn from(e: DeskError) -> Self {
        let position = match &e {
            DeskError::Query { position, .. } => Some(*position),
            _ => None,
        };
        CommandError { code: e.code(), message: e.to_string(), position }
    }
}

type Shared = Arc<Desk>;

async fn on_worker<T: Send + 'static>(
    desk: &Shared,
    work: impl FnOnce(&Desk) -> Result<T, DeskError> + Send + 'static,
) -> Result<T, CommandError> {
    let desk = Arc::clone(desk);
    tauri::async_runtime::spawn_blocking(move || work(&desk))
        .await
        .map_err(|e| CommandError { code: "internal", message: e.to_string(), position: None })?
        .map_err(CommandError::from)
}

#[tauri::command]
async fn search(desk: tauri::State<'_, Shared>, request: SearchRequest) -> Result<SearchResults, CommandError> {
    on_worker(&desk, move |desk| desk.search(&request)).await
}

#[tauri::command]
async fn stats(desk: tauri::State<'_, Shared>) -> Result<Stats, CommandError> {
    on_worker(&desk, |desk| desk.stats()).await
}

pub fn run(data_dir: &Path) -> ExitCode {
    let desk = match Desk::open(data_dir) {
        Ok(desk) => Arc::new(desk),
        Err(e) => return crate::cli::report(&e.into()),
    };
    let result = tauri::Builder::default()
        .manage(desk)
        .invoke_handler(tauri::generate_handler![search, stats])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: the window failed: {e}");
            ExitCode::from(crate::cli::EXIT_INTERNAL_ERROR)
        }
    }
}
