//! Compares cue-model settings on a held-out fifth of PolNeAR train (every
//! fifth text in name order, 168 of 840), with the model learned on the other
//! four fifths: the figures that choose between variants, so that dev is only
//! run to record them.
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example heldout -- \
//!     ../shared/corpora/polnear/train [epochs=N] [min=N] [no-jackknife] [without=PREFIX,…] [threshold=T] [thresholds=T,…] [cache=PATH] [errors]
//! ```

use std::path::Path;
use std::time::Instant;

use claimdesk_attribution::brat::Role;
use claimdesk_attribution::eval::{GoldDocument, Report, Score, load_split, score};
use claimdesk_attribution::{CueModel, TrainOptions, suggest_with, train_cue_model};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(split) = args.get(1) else {
        eprintln!(
            "usage: heldout SPLIT_DIR [epochs=N] [min=N] [no-jackknife] [without=PREFIX,…] [threshold=T] [thresholds=T,…] [cache=PATH] [errors]"
        );
        std::process::exit(1);
    };
    let mut options = TrainOptions::default();
    // Shifts on top of the threshold folded in at training (options.threshold).
    let mut thresholds = vec![0.0f32];
    let mut errors = false;
    let mut cache: Option<String> = None;
    for a in &args[2..] {
        if let Some(list) = a.strip_prefix("without=") {
            options.without = list.split(',').map(str::to_string).collect();
        } else if let Some(path) = a.strip_prefix("cache=") {
            // Rule changes need no retraining: the four-fifths model is kept
            // in PATH and PATH.cues, and read from there when present.
            cache = Some(path.to_string());
        } else if a == "errors" {
            errors = true;
        } else if a == "no-jackknife" {
            options.jackknife = false;
        } else if let Some(n) = a.strip_prefix("epochs=") {
            options.epochs = n.parse().expect("epochs");
        } else if let Some(list) = a.strip_prefix("thresholds=") {
            thresholds = list.split(',').map(|t| t.parse().expect("threshold")).collect();
        } else if let Some(t) = a.strip_prefix("threshold=") {
            options.threshold = t.parse().expect("threshold");
        } else if let Some(n) = a.strip_prefix("min=") {
            options.min_count = n.parse().expect("min count");
        }
    }
    let docs = load_split(Path::new(split)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let (train, held): (Vec<_>, Vec<_>) = docs.into_iter().enumerate().partition(|(n, _)| n % 5 != 4);
    let train: Vec<_> = train.into_iter().map(|(_, d)| d).collect();
    let cached = cache.as_ref().and_then(|path| {
        let weights = std::fs::read_to_string(path).ok()?;
        let cues = std::fs::read_to_string(format!("{path}.cues")).ok()?;
        Some(CueModel::from_tsv(&weights, &cues))
    });
    let model = cached.unwrap_or_else(|| {
        let started = Instant::now();
        let model = train_cue_model(&train, &options);
        eprintln!("{options:?}: trained on {} texts in {:.1} s", train.len(), started.elapsed().as_secs_f64());
        if let Some(path) = &cache {
            std::fs::write(path, model.to_tsv()).unwrap();
            std::fs::write(format!("{path}.cues"), model.cues_tsv()).unwrap();
        }
        model
    });
    if errors {
        print_cue_errors(&model, held.iter().map(|(_, d)| d));
        print_role_errors(&model, held.iter().map(|(_, d)| d), false);
        print_role_errors(&model, held.iter().map(|(_, d)| d), true);
    }
    for t in thresholds {
        let mut shifted = model.clone();
        shifted.shift_threshold(t);
        let mut total = Score::default();
        for (_, doc) in &held {
            total.add(score(&doc.annotations, &suggest_with(&shifted, &doc.text)));
        }
        println!("threshold {t}");
        print!("{}", Report { documents: held.len(), score: total }.table());
    }
}

