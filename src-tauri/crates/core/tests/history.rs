//! Undo and redo of every kind of edit, the redo stack, and the audit log as
//! a complete record: replaying it rebuilds every table exactly.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use claimdesk_core::Desk;
use claimdesk_core::domain::{
    ClaimPatch, ClaimStatus, LinkKind, NewClaimLink, NewSource, OperationKind, Reliability, SourceKind, SourcePatch,
    TagPatch,
};
use serde_json::Value;
use support::*;

/// Runs one edit, then checks that undo puts every table back as it was and
/// that redo brings the edit back, under the edit's label.
fn round_trip<T>(dir: &Path, desk: &Desk, label: &str, edit: impl FnOnce(&Desk) -> T) -> T {
    let before = snapshot(dir);
    let result = edit(desk);
    let after = snapshot(dir);
    assert_ne!(before, after, "{label}: the edit changed nothing");
    let undone = desk.undo().unwrap();
    assert_eq!((undone.kind, undone.label.as_str()), (OperationKind::Undo, label));
    assert_eq!(snapshot(dir), before, "{label}: undo restores every row");
    let redone = desk.redo().unwrap();
    assert_eq!((redone.kind, redone.label.as_str()), (OperationKind::Redo, label));
    assert_eq!(snapshot(dir), after, "{label}: redo brings the edit back");
    result
}

#[test]
fn every_kind_of_edit_is_undone_and_redone() {
    let (dir, desk) = samples_desk();
    let dir = dir.path();
    let leak = article_with(&desk, "Ruskavel");
    let swap = article_with(&desk, "Osterbrink");

    let kreel = round_trip(dir, &desk, "Add source “Anselm Kreel”", |desk| {
        source(desk, "Anselm Kreel", SourceKind::Person, &["Kreel"])
    });
    let ministry = round_trip(dir, &desk, "Add source “Varenian foreign ministry”", |desk| {
        source(desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[])
    });
    round_trip(dir, &desk, "Edit source “Anselm Kreel”", |desk| {
        let patch = SourcePatch {
            affiliation: Some(Some(ministry.id)),
            reliability: Some(Reliability::B),
            reliability_rationale: Some("Official spokesman; often spins, rarely invents.".into()),
            ..SourcePatch::default()
        };
        desk.update_source(kreel.id, &patch).unwrap()
    });
    round_trip(dir, &desk, "Add alias “the ministry's chief spokesman” to “Anselm Kreel”", |desk| {
        desk.add_alias(kreel.id, "the ministry's chief spokesman").unwrap()
    });
    round_trip(dir, &desk, "Remove alias “Kreel” from “Anselm Kreel”", |desk| {
        desk.remove_alias(kreel.id, "Kreel").unwrap()
    });

    let exact = "a fabrication circulated by people who want the talks to fail";
    let denial = round_trip(dir, &desk, "Add claim “a fabrication circulated by people who…”", |desk| {
        let mut new = new_claim(desk, leak, exact, vec![speaker(kreel.id), intermediary(ministry.id)]);
        new.tags = vec!["draft".into()];
        desk.create_claim(&new).unwrap()
    });
    round_trip(dir, &desk, "Edit claim “a fabrication circulated by people who…”", |desk| {
        let patch = ClaimPatch {
            status: Some(ClaimStatus::Disputed),
            chain: Some(vec![speaker(kreel.id)]),
            tags: Some(vec!["fabrication?".into()]),
            ..ClaimPatch::default()
        };
        desk.update_claim(denial.id, &patch).unwrap()
    });
    let swap_claim = claim(&desk, swap, "dozens of duplicates", vec![speaker(kreel.id)]);
    let link = round_trip(
        dir,
        &desk,
        &format!("Link claim “dozens of duplicates” (repeats) to claim {}", denial.id),
        |desk| desk.link_claims(&NewClaimLink { from: swap_claim.id, to: denial.id, kind: LinkKind::Repeats }).unwrap(),
    );
    round_trip(dir, &desk, &format!("Unlink claims {} and {} (repeats)", swap_claim.id, denial.id), |desk| {
        desk.unlink_claims(link.id).unwrap()
    });
    desk.link_claims(&NewClaimLink { from: swap_claim.id, to: denial.id, kind: LinkKind::Corroborates }).unwrap();
    round_trip(dir, &desk, "Delete claim “a fabrication circulated by people who…”", |desk| {
        desk.delete_claim(denial.id).unwrap()
    });
    round_trip(dir, &desk, &format!("Tag article {leak} “Serrat”"), |desk| {
        desk.tag_article(leak, "Serrat").unwrap()
    });
    round_trip(dir, &desk, "Edit tag “Serrat”", |desk| {
        desk.update_tag("Serrat", &TagPatch { colour: Some("#112233".into()), ..TagPatch::default() }).unwrap()
    });
    round_trip(dir, &desk, &format!("Untag article {leak} “Serrat”"), |desk| {
        desk.untag_article(leak, "Serrat").unwrap()
    });
    let spokesman = source(&desk, "foreign ministry spokesman", SourceKind::Person, &["spokesman"]);
    claim(&desk, swap, "preparations are continuing in good faith", vec![speaker(spokesman.id)]);
    round_trip(dir, &desk, "Merge “foreign ministry spokesman” into “Anselm Kreel”", |desk| {
        desk.merge_sources(kreel.id, spokesman.id).unwrap()
    });
}

