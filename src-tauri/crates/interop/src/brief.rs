//! A brief for people: the selection's claims grouped by who made them, with
//! each source's reliability, each claim's credibility, the quote with its
//! article and date, and how claims bear on each other. Markdown or one
//! self-contained HTML page.
//!
//! Everything from articles and from the analyst is untrusted text: it is
//! escaped for the format, never passed through as markup.

use std::collections::BTreeSet;
use std::io::Write;

use claimdesk_domain::{AnchorState, Claim, LinkKind, Source, Timestamp};

use crate::lookups::Lookups;
use crate::selection::Selection;
use crate::{Result, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    Markdown,
    Html,
}

/// A claim as the brief shows it.
struct Entry {
    quote: String,
    article_title: String,
    outlet: Option<String>,
    published: Option<Timestamp>,
    url: Option<String>,
    facts: String,
    chain: String,
    note: String,
    needs_review: bool,
    /// "contradicts “…” (Speaker, in Article)".
    links: Vec<String>,
}

pub(crate) fn write(
    lookups: &mut Lookups<'_>,
    selection: &Selection,
    markup: Markup,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    // First pass: who speaks in the selection (a set of source ids, not the
    // claims), so that each group can then be read on its own.
    let mut speakers = BTreeSet::new();
    let mut unattributed = false;
    let mut total = 0u64;
    for page in selection.pages(lookups.desk)? {
        for claim in page? {
            total += 1;
            match claim.speaker() {
                Some(s) => speakers.insert(s.id),
                None => {
                    unattributed = true;
                    false
                }
            };
        }
    }
    let mut speakers: Vec<Source> =
        speakers.into_iter().map(|id| lookups.source(id).cloned()).collect::<Result<_>>()?;
    speakers.sort_by_key(|s| s.name.to_lowercase());

    let title = format!("Claimdesk brief: {}", selection.describe());
    let subtitle = format!(
        "{total} claim{} from {} source{}, written {}",
        plural(total),
        speakers.len(),
        plural(speakers.len() as u64),
        Timestamp::now()
    );
    let mut page = Page { markup, out };
    page.begin(&title, &subtitle)?;
    let mut written = 0u64;
    for speaker in &speakers {
        let affiliation = match &speaker.affiliation {
            Some(a) => Some(lookups.source(a.id)?.name.clone()),
            None => None,
        };
        page.source_heading(Some(speaker), affiliation.as_deref())?;
        for claims in selection.pages_by(lookups.desk, speaker.id)? {
            for claim in claims? {
                if claim.speaker().map(|s| s.id) == Some(speaker.id) {
                    page.claim(&entry(lookups, &claim)?)?;
                    written += 1;
                    progress(written);
                }
            }
        }
    }
    if unattributed {
        page.source_heading(None, None)?;
        for claims in selection.pages(lookups.desk)? {
            for claim in claims? {
                if claim.chain.is_empty() {
                    page.claim(&entry(lookups, &claim)?)?;
                    written += 1;
                    progress(written);
                }
            }
        }
    }
    page.end()?;
    Ok(written)
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn entry(lookups: &mut Lookups<'_>, claim: &Claim) -> Result<Entry> {
    let article = lookups.article(claim.article)?.clone();
    let mut chain = Vec::new();
    for link in &claim.chain {
        let source = lookups.source(link.source.id)?;
        chain.push(format!("{} {} ({})", link.role, source.name, source.reliability));
    }
    let mut facts = format!(
        "{} · {} · credibility {} ({})",
        claim.kind,
        claim.status,
        claim.credibility,
        words::credibility(claim.credibility)
    );
    if !claim.tags.is_empty() {
        facts.push_str(&format!(" · tags: {}", claim.tags.join(", ")));
    }
    let mut links = Vec::new();
    for link in lookups.desk.claim_links(claim.id)? {
        let outgoing = link.from == claim.id;
        let other = lookups.desk.claim(if outgoing { link.to } else { link.from })?;
        let other_title = lookups.article(other.article)?.title.clone();
        let who = other.speaker().map(|s| s.name.clone()).unwrap_or_else(|| "unattributed".into());
        links.push(format!(
            "{} “{}” ({who}, in “{other_title}”)",
            link_verb(link.kind, outgoing),
            other.selector.exact
        ));
    }
    Ok(Entry {
        quote: claim.selector.exact.clone(),
        article_title: article.title,
        outlet: article.outlet,
        published: article.published,
        url: article.url,
        facts,
        chain: chain.join(" ← "),
        note: claim.note.clone(),
        needs_review: claim.anchor == AnchorState::NeedsReview,
        links,
    })
}

/// How this claim bears on the other: `outgoing` when the link is from it.
fn link_verb(kind: LinkKind, outgoing: bool) -> &'static str {
    match (kind, outgoing) {
        (LinkKind::Corroborates, true) => "corroborates",
        (LinkKind::Corroborates, false) => "is corroborated by",
        (LinkKind::Contradicts, true) => "contradicts",
        (LinkKind::Contradicts, false) => "is contradicted by",
        (LinkKind::Repeats, true) => "repeats",
        (LinkKind::Repeats, false) => "is repeated by",
        (LinkKind::SameOrigin, _) => "has the same origin as",
    }
}

