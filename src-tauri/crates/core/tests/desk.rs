//! The desk's story on the project's own fixtures (`tests/fixtures`): import
//! the samples and the broken files, search with every element of the query
//! language, re-import, recover after a crash, rebuild a damaged index.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use claimdesk_core::domain::{ImportSummary, SearchRequest, SearchResults, SortOrder};
use claimdesk_core::{Desk, DeskError, DeskOptions};

/// Articles in `tests/fixtures/samples` (see the manifest in its README).
const SAMPLE_ARTICLES: u64 = 35;

fn fixtures(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(folder)
}

fn import(desk: &Desk, folder: &str) -> ImportSummary {
    let never = AtomicBool::new(false);
    desk.import(&[fixtures(folder)], &mut |_| {}, &never).unwrap()
}

fn search(desk: &Desk, query: &str) -> SearchResults {
    let mut request = SearchRequest::new(query);
    request.limit = 100;
    desk.search(&request).unwrap_or_else(|e| panic!("{query:?}: {e}"))
}

fn titles(desk: &Desk, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = search(desk, query).hits.into_iter().map(|h| h.title).collect();
    titles.sort();
    titles
}

fn samples_desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let summary = import(&desk, "samples");
    assert_eq!(summary.errors, vec![], "the samples import cleanly");
    assert_eq!(summary.warnings, vec![], "the samples import without warnings");
    assert_eq!((summary.imported, summary.duplicates, summary.failed), (SAMPLE_ARTICLES, 0, 0));
    (dir, desk)
}

#[test]
fn samples_import_and_every_query_form_finds_what_it_should() {
    let (_dir, desk) = samples_desk();
    let one = |query: &str, title_part: &str| {
        let found = titles(&desk, query);
        assert_eq!(found.len(), 1, "{query:?} found {found:?}");
        assert!(found[0].contains(title_part), "{query:?} found {found:?}");
    };
    // One distinctive word per format (see the manifest).
    one("Ruskavel", "Ruskavel line");
    one("Lindeskar", "Marren sinking");
    one("Quorvex", "Quorvex removes");
    one("Saltmarsh", "Saltmarsh homeowners");
    one("Inspectorate", "St Ines General Hospital");
    one("Lumora", "Lumora Expo");
    one("ليسفان", "ليسفان");
    // Every element of the query language.
    one("Zervanka Ekdahl OR Zervanka", "Serrat truce strained");
    assert_eq!(titles(&desk, "Skelby OR Hvitsand OR Nordkai").len(), 3);
    assert_eq!(titles(&desk, "Skelby Hvitsand").len(), 0);
    one("\"Lumora Expo\" -Ruskavel", "Lumora");
    assert_eq!(titles(&desk, "Lumora NOT Lumora").len(), 0);
    one("Quorv*", "Quorvex");
    one("title:Quorvex", "Quorvex");
    one("outlet:\"Casmiria Free Press\"", "partial recount");
    one("lang:fr", "Grève au port");
    one("lang:ar", "ليسفان");
    assert_eq!(titles(&desk, "author:Renwick").len(), 2, "Tobias Renwick wrote two Meridian Wire reports");
    assert_eq!(search(&desk, "published:[2025-01-01 TO 2025-12-31]").total, 5);
    assert_eq!(search(&desk, "published:2023").total, 8);
    assert_eq!(search(&desk, "").total, SAMPLE_ARTICLES);
}

#[test]
fn facets_and_date_order_follow_the_manifest() {
    let (_dir, desk) = samples_desk();
    let all = search(&desk, "");
    let outlet = |name: &str| all.facets.outlet.iter().find(|f| f.value == name).map(|f| f.count);
    assert_eq!(all.facets.outlet.len(), 12);
    assert_eq!(outlet("Caldris Coast Radio"), Some(4));
    assert_eq!(outlet("Kestrel News Agency"), Some(3));
    let years: Vec<(&str, u64)> = all.facets.year.iter().map(|f| (f.value.as_str(), f.count)).collect();
    assert_eq!(years, vec![("2025", 5), ("2024", 12), ("2023", 8)]);

    let mut request = SearchRequest::new("");
    request.sort = SortOrder::Date;
    request.limit = 3;
    let newest = desk.search(&request).unwrap();
    let newest: Vec<&str> = newest.hits.iter().map(|h| h.title.as_str()).collect();
    assert!(newest[0].starts_with("Internal memo warned Altiplan"), "{newest:?}");
    assert!(newest[1].starts_with("Cyanide levels in Seln river"), "{newest:?}");
    assert!(newest[2].starts_with("Quorvex removes"), "{newest:?}");
}

#[test]
fn snippet_highlights_count_code_points_past_emoji_and_cjk() {
    let (_dir, desk) = samples_desk();
    let results = search(&desk, "semiconductor");
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert!(!hit.highlights.is_empty());
    for [start, end] in &hit.highlights {
        let word: String = hit.snippet.chars().skip(*start).take(end - start).collect();
        assert_eq!(word.to_lowercase(), "semiconductor", "snippet {:?}", hit.snippet);
    }
    let article = desk.article(hit.id).unwrap();
    assert!(article.body.contains('🚢'), "the emoji article is the one found");
}

#[test]
fn importing_again_finds_only_duplicates() {
    let (_dir, desk) = samples_desk();
    let again = import(&desk, "samples");
    assert_eq!((again.imported, again.duplicates, again.failed), (0, SAMPLE_ARTICLES, 0));
    assert_eq!(desk.stats().unwrap().articles, SAMPLE_ARTICLES);
}

