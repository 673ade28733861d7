//! Myers' bit-parallel edit distance (G. Myers, "A fast bit-vector algorithm
//! for approximate string matching based on dynamic programming", J. ACM 46(3),
//! 1999), in its blocked form with Ukkonen's cut-off.
//!
//! It computes the same dynamic-programming table as the textbook algorithm
//! (Sellers' approximate substring search, or Levenshtein when anchored), but
//! 64 pattern rows at a time in one machine word, and only the blocks of rows
//! that can still hold a value within the error bound. For a text of `n` code
//! points and a bound of `k` edits that is O(n · ⌈k/64⌉) word operations,
//! whatever the pattern's length. Patterns and texts are sequences of `char`,
//! so one edit is one code point.

/// Rows of the table held in one word.
const WORD: usize = 64;

/// Where an alignment may begin in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Start {
    /// Anywhere: approximate substring search (row 0 of the table is all 0).
    Free,
    /// At the first character of the text: edit distance between the pattern
    /// and a prefix of the text (row 0 counts skipped text characters).
    Anchored,
}

/// The best alignments found by [`Pattern::best_ends`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BestEnds {
    /// The fewest edits of any alignment.
    pub(crate) edits: usize,
    /// Exclusive end offsets (code points consumed from the text) of every
    /// alignment with `edits` edits, in increasing order.
    pub(crate) ends: Vec<usize>,
}

/// A pattern compiled to per-character match masks.
pub(crate) struct Pattern {
    len: usize,
    blocks: usize,
    /// Slot of each ASCII character's masks (0: not in the pattern).
    ascii: [u32; 128],
    /// Slots of the other characters, sorted for binary search.
    others: Vec<(char, u32)>,
    /// `blocks` words per slot; slot 0 is all zero.
    masks: Vec<u64>,
}

impl Pattern {
    /// Compiles `pattern`; `None` when it is empty (no table to compute).
    pub(crate) fn new(pattern: &[char]) -> Option<Self> {
        if pattern.is_empty() {
            return None;
        }
        let blocks = pattern.len().div_ceil(WORD);
        let mut compiled =
            Pattern { len: pattern.len(), blocks, ascii: [0; 128], others: Vec::new(), masks: vec![0; blocks] };
        for (row, &c) in pattern.iter().enumerate() {
            let slot = match compiled.slot(c) {
                0 => compiled.add_slot(c),
                slot => slot,
            };
            compiled.masks[slot * blocks + row / WORD] |= 1 << (row % WORD);
        }
        Some(compiled)
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn slot(&self, c: char) -> usize {
        match usize::try_from(u32::from(c)) {
            Ok(code) if code < 128 => self.ascii[code] as usize,
            _ => self.others.binary_search_by_key(&c, |&(other, _)| other).map_or(0, |at| self.others[at].1 as usize),
        }
    }

    fn add_slot(&mut self, c: char) -> usize {
        let slot = self.masks.len() / self.blocks;
        let tag = u32::try_from(slot).expect("a pattern has fewer distinct characters than u32::MAX");
        self.masks.resize(self.masks.len() + self.blocks, 0);
        match usize::try_from(u32::from(c)) {
            Ok(code) if code < 128 => self.ascii[code] = tag,
            _ => {
                let at = self.others.partition_point(|&(other, _)| other < c);
                self.others.insert(at, (c, tag));
            }
        }
        slot
    }

    fn masks(&self, c: char) -> &[u64] {
        let slot = self.slot(c);
        &self.masks[slot * self.blocks..(slot + 1) * self.blocks]
    }

    /// Rows of the pattern in `block` (64, or fewer in the last block).
    fn block_rows(&self, block: usize) -> usize {
        (self.len - block * WORD).min(WORD)
    }

    /// The alignments of the whole pattern against `text` with the fewest
    /// edits, if that is at most `max_edits`. With [`Start::Free`] an
    /// alignment is a substring of the text, with [`Start::Anchored`] a prefix
    /// of it; the empty prefix (0 code points consumed) is not reported.
    pub(crate) fn best_ends(
        &self,
        text: impl IntoIterator<Item = char>,
        max_edits: usize,
        start: Start,
    ) -> Option<BestEnds> {
        // Beyond `len` edits every alignment qualifies; capping keeps the
        // block arithmetic below within the pattern.
        let mut bound = max_edits.min(self.len);
        let last = self.blocks - 1;
        // Vertical deltas of each block (+1 / -1 bits) and the table's value
        // in each block's last row, for the current text column.
        let mut plus = vec![!0u64; self.blocks];
        let mut minus = vec![0u64; self.blocks];
        let mut score: Vec<usize> = (0..self.blocks).map(|b| b * WORD + self.block_rows(b)).collect();
        // Blocks 0..=active are computed; the rows below them hold more than
        // `bound` edits (Ukkonen's cut-off). Before any text, row i holds i
        // edits, so the blocks holding rows 1..=bound start active.
        let mut active = bound.div_ceil(WORD).saturating_sub(1);
        let top = match start {
            Start::Free => 0,
            Start::Anchored => 1,
        };
        let mut best: Option<BestEnds> = None;
        for (column, c) in text.into_iter().enumerate() {
            let eq = self.masks(c);
            let mut carry = top;
            for b in 0..=active {
                carry = advance(&mut plus[b], &mut minus[b], eq[b], carry, self.last_row_bit(b));
                score[b] = add(score[b], carry);
            }
            let previous = add(score[active], -carry);
            if previous <= bound && active < last && (eq[active + 1] & 1 != 0 || carry < 0) {
                // The next block's first row may come within the bound: start
                // computing it, from the assumption that it was all above the
                // bound (each row one more than the row above).
                active += 1;
                plus[active] = !0;
                minus[active] = 0;
                let out = advance(&mut plus[active], &mut minus[active], eq[active], carry, self.last_row_bit(active));
                score[active] = add(previous + self.block_rows(active), out);
            } else {
                while active > 0 && score[active] >= bound + WORD {
                    active -= 1;
                }
            }
            if active == last && score[last] <= bound {
                let end = column + 1;
                match &mut best {
                    Some(found) if found.edits == score[last] => found.ends.push(end),
                    _ => best = Some(BestEnds { edits: score[last], ends: vec![end] }),
                }
                // Only the fewest edits are wanted: tighten the bound.
                bound = score[last];
            }
        }
        best
    }

    fn last_row_bit(&self, block: usize) -> u64 {
        1 << (self.block_rows(block) - 1)
    }
}

fn add(value: usize, delta: i32) -> usize {
    value.checked_add_signed(delta as isize).expect("table values stay non-negative")
}

/// One column step for one block of 64 rows (Myers 1999, fig. 8): updates the
/// block's vertical deltas from the text character's match mask `eq` and the
/// horizontal delta `h_in` entering its first row; returns the horizontal
/// delta leaving its last row (`last` marks that row's bit).
fn advance(plus: &mut u64, minus: &mut u64, eq: u64, h_in: i32, last: u64) -> i32 {
    let (pv, mv) = (*plus, *minus);
    let h_in_negative = u64::from(h_in < 0);
    let eq = eq | h_in_negative;
    let xv = eq | mv;
    let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
    let mut ph = mv | !(xh | pv);
    let mut mh = pv & xh;
    let h_out = i32::from(ph & last != 0) - i32::from(mh & last != 0);
    ph = (ph << 1) | u64::from(h_in > 0);
    mh = (mh << 1) | h_in_negative;
    *plus = mh | !(xv | ph);
    *minus = ph & xv;
    h_out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The textbook table, for checking the bit-parallel one.
    fn naive(pattern: &[char], text: &[char], max_edits: usize, start: Start) -> Option<BestEnds> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut all = Vec::new();
        for (j, &c) in text.iter().enumerate() {
            let mut next = vec![if start == Start::Free { 0 } else { j + 1 }];
            for (i, &p) in pattern.iter().enumerate() {
                let substitute = column[i] + usize::from(p != c);
                next.push(substitute.min(column[i + 1] + 1).min(next[i] + 1));
            }
            all.push((j + 1, next[pattern.len()]));
            column = next;
        }
        let edits = all.iter().map(|&(_, e)| e).min().filter(|&e| e <= max_edits)?;
        let ends = all.iter().filter(|&&(_, e)| e == edits).map(|&(end, _)| end).collect();
        Some(BestEnds { edits, ends })
    }

