//! Lookup keys for names: how "Peskov" finds "  PESKÓV ".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `name` folded for comparison: diacritics removed, lower case, runs of
/// whitespace made one space, trimmed. Stored beside the name in `*_key`
/// columns, so lookups are an index search.
pub fn lookup_key(name: &str) -> String {
    let folded: String = name.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::lookup_key;

    #[test]
    fn folds_case_whitespace_and_diacritics() {
        assert_eq!(lookup_key("  Dmítry \t PESKOV "), "dmitry peskov");
        assert_eq!(lookup_key("Ødegård"), "ødegard", "a letter that is not a base plus a mark stays");
        assert_eq!(lookup_key("أنسلم كريل"), lookup_key("انسلم  كريل"), "Arabic hamza is a mark too");
    }
}
