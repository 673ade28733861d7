//! Compares cue-model settings on a held-out fifth of PolNeAR train (every
//! fifth text in name order, 168 of 840), with the model learned on the other
//! four fifths: the figures that choose between variants, so that dev is only
//! run to record them.
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example heldout -- \
//!     ../shared/corpora/polnear/train [epochs=N] [min=N] [no-jackknife] [without=PREFIX,…] [thresholds=T,…]
//! ```

use std::path::Path;
use std::time::Instant;

use claimdesk_attribution::brat::Role;
use claimdesk_attribution::eval::{GoldDocument, Report, Score, load_split, score};
use claimdesk_attribution::{TrainOptions, suggest_with, train_cue_model};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(split) = args.get(1) else {
        eprintln!("usage: heldout SPLIT_DIR [epochs=N] [min=N] [no-jackknife] [without=PREFIX,…] [thresholds=T,…]");
        std::process::exit(1);
    };
    let mut options = TrainOptions::default();
    let mut thresholds = vec![0.0f32];
    let mut errors = false;
    for a in &args[2..] {
        if let Some(list) = a.strip_prefix("without=") {
            options.without = list.split(',').map(str::to_string).collect();
        } else if a == "errors" {
            errors = true;
        } else if a == "no-jackknife" {
            options.jackknife = false;
        } else if let Some(n) = a.strip_prefix("epochs=") {
            options.epochs = n.parse().expect("epochs");
        } else if let Some(list) = a.strip_prefix("thresholds=") {
            thresholds = list.split(',').map(|t| t.parse().expect("threshold")).collect();
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
    let started = Instant::now();
    let model = train_cue_model(&train, &options);
    eprintln!("{options:?}: trained on {} texts in {:.1} s", train.len(), started.elapsed().as_secs_f64());
    if errors {
        print_cue_errors(&model, held.iter().map(|(_, d)| d));
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
fn print_cue_errors<'a>(model: &claimdesk_attribution::CueModel, docs: impl Iterator<Item = &'a GoldDocument>) {
    use std::collections::HashMap;
    let (mut missed, mut false_cues) = (HashMap::<String, usize>::new(), HashMap::<String, usize>::new());
    for doc in docs {
        let found = suggest_with(model, &doc.text);
        let gold: Vec<_> = doc.annotations.of_role(Role::Cue).collect();
        for g in &gold {
            if !found.iter().any(|s| g.overlap(&s.cue) > 0) {
                *missed.entry(g.hull().slice(&doc.text).to_lowercase()).or_default() += 1;
            }
        }
        for s in &found {
            if !gold.iter().any(|g| g.overlap(&s.cue) > 0) {
                *false_cues.entry(s.cue.slice(&doc.text).to_lowercase()).or_default() += 1;
            }
        }
    }
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
