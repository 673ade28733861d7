//! Snippets of the article body around the matched words, with the matches
//! given as code-point ranges (what the UI and JSON consumers count in).

use tantivy::snippet::SnippetGenerator;

/// How long a snippet may be, in bytes of the body (Tantivy's unit).
const SNIPPET_BYTES: usize = 220;

/// Makes snippets for one query; create once per search, apply to each hit's body.
pub struct Highlighter {
    generator: Option<SnippetGenerator>,
}

impl Highlighter {
    pub(crate) fn new(generator: Option<SnippetGenerator>) -> Self {
        let generator = generator.map(|mut g| {
            g.set_max_num_chars(SNIPPET_BYTES);
            g
        });
        Highlighter { generator }
    }

    /// A passage of `body` around the best match and the matched words in it as
    /// half-open code-point ranges. Without a match in the body, the opening of
    /// the body and no highlights. Line breaks become spaces (one code point for
    /// one, so the ranges stay true).
    pub fn snippet(&self, body: &str) -> (String, Vec<[usize; 2]>) {
        if let Some(generator) = &self.generator {
            let snippet = generator.snippet(body);
            if !snippet.highlighted().is_empty() {
                let fragment = snippet.fragment();
                let highlights = snippet
                    .highlighted()
                    .iter()
                    .map(|range| [code_points(&fragment[..range.start]), code_points(&fragment[..range.end])])
                    .collect();
                return (flatten_lines(fragment), highlights);
            }
        }
        (flatten_lines(opening(body, SNIPPET_BYTES)), Vec::new())
    }
}

/// Every match of the query's terms in `text`, as half-open code-point ranges.
pub(crate) fn all_matches(mut generator: SnippetGenerator, text: &str) -> Vec<[usize; 2]> {
    // One fragment as long as the text holds every match.
    generator.set_max_num_chars(text.len() + 1);
    let snippet = generator.snippet(text);
    let base = snippet.fragment_range().start;
    let mut byte_ranges: Vec<(usize, usize)> =
        snippet.highlighted().iter().map(|r| (base + r.start, base + r.end)).collect();
    byte_ranges.sort_unstable();
    to_code_points(text, &byte_ranges)
}

/// Converts sorted byte ranges to code-point ranges in one pass over `text`.
fn to_code_points(text: &str, sorted: &[(usize, usize)]) -> Vec<[usize; 2]> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut chars = text.char_indices().map(|(byte, _)| byte).chain(std::iter::once(text.len()));
    let (mut byte, mut point) = (chars.next().unwrap_or(0), 0);
    let mut advance_to = |target: usize| {
        while byte < target {
            match chars.next() {
                Some(next) => {
                    byte = next;
                    point += 1;
                }
                None => break,
            }
        }
        point
    };
    for &(start, end) in sorted {
        let start = advance_to(start);
        let end = advance_to(end);
        out.push([start, end]);
    }
    out
}

fn code_points(text: &str) -> usize {
    text.chars().count()
}

/// The start of `text`, at most `max_bytes` long, cut at a word boundary when one is near.
fn opening(text: &str, max_bytes: usize) -> &str {
    let text = text.trim_start();
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(char::is_whitespace) {
        Some(space) if space > max_bytes / 2 => &text[..space],
        _ => &text[..end],
    }
}

fn flatten_lines(text: &str) -> String {
    text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_cuts_at_a_word_and_a_char_boundary() {
        assert_eq!(opening("short", 100), "short");
        let long = "ééééé ".repeat(50);
        let cut = opening(&long, 31);
        assert!(cut.len() <= 31);
        assert!(cut.ends_with('é'));
    }

    #[test]
    fn byte_ranges_become_code_point_ranges() {
        let text = "é🚢 abc 東京 abc";
        let first = text.find("abc").unwrap();
        let second = text.rfind("abc").unwrap();
        let ranges = to_code_points(text, &[(first, first + 3), (second, second + 3)]);
        assert_eq!(ranges, vec![[3, 6], [10, 13]]);
    }

    #[test]
    fn without_a_generator_the_opening_is_shown() {
        let (snippet, highlights) = Highlighter::new(None).snippet("Line one\nline two");
        assert_eq!(snippet, "Line one line two");
        assert!(highlights.is_empty());
    }
}
