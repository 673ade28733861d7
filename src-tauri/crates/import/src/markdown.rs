//! Markdown files: the text a reader sees once rendered (no `#`, `*` or link
//! targets), the first `# heading` as title, and the metadata a byline line under
//! the title or YAML front matter gives.

use claimdesk_domain::{ImportIssue, Timestamp};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::Parsed;
use crate::article::{Collector, Draft};
use crate::date::parse_date;
use crate::html::strip_by;

/// A longer first line is the opening of an untitled text, not its headline.
const MAX_TITLE_LINE_CHARS: usize = 300;
/// A longer line under the title is prose that happens to start with "By".
const MAX_BYLINE_CHARS: usize = 150;
/// "Jane Doe and John Roe" fits; a clause does not.
const MAX_AUTHOR_WORDS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Heading(HeadingLevel),
    Paragraph,
    /// Lists and code: never a title or a byline.
    Other,
}

#[derive(Debug)]
struct Block {
    kind: Kind,
    text: String,
}

pub(crate) fn parse(source: &str, mut collector: Collector) -> Result<Parsed, ImportIssue> {
    let Rendered { mut blocks, front_matter } = render(source);
    let (mut draft, date) = front_matter.as_deref().map(read_front_matter).unwrap_or_default();
    draft.published = collector.date(None, date.as_deref());
    let after_title = take_title(&mut blocks, &mut draft);
    if let Some(index) = after_title {
        take_byline(&mut blocks, index, &mut draft);
    }
    draft.body = blocks.into_iter().map(|b| b.text).collect::<Vec<_>>().join("\n\n");
    collector.finish_single(draft)
}

/// Finds the title (front matter, first `#` heading, first heading, or first line),
/// removes it from the blocks and says where the text under it now starts.
fn take_title(blocks: &mut Vec<Block>, draft: &mut Draft) -> Option<usize> {
    if let Some(title) = &draft.title {
        // The same title repeated as the first heading is not body text.
        if blocks.first().is_some_and(|b| matches!(b.kind, Kind::Heading(_)) && &b.text == title) {
            blocks.remove(0);
        }
        return Some(0);
    }
    let heading = blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(HeadingLevel::H1))
        .or_else(|| blocks.first().is_some_and(|b| matches!(b.kind, Kind::Heading(_))).then_some(0));
    if let Some(index) = heading {
        draft.title = Some(blocks.remove(index).text);
        return Some(index);
    }
    let only_block = blocks.len() == 1;
    let first = blocks.first_mut().filter(|b| b.kind == Kind::Paragraph)?;
    let (line, rest) = first.text.split_once('\n').unwrap_or((&first.text, ""));
    // A one-line file stays body (its title is derived from it), as for text files.
    if line.chars().count() > MAX_TITLE_LINE_CHARS || (only_block && rest.trim().is_empty()) {
        return None;
    }
    draft.title = Some(line.to_string());
    let rest = rest.trim().to_string();
    if rest.is_empty() {
        blocks.remove(0);
    } else {
        first.text = rest;
    }
    Some(0)
}

/// A `By Jane Doe[, Outlet][, date]` paragraph right under the title.
fn take_byline(blocks: &mut Vec<Block>, index: usize, draft: &mut Draft) {
    let Some(block) = blocks.get(index).filter(|b| b.kind == Kind::Paragraph) else {
        return;
    };
    let text = block.text.trim();
    let unprefixed = strip_by(text);
    if unprefixed.len() == text.len() || text.contains('\n') || text.chars().count() > MAX_BYLINE_CHARS {
        return;
    }
    let byline = parse_byline(unprefixed);
    // Names start with a capital and are short; "By the end of the week, ..." is prose.
    let name_like = byline.author.chars().next().is_some_and(|c| !c.is_lowercase())
        && byline.author.split_whitespace().count() <= MAX_AUTHOR_WORDS;
    if !name_like {
        return;
    }
    draft.author = draft.author.take().or(Some(byline.author));
    draft.outlet = draft.outlet.take().or(byline.outlet);
    draft.published = draft.published.or(byline.published);
    blocks.remove(index);
}

#[derive(Debug, PartialEq)]
struct Byline {
    author: String,
    outlet: Option<String>,
    published: Option<Timestamp>,
}

