//! Approximate anchoring, for quotes whose text was edited after they were
//! taken: find every place where `exact` is within a bounded number of edits,
//! then rank those places by their context and by where the quote used to be.
//!
//! Search: exact occurrences first (the standard library's substring search);
//! only when there are none, Myers' bit-parallel search (see `myers`) for the
//! alignments of `exact` with the fewest edits, at most half of `exact`'s
//! length and never more than [`MAX_EDITS`]. Each such alignment is reported
//! by its end; its start is found by aligning the reversed quote backwards
//! from that end, taking the longest span with the same number of edits (so
//! "some years later" finds "Many years later", not "years later").
//!
//! Ranking, among the spans with the fewest edits: the smallest sum of the
//! prefix's and the suffix's edit distances to the text just before and just
//! after the span (each compared on its [`CONTEXT_COMPARED`] code points
//! nearest the quote), then the start nearest the hint, then the length
//! nearest `exact`'s, then the earliest start.
//!
//! Bounds, for a text of n code points and a quote of m: the search costs
//! O(n · ⌈k/64⌉) word operations for k allowed edits (at most 5 words per
//! character) where the text is not close to the quote, and O(n · ⌈m/64⌉)
//! at worst, in text that is close to the quote everywhere; quotes longer than
//! [`MAX_QUOTE`] are therefore only matched exactly, which caps the worst case
//! at 64 words per character. Ranking costs about m · ⌈m/64⌉ word operations
//! per candidate; when a highly repetitive text offers more equally close
//! candidates than [`RANKING_BUDGET`] pays for, only those nearest the hint
//! (the first ones, without a hint) are ranked.

use crate::myers::{Pattern, Start};
use crate::quote::code_point_occurrences;
use crate::{TextPosition, TextQuote};

/// The most edits a match may need, whatever the quote's length. It bounds
/// the bit-parallel search to ⌈256/64⌉ + 1 words per text character; a quote
/// rewritten more than that is not the same quote any more. (Hypothesis's
/// client uses the same cap.)
const MAX_EDITS: usize = 256;

/// The longest quote, in code points, matched approximately: 64 machine
/// words per text character at worst. A longer quote is most of an article,
/// not a claim.
const MAX_QUOTE: usize = 4096;

/// Code points of the prefix (its end) and suffix (its start) compared with
/// the text around a candidate: the context nearest the quote says the most,
/// and the bound keeps ranking thousands of candidates cheap.
const CONTEXT_COMPARED: usize = 64;

/// Word operations spent on ranking candidates, at most: tens of
/// milliseconds.
const RANKING_BUDGET: usize = 10_000_000;

/// The fixed cost of ranking one candidate (allocations, bookkeeping), in the
/// same unit.
const CANDIDATE_OVERHEAD: usize = 100;

/// The best approximate match of `quote.exact` in `text`, or `None` when
/// nothing is within about half of `exact`'s length in edits (or `exact` is
/// empty). `hint_start` is where the quote is expected to start, in code
/// points; it only breaks ties that the context leaves.
pub fn fuzzy_match(text: &str, quote: &TextQuote, hint_start: Option<usize>) -> Option<TextPosition> {
    best_match(text, quote, hint_start).map(|found| found.position)
}

/// A match and the number of edits between its text and the quote's `exact`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FuzzyMatch {
    pub(crate) position: TextPosition,
    pub(crate) edits: usize,
}

/// [`fuzzy_match`], also telling how many edits the match needed.
pub(crate) fn best_match(text: &str, quote: &TextQuote, hint_start: Option<usize>) -> Option<FuzzyMatch> {
    let exact: Vec<char> = quote.exact.chars().collect();
    if exact.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let context = Context::new(quote);
    let search = Search { text, chars: &chars, exact_str: &quote.exact, exact: &exact, hint_start };
    let (edits, candidates) = search.closest_spans(context.len())?;
    let position = candidates.into_iter().min_by_key(|&span| {
        (
            context.distance(&chars, span),
            hint_start.map_or(0, |hint| hint.abs_diff(span.start)),
            (span.end - span.start).abs_diff(exact.len()),
            span.start,
        )
    })?;
    Some(FuzzyMatch { position, edits })
}

/// One search for `exact` in `text` (held both as a string, for the exact
/// search, and as code points, for the approximate one).
struct Search<'a> {
    text: &'a str,
    chars: &'a [char],
    exact_str: &'a str,
    exact: &'a [char],
    hint_start: Option<usize>,
}

