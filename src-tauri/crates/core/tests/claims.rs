//! Claims and sources on the sample articles: recording a claim from a quote,
//! the rules of chains and spans, aliases, merging, filters, links, tags and
//! a source's page.

mod support;

use claimdesk_core::DeskError;
use claimdesk_core::domain::{
    AnchorState, ChainRole, ClaimFilter, ClaimKind, ClaimPatch, ClaimStatus, LinkKind, NewClaimLink, NewSource,
    QuoteQuery, Reliability, SourceKind, SourcePatch, Span, TagPatch,
};
use support::*;

#[test]
fn a_claim_from_a_quote_keeps_its_span_chain_and_tags() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel", "the ministry's chief spokesman"]);
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[]);
    desk.update_source(kreel.id, &SourcePatch { affiliation: Some(Some(ministry.id)), ..SourcePatch::default() })
        .unwrap();

    let exact = "a fabrication circulated by people who want the talks to fail";
    let mut new = new_claim(&desk, leak, exact, Vec::new());
    new.kind = ClaimKind::Denial;
    new.status = ClaimStatus::Disputed;
    new.credibility = 5;
    new.note = "Contradicted by two officials and by Arveny.".into();
    new.tags = vec!["Serrat talks".into(), "draft".into(), "serrat  TALKS".into()];
    let mut link = speaker(kreel.id);
    link.cue = Some(span_of(&desk, leak, "He described"));
    link.mention = Some(span_of(&desk, leak, "Anselm Kreel"));
    new.chain = vec![link.clone(), intermediary(ministry.id)];
    let denial = desk.create_claim(&new).unwrap();

    let body: Vec<char> = desk.article(leak).unwrap().body.chars().collect();
    let (start, end) = (denial.selector.start, denial.selector.end);
    assert_eq!(body[start..end].iter().collect::<String>(), exact);
    assert_eq!(denial.selector.prefix, body[start - 32..start].iter().collect::<String>());
    assert_eq!(denial.selector.suffix, body[end..end + 32].iter().collect::<String>());
    assert_eq!((denial.kind, denial.status, denial.credibility), (ClaimKind::Denial, ClaimStatus::Disputed, 5));
    assert_eq!(denial.anchor, AnchorState::Anchored);
    assert_eq!(denial.tags, ["draft", "Serrat talks"], "tags are found ignoring case and spacing");
    assert_eq!(denial.speaker().unwrap().name, "Anselm Kreel");
    assert_eq!(denial.chain[0].cue, link.cue);
    assert_eq!(denial.chain[0].mention, link.mention);
    assert_eq!((denial.chain[1].role, denial.chain[1].source.id), (ChainRole::Intermediary, ministry.id));
    assert_eq!(desk.claims_of_article(leak).unwrap(), vec![denial.clone()]);
    assert_eq!(desk.claim(denial.id).unwrap(), denial);

    let unattributed = claim(&desk, leak, "The eleven-page draft, dated 28 March", Vec::new());
    assert!(unattributed.chain.is_empty() && unattributed.speaker().is_none());
    let in_order: Vec<_> = desk.claims_of_article(leak).unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(in_order, [unattributed.id, denial.id], "claims come in reading order");
}

#[test]
fn quotes_must_occur_once_or_be_told_apart() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let query = |exact: &str, prefix: &str, suffix: &str| QuoteQuery {
        exact: exact.into(),
        prefix: prefix.into(),
        suffix: suffix.into(),
    };
    let missing = desk.select_quote(leak, &query("the talks were a triumph", "", "")).unwrap_err();
    assert_eq!(missing.code(), "quote_not_found");
    let ambiguous = desk.select_quote(leak, &query("Ruskavel line", "", "")).unwrap_err();
    assert!(matches!(ambiguous, DeskError::QuoteAmbiguous { count: 2, .. }), "{ambiguous}");
    assert!(ambiguous.to_string().contains("prefix or suffix"));
    let picked = desk.select_quote(leak, &query("Ruskavel line", "withdrawn behind the ", "")).unwrap();
    assert_eq!(picked.exact, "Ruskavel line");
    assert!(picked.prefix.ends_with("withdrawn behind the "));
    let by_suffix = desk.select_quote(leak, &query("Ruskavel line", "", ", the old")).unwrap();
    assert!(by_suffix.start < picked.start);
    assert_eq!(desk.select_quote(999, &query("x", "", "")).unwrap_err().code(), "article_not_found");
    assert_eq!(desk.select_span(leak, Span { start: 0, end: 1 }).unwrap().exact, "A");
}