/// The held-out cues missed and suggested wrongly, most frequent first (a
/// local diagnostic: it prints cue words of the corpus, not for shipping).
fn print_cue_errors<'a>(model: &CueModel, docs: impl Iterator<Item = &'a GoldDocument>) {
    use std::collections::HashMap;
    let (mut missed, mut false_cues) = (HashMap::<String, usize>::new(), HashMap::<String, usize>::new());
    let mut scored = HashMap::<&str, usize>::new();
    for doc in docs {
        let found = suggest_with(model, &doc.text);
        let gold: Vec<_> = doc.annotations.of_role(Role::Cue).collect();
        let scores = claimdesk_attribution::cue_scores(model, &doc.text);
        for g in &gold {
            if !found.iter().any(|s| g.overlap(&s.cue) > 0) {
                *missed.entry(g.hull().slice(&doc.text).to_lowercase()).or_default() += 1;
                let best = scores.iter().filter(|(t, _)| g.overlap(t) > 0).map(|x| x.1).fold(f32::MIN, f32::max);
                let key = if best > 0.0 {
                    "positive"
                } else if best > -1.0 {
                    "within 1"
                } else {
                    "below -1"
                };
                *scored.entry(key).or_default() += 1;
            }
        }
        for s in &found {
            if !gold.iter().any(|g| g.overlap(&s.cue) > 0) {
                *false_cues.entry(s.cue.slice(&doc.text).to_lowercase()).or_default() += 1;
            }
        }
    }
    println!("missed cues by their best token score: {scored:?}");
    for (name, map) in [("missed", missed), ("false", false_cues)] {
        let mut rows: Vec<_> = map.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let total: usize = rows.iter().map(|r| r.1).sum();
        println!("{name} cues: {total}");
        for (w, n) in rows.iter().take(60) {
            print!("{w:?}:{n} ");
        }
        println!();
    }
}

/// Held-out attributions whose cue was found but whose source (or content) was not:
/// the text around the cue, marked (local diagnostic, prints corpus text).
fn print_role_errors<'a>(model: &CueModel, docs: impl Iterator<Item = &'a GoldDocument>, content: bool) {
    let tag = if content { "CONTENT" } else { "SRC" };
    let (mut wrong, mut missing, mut shown) = (0, 0, 0);
    for doc in docs {
        let found = suggest_with(model, &doc.text);
        let ann = &doc.annotations;
        for a in &ann.attributions {
            let (Some(c), Some(gs)) = (a.cue, if content { a.content } else { a.source }) else { continue };
            let Some(s) = found.iter().find(|s| ann.spans[c].overlap(&s.cue) > 0) else { continue };
            let gold = ann.spans[gs].hull();
            match if content { s.content } else { s.source } {
                Some(p) if ann.spans[gs].overlap(&p) > 0 => continue,
                Some(_) => wrong += 1,
                None => missing += 1,
            }
            if shown < 400 {
                shown += 1;
                let lo = s.cue.start.min(gold.start).saturating_sub(60);
                let hi = (s.cue.end.max(gold.end) + 40).min(doc.text.chars().count());
                let mut marks: Vec<(usize, &str)> =
                    vec![(gold.start, "<G:"), (gold.end, ">"), (s.cue.start, "[C:"), (s.cue.end, "]")];
                if let Some(p) = if content { s.content } else { s.source } {
                    marks.push((p.start, "{P:"));
                    marks.push((p.end, "}"));
                }
                marks.sort();
                let mut out = String::new();
                let mut at = lo;
                for (k, m) in marks.into_iter().filter(|(k, _)| *k >= lo && *k <= hi) {
                    out += claimdesk_attribution::Span::new(at, k).slice(&doc.text);
                    out += m;
                    at = k;
                }
                out += claimdesk_attribution::Span::new(at, hi).slice(&doc.text);
                println!("{tag} {}", out.replace('\n', " "));
            }
        }
    }
    println!("{tag} wrong {wrong}, missing {missing} (cue found)");
}
