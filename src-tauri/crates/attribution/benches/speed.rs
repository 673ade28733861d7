//! Speed of `suggest` (issue #6): a 5,000-word article built from the
//! project's own sample articles, and the whole of PolNeAR dev when
//! `../shared` is present. Single-threaded, so the figures are one core's.
//! Besides wall time, each run's on-CPU time is read from Linux's
//! `/proc/thread-self/schedstat` (nanoseconds this thread ran), which stays
//! the same when other processes crowd the machine.
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
    println!("{WORDS}-word article ({found} suggestions), target ≤ 30 ms: {times}");

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
    println!("PolNeAR dev ({} texts, {words} words), target ≤ 2,000 ms: {times}", docs.len());
}

/// Wall and on-CPU times of `RUNS` runs, each sorted.
struct Times {
    wall: Vec<Duration>,
    cpu: Option<Vec<Duration>>,
}

impl std::fmt::Display for Times {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let (median, slowest) = (RUNS / 2, RUNS - 1);
        write!(f, "wall median {:.2} ms, slowest {:.2} ms", ms(self.wall[median]), ms(self.wall[slowest]))?;
        if let Some(cpu) = &self.cpu {
            write!(f, "; on-CPU median {:.2} ms, slowest {:.2} ms", ms(cpu[median]), ms(cpu[slowest]))?;
        }
        write!(f, " ({RUNS} runs)")
    }
}

fn measure(mut run: impl FnMut()) -> Times {
    let mut wall = Vec::with_capacity(RUNS);
    let mut cpu = Some(Vec::with_capacity(RUNS));
    for _ in 0..RUNS {
        let (started, cpu_started) = (Instant::now(), cpu_time());
        run();
        wall.push(started.elapsed());
        match (cpu_started, cpu_time(), cpu.as_mut()) {
            (Some(a), Some(b), Some(list)) => list.push(b.saturating_sub(a)),
            _ => cpu = None,
        }
    }
    wall.sort();
    if let Some(list) = cpu.as_mut() {
        list.sort();
    }
    Times { wall, cpu }
}

/// Time this thread has spent on a CPU, where Linux reports it.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
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
