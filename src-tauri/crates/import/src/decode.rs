//! One way in for every file's bytes: whatever the encoding (BOM, UTF-8, damaged
//! UTF-8, a legacy code page), the formats get a Rust string with `\n` line endings,
//! and the analyst gets a warning whenever the text is not exactly what was stored.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Binary detection looks only at the start: enough to tell, cheap on big files.
const SNIFF_LEN: usize = 8 * 1024;
/// How far into the file a `<meta charset>` or XML prolog may be honoured.
const DECLARATION_LEN: usize = 1024;
/// Fewer invalid sequences than one per this many bytes means "UTF-8 with a few
/// damaged bytes" rather than "some other encoding".
const BYTES_PER_TOLERATED_INVALID: usize = 200;

pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Set when the text had to be guessed or repaired.
    pub warning: Option<String>,
}

/// Decodes a file's bytes. `honour_declared` lets HTML and XML name their own
/// encoding, which only matters when the bytes are not valid UTF-8.
pub(crate) fn decode(bytes: &[u8], honour_declared: bool) -> Result<Decoded<'_>, String> {
    let (text, warning) = to_text(bytes, honour_declared)?;
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(Decoded { text: normalize_line_endings(text), warning })
}

fn to_text(bytes: &[u8], honour_declared: bool) -> Result<(Cow<'_, str>, Option<String>), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == UTF_8 {
            return Ok(lossy_utf8(rest));
        }
        let (text, had_errors) = encoding.decode_without_bom_handling(rest);
        let warning = had_errors.then(|| format!("invalid {} sequences replaced", encoding.name()));
        return Ok((text, warning));
    }
    // Checked before UTF-8 validity: NUL-filled or control-heavy data can be valid
    // UTF-8 and still be no text.
    if looks_binary(bytes) {
        return Err("binary file, not text".to_string());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), None));
    }
    if honour_declared && let Some(encoding) = declared_encoding(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let warning = had_errors
            .then(|| format!("bytes that are not valid {} replaced (encoding declared in the file)", encoding.name()));
        return Ok((text, warning));
    }
    if is_damaged_utf8(bytes) {
        return Ok(lossy_utf8(bytes));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guessed = detector.guess(None, Utf8Detection::Allow);
    if guessed == UTF_8 {
        return Ok(lossy_utf8(bytes));
    }
    let (text, _) = guessed.decode_without_bom_handling(bytes);
    Ok((text, Some(format!("decoded as {} (guessed)", guessed.name()))))
}

fn lossy_utf8(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    let invalid = count_invalid_utf8(bytes);
    let warning = (invalid > 0).then(|| {
        let noun = if invalid == 1 { "sequence" } else { "sequences" };
        format!("{invalid} invalid UTF-8 byte {noun} replaced")
    });
    (String::from_utf8_lossy(bytes), warning)
}

/// UTF-8 with a few bad bytes, rather than a legacy encoding: real multi-byte
/// sequences are present (a legacy file almost never forms one by chance) and the
/// invalid ones are rare.
fn is_damaged_utf8(bytes: &[u8]) -> bool {
    let mut invalid = 0;
    let mut multibyte = false;
    for chunk in bytes.utf8_chunks() {
        multibyte = multibyte || !chunk.valid().is_ascii();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte && invalid * BYTES_PER_TOLERATED_INVALID < bytes.len()
}

fn count_invalid_utf8(bytes: &[u8]) -> usize {
    bytes.utf8_chunks().filter(|chunk| !chunk.invalid().is_empty()).count()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return true;
    }
    let controls =
        sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    controls * 10 > sample.len()
}

/// Finds `charset=` (HTML meta, http-equiv) or `encoding=` (XML prolog) near the
/// start. UTF-8 and UTF-16 labels are ignored: the bytes already failed as UTF-8,
/// and a UTF-16 file without a BOM would have been caught as binary.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_LEN)];
    ["charset=", "encoding="].iter().find_map(|key| {
        let start = find_ascii_case_insensitive(head, key.as_bytes())? + key.len();
        let value = head[start..]
            .iter()
            .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
            .copied()
            .collect::<Vec<u8>>();
        let encoding = Encoding::for_label(&value)?;
        let usable = ![UTF_8, UTF_16LE, UTF_16BE, encoding_rs::REPLACEMENT].contains(&encoding);
        usable.then_some(encoding)
    })
}

fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle))
}

/// `\r\n` and lone `\r` become `\n`.
pub(crate) fn normalize_line_endings(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Option<String>) {
        let decoded = decode(bytes, false).expect("decodes");
        (decoded.text.into_owned(), decoded.warning)
    }

    #[test]
    fn plain_utf8_is_borrowed_and_silent() {
        let decoded = decode("Grüße\n".as_bytes(), false).unwrap();
        assert!(matches!(decoded.text, Cow::Borrowed("Grüße\n")));
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(ok(b"\xEF\xBB\xBFhello"), ("hello".to_string(), None));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "Ça va\r\n".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(ok(&le), ("Ça va\n".to_string(), None));
        assert_eq!(ok(&be), ("Ça va\n".to_string(), None));
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_replaced_with_a_warning() {
        let mut bytes = "é".repeat(300).into_bytes();
        bytes.extend_from_slice(b"\xFF ok \xC3");
        let (text, warning) = ok(&bytes);
        assert!(text.ends_with("\u{FFFD} ok \u{FFFD}"));
        assert_eq!(warning.as_deref(), Some("2 invalid UTF-8 byte sequences replaced"));
    }

    #[test]
    fn rare_high_bytes_without_utf8_are_legacy_not_damage() {
        let mut bytes = b"A plain ASCII report about the shop on the corner. ".repeat(30);
        bytes.extend_from_slice(b"Its caf\xE9 closes.");
        let (text, warning) = ok(&bytes);
        assert!(text.contains("café") && !text.contains('\u{FFFD}'));
        assert_eq!(warning.as_deref(), Some("decoded as windows-1252 (guessed)"));
    }

    #[test]
    fn legacy_encoding_is_guessed() {
        // "Le café coûte très cher à Noël" in windows-1252: many lone high bytes.
        let bytes = b"Le caf\xE9 co\xFBte tr\xE8s cher \xE0 No\xEBl, d\xE9j\xE0 l'\xE9t\xE9 pass\xE9.";
        let (text, warning) = ok(bytes);
        assert_eq!(text, "Le café coûte très cher à Noël, déjà l'été passé.");
        assert_eq!(warning.as_deref(), Some("decoded as windows-1252 (guessed)"));
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let bytes = b"<html><head><meta charset=\"koi8-r\"></head><body>\xF0\xD2\xC9\xD7\xC5\xD4</body></html>";
        let decoded = decode(bytes, true).unwrap();
        assert!(decoded.text.contains("Привет"), "{}", decoded.text);
        assert_eq!(decoded.warning, None);
        let prolog = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>caf\xE9</rss>";
        assert!(decode(prolog, true).unwrap().text.contains("café"));
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00", false).err().as_deref(), Some("binary file, not text"));
        assert_eq!(decode(b"\x01\x02\x03\x04abc", false).err().as_deref(), Some("binary file, not text"));
        assert_eq!(decode(b"", false).err().as_deref(), Some("empty file"));
        assert_eq!(decode(b" \n\t\r\n", false).err().as_deref(), Some("empty file"));
        assert_eq!(decode(b"\xEF\xBB\xBF\n", false).err().as_deref(), Some("empty file"));
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(ok(b"a\r\nb\rc\n\r\nd").0, "a\nb\nc\n\nd");
    }
}
