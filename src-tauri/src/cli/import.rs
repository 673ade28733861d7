//! `claimdesk import PATH...`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use claimdesk_core::Desk;

use super::progress;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files or folders (read recursively)
    #[arg(required_unless_present = "samples", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Import the sample articles that ship with Claimdesk
    #[arg(long)]
    samples: bool,
    /// Print one JSON summary object on stdout
    #[arg(long)]
    json: bool,
}

pub fn run(desk: &Desk, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let bar = progress::import_bar();
    let never = AtomicBool::new(false);
    let mut show = |p: &_| progress::show_import(&bar, p);
    let mut summary = desk.import(&args.paths, &mut show, &never)?;
    if args.samples {
        summary.absorb(desk.import_samples(&mut show, &never)?);
    }
    bar.finish_and_clear();
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        for issue in &summary.errors {
            eprintln!("skipped {}: {}", issue.path, issue.error);
        }
        for issue in &summary.warnings {
            eprintln!("warning {}: {}", issue.path, issue.error);
        }
        println!(
            "Imported {} articles; {} duplicates skipped; {} failed.",
            summary.imported, summary.duplicates, summary.failed
        );
        if summary.updated > 0 {
            println!(
                "Updated {} articles to a new version of their text; {} of their claims need review \
                 (`claimdesk claims --needs-review`).",
                summary.updated, summary.needs_review
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
