//! Learns the cue model from a PolNeAR-style split and writes its weights,
//! and the cue counts of its words as `cues.tsv` beside them:
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example derive_weights -- \
//!     ../shared/corpora/polnear/train src-tauri/crates/attribution/lexicon/cue_weights.tsv
//! ```

use std::path::Path;

use claimdesk_attribution::TrainOptions;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(split), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: derive_weights SPLIT_DIR OUT.tsv [EPOCHS] [MIN_COUNT]");
        std::process::exit(1);
    };
    let defaults = TrainOptions::default();
    let options = TrainOptions {
        epochs: args.get(3).and_then(|a| a.parse().ok()).unwrap_or(defaults.epochs),
        min_count: args.get(4).and_then(|a| a.parse().ok()).unwrap_or(defaults.min_count),
        ..defaults
    };
    let docs = claimdesk_attribution::eval::load_split(Path::new(split)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let model = claimdesk_attribution::train_cue_model(&docs, &options);
    std::fs::write(out, model.to_tsv()).unwrap();
    let cues = Path::new(out).with_file_name("cues.tsv");
    std::fs::write(cues, model.cues_tsv()).unwrap();
}
