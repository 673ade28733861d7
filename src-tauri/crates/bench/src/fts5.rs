//! The second baseline: SQLite FTS5 over title and body, with outlet and date
//! in a plain table joined on the rowid; WAL, `synchronous = NORMAL`, inserts
//! in transactions of 10,000 rows.

use std::path::Path;

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, params, params_from_iter};

use crate::corpus;
use crate::measure::{self, ImportFigures, SearchFigures};
use crate::queries::{BenchQuery, Fts5Filter, Fts5Query};
use crate::{HITS_PER_PAGE, TITLE_BOOST};

const ROWS_PER_TRANSACTION: i64 = 10_000;

const SCHEMA: &str = "
    CREATE VIRTUAL TABLE docs USING fts5(title, body);
    CREATE TABLE meta (id INTEGER PRIMARY KEY, outlet TEXT NOT NULL, published INTEGER);
";

pub fn import(corpus_dir: &Path, db_path: &Path) -> Result<ImportFigures> {
    measure::import(|| {
        let db = Connection::open(db_path)?;
        db.pragma_update(None, "journal_mode", "WAL")?;
        db.pragma_update(None, "synchronous", "NORMAL")?;
        db.execute_batch(SCHEMA)?;
        let mut id: i64 = 0;
        db.execute_batch("BEGIN")?;
        corpus::for_each(corpus_dir, |article| {
            id += 1;
            db.prepare_cached("INSERT INTO docs (rowid, title, body) VALUES (?1, ?2, ?3)")?.execute(params![
                id,
                article.title,
                article.body
            ])?;
            db.prepare_cached("INSERT INTO meta (id, outlet, published) VALUES (?1, ?2, ?3)")?.execute(params![
                id,
                article.outlet,
                article.published.map(|p| p.seconds())
            ])?;
            if id % ROWS_PER_TRANSACTION == 0 {
                db.execute_batch("COMMIT; BEGIN")?;
            }
            Ok(())
        })?;
        db.execute_batch("COMMIT")?;
        Ok(id as u64)
    })
}

pub fn search(db_path: &Path, mix: &[BenchQuery]) -> Result<SearchFigures> {
    let db = Connection::open_with_flags(db_path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let translated: Vec<Fts5Query> = mix.iter().map(BenchQuery::fts5).collect();
    measure::queries(&translated, |query| run(&db, query))
}

/// The top page by BM25 (titles weighted as in Claimdesk) and the total count.
fn run(db: &Connection, query: &Fts5Query) -> Result<u64> {
    let mut values = vec![Value::Text(query.matching.clone())];
    // CROSS JOIN keeps docs as the outer loop: full-text match first, then
    // the plain row by its primary key.
    let (from, condition) = match &query.filter {
        None => ("docs", ""),
        Some(Fts5Filter::Outlet(outlet)) => {
            values.push(Value::Text(outlet.clone()));
            ("docs CROSS JOIN meta ON meta.id = docs.rowid", "AND meta.outlet = ?2 COLLATE NOCASE")
        }
        Some(Fts5Filter::Published { from, until }) => {
            values.extend([Value::Integer(*from), Value::Integer(*until)]);
            ("docs CROSS JOIN meta ON meta.id = docs.rowid", "AND meta.published >= ?2 AND meta.published < ?3")
        }
    };
    let top = format!(
        "SELECT docs.rowid FROM {from} WHERE docs MATCH ?1 {condition} \
         ORDER BY bm25(docs, {TITLE_BOOST:.1}, 1.0) LIMIT {HITS_PER_PAGE}"
    );
    let ids = db
        .prepare_cached(&top)?
        .query_map(params_from_iter(&values), |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    std::hint::black_box(ids);
    let count = format!("SELECT count(*) FROM {from} WHERE docs MATCH ?1 {condition}");
    let total: i64 = db.prepare_cached(&count)?.query_row(params_from_iter(&values), |row| row.get(0))?;
    Ok(total as u64)
}

#[cfg(test)]
mod tests {
    use claimdesk_domain::Timestamp;

    use super::*;
    use crate::corpus::Article;

    #[test]
    fn imports_and_finds_with_filters() {
        let dir = tempfile::tempdir().unwrap();
        let article = |body: &str, outlet: &str, published: &str| Article {
            title: "Markets".into(),
            body: body.into(),
            outlet: outlet.into(),
            published: Timestamp::parse(published),
        };
        let base = [article("Wheat rose.", "Reuters", "1987-03-04"), article("Wheat fell.", "BBC", "")];
        corpus::write(&base, 2, &dir.path().join("corpus")).unwrap();
        let db = dir.path().join("fts.sqlite3");
        assert_eq!(import(&dir.path().join("corpus"), &db).unwrap().articles, 2);
        let mix = [
            BenchQuery::Word { word: "wheat".into() },
            BenchQuery::OutletFilter { word: "wheat".into(), outlet: "bbc".into() },
            BenchQuery::DateRange {
                word: "wheat".into(),
                from: Timestamp::parse("1987-03-01").unwrap(),
                until: Timestamp::parse("1987-03-05").unwrap(),
            },
            BenchQuery::Phrase { first: "wheat".into(), second: "fell".into() },
        ];
        assert_eq!(search(&db, &mix).unwrap().totals, vec![2, 1, 1, 1]);
    }
}
