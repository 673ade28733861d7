//! The results: text tables for the terminal and `docs/performance.md`, with
//! each target checked against the figures of the same run.

use std::fmt::Write;

use claimdesk_domain::Timestamp;

use crate::WRITER_HEAP_BYTES;
use crate::claimdesk::FreshFigures;
use crate::measure::{ImportFigures, Latency};

/// The margin over the writer heap that an import may use at its peak.
const MEMORY_MARGIN_MIB: f64 = 300.0;

/// When, on what machine and on which code the run happened.
pub struct RunInfo {
    pub date: String,
    pub cpus: usize,
    pub cpu_model: String,
    pub memory_gib: f64,
    /// `git describe --always --dirty` of the working directory.
    pub code: String,
}

impl RunInfo {
    pub fn now() -> RunInfo {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let field = |text: &str, name: &str| {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        };
        let memory_kib = field(&meminfo, "MemTotal")
            .and_then(|v| v.trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0);
        let git = std::process::Command::new("git").args(["describe", "--always", "--dirty"]).output();
        let code = git
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "unknown".to_string());
        RunInfo {
            code,
            date: Timestamp::now().to_string().replace('T', " ").replace('Z', " UTC"),
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu_model: field(&cpuinfo, "model name").unwrap_or_else(|| "unknown".to_string()),
            memory_gib: memory_kib / 1024.0 / 1024.0,
        }
    }
}

/// The load average (1, 5, 15 minutes) as `/proc/loadavg` gives it.
pub fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// One figure for each of the three systems.
pub struct Systems<T> {
    pub claimdesk: T,
    pub tantivy: T,
    pub fts5: T,
}

