//! Exact anchoring: where does `prefix + exact + suffix` occur? Overlapping
//! occurrences count (as in Apache Annotator): "ana" is in "bananas" twice, and
//! a caller deciding whether a quote is unique must see both.

use crate::codepoints::ByteToCodePoint;
use crate::{TextPosition, TextQuote};

/// Every place where `prefix + exact + suffix` occurs in `text`, as the span
/// of `exact`, in text order. An empty pattern matches at every offset.
pub fn quote_matches(text: &str, quote: &TextQuote) -> Vec<TextPosition> {
    let pattern = format!("{}{}{}", quote.prefix, quote.exact, quote.suffix);
    let prefix_len = quote.prefix.chars().count();
    let exact_len = quote.exact.chars().count();
    code_point_occurrences(text, &pattern)
        .map(|start| {
            let start = start + prefix_len;
            TextPosition { start, end: start + exact_len }
        })
        .collect()
}

/// Code point offsets where `needle` starts in `haystack`, overlapping
/// occurrences included, in order.
pub(crate) fn code_point_occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut cursor = ByteToCodePoint::new(haystack);
    byte_occurrences(haystack, needle).map(move |byte| cursor.code_point(byte))
}

/// Byte offsets where `needle` starts. Each search resumes one character
/// after the previous hit (not after its end) so overlaps are found; `find`
/// is the standard library's two-way search, linear in the text.
fn byte_occurrences<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let found = haystack[start..].find(needle).map(|at| start + at);
        from = found.and_then(|at| haystack[at..].chars().next().map(|c| at + c.len_utf8()));
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(prefix: &str, exact: &str, suffix: &str) -> TextQuote {
        TextQuote { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    fn spans(text: &str, q: &TextQuote) -> Vec<(usize, usize)> {
        quote_matches(text, q).iter().map(|p| (p.start, p.end)).collect()
    }

    #[test]
    fn overlapping_matches_are_all_reported() {
        assert_eq!(spans("aaaa", &quote("", "aa", "")), [(0, 2), (1, 3), (2, 4)]);
    }

    #[test]
    fn offsets_count_code_points_after_astral_and_combining_characters() {
        // 😃 is one code point (two UTF-16 units), "é" is e + U+0301.
        let text = "😃 cafe\u{301} 東京 café";
        assert_eq!(spans(text, &quote("", "東京", "")), [(8, 10)]);
        assert_eq!(spans(text, &quote("", "cafe\u{301}", "")), [(2, 7)]);
        // The precomposed "é" is a different string: no normalisation.
        assert_eq!(spans(text, &quote("", "café", "")), [(11, 15)]);
    }

    #[test]
    fn context_selects_among_repeats_and_reports_the_exact_span() {
        let text = "قال الوزير. قال الرئيس.";
        assert_eq!(spans(text, &quote("", "قال", "")), [(0, 3), (12, 15)]);
        assert_eq!(spans(text, &quote(". ", "قال", " ال")), [(12, 15)]);
    }

    #[test]
    fn empty_pattern_matches_everywhere_and_empty_text_only_matches_empty() {
        assert_eq!(spans("ab", &quote("", "", "")), [(0, 0), (1, 1), (2, 2)]);
        assert_eq!(spans("", &quote("", "", "")), [(0, 0)]);
        assert!(spans("", &quote("", "a", "")).is_empty());
    }

    #[test]
    fn quote_at_text_start_and_end() {
        assert_eq!(spans("abc abc", &quote("", "abc", " ")), [(0, 3)]);
        assert_eq!(spans("abc abc", &quote(" ", "abc", "")), [(4, 7)]);
    }
}
