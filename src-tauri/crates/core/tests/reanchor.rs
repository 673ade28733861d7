//! A new version of an article (same URL, other text): its claims follow
//! their quotes, or wait for review; nothing is dropped, and undo brings the
//! old text back. Also claims imported from another copy of an article.

mod support;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use claimdesk_core::Desk;
use claimdesk_core::domain::{
    AnchorState, ArticleId, ClaimPatch, ImportSummary, ReviewReason, SearchRequest, Selector, SourceKind,
};
use support::*;

const URL: &str = "https://example.org/vel-port";

const FIRST: &str = "The port of Vel closed on Monday, officials said. \
    Union leader Mara Oss said the strike would last a week. \
    The ministry denied that any ships had been turned away. \
    Fishermen said catches were down by half since spring.";

/// The same story, edited: a sentence added at the top (every claim moves),
/// one quote reworded slightly, one sentence removed.
const SECOND: &str = "Updated at noon with the ministry's statement. \
    The port of Vel closed on Monday, officials said. \
    Union leader Mara Oss said the stoppage would last a week. \
    The ministry denied that any ships had been turned away. \
    Traders said prices were rising.";

fn write_version(dir: &Path, name: &str, body: &str) -> std::path::PathBuf {
    let line = serde_json::json!({ "title": "Vel port closed", "body": body, "url": URL, "outlet": "Test Wire" });
    let path = dir.join(name);
    std::fs::write(&path, format!("{line}\n")).unwrap();
    path
}

