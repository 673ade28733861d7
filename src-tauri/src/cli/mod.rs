//! The command line: argument parsing, dispatch, and exit codes
//! (0 ok, 1 a problem the user can fix, 2 an internal error).

mod annotations;
mod backup;
mod claims;
mod debug;
mod eval;
mod export;
mod history;
mod import;
mod progress;
mod search;
mod sources;
mod suggest;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimdesk_core::{Desk, DeskError, DeskOptions};
use clap::{Parser, Subcommand};

pub const EXIT_USER_ERROR: ExitCode = ExitCode::FAILURE;
pub const EXIT_INTERNAL_ERROR: u8 = 2;

/// Claimdesk: who claims what, according to whom.
///
/// Without a command, opens the desktop app. With one, works headless.
#[derive(Debug, Parser)]
#[command(name = "claimdesk", version)]
pub struct Args {
    /// Where Claimdesk keeps its database and index
    /// [default: the system's data directory for Claimdesk]
    #[arg(long = "data", global = true, env = "CLAIMDESK_DATA", value_name = "DIR")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import articles from files and folders (.txt, .md, .html, .jsonl, RSS, Atom)
    Import(import::ImportArgs),
    /// Search the imported articles
    Search(search::SearchArgs),
    /// Rebuild the search index from the database
    Reindex,
    /// Check that the database is sound and the index holds exactly its articles
    Check {
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Counts, sizes and versions of the data directory
    Stats {
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Record claims
    #[command(subcommand)]
    Claim(claims::ClaimCommand),
    /// List claims, all or those of a source, status, tag or article
    Claims(claims::ClaimsArgs),
    /// List sources
    Sources {
        /// Print a JSON array
        #[arg(long)]
        json: bool,
    },
    /// Show, record and name sources
    #[command(subcommand)]
    Source(sources::SourceCommand),
    /// Undo the latest edit of claims, sources or tags
    Undo,
    /// Redo the latest undone edit
    Redo,
    /// Run text-anchoring conformance cases (one JSON result line per case)
    AnchorTest {
        /// A case file in the format of the W3C/Apache Annotator anchoring vectors
        #[arg(value_name = "CASES.json")]
        cases: PathBuf,
    },
    /// Suggest attributions (cue, source, content) in plain-text files
    Suggest(suggest::SuggestArgs),
    /// Score attribution suggestions against a brat-annotated folder (text/ and attributions/)
    EvalAttribution {
        /// A split folder such as PolNeAR's dev
        #[arg(value_name = "GOLD_DIR")]
        gold_dir: PathBuf,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
        /// Score the annotators against each other instead, where a text has several annotation files
        #[arg(long)]
        agreement: bool,
    },
    /// Export claims: W3C annotations, CSV, a brief (Markdown or HTML), ClaimReview
    Export(export::ExportArgs),
    /// Import W3C annotations (ours or another tool's) onto the imported articles
    ImportAnnotations(annotations::ImportAnnotationsArgs),
    /// Write a consistent copy of the database to FILE (works while the app runs)
    Backup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Replace the database with a backup, after checking it, and rebuild the index
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    #[command(subcommand, hide = true)]
    Debug(debug::DebugCommand),
}

impl Args {
    /// Parses the process arguments; help and version print and exit 0,
    /// usage errors exit 1 (clap's own default would be 2, our internal-error code).
    pub fn parse() -> Result<Args, ExitCode> {
        Args::try_parse().map_err(|e| {
            let _ = e.print();
            if e.use_stderr() { EXIT_USER_ERROR } else { ExitCode::SUCCESS }
        })
    }

    pub fn data_dir(&self) -> PathBuf {
        self.data.clone().unwrap_or_else(default_data_dir)
    }
}

fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "Claimdesk", "Claimdesk")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".claimdesk"))
}