#[test]
fn claims_are_checked_against_their_article_and_the_chain_rules() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &[]);
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[]);
    let good = new_claim(&desk, leak, "nothing is agreed until everything is agreed", vec![speaker(kreel.id)]);
    let length = desk.article(leak).unwrap().body.chars().count();
    let code = |claim: &claimdesk_core::domain::NewClaim| desk.create_claim(claim).unwrap_err().code();

    for credibility in [0, 7] {
        let bad = claimdesk_core::domain::NewClaim { credibility, ..good.clone() };
        assert_eq!(code(&bad), "invalid_credibility");
    }
    let mut bad = good.clone();
    bad.selector.end = length + 1;
    assert_eq!(code(&bad), "invalid_span");
    let mut bad = good.clone();
    bad.selector.end = bad.selector.start;
    assert_eq!(code(&bad), "invalid_span");
    let mut bad = good.clone();
    bad.selector.exact = "something else entirely, of the same..".into();
    assert_eq!(code(&bad), "invalid_span", "the quote must be the text at its position");
    let mut bad = good.clone();
    bad.selector.prefix = "not the text before".into();
    assert_eq!(code(&bad), "invalid_span");
    let mut bad = good.clone();
    bad.article = 999;
    assert_eq!(code(&bad), "article_not_found");

    let chain_error = |chain| {
        let error = desk.create_claim(&claimdesk_core::domain::NewClaim { chain, ..good.clone() }).unwrap_err();
        (error.code(), error.to_string())
    };
    let (code_, message) = chain_error(vec![intermediary(ministry.id)]);
    assert_eq!(code_, "invalid_chain");
    assert!(message.contains("starts with the speaker"), "{message}");
    let (code_, message) = chain_error(vec![speaker(kreel.id), speaker(ministry.id)]);
    assert_eq!(code_, "invalid_chain");
    assert!(message.contains("one speaker"), "{message}");
    assert_eq!(chain_error(vec![speaker(kreel.id), intermediary(12345)]).0, "source_not_found");
    let mut link = speaker(kreel.id);
    link.cue = Some(Span { start: length - 1, end: length + 5 });
    assert_eq!(chain_error(vec![link]).0, "invalid_span");
    let mut link = speaker(kreel.id);
    link.mention = Some(Span { start: 10, end: 10 });
    assert_eq!(chain_error(vec![link]).0, "invalid_span");
    let mut tagged = good.clone();
    tagged.tags = vec!["  ".into()];
    assert_eq!(code(&tagged), "empty_name");

    assert!(desk.claims(&ClaimFilter::default()).unwrap().is_empty(), "nothing invalid was stored");
    let stored = desk.create_claim(&good).unwrap();
    let patch = |patch: ClaimPatch| desk.update_claim(stored.id, &patch).unwrap_err().code();
    assert_eq!(patch(ClaimPatch { credibility: Some(9), ..ClaimPatch::default() }), "invalid_credibility");
    assert_eq!(
        patch(ClaimPatch { chain: Some(vec![intermediary(kreel.id)]), ..ClaimPatch::default() }),
        "invalid_chain"
    );
    assert_eq!(desk.update_claim(4242, &ClaimPatch::default()).unwrap_err().code(), "claim_not_found");
}

