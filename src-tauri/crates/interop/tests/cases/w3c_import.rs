//! Import of W3C annotations: the round trip of our own export into another
//! data directory, plain annotations from other tools, and bad files.

use claimdesk_core::Desk;
use claimdesk_core::domain::{AnchorState, ClaimFilter};
use claimdesk_interop::{InteropError, Outcome, Selection, import_annotations};
use serde_json::{Value, json};

use crate::support::{article_with, export, export_with, recorded_desk, samples_desk, small_pages};
use claimdesk_interop::Format;

fn annotations(desk: &Desk) -> Vec<Value> {
    let collection: Value = serde_json::from_str(&export(desk, Format::W3c, &Selection::all())).unwrap();
    let mut pages: Vec<Value> = collection.get("first").into_iter().cloned().collect();
    pages.extend(collection["cd:pages"].as_array().cloned().unwrap_or_default());
    let mut items: Vec<Value> = pages.iter().flat_map(|p| p["items"].as_array().unwrap().clone()).collect();
    // What a round trip keeps: everything but the times of this copy.
    for item in &mut items {
        let item = item.as_object_mut().unwrap();
        item.remove("created");
        item.remove("modified");
    }
    items.sort_by_key(|a| a["id"].as_str().unwrap().to_string());
    items
}

fn outcomes(report: &claimdesk_interop::ImportReport) -> Vec<&'static str> {
    report
        .annotations
        .iter()
        .map(|a| match a.outcome {
            Outcome::Imported { .. } => "imported",
            Outcome::NeedsReview { .. } => "needs_review",
            Outcome::AlreadyHere { .. } => "already_here",
            Outcome::Rejected { .. } => "rejected",
        })
        .collect()
}

#[test]
fn an_export_imported_elsewhere_exports_the_same_annotations() {
    let (_dir, desk, _) = recorded_desk();
    // Two pages, so that the pages after the first are read too.
    let file = export_with(&desk, Format::W3c, &Selection::all(), &small_pages());
    let before = annotations(&desk);
    assert_eq!(before.len(), 4);

    let (_other_dir, other) = samples_desk();
    let report = import_annotations(&other, &file).unwrap();
    assert_eq!(outcomes(&report), ["imported"; 4], "{report:?}");
    assert!(report.annotations.iter().all(|a| a.warnings.is_empty()), "{report:?}");
    assert_eq!(annotations(&other), before, "ids, selectors, bodies and extension data come back the same");

    // Again: every claim is already there, and nothing changes.
    let claims = other.claims(&ClaimFilter::default()).unwrap();
    let report = import_annotations(&other, &file).unwrap();
    assert_eq!(outcomes(&report), ["already_here"; 4]);
    assert_eq!(other.claims(&ClaimFilter::default()).unwrap(), claims);
    let uids = |desk: &Desk| desk.sources().unwrap().into_iter().map(|s| s.uid).collect::<Vec<_>>();
    assert_eq!(uids(&other), uids(&desk), "the sources keep their uids, affiliations included");
}

