//! Compares cue-model settings on a held-out fifth of PolNeAR train (every
//! fifth text in name order, 168 of 840), with the model learned on the other
//! four fifths: the figures that choose between variants, so that dev is only
//! run to record them.
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example heldout -- \
//!     ../shared/corpora/polnear/train [EPOCHS] [MIN_COUNT] [no-jackknife] [without=PREFIX,PREFIX]
//! ```

use std::path::Path;
use std::time::Instant;

use claimdesk_attribution::eval::{Report, Score, load_split, score};
use claimdesk_attribution::{TrainOptions, suggest_with, train_cue_model};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(split) = args.get(1) else {
        eprintln!("usage: heldout SPLIT_DIR [EPOCHS] [MIN_COUNT] [no-jackknife] [without=PREFIX,…]");
        std::process::exit(1);
    };
    let mut options = TrainOptions::default();
    for a in &args[2..] {
        if let Some(list) = a.strip_prefix("without=") {
            options.without = list.split(',').map(str::to_string).collect();
        } else if a == "no-jackknife" {
            options.jackknife = false;
        } else if let Some(n) = a.strip_prefix("epochs=") {
            options.epochs = n.parse().expect("epochs");
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
    let mut total = Score::default();
    for (_, doc) in &held {
        total.add(score(&doc.annotations, &suggest_with(&model, &doc.text)));
    }
    print!("{}", Report { documents: held.len(), score: total }.table());
}
