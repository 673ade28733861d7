//! Finding a quote in an article body and describing a span of it: the
//! anchoring crate's matching, in the domain's types.

use claimdesk_anchor::{DescribePolicy, TextPosition, TextQuote};
use claimdesk_domain::{QuoteQuery, Selector, Span};

/// Code points of context kept on each side of a quote.
pub(crate) const CONTEXT: usize = 32;

pub(crate) enum Found {
    One(Selector),
    Nowhere,
    /// That many occurrences fit the query.
    Many(usize),
}

/// Every occurrence of `query.exact` (overlapping ones too) preceded by
/// `query.prefix` and followed by `query.suffix`.
pub(crate) fn find(body: &str, query: &QuoteQuery) -> Found {
    let quote = TextQuote { exact: query.exact.clone(), prefix: query.prefix.clone(), suffix: query.suffix.clone() };
    match claimdesk_anchor::quote_matches(body, &quote)[..] {
        [] => Found::Nowhere,
        [one] => describe(body, Span { start: one.start, end: one.end }).map_or(Found::Nowhere, Found::One),
        ref many => Found::Many(many.len()),
    }
}

/// The selector of `span`, with up to `CONTEXT` code points of prefix and
/// suffix; None when the span is empty or runs past the end of the body.
pub(crate) fn describe(body: &str, span: Span) -> Option<Selector> {
    if span.start >= span.end {
        return None;
    }
    let position = TextPosition { start: span.start, end: span.end };
    let quote = claimdesk_anchor::describe(body, position, DescribePolicy::FixedContext(CONTEXT))?;
    Some(Selector { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: span.start, end: span.end })
}

/// The byte offset of code point `index` (the body's length for one past
/// the last); None beyond that.
pub(crate) fn byte_offset(text: &str, index: usize) -> Option<usize> {
    text.char_indices().map(|(at, _)| at).chain([text.len()]).nth(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(exact: &str, prefix: &str, suffix: &str) -> QuoteQuery {
        QuoteQuery { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    #[test]
    fn finds_one_occurrence_in_code_points() {
        let body = "Émile 🙂 said: the port is shut. Nobody said otherwise.";
        let Found::One(selector) = find(body, &query("the port is shut", "", "")) else { panic!("not found") };
        assert_eq!((selector.start, selector.end), (14, 30));
        assert_eq!(selector.prefix, "Émile 🙂 said: ");
        assert_eq!(selector.suffix, ". Nobody said otherwise.");
    }

    #[test]
    fn context_picks_one_of_many() {
        let body = "aaa said x. bbb said y.";
        assert!(matches!(find(body, &query("said", "", "")), Found::Many(2)));
        assert!(matches!(find(body, &query("said", "bbb ", "")), Found::One(s) if s.start == 16));
        assert!(matches!(find(body, &query("said", "", " x")), Found::One(s) if s.start == 4));
        assert!(matches!(find(body, &query("said", "ccc ", "")), Found::Nowhere));
        assert!(matches!(find("aaaa", &query("aa", "", "")), Found::Many(3)), "overlapping occurrences count");
    }

    #[test]
    fn context_is_cut_at_32_code_points() {
        let body = format!("{}QUOTE{}", "é".repeat(40), "ü".repeat(40));
        let Found::One(selector) = find(&body, &query("QUOTE", "", "")) else { panic!("not found") };
        assert_eq!(selector.prefix, "é".repeat(32));
        assert_eq!(selector.suffix, "ü".repeat(32));
        assert!(describe(&body, Span { start: 84, end: 86 }).is_none(), "past the end");
        assert!(describe(&body, Span { start: 3, end: 3 }).is_none(), "empty");
        assert_eq!(describe(&body, Span { start: 84, end: 85 }).unwrap().suffix, "");
    }
}
