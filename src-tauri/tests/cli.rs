//! The `claimdesk` command line as a user runs it: JSON shapes, exit codes,
//! batch search, and a SIGKILL in the middle of an import.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn fixtures(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(folder)
}

fn claimdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk")).arg("--data").arg(data).args(args).output().unwrap()
}

/// Runs and parses stdout as one JSON value, insisting on `code`.
fn json(data: &Path, args: &[&str], code: i32) -> Value {
    let out = claimdesk(data, args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn import_search_stats_and_check_print_the_documented_json() {
    let data = tempfile::tempdir().unwrap();
    let samples = fixtures("samples");
    let summary = json(data.path(), &["import", samples.to_str().unwrap(), "--json"], 0);
    assert_eq!(summary["imported"], 35);
    assert_eq!(summary["duplicates"], 0);
    assert_eq!(summary["failed"], 0);
    assert!(summary["errors"].as_array().unwrap().is_empty());
    assert!(summary["warnings"].as_array().unwrap().is_empty());

    let found = json(data.path(), &["search", "Quorvex", "--json"], 0);
    assert_eq!(found["query"], "Quorvex");
    assert_eq!(found["total"], 1);
    let hit = &found["hits"][0];
    for key in ["id", "title", "outlet", "published", "score", "snippet", "highlights"] {
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit}");
    }
    assert_eq!(hit["outlet"], "The Civic Ledger");
    assert!(hit["highlights"][0].as_array().unwrap().len() == 2);
    assert!(found["facets"]["outlet"].is_array() && found["facets"]["year"].is_array());

    let by_date = json(data.path(), &["search", "", "--sort", "date", "--limit", "2", "--json"], 0);
    assert_eq!(by_date["hits"].as_array().unwrap().len(), 2);
    assert_eq!(by_date["total"], 35);

    let stats = json(data.path(), &["stats", "--json"], 0);
    assert_eq!(stats["articles"], 35);
    assert_eq!(stats["indexed_documents"], 35);
    assert_eq!(stats["audit_entries"], 35);

    let check = json(data.path(), &["check", "--json"], 0);
    assert!(check["problems"].as_array().unwrap().is_empty());
}

#[test]
fn broken_files_are_listed_in_the_summary() {
    let data = tempfile::tempdir().unwrap();
    let broken = fixtures("broken");
    let summary = json(data.path(), &["import", broken.to_str().unwrap(), "--json"], 0);
    assert_eq!(summary["imported"], 6);
    assert_eq!(summary["failed"], 7);
    let errors = summary["errors"].as_array().unwrap();
    assert!(errors.iter().all(|e| e["path"].is_string() && e["error"].is_string()));
    assert!(errors.iter().any(|e| e["path"].as_str().unwrap().ends_with("empty.txt")));
}

#[test]
fn batch_search_prints_one_line_per_query_and_reports_bad_ones() {
    let data = tempfile::tempdir().unwrap();
    json(data.path(), &["import", fixtures("samples").to_str().unwrap(), "--json"], 0);
    let queries = data.path().join("queries.txt");
    std::fs::write(&queries, "Quorvex\ntitle:(bad\n\"Lumora Expo\"\n").unwrap();
    let out = claimdesk(data.path(), &["search", "--queries", queries.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1), "one query was malformed");
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["total"], 1);
    assert_eq!(lines[1]["error"]["code"], "query_syntax");
    assert!(lines[1]["error"]["position"].is_number());
    assert_eq!(lines[2]["total"], 1);
}

