//! Scores the shipped suggester on a PolNeAR-style split, as the app's
//! `eval-attribution` command does, without building the app; `--errors`
//! also counts the error classes of `docs/evaluation.md` (counts only):
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example eval_split -- ../shared/corpora/polnear/dev [--errors]
//! ```

use std::path::Path;

use claimdesk_attribution::brat::{GoldSpan, Role};
use claimdesk_attribution::eval::{evaluate_split, load_split};
use claimdesk_attribution::{Span, suggest};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: eval_split SPLIT_DIR [--errors]");
        std::process::exit(1);
    };
    match evaluate_split(Path::new(dir)) {
        Ok(report) => print!("{}", report.table()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
    if args.iter().any(|a| a == "--errors") {
        error_classes(Path::new(dir));
    }
}

/// Each gold attribution once: its cue found when a suggestion's cue
/// overlaps it; then its source and content against that suggestion's.
fn error_classes(dir: &Path) {
    const SPEECH: &[&str] = &["said", "says", "say", "told", "tells", "according to", "added", "asked", "wrote"];
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut add = |class: &'static str| *counts.entry(class).or_default() += 1;
    for doc in load_split(dir).expect("split") {
        let found = suggest(&doc.text);
        let ann = &doc.annotations;
        let cues: Vec<&GoldSpan> = ann.of_role(Role::Cue).collect();
        for s in &found {
            if !cues.iter().any(|g| g.overlap(&s.cue) > 0) {
                add(if s.cue.slice(&doc.text) == ":" { "false cue: a colon" } else { "false cue: words" });
            }
        }
        for a in &ann.attributions {
            let Some(c) = a.cue else { continue };
            let Some(s) = found.iter().find(|s| ann.spans[c].overlap(&s.cue) > 0) else {
                let words = ann.spans[c].hull().slice(&doc.text).to_lowercase();
                add(if words == ":" {
                    "cue missed: a colon"
                } else if SPEECH.contains(&words.as_str()) {
                    "cue missed: a common speech verb"
                } else {
                    "cue missed: other words"
                });
                continue;
            };
            let mut role = |gold: Option<usize>, found: Option<Span>, name: [&'static str; 3]| {
                let Some(g) = gold else { return };
                let g = &ann.spans[g];
                match found {
                    None => add(name[0]),
                    Some(p) if g.overlap(&p) == 0 => add(name[1]),
                    Some(p) if g.hull() != p => add(name[2]),
                    Some(_) => {}
                }
            };
            role(a.source, s.source, ["source missing", "source in the wrong place", "source found, boundary differs"]);
            role(
                a.content,
                s.content,
                ["content missing", "content in the wrong place", "content found, boundary differs"],
            );
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (class, n) in rows {
        println!("{n}\t{class}");
    }
}
