//! The TypeScript declarations of every type that crosses the IPC boundary,
//! generated from the Rust types so they are never written twice.
//!
//! `cargo test` fails when `ui/src/lib/backend/bindings.ts` is stale;
//! `make bindings` (UPDATE_BINDINGS=1) rewrites it.

use std::path::Path;

use claimdesk_core::domain::*;
use ts_rs::{Config, TS};

use super::wire::{CommandError, DeskStatus};

const BINDINGS: &str = "../ui/src/lib/backend/bindings.ts";

fn declarations() -> String {
    // Ids and counts fit in a double for any real desk; `bigint` would make
    // every number awkward in the UI.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        AcceptSuggestion::decl(&cfg),
        Article::decl(&cfg),
        ArticleView::decl(&cfg),
        AnchorReview::decl(&cfg),
        AnchorState::decl(&cfg),
        Attribution::decl(&cfg),
        AttributionSuggestion::decl(&cfg),
        ChainLink::decl(&cfg),
        ChainRole::decl(&cfg),
        CheckReport::decl(&cfg),
        Claim::decl(&cfg),
        ClaimFilter::decl(&cfg),
        ClaimKind::decl(&cfg),
        ClaimPage::decl(&cfg),
        ClaimPatch::decl(&cfg),
        ClaimQuery::decl(&cfg),
        ClaimRow::decl(&cfg),
        ClaimSort::decl(&cfg),
        ClaimStatus::decl(&cfg),
        CommandError::decl(&cfg),
        DeskStatus::decl(&cfg),
        FacetCount::decl(&cfg),
        Facets::decl(&cfg),
        ImportIssue::decl(&cfg),
        ImportProgress::decl(&cfg),
        ImportSummary::decl(&cfg),
        ExportFormat::decl(&cfg),
        ExportProgress::decl(&cfg),
        ExportRequest::decl(&cfg),
        ExportSummary::decl(&cfg),
        IndexProgress::decl(&cfg),
        NewClaim::decl(&cfg),
        NewSource::decl(&cfg),
        Operation::decl(&cfg),
        OperationKind::decl(&cfg),
        Origin::decl(&cfg),
        Reliability::decl(&cfg),
        ReviewReason::decl(&cfg),
        SearchHit::decl(&cfg),
        SearchRequest::decl(&cfg),
        SearchResults::decl(&cfg),
        Selector::decl(&cfg),
        Source::decl(&cfg),
        SourceClaim::decl(&cfg),
        SourceKind::decl(&cfg),
        SourcePage::decl(&cfg),
        SourcePatch::decl(&cfg),
        SourceRef::decl(&cfg),
        SortOrder::decl(&cfg),
        SourceFormat::decl(&cfg),
        Span::decl(&cfg),
        Stats::decl(&cfg),
        SuggestedSource::decl(&cfg),
        SuggestedSourceKind::decl(&cfg),
        StatusCount::decl(&cfg),
        Tag::decl(&cfg),
        Timestamp::decl(&cfg),
    ];
    let mut out = String::from("// Generated from the Rust types by `make bindings`. Do not edit.\n");
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[test]
fn bindings_are_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS);
    let expected = declarations();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(found == expected, "{} is stale: run `make bindings` and commit the result", path.display());
}