#[test]
fn editing_a_claim_changes_only_what_the_patch_gives() {
    let (_dir, desk) = samples_desk();
    let swap = article_with(&desk, "Osterbrink");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &[]);
    let vrt = source(&desk, "VRT-1", SourceKind::MediaOutlet, &[]);
    let original = claim(&desk, swap, "dozens of duplicates", vec![speaker(kreel.id)]);

    let edited = desk
        .update_claim(
            original.id,
            &ClaimPatch {
                status: Some(ClaimStatus::Disputed),
                credibility: Some(4),
                tags: Some(vec!["detainees".into()]),
                chain: Some(vec![speaker(kreel.id), intermediary(vrt.id)]),
                ..ClaimPatch::default()
            },
        )
        .unwrap();
    assert_eq!((edited.status, edited.credibility, edited.kind), (ClaimStatus::Disputed, 4, original.kind));
    assert_eq!(edited.tags, ["detainees"]);
    assert_eq!(edited.chain.len(), 2);
    assert_eq!(edited.selector, original.selector);

    let wider = desk
        .select_quote(
            swap,
            &QuoteQuery {
                exact: "dozens of duplicates, people who have been released".into(),
                ..QuoteQuery::default()
            },
        )
        .unwrap();
    let moved = desk
        .update_claim(
            original.id,
            &ClaimPatch {
                selector: Some(wider.clone()),
                chain: Some(Vec::new()),
                anchor: Some(AnchorState::NeedsReview),
                ..ClaimPatch::default()
            },
        )
        .unwrap();
    assert_eq!(moved.selector, wider);
    assert!(moved.chain.is_empty(), "a chain can be emptied: the claim is unattributed");
    assert_eq!(moved.anchor, AnchorState::NeedsReview);

    let before = desk.history(1).unwrap().recent[0].id;
    desk.update_claim(original.id, &ClaimPatch { status: Some(ClaimStatus::Disputed), ..ClaimPatch::default() })
        .unwrap();
    assert_eq!(desk.history(1).unwrap().recent[0].id, before, "an edit that changes nothing is no operation");

    desk.delete_claim(original.id).unwrap();
    assert_eq!(desk.claim(original.id).unwrap_err().code(), "claim_not_found");
    assert_eq!(desk.delete_claim(original.id).unwrap_err().code(), "claim_not_found");
}

#[test]
fn aliases_find_sources_ignoring_case_spacing_and_accents() {
    let (_dir, desk) = samples_desk();
    let peskov = source(&desk, "Dmitry Peskov", SourceKind::Person, &["Peskov", "Kremlin spokesman"]);
    for name in ["Peskov", "peskov", "  KREMLIN   spokesman ", "Dmitry Peskov", "Dmítry Peskóv"] {
        assert_eq!(desk.find_source(name).unwrap().id, peskov.id, "{name:?}");
    }
    assert_eq!(desk.find_source("Lavrov").unwrap_err().code(), "source_not_found");

    let with_alias = desk.add_alias(peskov.id, "Песков").unwrap();
    assert_eq!(with_alias.aliases, ["Kremlin spokesman", "Peskov", "Песков"]);
    assert_eq!(desk.find_source("песков").unwrap().id, peskov.id, "case folding is not only ASCII");
    let unchanged = desk.add_alias(peskov.id, "PESKOV").unwrap();
    assert_eq!(unchanged.aliases.len(), 3, "an alias it already answers to is not added twice");
    assert_eq!(desk.add_alias(peskov.id, " ").unwrap_err().code(), "empty_name");
    let fewer = desk.remove_alias(peskov.id, "kremlin spokesman").unwrap();
    assert_eq!(fewer.aliases, ["Peskov", "Песков"]);

    // Anonymous sources often share a description: the lookup says so.
    let first = source(&desk, "a senior official", SourceKind::Anonymous, &[]);
    let second = source(&desk, "A senior official", SourceKind::Anonymous, &[]);
    match desk.find_source("a senior official").unwrap_err() {
        DeskError::SourceAmbiguous { ids, .. } => assert_eq!(ids, [first.id, second.id]),
        other => panic!("expected source_ambiguous, got {other}"),
    }
    assert_eq!(desk.find_sources("a senior official").unwrap().len(), 2);
    assert_eq!(desk.create_source(&NewSource::named(" ", SourceKind::Person)).unwrap_err().code(), "empty_name");
}

