//! Hidden commands for tests: not part of the documented command line.

use std::process::ExitCode;

use claimdesk_core::Desk;
use claimdesk_core::domain::{
    CREDIBILITY_NOT_JUDGED, ChainLink, ChainRole, ClaimKind, ClaimStatus, NewClaim, NewSource, SearchRequest,
    SourceKind, Span,
};

#[derive(Debug, clap::Subcommand)]
pub enum DebugCommand {
    /// Record COUNT claims on the stored articles, one operation each, as fast
    /// as possible (the crash test kills this midway)
    WriteClaims {
        #[arg(long)]
        count: usize,
    },
}

const SPEAKER: &str = "Crash-test speaker";

pub fn run(desk: &Desk, command: DebugCommand) -> anyhow::Result<ExitCode> {
    let DebugCommand::WriteClaims { count } = command;
    let mut request = SearchRequest::new("");
    request.limit = 10_000;
    let articles = desk.search(&request)?.hits;
    anyhow::ensure!(!articles.is_empty(), "there are no articles to write claims on; import some first");
    let speaker = match desk.find_sources(SPEAKER)?.pop() {
        Some(speaker) => speaker,
        None => desk.create_source(&NewSource::named(SPEAKER, SourceKind::Person))?,
    };
    for n in 0..count {
        let article = desk.article(articles[n % articles.len()].id)?;
        let length = article.body.chars().count();
        // Spans spread over the body, of 5 to 44 code points.
        let start = (n * 7_919) % length.saturating_sub(45).max(1);
        let span = Span { start, end: (start + 5 + n % 40).min(length) };
        desk.create_claim(&NewClaim {
            uid: None,
            article: article.id,
            selector: desk.select_span(article.id, span)?,
            kind: ClaimKind::FactualAssertion,
            status: ClaimStatus::Unverified,
            credibility: CREDIBILITY_NOT_JUDGED,
            note: format!("written by debug write-claims, number {n}"),
            tags: vec!["crash-test".into()],
            chain: vec![ChainLink { source: speaker.id, role: ChainRole::Speaker, cue: None, mention: None }],
        })?;
    }
    println!("Wrote {count} claims.");
    Ok(ExitCode::SUCCESS)
}
