//! Plain text files: the first non-empty line is the title, the rest the body with
//! its paragraphs as written (no reflowing: later annotations point into it).

use claimdesk_domain::ImportIssue;

use crate::Parsed;
use crate::article::{Collector, Draft};

/// A first line longer than this is the opening paragraph of an untitled text,
/// not a headline.
const MAX_TITLE_LINE_CHARS: usize = 300;

pub(crate) fn parse(text: &str, collector: Collector) -> Result<Parsed, ImportIssue> {
    let trimmed = text.trim_start();
    let (first_line, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let first_line = first_line.trim();
    let rest = tidy_paragraphs(rest);
    let draft = if first_line.chars().count() > MAX_TITLE_LINE_CHARS {
        Draft { body: tidy_paragraphs(trimmed), ..Draft::default() }
    } else if rest.is_empty() {
        // A one-line file is all body; its title is derived from it.
        Draft { body: first_line.to_string(), ..Draft::default() }
    } else {
        Draft { title: Some(first_line.to_string()), body: rest, ..Draft::default() }
    };
    collector.finish_single(draft)
}

/// Strips trailing whitespace from lines and keeps exactly one blank line between
/// paragraphs, none at the ends. Indentation and line breaks inside a paragraph stay.
pub(crate) fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_pending = false;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::parse_bytes;

    fn article(bytes: &[u8]) -> claimdesk_domain::NewArticle {
        let mut parsed = parse_bytes(Path::new("notes/a.txt"), bytes).expect("parses");
        assert_eq!(parsed.articles.len(), 1);
        parsed.articles.remove(0)
    }

    #[test]
    fn first_line_is_the_title_and_paragraphs_are_kept() {
        let a = article(
            b"\n\n  Storm hits coast  \n\nWinds reached 120 km/h.   \nTrees fell.\r\n\r\n\r\n\r\n  Roads closed.\n\n",
        );
        assert_eq!(a.title, "Storm hits coast");
        assert_eq!(a.body, "Winds reached 120 km/h.\nTrees fell.\n\n  Roads closed.");
        assert_eq!(a.origin.path, "notes/a.txt");
        assert_eq!(a.origin.format, claimdesk_domain::SourceFormat::Text);
        assert_eq!(a.origin.record, None);
        assert_eq!(a.content_hash, crate::content_hash(&a.title, &a.body));
    }

    #[test]
    fn one_line_file_is_body_with_a_derived_title() {
        let a = article(b"The council approved the budget on Tuesday. It takes effect in May.");
        assert_eq!(a.title, "The council approved the budget on Tuesday.");
        assert_eq!(a.body, "The council approved the budget on Tuesday. It takes effect in May.");
    }

    #[test]
    fn an_overlong_first_line_is_a_paragraph_not_a_title() {
        let long = format!("{} end.\n\nSecond paragraph.", "Lorem ipsum dolor sit amet. ".repeat(15));
        let a = article(long.as_bytes());
        assert!(a.body.starts_with("Lorem ipsum") && a.body.ends_with("\n\nSecond paragraph."));
        assert_eq!(a.title, "Lorem ipsum dolor sit amet.");
    }

    #[test]
    fn language_is_detected() {
        let a = article(
            "Sturm an der Küste\n\nDie Behörden haben am Dienstag alle Straßen an der Küste gesperrt, \
             weil der Wind stärker wurde als erwartet."
                .as_bytes(),
        );
        assert_eq!(a.language.as_deref(), Some("de"));
    }
}
