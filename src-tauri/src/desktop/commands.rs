//! The commands the window may call, one core call each.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use claimdesk_core::domain::{
    AcceptSuggestion, ArticleId, ArticleView, AttributionSuggestion, Claim, ClaimId, ClaimPage, ClaimPatch, ClaimQuery,
    ExportProgress, ExportRequest, ExportSummary, ImportProgress, ImportSummary, NewClaim, NewSource, Operation,
    SearchRequest, SearchResults, Selector, Source, SourceId, SourcePage, SourcePatch, Span, Stats, Tag,
};
use claimdesk_core::{Desk, DeskError};
use claimdesk_interop::{ExportOptions, Selection, export_to_file};
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

#[tauri::command]
pub async fn claims_of_article(state: State<'_, DeskState>, article_id: ArticleId) -> Result<Vec<Claim>, CommandError> {
    on_worker(&state, move |desk| desk.claims_of_article(article_id)).await
}

/// The selector of a code-point span of the article (a selection in the reader).
#[tauri::command]
pub async fn select_span(
    state: State<'_, DeskState>,
    article_id: ArticleId,
    span: Span,
) -> Result<Selector, CommandError> {
    on_worker(&state, move |desk| desk.select_span(article_id, span)).await
}

#[tauri::command]
pub async fn create_claim(state: State<'_, DeskState>, claim: NewClaim) -> Result<Claim, CommandError> {
    on_worker(&state, move |desk| desk.create_claim(&claim)).await
}

/// A claim and the new sources its chain names (`new_sources[i]` for link
/// `i`, or null for a registry source), as one undoable step.
#[tauri::command]
pub async fn create_claim_with_sources(
    state: State<'_, DeskState>,
    claim: NewClaim,
    new_sources: Vec<Option<NewSource>>,
) -> Result<Claim, CommandError> {
    on_worker(&state, move |desk| desk.create_claim_with_sources(&claim, &new_sources)).await
}

#[tauri::command]
pub async fn update_claim(state: State<'_, DeskState>, id: ClaimId, patch: ClaimPatch) -> Result<Claim, CommandError> {
    on_worker(&state, move |desk| desk.update_claim(id, &patch)).await
}

#[tauri::command]
pub async fn delete_claim(state: State<'_, DeskState>, id: ClaimId) -> Result<(), CommandError> {
    on_worker(&state, move |desk| desk.delete_claim(id)).await
}

/// Type-ahead over source names and aliases.
#[tauri::command]
pub async fn find_sources(state: State<'_, DeskState>, query: String) -> Result<Vec<Source>, CommandError> {
    on_worker(&state, move |desk| desk.suggest_sources(&query, 20)).await
}

#[tauri::command]
pub async fn create_source(state: State<'_, DeskState>, source: NewSource) -> Result<Source, CommandError> {
    on_worker(&state, move |desk| desk.create_source(&source)).await
}

#[tauri::command]
pub async fn add_alias(state: State<'_, DeskState>, id: SourceId, alias: String) -> Result<Source, CommandError> {
    on_worker(&state, move |desk| desk.add_alias(id, &alias)).await
}

/// A page of the claims view (also the list of claims needing review).
#[tauri::command]
pub async fn claim_page(state: State<'_, DeskState>, query: ClaimQuery) -> Result<ClaimPage, CommandError> {
    on_worker(&state, move |desk| desk.claim_page(&query)).await
}

#[tauri::command]
pub async fn get_claim(state: State<'_, DeskState>, id: ClaimId) -> Result<Claim, CommandError> {
    on_worker(&state, move |desk| desk.claim(id)).await
}

#[tauri::command]
pub async fn list_sources(state: State<'_, DeskState>) -> Result<Vec<Source>, CommandError> {
    on_worker(&state, |desk| desk.sources()).await
}

#[tauri::command]
pub async fn source_page(state: State<'_, DeskState>, id: SourceId) -> Result<SourcePage, CommandError> {
    on_worker(&state, move |desk| desk.source_page(id)).await
}

#[tauri::command]
pub async fn update_source(
    state: State<'_, DeskState>,
    id: SourceId,
    patch: SourcePatch,
) -> Result<Source, CommandError> {
    on_worker(&state, move |desk| desk.update_source(id, &patch)).await
}

#[tauri::command]
pub async fn remove_alias(state: State<'_, DeskState>, id: SourceId, alias: String) -> Result<Source, CommandError> {
    on_worker(&state, move |desk| desk.remove_alias(id, &alias)).await
}

/// Merges `absorb` into `keep`: aliases, attributions and members move over.
#[tauri::command]
pub async fn merge_sources(
    state: State<'_, DeskState>,
    keep: SourceId,
    absorb: SourceId,
) -> Result<Source, CommandError> {
    on_worker(&state, move |desk| desk.merge_sources(keep, absorb)).await
}

#[tauri::command]
pub async fn list_tags(state: State<'_, DeskState>) -> Result<Vec<Tag>, CommandError> {
    on_worker(&state, |desk| desk.tags()).await
}

/// Attribution suggestions for an article (found when first asked, then cached).
#[tauri::command]
pub async fn suggestions(
    state: State<'_, DeskState>,
    article_id: ArticleId,
) -> Result<Vec<AttributionSuggestion>, CommandError> {
    on_worker(&state, move |desk| desk.suggestions(article_id)).await
}

#[tauri::command]
pub async fn accept_suggestion(
    state: State<'_, DeskState>,
    article_id: ArticleId,
    accept: AcceptSuggestion,
) -> Result<Claim, CommandError> {
    on_worker(&state, move |desk| desk.accept_suggestion(article_id, &accept)).await
}

#[tauri::command]
pub async fn reject_suggestion(
    state: State<'_, DeskState>,
    article_id: ArticleId,
    cue: Span,
) -> Result<(), CommandError> {
    on_worker(&state, move |desk| desk.reject_suggestion(article_id, cue)).await
}

#[tauri::command]
pub async fn undo(state: State<'_, DeskState>) -> Result<Operation, CommandError> {
    on_worker(&state, |desk| desk.undo()).await
}

#[tauri::command]
pub async fn redo(state: State<'_, DeskState>) -> Result<Operation, CommandError> {
    on_worker(&state, |desk| desk.redo()).await
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

/// Exports claims to a file, reporting the records written (every 500 and
/// the last); the file appears only once the export is whole.
#[tauri::command]
pub async fn export_claims(
    state: State<'_, DeskState>,
    request: ExportRequest,
    progress: Channel<ExportProgress>,
) -> Result<ExportSummary, CommandError> {
    let desk = state.desk()?;
    tauri::async_runtime::spawn_blocking(move || {
        let selection = Selection { query: request.query, tag: request.tag, source: request.source };
        let path = PathBuf::from(&request.path);
        let mut report = |written: u64| {
            if written.is_multiple_of(500) {
                // A closed window stops listening; the export goes on regardless.
                let _ = progress.send(ExportProgress { written });
            }
        };
        let written = export_to_file(&desk, request.format, &selection, &ExportOptions::default(), &path, &mut report)?;
        let _ = progress.send(ExportProgress { written });
        Ok(ExportSummary { written, path: request.path })
    })
    .await
    .map_err(|e| CommandError::internal(e.to_string()))?
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
