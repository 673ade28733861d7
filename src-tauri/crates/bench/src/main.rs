//! `claimdesk-bench`: Claimdesk against a bare Tantivy index and SQLite FTS5 on
//! the same articles (import, search, open, freshness, memory), written to
//! `docs/performance.md`. Each measured phase runs in a child process of this
//! same binary (`--phase`), so that memory and CPU figures are its own.

mod bare_tantivy;
mod claim_bench;
mod claimdesk;
mod corpus;
mod fts5;
mod measure;
mod queries;
mod report;
mod rng;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use serde::Serialize;

use crate::measure::{Latency, OpenFigures, SearchFigures};
use crate::queries::BenchQuery;
use crate::report::{SizeReport, Systems};

/// The index writer's memory budget, for Claimdesk and bare Tantivy alike.
pub const WRITER_HEAP_BYTES: usize = 128 * 1024 * 1024;
pub const HITS_PER_PAGE: usize = 20;
/// How much more a title match weighs than a body match (as in Claimdesk).
pub const TITLE_BOOST: f32 = 2.0;
const QUERIES: usize = 1_000;
/// Fresh processes that open each index; the median is reported.
const OPEN_RUNS: usize = 5;

#[derive(Parser)]
#[command(about = "Benchmarks Claimdesk against bare Tantivy and SQLite FTS5")]
struct Args {
    /// The shared folder holding corpora/reuters21578 and corpora/bbc.
    #[arg(long, default_value = "../shared")]
    shared: PathBuf,
    /// Corpus sizes in articles, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [20_000, 200_000])]
    sizes: Vec<usize>,
    /// Where to write the Markdown report.
    #[arg(long, default_value = "docs/performance.md")]
    out: PathBuf,
    /// Instead: saving claims and the claims view over 100,000 claims (issue
    /// #5), written to `--claims-out`. Needs nothing from --shared.
    #[arg(long)]
    claims: bool,
    #[arg(long, default_value = "docs/performance-claims.md")]
    claims_out: PathBuf,
    /// Runs one measured phase in this process (used by the benchmark itself).
    #[arg(long, hide = true, requires = "work")]
    phase: Option<Phase>,
    #[arg(long, hide = true)]
    work: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Phase {
    ClaimdeskImport,
    TantivyImport,
    Fts5Import,
    ClaimdeskOpen,
    TantivyOpen,
    ClaimdeskSearch,
    TantivySearch,
    Fts5Search,
    ClaimdeskFresh,
}

impl Phase {
    fn name(self) -> String {
        self.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
    }
}

/// The files of one corpus size, shared by the parent and its children.
struct Work<'a>(&'a Path);

impl Work<'_> {
    fn corpus(&self) -> PathBuf {
        self.0.join("corpus")
    }
    fn queries(&self) -> PathBuf {
        self.0.join("queries.json")
    }
    fn claimdesk(&self) -> PathBuf {
        self.0.join("claimdesk")
    }
    fn tantivy(&self) -> PathBuf {
        self.0.join("tantivy")
    }
    fn fts5(&self) -> PathBuf {
        self.0.join("fts5.sqlite3")
    }
    fn scratch(&self) -> PathBuf {
        self.0.join("scratch")
    }

    fn mix(&self) -> Result<Vec<BenchQuery>> {
        Ok(serde_json::from_slice(&fs::read(self.queries())?)?)
    }

    fn child<T: serde::de::DeserializeOwned>(&self, phase: Phase) -> Result<T> {
        eprintln!("  {} …", phase.name());
        measure::in_child(&phase.name(), self.0)
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    if let (Some(phase), Some(work)) = (args.phase, &args.work) {
        return run_phase(phase, &Work(work));
    }
    if args.claims {
        return claim_bench::run(&args.claims_out);
    }
    let corpora = args.shared.join("corpora");
    let (reuters, bbc) = (corpora.join("reuters21578"), corpora.join("bbc"));
    if let Some(missing) = [&reuters, &bbc].into_iter().find(|p| !p.is_dir()) {
        println!("skipped: {} not found", missing.display());
        return Ok(());
    }
    let base = corpus::load(&reuters, &bbc)?;
    eprintln!("corpus: {} distinct articles", base.len());
    let run = report::RunInfo::now();
    let mut reports = Vec::new();
    for &size in &args.sizes {
        let report = bench_size(&base, size)?;
        print!("{}", report::text(&report));
        reports.push(report);
    }
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let per_outlet = [corpus::REUTERS_OUTLET, corpus::BBC_OUTLET]
        .map(|outlet| (outlet, base.iter().filter(|a| a.outlet == outlet).count()));
    fs::write(&args.out, report::markdown(&run, &per_outlet, &reports))
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!("\nwrote {}", args.out.display());
    Ok(())
}