#[test]
fn plain_annotations_from_other_tools_are_anchored_or_left_for_review() {
    let (_dir, desk) = samples_desk();
    let signed = desk.article(article_with(&desk, "Quellenhof")).unwrap();
    let url = signed.url.clone().unwrap();
    let quote = |exact: &str| json!({"source": url, "selector": [{"type": "TextQuoteSelector", "exact": exact}]});
    // A Hypothesis export: rows with `uri`, `text`, `tags` and a target list.
    let file = json!({"total": 6, "rows": [
        {"id": "h1", "uri": url, "text": "Check this figure", "tags": ["prisoners", " "],
         "target": [quote("around 250 people on each side")]},
        {"id": "h2", "uri": url, "text": "", "target": [quote("around 250 persons on each side")]},
        {"id": "h3", "uri": url, "target": [quote("the moon is made of green cheese")]},
        {"id": "h4", "uri": "https://example.com/not-imported",
         "target": [{"source": "https://example.com/not-imported",
                     "selector": [{"type": "TextQuoteSelector", "exact": "anything"}]}]},
        {"id": "h5", "type": "Note", "target": [quote("around 250 people on each side")]},
        {"id": "h6", "uri": url, "target": [{"source": url}]},
    ]});
    let report = import_annotations(&desk, &file.to_string()).unwrap();
    assert_eq!(outcomes(&report), ["imported", "needs_review", "needs_review", "rejected", "rejected", "rejected"]);
    let reason = |n: usize| match &report.annotations[n].outcome {
        Outcome::Rejected { reason } => reason.clone(),
        other => panic!("{other:?}"),
    };
    assert!(reason(3).contains("unknown article https://example.com/not-imported"), "{}", reason(3));
    assert!(reason(4).contains("not Annotation"), "{}", reason(4));
    assert!(reason(5).contains("TextQuoteSelector"), "{}", reason(5));

    let Outcome::Imported { claim } = report.annotations[0].outcome else { unreachable!() };
    let claim = desk.claim(claim).unwrap();
    assert_eq!((claim.note.as_str(), claim.tags.as_slice()), ("Check this figure", &["prisoners".to_string()][..]));
    assert_eq!(claim.selector.exact, "around 250 people on each side");
    let Outcome::NeedsReview { claim } = report.annotations[2].outcome else { unreachable!() };
    let lost = desk.claim(claim).unwrap();
    assert_eq!(lost.anchor, AnchorState::NeedsReview);
    assert_eq!(lost.review.unwrap().original.exact, "the moon is made of green cheese", "the quote is kept");
}

#[test]
fn files_that_are_not_annotations_change_nothing() {
    let (_dir, desk, _) = recorded_desk();
    let claims = desk.claims(&ClaimFilter::default()).unwrap();
    let sources = desk.sources().unwrap();
    for (text, not_json) in [
        ("{\"type\": \"Annotation\",", true),
        ("\u{feff}not json at all", true),
        ("{\"hello\": 1}", false),
        ("42", false),
    ] {
        match import_annotations(&desk, text) {
            Err(InteropError::NotJson(_)) if not_json => {}
            Err(InteropError::NotAnnotations(_)) if !not_json => {}
            other => panic!("{text}: {other:?}"),
        }
    }
    // A valid file whose annotations all fail changes nothing either.
    let bad = json!([{"type": "Annotation", "target": {"source": "https://example.com/nowhere",
        "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]);
    let report = import_annotations(&desk, &bad.to_string()).unwrap();
    assert_eq!(outcomes(&report), ["rejected"]);
    // Ours, with values out of their sets.
    let mut ours: Value = serde_json::from_str(&export(&desk, Format::W3c, &Selection::all())).unwrap();
    let item = |n: usize| ours["first"]["items"][n].clone();
    let (mut graded, mut kinded, mut chained) = (item(0), item(1), item(3));
    let assessing = graded["body"].as_array().unwrap().len() - 1;
    graded["body"][assessing]["cd:credibility"] = json!(9);
    kinded["cd:kind"] = json!("rumour");
    chained["cd:chain"][0]["cd:role"] = json!("intermediary");
    ours["first"]["items"] = json!([graded, kinded, chained]);
    let report = import_annotations(&desk, &ours.to_string()).unwrap();
    let reasons: Vec<String> = report
        .annotations
        .iter()
        .map(|a| match &a.outcome {
            Outcome::Rejected { reason } => reason.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(reasons[0].contains("credibility is not 1–6: 9"), "{reasons:?}");
    assert!(reasons[1].contains("unknown claim kind \"rumour\""), "{reasons:?}");
    assert!(reasons[2].contains("the speaker comes first"), "{reasons:?}");
    assert_eq!(desk.claims(&ClaimFilter::default()).unwrap(), claims);
    assert_eq!(desk.sources().unwrap(), sources);
}
