//! schema.org `ClaimReview`s for the claims that carry a verdict, the form
//! fact-check aggregators read: the claim, who made it, where it appeared,
//! and the rating.

use std::io::Write;

use claimdesk_domain::{Claim, ClaimStatus, SourceKind};
use serde_json::{Map, Value, json};

use crate::lookups::{Lookups, claim_iri};
use crate::selection::Selection;
use crate::{ExportOptions, Result};

/// The rating of a verdict on a 1 (worst) to 5 (best) scale, with its name;
/// None for a claim without a verdict.
pub fn rating(status: ClaimStatus) -> Option<(u8, &'static str)> {
    match status {
        ClaimStatus::False => Some((1, "False")),
        ClaimStatus::Misleading => Some((2, "Misleading")),
        ClaimStatus::Disputed => Some((3, "Disputed")),
        ClaimStatus::Corroborated => Some((5, "Corroborated")),
        ClaimStatus::Unverified => None,
    }
}

/// Writes `{"@context": "https://schema.org", "@graph": [ClaimReview, …]}`;
/// returns how many reviews it holds.
pub(crate) fn write(
    lookups: &mut Lookups<'_>,
    selection: &Selection,
    options: &ExportOptions,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    out.write_all(b"{\"@context\": \"https://schema.org\", \"@graph\": [")?;
    let mut count = 0u64;
    for page in selection.pages(lookups.desk)? {
        for claim in page? {
            let Some(review) = review(lookups, &claim, options)? else {
                continue;
            };
            out.write_all(if count == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer(&mut *out, &review)?;
            count += 1;
            progress(count);
        }
    }
    out.write_all(b"\n]}\n")?;
    Ok(count)
}

fn review(lookups: &mut Lookups<'_>, claim: &Claim, options: &ExportOptions) -> Result<Option<Value>> {
    let Some((value, name)) = rating(claim.status) else {
        return Ok(None);
    };
    let article = lookups.article(claim.article)?.clone();
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("NewsArticle"));
    appearance.insert("headline".into(), json!(article.title));
    if let Some(url) = &article.url {
        appearance.insert("url".into(), json!(url));
    }
    if let Some(published) = article.published {
        appearance.insert("datePublished".into(), json!(published));
    }
    if let Some(outlet) = &article.outlet {
        appearance.insert("publisher".into(), json!({ "@type": "Organization", "name": outlet }));
    }
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("appearance".into(), Value::Object(appearance));
    if let Some(speaker) = claim.speaker() {
        let kind = if speaker.kind == SourceKind::Person { "Person" } else { "Organization" };
        item.insert("author".into(), json!({ "@type": kind, "name": speaker.name }));
    }
    if let Some(published) = article.published {
        item.insert("datePublished".into(), json!(published));
    }
    let mut review = json!({
        "@type": "ClaimReview",
        "@id": claim_iri(claim),
        "claimReviewed": claim.selector.exact,
        "datePublished": claim.updated,
        "author": { "@type": "Person", "name": options.creator },
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
    });
    if !claim.note.is_empty() {
        review["reviewBody"] = json!(claim.note);
    }
    Ok(Some(review))
}
