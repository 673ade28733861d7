//! Selectors count code points while Rust slices strings by bytes: every
//! conversion between the two lives here, so no other module does the
//! arithmetic by hand (and gets it wrong on emoji, CJK or combining marks).

use crate::TextPosition;

/// The byte offset where code point `index` starts; `index` may be the number
/// of code points (the end of the text). `None` past the end.
pub(crate) fn byte_offset(text: &str, index: usize) -> Option<usize> {
    text.char_indices().map(|(byte, _)| byte).chain(std::iter::once(text.len())).nth(index)
}

/// The byte range of `pos`, or `None` when it is reversed or past the end.
pub(crate) fn byte_range(text: &str, pos: TextPosition) -> Option<std::ops::Range<usize>> {
    if pos.start > pos.end {
        return None;
    }
    let start = byte_offset(text, pos.start)?;
    let len = byte_offset(&text[start..], pos.end - pos.start)?;
    Some(start..start + len)
}

/// Turns increasing byte offsets into code point offsets in one pass, so a
/// list of matches costs one walk over the text, not one walk per match.
pub(crate) struct ByteToCodePoint<'a> {
    text: &'a str,
    byte: usize,
    code_point: usize,
}

impl<'a> ByteToCodePoint<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        ByteToCodePoint { text, byte: 0, code_point: 0 }
    }

    /// The code point offset of `byte`, a char boundary not before the last
    /// one asked for.
    pub(crate) fn code_point(&mut self, byte: usize) -> usize {
        self.code_point += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.code_point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // "é" is two code points here (e + U+0301), the emoji is one code point of
    // four bytes, the CJK and Arabic letters three and two bytes.
    const MIXED: &str = "e\u{301}😃中ع!";

    #[test]
    fn byte_offsets_follow_code_points() {
        let offsets: Vec<_> = (0..=7).map(|i| byte_offset(MIXED, i)).collect();
        assert_eq!(offsets, [Some(0), Some(1), Some(3), Some(7), Some(10), Some(12), Some(13), None]);
    }

    #[test]
    fn byte_range_rejects_reversed_and_out_of_bounds_spans() {
        assert_eq!(byte_range(MIXED, TextPosition { start: 2, end: 4 }), Some(3..10));
        assert_eq!(byte_range(MIXED, TextPosition { start: 6, end: 6 }), Some(13..13));
        assert_eq!(byte_range(MIXED, TextPosition { start: 3, end: 2 }), None);
        assert_eq!(byte_range(MIXED, TextPosition { start: 5, end: 7 }), None);
        assert_eq!(byte_range("", TextPosition { start: 0, end: 0 }), Some(0..0));
    }

    #[test]
    fn cursor_counts_code_points_between_increasing_bytes() {
        let mut cursor = ByteToCodePoint::new(MIXED);
        assert_eq!(cursor.code_point(0), 0);
        assert_eq!(cursor.code_point(7), 3);
        assert_eq!(cursor.code_point(7), 3);
        assert_eq!(cursor.code_point(13), 6);
    }
}
