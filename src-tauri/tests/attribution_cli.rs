//! `claimdesk suggest --jsonl` and `claimdesk eval-attribution` as a user runs
//! them: the documented line shape, code-point offsets, a missing file among
//! good ones, and no data directory.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn claimdesk(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimdesk")).arg("--data").arg(data).args(args).output().unwrap()
}

fn code_point_offset(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

#[test]
fn suggest_jsonl_prints_the_documented_shape_and_reports_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = "قال الوزير 🙂 اليوم.\n\nThe harbour will reopen on Monday, the port authority said.\n";
    let good = dir.path().join("harbour-note.txt");
    std::fs::write(&good, text).unwrap();
    let missing = dir.path().join("missing.txt");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 said the minister").unwrap();
    let data = dir.path().join("data");

    let out = claimdesk(
        &data,
        &["suggest", missing.to_str().unwrap(), good.to_str().unwrap(), latin1.to_str().unwrap(), "--jsonl"],
    );
    assert_eq!(out.status.code(), Some(1), "a missing file makes the exit code 1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "the error names the file: {stderr}");
    assert!(stderr.contains("latin1.txt: not UTF-8 text"), "{stderr}");

    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let line = lines.iter().find(|l| l["cue"]["start"] == code_point_offset(text, "said")).expect("the said cue");
    assert_eq!(line["doc"], "harbour-note");
    assert_eq!(
        line["cue"],
        serde_json::json!({"start": code_point_offset(text, "said"), "end": code_point_offset(text, "said") + 4})
    );
    let source_start = code_point_offset(text, "the port authority");
    assert_eq!(line["source"], serde_json::json!({"start": source_start, "end": source_start + 18}));
    assert_eq!(line["content"]["start"], code_point_offset(text, "The harbour"));
    assert_eq!(line["source_kind"], "organization");
    assert_eq!(line["hedged"], false);
    for l in &lines {
        for key in ["doc", "cue", "source", "content", "source_kind", "hedged"] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        assert!(l["source"].is_null() || l["source"]["end"].is_u64());
        assert!(
            ["person", "organization", "outlet", "anonymous", "pronoun", "unknown"]
                .contains(&l["source_kind"].as_str().unwrap())
        );
    }
    assert!(!data.exists(), "suggest needs no data directory");
}

/// The scorer on PolNeAR dev, when the shared corpora are present.
#[test]
fn eval_attribution_prints_figures_for_every_role() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora/polnear/dev");
    if !dev.exists() {
        eprintln!("skipped: ../shared/corpora/polnear/dev not found");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let out = claimdesk(data.path(), &["eval-attribution", dev.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 84);
    for criterion in ["exact", "overlap"] {
        for role in ["cue", "source", "content", "whole"] {
            assert!(report["score"][criterion][role]["matched"].as_u64().unwrap() > 0, "{criterion} {role}");
        }
    }
    assert!(!data.path().join("claimdesk.sqlite3").exists(), "no data directory is needed");
}