fn import(desk: &Desk, path: &Path) -> ImportSummary {
    desk.import(&[path.to_path_buf()], &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

fn only_article(desk: &Desk) -> ArticleId {
    desk.article_by_url(URL).unwrap().expect("the article is stored").id
}

#[test]
fn claims_follow_a_new_version_or_wait_for_review() {
    let files = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let desk = Desk::open(data.path()).unwrap();
    assert_eq!(import(&desk, &write_version(files.path(), "v1.jsonl", FIRST)).imported, 1);
    let article = only_article(&desk);
    let oss = source(&desk, "Mara Oss", SourceKind::Person, &[]);

    let mut with_cue = new_claim(&desk, article, "the strike would last a week", vec![speaker(oss.id)]);
    with_cue.chain[0].cue = Some(span_of(&desk, article, "said the strike"));
    with_cue.chain[0].mention = Some(span_of(&desk, article, "Mara Oss"));
    let strike = desk.create_claim(&with_cue).unwrap();
    let denial = desk.create_claim(&new_claim(&desk, article, "any ships had been turned away", vec![])).unwrap();
    let catches =
        desk.create_claim(&new_claim(&desk, article, "catches were down by half since spring", vec![])).unwrap();

    let summary = import(&desk, &write_version(files.path(), "v2.jsonl", SECOND));
    assert_eq!((summary.imported, summary.updated, summary.needs_review), (0, 1, 2), "{summary:?}");
    assert_eq!(only_article(&desk), article, "the new version keeps the article's id");
    let body = desk.article(article).unwrap().body;
    assert_eq!(body, SECOND);

    // Moved: the quote and its context are found once, further on.
    let moved = desk.claim(denial.id).unwrap();
    assert_eq!(moved.anchor, AnchorState::Anchored);
    assert_eq!(text_at(&body, &moved.selector), "any ships had been turned away");
    assert!(moved.selector.start > denial.selector.start);

    // Fuzzy: on the reworded quote, to be confirmed, the original kept.
    let fuzzy = desk.claim(strike.id).unwrap();
    assert_eq!(fuzzy.anchor, AnchorState::NeedsReview);
    let review = fuzzy.review.clone().unwrap();
    assert_eq!(review.reason, ReviewReason::Fuzzy);
    assert_eq!(review.original, strike.selector);
    assert_eq!(text_at(&body, &fuzzy.selector), "the stoppage would last a week");
    let mention = fuzzy.chain[0].mention.unwrap();
    assert_eq!(body.chars().skip(mention.start).take(mention.end - mention.start).collect::<String>(), "Mara Oss");
    assert_eq!(fuzzy.chain[0].cue, None, "the cue's words changed: it is not guessed");

    // Not found: kept as it was, for review; never dropped.
    let lost = desk.claim(catches.id).unwrap();
    assert_eq!(lost.anchor, AnchorState::NeedsReview);
    assert_eq!(lost.review.as_ref().unwrap().reason, ReviewReason::NotFound);
    assert_eq!(lost.selector, catches.selector);
    let pending: Vec<_> = desk.claims_needing_review().unwrap().iter().map(|c| c.id).collect();
    assert_eq!(pending, vec![strike.id, catches.id]);

    // The index follows the new text.
    assert_eq!(desk.search(&SearchRequest::new("traders")).unwrap().total, 1);
    assert_eq!(desk.search(&SearchRequest::new("fishermen")).unwrap().total, 0);

    // The analyst confirms the fuzzy place: nothing left to review for it.
    let confirmed =
        desk.update_claim(strike.id, &ClaimPatch { anchor: Some(AnchorState::Anchored), ..ClaimPatch::default() });
    assert_eq!(confirmed.unwrap().review, None);
    desk.undo().unwrap();

    // Undoing the new version brings back the old text and spans.
    let undone = desk.undo().unwrap();
    assert!(undone.label.contains("new version"), "{}", undone.label);
    assert_eq!(desk.article(article).unwrap().body, FIRST);
    for claim in [&strike, &denial, &catches] {
        let now = desk.claim(claim.id).unwrap();
        assert_eq!(
            (now.selector.clone(), now.anchor, now.review),
            (claim.selector.clone(), AnchorState::Anchored, None)
        );
    }
    desk.flush_indexes().unwrap();
    assert_eq!(desk.search(&SearchRequest::new("fishermen")).unwrap().total, 1, "the index follows the undo");
    assert_eq!(desk.search(&SearchRequest::new("traders")).unwrap().total, 0);
}

#[test]
fn the_same_text_again_is_a_duplicate_and_touches_no_claim() {
    let files = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let desk = Desk::open(data.path()).unwrap();
    let path = write_version(files.path(), "v1.jsonl", FIRST);
    import(&desk, &path);
    let article = only_article(&desk);
    let claim = desk.create_claim(&new_claim(&desk, article, "officials said", vec![])).unwrap();
    let summary = import(&desk, &path);
    assert_eq!((summary.duplicates, summary.updated), (1, 0));
    assert_eq!(desk.claim(claim.id).unwrap(), claim);
}

#[test]
fn an_imported_claim_is_anchored_on_this_copy_or_kept_for_review() {
    let files = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let desk = Desk::open(data.path()).unwrap();
    import(&desk, &write_version(files.path(), "v2.jsonl", SECOND));
    let article = only_article(&desk);
    let made_elsewhere = |exact: &str, prefix: &str, start: usize| Selector {
        exact: exact.into(),
        prefix: prefix.into(),
        suffix: String::new(),
        start,
        end: start + exact.chars().count(),
    };
    let mut claim = new_claim(&desk, article, "officials said", vec![]);
    claim.uid = Some("5b0c8f6e-3d1e-4c52-9a51-0d6b8e2f4a10".into());
    claim.selector = made_elsewhere("any ships had been turned away", "The ministry denied that ", 120);
    let moved = desk.import_claim(&claim).unwrap();
    assert_eq!(moved.anchor, AnchorState::Anchored);
    assert_eq!(moved.uid, "5b0c8f6e-3d1e-4c52-9a51-0d6b8e2f4a10", "an imported claim keeps its id");
    assert_eq!(text_at(SECOND, &moved.selector), "any ships had been turned away");

    claim.uid = None;
    claim.selector = made_elsewhere("catches were down by half since spring", "", 150);
    let lost = desk.import_claim(&claim).unwrap();
    assert_eq!(lost.anchor, AnchorState::NeedsReview);
    assert_eq!(lost.review.unwrap().original, claim.selector);
    assert_eq!(lost.uid.len(), 36, "a new claim gets a UUID: {}", lost.uid);
}

fn text_at(body: &str, selector: &Selector) -> String {
    body.chars().skip(selector.start).take(selector.end - selector.start).collect()
}