impl<T> Systems<T> {
    fn each(&self) -> [(&'static str, &T); 3] {
        [("Claimdesk", &self.claimdesk), ("bare Tantivy", &self.tantivy), ("SQLite FTS5", &self.fts5)]
    }
}

/// Everything measured at one corpus size.
pub struct SizeReport {
    pub size: usize,
    pub load_average: String,
    pub import: Systems<ImportFigures>,
    pub search: Systems<Latency>,
    /// Share of the queries for which the baseline counts as many hits as Claimdesk.
    pub same_total_as_claimdesk: Systems<f64>,
    pub open_claimdesk_millis: f64,
    pub open_tantivy_millis: f64,
    pub fresh: FreshFigures,
}

struct Target {
    what: &'static str,
    goal: String,
    result: String,
    met: bool,
    /// How far off, when missed.
    shortfall: String,
    /// What Claimdesk does that the baseline does not, for a missed target.
    why: &'static str,
}

const IMPORT_WHY: &str = "per article, `Desk::import` also detects the language of the body (whatlang), \
    computes the content hash, and stores the article with an audit-log row in SQLite; it commits the index \
    now and then while it runs. The baselines only index or insert.";
const SEARCH_WHY: &str = "each `Desk::search` also counts outlet and year facets over every match, reads the \
    20 hits back from SQLite (bodies included) and cuts a snippet from each body; the baselines only rank \
    and count.";
const FRESH_WHY: &str = "the import stores the articles, commits the index (segment files written and synced) \
    and reloads the reader before it returns.";
const OPEN_WHY: &str = "`Desk::open` also opens the SQLite database, checks its schema and the index's commit \
    record, and starts the index writer.";
const MEMORY_WHY: &str = "parsed files wait for the writer in a queue bounded by a number of files, not of \
    bytes, on top of the writer heap.";

fn targets(r: &SizeReport) -> Vec<Target> {
    let mut out = Vec::new();
    let mut at_least = |what, goal: f64, value: f64, extra: String, why| {
        out.push(Target {
            what,
            goal: format!("≥ {goal:.2}×"),
            result: format!("{value:.2}×{extra}"),
            met: value >= goal,
            shortfall: format!("{:.0} % short", (1.0 - value / goal) * 100.0),
            why,
        });
    };
    let import = &r.import;
    let ratio = |a: &ImportFigures, b: &ImportFigures| a.per_second() / b.per_second();
    let per_cpu = |a: &ImportFigures, b: &ImportFigures| {
        format!(" (per CPU-second: {:.2}×)", a.per_cpu_second() / b.per_cpu_second())
    };
    let (claimdesk, tantivy, fts5) = (&import.claimdesk, &import.tantivy, &import.fts5);
    at_least("Import rate vs bare Tantivy", 0.7, ratio(claimdesk, tantivy), per_cpu(claimdesk, tantivy), IMPORT_WHY);
    at_least("Import rate vs FTS5", 1.0, ratio(claimdesk, fts5), per_cpu(claimdesk, fts5), IMPORT_WHY);
    let mut at_most = |what, goal: f64, value: f64, unit: &str, why| {
        let (goal_text, result) = if unit == "×" {
            (format!("≤ {goal:.2}×"), format!("{value:.2}×"))
        } else {
            (format!("≤ {goal:.0}{unit}"), format!("{value:.0}{unit}"))
        };
        out.push(Target {
            what,
            goal: goal_text,
            result,
            met: value <= goal,
            shortfall: format!("{:.0} % over", (value / goal - 1.0) * 100.0),
            why,
        });
    };
    let (claimdesk, tantivy, fts5) = (&r.search.claimdesk, &r.search.tantivy, &r.search.fts5);
    at_most("Search p50 vs bare Tantivy", 1.3, claimdesk.p50 / tantivy.p50, "×", SEARCH_WHY);
    at_most("Search p99 vs bare Tantivy", 1.6, claimdesk.p99 / tantivy.p99, "×", SEARCH_WHY);
    at_most("Search p50 vs FTS5", 0.4, claimdesk.p50 / fts5.p50, "×", SEARCH_WHY);
    at_most("Search p99 vs FTS5", 0.25, claimdesk.p99 / fts5.p99, "×", SEARCH_WHY);
    at_most("Commit → searchable", 1000.0, r.fresh.searchable_millis, " ms", FRESH_WHY);
    at_most("Index open (`Desk::open`)", 150.0, r.open_claimdesk_millis, " ms", OPEN_WHY);
    let memory_goal = heap_mib() + MEMORY_MARGIN_MIB;
    at_most("Peak import memory", memory_goal, r.import.claimdesk.peak_mib, " MiB", MEMORY_WHY);
    out
}

/// For the missed targets, what Claimdesk does on top of the baseline (each reason once).
fn misses(r: &SizeReport) -> Vec<String> {
    let mut reasons: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for t in targets(r).into_iter().filter(|t| !t.met) {
        match reasons.iter_mut().find(|(why, _)| *why == t.why) {
            Some((_, whats)) => whats.push(t.what),
            None => reasons.push((t.why, vec![t.what])),
        }
    }
    reasons.into_iter().map(|(why, whats)| format!("{}: {why}", whats.join(", "))).collect()
}

fn heap_mib() -> f64 {
    WRITER_HEAP_BYTES as f64 / 1024.0 / 1024.0
}

/// Rows of cells, shown as Markdown or as aligned text.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn markdown(&self) -> String {
        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
        let mut out = line(&self.header);
        out += &line(
            &self
                .header
                .iter()
                .enumerate()
                .map(|(i, _)| if i == 0 { "---" } else { "---:" }.to_string())
                .collect::<Vec<_>>(),
        );
        for row in &self.rows {
            out += &line(row);
        }
        out
    }

    fn text(&self) -> String {
        let width =
            |i: usize| std::iter::once(&self.header).chain(&self.rows).map(|r| r[i].chars().count()).max().unwrap_or(0);
        let widths: Vec<usize> = (0..self.header.len()).map(width).collect();
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (cell, w))| if i == 0 { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
                .collect();
            format!("  {}\n", padded.join("  ").trim_end())
        };
        let mut out = line(&self.header);
        for row in &self.rows {
            out += &line(row);
        }
        out
    }
}