    /// A small deterministic generator, so failures reproduce.
    pub(crate) struct Lcg(pub(crate) u64);

    impl Lcg {
        pub(crate) fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_substring_alignments_with_fewest_edits() {
        let p = Pattern::new(&chars("bliind")).unwrap();
        let found = p.best_ends("three blind mice".chars(), 3, Start::Free).unwrap();
        assert_eq!(found, BestEnds { edits: 1, ends: vec![11] });
        let p = Pattern::new(&chars("thrae")).unwrap();
        let found = p.best_ends("three blind mice".chars(), 2, Start::Free).unwrap();
        assert_eq!(found, BestEnds { edits: 1, ends: vec![4, 5] });
        assert_eq!(Pattern::new(&chars("foouur")).unwrap().best_ends("four candles".chars(), 1, Start::Free), None);
    }

    #[test]
    fn one_edit_is_one_code_point() {
        let p = Pattern::new(&chars("smile")).unwrap();
        let found = p.best_ends("sm😊le".chars(), 2, Start::Free).unwrap();
        assert_eq!(found, BestEnds { edits: 1, ends: vec![5] });
    }

    #[test]
    fn anchored_alignment_is_edit_distance_to_a_text_prefix() {
        let p = Pattern::new(&chars("kitten")).unwrap();
        let found = p.best_ends("sitting".chars(), 6, Start::Anchored).unwrap();
        assert_eq!(found, BestEnds { edits: 2, ends: vec![6] });
    }

    #[test]
    fn matches_the_textbook_table_on_random_inputs() {
        let mut rng = Lcg(7);
        let alphabet = chars("ab c😃é");
        for round in 0..3000 {
            // Long patterns cross block boundaries, including exact multiples of 64.
            let len = match round % 4 {
                0 => 1 + rng.below(8),
                1 => 60 + rng.below(10),
                2 => 128,
                _ => 1 + rng.below(200),
            };
            let pattern: Vec<char> = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            // Texts made of edited copies of the pattern, so good matches exist.
            let mut text: Vec<char> = (0..rng.below(40)).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            for _ in 0..1 + rng.below(3) {
                for &c in &pattern {
                    match rng.below(12) {
                        0 => {}
                        1 => text.push(alphabet[rng.below(alphabet.len())]),
                        2 => text.extend([c, alphabet[rng.below(alphabet.len())]]),
                        _ => text.push(c),
                    }
                }
            }
            let max_edits = rng.below(len + 3);
            let compiled = Pattern::new(&pattern).unwrap();
            for start in [Start::Free, Start::Anchored] {
                assert_eq!(
                    compiled.best_ends(text.iter().copied(), max_edits, start),
                    naive(&pattern, &text, max_edits, start),
                    "round {round}, {start:?}, k={max_edits}, pattern {pattern:?}, text {text:?}"
                );
            }
        }
    }
}