pub fn run(data_dir: &Path, command: Command) -> ExitCode {
    // Anchoring cases and attribution suggestions need no data directory:
    // do not create or open one.
    let standalone = match command {
        Command::AnchorTest { cases } => Ok(anchor_test(&cases)),
        Command::Suggest(args) => Ok(suggest::run(args)),
        Command::EvalAttribution { gold_dir, json, agreement } => Ok(eval::run(&gold_dir, json, agreement)),
        command => Err(command),
    };
    let command = match standalone {
        Ok(result) => {
            return result.unwrap_or_else(|e| {
                eprintln!("claimdesk: {e:#}");
                EXIT_USER_ERROR
            });
        }
        Err(command) => command,
    };
    // A backup reads the database while the app may hold the directory; a
    // restore must work when the current database cannot be opened.
    let early = match &command {
        Command::Backup { file } => Some(backup::backup(data_dir, file)),
        Command::Restore { file } => Some(backup::restore(data_dir, file)),
        _ => None,
    };
    if let Some(result) = early {
        return result.unwrap_or_else(|e| report(&e));
    }
    let result = open(data_dir).and_then(|desk| match command {
        Command::Import(args) => import::run(&desk, args),
        Command::Search(args) => search::run(&desk, args),
        Command::Reindex => reindex(&desk),
        Command::Check { json } => check(&desk, json),
        Command::Stats { json } => stats(&desk, json),
        Command::Claim(command) => claims::run(&desk, command),
        Command::Claims(args) => claims::list(&desk, args),
        Command::Sources { json } => sources::list(&desk, json),
        Command::Source(command) => sources::run(&desk, command),
        Command::Undo => history::undo(&desk),
        Command::Redo => history::redo(&desk),
        Command::Debug(command) => debug::run(&desk, command),
        Command::Export(args) => export::run(&desk, args),
        Command::ImportAnnotations(args) => annotations::run(&desk, args),
        Command::AnchorTest { .. }
        | Command::Suggest(_)
        | Command::EvalAttribution { .. }
        | Command::Backup { .. }
        | Command::Restore { .. } => {
            unreachable!("handled before the desk opens")
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => report(&e),
    }
}

/// Prints an error for a person and picks the exit code.
pub fn report(e: &anyhow::Error) -> ExitCode {
    eprintln!("claimdesk: {e:#}");
    match e.downcast_ref::<DeskError>() {
        Some(desk_error) if desk_error.is_user_error() => EXIT_USER_ERROR,
        _ => ExitCode::from(EXIT_INTERNAL_ERROR),
    }
}

fn open(data_dir: &Path) -> anyhow::Result<Desk> {
    let mut bar = progress::IndexBar::new("Updating the search index");
    let desk = Desk::open_with(data_dir, &DeskOptions::default(), &mut |p| bar.update(p))?;
    bar.finish();
    Ok(desk)
}

fn anchor_test(cases: &Path) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(cases).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", cases.display()))?;
    let results = claimdesk_anchor::run_cases(&text).map_err(|e| anyhow::anyhow!("{}: {e}", cases.display()))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for result in results {
        serde_json::to_writer(&mut out, &result)?;
        std::io::Write::write_all(&mut out, b"\n")?;
    }
    std::io::Write::flush(&mut out)?;
    Ok(ExitCode::SUCCESS)
}

fn reindex(desk: &Desk) -> anyhow::Result<ExitCode> {
    let mut bar = progress::IndexBar::new("Rebuilding the search index");
    let count = desk.rebuild_index(&mut |p| bar.update(p))?;
    bar.finish();
    eprintln!("Indexed {count} articles.");
    Ok(ExitCode::SUCCESS)
}

fn check(desk: &Desk, json: bool) -> anyhow::Result<ExitCode> {
    let report = desk.check()?;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else if report.is_ok() {
        println!("OK: the database is sound and the index holds exactly its {} articles.", report.articles);
    } else {
        println!("Problems found:");
        for problem in &report.problems {
            println!("  {problem}");
        }
        println!("`claimdesk reindex` rebuilds the index from the database.");
    }
    Ok(if report.is_ok() { ExitCode::SUCCESS } else { EXIT_USER_ERROR })
}

fn stats(desk: &Desk, json: bool) -> anyhow::Result<ExitCode> {
    let stats = desk.stats()?;
    if json {
        println!("{}", serde_json::to_string(&stats)?);
    } else {
        println!("Data directory     {}", stats.data_dir);
        println!("Articles           {}", stats.articles);
        println!("Indexed            {}", stats.indexed_documents);
        println!("Audit log entries  {}", stats.audit_entries);
        println!("Database           {} bytes (schema {})", stats.database_bytes, stats.database_schema_version);
        println!("Index              {} bytes (schema {})", stats.index_bytes, stats.index_schema_version);
        println!("Claimdesk          {}", stats.app_version);
    }
    Ok(ExitCode::SUCCESS)
}