/// The tables of one size, titled.
fn tables(r: &SizeReport) -> Vec<(&'static str, Table)> {
    let mut import = Table::new(&["System", "Articles", "Wall s", "Articles/s", "CPU s", "Articles/CPU-s", "Peak MiB"]);
    for (name, f) in r.import.each() {
        import.row(vec![
            name.to_string(),
            thousands(f.articles),
            format!("{:.1}", f.wall_seconds),
            thousands(f.per_second().round() as u64),
            format!("{:.1}", f.cpu_seconds),
            thousands(f.per_cpu_second().round() as u64),
            format!("{:.0}", f.peak_mib),
        ]);
    }

    let mut search = Table::new(&["System", "p50 ms", "p95 ms", "p99 ms", "mean ms", "Same hit count as Claimdesk"]);
    for ((name, l), (_, same)) in r.search.each().into_iter().zip(r.same_total_as_claimdesk.each()) {
        let ms = |v: f64| format!("{v:.2}");
        search.row(vec![
            name.to_string(),
            ms(l.p50),
            ms(l.p95),
            ms(l.p99),
            ms(l.mean),
            format!("{:.1} %", same * 100.0),
        ]);
    }

    let mut other = Table::new(&["Measure", "ms"]);
    let rows = [
        ("Open: `Desk::open` (median of 5 processes)", r.open_claimdesk_millis),
        ("Open: bare `Index::open_in_dir` + reader (median of 5 processes)", r.open_tantivy_millis),
        ("Fresh import of 10 articles: the whole `Desk::import` call", r.fresh.import_millis),
        ("… from parsed to committed (store, index, commit, reader reload)", r.fresh.commit_millis),
        ("… from parsed to found by `Desk::search` (commit → searchable)", r.fresh.searchable_millis),
    ];
    for (what, ms) in rows {
        other.row(vec![what.to_string(), format!("{ms:.1}")]);
    }

    let mut checked = Table::new(&["Target", "Goal", "Result", "Met"]);
    for t in targets(r) {
        let met = if t.met { "✅".to_string() } else { format!("❌ {}", t.shortfall) };
        checked.row(vec![t.what.to_string(), t.goal, t.result, met]);
    }

    vec![
        ("Import", import),
        ("Search (1,000 queries, each timed alone, after one untimed pass)", search),
        ("Open and freshness", other),
        ("Targets (set for about 200,000 articles)", checked),
    ]
}

/// What the terminal shows for one size.
pub fn text(r: &SizeReport) -> String {
    let mut out =
        format!("\n== {} articles (load average at start: {}) ==\n", thousands(r.size as u64), r.load_average);
    for (title, table) in tables(r) {
        let _ = write!(out, "\n{title}\n{}", table.text());
    }
    for miss in misses(r) {
        let _ = writeln!(out, "  Missed: {miss}");
    }
    out
}

/// The whole of `docs/performance.md`.
/// `base` counts the distinct articles the sizes are made of, per outlet.
pub fn markdown(run: &RunInfo, base: &[(&str, usize)], reports: &[SizeReport]) -> String {
    let sizes: Vec<String> = reports.iter().map(|r| thousands(r.size as u64)).collect();
    let mut out = String::from("# Performance\n\n");
    out += "Claimdesk side by side with a bare Tantivy index and SQLite FTS5 on the same articles, \
            measured by `claimdesk-bench` in one run; every ratio compares figures of that run. \
            This file is generated: rerun the benchmark rather than editing it.\n\n";
    let _ = writeln!(out, "- Date: {}", run.date);
    let _ = writeln!(out, "- Code: `{}` (`git describe --always --dirty` when the run started)", run.code);
    let _ = writeln!(
        out,
        "- Machine: {} CPUs (nproc), {}, {:.1} GiB memory, Linux",
        run.cpus, run.cpu_model, run.memory_gib
    );
    let total: usize = base.iter().map(|(_, n)| n).sum();
    let base: Vec<String> = base.iter().map(|(outlet, n)| format!("{} {outlet}", thousands(*n as u64))).collect();
    let _ = writeln!(
        out,
        "- Corpus sizes: {} articles, built from {} distinct articles ({})",
        sizes.join(" and "),
        thousands(total as u64),
        base.join(", ")
    );
    let _ = writeln!(out, "- Writer heap: {:.0} MiB (Claimdesk and bare Tantivy)\n", heap_mib());
    for r in reports {
        let _ = writeln!(out, "## {} articles\n", thousands(r.size as u64));
        let _ =
            writeln!(out, "Load average at the start: {} (other work on the machine shows here).\n", r.load_average);
        for (title, table) in tables(r) {
            let _ = writeln!(out, "### {title}\n\n{}", table.markdown());
        }
        let misses = misses(r);
        if !misses.is_empty() {
            out += "Where a target is missed, what Claimdesk does on top of the baseline:\n\n";
            for miss in misses {
                let _ = writeln!(out, "- {miss}");
            }
            out += "\n";
        }
    }
    out += HOW;
    out
}