#[test]
fn user_errors_exit_1_with_a_message() {
    let data = tempfile::tempdir().unwrap();
    let out = claimdesk(data.path(), &["search", "\"unclosed", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("quote"), "{stderr}");

    let out = claimdesk(data.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(1), "an unknown command is a user error");

    let out = claimdesk(data.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_newer_database_is_refused_with_exit_1() {
    let data = tempfile::tempdir().unwrap();
    json(data.path(), &["stats", "--json"], 0);
    let db = data.path().join("claimdesk.sqlite3");
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let out = claimdesk(data.path(), &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer Claimdesk"));
}

/// Writes `files` JSON-lines files of `per_file` distinct articles each.
fn generated_corpus(dir: &Path, files: usize, per_file: usize) -> usize {
    let words = ["harbour", "ministry", "ceasefire", "official", "strike", "grain", "report", "said"];
    for f in 0..files {
        let mut text = String::new();
        for n in 0..per_file {
            let body: Vec<String> =
                (0..120).map(|i| format!("{}{}", words[(i * 7 + n + f) % words.len()], (i + n) % 13)).collect();
            let line = serde_json::json!({
                "title": format!("Generated report {f}-{n}"),
                "body": body.join(" "),
                "outlet": format!("Outlet {}", f % 5),
                "published": format!("20{:02}-0{}-1{}", 15 + f % 9, 1 + n % 9, n % 10),
            });
            text.push_str(&line.to_string());
            text.push('\n');
        }
        std::fs::write(dir.join(format!("batch-{f:03}.jsonl")), text).unwrap();
    }
    files * per_file
}

fn stored_articles(data: &Path) -> i64 {
    let db = data.join("claimdesk.sqlite3");
    let Ok(conn) = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |row| row.get(0)).unwrap_or(0)
}

/// Kill -9 during an import, several times at different moments: every
/// restart must leave the database sound and the index holding exactly the
/// stored articles, and the import can be finished by running it again.
#[test]
fn a_killed_import_leaves_store_and_index_consistent() {
    let corpus = tempfile::tempdir().unwrap();
    let total = generated_corpus(corpus.path(), 40, 500) as i64;
    let data = tempfile::tempdir().unwrap();
    let mut previous = 0;
    for round in 0..3 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .arg("--data")
            .arg(data.path())
            .args(["import", corpus.path().to_str().unwrap(), "--json"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until this round has stored something new, then a little more,
        // so the kill lands at a different point each time.
        let deadline = Instant::now() + Duration::from_secs(120);
        while stored_articles(data.path()) <= previous && Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(150 * round));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let check = json(data.path(), &["check", "--json"], 0);
        assert!(check["problems"].as_array().unwrap().is_empty(), "round {round}: {check}");
        assert_eq!(check["articles"], check["indexed_documents"]);
        let stored = stored_articles(data.path());
        assert!(stored >= previous, "nothing stored is ever lost");
        previous = stored;
    }
    assert!(previous < total, "the kills must land mid-import for this test to mean anything");

    let summary = json(data.path(), &["import", corpus.path().to_str().unwrap(), "--json"], 0);
    assert_eq!(summary["imported"].as_i64().unwrap() + summary["duplicates"].as_i64().unwrap(), total);
    let stats = json(data.path(), &["stats", "--json"], 0);
    assert_eq!(stats["articles"], total);
    assert_eq!(stats["indexed_documents"], total);
}

/// The anchoring conformance runner on the shared vectors, when present.
#[test]
fn anchor_test_passes_every_shared_case() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer-tests/anchoring/anchoring-dev.json");
    if !cases.exists() {
        eprintln!("skipped: ../shared/peer-tests/anchoring not found");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let out = claimdesk(data.path(), &["anchor-test", cases.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&cases).unwrap()).unwrap();
    let expected = file["cases"].as_array().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), expected.len());
    for (case, line) in expected.iter().zip(&lines) {
        assert_eq!(line["name"], case["name"]);
        let (got, want) = (&line["result"], &case["expected"]);
        if case["compare"] == "start-only" {
            assert_eq!(got["start"], want["start"], "{}", case["name"]);
        } else {
            assert_eq!(got, want, "{}", case["name"]);
        }
    }
    assert!(!data.path().join("claimdesk.sqlite3").exists(), "no data directory is needed");
}