#[test]
fn affiliations_point_to_other_sources_without_cycles() {
    let (_dir, desk) = samples_desk();
    let government = source(&desk, "Saudi government", SourceKind::GovernmentBody, &[]);
    let mut official = NewSource::named("a senior Saudi official", SourceKind::Anonymous);
    official.affiliation = Some(government.id);
    official.reliability = Reliability::C;
    official.reliability_rationale = "Past briefings mostly held up.".into();
    let official = desk.create_source(&official).unwrap();
    assert_eq!(official.affiliation.as_ref().unwrap().name, "Saudi government");
    assert_eq!(official.reliability, Reliability::C);

    let cycle = SourcePatch { affiliation: Some(Some(official.id)), ..SourcePatch::default() };
    assert_eq!(desk.update_source(government.id, &cycle).unwrap_err().code(), "affiliation_cycle");
    let itself = SourcePatch { affiliation: Some(Some(government.id)), ..SourcePatch::default() };
    assert_eq!(desk.update_source(government.id, &itself).unwrap_err().code(), "affiliation_cycle");
    let cleared = desk.update_source(official.id, &SourcePatch { affiliation: Some(None), ..SourcePatch::default() });
    assert!(cleared.unwrap().affiliation.is_none());

    let json: SourcePatch = serde_json::from_str(r#"{"affiliation": null}"#).unwrap();
    assert_eq!(json.affiliation, Some(None), "null clears the affiliation");
    let json: SourcePatch = serde_json::from_str(r#"{"description": "x"}"#).unwrap();
    assert_eq!(json.affiliation, None, "absent leaves it alone");
}

#[test]
fn merging_moves_aliases_attributions_and_members() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let swap = article_with(&desk, "Osterbrink");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel"]);
    let spokesman =
        source(&desk, "the foreign ministry's chief spokesman", SourceKind::Person, &["ministry spokesman", "kreel"]);
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[]);
    let deputy = desk
        .create_source(&NewSource {
            uid: None,
            affiliation: Some(spokesman.id),
            ..NewSource::named("deputy spokesman", SourceKind::Person)
        })
        .unwrap();
    let a =
        claim(&desk, leak, "a fabrication circulated by people who want the talks to fail", vec![speaker(kreel.id)]);
    let b = claim(
        &desk,
        swap,
        "preparations are continuing in good faith",
        vec![speaker(spokesman.id), intermediary(ministry.id)],
    );

    let merged = desk.merge_sources(kreel.id, spokesman.id).unwrap();
    assert_eq!(merged.aliases, ["Kreel", "ministry spokesman", "the foreign ministry's chief spokesman"]);
    assert_eq!(merged.claims, 2);
    assert_eq!(desk.source(spokesman.id).unwrap_err().code(), "source_not_found");
    assert_eq!(desk.find_source("the foreign ministry's chief spokesman").unwrap().id, kreel.id);
    assert_eq!(desk.claim(b.id).unwrap().speaker().unwrap().id, kreel.id);
    assert_eq!(desk.claim(a.id).unwrap().speaker().unwrap().id, kreel.id);
    assert_eq!(desk.source(deputy.id).unwrap().affiliation.unwrap().id, kreel.id);
    assert_eq!(desk.merge_sources(kreel.id, kreel.id).unwrap_err().code(), "merge_into_itself");

    let undone = desk.undo().unwrap();
    assert_eq!(undone.label, "Merge “the foreign ministry's chief spokesman” into “Anselm Kreel”");
    assert_eq!(desk.source(spokesman.id).unwrap(), desk.find_source("ministry spokesman").unwrap());
    assert_eq!(desk.source(spokesman.id).unwrap().aliases, ["kreel", "ministry spokesman"]);
    assert_eq!(desk.source(kreel.id).unwrap().aliases, ["Kreel"]);
    assert_eq!(desk.claim(b.id).unwrap().speaker().unwrap().id, spokesman.id);
    assert_eq!(desk.source(deputy.id).unwrap().affiliation.unwrap().id, spokesman.id);
}

#[test]
fn claims_filter_by_source_status_credibility_tag_article_and_text() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let swap = article_with(&desk, "Osterbrink");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &[]);
    let arveny = source(&desk, "Tomas Arveny", SourceKind::Person, &[]);
    let vrt = source(&desk, "VRT-1", SourceKind::MediaOutlet, &[]);
    let mut denial = new_claim(
        &desk,
        leak,
        "a fabrication circulated by people who want the talks to fail",
        vec![speaker(kreel.id)],
    );
    denial.status = ClaimStatus::Disputed;
    denial.credibility = 5;
    denial.tags = vec!["draft".into()];
    let denial = desk.create_claim(&denial).unwrap();
    let mut authentic =
        new_claim(&desk, leak, "authentic, and in some respects generous to the government", vec![speaker(arveny.id)]);
    authentic.credibility = 2;
    authentic.note = "Matches the signed text".into();
    authentic.tags = vec!["Draft".into()];
    let authentic = desk.create_claim(&authentic).unwrap();
    let relayed =
        claim(&desk, swap, "preparations are continuing in good faith", vec![speaker(kreel.id), intermediary(vrt.id)]);

    let ids = |filter: ClaimFilter| desk.claims(&filter).unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>();
    let all = ClaimFilter::default;
    assert_eq!(ids(all()), [denial.id, authentic.id, relayed.id]);
    assert_eq!(ids(ClaimFilter { source: Some(kreel.id), ..all() }), [denial.id, relayed.id]);
    assert_eq!(ids(ClaimFilter { source: Some(vrt.id), ..all() }), [relayed.id], "relayed claims count");
    assert_eq!(ids(ClaimFilter { status: Some(ClaimStatus::Disputed), ..all() }), [denial.id]);
    assert_eq!(ids(ClaimFilter { credibility: Some(2), ..all() }), [authentic.id]);
    assert_eq!(ids(ClaimFilter { tag: Some("DRAFT".into()), ..all() }), [denial.id, authentic.id]);
    assert_eq!(ids(ClaimFilter { article: Some(swap), ..all() }), [relayed.id]);
    assert_eq!(ids(ClaimFilter { text: Some("GOOD FAITH".into()), ..all() }), [relayed.id]);
    assert_eq!(ids(ClaimFilter { text: Some("signed text".into()), ..all() }), [authentic.id], "notes too");
    assert_eq!(ids(ClaimFilter { source: Some(kreel.id), tag: Some("draft".into()), ..all() }), [denial.id]);
    assert_eq!(desk.claims(&ClaimFilter { credibility: Some(0), ..all() }).unwrap_err().code(), "invalid_credibility");
}