/// "Jane Doe, Outlet, 2024-03-02" or "Jane Doe | March 2, 2024". Only what is
/// clearly there: a middle part that is not alone is too ambiguous to be the outlet.
fn parse_byline(text: &str) -> Byline {
    let parts: Vec<&str> = text.split([',', '|', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let Some((author, mut rest)) = parts.split_first() else {
        return Byline { author: text.to_string(), outlet: None, published: None };
    };
    let mut published = None;
    // A written-out date spans a comma ("March 2, 2024"): try the last two parts first.
    for take in [2, 1] {
        if rest.len() >= take {
            let (head, tail) = rest.split_at(rest.len() - take);
            if let Some(date) = parse_date(&tail.join(", ")) {
                published = Some(date);
                rest = head;
                break;
            }
        }
    }
    let outlet = match rest {
        [outlet] => Some(outlet.to_string()),
        _ => None,
    };
    Byline { author: author.to_string(), outlet, published }
}

/// Reads the flat `key: value` lines of YAML front matter; nested YAML is ignored.
/// The date is returned as text, for the collector to parse and warn about.
fn read_front_matter(yaml: &str) -> (Draft, Option<String>) {
    let mut draft = Draft::default();
    let mut date = None;
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'', '[', ']']).trim();
        if value.is_empty() || line.starts_with([' ', '\t', '-']) {
            continue;
        }
        let value = Some(value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => draft.title = value,
            "author" | "authors" | "byline" => draft.author = value,
            "date" | "published" | "published_at" => date = value,
            "outlet" | "source" | "publisher" | "site" => draft.outlet = value,
            "url" | "link" | "canonical_url" => draft.url = value,
            "lang" | "language" => draft.language = value,
            _ => {}
        }
    }
    (draft, date)
}

struct Rendered {
    blocks: Vec<Block>,
    front_matter: Option<String>,
}

/// Turns Markdown into blocks of plain text: paragraphs and headings as they are,
/// lists as "- item" / "1. item" lines, code as written; images and raw HTML dropped.
fn render(source: &str) -> Rendered {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut r = Renderer::default();
    for event in Parser::new_ext(source, options) {
        r.event(event);
    }
    r.flush();
    Rendered { blocks: r.blocks, front_matter: r.front_matter }
}

