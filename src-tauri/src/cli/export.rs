//! `claimdesk export`: claims in a standard format, to standard output or
//! to a file that appears only once it is whole.

use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_core::Desk;
use claimdesk_interop::{ExportOptions, Format, InteropError, Selection};

use super::EXIT_USER_ERROR;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// w3c, csv, sources-csv, markdown, html or claimreview
    #[arg(long, value_parser = parse_format)]
    format: Format,
    /// Only claims in the articles this search matches
    #[arg(long, value_name = "QUERY")]
    query: Option<String>,
    /// Only claims with this tag
    #[arg(long)]
    tag: Option<String>,
    /// Only claims this source (a name or an alias) made or relayed
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Who made the annotations and reviews [default: the user's login name]
    #[arg(long, value_name = "NAME")]
    creator: Option<String>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The format words as typed (`sources-csv`; `sources_csv` is read too).
fn parse_format(text: &str) -> Result<Format, String> {
    text.parse().map_err(|_| {
        let names: Vec<String> = Format::ALL.iter().map(|f| f.as_str().replace('_', "-")).collect();
        format!("unknown format {text:?}; use one of {}", names.join(", "))
    })
}

pub fn run(desk: &Desk, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let selection = Selection { query: args.query, tag: args.tag, source: args.source };
    let creator = args
        .creator
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| ExportOptions::default().creator);
    let options = ExportOptions { creator, ..ExportOptions::default() };
    let written = match &args.output {
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            claimdesk_interop::export(desk, args.format, &selection, &options, &mut out, &mut |_| {})
        }
        Some(path) => claimdesk_interop::export_to_file(desk, args.format, &selection, &options, path, &mut |_| {}),
    };
    match written {
        Ok(count) => {
            if let Some(path) = &args.output {
                eprintln!("Wrote {count} {} to {}.", what(args.format), path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        // Desk errors carry their own exit code; a file that cannot be
        // written is the user's to fix.
        Err(InteropError::Desk(e)) => Err(e.into()),
        Err(e) if e.is_user_error() => {
            eprintln!("claimdesk: {e}");
            Ok(EXIT_USER_ERROR)
        }
        Err(e) => Err(e.into()),
    }
}

fn what(format: Format) -> &'static str {
    match format {
        Format::SourcesCsv => "sources",
        Format::ClaimReview => "claim reviews",
        _ => "claims",
    }
}
