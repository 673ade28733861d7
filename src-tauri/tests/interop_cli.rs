//! Exports, backups and restores from the command line: output to standard
//! output or whole files, and bad input refused with exit code 1 and nothing
//! half-written or replaced.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn claimdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk")).arg("--data").arg(data).args(args).output().unwrap()
}

/// Runs, insisting on `code`; returns stdout and stderr.
fn run(data: &Path, args: &[&str], code: i32) -> (String, String) {
    let out = claimdesk(data, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// The samples with one claim by Anselm Kreel.
fn desk_with_a_claim() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    let samples: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/samples");
    run(data.path(), &["import", samples.to_str().unwrap(), "--json"], 0);
    let (found, _) = run(data.path(), &["search", "Ruskavel", "--json"], 0);
    let leak = serde_json::from_str::<Value>(&found).unwrap()["hits"][0]["id"].to_string();
    let quote = "a fabrication circulated by people who want the talks to fail";
    let args = ["claim", "add", "--article", &leak, "--quote", quote, "--source", "Anselm Kreel"];
    run(data.path(), &[&args[..], &["--status", "disputed", "--tag", "draft"]].concat(), 0);
    data
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn export_writes_each_format_to_stdout_or_a_whole_file() {
    let data = desk_with_a_claim();
    let data = data.path();
    let (w3c, _) = run(data, &["export", "--format", "w3c"], 0);
    let collection: Value = serde_json::from_str(&w3c).unwrap();
    assert_eq!(collection["total"], 1);
    assert_eq!(collection["first"]["items"][0]["cd:chain"][0]["cd:source"]["cd:name"], "Anselm Kreel");

    let out = tempfile::tempdir().unwrap();
    for format in ["w3c", "csv", "sources-csv", "markdown", "html", "claimreview"] {
        let file = out.path().join(format!("export.{format}"));
        let (stdout, stderr) =
            run(data, &["export", "--format", format, "--tag", "DRAFT", "-o", file.to_str().unwrap()], 0);
        assert!(stdout.is_empty(), "{format}: nothing on stdout with -o");
        assert!(stderr.contains("Wrote 1 "), "{format}: {stderr}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("Kreel"), "{format}: {text}");
    }
    assert_eq!(files(out.path()).len(), 6, "no partial files left: {:?}", files(out.path()));

    let (brief, _) = run(data, &["export", "--format", "markdown", "--source", "anselm kreel"], 0);
    assert!(brief.contains("## Anselm Kreel"), "{brief}");
}

#[test]
fn bad_exports_exit_1_and_leave_no_file() {
    let data = desk_with_a_claim();
    let data = data.path();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("claims.jsonld");
    let file = file.to_str().unwrap();
    let (_, stderr) = run(data, &["export", "--format", "pdf"], 1);
    assert!(stderr.contains("sources-csv"), "the formats are listed: {stderr}");
    let (_, stderr) = run(data, &["export", "--format", "w3c", "--source", "Nobody", "-o", file], 1);
    assert!(stderr.contains("no source named \"Nobody\""), "{stderr}");
    let (_, stderr) = run(data, &["export", "--format", "w3c", "--query", "\"unclosed", "-o", file], 1);
    assert!(!stderr.is_empty());
    let missing = out.path().join("no/such/folder/claims.csv");
    let (_, stderr) = run(data, &["export", "--format", "csv", "-o", missing.to_str().unwrap()], 1);
    assert!(stderr.contains("cannot create"), "{stderr}");
    assert_eq!(files(out.path()), Vec::<String>::new(), "nothing half-written");
}

#[test]
fn backup_and_restore_round_trip_and_refuse_a_truncated_file() {
    let data = desk_with_a_claim();
    let data = data.path();
    let out = tempfile::tempdir().unwrap();
    let backup = out.path().join("desk.backup");
    let (said, _) = run(data, &["backup", backup.to_str().unwrap()], 0);
    assert!(said.contains("1 claims"), "{said}");
    let nowhere = out.path().join("no/such/folder/desk.backup");
    let (_, stderr) = run(data, &["backup", nowhere.to_str().unwrap()], 1);
    assert!(stderr.contains("cannot write the backup"), "{stderr}");

    let elsewhere = tempfile::tempdir().unwrap();
    let (said, _) = run(elsewhere.path(), &["restore", backup.to_str().unwrap()], 0);
    assert!(said.contains("Restored 35 articles, 1 claims and 1 sources"), "{said}");
    let (claims, _) = run(elsewhere.path(), &["claims", "--json"], 0);
    let (original, _) = run(data, &["claims", "--json"], 0);
    assert_eq!(serde_json::from_str::<Value>(&claims).unwrap(), serde_json::from_str::<Value>(&original).unwrap());
    let (found, _) = run(elsewhere.path(), &["search", "Ruskavel", "--json"], 0);
    assert_eq!(serde_json::from_str::<Value>(&found).unwrap()["total"], 1, "the index was rebuilt");

    let bytes = std::fs::read(&backup).unwrap();
    let truncated = out.path().join("truncated.backup");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let before = std::fs::read(data.join("claimdesk.sqlite3")).unwrap();
    let (_, stderr) = run(data, &["restore", truncated.to_str().unwrap()], 1);
    assert!(stderr.contains("cannot be restored"), "{stderr}");
    assert_eq!(std::fs::read(data.join("claimdesk.sqlite3")).unwrap(), before, "the data is untouched");
    let (claims, _) = run(data, &["claims", "--json"], 0);
    assert_eq!(serde_json::from_str::<Value>(&claims).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn import_annotations_reports_each_annotation_and_refuses_bad_files() {
    let data = desk_with_a_claim();
    let (w3c, _) = run(data.path(), &["export", "--format", "w3c"], 0);
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("claims.jsonld");
    std::fs::write(&file, &w3c).unwrap();

    let elsewhere = tempfile::tempdir().unwrap();
    let samples: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/samples");
    run(elsewhere.path(), &["import", samples.to_str().unwrap(), "--json"], 0);
    let (said, stderr) = run(elsewhere.path(), &["import-annotations", file.to_str().unwrap()], 0);
    assert!(said.contains("imported as claim"), "{said}");
    assert!(stderr.contains("1 imported, 0 needing review, 0 already here, 0 rejected."), "{stderr}");
    let (again, _) = run(elsewhere.path(), &["export", "--format", "w3c"], 0);
    let items = |text: &str| serde_json::from_str::<Value>(text).unwrap()["first"]["items"][0]["target"].clone();
    assert_eq!(items(&again), items(&w3c));

    let (report, _) = run(elsewhere.path(), &["import-annotations", file.to_str().unwrap(), "--json"], 0);
    let report: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["annotations"][0]["outcome"], "already_here");

    let (_, stderr) = run(elsewhere.path(), &["import-annotations", "/no/such/file.jsonld"], 1);
    assert!(stderr.contains("cannot read /no/such/file.jsonld"), "{stderr}");
    let broken = files.path().join("broken.json");
    std::fs::write(&broken, &w3c[..w3c.len() / 2]).unwrap();
    let (_, stderr) = run(elsewhere.path(), &["import-annotations", broken.to_str().unwrap()], 1);
    assert!(stderr.contains("not JSON") && stderr.contains("nothing was imported"), "{stderr}");
    let other = files.path().join("other.json");
    std::fs::write(
        &other,
        r#"[{"type": "Annotation", "target": {"source": "https://example.com/unknown",
        "selector": {"type": "TextQuoteSelector", "exact": "hello"}}}]"#,
    )
    .unwrap();
    let (said, _) = run(elsewhere.path(), &["import-annotations", other.to_str().unwrap()], 1);
    assert!(said.contains("rejected: unknown article https://example.com/unknown"), "{said}");
}
