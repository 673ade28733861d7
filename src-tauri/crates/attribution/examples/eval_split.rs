//! Scores the shipped suggester on a PolNeAR-style split, as the app's
//! `eval-attribution` command does, without building the app:
//!
//! ```text
//! cargo run --release -p claimdesk-attribution --example eval_split -- ../shared/corpora/polnear/dev
//! ```

use std::path::Path;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: eval_split SPLIT_DIR");
        std::process::exit(1);
    };
    match claimdesk_attribution::eval::evaluate_split(Path::new(&dir)) {
        Ok(report) => print!("{}", report.table()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
