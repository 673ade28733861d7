//! `claimdesk suggest`: attribution suggestions for plain-text files, without
//! a data directory, so they can be scored or piped elsewhere.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_attribution::{Suggestion, suggest};
use clap::Args;
use serde::Serialize;

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Plain-text files (UTF-8)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per suggestion and line
    #[arg(long)]
    jsonl: bool,
}

/// One output line: the suggestion with the document it came from.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    #[serde(flatten)]
    suggestion: &'a Suggestion,
}

/// A file that cannot be read is reported and skipped; the others still run,
/// and the exit code says something was skipped.
pub fn run(args: SuggestArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for path in &args.files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                eprintln!("claimdesk: cannot read {}: not UTF-8 text", path.display());
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("claimdesk: cannot read {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let doc = path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
        for suggestion in &suggest(&text) {
            if args.jsonl {
                serde_json::to_writer(&mut out, &Line { doc: &doc, suggestion })?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}", describe(&doc, &text, suggestion))?;
            }
        }
    }
    out.flush()?;
    Ok(if failed { super::EXIT_USER_ERROR } else { ExitCode::SUCCESS })
}

fn describe(doc: &str, text: &str, s: &Suggestion) -> String {
    let quote =
        |span: Option<claimdesk_attribution::Span>| span.map_or("-".to_string(), |s| format!("{:?}", s.slice(text)));
    let hedge = if s.hedged { " (hedged)" } else { "" };
    format!(
        "{doc}:{}\t{} ({}) {}{hedge}: {}",
        s.cue.start,
        quote(s.source),
        s.source_kind.as_str(),
        quote(Some(s.cue)),
        quote(s.content)
    )
}
