//! Describing a span as a quote that will find it again: the exact text plus
//! enough context to be unique in the text now, and (by default) a little more
//! so that it survives small edits and reads as whole words.

use std::cmp::Ordering;

use crate::codepoints::byte_range;
use crate::quote::code_point_occurrences;
use crate::{TextPosition, TextQuote};

/// How far Apache Annotator extends a context to reach a word boundary when
/// no limit is given.
pub const DEFAULT_MAX_WORD_LENGTH: usize = 50;

/// How [`describe`] chooses the prefix and suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DescribePolicy {
    /// Apache Annotator's `describeTextQuote`: the context needed for the
    /// quote to match only at the target. Unless `minimal_context`, every
    /// context is also widened to the nearest whitespace (at most
    /// `max_word_length` more code points) and an ambiguity is resolved on
    /// both sides at once, which keeps the quote robust to edits; with
    /// `minimal_context` only the shorter side grows (the prefix on a tie).
    /// `min_length` asks for at least that many code points in
    /// `prefix + exact + suffix`, taken half before and half after. (Apache's
    /// options `minimalContext`, `minimumQuoteLength`, `maxWordLength`.)
    Minimal { minimal_context: bool, min_length: usize, max_word_length: usize },
    /// `exact` plus up to N code points either side, clipped at the text's
    /// ends, whether or not that makes the quote unique.
    FixedContext(usize),
}

impl Default for DescribePolicy {
    /// Apache Annotator's defaults.
    fn default() -> Self {
        DescribePolicy::Minimal { minimal_context: false, min_length: 0, max_word_length: DEFAULT_MAX_WORD_LENGTH }
    }
}

/// A quote selector for `target` in `text`, or `None` when `target` is
/// reversed or runs past the end of the text.
pub fn describe(text: &str, target: TextPosition, policy: DescribePolicy) -> Option<TextQuote> {
    let bytes = byte_range(text, target)?;
    let chars: Vec<char> = text.chars().collect();
    let (before, after) = match policy {
        DescribePolicy::FixedContext(n) => (n.min(target.start), n.min(chars.len() - target.end)),
        DescribePolicy::Minimal { minimal_context, min_length, max_word_length } => {
            let occurrences = code_point_occurrences(text, &text[bytes.clone()]);
            let span = Span::new(&chars, target.start, target.end);
            span.unique_context(occurrences, minimal_context, min_length, max_word_length)
        }
    };
    Some(TextQuote {
        exact: text[bytes].to_owned(),
        prefix: chars[target.start - before..target.start].iter().collect(),
        suffix: chars[target.end..target.end + after].iter().collect(),
    })
}

/// The target span, with the text it sits in. Prefix and suffix only ever
/// grow outwards from it, so they are kept as lengths in code points.
struct Span<'a> {
    chars: &'a [char],
    start: usize,
    end: usize,
    /// How far back from `start` the text agrees with the text before each
    /// other offset; see [`Span::shared_before`].
    back: Vec<usize>,
    /// How far forward from `end` the text agrees with the text after each
    /// other offset; see [`Span::shared_after`].
    ahead: Vec<usize>,
}

impl<'a> Span<'a> {
    /// Precomputes, in linear time, how much context the target shares with
    /// every other place. Comparing contexts afresh at each occurrence would
    /// be quadratic in repetitive text (a row of "=====", a repeated
    /// boilerplate line), where the unique context is long.
    fn new(chars: &'a [char], start: usize, end: usize) -> Self {
        let n = chars.len();
        // Reversed text before the target, a separator, the reversed text.
        let back = z_array(start + 1 + n, |i| match i.cmp(&start) {
            Ordering::Less => Some(chars[start - 1 - i]),
            Ordering::Equal => None,
            Ordering::Greater => Some(chars[n - (i - start)]),
        });
        // Text after the target, a separator, the text.
        let tail = n - end;
        let ahead = z_array(tail + 1 + n, |i| match i.cmp(&tail) {
            Ordering::Less => Some(chars[end + i]),
            Ordering::Equal => None,
            Ordering::Greater => Some(chars[i - tail - 1]),
        });
        Span { chars, start, end, back, ahead }
    }

    /// Code points that `text[..at]` and `text[..start]` have in common at
    /// their ends.
    fn shared_before(&self, at: usize) -> usize {
        if at == 0 { 0 } else { self.back[self.start + 1 + self.chars.len() - at] }
    }

