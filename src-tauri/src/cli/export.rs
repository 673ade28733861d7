//! `claimdesk export`: claims in a standard format, to standard output or
//! to a file that appears only once it is whole.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
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

fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
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
    let export =
        |out: &mut dyn Write| claimdesk_interop::export(desk, args.format, &selection, &options, out, &mut |_| {});
    let written = match &args.output {
        None => export(&mut BufWriter::new(std::io::stdout().lock())),
        Some(path) => write_whole(path, export),
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

/// Writes to a hidden file in the same folder and renames it to `path` when
/// the export is complete, so a failed export leaves nothing half-written.
fn write_whole(
    path: &Path,
    export: impl FnOnce(&mut dyn Write) -> claimdesk_interop::Result<u64>,
) -> claimdesk_interop::Result<u64> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{} is not a file name", path.display()))
    })?;
    let partial = path.with_file_name(format!(".{}.partial-{}", name.to_string_lossy(), std::process::id()));
    let written = std::fs::File::create(&partial)
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot create {}: {e}", partial.display())))
        .map_err(InteropError::from)
        .and_then(|file| {
            let mut out = BufWriter::new(file);
            let count = export(&mut out)?;
            out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            Ok(count)
        })
        .and_then(|count| {
            std::fs::rename(&partial, path)?;
            Ok(count)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