/// Runs every phase at one size, each in its own process.
fn bench_size(base: &[corpus::Article], size: usize) -> Result<SizeReport> {
    let load_average = report::load_average();
    eprintln!("{size} articles (load average {load_average}):");
    let dir = tempfile::Builder::new().prefix("claimdesk-bench-").tempdir()?;
    let work = Work(dir.path());
    corpus::write(base, size, &work.corpus())?;
    let mix = queries::mix(&base[..size.min(base.len())], QUERIES);
    fs::write(work.queries(), serde_json::to_vec(&mix)?)?;

    let import = Systems {
        claimdesk: work.child(Phase::ClaimdeskImport)?,
        tantivy: work.child(Phase::TantivyImport)?,
        fts5: work.child(Phase::Fts5Import)?,
    };
    let open_claimdesk_millis = median_open(&work, Phase::ClaimdeskOpen, size)?;
    let open_tantivy_millis = median_open(&work, Phase::TantivyOpen, size)?;
    let found: Systems<SearchFigures> = Systems {
        claimdesk: work.child(Phase::ClaimdeskSearch)?,
        tantivy: work.child(Phase::TantivySearch)?,
        fts5: work.child(Phase::Fts5Search)?,
    };
    let fresh = work.child(Phase::ClaimdeskFresh)?;
    let same = |other: &SearchFigures| {
        let equal = found.claimdesk.totals.iter().zip(&other.totals).filter(|(a, b)| a == b).count();
        equal as f64 / found.claimdesk.totals.len().max(1) as f64
    };
    Ok(SizeReport {
        size,
        load_average,
        same_total_as_claimdesk: Systems {
            claimdesk: same(&found.claimdesk),
            tantivy: same(&found.tantivy),
            fts5: same(&found.fts5),
        },
        search: Systems {
            claimdesk: Latency::of(&found.claimdesk.nanos),
            tantivy: Latency::of(&found.tantivy.nanos),
            fts5: Latency::of(&found.fts5.nanos),
        },
        import,
        open_claimdesk_millis,
        open_tantivy_millis,
        fresh,
    })
}

fn median_open(work: &Work, phase: Phase, size: usize) -> Result<f64> {
    let mut millis = Vec::with_capacity(OPEN_RUNS);
    for _ in 0..OPEN_RUNS {
        let opened: OpenFigures = work.child(phase)?;
        anyhow::ensure!(opened.documents == size as u64, "opened {} documents, expected {size}", opened.documents);
        millis.push(opened.millis);
    }
    Ok(measure::median(&millis))
}

/// The child's side: run one phase and print its figures as JSON.
fn run_phase(phase: Phase, work: &Work) -> Result<()> {
    fn json(figures: impl Serialize) -> Result<String> {
        Ok(serde_json::to_string(&figures)?)
    }
    let line = match phase {
        Phase::ClaimdeskImport => json(claimdesk::import(&work.corpus(), &work.claimdesk())?),
        Phase::TantivyImport => json(bare_tantivy::import(&work.corpus(), &work.tantivy())?),
        Phase::Fts5Import => json(fts5::import(&work.corpus(), &work.fts5())?),
        Phase::ClaimdeskOpen => json(claimdesk::open(&work.claimdesk())?),
        Phase::TantivyOpen => json(bare_tantivy::open(&work.tantivy())?),
        Phase::ClaimdeskSearch => json(claimdesk::search(&work.claimdesk(), &work.mix()?)?),
        Phase::TantivySearch => json(bare_tantivy::search(&work.tantivy(), &work.mix()?)?),
        Phase::Fts5Search => json(fts5::search(&work.fts5(), &work.mix()?)?),
        Phase::ClaimdeskFresh => json(claimdesk::freshness(&work.claimdesk(), &work.scratch())?),
    }?;
    println!("{line}");
    Ok(())
}
