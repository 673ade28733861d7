//! `claimdesk import-annotations`: W3C annotations (ours or another tool's)
//! onto the articles already imported, with a line per annotation.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_core::Desk;
use claimdesk_interop::{InteropError, Outcome, import_annotations};

use super::EXIT_USER_ERROR;

#[derive(Debug, clap::Args)]
pub struct ImportAnnotationsArgs {
    /// A JSON file: an annotation, a list, a page, a collection, or a Hypothesis export
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print the report as one JSON object
    #[arg(long)]
    json: bool,
}

/// Exit 0 when every annotation was imported (or was already here), 1 when
/// the file or any annotation was refused; the others are imported anyway.
pub fn run(desk: &Desk, args: ImportAnnotationsArgs) -> anyhow::Result<ExitCode> {
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("claimdesk: cannot read {}: {e}", args.file.display());
            return Ok(EXIT_USER_ERROR);
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let report = match import_annotations(desk, text.trim_start_matches('\u{feff}')) {
        Ok(report) => report,
        Err(InteropError::Desk(e)) => return Err(e.into()),
        Err(e) if e.is_user_error() => {
            eprintln!("claimdesk: {}: {e}; nothing was imported", args.file.display());
            return Ok(EXIT_USER_ERROR);
        }
        Err(e) => return Err(e.into()),
    };
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        for a in &report.annotations {
            let id = a.id.as_deref().map(|id| format!(" {id}")).unwrap_or_default();
            let what = match &a.outcome {
                Outcome::Imported { claim } => format!("imported as claim {claim}"),
                Outcome::NeedsReview { claim } => format!("imported as claim {claim}, which needs review"),
                Outcome::AlreadyHere { claim } => format!("already here as claim {claim}, left as it is"),
                Outcome::Rejected { reason } => format!("rejected: {reason}"),
            };
            println!("{:>4}{id}: {what}", a.position);
            for warning in &a.warnings {
                println!("      {warning}");
            }
        }
    }
    let count = |f: fn(&Outcome) -> bool| report.count(f);
    let rejected = count(|o| matches!(o, Outcome::Rejected { .. }));
    eprintln!(
        "{} imported, {} needing review, {} already here, {rejected} rejected.",
        count(|o| matches!(o, Outcome::Imported { .. })),
        count(|o| matches!(o, Outcome::NeedsReview { .. })),
        count(|o| matches!(o, Outcome::AlreadyHere { .. })),
    );
    Ok(if rejected == 0 { ExitCode::SUCCESS } else { EXIT_USER_ERROR })
}
