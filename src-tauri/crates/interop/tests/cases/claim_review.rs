//! schema.org ClaimReview for the claims with a verdict.

use claimdesk_interop::{Format, Selection};
use serde_json::Value;

use crate::support::{export, recorded_desk};

#[test]
fn claims_with_a_verdict_become_claim_reviews() {
    let (_dir, desk, recorded) = recorded_desk();
    let doc: Value = serde_json::from_str(&export(&desk, Format::ClaimReview, &Selection::all())).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    let reviews = doc["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), 3, "the unverified claim has no verdict");
    let denial = reviews.iter().find(|r| r["claimReviewed"] == recorded.denial.selector.exact).unwrap();
    assert_eq!(denial["@type"], "ClaimReview");
    assert_eq!(denial["reviewRating"]["alternateName"], "Disputed");
    assert_eq!(denial["reviewRating"]["ratingValue"], 3);
    assert_eq!(denial["itemReviewed"]["@type"], "Claim");
    assert_eq!(denial["itemReviewed"]["author"]["name"], "Anselm Kreel");
    assert_eq!(denial["itemReviewed"]["author"]["@type"], "Person");
    let appearance = &denial["itemReviewed"]["appearance"];
    let article = desk.article(recorded.denial.article).unwrap();
    assert_eq!(appearance["headline"], article.title);
    assert_eq!(appearance["publisher"]["name"], "Varenia Observer");
    assert!(appearance.get("url").is_none(), "the leak has no address");
    let prisoners = reviews.iter().find(|r| r["claimReviewed"] == recorded.prisoners.selector.exact).unwrap();
    assert_eq!(prisoners["reviewRating"]["alternateName"], "False");
    let article = desk.article(recorded.prisoners.article).unwrap();
    assert_eq!(prisoners["itemReviewed"]["appearance"]["url"], article.url.unwrap());
    assert_eq!(prisoners["itemReviewed"]["author"]["@type"], "Organization", "an anonymous source is not a person");
}