    /// Code points that `text[at..]` and `text[end..]` have in common at
    /// their starts.
    fn shared_after(&self, at: usize) -> usize {
        let n = self.chars.len();
        if at == n { 0 } else { self.ahead[n - self.end + 1 + at] }
    }

    /// The (prefix, suffix) lengths chosen by Apache Annotator's rule.
    /// `occurrences` are the starts of `exact` in the text, in order.
    fn unique_context(
        &self,
        occurrences: impl Iterator<Item = usize>,
        minimal_context: bool,
        min_length: usize,
        max_word_length: usize,
    ) -> (usize, usize) {
        let (room_before, room_after) = (self.start, self.chars.len() - self.end);
        let exact_len = self.end - self.start;
        let (mut before, mut after) = (0, 0);

        // Reach the minimum length: half the shortfall before, the rest
        // after, and before again what the text's end could not give.
        let shortfall = |before: usize, after: usize| min_length.saturating_sub(before + exact_len + after);
        before += (shortfall(before, after) / 2).min(room_before);
        after += shortfall(before, after).min(room_after);
        before += shortfall(before, after).min(room_before - before);

        if !minimal_context {
            before += self.word_before(self.start - before, max_word_length);
            after += self.word_after(self.end + after, max_word_length);
        }

        // Each other occurrence that the context does not yet rule out gets
        // ruled out by growing the context to the first character that
        // differs. Context only grows, so an occurrence ruled out stays ruled
        // out and one pass in text order sees them as Apache's repeated
        // searches do.
        for other in occurrences {
            let (shared_before, shared_after) = (self.shared_before(other), self.shared_after(other + exact_len));
            if other == self.start || shared_before < before || shared_after < after {
                continue;
            }
            // Characters to add up to and including the first that differs
            // (running out of text on the other side counts as differing);
            // `None` if the target's side runs out of text first.
            let mut extra_before = (shared_before < room_before).then(|| shared_before + 1 - before);
            let mut extra_after = (shared_after < room_after).then(|| shared_after + 1 - after);
            if minimal_context {
                // The shorter side (the prefix on a tie). One of them is
                // always `Some`: of two different places, one has more text
                // before it, the other more after.
                match (extra_before, extra_after) {
                    (Some(b), Some(a)) if a < b => after += a,
                    (Some(b), _) => before += b,
                    (None, Some(a)) => after += a,
                    (None, None) => {}
                }
            } else {
                // Both sides, each then widened to a word boundary.
                if let Some(extra) = &mut extra_before {
                    *extra += self.word_before(self.start - before - *extra, max_word_length);
                }
                if let Some(extra) = &mut extra_after {
                    *extra += self.word_after(self.end + after + *extra, max_word_length);
                }
                before += extra_before.unwrap_or(0);
                after += extra_after.unwrap_or(0);
            }
        }
        (before, after)
    }

    /// Non-whitespace characters (at most `limit`) just before `at`.
    fn word_before(&self, at: usize, limit: usize) -> usize {
        self.chars[..at].iter().rev().take(limit).take_while(|&&c| !is_whitespace(c)).count()
    }

    /// Non-whitespace characters (at most `limit`) from `at` on.
    fn word_after(&self, at: usize, limit: usize) -> usize {
        self.chars[at..].iter().take(limit).take_while(|&&c| !is_whitespace(c)).count()
    }
}

/// Gusfield's Z-algorithm: for each offset `i` of the sequence `at(0..len)`,
/// the length of the longest common prefix of the sequence and its suffix
/// from `i` (0 for `i = 0`). `None` is a separator that matches nothing, so
/// with `a, None, b` the values over `b` compare `b`'s suffixes with `a`.
/// Linear in `len`.
fn z_array(len: usize, at: impl Fn(usize) -> Option<char>) -> Vec<usize> {
    let mut z = vec![0; len];
    // [left, right): the rightmost stretch known to equal a prefix.
    let (mut left, mut right) = (0, 0);
    for i in 1..len {
        let mut k = if i < right { z[i - left].min(right - i) } else { 0 };
        while i + k < len && at(k).is_some() && at(k) == at(i + k) {
            k += 1;
        }
        z[i] = k;
        if i + k > right {
            (left, right) = (i, i + k);
        }
    }
    z
}

