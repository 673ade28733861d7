//! `claimdesk search QUERY` and its batch mode `--queries FILE`.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_core::domain::{SearchRequest, SearchResults, SortOrder};
use claimdesk_core::{Desk, DeskError};
use serde_json::json;

use super::EXIT_USER_ERROR;

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query; see docs/query-language.md
    #[arg(required_unless_present = "queries", conflicts_with = "queries")]
    query: Option<String>,
    /// Run every line of FILE as a query, printing one JSON line per query
    #[arg(long, value_name = "FILE", requires = "json")]
    queries: Option<PathBuf>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    sort: Sort,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Sort {
    Relevance,
    Date,
}

pub fn run(desk: &Desk, args: SearchArgs) -> anyhow::Result<ExitCode> {
    let sort = match args.sort {
        Sort::Relevance => SortOrder::Relevance,
        Sort::Date => SortOrder::Date,
    };
    let request = |query: &str| SearchRequest { query: query.to_string(), limit: args.limit, offset: 0, sort };
    if let Some(file) = &args.queries {
        return batch(desk, file, request);
    }
    let query = args.query.unwrap_or_default();
    let results = desk.search(&request(&query))?;
    if args.json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        print_text(&results);
    }
    Ok(ExitCode::SUCCESS)
}

/// One JSON line per query line. A malformed query prints an error object in
/// its place and the run goes on; the exit code then says that one failed.
fn batch(desk: &Desk, file: &PathBuf, request: impl Fn(&str) -> SearchRequest) -> anyhow::Result<ExitCode> {
    let reader = std::io::BufReader::new(
        std::fs::File::open(file)
            .map_err(|e| anyhow::anyhow!("cannot read the queries file {}: {e}", file.display()))?,
    );
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut any_failed = false;
    for line in reader.lines() {
        let query = line?;
        match desk.search(&request(&query)) {
            Ok(results) => serde_json::to_writer(&mut out, &results)?,
            Err(e) => {
                let DeskError::Query { message, position } = &e else {
                    return Err(e.into());
                };
                any_failed = true;
                let error = json!({"code": e.code(), "message": message, "position": position});
                serde_json::to_writer(&mut out, &json!({"query": query, "error": error}))?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if any_failed { EXIT_USER_ERROR } else { ExitCode::SUCCESS })
}

fn print_text(results: &SearchResults) {
    println!("{} articles match {:?}", results.total, results.query);
    for hit in &results.hits {
        let date = hit.published.map(|d| d.to_string()[..10].to_string()).unwrap_or_default();
        let outlet = hit.outlet.as_deref().unwrap_or("");
        println!("\n[{}] {}\n    {outlet} {date}\n    {}", hit.id, hit.title, hit.snippet);
    }
}
