//! The claims view over the sample articles: pages, orders and filters, words
//! found through the claims index, and search results narrowed to articles
//! with claims of a source or a tag.

mod support;

use claimdesk_core::domain::{
    ClaimFilter, ClaimPatch, ClaimQuery, ClaimSort, ClaimStatus, SearchRequest, SourceKind, SourcePatch,
};
use support::*;

#[test]
fn pages_sort_and_filter_claims_across_articles() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel"]);
    let first =
        desk.create_claim(&new_claim(&desk, leak, "a fabrication circulated", vec![speaker(kreel.id)])).unwrap();
    let mut tagged = new_claim(&desk, leak, "people who want the talks to fail", vec![]);
    tagged.tags = vec!["Serrat talks".into()];
    tagged.credibility = 2;
    let second = desk.create_claim(&tagged).unwrap();
    let other = article_with(&desk, "Osterbrink");
    let third = desk.create_claim(&new_claim(&desk, other, "only once, for four hours", vec![])).unwrap();
    desk.update_claim(third.id, &ClaimPatch { status: Some(ClaimStatus::False), ..ClaimPatch::default() }).unwrap();

    let page = |query: ClaimQuery| desk.claim_page(&query).unwrap();
    let ids = |query: ClaimQuery| page(query).rows.iter().map(|r| r.id).collect::<Vec<_>>();

    let all = page(ClaimQuery::default());
    assert_eq!(all.total, 3);
    assert_eq!(all.rows[0].id, third.id, "last edited first");
    let row = all.rows.iter().find(|r| r.id == first.id).unwrap();
    assert_eq!(row.chain, vec!["Anselm Kreel".to_string()]);
    assert_eq!(row.quote, "a fabrication circulated");
    assert!(!row.article_title.is_empty());
    assert_eq!(all.rows.iter().find(|r| r.id == second.id).unwrap().tags, vec!["Serrat talks".to_string()]);

    let by_credibility = ClaimQuery { sort: ClaimSort::Credibility, descending: false, ..ClaimQuery::default() };
    assert_eq!(ids(by_credibility.clone())[0], second.id);
    let second_page = ClaimQuery { offset: 1, limit: 1, ..by_credibility };
    assert_eq!(page(second_page.clone()).total, 3, "the total is the same on every page");
    assert_eq!(page(second_page).rows.len(), 1);

    let filtered = |filter: ClaimFilter| ids(ClaimQuery { filter, ..ClaimQuery::default() });
    assert_eq!(filtered(ClaimFilter { source: Some(kreel.id), ..ClaimFilter::default() }), vec![first.id]);
    assert_eq!(filtered(ClaimFilter { status: Some(ClaimStatus::False), ..ClaimFilter::default() }), vec![third.id]);
    assert_eq!(filtered(ClaimFilter { tag: Some("serrat TALKS".into()), ..ClaimFilter::default() }), vec![second.id]);
    assert_eq!(filtered(ClaimFilter { article: Some(other), ..ClaimFilter::default() }), vec![third.id]);

    // Words: in the quote, the note, or a source's name; found at once.
    let words = |text: &str| filtered(ClaimFilter { text: Some(text.into()), ..ClaimFilter::default() });
    assert_eq!(words("fabrication"), vec![first.id]);
    assert_eq!(words("kreel"), vec![first.id], "a source's name finds its claims");
    assert_eq!(words("talks fail"), vec![second.id], "every word must be there, in any order");
    desk.update_claim(
        third.id,
        &ClaimPatch { note: Some("Checked with the hospital".into()), ..ClaimPatch::default() },
    )
    .unwrap();
    assert_eq!(words("hospital"), vec![third.id], "an edit is found right away");
    desk.update_source(kreel.id, &SourcePatch { name: Some("Anselm Kreelov".into()), ..SourcePatch::default() })
        .unwrap();
    assert_eq!(words("kreelov"), vec![first.id], "a renamed source's claims follow");
    desk.delete_claim(first.id).unwrap();
    assert!(words("fabrication").is_empty(), "a deleted claim is gone from the index");
    desk.undo().unwrap();
    assert_eq!(words("fabrication"), vec![first.id], "and back with undo");
}

#[test]
fn search_narrows_to_articles_with_claims_of_a_source_or_tag() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let other = article_with(&desk, "Osterbrink");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel"]);
    desk.create_claim(&new_claim(&desk, leak, "a fabrication circulated", vec![speaker(kreel.id)])).unwrap();
    let mut tagged = new_claim(&desk, other, "only once, for four hours", vec![]);
    tagged.tags = vec!["cyber".into()];
    desk.create_claim(&tagged).unwrap();
    desk.tag_article(leak, "cyber").unwrap();

    let ids = |query: &str| {
        let mut ids: Vec<_> = desk.search(&SearchRequest::new(query)).unwrap().hits.iter().map(|h| h.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("source:kreel"), vec![leak], "by alias");
    assert_eq!(ids("source:\"Anselm Kreel\""), vec![leak]);
    let mut both = vec![leak, other];
    both.sort();
    assert_eq!(ids("tag:cyber"), both, "tagged articles and articles with tagged claims");
    assert_eq!(ids("tag:cyber -source:kreel"), vec![other]);
    assert!(ids("source:nobody").is_empty());
}
