//! What the claim and history tests share: a desk with the sample articles,
//! short ways to record sources and claims, and a raw view of the tables.

#![allow(dead_code)] // each test file uses its own part of this

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use claimdesk_core::Desk;
use claimdesk_core::domain::{
    ArticleId, CREDIBILITY_NOT_JUDGED, ChainLink, ChainRole, Claim, ClaimKind, ClaimStatus, NewClaim, NewSource,
    QuoteQuery, SearchRequest, Source, SourceId, SourceKind, Span,
};
use serde_json::Value;

pub fn samples_desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/samples");
    let summary = desk.import(&[samples], &mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.imported, 35);
    (dir, desk)
}

/// The one sample article containing `word` (see the fixtures' manifest).
pub fn article_with(desk: &Desk, word: &str) -> ArticleId {
    let found = desk.search(&SearchRequest::new(word)).unwrap();
    assert_eq!(found.total, 1, "{word} is in exactly one sample");
    found.hits[0].id
}

pub fn source(desk: &Desk, name: &str, kind: SourceKind, aliases: &[&str]) -> Source {
    let mut new = NewSource::named(name, kind);
    new.aliases = aliases.iter().map(|a| a.to_string()).collect();
    desk.create_source(&new).unwrap()
}

pub fn speaker(source: SourceId) -> ChainLink {
    ChainLink { source, role: ChainRole::Speaker, cue: None, mention: None }
}

pub fn intermediary(source: SourceId) -> ChainLink {
    ChainLink { source, role: ChainRole::Intermediary, cue: None, mention: None }
}

/// A claim on the one occurrence of `exact` in the article, unverified and
/// not judged, with `chain`.
pub fn new_claim(desk: &Desk, article: ArticleId, exact: &str, chain: Vec<ChainLink>) -> NewClaim {
    let query = QuoteQuery { exact: exact.into(), ..QuoteQuery::default() };
    NewClaim {
        uid: None,
        article,
        selector: desk.select_quote(article, &query).unwrap(),
        kind: ClaimKind::FactualAssertion,
        status: ClaimStatus::Unverified,
        credibility: CREDIBILITY_NOT_JUDGED,
        note: String::new(),
        tags: Vec::new(),
        chain,
    }
}

pub fn claim(desk: &Desk, article: ArticleId, exact: &str, chain: Vec<ChainLink>) -> Claim {
    desk.create_claim(&new_claim(desk, article, exact, chain)).unwrap()
}

/// The code-point span of `part` inside the article (first occurrence).
pub fn span_of(desk: &Desk, article: ArticleId, part: &str) -> Span {
    let body = desk.article(article).unwrap().body;
    let at = body.find(part).unwrap();
    let start = body[..at].chars().count();
    Span { start, end: start + part.chars().count() }
}

/// Every row of every table operations write, read straight from SQLite:
/// table → id → the other columns as JSON.
pub type Snapshot = BTreeMap<String, BTreeMap<i64, Value>>;

pub fn snapshot(data_dir: &Path) -> Snapshot {
    let conn = rusqlite::Connection::open(data_dir.join("claimdesk.sqlite3")).unwrap();
    claimdesk_store::undoable_entities()
        .into_iter()
        .map(|(_, table)| (table.to_string(), table_rows(&conn, table)))
        .collect()
}

pub fn table_rows(conn: &rusqlite::Connection, table: &str) -> BTreeMap<i64, Value> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let rows = stmt
        .query_map([], |row| {
            let mut id = 0;
            let mut values = serde_json::Map::new();
            for (i, column) in columns.iter().enumerate() {
                let value = match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => Value::from(n),
                    rusqlite::types::ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                    other => panic!("{table}.{column} holds {other:?}"),
                };
                if column == "id" {
                    id = value.as_i64().unwrap();
                } else {
                    values.insert(column.clone(), value);
                }
            }
            Ok((id, Value::Object(values)))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}
