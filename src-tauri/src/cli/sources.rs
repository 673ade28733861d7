//! `claimdesk sources`, `claimdesk source show|add|alias`.

use std::process::ExitCode;

use claimdesk_core::domain::{NewSource, Reliability, Source, SourceKind, SourcePage};
use claimdesk_core::{Desk, DeskError};

use super::claims::{count, print_claim};

#[derive(Debug, clap::Subcommand)]
pub enum SourceCommand {
    /// A source with its aliases, affiliation and every claim it made or relayed
    Show {
        /// Its name or an alias (any case), or #ID
        name: String,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// Record a source
    Add(AddArgs),
    /// Give a source another name it can be found by
    Alias {
        /// Its name or an alias, or #ID
        name: String,
        alias: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    name: String,
    /// person, organization, government-body, media-outlet, anonymous or document
    #[arg(long, default_value = "person")]
    kind: SourceKind,
    /// Another name it is known by (repeatable)
    #[arg(long = "alias", value_name = "ALIAS")]
    aliases: Vec<String>,
    /// Admiralty scale: A (completely reliable) … E (unreliable), F (cannot be judged)
    #[arg(long, default_value = "F")]
    reliability: Reliability,
    /// Why that reliability
    #[arg(long, default_value = "")]
    rationale: String,
    /// The source it speaks for: a name, an alias or #ID
    #[arg(long, value_name = "NAME")]
    affiliation: Option<String>,
    #[arg(long, default_value = "")]
    description: String,
    /// Print the source as JSON
    #[arg(long)]
    json: bool,
}

/// The source a person means: `#12` is the source with id 12, anything else
/// a name or alias that exactly one source answers to.
pub fn resolve(desk: &Desk, name: &str) -> Result<Source, DeskError> {
    match name.trim().strip_prefix('#').and_then(|id| id.parse().ok()) {
        Some(id) => desk.source(id),
        None => desk.find_source(name),
    }
}

pub fn run(desk: &Desk, command: SourceCommand) -> anyhow::Result<ExitCode> {
    match command {
        SourceCommand::Show { name, json } => {
            let page = desk.source_page(resolve(desk, &name)?.id)?;
            if json {
                println!("{}", serde_json::to_string(&page)?);
            } else {
                print_page(&page);
            }
        }
        SourceCommand::Add(args) => {
            let affiliation = args.affiliation.as_deref().map(|name| resolve(desk, name)).transpose()?;
            let source = desk.create_source(&NewSource {
                uid: None,
                name: args.name,
                kind: args.kind,
                affiliation: affiliation.map(|a| a.id),
                aliases: args.aliases,
                reliability: args.reliability,
                reliability_rationale: args.rationale,
                description: args.description,
            })?;
            if args.json {
                println!("{}", serde_json::to_string(&source)?);
            } else {
                println!("Added source {} “{}”.", source.id, source.name);
            }
        }
        SourceCommand::Alias { name, alias } => {
            let source = resolve(desk, &name)?;
            let after = desk.add_alias(source.id, &alias)?;
            if after.aliases.len() > source.aliases.len() {
                println!("“{}” now also answers to “{}”.", after.name, alias.trim());
            } else {
                println!("“{}” already answers to “{}”.", after.name, alias.trim());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn list(desk: &Desk, json: bool) -> anyhow::Result<ExitCode> {
    let sources = desk.sources()?;
    if json {
        println!("{}", serde_json::to_string(&sources)?);
        return Ok(ExitCode::SUCCESS);
    }
    for source in &sources {
        println!("{}", describe(source));
    }
    println!("{}", count(sources.len(), "source"));
    Ok(ExitCode::SUCCESS)
}

/// `[3] Dmitry Peskov (person, reliability B) aka Peskov, Kremlin spokesman · 4 claims`
fn describe(source: &Source) -> String {
    let mut line = format!("[{}] {} ({}, reliability {})", source.id, source.name, source.kind, source.reliability);
    if !source.aliases.is_empty() {
        line.push_str(&format!(" aka {}", source.aliases.join(", ")));
    }
    line.push_str(&format!(" · {}", count(source.claims as usize, "claim")));
    line
}

fn print_page(page: &SourcePage) {
    let source = &page.source;
    println!("{}", describe(source));
    if let Some(affiliation) = &source.affiliation {
        println!("  speaks for [{}] {}", affiliation.id, affiliation.name);
    }
    if !source.reliability_rationale.is_empty() {
        println!("  reliability: {}", source.reliability_rationale);
    }
    if !source.description.is_empty() {
        println!("  {}", source.description);
    }
    for member in &page.members {
        println!("  speaking for it: [{}] {}", member.id, member.name);
    }
    let counts: Vec<String> =
        page.by_status.iter().filter(|s| s.count > 0).map(|s| format!("{} {}", s.count, s.status)).collect();
    println!(
        "  {} in {}: {}",
        count(page.claims.len(), "claim"),
        count(page.articles.len(), "article"),
        counts.join(", ")
    );
    for claim in &page.claims {
        println!("\n  as {} in “{}”", claim.role, claim.article_title);
        print_claim(&claim.claim);
    }
}