const HOW: &str = "## How to run

```
make bench
# or
cargo run --release -p claimdesk-bench -- --shared ../shared [--sizes 20000,200000] [--out docs/performance.md]
```

It needs `../shared/corpora/reuters21578` and `../shared/corpora/bbc`; without them it prints
`skipped: <path> not found` and exits 0. The default run takes about 5 minutes on 2 cores. It writes its
temporary files (over 1 GB at 200,000 articles) under the system temp directory and removes them.

## What is measured

- **Corpus.** Reuters-21578 blocks with a title and a body, and the BBC News files (the one file that
  is not UTF-8 decoded lossily), de-duplicated by Claimdesk's content hash and shuffled with a fixed seed.
  Larger sizes repeat the set; copy *n* gets \"(copy *n*)\" in its title and a closing sentence naming the
  copy, so no two articles are duplicates. Articles are written as JSON-lines files of 5,000 (title, body,
  outlet, published).
- **Import.** Each system runs in its own child process reading the same JSON-lines files: Claimdesk
  through `Desk::import` on the folder (parsing, hashing, language detection, SQLite with its audit log,
  indexing, periodic index commits); bare Tantivy reading and decoding the files itself into the same
  schema and analyzer, one commit at the end; FTS5 (`fts5(title, body)` plus a plain table for outlet and
  date) in 10,000-row transactions, WAL, `synchronous = NORMAL`. Wall time of the import, CPU time (user
  + system, all threads, from `/proc/self/stat`) and peak resident memory (VmHWM) of the child.
- **Search.** 1,000 queries drawn with a fixed seed from the corpus words (4–20 letters): 40 % one word,
  25 % two words, 15 % two-word phrases, 10 % a word with a `title:` filter, 5 % with an outlet filter,
  5 % with a date range. Each system gets the same queries in its own syntax: Claimdesk's query
  language through `Desk::search` (20 hits, snippets from the stored bodies, outlet and year facets);
  Tantivy's `QueryParser` over title and body (AND by default, title boost 2 as in Claimdesk) with
  `TopDocs` (20, by score) and `Count`; FTS5 `MATCH` ordered by `bm25` (title weight 2) with `LIMIT 20`,
  plus a `count(*)`, outlet and date as conditions on the joined plain table. One untimed pass, then
  each query timed alone. The last column counts queries where a baseline reports the same number of
  hits as Claimdesk (a check that the queries mean the same; FTS5's tokenizer differs slightly).
- **Open.** `Desk::open` on the data directory the import left (database, migrations check, index,
  writer, catch-up), and bare `Index::open_in_dir` plus a reader, each in a fresh process, median of 5.
  The files are in the page cache.
- **Freshness.** With a desk open on the imported data, a file of 10 new articles sharing a word found
  nowhere else is imported, 5 times; medians. Progress callbacks mark when the file was parsed and when
  the final commit and reader reload were done; then `Desk::search` for the word must return all 10.
- **Memory target.** The writer heap plus 300 MiB, against the peak of the Claimdesk import child.
";

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let groups: Vec<&str> =
        digits.as_bytes().rchunks(3).rev().map(|g| std::str::from_utf8(g).unwrap_or_default()).collect();
    groups.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn tables_render_both_ways() {
        let mut table = Table::new(&["System", "ms"]);
        table.row(vec!["Claimdesk".into(), "1.5".into()]);
        assert_eq!(table.markdown(), "| System | ms |\n| --- | ---: |\n| Claimdesk | 1.5 |\n");
        assert_eq!(table.text(), "  System      ms\n  Claimdesk  1.5\n");
    }
}
