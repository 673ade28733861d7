//! Runs case files in the shared anchoring-test format through
//! `run_cases` and compares every result with the case's `expected`.
//!
//! `anchoring-dev.json` (Apache Annotator's cases, kept outside the
//! repository) is used when present; `cases/tricky.json` is this crate's own.

use std::path::Path;

use serde_json::Value;

/// `../shared` beside the repository, as the peer tests are laid out.
const DEV_CASES: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/peer-tests/anchoring/anchoring-dev.json");

const OWN_CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/tricky.json");

/// Runs the file at `path`; returns (passed, total) and the failures.
fn check_file(path: &Path) -> (usize, usize, Vec<String>) {
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: Value = serde_json::from_str(&json).expect("case file is JSON");
    let cases = file["cases"].as_array().expect("case file has cases");
    let lines = claimdesk_anchor::run_cases(&json).expect("case file is accepted");
    assert_eq!(lines.len(), cases.len(), "one line per case");
    let failures: Vec<String> = cases
        .iter()
        .zip(&lines)
        .filter(|(case, line)| !passes(case, line))
        .map(|(case, line)| format!("{}: expected {}, got {line}", case["name"], case["expected"]))
        .collect();
    (cases.len() - failures.len(), cases.len(), failures)
}

/// A line passes when it names the case and its result equals `expected`
/// (only the `start`s, for `"compare": "start-only"`).
fn passes(case: &Value, line: &Value) -> bool {
    let Some(result) = line.get("result") else {
        return false;
    };
    if line["name"] != case["name"] {
        return false;
    }
    let expected = &case["expected"];
    if case["compare"] == "start-only" {
        return match (result, expected) {
            (Value::Null, Value::Null) => true,
            (Value::Array(got), Value::Array(want)) => {
                got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g["start"] == w["start"])
            }
            _ => !result.is_null() && !expected.is_null() && result["start"] == expected["start"],
        };
    }
    result == expected
}

#[test]
fn apache_annotator_dev_cases_all_pass() {
    let path = Path::new(DEV_CASES);
    if !path.exists() {
        println!("skipped: ../shared/peer-tests/anchoring not found");
        return;
    }
    let (passed, total, failures) = check_file(path);
    println!("anchoring-dev.json: {passed}/{total} cases pass");
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(total, 54);
}

#[test]
fn own_tricky_cases_all_pass() {
    let (passed, total, failures) = check_file(Path::new(OWN_CASES));
    println!("tricky.json: {passed}/{total} cases pass");
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}
