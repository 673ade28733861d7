//! The duplicate key: the same article re-saved with other line breaks, spacing,
//! letter case or Unicode composition must hash the same.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Hex BLAKE3 of the normalized title and body: NFC, lowercased, whitespace runs
/// collapsed to one space, trimmed.
pub fn content_hash(title: &str, body: &str) -> String {
    let mut buffer = String::with_capacity(title.len() + body.len() + 1);
    push_normalized(title, &mut buffer);
    // Normalized text holds no newline, so this separator keeps "a b" + "c"
    // apart from "a" + "b c".
    buffer.push('\n');
    push_normalized(body, &mut buffer);
    blake3::hash(buffer.as_bytes()).to_hex().to_string()
}

fn push_normalized(text: &str, out: &mut String) {
    // Most text is already NFC (all ASCII is): check before paying for a copy.
    let composed: Cow<'_, str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        IsNormalized::No | IsNormalized::Maybe => Cow::Owned(text.nfc().collect()),
    };
    let start = out.len();
    for word in composed.split_whitespace() {
        if out.len() > start {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reformatted_copies_hash_alike() {
        let a = content_hash("Storm Hits Coast", "Winds of 120 km/h.\n\nRoads closed.");
        let b = content_hash("  storm hits   coast ", "winds of 120 km/h. roads\r\nclosed.\n");
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn composition_does_not_matter() {
        assert_eq!(content_hash("Café", "x"), content_hash("Cafe\u{301}", "x"));
    }

    #[test]
    fn title_and_body_are_kept_apart() {
        assert_ne!(content_hash("a b", "c"), content_hash("a", "b c"));
        assert_ne!(content_hash("Storm", "Roads closed."), content_hash("Storm", "Roads open."));
    }
}