#[test]
fn undo_and_redo_walk_back_and_forth_through_several_edits() {
    let (_dir, desk) = samples_desk();
    assert_eq!(desk.undo().unwrap_err().code(), "nothing_to_undo", "imports are not undone");
    assert_eq!(desk.redo().unwrap_err().code(), "nothing_to_redo");
    for name in ["A", "B", "C"] {
        desk.create_source(&NewSource::named(name, SourceKind::Person)).unwrap();
    }
    let names = |desk: &Desk| desk.sources().unwrap().into_iter().map(|s| s.name).collect::<Vec<_>>();
    let labels: Vec<String> = (0..3).map(|_| desk.undo().unwrap().label).collect();
    assert_eq!(labels, ["Add source “C”", "Add source “B”", "Add source “A”"]);
    assert!(names(&desk).is_empty());
    assert_eq!(desk.undo().unwrap_err().code(), "nothing_to_undo");
    let labels: Vec<String> = (0..2).map(|_| desk.redo().unwrap().label).collect();
    assert_eq!(labels, ["Add source “A”", "Add source “B”"]);
    assert_eq!(names(&desk), ["A", "B"]);

    let history = desk.history(3).unwrap();
    assert_eq!(history.undo.unwrap().label, "Add source “B”");
    assert_eq!(history.redo.unwrap().label, "Add source “C”");
    assert_eq!(
        history.recent.iter().map(|o| o.kind).collect::<Vec<_>>(),
        [OperationKind::Redo, OperationKind::Redo, OperationKind::Undo]
    );

    // Undoing a redo reverses it again; redo then repeats it once more.
    assert_eq!(desk.undo().unwrap().label, "Add source “B”");
    assert_eq!(desk.redo().unwrap().label, "Add source “B”");
    assert_eq!(desk.redo().unwrap().label, "Add source “C”");
    assert_eq!(names(&desk), ["A", "B", "C"]);
}

#[test]
fn a_new_edit_after_an_undo_clears_the_redo_stack() {
    let (_dir, desk) = samples_desk();
    desk.create_source(&NewSource::named("A", SourceKind::Person)).unwrap();
    desk.create_source(&NewSource::named("B", SourceKind::Person)).unwrap();
    desk.undo().unwrap();
    assert!(desk.history(1).unwrap().redo.is_some());
    desk.create_source(&NewSource::named("C", SourceKind::Person)).unwrap();
    assert!(desk.history(1).unwrap().redo.is_none());
    assert_eq!(desk.redo().unwrap_err().code(), "nothing_to_redo");
    assert_eq!(desk.undo().unwrap().label, "Add source “C”");
    assert_eq!(desk.redo().unwrap().label, "Add source “C”", "what was undone after the edit can be redone");
    assert_eq!(desk.undo().unwrap().label, "Add source “C”");
    assert_eq!(desk.undo().unwrap().label, "Add source “A”", "B's undo stays undone");
    let names: Vec<_> = desk.sources().unwrap().into_iter().map(|s| s.name).collect();
    assert!(names.is_empty(), "{names:?}");
}

