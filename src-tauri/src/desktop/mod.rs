//! The desktop window: Tauri wiring only. Each command maps to one core call
//! and runs on a worker thread, so the window never waits on SQLite or
//! Tantivy. The data directory opens in the background after the window
//! shows, reporting index catch-up progress as events.

#[cfg(test)]
mod bindings;
mod commands;
mod rendering;
mod state;
pub mod wire;

use std::path::Path;
use std::process::ExitCode;

use claimdesk_core::domain::IndexProgress;
use claimdesk_core::{Desk, DeskOptions};
use tauri::{Emitter, Manager};

use state::DeskState;
use wire::CommandError;

/// Events the backend sends to the window.
pub mod events {
    /// `IndexProgress` while the index catches up on start.
    pub const OPEN_PROGRESS: &str = "desk://open-progress";
    /// `DeskStatus` once the data directory is open (or failed to open).
    pub const STATUS: &str = "desk://status";
}

pub fn run(data_dir: &Path) -> ExitCode {
    let data_dir = data_dir.to_path_buf();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(DeskState::default())
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                rendering::apply(&window);
            }
            let handle = app.handle().clone();
            std::thread::spawn(move || open_in_background(&handle, &data_dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::desk_status,
            commands::search,
            commands::open_article,
            commands::import_paths,
            commands::import_samples,
            commands::cancel_import,
            commands::stats,
            commands::claims_of_article,
            commands::select_span,
            commands::create_claim,
            commands::create_claim_with_sources,
            commands::update_claim,
            commands::delete_claim,
            commands::find_sources,
            commands::create_source,
            commands::add_alias,
            commands::claim_page,
            commands::get_claim,
            commands::list_sources,
            commands::source_page,
            commands::update_source,
            commands::remove_alias,
            commands::merge_sources,
            commands::list_tags,
            commands::suggestions,
            commands::accept_suggestion,
            commands::reject_suggestion,
            commands::undo,
            commands::redo,
            commands::export_claims,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: the window failed: {e}");
            ExitCode::from(crate::cli::EXIT_INTERNAL_ERROR)
        }
    }
}

fn open_in_background(app: &tauri::AppHandle, data_dir: &Path) {
    let mut report = |progress: IndexProgress| {
        let _ = app.emit(events::OPEN_PROGRESS, progress);
    };
    let opened = Desk::open_with(data_dir, &DeskOptions::default(), &mut report).map_err(CommandError::from);
    let state = app.state::<DeskState>();
    let status = state.set(opened);
    let _ = app.emit(events::STATUS, status);
}
