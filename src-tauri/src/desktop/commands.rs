//! The commands the window may call, one core call each.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use claimdesk_core::domain::{
    ArticleId, ArticleView, ImportProgress, ImportSummary, SearchRequest, SearchResults, Stats,
};
use claimdesk_core::{Desk, DeskError};
use tauri::State;
use tauri::ipc::Channel;

use super::state::DeskState;
use super::wire::{CommandError, DeskStatus};

/// Runs `work` on a blocking worker thread with the open desk.
async fn on_worker<T: Send + 'static>(
    state: &DeskState,
    work: impl FnOnce(&Desk) -> Result<T, DeskError> + Send + 'static,
) -> Result<T, CommandError> {
    let desk = state.desk()?;
    tauri::async_runtime::spawn_blocking(move || work(&desk))
        .await
        .map_err(|e| CommandError::internal(e.to_string()))?
        .map_err(CommandError::from)
}

#[tauri::command]
pub fn desk_status(state: State<'_, DeskState>) -> DeskStatus {
    state.status()
}

#[tauri::command]
pub async fn search(state: State<'_, DeskState>, request: SearchRequest) -> Result<SearchResults, CommandError> {
    on_worker(&state, move |desk| desk.search(&request)).await
}

#[tauri::command]
pub async fn open_article(
    state: State<'_, DeskState>,
    id: ArticleId,
    query: String,
) -> Result<ArticleView, CommandError> {
    on_worker(&state, move |desk| desk.article_view(id, &query)).await
}

#[tauri::command]
pub async fn stats(state: State<'_, DeskState>) -> Result<Stats, CommandError> {
    on_worker(&state, |desk| desk.stats()).await
}

/// Imports files and folders, streaming progress; `cancel_import` stops it.
#[tauri::command]
pub async fn import_paths(
    state: State<'_, DeskState>,
    paths: Vec<String>,
    progress: Channel<ImportProgress>,
) -> Result<ImportSummary, CommandError> {
    let cancel = Arc::clone(&state.import_cancel);
    cancel.store(false, Ordering::Relaxed);
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let mut report = Throttled::new(progress);
    on_worker(&state, move |desk| desk.import(&paths, &mut |p| report.send(p), &cancel)).await
}

#[tauri::command]
pub async fn import_samples(
    state: State<'_, DeskState>,
    progress: Channel<ImportProgress>,
) -> Result<ImportSummary, CommandError> {
    let cancel = Arc::clone(&state.import_cancel);
    cancel.store(false, Ordering::Relaxed);
    let mut report = Throttled::new(progress);
    on_worker(&state, move |desk| desk.import_samples(&mut |p| report.send(p), &cancel)).await
}

#[tauri::command]
pub fn cancel_import(state: State<'_, DeskState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

/// Progress messages at most every 50 ms (and always the last one): an
/// import of 100,000 small files should not flood the window.
struct Throttled {
    channel: Channel<ImportProgress>,
    last: Option<Instant>,
}

impl Throttled {
    fn new(channel: Channel<ImportProgress>) -> Self {
        Throttled { channel, last: None }
    }

    fn send(&mut self, progress: &ImportProgress) {
        let finished = progress.files_done >= progress.files_total;
        if finished || self.last.is_none_or(|t| t.elapsed() >= Duration::from_millis(50)) {
            self.last = Some(Instant::now());
            // A closed window stops listening; the import goes on regardless.
            let _ = self.channel.send(progress.clone());
        }
    }
}
