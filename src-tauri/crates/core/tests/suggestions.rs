//! Attribution suggestions in a sample article: linked to the registry by
//! alias, accepted as a claim with its chain in one undoable step, rejected
//! and remembered.

mod support;

use claimdesk_core::domain::{AcceptSuggestion, ChainRole, ClaimKind, ClaimStatus, SourceKind, SuggestedSourceKind};
use support::*;

fn text_of(body: &str, start: usize, end: usize) -> String {
    body.chars().skip(start).take(end - start).collect()
}

#[test]
fn accept_links_the_registry_and_reject_is_remembered() {
    let (_dir, desk) = samples_desk();
    let talks = article_with(&desk, "Vannikow");
    let body = desk.article(talks).unwrap().body;
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &[]);

    let suggestions = desk.suggestions(talks).unwrap();
    assert!(suggestions.len() >= 5, "{} suggestions", suggestions.len());
    let by_alias = |s: &&claimdesk_core::domain::AttributionSuggestion| {
        s.source.as_ref().is_some_and(|source| source.text == "Kreel")
    };
    let found = suggestions.iter().find(by_alias).expect("“… Kreel said.” is suggested");
    assert_eq!(text_of(&body, found.cue.start, found.cue.end), "said");
    assert_eq!(found.source.as_ref().unwrap().known.as_ref().map(|k| k.id), Some(kreel.id), "the surname finds him");
    assert_eq!(found.source_kind, SuggestedSourceKind::Person);

    let accept =
        AcceptSuggestion { cue: found.cue, kind: ClaimKind::Quote, status: ClaimStatus::Unverified, credibility: 6 };
    let claim = desk.accept_suggestion(talks, &accept).unwrap();
    let content = found.content.unwrap();
    assert_eq!(claim.selector.span(), content);
    assert_eq!(claim.chain.len(), 1);
    assert_eq!((claim.chain[0].source.id, claim.chain[0].role), (kreel.id, ChainRole::Speaker));
    assert_eq!(claim.chain[0].cue, Some(found.cue));
    assert_eq!(claim.chain[0].mention, Some(found.source.as_ref().unwrap().span));
    assert!(desk.source(kreel.id).unwrap().aliases.contains(&"Kreel".to_string()), "the text's words become an alias");
    assert!(!desk.suggestions(talks).unwrap().iter().any(|s| s.cue == found.cue), "an accepted suggestion is gone");
    assert!(desk.accept_suggestion(talks, &accept).is_err(), "and cannot be accepted twice");

    // One undo takes back the claim and the alias.
    desk.undo().unwrap();
    assert!(desk.claims_of_article(talks).unwrap().is_empty());
    assert!(desk.source(kreel.id).unwrap().aliases.is_empty());
    assert!(desk.suggestions(talks).unwrap().iter().any(|s| s.cue == found.cue));

    // A new speaker is added to the registry on accepting.
    let new_speaker = desk
        .suggestions(talks)
        .unwrap()
        .into_iter()
        .find(|s| s.source.as_ref().is_some_and(|source| source.text.contains("Tomas Arveny")))
        .expect("Arveny's rejection is suggested");
    let before = desk.sources().unwrap().len();
    let claim = desk.accept_suggestion(talks, &AcceptSuggestion { cue: new_speaker.cue, ..accept.clone() }).unwrap();
    assert_eq!(desk.sources().unwrap().len(), before + 1);
    assert!(claim.chain[0].source.name.contains("Tomas Arveny"));

    // Rejected: hidden for good, back with undo.
    let unwanted = desk.suggestions(talks).unwrap()[0].cue;
    desk.reject_suggestion(talks, unwanted).unwrap();
    assert!(!desk.suggestions(talks).unwrap().iter().any(|s| s.cue == unwanted));
    desk.reject_suggestion(talks, unwanted).unwrap();
    desk.undo().unwrap();
    assert!(desk.suggestions(talks).unwrap().iter().any(|s| s.cue == unwanted));
}
