//! Tokens, sentences and quotations of a text, all measured in code points,
//! because every span the crate hands out must index the text exactly as the
//! caller gave it.

use crate::Span;

/// One word, number or punctuation mark.
#[derive(Debug, Clone)]
pub struct Token {
    pub span: Span,
    /// Lower-cased text, so lexicon look-ups need no allocation later.
    pub lower: String,
    pub is_word: bool,
    /// Whether the first character is upper case (names, sentence starts).
    pub capitalized: bool,
    /// Whether a line break separates this token from the previous one:
    /// news paragraphs end there even without punctuation.
    pub newline_before: bool,
}

/// A tokenized text with its sentences and quotations.
#[derive(Debug)]
pub struct Analysed {
    pub tokens: Vec<Token>,
    /// Half-open token ranges.
    pub sentences: Vec<(usize, usize)>,
    /// Token index of each opening and closing double quote mark that were
    /// paired; an unclosed quotation ends at the end of its paragraph.
    pub quotes: Vec<(usize, usize)>,
}

pub fn analyse(text: &str) -> Analysed {
    let tokens = tokenize(text);
    let quotes = quotations(&tokens);
    let sentences = sentences(&tokens, &quotes);
    Analysed { tokens, sentences, quotes }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that may sit inside a word when letters follow: apostrophes
/// ("don't", "Peskov’s"), hyphens ("state-run"), and the points and commas
/// of abbreviations and numbers ("U.S", "1,200").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',' | '&')
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    let mut newline = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            newline |= c == '\n' || c == '\u{2029}';
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            i += 1;
            while i < chars.len() {
                if is_word_char(chars[i]) {
                    i += 1;
                } else if is_joiner(chars[i])
                    && i + 1 < chars.len()
                    && is_word_char(chars[i + 1])
                    // A comma joins digits only ("1,200"), never words.
                    && (chars[i] != ',' || (chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()))
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if (c == '\'' || c == '`') && chars.get(i + 1) == Some(&c) {
            // Doubled marks stand for double quotes in some archives (``…'').
            i += 2;
        } else {
            i += 1;
        }
        let lower: String = chars[start..i].iter().flat_map(|c| c.to_lowercase()).collect();
        tokens.push(Token {
            span: Span { start, end: i },
            lower,
            is_word: is_word_char(c),
            capitalized: c.is_uppercase(),
            newline_before: newline,
        });
        newline = false;
    }
    tokens
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "prof", "u.s",
    "u.n", "u.k", "e.u", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
    "dec", "d.c", "a.m", "p.m", "mt", "ft", "pres", "rev", "hon", "messrs", "e.g", "i.e", "etc", "al",
];

/// A straight mark closes only where the pairing says so; curly ones say it themselves.
fn is_closing_quote(tokens: &[Token], quotes: &[(usize, usize)], i: usize) -> bool {
    match tokens[i].lower.as_str() {
        "”" | "’" | "»" => true,
        "\"" | "''" | "'" => quotes.iter().any(|&(o, c)| c == i && o < c),
        _ => false,
    }
}

/// Tokens after which a sentence is cut even without punctuation.
const MAX_SENTENCE_TOKENS: usize = 300;

/// Splits at terminal punctuation (with any closing quote marks after it)
/// and at line breaks. Abbreviations and initials do not split.
fn sentences(tokens: &[Token], quotes: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // A line break ends a sentence; so does sheer length: no sentence a
        // person wrote runs this long, and the finder's work per sentence
        // grows faster than its length (a text of one endless line must not
        // take minutes).
        if i > start && (tokens[i].newline_before || i - start >= MAX_SENTENCE_TOKENS) {
            out.push((start, i));
            start = i;
        }
        let t = &tokens[i];
        let terminal = matches!(t.lower.as_str(), "." | "!" | "?" | "…");
        if terminal {
            let prev = i.checked_sub(1).map(|p| &tokens[p]);
            let abbreviation = t.lower == "."
                && prev.is_some_and(|p| {
                    p.is_word
                        && p.span.end == t.span.start
                        && (ABBREVIATIONS.contains(&p.lower.as_str())
                            || (p.span.end - p.span.start == 1 && p.capitalized))
                });
            let mut end = i + 1;
            while end < tokens.len() && !tokens[end].newline_before && is_closing_quote(tokens, quotes, end) {
                end += 1;
            }
            let next_starts = tokens.get(end).is_none_or(|n| {
                // "(R-Wis.)", "Inc., said": closing punctuation stays in the sentence.
                if !n.newline_before && matches!(n.lower.as_str(), ")" | "]" | "," | ";" | ":") {
                    return false;
                }
                n.newline_before
                    || n.capitalized
                    || !n.is_word
                    || n.lower.chars().next().is_some_and(|c| c.is_numeric())
            });
            if !abbreviation && next_starts {
                out.push((start, end));
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// Pairs double quote marks. Curly marks say which way they face; a straight
/// mark closes an open quotation or opens a new one. Quotations never cross a
/// paragraph: a quotation left open (the newspaper convention for quotes
/// running over several paragraphs) ends with its paragraph.
fn quotations(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.newline_before
            && let Some(o) = open.take()
        {
            out.push((o, i - 1));
        }
        match t.lower.as_str() {
            "“" | "«" | "„" | "``" => {
                if let Some(o) = open.take() {
                    out.push((o, i - 1));
                }
                open = Some(i);
            }
            "”" | "»" => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            "\"" | "''" => match open.take() {
                Some(o) => out.push((o, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((o, tokens.len() - 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_numbers_and_contractions_whole() {
        assert_eq!(words("U.S. aid, 1,200 don’t"), ["u.s", ".", "aid", ",", "1,200", "don’t"]);
    }

    #[test]
    fn sentences_end_after_closing_quotes_not_after_titles() {
        let a = analyse("Mr. Lee spoke. “It is over.” He left.\nNew line");
        let firsts: Vec<&str> = a.sentences.iter().map(|&(s, _)| a.tokens[s].lower.as_str()).collect();
        assert_eq!(firsts, ["mr", "“", "he", "new"]);
    }

    #[test]
    fn a_straight_quote_opening_the_next_sentence_stays_with_it() {
        let a = analyse("He left. \"We stay,\" she said.");
        let firsts: Vec<&str> = a.sentences.iter().map(|&(s, _)| a.tokens[s].lower.as_str()).collect();
        assert_eq!(firsts, ["he", "\""]);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        let a = analyse("“One. Two.\n“Three,” she said.");
        assert_eq!(a.quotes.len(), 2);
        assert_eq!(a.tokens[a.quotes[0].1].lower, ".");
        assert_eq!(a.tokens[a.quotes[1].1].lower, "”");
    }

    #[test]
    fn doubled_apostrophes_quote_like_double_marks() {
        let a = analyse("''We won,'' he said. It's ``fine''.");
        assert_eq!(a.quotes.len(), 2);
        assert_eq!(a.tokens[a.quotes[0].1].lower, "''");
        assert_eq!(a.tokens[a.quotes[1].0].lower, "``");
    }
}
