//! Re-anchoring a claim after its article's text changed. The order of the
//! steps, cheapest and most certain first, is the whole policy: an analyst's
//! claim is never silently dropped, and never silently moved to a guess.
//!
//! 1. **Position.** The old span still holds `exact`, with the quote's prefix
//!    just before it and its suffix just after: [`Anchoring::Unchanged`].
//!    (Checking the context as well as `exact` catches a short quote whose
//!    text shifted so that another occurrence of it now sits at the old
//!    offsets.)
//! 2. **Exact quote.** `prefix + exact + suffix` occurs exactly once:
//!    [`Anchoring::Moved`]. If it occurs several times the stored context no
//!    longer tells the places apart, so no occurrence is *certain*; they go
//!    to step 3, which ranks them (all with 0 edits and identical context) by
//!    closeness to the old start, and reports the nearest as
//!    [`Anchoring::Fuzzy`] with 0 edits, for a person to confirm.
//! 3. **Fuzzy.** The best approximate match of `exact` (see [`fuzzy_match`]),
//!    hinted with the old start: [`Anchoring::Fuzzy`]. If that is the old span
//!    itself with 0 edits (the quote is still there, only its context was
//!    edited, and no place fits better) it is [`Anchoring::Unchanged`].
//! 4. Otherwise [`Anchoring::NeedsReview`].
//!
//! [`fuzzy_match`]: crate::fuzzy_match

use crate::codepoints::byte_range;
use crate::fuzzy::best_match;
use crate::quote::quote_matches;
use crate::{TextPosition, TextQuote};

/// Where a claim's quote is in an article's new text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The old position still holds the quote.
    Unchanged(TextPosition),
    /// The quote, with its prefix and suffix, is found exactly once,
    /// elsewhere.
    Moved(TextPosition),
    /// The best approximate place: `edits` code points inserted, deleted or
    /// substituted in `exact` (0 when the exact quote was found but its
    /// context did not single it out). To be confirmed by a person.
    Fuzzy { position: TextPosition, edits: usize },
    /// Nothing close enough: the claim keeps its old selectors and waits for
    /// a person.
    NeedsReview,
}

/// Finds `quote`, last seen at `old`, in the article's `new_text`.
pub fn reanchor(new_text: &str, quote: &TextQuote, old: TextPosition) -> Anchoring {
    if holds_at(new_text, quote, old) {
        return Anchoring::Unchanged(old);
    }
    if let [only] = quote_matches(new_text, quote)[..] {
        return Anchoring::Moved(only);
    }
    match best_match(new_text, quote, Some(old.start)) {
        Some(found) if found.edits == 0 && found.position == old => Anchoring::Unchanged(old),
        Some(found) => Anchoring::Fuzzy { position: found.position, edits: found.edits },
        None => Anchoring::NeedsReview,
    }
}

/// Whether `text` holds `prefix + exact + suffix` with `exact` exactly at `pos`.
fn holds_at(text: &str, quote: &TextQuote, pos: TextPosition) -> bool {
    byte_range(text, pos).is_some_and(|bytes| {
        text[bytes.clone()] == quote.exact
            && text[..bytes.start].ends_with(&quote.prefix)
            && text[bytes.end..].starts_with(&quote.suffix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DescribePolicy, describe};

    fn at(start: usize, end: usize) -> TextPosition {
        TextPosition { start, end }
    }

    /// Describes `old_span` in `old_text` as Claimdesk does, then re-anchors
    /// it in `new_text`.
    fn edit(old_text: &str, old_span: TextPosition, new_text: &str) -> Anchoring {
        let quote = describe(old_text, old_span, DescribePolicy::FixedContext(32)).unwrap();
        reanchor(new_text, &quote, old_span)
    }

    #[test]
    fn untouched_text_is_unchanged() {
        let text = "Le maire a dit : « la ville paiera ».";
        assert_eq!(edit(text, at(17, 36), text), Anchoring::Unchanged(at(17, 36)));
    }

    #[test]
    fn text_inserted_before_the_quote_moves_it_by_code_points() {
        let old = "The mayor said the city will pay.";
        let new = "😃 Update: 市長. The mayor said the city will pay.";
        assert_eq!(edit(old, at(15, 32), new), Anchoring::Moved(at(29, 46)));
    }

    #[test]
    fn another_occurrence_at_the_old_offsets_does_not_fool_the_position_check() {
        // "no" sat at 8..10; after the insertion another "no" sits there.
        let old = "He said no to the deal, then no again.";
        let new = "Oh, and no. He said no to the deal, then no again.";
        assert_eq!(edit(old, at(8, 10), new), Anchoring::Moved(at(20, 22)));
    }

    #[test]
    fn edited_quote_is_found_fuzzily_with_its_edit_count() {
        let old = "Officials said 120 people were evacuated on Monday.";
        let new = "Officials said 125 people were evacuated late on Monday.";
        assert_eq!(edit(old, at(15, 50), new), Anchoring::Fuzzy { position: at(15, 55), edits: 6 });
    }

    #[test]
    fn edited_context_around_an_unmoved_quote_leaves_it_unchanged() {
        let quote = TextQuote { exact: "will pay".into(), prefix: "the city ".into(), suffix: ".".into() };
        assert_eq!(reanchor("the town will pay.", &quote, at(9, 17)), Anchoring::Unchanged(at(9, 17)));
    }

    #[test]
    fn ambiguous_exact_matches_become_fuzzy_at_the_nearest() {
        // The context "said: " + "yes" + "." now occurs twice.
        let quote = TextQuote { exact: "yes".into(), prefix: "said: ".into(), suffix: ".".into() };
        let new = "A said: yes. B said: yes. C said: no.";
        assert_eq!(reanchor(new, &quote, at(20, 23)), Anchoring::Fuzzy { position: at(21, 24), edits: 0 });
        assert_eq!(reanchor(new, &quote, at(5, 8)), Anchoring::Fuzzy { position: at(8, 11), edits: 0 });
    }

    #[test]
    fn deleted_quote_needs_review() {
        let old = "The minister resigned. Markets rose sharply.";
        let new = "Markets rose sharply.";
        assert_eq!(edit(old, at(0, 21), new), Anchoring::NeedsReview);
        assert_eq!(edit(old, at(0, 21), ""), Anchoring::NeedsReview);
    }

    #[test]
    fn empty_quote_is_placed_by_its_context_or_needs_review() {
        let quote = TextQuote { exact: String::new(), prefix: "ab".into(), suffix: "cd".into() };
        assert_eq!(reanchor("xxabcd", &quote, at(2, 2)), Anchoring::Moved(at(4, 4)));
        assert_eq!(reanchor("abcd", &quote, at(2, 2)), Anchoring::Unchanged(at(2, 2)));
        assert_eq!(reanchor("abxcd", &quote, at(2, 2)), Anchoring::NeedsReview);
    }
}
