//! Web pages and the HTML inside feeds, reduced to what a reader of the article
//! sees: paragraphs of text without navigation, scripts or markup, plus the
//! metadata pages carry in their head.

use std::sync::LazyLock;

use claimdesk_domain::ImportIssue;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{CaseSensitivity, ElementRef, Html, Node, Selector};

use crate::Parsed;
use crate::article::{Collector, Draft, collapse_whitespace};

/// Where a value comes from in a matching element.
#[derive(Clone, Copy)]
enum Take {
    Attr(&'static str),
    Text,
}

/// Candidate places for one field, best first. Compiled once: pages are parsed by
/// the hundred thousand.
struct Lookups(Vec<(Selector, Take)>);

impl Lookups {
    fn new(specs: &[(&str, Take)]) -> Self {
        Lookups(specs.iter().map(|&(css, take)| (selector(css), take)).collect())
    }

    /// The first non-empty value, trying each place in order.
    fn find(&self, scope: ElementRef<'_>) -> Option<String> {
        self.0.iter().find_map(|(selector, take)| {
            scope.select(selector).find_map(|element| {
                let value = match take {
                    Take::Attr(name) => collapse_whitespace(element.attr(name)?),
                    Take::Text => text_of(element),
                };
                (!value.is_empty()).then_some(value)
            })
        })
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("built-in selector {css:?} is invalid: {e}"))
}

const CONTENT: Take = Take::Attr("content");

static TITLE: LazyLock<Lookups> =
    LazyLock::new(|| Lookups::new(&[(r#"meta[property="og:title"]"#, CONTENT), ("article h1, main h1", Take::Text)]));
static DOCUMENT_TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static AUTHOR: LazyLock<Lookups> = LazyLock::new(|| {
    Lookups::new(&[
        (r#"meta[name="author"]"#, CONTENT),
        (r#"meta[property="article:author"]"#, CONTENT),
        (r#"[rel~="author"]"#, Take::Text),
        (".byline", Take::Text),
    ])
});
static PUBLISHED: LazyLock<Lookups> = LazyLock::new(|| {
    Lookups::new(&[
        (r#"meta[property="article:published_time"]"#, CONTENT),
        (r#"meta[name="date"]"#, CONTENT),
        (r#"meta[itemprop="datePublished"]"#, CONTENT),
        ("article time[datetime]", Take::Attr("datetime")),
    ])
});
static OUTLET: LazyLock<Lookups> = LazyLock::new(|| {
    Lookups::new(&[(r#"meta[property="og:site_name"]"#, CONTENT), (r#"meta[name="publisher"]"#, CONTENT)])
});
static URL: LazyLock<Lookups> = LazyLock::new(|| {
    Lookups::new(&[(r#"link[rel="canonical"]"#, Take::Attr("href")), (r#"meta[property="og:url"]"#, CONTENT)])
});
static DESCRIPTION: LazyLock<Lookups> = LazyLock::new(|| {
    Lookups::new(&[(r#"meta[name="description"]"#, CONTENT), (r#"meta[property="og:description"]"#, CONTENT)])
});
static LOCALE: LazyLock<Lookups> = LazyLock::new(|| Lookups::new(&[(r#"meta[property="og:locale"]"#, CONTENT)]));
/// Where the article's text lives, most specific first.
static CONTAINERS: LazyLock<Vec<Selector>> =
    LazyLock::new(|| ["article", "main", r#"[role="main"]"#, "body"].into_iter().map(selector).collect());

/// Page furniture and non-text: never part of the body.
const DROPPED: &[&str] =
    &["head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe"];
/// Elements whose text is a paragraph of the article.
const TEXT_BLOCKS: &[&str] =
    &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "figcaption"];
/// Elements that end a run of loose text (outside any of `TEXT_BLOCKS`).
const BREAKS: &[&str] = &[
    "address", "article", "body", "br", "div", "dl", "figure", "hr", "main", "ol", "section", "table", "td", "th",
    "tr", "ul",
];

pub(crate) fn parse(source: &str, mut collector: Collector) -> Result<Parsed, ImportIssue> {
    let document = Html::parse_document(source);
    let root = document.root_element();
    let outlet = OUTLET.find(root);
    let title = TITLE.find(root).or_else(|| document_title(root, outlet.as_deref()));
    let body = page_body(root, title.as_deref()).or_else(|| DESCRIPTION.find(root)).unwrap_or_default();
    let published = PUBLISHED.find(root);
    let draft = Draft {
        title,
        body,
        author: AUTHOR
            .find(root)
            .map(|a| strip_by(&a).to_string())
            .filter(|a| !a.starts_with("http://") && !a.starts_with("https://")),
        url: URL.find(root),
        published: collector.date(None, published.as_deref()),
        language: root.attr("lang").map(str::to_string).or_else(|| LOCALE.find(root)),
        outlet,
    };
    collector.finish_single(draft)
}

/// Converts an HTML fragment (a feed item's content) to paragraphs joined by a
/// blank line. Fragments carry no page furniture, so all their text counts.
pub(crate) fn fragment_to_text(fragment: &str) -> String {
    if !fragment.contains(['<', '&']) {
        // Plain text (many summaries): same result, without building a tree.
        let mut out = Vec::new();
        let mut current = String::new();
        push_loose_text(fragment, &mut current, &mut out);
        flush(&mut current, &mut out);
        return out.join("\n\n");
    }
    let document = Html::parse_fragment(fragment);
    paragraphs(document.root_element(), Mode::Loose, None).join("\n\n")
}

/// `<title>` often ends with the site's name ("Storm hits | Daily News"); drop it
/// when it is the outlet we already have.
fn document_title(root: ElementRef<'_>, outlet: Option<&str>) -> Option<String> {
    let title = text_of(root.select(&DOCUMENT_TITLE).next()?);
    let stripped = outlet.and_then(|outlet| {
        let head = title.strip_suffix(outlet)?.trim_end();
        let head = head.strip_suffix(['|', '-', '–', '—', '·', ':'])?.trim_end();
        (!head.is_empty()).then(|| head.to_string())
    });
    Some(stripped.unwrap_or(title)).filter(|t| !t.is_empty())
}

fn page_body(root: ElementRef<'_>, title: Option<&str>) -> Option<String> {
    let from_blocks = CONTAINERS.iter().filter_map(|s| root.select(s).next()).find_map(|container| {
        let title_h1 = title.and_then(|t| container.select(&H1).find(|h| text_of(*h) == t)).map(|h| h.id());
        let found = paragraphs(container, Mode::Blocks, title_h1);
        (!found.is_empty()).then(|| found.join("\n\n"))
    });
    // Text outside paragraphs (plain `<div>`s, a truncated page) is better than nothing.
    from_blocks.or_else(|| {
        let found = paragraphs(root, Mode::Loose, None);
        (!found.is_empty()).then(|| found.join("\n\n"))
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Only the text of `TEXT_BLOCKS`, one paragraph each.
    Blocks,
    /// All text, split into paragraphs at `TEXT_BLOCKS` and `BREAKS`.
    Loose,
}

/// Walks the tree iteratively (no recursion: hostile nesting depth cannot
/// overflow the stack) and returns one whitespace-collapsed string per paragraph.
fn paragraphs(scope: ElementRef<'_>, mode: Mode, skip: Option<NodeId>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut dropped_depth = 0usize;
    let mut block_depth = 0usize;
    for edge in scope.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    // The byline is already the author; in the body it would read as a paragraph.
                    let byline = element.has_class("byline", CaseSensitivity::AsciiCaseInsensitive);
                    if dropped_depth > 0 || DROPPED.contains(&name) || byline || Some(node.id()) == skip {
                        dropped_depth += 1;
                    } else if TEXT_BLOCKS.contains(&name) {
                        flush(&mut current, &mut out);
                        block_depth += 1;
                    } else if name == "br" && mode == Mode::Blocks {
                        current.push(' ');
                    } else if mode == Mode::Loose && BREAKS.contains(&name) {
                        flush(&mut current, &mut out);
                    }
                }
                Node::Text(text) if dropped_depth == 0 && mode == Mode::Loose => {
                    push_loose_text(text, &mut current, &mut out);
                }
                Node::Text(text) if dropped_depth == 0 && block_depth > 0 => current.push_str(text),
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(element) = node.value() else {
                    continue;
                };
                let name = element.name();
                if dropped_depth > 0 {
                    dropped_depth -= 1;
                } else if TEXT_BLOCKS.contains(&name) {
                    flush(&mut current, &mut out);
                    block_depth = block_depth.saturating_sub(1);
                } else if mode == Mode::Loose && BREAKS.contains(&name) {
                    flush(&mut current, &mut out);
                }
            }
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Feeds put plain text with blank lines between paragraphs into HTML fields: a
/// blank line in loose text ends a paragraph, as a reader would expect.
fn push_loose_text(text: &str, current: &mut String, out: &mut Vec<String>) {
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            if line.trim().is_empty() {
                flush(current, out);
            } else {
                current.push('\n');
            }
        }
        current.push_str(line);
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let paragraph = collapse_whitespace(current);
    if !paragraph.is_empty() {
        out.push(paragraph);
    }
    current.clear();
}

fn text_of(element: ElementRef<'_>) -> String {
    collapse_whitespace(&element.text().collect::<String>())
}

/// "By Jane Doe" → "Jane Doe".
pub(crate) fn strip_by(byline: &str) -> &str {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start(),
        _ => trimmed,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use claimdesk_domain::{NewArticle, SourceFormat, Timestamp};

    use super::*;
    use crate::parse_bytes;

    fn page(html: &str) -> NewArticle {
        let mut parsed = parse_bytes(Path::new("site/page.html"), html.as_bytes()).expect("parses");
        assert!(parsed.errors.is_empty());
        parsed.articles.remove(0)
    }

    const FULL_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head>
  <title>Storm hits the coast | Daily Wire</title>
  <meta property="og:title" content="Storm hits the coast">
  <meta property="og:site_name" content="Daily Wire">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-02T12:00:00Z">
  <link rel="canonical" href="https://example.com/storm">
  <style>p { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Storm  hits the coast</h1>
    <p>Winds reached <b>120&nbsp;km/h</b> on   Saturday,
       officials said.</p>
    <script>var tracking = 1;</script>
    <aside>Read more: unrelated story</aside>
    <h2>Roads closed</h2>
    <blockquote><p>&ldquo;Stay at home,&rdquo; the mayor said.</p></blockquote>
    <ul><li>Route 1</li><li>Route 9</li></ul>
  </article>
  <footer>© Daily Wire</footer>
</body></html>"#;

    #[test]
    fn full_page_gives_text_and_metadata() {
        let a = page(FULL_PAGE);
        assert_eq!(a.title, "Storm hits the coast");
        assert_eq!(
            a.body,
            "Winds reached 120 km/h on Saturday, officials said.\n\nRoads closed\n\n\
             \u{201c}Stay at home,\u{201d} the mayor said.\n\nRoute 1\n\nRoute 9"
        );
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.outlet.as_deref(), Some("Daily Wire"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/storm"));
        assert_eq!(a.published, Timestamp::parse("2024-03-02T12:00:00Z"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.origin.format, SourceFormat::Html);
    }

    #[test]
    fn falls_back_through_title_byline_and_containers() {
        let a = page(
            r#"<html><head><title>Flood warning - The Courier</title>
            <meta property="og:site_name" content="The Courier"></head>
            <body><header><h1>The Courier</h1></header>
            <main><p class="byline">By  Sam Roe</p><time datetime="2024-01-05">5 Jan</time>
            <p>Rivers are rising.</p></main></body></html>"#,
        );
        assert_eq!(a.title, "Flood warning");
        assert_eq!(a.author.as_deref(), Some("Sam Roe"));
        assert_eq!(a.body, "Rivers are rising.");
        assert_eq!(a.published, None, "the <time> is not inside an <article>");
    }

    #[test]
    fn loose_text_and_description_are_last_resorts() {
        let a = page("<html><body><div>Loose text<br>next line</div></body></html>");
        assert_eq!(a.body, "Loose text\n\nnext line");
        assert_eq!(a.title, "Loose text");
        let b = page(
            r#"<html><head><meta name="description" content="Only a summary."></head><body><nav>x</nav></body></html>"#,
        );
        assert_eq!(b.body, "Only a summary.");
    }

    #[test]
    fn truncated_html_still_gives_its_text() {
        let a = page("<html><head><title>Cut</title></head><body><article><p>First para.</p><p>Second is cut off mid");
        assert_eq!(a.title, "Cut");
        assert_eq!(a.body, "First para.\n\nSecond is cut off mid");
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        let err = parse_bytes(
            Path::new("x.htm"),
            b"<html><head><title>T</title></head><body><script>x()</script></body></html>",
        )
        .unwrap_err();
        assert_eq!(err.error, "no readable text");
        assert_eq!(err.path, "x.htm");
    }

    #[test]
    fn legacy_page_honours_its_meta_charset() {
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\
                      </head><body><p>Caf\xE9 cr\xE8me</p></body></html>";
        let parsed = parse_bytes(Path::new("old.HTM"), bytes).unwrap();
        assert_eq!(parsed.articles[0].body, "Café crème");
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn fragments_keep_paragraphs() {
        assert_eq!(fragment_to_text("<p>One &amp; two</p><p>Three</p>"), "One & two\n\nThree");
        assert_eq!(fragment_to_text("Intro<br><br>Body <em>text</em>"), "Intro\n\nBody text");
        assert_eq!(fragment_to_text("plain\n  \n  text\n  here"), "plain\n\ntext here");
        assert_eq!(fragment_to_text("AT&amp;T\n\n said <i>no</i>"), "AT&T\n\nsaid no");
        assert_eq!(fragment_to_text("<script>x</script>"), "");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert!(fragment_to_text(&html).contains("deep"));
    }

    #[test]
    fn byline_prefix_is_stripped() {
        assert_eq!(strip_by(" by Jane"), "Jane");
        assert_eq!(strip_by("Bystander"), "Bystander");
        assert_eq!(strip_by("Jane"), "Jane");
    }
}
