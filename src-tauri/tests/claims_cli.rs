//! Claims and sources from the command line: `claim add` by quote with the
//! source found by alias, quote errors, `source show` as JSON, undo and redo,
//! and claim writes killed with SIGKILL at random moments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const DENIAL: &str = "a fabrication circulated by people who want the talks to fail";

fn claimdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk")).arg("--data").arg(data).args(args).output().unwrap()
}

/// Runs, insisting on `code`, and returns stderr.
fn run(data: &Path, args: &[&str], code: i32) -> String {
    let out = claimdesk(data, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    stderr
}

/// Runs and parses stdout as one JSON value, insisting on exit code 0.
fn json(data: &Path, args: &[&str]) -> Value {
    let out = claimdesk(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// A data directory with the sample articles, and the id of the leaked-draft
/// article (the only one that mentions Ruskavel).
fn samples() -> (tempfile::TempDir, String) {
    let data = tempfile::tempdir().unwrap();
    let samples: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/samples");
    json(data.path(), &["import", samples.to_str().unwrap(), "--json"]);
    let found = json(data.path(), &["search", "Ruskavel", "--json"]);
    (data, found["hits"][0]["id"].to_string())
}

#[test]
fn a_new_version_of_an_article_moves_its_claims_or_lists_them_for_review() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let version = |name: &str, body: &str| {
        let line = serde_json::json!({ "title": "Vel port", "body": body, "url": "https://example.org/vel" });
        let path = files.path().join(name);
        std::fs::write(&path, format!("{line}\n")).unwrap();
        path.to_str().unwrap().to_string()
    };
    let first = version("v1.jsonl", "The port closed on Monday. Fishermen said catches were down by half.");
    let second = version("v2.jsonl", "Updated. The port closed on Monday. Traders said prices rose.");
    json(data.path(), &["import", &first, "--json"]);
    let id = json(data.path(), &["search", "port", "--json"])["hits"][0]["id"].to_string();
    for quote in ["The port closed on Monday", "catches were down by half"] {
        json(data.path(), &["claim", "add", "--article", &id, "--quote", quote, "--json"]);
    }
    let out = claimdesk(data.path(), &["import", &second]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Updated 1 articles") && stdout.contains("1 of their claims need review"), "{stdout}");
    let pending = json(data.path(), &["claims", "--needs-review", "--json"]);
    assert_eq!(pending.as_array().unwrap().len(), 1, "{pending}");
    assert_eq!(pending[0]["review"]["original"]["exact"], "catches were down by half");
    assert_eq!(pending[0]["review"]["reason"], "not_found");
}

#[test]
fn claim_add_finds_the_quote_and_the_source_by_alias() {
    let (data, leak) = samples();
    let data = data.path();
    let kreel = json(data, &["source", "add", "Anselm Kreel", "--alias", "Kreel", "--reliability", "b", "--json"]);
    assert_eq!((kreel["reliability"].as_str(), kreel["kind"].as_str()), (Some("B"), Some("person")));

    let args = ["claim", "add", "--article", &leak, "--quote", DENIAL, "--source", "KREEL", "--status", "disputed"];
    let out =
        claimdesk(data, &[&args[..], &["--kind", "denial", "--credibility", "5", "--tag", "draft", "--json"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "the alias found the source: {}", String::from_utf8_lossy(&out.stderr));
    let claim: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(claim["selector"]["exact"], DENIAL);
    assert_eq!(claim["chain"][0]["source"]["name"], "Anselm Kreel");
    assert_eq!(claim["chain"][0]["role"], "speaker");
    assert_eq!((claim["status"].as_str(), claim["kind"].as_str()), (Some("disputed"), Some("denial")));
    assert_eq!((claim["credibility"].as_u64(), claim["tags"][0].as_str()), (Some(5), Some("draft")));

    assert_eq!(json(data, &["claims", "--json"]).as_array().unwrap().len(), 1);
    assert_eq!(json(data, &["claims", "--source", "kreel", "--json"]).as_array().unwrap().len(), 1);
    assert_eq!(json(data, &["claims", "--tag", "DRAFT", "--article", &leak, "--json"]).as_array().unwrap().len(), 1);
    assert!(json(data, &["claims", "--status", "unverified", "--json"]).as_array().unwrap().is_empty());
    let sources = json(data, &["sources", "--json"]);
    assert_eq!((sources[0]["name"].as_str(), sources[0]["claims"].as_u64()), (Some("Anselm Kreel"), Some(1)));

    let stderr = run(
        data,
        &[
            "claim",
            "add",
            "--article",
            &leak,
            "--quote",
            "Ruskavel line",
            "--prefix",
            "so-called ",
            "--source",
            "Tomas Arveny",
        ],
        0,
    );
    assert!(stderr.contains("no source answers to “Tomas Arveny”; added it as a person"), "{stderr}");
    let arveny = json(data, &["source", "show", "tomas arveny", "--json"]);
    assert_eq!((arveny["source"]["kind"].as_str(), arveny["claims"].as_array().unwrap().len()), (Some("person"), 1));

    let stderr = run(data, &["claim", "add", "--article", &leak, "--quote", DENIAL, "--credibility", "7"], 1);
    assert!(stderr.contains("--credibility"), "{stderr}");
    let stderr = run(data, &["claims", "--source", "nobody at all"], 1);
    assert!(stderr.contains("no source named \"nobody at all\""), "{stderr}");
}

#[test]
fn a_quote_that_is_missing_or_ambiguous_is_an_error() {
    let (data, leak) = samples();
    let data = data.path();
    let stderr = run(data, &["claim", "add", "--article", &leak, "--quote", "Ruskavel line"], 1);
    assert!(stderr.contains("occurs 2 times"), "{stderr}");
    assert!(stderr.contains("--prefix or --suffix"), "{stderr}");
    let stderr = run(data, &["claim", "add", "--article", &leak, "--quote", "the talks were a triumph"], 1);
    assert!(stderr.contains("does not occur"), "{stderr}");
    let stderr = run(data, &["claim", "add", "--article", "9999", "--quote", "anything"], 1);
    assert!(stderr.contains("no article with id 9999"), "{stderr}");
    assert!(json(data, &["claims", "--json"]).as_array().unwrap().is_empty(), "nothing was stored");

    run(data, &["claim", "add", "--article", &leak, "--quote", "Ruskavel line", "--suffix", ";"], 0);
    let claims = json(data, &["claims", "--json"]);
    assert!(claims[0]["selector"]["prefix"].as_str().unwrap().ends_with("withdrawn behind the "));
}

#[test]
fn source_show_finds_a_source_by_alias_and_prints_its_page() {
    let (data, leak) = samples();
    let data = data.path();
    run(data, &["source", "add", "Varenian foreign ministry", "--kind", "government-body"], 0);
    run(data, &["source", "add", "Anselm Kreel", "--affiliation", "varenian foreign ministry"], 0);
    let out = claimdesk(data, &["source", "alias", "Anselm Kreel", "the ministry's chief spokesman"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("now also answers to"));
    run(
        data,
        &["claim", "add", "--article", &leak, "--quote", DENIAL, "--source", "Anselm Kreel", "--status", "disputed"],
        0,
    );
    run(data, &["claim", "add", "--article", &leak, "--quote", "There is no agreed text", "--source", "#2"], 0);

    let page = json(data, &["source", "show", "The Ministry's  Chief Spokesman", "--json"]);
    assert_eq!(page["source"]["name"], "Anselm Kreel");
    assert_eq!(page["source"]["aliases"][0], "the ministry's chief spokesman");
    assert_eq!(page["source"]["affiliation"]["name"], "Varenian foreign ministry");
    assert_eq!(page["claims"].as_array().unwrap().len(), 2);
    assert_eq!(page["claims"][0]["role"], "speaker");
    assert!(page["claims"][0]["article_title"].as_str().unwrap().contains("Ruskavel"));
    let disputed = page["by_status"].as_array().unwrap().iter().find(|s| s["status"] == "disputed").unwrap();
    assert_eq!(disputed["count"], 1);
    let ministry = json(data, &["source", "show", "#1", "--json"]);
    assert_eq!(ministry["members"][0]["name"], "Anselm Kreel");

    let text = claimdesk(data, &["source", "show", "kreel's nobody"]);
    assert_eq!(text.status.code(), Some(1));
    let text = String::from_utf8(claimdesk(data, &["source", "show", "#2"]).stdout).unwrap();
    assert!(text.contains("2 claims in 1 article") && text.contains(DENIAL), "{text}");
}

#[test]
fn undo_and_redo_from_the_command_line() {
    let (data, leak) = samples();
    let data = data.path();
    let stderr = run(data, &["undo"], 1);
    assert!(stderr.contains("nothing to undo"), "{stderr}");
    run(data, &["claim", "add", "--article", &leak, "--quote", DENIAL, "--source", "Anselm Kreel"], 0);

    let out = claimdesk(data, &["undo"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Undid: Add claim “a fabrication circulated by people who…”"
    );
    assert!(json(data, &["claims", "--json"]).as_array().unwrap().is_empty());
    assert_eq!(json(data, &["sources", "--json"]).as_array().unwrap().len(), 1, "the source was a step of its own");
    let out = claimdesk(data, &["redo"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Redid: Add claim"));
    assert_eq!(json(data, &["claims", "--json"])[0]["chain"][0]["source"]["name"], "Anselm Kreel");
    let stderr = run(data, &["redo"], 1);
    assert!(stderr.contains("nothing to redo"), "{stderr}");
    run(data, &["undo"], 0);
    let out = claimdesk(data, &["undo"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "Undid: Add source “Anselm Kreel”");
    assert!(json(data, &["sources", "--json"]).as_array().unwrap().is_empty());
}

fn open_read_only(data: &Path) -> Option<rusqlite::Connection> {
    let db = data.join("claimdesk.sqlite3");
    rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

/// A small deterministic generator (64-bit LCG), so every run kills at the same offsets.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A child writes claims in a loop and is SIGKILLed at random moments, 30
/// times. After each kill the database passes `PRAGMA integrity_check`, and
/// every claim has its `create` audit row in an operation, with its whole
/// chain and tag: an operation is all there or not there at all.
#[test]
fn claims_written_by_a_killed_process_are_whole_and_audited() {
    let (data, _) = samples();
    let data = data.path();
    let mut random = Lcg(0x5EED_C1A1);
    let mut previous = 0;
    let mut rounds_that_wrote = 0;
    for round in 0..30 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
            .arg("--data")
            .arg(data)
            .args(["debug", "write-claims", "--count", "1000000"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Even rounds kill at any moment in their first 0.6 s, opening the
        // desk included; odd rounds first wait until the child has written,
        // so their kills land among the writes.
        let delay = if round % 2 == 0 {
            random.below(600)
        } else {
            let deadline = Instant::now() + Duration::from_secs(60);
            while Instant::now() < deadline && child.try_wait().unwrap().is_none() {
                let written = open_read_only(data).map_or(0, |c| count(&c, "SELECT count(*) FROM claims"));
                if written > previous {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            random.below(100)
        };
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let conn = open_read_only(data).unwrap();
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        let claims = count(&conn, "SELECT count(*) FROM claims");
        let unaudited = count(
            &conn,
            "SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                 WHERE a.entity = 'claim' AND a.entity_id = c.id AND a.action = 'create' AND a.operation IS NOT NULL)",
        );
        assert_eq!(unaudited, 0, "round {round}: claims without their audit row");
        let partial = count(
            &conn,
            "SELECT count(*) FROM claims c WHERE (SELECT count(*) FROM attributions WHERE claim_id = c.id) <> 1
                 OR (SELECT count(*) FROM claim_tags WHERE claim_id = c.id) <> 1",
        );
        assert_eq!(partial, 0, "round {round}: a claim was stored without its chain or tag");
        let empty = count(
            &conn,
            "SELECT count(*) FROM operations o WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.operation = o.id)",
        );
        assert_eq!(empty, 0, "round {round}: an operation without its audit rows");
        assert!(claims >= previous, "round {round}: nothing committed is ever lost");
        rounds_that_wrote += usize::from(claims > previous);
        previous = claims;
    }
    assert!(rounds_that_wrote >= 15, "only {rounds_that_wrote} of 30 rounds got to write claims");
    let check = json(data, &["check", "--json"]);
    assert!(check["problems"].as_array().unwrap().is_empty(), "{check}");
    let listed = json(data, &["claims", "--tag", "crash-test", "--json"]);
    assert_eq!(listed.as_array().unwrap().len() as i64, previous);
}