/// JavaScript's `\s`, which Apache Annotator's word boundaries use: Unicode
/// white space without U+0085, plus U+FEFF. Matching it exactly keeps the
/// quotes identical to those of browser-based annotators.
fn is_whitespace(c: char) -> bool {
    c == '\u{feff}' || (c.is_whitespace() && c != '\u{85}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(minimal_context: bool, min_length: usize) -> DescribePolicy {
        DescribePolicy::Minimal { minimal_context, min_length, max_word_length: DEFAULT_MAX_WORD_LENGTH }
    }

    fn describe_span(text: &str, start: usize, end: usize, policy: DescribePolicy) -> (String, String, String) {
        let q = describe(text, TextPosition { start, end }, policy).unwrap();
        (q.prefix, q.exact, q.suffix)
    }

    fn triple(prefix: &str, exact: &str, suffix: &str) -> (String, String, String) {
        (prefix.into(), exact.into(), suffix.into())
    }

    #[test]
    fn unique_quote_gets_word_completion_only() {
        let text = "Le ministre a démissionné hier.";
        assert_eq!(describe_span(text, 5, 10, DescribePolicy::default()), triple("mi", "nistr", "e"));
        assert_eq!(describe_span(text, 5, 10, minimal(true, 0)), triple("", "nistr", ""));
    }

    #[test]
    fn repeated_quote_is_disambiguated_across_emoji_and_cjk() {
        // "東京" twice; the 😃 and CJK characters are one code point each.
        let text = "😃東京で、😃大阪と東京で";
        assert_eq!(describe_span(text, 9, 11, minimal(true, 0)), triple("と", "東京", ""));
        assert_eq!(describe_span(text, 1, 3, minimal(true, 0)), triple("😃", "東京", ""));
        // Without minimal context the whole run of non-space text is taken.
        assert_eq!(describe_span(text, 1, 3, DescribePolicy::default()), triple("😃", "東京", "で、😃大阪と東京で"));
    }

    #[test]
    fn the_result_always_matches_only_the_target() {
        let text = "a a a a a a a a a a";
        for policy in [minimal(true, 0), minimal(false, 0), minimal(false, 7)] {
            for start in 0..text.len() {
                for end in start..=text.len() {
                    let target = TextPosition { start, end };
                    let quote = describe(text, target, policy).unwrap();
                    assert_eq!(crate::quote_matches(text, &quote), [target], "{policy:?} {target:?} {quote:?}");
                }
            }
        }
    }

    #[test]
    fn fixed_context_clips_at_the_text_ends() {
        let text = "ab😃cdefg";
        assert_eq!(describe_span(text, 2, 3, DescribePolicy::FixedContext(3)), triple("ab", "😃", "cde"));
        assert_eq!(describe_span(text, 0, 8, DescribePolicy::FixedContext(3)), triple("", "ab😃cdefg", ""));
        assert_eq!(describe_span(text, 8, 8, DescribePolicy::FixedContext(0)), triple("", "", ""));
    }

    #[test]
    fn out_of_bounds_targets_are_refused() {
        assert_eq!(describe("abc", TextPosition { start: 1, end: 4 }, DescribePolicy::default()), None);
        assert_eq!(describe("abc", TextPosition { start: 2, end: 1 }, DescribePolicy::FixedContext(2)), None);
    }

    #[test]
    fn z_array_measures_prefixes_shared_across_the_separator() {
        let seq: Vec<Option<char>> = "aab".chars().map(Some).chain([None]).chain("baabaa".chars().map(Some)).collect();
        assert_eq!(z_array(seq.len(), |i| seq[i]), [0, 1, 0, 0, 0, 3, 1, 0, 2, 1]);
    }

    #[test]
    fn repetitive_text_is_described_in_linear_time() {
        // Quadratic work would take minutes here.
        let text = "=".repeat(200_000);
        let target = TextPosition { start: 100_000, end: 100_003 };
        for policy in [minimal(true, 0), minimal(false, 0)] {
            let quote = describe(&text, target, policy).unwrap();
            assert_eq!((quote.prefix.len(), quote.suffix.len()), (100_000, 99_997));
        }
    }

    #[test]
    fn javascript_whitespace_bounds_words() {
        assert!(is_whitespace('\u{feff}') && is_whitespace('\u{a0}') && is_whitespace('\u{3000}'));
        assert!(!is_whitespace('\u{85}') && !is_whitespace('x'));
    }
}
