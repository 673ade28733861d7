//! Linking a source mention ("Kremlin spokesman Dmitry Peskov") to names the
//! caller already knows, so an accepted suggestion can reuse a registry entry.

/// Folds a name for comparison: lower case, letters and digits only, single
/// spaces, and a leading article dropped ("The Kremlin" = "kremlin").
pub fn fold_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for word in name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = folded.strip_prefix(article) {
            return rest.to_string();
        }
    }
    folded
}

/// Known names (and aliases) by id, folded once, matched against mentions.
#[derive(Debug, Clone)]
pub struct NameMatcher<Id> {
    names: Vec<(Id, String)>,
}

impl<Id: Clone> NameMatcher<Id> {
    /// `names` may repeat an id, once per alias.
    pub fn new<'a>(names: impl IntoIterator<Item = (Id, &'a str)>) -> NameMatcher<Id> {
        let names = names.into_iter().map(|(id, n)| (id, fold_name(n))).filter(|(_, n)| !n.is_empty()).collect();
        NameMatcher { names }
    }

    /// The id whose name best matches `mention`: an equal name first, then the
    /// longest name that the mention contains as whole words ("Kremlin
    /// spokesman Dmitry Peskov" contains "Dmitry Peskov"), then a single
    /// known surname-like last word ("Peskov" for "Dmitry Peskov") when no
    /// other name ends with it.
    pub fn find(&self, mention: &str) -> Option<Id> {
        let mention = fold_name(mention);
        if mention.is_empty() {
            return None;
        }
        if let Some((id, _)) = self.names.iter().find(|(_, n)| *n == mention) {
            return Some(id.clone());
        }
        let padded = format!(" {mention} ");
        let contained =
            self.names.iter().filter(|(_, n)| padded.contains(&format!(" {n} "))).max_by_key(|(_, n)| n.len());
        if let Some((id, _)) = contained {
            return Some(id.clone());
        }
        let last = mention.rsplit(' ').next()?;
        let mut ending = self.names.iter().filter(|(_, n)| n.ends_with(&format!(" {last}")));
        match (ending.next(), ending.next()) {
            (Some((id, _)), None) => Some(id.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> NameMatcher<u32> {
        NameMatcher::new([(1, "Dmitry Peskov"), (2, "The Kremlin"), (3, "Agence France-Presse"), (3, "AFP")])
    }

    #[test]
    fn equal_names_match_ignoring_case_articles_and_punctuation() {
        assert_eq!(matcher().find("the kremlin"), Some(2));
        assert_eq!(matcher().find("Agence France Presse"), Some(3));
        assert_eq!(matcher().find("afp"), Some(3));
    }

    #[test]
    fn a_mention_containing_a_known_name_matches_it() {
        assert_eq!(matcher().find("Kremlin spokesman Dmitry Peskov"), Some(1));
        assert_eq!(matcher().find("Peskov"), Some(1), "a surname no other name shares");
        assert_eq!(matcher().find("spokesman Peskov"), Some(1));
    }

    #[test]
    fn unknown_and_ambiguous_mentions_match_nothing() {
        let m = NameMatcher::new([(1, "Ann Lee"), (2, "Bo Lee")]);
        assert_eq!(m.find("Lee"), None);
        assert_eq!(m.find("Mr. Lee"), None);
        assert_eq!(m.find("a senior official"), None);
    }
}
