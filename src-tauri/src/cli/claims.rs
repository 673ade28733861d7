//! `claimdesk claim add` and `claimdesk claims`.

use std::process::ExitCode;

use claimdesk_core::domain::{
    AnchorState, ArticleId, CREDIBILITY_NOT_JUDGED, ChainLink, ChainRole, Claim, ClaimFilter, ClaimKind, ClaimStatus,
    NewClaim, NewSource, QuoteQuery, ReviewReason, Source, SourceKind,
};
use claimdesk_core::{Desk, DeskError};

use super::sources::resolve;

#[derive(Debug, clap::Subcommand)]
pub enum ClaimCommand {
    /// Record a claim: a quote from an article, who said it, how credible it is
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The article's id (see `claimdesk search`)
    #[arg(long)]
    article: ArticleId,
    /// The claim's text, exactly as it appears in the article
    #[arg(long)]
    quote: String,
    /// Text just before the quote, when it occurs more than once
    #[arg(long, default_value = "")]
    prefix: String,
    /// Text just after the quote, when it occurs more than once
    #[arg(long, default_value = "")]
    suffix: String,
    /// Who says it: a source's name or alias (created as a person if none
    /// answers to it), or #ID; without it the claim is unattributed
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Admiralty scale: 1 (confirmed) … 5 (improbable), 6 (cannot be judged)
    // Checked here too, so that a bad value stops the command before a new
    // source is created for it.
    #[arg(long, default_value_t = CREDIBILITY_NOT_JUDGED, value_parser = clap::value_parser!(u8).range(1..=6))]
    credibility: u8,
    /// unverified, corroborated, disputed, false or misleading
    #[arg(long, default_value = "unverified")]
    status: ClaimStatus,
    /// factual-assertion, statistic, quote, prediction, opinion or denial
    #[arg(long, default_value = "factual-assertion")]
    kind: ClaimKind,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    #[arg(long, default_value = "")]
    note: String,
    /// Print the claim as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Claims this source made or relayed: a name, an alias or #ID
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    #[arg(long)]
    status: Option<ClaimStatus>,
    #[arg(long)]
    credibility: Option<u8>,
    #[arg(long)]
    tag: Option<String>,
    #[arg(long)]
    article: Option<ArticleId>,
    /// Words in the quote or the note
    #[arg(long)]
    text: Option<String>,
    /// Only claims that re-anchoring left for review (their article's text changed)
    #[arg(long)]
    needs_review: bool,
    /// Print a JSON array
    #[arg(long)]
    json: bool,
}

pub fn run(desk: &Desk, command: ClaimCommand) -> anyhow::Result<ExitCode> {
    let ClaimCommand::Add(args) = command;
    let query = QuoteQuery { exact: args.quote, prefix: args.prefix, suffix: args.suffix };
    let selector = desk.select_quote(args.article, &query).inspect_err(|e| {
        if let DeskError::QuoteAmbiguous { .. } = e {
            eprintln!("claimdesk: --prefix or --suffix say which occurrence is meant");
        }
    })?;
    let chain = match &args.source {
        Some(name) => {
            vec![ChainLink { source: speaker(desk, name)?.id, role: ChainRole::Speaker, cue: None, mention: None }]
        }
        None => Vec::new(),
    };
    let claim = desk.create_claim(&NewClaim {
        uid: None,
        article: args.article,
        selector,
        kind: args.kind,
        status: args.status,
        credibility: args.credibility,
        note: args.note,
        tags: args.tags,
        chain,
    })?;
    if args.json {
        println!("{}", serde_json::to_string(&claim)?);
    } else {
        println!("Added claim {} to article {}.", claim.id, claim.article);
    }
    Ok(ExitCode::SUCCESS)
}

/// The source `name` means, or a new person of that name when none answers to it.
fn speaker(desk: &Desk, name: &str) -> anyhow::Result<Source> {
    match resolve(desk, name) {
        Err(DeskError::SourceNotFound(_)) if !name.trim().starts_with('#') => {
            let source = desk.create_source(&NewSource::named(name, SourceKind::Person))?;
            eprintln!("claimdesk: no source answers to “{}”; added it as a person (id {}).", source.name, source.id);
            Ok(source)
        }
        found => Ok(found?),
    }
}

pub fn list(desk: &Desk, args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let source = args.source.as_deref().map(|name| resolve(desk, name)).transpose()?;
    let claims = desk.claims(&ClaimFilter {
        source: source.map(|s| s.id),
        status: args.status,
        credibility: args.credibility,
        tag: args.tag,
        article: args.article,
        text: args.text,
        anchor: args.needs_review.then_some(AnchorState::NeedsReview),
        ..ClaimFilter::default()
    })?;
    if args.json {
        println!("{}", serde_json::to_string(&claims)?);
        return Ok(ExitCode::SUCCESS);
    }
    for claim in &claims {
        print_claim(claim);
    }
    println!("{}", count(claims.len(), "claim"));
    Ok(ExitCode::SUCCESS)
}

/// Three lines: where and how it stands; the quote; who said it and its tags.
pub fn print_claim(claim: &Claim) {
    println!(
        "[{}] article {} · {} · credibility {} · {}",
        claim.id, claim.article, claim.status, claim.credibility, claim.kind
    );
    println!("    “{}”", claim.selector.exact);
    let mut chain = claim.chain.iter().map(|a| a.source.name.as_str());
    let mut who = match chain.next() {
        Some(speaker) => format!("— {speaker}"),
        None => "— unattributed".to_string(),
    };
    let via: Vec<&str> = chain.collect();
    if !via.is_empty() {
        who.push_str(&format!(", via {}", via.join(", via ")));
    }
    for tag in &claim.tags {
        who.push_str(&format!("  #{tag}"));
    }
    println!("    {who}");
    if let Some(review) = &claim.review {
        let why = match review.reason {
            ReviewReason::Fuzzy => "moved to the closest match after the article changed",
            ReviewReason::NotFound => "not found in the article's new text",
        };
        println!("    needs review: {why}; was “{}”", review.original.exact);
    }
}

/// "1 claim", "2 claims".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}
