//! CSV exports read back with a CSV reader.

use claimdesk_interop::{CLAIM_COLUMNS, Format, LIST_SEPARATOR, SOURCE_COLUMNS, Selection, chain_entry};

use crate::support::{export, recorded_desk};

fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    (headers, rows)
}

#[test]
fn the_claims_csv_reads_back_as_the_claims() {
    let (_dir, desk, _) = recorded_desk();
    let text = export(&desk, Format::Csv, &Selection::all());
    assert!(text.contains("\r\n"), "RFC 4180 ends records with CRLF");
    let (headers, rows) = read(&text);
    assert_eq!(headers, CLAIM_COLUMNS);
    let claims = desk.claims(&Default::default()).unwrap();
    assert_eq!(rows.len(), claims.len());
    let column = |name: &str| CLAIM_COLUMNS.iter().position(|c| *c == name).unwrap();
    for claim in &claims {
        let row = rows.iter().find(|r| r[column("quote")] == claim.selector.exact).expect("a row per claim");
        let article = desk.article(claim.article).unwrap();
        assert_eq!(row[column("article_title")], article.title);
        assert_eq!(row[column("outlet")], article.outlet.unwrap_or_default());
        assert_eq!(row[column("url")], article.url.unwrap_or_default());
        assert_eq!(row[column("published")], article.published.map(|p| p.to_string()).unwrap_or_default());
        assert_eq!(row[column("start")], claim.selector.start.to_string());
        assert_eq!(row[column("end")], claim.selector.end.to_string());
        assert_eq!(row[column("kind")], claim.kind.as_str());
        assert_eq!(row[column("status")], claim.status.as_str());
        assert_eq!(row[column("credibility")], claim.credibility.to_string());
        assert_eq!(row[column("note")], claim.note, "newlines, quotes and commas survive");
        assert_eq!(row[column("tags")], claim.tags.join(LIST_SEPARATOR));
        let chain: Vec<String> = claim
            .chain
            .iter()
            .map(|l| {
                let source = desk.source(l.source.id).unwrap();
                chain_entry(l.role.as_str(), &source.name, source.reliability.as_str())
            })
            .collect();
        assert_eq!(row[column("source_chain")], chain.join(LIST_SEPARATOR));
    }
    let authentic = rows.iter().find(|r| r[column("quote")].starts_with("authentic")).unwrap();
    assert_eq!(authentic[column("source_chain")], "speaker: Tomas Arveny [D]; intermediary: Varenia Observer [A]");
}

#[test]
fn the_sources_csv_lists_every_source_or_those_of_the_selection() {
    let (_dir, desk, recorded) = recorded_desk();
    let (headers, rows) = read(&export(&desk, Format::SourcesCsv, &Selection::all()));
    assert_eq!(headers, SOURCE_COLUMNS);
    let sources = desk.sources().unwrap();
    assert_eq!(rows.len(), sources.len());
    for (row, source) in rows.iter().zip(&sources) {
        assert_eq!(row[1], source.name);
        assert_eq!(row[2], source.kind.as_str());
        assert_eq!(row[3], source.aliases.join(LIST_SEPARATOR));
        assert_eq!(row[5], source.reliability.as_str());
        assert_eq!(row[7], source.reliability_rationale);
        assert_eq!(row[9], source.claims.to_string());
    }
    let kreel = rows.iter().find(|r| r[1] == recorded.kreel.name).unwrap();
    assert_eq!(kreel[4], recorded.ministry.name, "the affiliation by name");

    let draft = Selection { tag: Some("draft".into()), ..Selection::all() };
    let (_, rows) = read(&export(&desk, Format::SourcesCsv, &draft));
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["Anselm Kreel", "Tomas Arveny", "Varenia Observer"]);
}