/// After a scripted series of edits, undos and redos, replaying the audit
/// log's row changes in order rebuilds every table exactly: no row changed
/// without its audit row, and every audit row's `before` is what the row was.
#[test]
fn the_audit_log_accounts_for_every_row_of_every_table() {
    let (dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let swap = article_with(&desk, "Osterbrink");
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, &["Kreel"]);
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, &[]);
    let spokesman = source(&desk, "the ministry's chief spokesman", SourceKind::Person, &["spokesman"]);
    desk.update_source(kreel.id, &SourcePatch { affiliation: Some(Some(ministry.id)), ..SourcePatch::default() })
        .unwrap();
    let mut new = new_claim(
        &desk,
        leak,
        "a fabrication circulated by people who want the talks to fail",
        vec![speaker(kreel.id)],
    );
    new.tags = vec!["draft".into(), "Serrat".into()];
    let denial = desk.create_claim(&new).unwrap();
    let dup = claim(&desk, swap, "dozens of duplicates", vec![speaker(spokesman.id), intermediary(ministry.id)]);
    let good_faith = claim(&desk, swap, "preparations are continuing in good faith", vec![speaker(spokesman.id)]);
    desk.link_claims(&NewClaimLink { from: dup.id, to: denial.id, kind: LinkKind::Contradicts }).unwrap();
    desk.update_claim(
        denial.id,
        &ClaimPatch { status: Some(ClaimStatus::False), tags: Some(vec!["draft".into()]), ..ClaimPatch::default() },
    )
    .unwrap();
    desk.tag_article(swap, "detainees").unwrap();
    desk.merge_sources(kreel.id, spokesman.id).unwrap();
    desk.undo().unwrap();
    desk.undo().unwrap();
    desk.redo().unwrap();
    desk.delete_claim(good_faith.id).unwrap();
    desk.update_tag("detainees", &TagPatch { colour: Some("#000000".into()), ..TagPatch::default() }).unwrap();
    desk.merge_sources(kreel.id, spokesman.id).unwrap();
    desk.undo().unwrap();
    desk.add_alias(ministry.id, "MFA").unwrap();

    let conn = rusqlite::Connection::open(dir.path().join("claimdesk.sqlite3")).unwrap();
    let entities: BTreeMap<&str, &str> = claimdesk_store::undoable_entities().into_iter().collect();
    let mut rebuilt: Snapshot = entities.values().map(|t| (t.to_string(), BTreeMap::new())).collect();
    let mut stmt = conn
        .prepare("SELECT id, entity, entity_id, before, after, operation FROM audit_log WHERE entity <> 'article' ORDER BY id")
        .unwrap();
    let log = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>();
    assert!(log.len() > 40, "the script wrote {} audit rows", log.len());
    for (seq, entity, id, before, after, operation) in log {
        assert!(operation.is_some(), "audit row {seq} belongs to no operation");
        let table = entities.get(entity.as_str()).unwrap_or_else(|| panic!("audit row {seq}: unknown {entity}"));
        let table = rebuilt.get_mut(*table).unwrap();
        let json = |text: Option<String>| text.map(|t| serde_json::from_str::<Value>(&t).unwrap());
        assert_eq!(table.get(&id).cloned(), json(before), "audit row {seq}: `before` is not what {entity} {id} was");
        match json(after) {
            Some(row) => table.insert(id, row),
            None => table.remove(&id),
        };
    }
    assert_eq!(rebuilt, snapshot(dir.path()), "the tables are exactly what the audit log says");

    // No table escapes the list the log is checked against.
    let mut stmt = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").unwrap();
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    for table in tables {
        let known = ["articles", "audit_log", "operations", "sqlite_sequence"].contains(&table.as_str());
        assert!(known || entities.values().any(|t| *t == table), "table {table} is not covered by the audit log");
    }
    // Every article has its create row too (imports write them outside operations).
    let unaudited: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS
                 (SELECT 1 FROM audit_log l WHERE l.entity = 'article' AND l.entity_id = a.id AND l.action = 'create')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unaudited, 0);
    let empty_operations: i64 = conn
        .query_row(
            "SELECT count(*) FROM operations o WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.operation = o.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(empty_operations, 0, "an operation that changed nothing leaves no row");
}

#[test]
fn a_claim_with_a_new_source_is_one_step_to_undo() {
    let (_dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let before = desk.sources().unwrap().len();
    let mut claim = new_claim(&desk, leak, "a fabrication circulated", vec![speaker(0)]);
    claim.chain[0].mention = Some(span_of(&desk, leak, "Anselm Kreel"));
    let new = NewSource::named("Anselm Kreel", SourceKind::Person);
    let created = desk.create_claim_with_sources(&claim, &[Some(new)]).unwrap();
    assert_eq!(created.chain[0].source.name, "Anselm Kreel");
    assert_eq!(desk.sources().unwrap().len(), before + 1);
    desk.undo().unwrap();
    assert!(desk.claims_of_article(leak).unwrap().is_empty());
    assert_eq!(desk.sources().unwrap().len(), before, "the new source goes with the claim");
    assert!(desk.create_claim_with_sources(&claim, &[None]).is_err(), "source 0 is not in the registry");
}
