//! A fast first guess at a text's language from its commonest words.
//!
//! Statistical detection (whatlang) was over half of an import's CPU time.
//! News in the big Latin-script languages is recognised from function words
//! alone in a fraction of that; anything unclear still goes to whatlang.

/// How many words of the text to look at.
const SAMPLE_WORDS: usize = 150;
/// The winner must cover this share of the sampled words…
const MIN_SHARE: f32 = 0.15;
/// …and beat the runner-up by this factor, or the guess is left to whatlang.
const MIN_LEAD: usize = 2;

/// Function words that are frequent in one language and rarer elsewhere.
/// Words shared by several of these languages ("de", "la", "en") are left out.
const LISTS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "for", "was", "said", "with", "on", "it", "as", "by", "at", "from",
            "has", "have", "are", "be", "this", "were", "his", "they", "not", "but", "which", "will", "would",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "et", "est", "une", "dans", "qui", "sur", "au", "pas", "avec", "il", "elle", "ont",
            "été", "sont", "aux", "ce", "cette", "mais", "selon", "plus",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "por", "una", "con", "para", "es", "su", "al", "lo", "como", "más", "pero",
            "fue", "ha", "según", "sus",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "auf", "sich", "dem",
            "im", "für", "auch", "wird", "sind", "hat", "wurde",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "per", "della", "non", "sono", "gli", "nel", "anche", "alla", "dei", "delle", "è", "ha",
            "stato", "questo",
        ],
    ),
    (
        "pt",
        &[
            "os", "da", "do", "das", "dos", "em", "uma", "com", "não", "foi", "mais", "ao", "ele", "ela", "seu", "sua",
            "pelo", "pela",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "van", "dat", "op", "te", "niet", "zijn", "met", "voor", "aan", "ook", "er", "bij", "werd",
            "wordt", "naar",
        ],
    ),
];

/// The language whose function words clearly dominate the start of `text`.
pub(crate) fn guess(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; LISTS.len()];
    let mut words = 0;
    let mut lowered = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS) {
        words += 1;
        lowered.clear();
        lowered.extend(word.chars().flat_map(char::to_lowercase));
        for (count, (_, list)) in counts.iter_mut().zip(LISTS) {
            if list.contains(&lowered.as_str()) {
                *count += 1;
            }
        }
    }
    let (best, &top) = counts.iter().enumerate().max_by_key(|(_, count)| **count)?;
    let runner_up = counts.iter().enumerate().filter(|(i, _)| *i != best).map(|(_, c)| *c).max().unwrap_or(0);
    let clear = top as f32 >= MIN_SHARE * words as f32 && top >= MIN_LEAD * runner_up.max(1);
    clear.then_some(LISTS[best].0)
}

#[cfg(test)]
mod tests {
    use super::guess;

    #[test]
    fn news_prose_is_recognised() {
        let en = "The ministry said on Tuesday that the talks would resume, and that it was not \
                  ready to comment on the report published by the agency.";
        assert_eq!(guess(en), Some("en"));
        let fr = "Le ministère a déclaré mardi que les discussions reprendraient, selon une source \
                  proche du dossier, et que le rapport est incomplet.";
        assert_eq!(guess(fr), Some("fr"));
        let de = "Das Ministerium hat am Dienstag erklärt, dass die Gespräche nicht vor Ende der \
                  Woche fortgesetzt werden, und die Regierung ist auch dagegen.";
        assert_eq!(guess(de), Some("de"));
    }

    #[test]
    fn unclear_text_is_left_to_statistical_detection() {
        assert_eq!(guess(""), None);
        assert_eq!(guess("Kallweit Quorvex Lumora 2024"), None);
        assert_eq!(guess("قال المتحدث باسم الوزارة إن المفاوضات مستمرة"), None);
    }
}