#[test]
fn broken_files_are_reported_and_the_rest_imported() {
    let (_dir, desk) = samples_desk();
    let summary = import(&desk, "broken");
    assert_eq!(summary.imported, 6, "{summary:#?}");
    let mut failed: Vec<String> =
        summary.errors.iter().map(|e| e.path.rsplit('/').next().unwrap_or_default().to_string()).collect();
    failed.sort();
    assert_eq!(
        failed,
        [
            "broken-feed.rss",
            "empty.txt",
            "junk.txt",
            "mixed.jsonl:2",
            "mixed.jsonl:4",
            "notes.docx",
            "whitespace-only.md"
        ]
    );
    assert_eq!(summary.failed, 7);
    assert!(summary.errors.iter().all(|e| !e.error.is_empty()));
    let warned: Vec<&str> = summary.warnings.iter().map(|w| w.path.as_str()).collect();
    assert!(warned.iter().any(|p| p.ends_with("latin1-legacy.txt")), "{warned:?}");
    assert!(warned.iter().any(|p| p.ends_with("invalid-utf8.txt")), "{warned:?}");
    // The samples are untouched and everything stored is searchable.
    assert_eq!(desk.stats().unwrap().articles, SAMPLE_ARTICLES + 6);
    assert!(desk.check().unwrap().is_ok());
}

#[test]
fn a_malformed_query_is_a_clear_error_with_its_position() {
    let (_dir, desk) = samples_desk();
    let error = desk.search(&SearchRequest::new("ceasefire (talks")).unwrap_err();
    match &error {
        DeskError::Query { message, position } => {
            assert!(message.contains('('), "{message}");
            assert_eq!(*position, 10);
        }
        other => panic!("expected a query error, got {other:?}"),
    }
    assert_eq!(error.code(), "query_syntax");
    assert!(error.is_user_error());
}

#[test]
fn an_import_can_be_cancelled_and_keeps_what_it_stored() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let cancel = AtomicBool::new(false);
    let summary = desk
        .import(
            &[fixtures("samples")],
            &mut |p| {
                if p.files_done >= 3 {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap();
    assert!(summary.cancelled);
    assert!(summary.imported < SAMPLE_ARTICLES);
    assert!(desk.check().unwrap().is_ok());
    assert_eq!(desk.stats().unwrap().articles, summary.imported);
}

/// A crash between storing a batch and committing the index leaves articles
/// the index lacks; the next open must add them.
#[test]
fn the_next_open_indexes_what_a_crash_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    drop(samples_desk_in(dir.path()));
    let store = claimdesk_store::Store::open(&dir.path().join("claimdesk.sqlite3")).unwrap();
    let parsed = claimdesk_import::parse_file(&fixtures("broken").join("utf16-bom.txt")).unwrap();
    let stored = store.insert_articles(&parsed.articles, "test").unwrap();
    assert_eq!(stored.inserted.len(), 1);
    drop(store);

    let desk = Desk::open(dir.path()).unwrap();
    assert!(desk.check().unwrap().is_ok(), "{:?}", desk.check().unwrap());
    assert_eq!(desk.stats().unwrap().indexed_documents, SAMPLE_ARTICLES + 1);
}

#[test]
fn a_damaged_index_is_rebuilt_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    drop(samples_desk_in(dir.path()));
    std::fs::write(dir.path().join("index/meta.json"), b"garbage").unwrap();
    let mut reports = Vec::new();
    let desk = Desk::open_with(dir.path(), &DeskOptions::default(), &mut |p| reports.push(p)).unwrap();
    assert_eq!(reports.last().map(|p| (p.done, p.total)), Some((SAMPLE_ARTICLES, SAMPLE_ARTICLES)));
    assert!(desk.check().unwrap().is_ok());
    assert_eq!(search(&desk, "Quorvex").total, 1);
}

#[test]
fn a_second_desk_on_the_same_data_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Desk::open(dir.path()).unwrap();
    let second = Desk::open(dir.path()).err().expect("a second desk must not open");
    assert_eq!(second.code(), "data_dir_in_use");
}

fn samples_desk_in(path: &Path) -> Desk {
    let desk = Desk::open(path).unwrap();
    assert_eq!(import(&desk, "samples").imported, SAMPLE_ARTICLES);
    desk
}

#[test]
fn the_reader_marks_every_match_of_the_search_in_the_body() {
    let (_dir, desk) = samples_desk();
    let id = search(&desk, "semiconductor").hits[0].id;
    let view = desk.article_view(id, "semiconductor OR Lumora").unwrap();
    assert!(view.highlights.len() >= 2, "{:?}", view.highlights);
    for [start, end] in &view.highlights {
        let word: String = view.article.body.chars().skip(*start).take(end - start).collect();
        let word = word.to_lowercase();
        assert!(word == "semiconductor" || word == "lumora", "{word:?}");
    }
    assert!(desk.article_view(id, "").unwrap().highlights.is_empty());
    assert_eq!(desk.article_view(999_999, "").unwrap_err().code(), "article_not_found");
}

#[test]
fn the_built_in_samples_import_like_the_fixture_folder() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let never = AtomicBool::new(false);
    let first = desk.import_samples(&mut |_| {}, &never).unwrap();
    assert_eq!((first.imported, first.failed), (SAMPLE_ARTICLES, 0));
    let again = desk.import_samples(&mut |_| {}, &never).unwrap();
    assert_eq!((again.imported, again.duplicates), (0, SAMPLE_ARTICLES));
}
