//! Measuring: this process's CPU time and peak memory (from `/proc`), the
//! timing of imports and query mixes, percentiles, and running one phase in a
//! fresh child process so that each system's memory and CPU are its own.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Linux reports `/proc/*/stat` times in USER_HZ, 100 per second on every
/// mainstream architecture.
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

/// One import: how many articles, how long, how much CPU and memory.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct ImportFigures {
    pub articles: u64,
    pub wall_seconds: f64,
    /// User plus system time of all threads during the import.
    pub cpu_seconds: f64,
    /// VmHWM of the process that imported, in MiB.
    pub peak_mib: f64,
}

impl ImportFigures {
    pub fn per_second(&self) -> f64 {
        self.articles as f64 / self.wall_seconds
    }

    pub fn per_cpu_second(&self) -> f64 {
        self.articles as f64 / self.cpu_seconds
    }
}

/// Opening an index or a data directory.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct OpenFigures {
    pub millis: f64,
    /// What the opened index holds: a check that it opened the right thing.
    pub documents: u64,
}

/// Each query's latency and hit count, in the order of the mix.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchFigures {
    pub nanos: Vec<u64>,
    pub totals: Vec<u64>,
}

/// Latency percentiles of one query mix, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Latency {
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub mean: f64,
}

impl Latency {
    pub fn of(nanos: &[u64]) -> Latency {
        let mut sorted = nanos.to_vec();
        sorted.sort_unstable();
        let ms = |ns: u64| ns as f64 / 1e6;
        let mean = sorted.iter().sum::<u64>() as f64 / sorted.len().max(1) as f64 / 1e6;
        Latency {
            p50: ms(percentile(&sorted, 50.0)),
            p95: ms(percentile(&sorted, 95.0)),
            p99: ms(percentile(&sorted, 99.0)),
            mean,
        }
    }
}

/// The nearest-rank percentile of sorted values: the smallest value with at
/// least `p` % of the values at or below it. 0 for no values.
pub fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Runs an import (which returns the number of articles it took) and measures it.
pub fn import(run: impl FnOnce() -> Result<u64>) -> Result<ImportFigures> {
    let cpu_before = cpu_seconds()?;
    let start = Instant::now();
    let articles = run()?;
    let wall_seconds = start.elapsed().as_secs_f64();
    let cpu_seconds = cpu_seconds()? - cpu_before;
    Ok(ImportFigures { articles, wall_seconds, cpu_seconds, peak_mib: peak_mib()? })
}

/// Runs the mix once untimed (warm-up), then again timing each query alone.
/// `run` returns the query's total hit count.
pub fn queries<Q>(mix: &[Q], mut run: impl FnMut(&Q) -> Result<u64>) -> Result<SearchFigures> {
    for query in mix {
        run(query)?;
    }
    let mut figures = SearchFigures { nanos: Vec::with_capacity(mix.len()), totals: Vec::with_capacity(mix.len()) };
    for query in mix {
        let start = Instant::now();
        let total = run(query)?;
        figures.nanos.push(start.elapsed().as_nanos() as u64);
        figures.totals.push(total);
    }
    Ok(figures)
}

/// User plus system CPU time of this process (all threads, living or ended).
pub fn cpu_seconds() -> Result<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    cpu_seconds_from_stat(&stat).context("unexpected /proc/self/stat")
}

fn cpu_seconds_from_stat(stat: &str) -> Option<f64> {
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line; `fields` starts at field 3.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / CLOCK_TICKS_PER_SECOND)
}

/// The peak resident set size of this process so far (VmHWM), in MiB.
pub fn peak_mib() -> Result<f64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .context("no VmHWM in /proc/self/status")?;
    Ok(kib / 1024.0)
}

/// Runs `phase` in a new process of this same binary and reads the JSON it
/// prints as its last line. Its stderr goes to ours.
pub fn in_child<T: DeserializeOwned>(phase: &str, work: &Path) -> Result<T> {
    let output = Command::new(std::env::current_exe()?)
        .arg("--phase")
        .arg(phase)
        .arg("--work")
        .arg(work)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("starting the {phase} phase"))?;
    if !output.status.success() {
        bail!("the {phase} phase failed ({})", output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    serde_json::from_str(last).with_context(|| format!("reading the result of the {phase} phase: {last:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50.0), 50);
        assert_eq!(percentile(&values, 95.0), 95);
        assert_eq!(percentile(&values, 99.0), 99);
        assert_eq!(percentile(&values, 100.0), 100);
        assert_eq!(percentile(&[7], 99.0), 7);
        assert_eq!(percentile(&[1, 2, 3], 50.0), 2);
        assert_eq!(percentile(&[1, 2, 3, 4], 50.0), 2);
        assert_eq!(percentile(&[], 50.0), 0);
    }

    #[test]
    fn latency_in_milliseconds() {
        let latency = Latency::of(&[3_000_000, 1_000_000, 2_000_000, 10_000_000]);
        assert_eq!((latency.p50, latency.p99, latency.mean), (2.0, 10.0, 4.0));
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn cpu_time_from_stat() {
        let stat = "42 (my (odd) name) S 1 42 42 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 3 0 1 2 3";
        assert_eq!(cpu_seconds_from_stat(stat), Some(3.0));
        assert!(cpu_seconds().unwrap() >= 0.0);
        assert!(peak_mib().unwrap() > 0.0);
    }
}