#[derive(Default)]
struct Renderer {
    blocks: Vec<Block>,
    current: String,
    kind: Option<Kind>,
    /// One entry per open list: the next number for ordered lists.
    lists: Vec<Option<u64>>,
    /// True until the open list item has text, so its first paragraph needs no break.
    fresh_item: bool,
    image_depth: usize,
    front_matter: Option<String>,
    in_front_matter: bool,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        let in_list = !self.lists.is_empty();
        match event {
            Event::Start(Tag::Paragraph) => self.start_paragraph(in_list),
            Event::Start(Tag::Heading { level, .. }) if !in_list => self.start(Kind::Heading(level)),
            Event::Start(Tag::CodeBlock(_)) if !in_list => self.start(Kind::Other),
            Event::Start(Tag::List(first_number)) => {
                if !in_list {
                    self.start(Kind::Other);
                }
                self.lists.push(first_number);
            }
            Event::Start(Tag::Item) => self.start_item(),
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::Start(Tag::MetadataBlock(_)) => self.in_front_matter = true,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::End(TagEnd::MetadataBlock(_)) => self.in_front_matter = false,
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.flush();
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) | Event::Rule if !in_list => {
                self.flush();
            }
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.push_text(&text);
            }
            Event::SoftBreak | Event::HardBreak => self.push_text("\n"),
            _ => {}
        }
    }

    fn start(&mut self, kind: Kind) {
        self.flush();
        self.kind = Some(kind);
    }

    /// Inside a list item a paragraph is a line of the list's block, not a block.
    fn start_paragraph(&mut self, in_list: bool) {
        if !in_list {
            self.start(Kind::Paragraph);
        } else if !self.fresh_item {
            self.current.push('\n');
        }
    }

    fn start_item(&mut self) {
        if !self.current.is_empty() {
            self.current.push('\n');
        }
        for _ in 1..self.lists.len() {
            self.current.push_str("  ");
        }
        match self.lists.last_mut() {
            Some(Some(number)) => {
                self.current.push_str(&number.to_string());
                self.current.push_str(". ");
                *number += 1;
            }
            _ => self.current.push_str("- "),
        }
        self.fresh_item = true;
    }

    fn push_text(&mut self, text: &str) {
        if self.in_front_matter {
            self.front_matter.get_or_insert_default().push_str(text);
        } else if self.image_depth == 0 {
            self.current.push_str(text);
            self.fresh_item = false;
        }
    }

    fn flush(&mut self) {
        let text = self.current.trim_end().trim_start_matches('\n');
        if !text.is_empty() {
            let kind = self.kind.unwrap_or(Kind::Paragraph);
            let text = match kind {
                Kind::Heading(_) => crate::article::collapse_whitespace(text),
                Kind::Paragraph | Kind::Other => text.to_string(),
            };
            self.blocks.push(Block { kind, text });
        }
        self.current.clear();
        self.kind = None;
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use claimdesk_domain::{NewArticle, SourceFormat};

    use super::*;
    use crate::parse_bytes;

    fn article(source: &str) -> NewArticle {
        let mut parsed = parse_bytes(Path::new("a.md"), source.as_bytes()).expect("parses");
        parsed.articles.remove(0)
    }

    #[test]
    fn heading_is_title_and_syntax_is_stripped() {
        let a = article(
            "# Storm *hits* the coast\n\n*By Jane Doe, Daily Wire, 2024-03-02*\n\n\
             Winds reached **120 km/h**, [officials](https://x.org/a \"t\") said.\n\
             Second line of the paragraph with `code`.\n\n\
             ## Roads closed\n\n- Route 1\n- Route 9\n  1. exit 4\n  2. exit 5\n\n\
             > Stay at home.\n\n![a map](map.png)\n<div>raw html</div>\n\n---\n\nEnd.\n",
        );
        assert_eq!(a.title, "Storm hits the coast");
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Wire"));
        assert_eq!(a.published, Timestamp::from_date(2024, 3, 2));
        assert_eq!(
            a.body,
            "Winds reached 120 km/h, officials said.\nSecond line of the paragraph with code.\n\n\
             Roads closed\n\n- Route 1\n- Route 9\n  1. exit 4\n  2. exit 5\n\nStay at home.\n\nEnd."
        );
        assert_eq!(a.origin.format, SourceFormat::Markdown);
    }

    #[test]
    fn first_line_is_title_without_a_heading() {
        let a = article("Storm hits the coast\nBy Sam Roe\n\nThe body.\n");
        assert_eq!(a.title, "Storm hits the coast");
        assert_eq!(a.author.as_deref(), Some("Sam Roe"));
        assert_eq!(a.body, "The body.");
    }

    #[test]
    fn one_line_file_is_body() {
        let a = article("Just one *short* line of news, and nothing else.\n");
        assert_eq!(a.body, "Just one short line of news, and nothing else.");
        assert_eq!(a.title, a.body);
    }

    #[test]
    fn front_matter_fills_metadata() {
        let a = article(
            "---\ntitle: \"Flood warning\"\nauthor: Sam Roe\ndate: 2024-01-05\nlang: en-US\ntags:\n  - x\n---\n\n\
             # Flood warning\n\nRivers are rising.\n",
        );
        assert_eq!(a.title, "Flood warning");
        assert_eq!(a.author.as_deref(), Some("Sam Roe"));
        assert_eq!(a.published, Timestamp::from_date(2024, 1, 5));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.body, "Rivers are rising.");
    }

    #[test]
    fn bad_front_matter_date_warns() {
        let parsed = parse_bytes(Path::new("a.markdown"), b"---\ndate: someday\n---\n# T\n\nBody.").unwrap();
        assert_eq!(parsed.warnings[0].error, "unrecognised date \"someday\"; published left empty");
        assert_eq!(parsed.articles[0].published, None);
    }

    #[test]
    fn bylines_are_read_only_when_clear() {
        let date = Timestamp::from_date(2024, 3, 2);
        let parse = parse_byline;
        assert_eq!(parse("Jane Doe"), Byline { author: "Jane Doe".into(), outlet: None, published: None });
        assert_eq!(
            parse("Jane Doe, March 2, 2024"),
            Byline { author: "Jane Doe".into(), outlet: None, published: date }
        );
        assert_eq!(
            parse("Jane Doe | Outlet | 2024-03-02"),
            Byline { author: "Jane Doe".into(), outlet: Some("Outlet".into()), published: date }
        );
        assert_eq!(
            parse("Jane Doe, Staff, Outlet"),
            Byline { author: "Jane Doe".into(), outlet: None, published: None }
        );
    }

    #[test]
    fn prose_starting_with_by_is_not_a_byline() {
        for prose in [
            "By the end of the week, the storm had passed.",
            "By Monday the four main roads had all reopened again, officials said",
        ] {
            let a = article(&format!("# Title\n\n{prose}\n"));
            assert_eq!(a.author, None, "{prose}");
            assert_eq!(a.body, prose);
        }
    }

    #[test]
    fn a_heading_alone_is_no_article() {
        let err = parse_bytes(Path::new("a.md"), b"# Only a title\n\n![img](x.png)\n").unwrap_err();
        assert_eq!(err.error, "no readable text");
    }
}