struct Page<'o> {
    markup: Markup,
    out: &'o mut dyn Write,
}

impl Page<'_> {
    fn begin(&mut self, title: &str, subtitle: &str) -> Result<()> {
        match self.markup {
            Markup::Markdown => writeln!(self.out, "# {}\n\n_{}_", md(title), md(subtitle))?,
            Markup::Html => write!(
                self.out,
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
                 <title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{t}</h1>\n<p class=\"sub\">{s}</p>\n",
                t = html(title),
                s = html(subtitle)
            )?,
        }
        Ok(())
    }

    fn source_heading(&mut self, source: Option<&Source>, affiliation: Option<&str>) -> Result<()> {
        let Some(source) = source else {
            match self.markup {
                Markup::Markdown => writeln!(self.out, "\n## Unattributed claims")?,
                Markup::Html => writeln!(self.out, "<h2>Unattributed claims</h2>")?,
            }
            return Ok(());
        };
        let mut about =
            format!("{}, reliability {} ({})", source.kind, source.reliability, words::reliability(source.reliability));
        if let Some(affiliation) = affiliation {
            about.push_str(&format!(", speaks for {affiliation}"));
        }
        let rationale = &source.reliability_rationale;
        match self.markup {
            Markup::Markdown => {
                writeln!(self.out, "\n## {}\n\n{}", md(&source.name), md(&about))?;
                if !rationale.is_empty() {
                    writeln!(self.out, "\nWhy this reliability: {}", md(rationale))?;
                }
            }
            Markup::Html => {
                write!(self.out, "<h2>{}</h2>\n<p class=\"about\">{}</p>\n", html(&source.name), html(&about))?;
                if !rationale.is_empty() {
                    writeln!(self.out, "<p class=\"about\">Why this reliability: {}</p>", html(rationale))?;
                }
            }
        }
        Ok(())
    }

    fn claim(&mut self, e: &Entry) -> Result<()> {
        let mut from = format!("“{}”", e.article_title);
        if let Some(outlet) = &e.outlet {
            from.push_str(&format!(", {outlet}"));
        }
        if let Some(published) = e.published {
            from.push_str(&format!(", {}", &published.to_string()[..10]));
        }
        let review = if e.needs_review { " · needs review: the quote may have moved" } else { "" };
        match self.markup {
            Markup::Markdown => {
                write!(self.out, "\n> {}\n\n", md(&e.quote).replace('\n', "\n> "))?;
                write!(self.out, "- In {}", md(&from))?;
                if let Some(url) = &e.url {
                    write!(self.out, " — {}", md(url))?;
                }
                writeln!(self.out, "\n- {}{}", md(&e.facts), md(review))?;
                if !e.chain.is_empty() {
                    writeln!(self.out, "- Chain: {}", md(&e.chain))?;
                }
                if !e.note.is_empty() {
                    writeln!(self.out, "- Note: {}", md(&e.note).replace('\n', " "))?;
                }
                for link in &e.links {
                    writeln!(self.out, "- It {}", md(link))?;
                }
            }
            Markup::Html => {
                write!(self.out, "<div class=\"claim\">\n<blockquote>{}</blockquote>\n<ul>\n", html(&e.quote))?;
                write!(self.out, "<li>In {}", html(&from))?;
                // Only web addresses become links: a `javascript:` address
                // from an article must not run when clicked.
                if let Some(url) = e.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                    write!(self.out, " — <a href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>", u = html(url))?;
                }
                write!(self.out, "</li>\n<li>{}{}</li>\n", html(&e.facts), html(review))?;
                if !e.chain.is_empty() {
                    writeln!(self.out, "<li>Chain: {}</li>", html(&e.chain))?;
                }
                if !e.note.is_empty() {
                    writeln!(self.out, "<li>Note: {}</li>", html(&e.note))?;
                }
                for link in &e.links {
                    writeln!(self.out, "<li>It {}</li>", html(link))?;
                }
                writeln!(self.out, "</ul>\n</div>")?;
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if self.markup == Markup::Html {
            writeln!(self.out, "</body>\n</html>")?;
        }
        Ok(())
    }
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}\
h2{margin-top:2.5rem;border-bottom:1px solid #ccc}.sub,.about{color:#555}\
blockquote{margin:1rem 0 .25rem;padding-left:1rem;border-left:4px solid #888;white-space:pre-wrap}\
.claim ul{margin:.25rem 0 1rem;color:#333}";

/// Text for HTML: the five characters that can start or end markup escaped.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for Markdown: every ASCII punctuation mark backslash-escaped
/// (CommonMark allows it for all of them), so no emphasis, link, heading or
/// raw HTML can come from the text.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
