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
    fn without_a_generator_the_opening_is_shown() {
        let (snippet, highlights) = Highlighter::new(None).snippet("Line one\nline two");
        assert_eq!(snippet, "Line one line two");
        assert!(highlights.is_empty());
    }
}
