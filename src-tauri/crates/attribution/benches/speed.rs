//! Speed of `suggest` (issue #6): a 5,000-word article built from the
//! project's own sample articles, and the whole of PolNeAR dev when
//! `../shared` is present. Single-threaded, so the figures are one core's.
//!
//! ```text
//! cargo bench -p claimdesk-attribution
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use claimdesk_attribution::{eval::load_split, suggest};

const WORDS: usize = 5_000;
const RUNS: usize = 30;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let article = article_of(&root.join("tests/fixtures/samples"), WORDS);
    // The first call parses the shipped model; the app pays that once.
    let started = Instant::now();
    let found = suggest(&article).len();
    println!("first call (loads the model): {:.1} ms", ms(started.elapsed()));
    let times = measure(|| {
        suggest(&article);
    });
    println!(
        "{WORDS}-word article ({} suggestions): median {:.2} ms, slowest {:.2} ms over {RUNS} runs (target ≤ 30 ms)",
        found,
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );

    let dev = root.join("../shared/corpora/polnear/dev");
    if !dev.exists() {
        println!("skipped: ../shared/corpora/polnear/dev not found");
        return;
    }
    let docs = load_split(&dev).expect("PolNeAR dev");
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let times = measure(|| {
        for doc in &docs {
            suggest(&doc.text);
        }
    });
    println!(
        "PolNeAR dev ({} texts, {words} words): median {:.1} ms, slowest {:.1} ms over {RUNS} runs (target ≤ 2,000 ms)",
        docs.len(),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
}

/// Sorted durations of `RUNS` runs.
fn measure(mut run: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The sample articles (.txt and .md, in name order) joined by blank lines,
/// cut after `words` words.
fn article_of(samples: &Path, words: usize) -> String {
    let mut paths: Vec<_> = std::fs::read_dir(samples)
        .expect("tests/fixtures/samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    let mut article = String::new();
    let mut count = 0;
    for path in paths.iter().cycle() {
        for paragraph in std::fs::read_to_string(path).expect("a sample").split("\n\n") {
            for word in paragraph.split_whitespace() {
                if count == words {
                    return article;
                }
                article.push_str(word);
                article.push(' ');
                count += 1;
            }
            article.push_str("\n\n");
        }
    }
    article
}