#[test]
fn links_join_claims_across_articles() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let signed = article_with(&desk, "Quellenhof");
    let fabrication = claim(&desk, leak, "a fabrication circulated by people who want the talks to fail", Vec::new());
    let genuine = claim(&desk, leak, "confirmed that the document was genuine", Vec::new());
    let later =
        claim(&desk, signed, "requires heavy weapons to be pulled back behind a demilitarised line", Vec::new());

    let contradicts =
        desk.link_claims(&NewClaimLink { from: genuine.id, to: fabrication.id, kind: LinkKind::Contradicts }).unwrap();
    let corroborates =
        desk.link_claims(&NewClaimLink { from: later.id, to: genuine.id, kind: LinkKind::Corroborates }).unwrap();
    let again = desk.link_claims(&NewClaimLink { from: fabrication.id, to: genuine.id, kind: LinkKind::Contradicts });
    assert_eq!(again.unwrap_err().code(), "link_exists", "either way round");
    let itself = desk.link_claims(&NewClaimLink { from: later.id, to: later.id, kind: LinkKind::Repeats });
    assert_eq!(itself.unwrap_err().code(), "self_link");
    let unknown = desk.link_claims(&NewClaimLink { from: later.id, to: 999, kind: LinkKind::Repeats });
    assert_eq!(unknown.unwrap_err().code(), "claim_not_found");
    assert_eq!(desk.claim_links(genuine.id).unwrap(), [contradicts.clone(), corroborates.clone()]);

    desk.delete_claim(genuine.id).unwrap();
    assert!(desk.claim_links(fabrication.id).unwrap().is_empty(), "a deleted claim takes its links along");
    desk.undo().unwrap();
    assert_eq!(desk.claim_links(genuine.id).unwrap(), [contradicts.clone(), corroborates]);
    desk.unlink_claims(contradicts.id).unwrap();
    assert_eq!(desk.claim_links(fabrication.id).unwrap(), []);
    assert_eq!(desk.unlink_claims(contradicts.id).unwrap_err().code(), "link_not_found");
}

#[test]
fn tags_have_colours_and_go_on_claims_and_articles() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let mut tagged = new_claim(&desk, leak, "for discussion only", Vec::new());
    tagged.tags = vec!["leak".into()];
    desk.create_claim(&tagged).unwrap();
    assert_eq!(desk.tag_article(leak, "Serrat").unwrap(), ["Serrat"]);
    assert_eq!(desk.tag_article(leak, "leak").unwrap(), ["leak", "Serrat"]);

    let tags = desk.tags().unwrap();
    assert_eq!(
        tags.iter().map(|t| (t.name.as_str(), t.claims, t.articles)).collect::<Vec<_>>(),
        [("leak", 1, 1), ("Serrat", 0, 1)]
    );
    assert!(tags.iter().all(|t| t.colour.len() == 7 && t.colour.starts_with('#')));
    assert_ne!(tags[0].colour, tags[1].colour, "new tags take the next colour");

    let recoloured =
        desk.update_tag("serrat", &TagPatch { colour: Some("#3A86FF".into()), ..TagPatch::default() }).unwrap();
    assert_eq!(recoloured.colour, "#3a86ff");
    let bad = desk.update_tag("serrat", &TagPatch { colour: Some("blue".into()), ..TagPatch::default() });
    assert_eq!(bad.unwrap_err().code(), "invalid_colour");
    let clash = desk.update_tag("serrat", &TagPatch { name: Some("LEAK".into()), ..TagPatch::default() });
    assert_eq!(clash.unwrap_err().code(), "tag_exists");
    let renamed =
        desk.update_tag("serrat", &TagPatch { name: Some("Serrat talks".into()), ..TagPatch::default() }).unwrap();
    assert_eq!(renamed.name, "Serrat talks");
    assert_eq!(desk.update_tag("nope", &TagPatch::default()).unwrap_err().code(), "tag_not_found");
    assert_eq!(desk.untag_article(leak, "leak").unwrap(), ["Serrat talks"]);
    assert_eq!(desk.claims(&ClaimFilter { tag: Some("leak".into()), ..ClaimFilter::default() }).unwrap().len(), 1);
}

