//! Article language as one code per language: what the source says, normalized to
//! ISO 639-1 (`en-US` → `en`), else whatlang's guess from the body when it is sure.

use whatlang::Lang;

/// Detection reads only the start: enough for a reliable guess. Its cost grows
/// with the sample (about 0.15 ms for 1 KB, twice that for 2 KB).
const DETECTION_SAMPLE_BYTES: usize = 1024;

/// ISO 639-3 code, or an older or bibliographic alias, with its ISO 639-1 code and
/// English name. Covers every language whatlang detects.
const LANGUAGES: &[(&str, &str, &str)] = &[
    ("afr", "af", "afrikaans"),
    ("aka", "ak", "akan"),
    ("amh", "am", "amharic"),
    ("ara", "ar", "arabic"),
    ("arm", "hy", "armenian"),
    ("aze", "az", "azerbaijani"),
    ("bel", "be", "belarusian"),
    ("ben", "bn", "bengali"),
    ("bul", "bg", "bulgarian"),
    ("bur", "my", "burmese"),
    ("cat", "ca", "catalan"),
    ("ces", "cs", "czech"),
    ("chi", "zh", "chinese"),
    ("cmn", "zh", "mandarin"),
    ("cym", "cy", "welsh"),
    ("cze", "cs", "czech"),
    ("dan", "da", "danish"),
    ("deu", "de", "german"),
    ("dut", "nl", "dutch"),
    ("ell", "el", "greek"),
    ("eng", "en", "english"),
    ("epo", "eo", "esperanto"),
    ("est", "et", "estonian"),
    ("fas", "fa", "persian"),
    ("fin", "fi", "finnish"),
    ("fra", "fr", "french"),
    ("fre", "fr", "french"),
    ("geo", "ka", "georgian"),
    ("ger", "de", "german"),
    ("gre", "el", "greek"),
    ("guj", "gu", "gujarati"),
    ("heb", "he", "hebrew"),
    ("hin", "hi", "hindi"),
    ("hrv", "hr", "croatian"),
    ("hun", "hu", "hungarian"),
    ("hye", "hy", "armenian"),
    ("ind", "id", "indonesian"),
    ("ita", "it", "italian"),
    ("jav", "jv", "javanese"),
    ("jpn", "ja", "japanese"),
    ("kan", "kn", "kannada"),
    ("kat", "ka", "georgian"),
    ("khm", "km", "khmer"),
    ("kor", "ko", "korean"),
    ("lat", "la", "latin"),
    ("lav", "lv", "latvian"),
    ("lit", "lt", "lithuanian"),
    ("mac", "mk", "macedonian"),
    ("mal", "ml", "malayalam"),
    ("mar", "mr", "marathi"),
    ("mkd", "mk", "macedonian"),
    ("mya", "my", "burmese"),
    ("nep", "ne", "nepali"),
    ("nld", "nl", "dutch"),
    ("nob", "nb", "norwegian bokmål"),
    ("nor", "no", "norwegian"),
    ("ori", "or", "oriya"),
    ("pan", "pa", "punjabi"),
    ("per", "fa", "persian"),
    ("pes", "fa", "farsi"),
    ("pol", "pl", "polish"),
    ("por", "pt", "portuguese"),
    ("ron", "ro", "romanian"),
    ("rum", "ro", "romanian"),
    ("rus", "ru", "russian"),
    ("sin", "si", "sinhala"),
    ("slk", "sk", "slovak"),
    ("slo", "sk", "slovak"),
    ("slv", "sl", "slovenian"),
    ("sna", "sn", "shona"),
    ("spa", "es", "spanish"),
    ("srp", "sr", "serbian"),
    ("swe", "sv", "swedish"),
    ("tam", "ta", "tamil"),
    ("tel", "te", "telugu"),
    ("tgl", "tl", "tagalog"),
    ("tha", "th", "thai"),
    ("tuk", "tk", "turkmen"),
    ("tur", "tr", "turkish"),
    ("ukr", "uk", "ukrainian"),
    ("urd", "ur", "urdu"),
    ("uzb", "uz", "uzbek"),
    ("vie", "vi", "vietnamese"),
    ("wel", "cy", "welsh"),
    ("yid", "yi", "yiddish"),
    ("zho", "zh", "chinese"),
    ("zul", "zu", "zulu"),
];

/// Retired two-letter codes still written by old software.
const RETIRED_TWO_LETTER: &[(&str, &str)] = &[("in", "id"), ("iw", "he"), ("ji", "yi")];

/// Codes that say "no particular language": better to detect.
const NOT_A_LANGUAGE: &[&str] = &["und", "mul", "zxx", "mis"];

/// The source's language if it names one, else a reliable guess from `body`.
pub(crate) fn resolve(declared: Option<&str>, body: &str) -> Option<String> {
    declared.and_then(normalize).or_else(|| detect(body))
}

/// `en-US`, `EN`, `eng`, `English` → `en`; an unknown three-letter code is kept.
fn normalize(tag: &str) -> Option<String> {
    let tag = tag.trim().to_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return by_name(&tag);
    }
    match primary.len() {
        2 => {
            let retired = RETIRED_TWO_LETTER.iter().find(|(old, _)| *old == primary);
            Some(retired.map_or(primary, |(_, new)| new).to_string())
        }
        3 if NOT_A_LANGUAGE.contains(&primary) => None,
        3 => Some(two_letter(primary).unwrap_or(primary).to_string()),
        _ => by_name(&tag),
    }
}

fn two_letter(three_letter: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(three, _, _)| *three == three_letter).map(|(_, two, _)| *two)
}

fn by_name(name: &str) -> Option<String> {
    LANGUAGES.iter().find(|(_, _, english)| *english == name).map(|(_, two, _)| two.to_string())
}

fn detect(body: &str) -> Option<String> {
    if let Some(code) = crate::stopwords::guess(body) {
        return Some(code.to_string());
    }
    let mut end = body.len().min(DETECTION_SAMPLE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&body[..end]).filter(whatlang::Info::is_reliable)?;
    let lang: Lang = info.lang();
    Some(two_letter(lang.code()).unwrap_or(lang.code()).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_normalized() {
        for (tag, code) in [
            ("en-US", "en"),
            ("EN", "en"),
            ("fr_CA", "fr"),
            ("deu", "de"),
            ("fre", "fr"),
            ("iw", "he"),
            ("English", "en"),
            ("zh-Hans-CN", "zh"),
            ("haw", "haw"),
        ] {
            assert_eq!(normalize(tag).as_deref(), Some(code), "{tag}");
        }
        assert_eq!(normalize("und"), None);
        assert_eq!(normalize("12"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn detects_when_the_source_is_silent() {
        let french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, \
                      qui sera présentée au Parlement avant la fin de l'année.";
        assert_eq!(resolve(None, french).as_deref(), Some("fr"));
        assert_eq!(resolve(Some("und"), french).as_deref(), Some("fr"));
        let arabic = "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد سيقدم إلى البرلمان قبل نهاية العام";
        assert_eq!(resolve(None, arabic).as_deref(), Some("ar"));
        assert_eq!(resolve(Some("de"), french).as_deref(), Some("de"), "the source's word wins");
    }

    #[test]
    fn short_or_ambiguous_text_gets_no_language() {
        assert_eq!(resolve(None, "OK"), None);
        assert_eq!(resolve(None, "12345 678"), None);
    }

    #[test]
    fn every_detectable_language_has_a_code() {
        for lang in Lang::all() {
            assert!(two_letter(lang.code()).is_some(), "{}", lang.code());
        }
    }
}
