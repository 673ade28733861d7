//! Position anchoring: a `TextPositionSelector` needs no search, only a check
//! that its span still fits the text, because a span past the end must never
//! be used to slice an article.

use crate::TextPosition;

/// `pos` itself when `start <= end <= ` the text's length in code points,
/// otherwise `None`.
pub fn position_match(text: &str, pos: TextPosition) -> Option<TextPosition> {
    // Walk only as far as `end`: no need to count a long article to the end.
    (pos.start <= pos.end && text.chars().take(pos.end).count() == pos.end).then_some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, start: usize, end: usize) -> bool {
        position_match(text, TextPosition { start, end }).is_some()
    }

    #[test]
    fn bounds_are_counted_in_code_points() {
        // Three code points, nine bytes.
        assert!(check("日本語", 0, 3));
        assert!(check("日本語", 3, 3));
        assert!(!check("日本語", 2, 4));
        assert!(check("😃😃", 1, 2));
        assert!(!check("😃😃", 0, 3));
    }

    #[test]
    fn reversed_spans_are_refused_and_empty_text_holds_only_the_empty_span() {
        assert!(!check("abc", 2, 1));
        assert!(check("", 0, 0));
        assert!(!check("", 0, 1));
    }
}