#[test]
fn a_source_page_gathers_every_claim_it_made_or_relayed() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let swap = article_with(&desk, "Osterbrink");
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[]);
    let kreel = desk
        .create_source(&NewSource {
            uid: None,
            affiliation: Some(ministry.id),
            aliases: vec!["Kreel".into()],
            ..NewSource::named("Anselm Kreel", SourceKind::Person)
        })
        .unwrap();
    let mut denial = new_claim(
        &desk,
        leak,
        "a fabrication circulated by people who want the talks to fail",
        vec![speaker(kreel.id)],
    );
    denial.status = ClaimStatus::Disputed;
    desk.create_claim(&denial).unwrap();
    claim(&desk, swap, "dozens of duplicates", vec![speaker(kreel.id)]);
    claim(&desk, swap, "preparations are continuing in good faith", vec![speaker(kreel.id)]);
    claim(&desk, swap, "full and unrestricted access", vec![speaker(ministry.id)]);
    claim(&desk, leak, "There is no agreed text", vec![speaker(ministry.id), intermediary(kreel.id)]);

    let page = desk.source_page(desk.find_source("kreel").unwrap().id).unwrap();
    assert_eq!(page.source.name, "Anselm Kreel");
    assert_eq!(page.source.affiliation.as_ref().unwrap().id, ministry.id);
    assert_eq!(page.claims.len(), 4);
    assert_eq!(page.claims.iter().filter(|c| c.role == ChainRole::Intermediary).count(), 1);
    assert_eq!(page.articles.len(), 2);
    assert!(page.claims.iter().all(|c| !c.article_title.is_empty()));
    let count = |status| page.by_status.iter().find(|s| s.status == status).unwrap().count;
    assert_eq!((count(ClaimStatus::Unverified), count(ClaimStatus::Disputed), count(ClaimStatus::False)), (3, 1, 0));
    assert_eq!(page.by_status.len(), ClaimStatus::ALL.len());

    let ministry_page = desk.source_page(ministry.id).unwrap();
    assert_eq!(ministry_page.members.iter().map(|m| m.id).collect::<Vec<_>>(), [kreel.id]);
    assert_eq!(ministry_page.claims.len(), 2);
    assert_eq!(
        desk.sources().unwrap().iter().map(|s| (s.name.as_str(), s.claims)).collect::<Vec<_>>(),
        [("Anselm Kreel", 4), ("Varenian foreign ministry", 2)]
    );
}

#[test]
fn type_ahead_suggests_sources_by_any_part_of_a_name_or_alias() {
    let (_dir, desk) = samples_desk();
    let valk = source(&desk, "Dmitri Valk", SourceKind::Person, &["Kremlin spokesman"]);
    let ministry = source(&desk, "Valkyrie Ministry", SourceKind::GovernmentBody, &[]);
    let names =
        |typed: &str| -> Vec<String> { desk.suggest_sources(typed, 10).unwrap().into_iter().map(|s| s.name).collect() };
    assert_eq!(names("valk"), [ministry.name.clone(), valk.name.clone()], "names starting with it come first");
    assert_eq!(names("KREMLIN"), std::slice::from_ref(&valk.name));
    assert_eq!(names("spokes"), std::slice::from_ref(&valk.name));
    assert_eq!(names("válk"), names("valk"), "accents are ignored");
    assert!(names("nobody").is_empty());
}