impl Search<'_> {
    /// The spans closest to `exact` and their number of edits; at most as many
    /// as the ranking budget pays for, given `context_len` code points of
    /// context to compare for each.
    fn closest_spans(&self, context_len: usize) -> Option<(usize, Vec<TextPosition>)> {
        let len = self.exact.len();
        let starts: Vec<usize> = code_point_occurrences(self.text, self.exact_str).collect();
        if !starts.is_empty() {
            let starts = keep_nearest(starts, most_ranked(0, context_len), self.hint_start);
            return Some((0, starts.into_iter().map(|start| TextPosition { start, end: start + len }).collect()));
        }
        let max_edits = (len / 2).min(MAX_EDITS);
        if max_edits == 0 || len > MAX_QUOTE {
            return None;
        }
        let found = Pattern::new(self.exact)?.best_ends(self.chars.iter().copied(), max_edits, Start::Free)?;
        // Start finding costs about this much per end.
        let per_end = (len + found.edits) * len.div_ceil(64);
        let ends = keep_nearest(found.ends, most_ranked(per_end, context_len), self.hint_start.map(|h| h + len));
        let reversed: Vec<char> = self.exact.iter().rev().copied().collect();
        let backward = Pattern::new(&reversed)?;
        let spans = ends
            .into_iter()
            .filter_map(|end| {
                // No alignment with `found.edits` edits is longer than this.
                let window = &self.chars[end.saturating_sub(len + found.edits)..end];
                let back = backward.best_ends(window.iter().rev().copied(), found.edits, Start::Anchored)?;
                // The search guarantees an alignment with `found.edits` edits
                // ends here, so `back` exists; its last end is the longest span.
                let span_len = *back.ends.last()?;
                Some(TextPosition { start: end - span_len, end })
            })
            .collect();
        Some((found.edits, spans))
    }
}

/// How many candidates the ranking budget pays for, at `cost` each plus the
/// context comparisons.
fn most_ranked(cost: usize, context_len: usize) -> usize {
    (RANKING_BUDGET / (cost + 2 * context_len + CANDIDATE_OVERHEAD)).max(1)
}

/// At most `most` of `offsets`: those nearest `target`, or the first ones.
fn keep_nearest(mut offsets: Vec<usize>, most: usize, target: Option<usize>) -> Vec<usize> {
    if offsets.len() > most {
        if let Some(target) = target {
            offsets.sort_by_key(|&offset| (offset.abs_diff(target), offset));
        }
        offsets.truncate(most);
    }
    offsets
}

/// The quote's prefix and suffix, compiled for comparing with the text
/// around each candidate.
struct Context {
    /// The prefix's last code points, reversed: it is aligned backwards from
    /// a candidate's start.
    prefix: Option<Pattern>,
    /// The suffix's first code points, aligned forwards from a candidate's end.
    suffix: Option<Pattern>,
}

impl Context {
    fn new(quote: &TextQuote) -> Self {
        let prefix: Vec<char> = quote.prefix.chars().rev().take(CONTEXT_COMPARED).collect();
        let suffix: Vec<char> = quote.suffix.chars().take(CONTEXT_COMPARED).collect();
        Context { prefix: Pattern::new(&prefix), suffix: Pattern::new(&suffix) }
    }

    /// Code points of context compared.
    fn len(&self) -> usize {
        [&self.prefix, &self.suffix].iter().filter_map(|side| side.as_ref()).map(Pattern::len).sum()
    }

    /// Edits between the prefix and the text ending at `span.start`, plus
    /// edits between the suffix and the text starting at `span.end`. Each
    /// context is anchored at the quote and free at its far end, so a context
    /// cut short by the text's start or end counts the missing characters.
    fn distance(&self, chars: &[char], span: TextPosition) -> usize {
        let before = chars[..span.start].iter().rev().copied();
        let after = chars[span.end..].iter().copied();
        anchored_distance(self.prefix.as_ref(), before) + anchored_distance(self.suffix.as_ref(), after)
    }
}

/// The fewest edits turning `context` into some prefix of `text` (0 for an
/// empty context). Text prefixes longer than twice the context cannot do
/// better than the empty one, so only that far is read.
fn anchored_distance(context: Option<&Pattern>, text: impl Iterator<Item = char>) -> usize {
    let Some(context) = context else { return 0 };
    let len = context.len();
    let best = context.best_ends(text.take(2 * len), len, Start::Anchored);
    best.map_or(len, |found| found.edits.min(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(prefix: &str, exact: &str, suffix: &str) -> TextQuote {
        TextQuote { exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    fn found(text: &str, quote: &TextQuote, hint: Option<usize>) -> Option<(usize, String, usize)> {
        let m = best_match(text, quote, hint)?;
        let s: String = text.chars().skip(m.position.start).take(m.position.end - m.position.start).collect();
        Some((m.position.start, s, m.edits))
    }

    const SOLITUDE: &str = "Many years later, as he faced the firing squad, Colonel Aureliano \
        Buendía was to remember that distant afternoon when his father took him to discover ice";

    #[test]
    fn prefers_the_longest_span_with_the_fewest_edits() {
        assert_eq!(found(SOLITUDE, &q("", "some years later", ""), None), Some((0, "Many years later".into(), 4)));
        assert_eq!(found(SOLITUDE, &q("", "discover ice", ""), None).map(|f| f.2), Some(0));
    }

    #[test]
    fn context_decides_between_equally_close_places() {
        let text = "we had everything before us, we had nothing before us";
        assert_eq!(found(text, &q("we had every-thing ", "before us", ""), None).unwrap().0, 18);
        assert_eq!(found(text, &q("we had nout ", "before us", ""), None).unwrap().0, 44);
        assert_eq!(found(text, &q("", "we had", " nutting"), None).unwrap().0, 29);
        assert_eq!(found(text, &q("", "we had", " ever ting"), None).unwrap().0, 0);
    }

    #[test]
    fn hint_breaks_ties_and_earliest_wins_without_one() {
        let text = "we had everything before us, we had nothing before us";
        assert_eq!(found(text, &q("", "befor us", ""), Some(44)).unwrap().0, 44);
        assert_eq!(found(text, &q("", "befor us", ""), Some(32)).unwrap().0, 44);
        assert_eq!(found(text, &q("", "befor us", ""), Some(20)).unwrap().0, 18);
        assert_eq!(found(text, &q("", "befor us", ""), None).unwrap().0, 18);
    }

    #[test]
    fn fewer_edits_beat_better_context() {
        let text = "the minister said so. Later the ministers said no.";
        let quote = q("", "the ministers said", " so.");
        assert_eq!(found(text, &quote, None), Some((28, "the ministers said".into(), 0)));
    }

    #[test]
    fn nothing_close_enough_and_empty_inputs_give_none() {
        assert_eq!(found(SOLITUDE, &q("", "It was the best of times, it was the worst of times", ""), None), None);
        assert_eq!(found("foobar", &q("", "", ""), None), None);
        assert_eq!(found("", &q("", "foobar", ""), None), None);
        // Half of 3 rounds down to 1 edit: "cat" is not "dog".
        assert_eq!(found("a dog", &q("", "cat", ""), None), None);
        assert_eq!(found("a cot", &q("", "cat", ""), None), Some((2, "cot".into(), 1)));
    }

    #[test]
    fn offsets_and_edits_count_code_points() {
        let text = "Der Bürgermeister 😃 sagte: «中文 والعربية»";
        assert_eq!(
            found(text, &q("", "Burgermeister 😃 sagte", ""), None),
            Some((4, "Bürgermeister 😃 sagte".into(), 1))
        );
        assert_eq!(found(text, &q("", "中文 والعربيه", ""), None), Some((28, "中文 والعربية".into(), 1)));
    }

    #[test]
    fn context_cut_short_by_the_text_edge_still_matches() {
        let text = "Some document text";
        assert_eq!(found(text, &q("", "text", "missing"), None).unwrap().0, 14);
        assert_eq!(found(text, &q("It used to be ", "Some", ""), None).unwrap().0, 0);
    }

    #[test]
    fn long_quotes_beyond_one_machine_word_match_after_edits() {
        let sentence = "The committee published its final report on Tuesday after eighteen months of hearings, \
            and the chair said the findings would be sent to prosecutors.";
        let edited = sentence.replace("Tuesday", "Wednesday").replace("eighteen", "18").replace("chair", "chairwoman");
        let text = format!("Intro paragraph. {edited} Closing paragraph.");
        let m = best_match(&text, &q("", sentence, ""), None).unwrap();
        assert_eq!(m.position.start, 17);
        assert_eq!(m.position.end, 17 + edited.chars().count());
    }

    #[test]
    fn quotes_longer_than_the_bound_are_only_matched_exactly() {
        let long: String = (0..MAX_QUOTE + 1).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let text = format!("xx {long} yy");
        assert_eq!(found(&text, &q("", &long, ""), None).map(|f| (f.0, f.2)), Some((3, 0)));
        let edited = long.replacen('q', "Q", 1);
        assert_eq!(found(&text, &q("", &edited, ""), None), None);
    }

    #[test]
    fn repetitive_text_ranks_only_the_candidates_nearest_the_hint() {
        assert_eq!(keep_nearest(vec![1, 5, 9, 14], 2, Some(10)), [9, 14]);
        assert_eq!(keep_nearest(vec![1, 5, 9, 14], 2, None), [1, 5]);
        assert_eq!(keep_nearest(vec![1, 5], 2, Some(10)), [1, 5]);
        // A megabyte of one letter: every end is equally close to the quote.
        let text = "a".repeat(1_000_000);
        let quote = q("", "aaaaaaaab", "");
        assert_eq!(found(&text, &quote, Some(500_000)).map(|f| (f.0, f.2)), Some((500_000, 1)));
    }
}
