//! The parser of Claimdesk's query language (see `docs/query-language.md`).
//!
//! We parse our own small language instead of handing the text to Tantivy's
//! query parser for two reasons: analysts need errors that say exactly what is
//! wrong and where (Tantivy's parser is either lenient or vague), and the rest
//! of the application must not depend on Tantivy's types. The output is a plain
//! [`Query`] tree; turning it into a Tantivy query is someone else's job.
//!
//! A hand-written tokenizer feeds a recursive-descent parser. Positions are
//! counted in Unicode code points because that is what the UI can highlight.

use std::fmt;
use std::ops::Bound;

use claimdesk_domain::Timestamp;

/// The fields a filter such as `title:word` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Body,
    Outlet,
    Author,
    Language,
    Published,
    /// Articles with a claim this source made or relayed (by name or alias).
    Source,
    /// Articles tagged so, or with a claim tagged so.
    Tag,
}

impl Field {
    /// Field names are matched without regard to case, so `Title:x` works too.
    fn from_name(name: &str) -> Option<Field> {
        match name.to_lowercase().as_str() {
            "title" => Some(Field::Title),
            "body" => Some(Field::Body),
            "outlet" => Some(Field::Outlet),
            "author" => Some(Field::Author),
            "lang" | "language" => Some(Field::Language),
            "published" | "date" => Some(Field::Published),
            "source" => Some(Field::Source),
            "tag" => Some(Field::Tag),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// The empty query: every article.
    All,
    /// `field: None` means the default fields (title and body).
    Term {
        field: Option<Field>,
        text: String,
    },
    Prefix {
        field: Option<Field>,
        prefix: String,
    },
    /// `text` is exactly what was between the quotes.
    Phrase {
        field: Option<Field>,
        text: String,
    },
    DateRange {
        from: Bound<Timestamp>,
        to: Bound<Timestamp>,
    },
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
}

/// What is wrong with a query and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    /// Offset in code points (0 = the first character) of the offending token.
    pub position: usize,
}

impl fmt::Display for SyntaxError {
    /// Humans count characters from 1, so the text says `position + 1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.position + 1)
    }
}

impl std::error::Error for SyntaxError {}

fn error<T>(position: usize, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError { message: message.into(), position })
}

/// Parses a query. Empty or blank input means [`Query::All`].
pub fn parse(input: &str) -> Result<Query, SyntaxError> {
    let tokens = tokenize(input)?;
    if tokens.is_empty() {
        return Ok(Query::All);
    }
    let mut parser = Parser { tokens, next: 0, depth: 0 };
    let query = parser.parse_or()?;
    // `parse_or` stops only at the end or at a `)`, so anything left is a stray `)`.
    match parser.peek() {
        None => Ok(query),
        Some(token) => error(token.start, "this ) has no matching ("),
    }
}

// ---------------------------------------------------------------- tokenizer

#[derive(Debug, Clone)]
enum Tok {
    Word(String),
    Phrase(String),
    /// `name` is kept as typed so messages can quote it (`date:` rather than `published:`).
    Field {
        field: Field,
        name: String,
    },
    Minus,
    And,
    Or,
    Not,
    To,
    LParen,
    RParen,
    /// `[` (inclusive) or `{` (exclusive).
    Open {
        inclusive: bool,
    },
    /// `]` (inclusive) or `}` (exclusive).
    Close {
        inclusive: bool,
    },
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Code-point offsets, `end` exclusive; adjacency (`-word`, `title:x`) is `end == next.start`.
    start: usize,
    end: usize,
}

fn is_word_boundary(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '(' | ')' | '[' | ']' | '{' | '}')
}

fn tokenize(input: &str) -> Result<Vec<Token>, SyntaxError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let tok = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' | ')' | '[' | ']' | '{' | '}' | '-' => {
                i += 1;
                match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    '[' => Tok::Open { inclusive: true },
                    '{' => Tok::Open { inclusive: false },
                    ']' => Tok::Close { inclusive: true },
                    '}' => Tok::Close { inclusive: false },
                    _ => Tok::Minus,
                }
            }
            '"' => {
                let Some(length) = chars[start + 1..].iter().position(|&c| c == '"') else {
                    return error(start, "unclosed quote: add the closing \"");
                };
                let text: String = chars[start + 1..start + 1 + length].iter().collect();
                if text.trim().is_empty() {
                    return error(start, "empty phrase: put words between the quotes");
                }
                i = start + length + 2;
                Tok::Phrase(text)
            }
            _ => {
                // In `outlet:a:b` the value is `a:b`; reading `a` as a field name would be wrong.
                let is_value = matches!(
                    tokens.last(),
                    Some(Token { tok: Tok::Field { .. }, end, .. }) if *end == start
                );
                let (tok, end) = read_word(&chars, start, !is_value)?;
                i = end;
                tok
            }
        };
        tokens.push(Token { tok, start, end: i });
    }
    Ok(tokens)
}

/// Reads a word starting at `start`, or (if `may_be_field`) a field name when the
/// word so far is a known field followed by a colon. Returns the token and its end.
fn read_word(chars: &[char], start: usize, may_be_field: bool) -> Result<(Tok, usize), SyntaxError> {
    let mut i = start;
    // Only a letters-only word before a colon can be a field name; tracking this
    // as we go keeps `1:2:3:…` linear instead of re-reading the word at each colon.
    let mut letters_only = may_be_field;
    while let Some(&c) = chars.get(i) {
        if is_word_boundary(c) {
            break;
        }
        if c == ':' && letters_only && i > start {
            let name: String = chars[start..i].iter().collect();
            if let Some(field) = Field::from_name(&name) {
                return Ok((Tok::Field { field, name }, i + 1));
            }
            // `http://…` is a link someone pasted, not a misspelt field.
            let is_url = chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/');
            if !is_url {
                return error(
                    start,
                    format!(
                        "unknown field \"{name}\" — fields are title, body, outlet, author, lang, published, source, tag"
                    ),
                );
            }
        }
        letters_only &= c.is_alphabetic();
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    let tok = match text.as_str() {
        "AND" => Tok::And,
        "OR" => Tok::Or,
        "NOT" => Tok::Not,
        "TO" => Tok::To,
        _ => Tok::Word(text),
    };
    Ok((tok, i))
}

// ------------------------------------------------------------------- parser

/// Deeper nesting than this is certainly a mistake, and the limit keeps a
/// pasted `((((…` from overflowing the stack.
const MAX_DEPTH: usize = 100;

struct Parser {
    tokens: Vec<Token>,
    next: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn bump(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    /// After a binary or unary operator: something that can start a term must follow.
    fn require_operand(&self, op_start: usize, message: &str) -> Result<(), SyntaxError> {
        match self.peek().map(|t| &t.tok) {
            None | Some(Tok::RParen | Tok::And | Tok::Or) => error(op_start, message),
            Some(_) => Ok(()),
        }
    }

    fn nested(
        &mut self,
        position: usize,
        parse: impl FnOnce(&mut Self) -> Result<Query, SyntaxError>,
    ) -> Result<Query, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return error(position, "the query is nested too deeply");
        }
        self.depth += 1;
        let result = parse(self);
        self.depth -= 1;
        result
    }

    /// or := and (OR and)*
    fn parse_or(&mut self) -> Result<Query, SyntaxError> {
        let mut items = vec![self.parse_and()?];
        while let Some(start) = self.peek().filter(|t| matches!(t.tok, Tok::Or)).map(|t| t.start) {
            self.next += 1;
            self.require_operand(start, "OR needs a term on both sides")?;
            items.push(self.parse_and()?);
        }
        Ok(combine(items, true))
    }

    /// and := term ((AND)? term)*  — juxtaposition is an implicit AND.
    fn parse_and(&mut self) -> Result<Query, SyntaxError> {
        let mut items = vec![self.parse_term()?];
        loop {
            match self.peek() {
                None => break,
                Some(token) => match token.tok {
                    Tok::Or | Tok::RParen => break,
                    Tok::And => {
                        let start = token.start;
                        self.next += 1;
                        self.require_operand(start, "AND needs a term on both sides")?;
                    }
                    _ => {}
                },
            }
            items.push(self.parse_term()?);
        }
        Ok(combine(items, false))
    }

    /// term := NOT term | -term | word | "phrase" | field:value | ( or )
    fn parse_term(&mut self) -> Result<Query, SyntaxError> {
        let Some(token) = self.bump() else {
            let end = self.tokens.last().map_or(0, |t| t.end);
            return error(end, "the query ends too early");
        };
        let start = token.start;
        match token.tok {
            Tok::Word(text) => word_query(None, &text, start),
            Tok::Phrase(text) => Ok(Query::Phrase { field: None, text }),
            Tok::Field { field, name } => self.parse_field_value(field, &name, start, token.end),
            Tok::Not => {
                self.require_operand(start, "NOT needs a term after it")?;
                let inner = self.nested(start, Self::parse_term)?;
                Ok(Query::Not(Box::new(inner)))
            }
            Tok::Minus => {
                // `- word` (with a space) is far more likely a stray dash than a negation.
                let follows = self.peek().filter(|next| next.start == token.end);
                if !matches!(
                    follows.map(|t| &t.tok),
                    Some(Tok::Word(_) | Tok::Phrase(_) | Tok::Field { .. } | Tok::LParen)
                ) {
                    return error(
                        start,
                        "- must be directly followed by what to exclude, as in -word or -\"a phrase\"",
                    );
                }
                let inner = self.nested(start, Self::parse_term)?;
                Ok(Query::Not(Box::new(inner)))
            }
            Tok::LParen => {
                match self.peek().map(|t| &t.tok) {
                    None => return error(start, UNCLOSED_PAREN),
                    Some(Tok::RParen) => return error(start, "empty parentheses"),
                    Some(_) => {}
                }
                let inner = self.nested(start, Self::parse_or)?;
                // `parse_or` stops only at `)` or at the end.
                match self.bump() {
                    Some(Token { tok: Tok::RParen, .. }) => Ok(inner),
                    _ => error(start, UNCLOSED_PAREN),
                }
            }
            Tok::RParen => error(start, "this ) has no matching ("),
            Tok::Or => error(start, "OR needs a term on both sides"),
            Tok::And => error(start, "AND needs a term on both sides"),
            Tok::To => error(start, "TO belongs inside a date range, as in published:[2016 TO 2017]"),
            Tok::Open { .. } => error(start, "date ranges need a field in front, as in published:[2016 TO 2017]"),
            Tok::Close { .. } => error(start, "this bracket closes a range that was never opened"),
        }
    }

    fn parse_field_value(&mut self, field: Field, name: &str, start: usize, end: usize) -> Result<Query, SyntaxError> {
        let missing = || error(start, format!("{name}: needs a value right after the colon, as in {name}:word"));
        let Some(value) = self.peek().filter(|t| t.start == end).cloned() else {
            return missing();
        };
        if field == Field::Published {
            self.next += 1;
            return match value.tok {
                Tok::Open { inclusive } => self.parse_range(inclusive, value.start),
                Tok::Word(text) => match parse_date(&text) {
                    Some(DateSpec::Period { start, next }) => {
                        Ok(Query::DateRange { from: Bound::Included(start), to: Bound::Excluded(next) })
                    }
                    _ => error(value.start, not_a_date(&text)),
                },
                _ => error(
                    value.start,
                    format!("{name}: takes a date (2016, 2016-03, 2016-03-05) or a range like [2016 TO 2017]"),
                ),
            };
        }
        match value.tok {
            Tok::Word(text) => {
                self.next += 1;
                word_query(Some(field), &text, value.start)
            }
            Tok::Phrase(text) => {
                self.next += 1;
                Ok(Query::Phrase { field: Some(field), text })
            }
            Tok::Minus => error(start, format!("put the - in front of the field: -{name}:word")),
            Tok::LParen => error(
                value.start,
                format!("{name}: takes one word, \"phrase\" or prefix*; for several words write {name}:a {name}:b"),
            ),
            Tok::Open { .. } => error(value.start, "date ranges only work on published:"),
            _ => missing(),
        }
    }

    /// range := ( "[" | "{" ) bound TO bound ( "]" | "}" ), the opening bracket already read.
    fn parse_range(&mut self, from_inclusive: bool, open: usize) -> Result<Query, SyntaxError> {
        let unclosed = || error(open, "unclosed range: end it with ] or }");

        let Some(first) = self.bump() else {
            return unclosed();
        };
        let Tok::Word(first_text) = first.tok else {
            return error(first.start, "a date range needs a start date (or *) before TO");
        };

        let Some(to) = self.bump() else {
            return unclosed();
        };
        match &to.tok {
            Tok::To => {}
            Tok::Word(word) if word.eq_ignore_ascii_case("to") => {
                return error(to.start, "write TO in capitals between the two dates");
            }
            _ => return error(to.start, "expected TO between the two dates of the range"),
        }

        let Some(second) = self.bump() else {
            return unclosed();
        };
        let Tok::Word(second_text) = second.tok else {
            return error(to.start, "the range needs an end date after TO (or * for no end)");
        };

        let Some(close) = self.bump() else {
            return unclosed();
        };
        let Tok::Close { inclusive: to_inclusive } = close.tok else {
            return error(
                close.start,
                format!("expected ] or }} to close the range started at character {}", open + 1),
            );
        };

        let from = range_bound(&first_text, first.start, from_inclusive, true)?;
        let to = range_bound(&second_text, second.start, to_inclusive, false)?;
        let empty = match (&from, &to) {
            (Bound::Included(a), Bound::Included(b)) => a > b,
            (Bound::Included(a) | Bound::Excluded(a), Bound::Included(b) | Bound::Excluded(b)) => a >= b,
            _ => false,
        };
        if empty {
            return error(first.start, "the range is empty: its start is not before its end");
        }
        Ok(Query::DateRange { from, to })
    }
}

const UNCLOSED_PAREN: &str = "unclosed (: add the closing )";

/// Joins terms, flattening nested nodes of the same kind and unwrapping a single term.
fn combine(items: Vec<Query>, or: bool) -> Query {
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Query::Or(inner) if or => flat.extend(inner),
            Query::And(inner) if !or => flat.extend(inner),
            other => flat.push(other),
        }
    }
    match <[Query; 1]>::try_from(flat) {
        Ok([single]) => single,
        Err(flat) if or => Query::Or(flat),
        Err(flat) => Query::And(flat),
    }
}

/// A bare word: a term, or a prefix when it ends with `*`.
fn word_query(field: Option<Field>, text: &str, start: usize) -> Result<Query, SyntaxError> {
    let length = text.chars().count();
    let Some(star) = text.chars().position(|c| c == '*') else {
        return Ok(Query::Term { field, text: text.to_string() });
    };
    // A `*` elsewhere would be a wildcard we do not support; silently searching
    // for the literal word would hide that from the analyst.
    if star + 1 != length {
        return error(start + star, "* only works at the end of a word, as in negotiat*");
    }
    if star < 2 {
        return error(start, "prefix too short: put at least 2 characters before *");
    }
    Ok(Query::Prefix { field, prefix: text.chars().take(star).collect() })
}

fn not_a_date(text: &str) -> String {
    format!("not a date: \"{text}\" — use YYYY, YYYY-MM or YYYY-MM-DD")
}

/// A date as written: a calendar period (year, month or day) or an exact instant.
enum DateSpec {
    /// `[start, next)`: `2016` is 2016-01-01 up to 2017-01-01.
    Period {
        start: Timestamp,
        next: Timestamp,
    },
    Instant(Timestamp),
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` as periods, RFC 3339 as an instant.
fn parse_date(text: &str) -> Option<DateSpec> {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let number = |part: &str| part.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if digits(y, 4) => {
            let year = i32::try_from(number(y)?).ok()?;
            Some(DateSpec::Period {
                start: Timestamp::from_date(year, 1, 1)?,
                next: Timestamp::from_date(year + 1, 1, 1)?,
            })
        }
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let (year, month) = (i32::try_from(number(y)?).ok()?, number(m)?);
            let next = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
            Some(DateSpec::Period {
                start: Timestamp::from_date(year, month, 1)?,
                next: Timestamp::from_date(next.0, next.1, 1)?,
            })
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let start = Timestamp::from_date(i32::try_from(number(y)?).ok()?, number(m)?, number(d)?)?;
            Some(DateSpec::Period { start, next: Timestamp(start.seconds() + 86_400) })
        }
        // Only a full date-time has colons; this keeps `Timestamp::parse`'s own,
        // laxer date format out of the way.
        _ if text.contains(':') => Timestamp::parse(text).map(DateSpec::Instant),
        _ => None,
    }
}

/// One end of a range. A period counts as a whole: `[2016 TO 2016]` is all of
/// 2016, `{2016 TO …` starts after 2016, `… TO 2017}` stops before 2017 begins.
fn range_bound(text: &str, position: usize, inclusive: bool, lower: bool) -> Result<Bound<Timestamp>, SyntaxError> {
    if text == "*" {
        return Ok(Bound::Unbounded);
    }
    let Some(date) = parse_date(text) else {
        return error(position, not_a_date(text));
    };
    Ok(match (date, lower, inclusive) {
        (DateSpec::Period { start, .. }, true, true) => Bound::Included(start),
        (DateSpec::Period { next, .. }, true, false) => Bound::Included(next),
        (DateSpec::Period { next, .. }, false, true) => Bound::Excluded(next),
        (DateSpec::Period { start, .. }, false, false) => Bound::Excluded(start),
        (DateSpec::Instant(t), _, true) => Bound::Included(t),
        (DateSpec::Instant(t), _, false) => Bound::Excluded(t),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Bound::{Excluded, Included, Unbounded};
    use Field::*;

    fn q(input: &str) -> Query {
        parse(input).unwrap_or_else(|e| panic!("{input:?} should parse, got: {e}"))
    }

    /// Asserts `input` fails with a message containing `fragment` at code point `position`.
    fn fails(input: &str, fragment: &str, position: usize) {
        match parse(input) {
            Ok(query) => panic!("{input:?} should fail, got {query:?}"),
            Err(e) => {
                assert!(e.message.contains(fragment), "{input:?}: {:?} lacks {fragment:?}", e.message);
                assert_eq!(e.position, position, "{input:?}: {e}");
            }
        }
    }

    fn t(text: &str) -> Query {
        Query::Term { field: None, text: text.into() }
    }
    fn ft(field: Field, text: &str) -> Query {
        Query::Term { field: Some(field), text: text.into() }
    }
    fn phrase(field: Option<Field>, text: &str) -> Query {
        Query::Phrase { field, text: text.into() }
    }
    fn prefix(field: Option<Field>, text: &str) -> Query {
        Query::Prefix { field, prefix: text.into() }
    }
    fn not(query: Query) -> Query {
        Query::Not(Box::new(query))
    }
    fn day(y: i32, m: u32, d: u32) -> Timestamp {
        Timestamp::from_date(y, m, d).unwrap()
    }
    fn range(from: Bound<Timestamp>, to: Bound<Timestamp>) -> Query {
        Query::DateRange { from, to }
    }

    #[test]
    fn empty_query_matches_all() {
        assert_eq!(q(""), Query::All);
        assert_eq!(q(" \t\n "), Query::All);
    }

    #[test]
    fn words_are_anded() {
        assert_eq!(q("ceasefire"), t("ceasefire"));
        assert_eq!(q("ceasefire talks"), Query::And(vec![t("ceasefire"), t("talks")]));
        assert_eq!(q("ceasefire AND talks"), q("ceasefire talks"));
    }

    #[test]
    fn or_and_precedence() {
        assert_eq!(q("ceasefire OR truce"), Query::Or(vec![t("ceasefire"), t("truce")]));
        assert_eq!(q("a b OR c"), Query::Or(vec![Query::And(vec![t("a"), t("b")]), t("c")]));
        assert_eq!(q("a OR b c"), Query::Or(vec![t("a"), Query::And(vec![t("b"), t("c")])]));
        assert_eq!(q("a AND b OR c AND d"), q("(a b) OR (c d)"));
        assert_eq!(q("NOT a b"), Query::And(vec![not(t("a")), t("b")]));
        assert_eq!(q("NOT a OR b"), Query::Or(vec![not(t("a")), t("b")]));
    }

    #[test]
    fn operators_are_uppercase_only() {
        assert_eq!(q("war and peace"), Query::And(vec![t("war"), t("and"), t("peace")]));
        assert_eq!(q("this or that not"), Query::And(vec![t("this"), t("or"), t("that"), t("not")]));
        assert_eq!(q("Or"), t("Or"));
    }

    #[test]
    fn groups_and_flattening() {
        assert_eq!(q("(a OR b) c"), Query::And(vec![Query::Or(vec![t("a"), t("b")]), t("c")]));
        assert_eq!(q("(a b) c"), Query::And(vec![t("a"), t("b"), t("c")]));
        assert_eq!(q("a OR (b OR c)"), Query::Or(vec![t("a"), t("b"), t("c")]));
        assert_eq!(q("((a))"), t("a"));
        assert_eq!(q("(a)(b)"), Query::And(vec![t("a"), t("b")]));
    }

    #[test]
    fn negation() {
        assert_eq!(q("-sport"), not(t("sport")));
        assert_eq!(q("a -\"a phrase\""), Query::And(vec![t("a"), not(phrase(None, "a phrase"))]));
        assert_eq!(q("-title:x"), not(ft(Title, "x")));
        assert_eq!(q("NOT word"), not(t("word")));
        assert_eq!(q("NOT (a OR b)"), not(Query::Or(vec![t("a"), t("b")])));
        assert_eq!(q("-(a b)"), not(Query::And(vec![t("a"), t("b")])));
        assert_eq!(q("NOT NOT a"), not(not(t("a"))));
    }

    #[test]
    fn dashes_inside_words_are_not_negation() {
        assert_eq!(q("al-Assad"), t("al-Assad"));
        assert_eq!(q("a-"), t("a-"));
    }

    #[test]
    fn phrases() {
        assert_eq!(q("\"senior official\""), phrase(None, "senior official"));
        assert_eq!(q("\" spaced  out \""), phrase(None, " spaced  out "));
        assert_eq!(q("\"a (b) OR c:d\""), phrase(None, "a (b) OR c:d"));
        assert_eq!(q("x\"y z\""), Query::And(vec![t("x"), phrase(None, "y z")]));
    }

    #[test]
    fn prefixes() {
        assert_eq!(q("negotiat*"), prefix(None, "negotiat"));
        assert_eq!(q("ab*"), prefix(None, "ab"));
        assert_eq!(q("title:negot*"), prefix(Some(Title), "negot"));
        assert_eq!(q("مفاو*"), prefix(None, "مفاو"));
    }

    #[test]
    fn field_filters() {
        assert_eq!(q("title:word"), ft(Title, "word"));
        assert_eq!(q("body:word"), ft(Body, "word"));
        assert_eq!(q("title:\"a phrase\""), phrase(Some(Title), "a phrase"));
        assert_eq!(q("outlet:\"Harbour Times\""), phrase(Some(Outlet), "Harbour Times"));
        assert_eq!(q("outlet:Reuters"), ft(Outlet, "Reuters"));
        assert_eq!(q("author:\"Jane Doe\""), phrase(Some(Author), "Jane Doe"));
        assert_eq!(q("lang:ar"), ft(Language, "ar"));
        assert_eq!(q("language:AR"), ft(Language, "AR"));
        assert_eq!(q("Title:x"), ft(Title, "x"));
        assert_eq!(
            q("a title:b OR lang:fr"),
            Query::Or(vec![Query::And(vec![t("a"), ft(Title, "b")]), ft(Language, "fr")])
        );
    }

    #[test]
    fn colons_in_ordinary_words() {
        assert_eq!(q("10:30"), t("10:30"));
        assert_eq!(q("http://example.com/a:b"), t("http://example.com/a:b"));
        assert_eq!(q(":x"), t(":x"));
        assert_eq!(q("title:10:30"), ft(Title, "10:30"));
        assert_eq!(q("outlet:reuters:world"), ft(Outlet, "reuters:world"));
        assert_eq!(q("title:body:x"), ft(Title, "body:x"));
    }

    #[test]
    fn date_shorthands() {
        assert_eq!(q("published:2016"), range(Included(day(2016, 1, 1)), Excluded(day(2017, 1, 1))));
        assert_eq!(q("published:2016-03"), range(Included(day(2016, 3, 1)), Excluded(day(2016, 4, 1))));
        assert_eq!(q("date:2016-12"), range(Included(day(2016, 12, 1)), Excluded(day(2017, 1, 1))));
        assert_eq!(q("published:2016-03-05"), range(Included(day(2016, 3, 5)), Excluded(day(2016, 3, 6))));
        assert_eq!(q("published:2016-02-29"), range(Included(day(2016, 2, 29)), Excluded(day(2016, 3, 1))));
    }

    #[test]
    fn date_ranges() {
        let (jan1, jul1) = (day(2016, 1, 1), day(2016, 7, 1));
        assert_eq!(q("published:[2016-01-01 TO 2016-06-30]"), range(Included(jan1), Excluded(jul1)));
        assert_eq!(q("published:[2016-01-01 TO 2017-01-01}"), range(Included(jan1), Excluded(day(2017, 1, 1))));
        assert_eq!(q("published:{2016-01-01 TO 2016-07-01}"), range(Included(day(2016, 1, 2)), Excluded(jul1)));
        assert_eq!(q("published:[2016 TO 2017]"), range(Included(jan1), Excluded(day(2018, 1, 1))));
        assert_eq!(q("published:[2016 TO 2016]"), q("published:2016"));
        assert_eq!(q("published:[2020-01-01 TO *]"), range(Included(day(2020, 1, 1)), Unbounded));
        assert_eq!(q("date:[* TO 2016}"), range(Unbounded, Excluded(jan1)));
        assert_eq!(q("published:[* TO *]"), range(Unbounded, Unbounded));
    }

    #[test]
    fn rfc3339_bounds_are_instants() {
        let noon = Timestamp(day(2016, 3, 5).seconds() + 12 * 3600);
        assert_eq!(q("published:[2016-03-05T12:00:00Z TO *]"), range(Included(noon), Unbounded));
        assert_eq!(
            q("published:{2016-03-05T13:00:00+01:00 TO 2016-03-05T12:00:01Z]"),
            range(Excluded(noon), Included(Timestamp(noon.seconds() + 1)))
        );
    }

    #[test]
    fn ranges_combine_with_other_terms() {
        let r = q("published:2016");
        assert_eq!(
            q("ceasefire published:2016 -lang:en"),
            Query::And(vec![t("ceasefire"), r.clone(), not(ft(Language, "en"))])
        );
        assert_eq!(q("(published:2016)"), r);
    }

    #[test]
    fn unicode_words() {
        assert_eq!(q("وقف إطلاق"), Query::And(vec![t("وقف"), t("إطلاق")]));
        assert_eq!(q("停火 😀"), Query::And(vec![t("停火"), t("😀")]));
        assert_eq!(q("title:\"停火 协议\""), phrase(Some(Title), "停火 协议"));
    }

    #[test]
    fn quote_errors() {
        fails("a \"unclosed", "unclosed quote", 2);
        fails("\"\"", "empty phrase", 0);
        fails("x \"  \"", "empty phrase", 2);
    }

    #[test]
    fn parenthesis_errors() {
        fails("(a OR b", "unclosed (", 0);
        fails("a (", "unclosed (", 2);
        fails("a)", "has no matching (", 1);
        fails(")", "has no matching (", 0);
        fails("a () b", "empty parentheses", 2);
    }

    #[test]
    fn operator_errors() {
        fails("OR a", "OR needs a term on both sides", 0);
        fails("a OR", "OR needs a term on both sides", 2);
        fails("a OR OR b", "OR needs a term on both sides", 2);
        fails("(a OR) b", "OR needs a term on both sides", 3);
        fails("AND a", "AND needs a term on both sides", 0);
        fails("a AND", "AND needs a term on both sides", 2);
        fails("a AND OR b", "AND needs a term on both sides", 2);
        fails("a NOT", "NOT needs a term after it", 2);
        fails("NOT OR a", "NOT needs a term after it", 0);
        fails("a TO b", "TO belongs inside a date range", 2);
    }

    #[test]
    fn minus_errors() {
        fails("-", "- must be directly followed", 0);
        fails("a - b", "- must be directly followed", 2);
        fails("--a", "- must be directly followed", 0);
        fails("-NOT a", "- must be directly followed", 0);
        fails("(a -)", "- must be directly followed", 3);
    }

    #[test]
    fn star_errors() {
        fails("*", "prefix too short", 0);
        fails("a*", "prefix too short", 0);
        fails("x title:n*", "prefix too short", 8);
        fails("ne*go", "* only works at the end of a word", 2);
        fails("*ab", "* only works at the end of a word", 0);
        fails("ab**", "* only works at the end of a word", 2);
    }

    #[test]
    fn field_errors() {
        fails("title:", "title: needs a value right after the colon", 0);
        fails("a title: b", "title: needs a value", 2);
        fails("title:OR", "title: needs a value", 0);
        fails("title:-x", "put the - in front of the field: -title:word", 0);
        fails("title:(a b)", "for several words write title:a title:b", 6);
        fails("title:[2016 TO 2017]", "date ranges only work on published:", 6);
        fails(
            "foo:bar",
            "unknown field \"foo\" — fields are title, body, outlet, author, lang, published, source, tag",
            0,
        );
        fails("x mailto:y", "unknown field \"mailto\"", 2);
        fails("[2016 TO 2017]", "date ranges need a field in front", 0);
        fails("a]", "closes a range that was never opened", 1);
    }

    #[test]
    fn date_errors() {
        fails("published:word", "not a date: \"word\" — use YYYY, YYYY-MM or YYYY-MM-DD", 10);
        fails("published:2016-13", "not a date: \"2016-13\"", 10);
        fails("published:2016-02-30", "not a date", 10);
        fails("published:16", "not a date", 10);
        fails("published:2016-3-5", "not a date", 10);
        fails("published:2016-03-05T10:00:00Z", "not a date", 10);
        fails("published:\"2016\"", "published: takes a date", 10);
        fails("date:2016*", "not a date: \"2016*\"", 5);
        fails("published:", "published: needs a value", 0);
    }

    #[test]
    fn range_errors() {
        fails("published:[2016-01-01 TO]", "needs an end date after TO", 22);
        fails("published:[notadate TO 2017]", "not a date: \"notadate\" — use YYYY, YYYY-MM or YYYY-MM-DD", 11);
        fails("published:[2016 TO nope]", "not a date: \"nope\"", 19);
        fails("published:[2017 TO 2016]", "the range is empty", 11);
        fails("published:{2016 TO 2016}", "the range is empty", 11);
        fails("published:[2016-03-05 TO 2016-03-05}", "the range is empty", 11);
        fails("published:[2016 to 2017]", "write TO in capitals", 16);
        fails("published:[2016 2017]", "expected TO", 16);
        fails("published:[TO 2017]", "needs a start date", 11);
        fails("published:[2016 TO 2017", "unclosed range", 10);
        fails("published:[2016 TO 2017 x]", "expected ] or } to close the range", 24);
        fails("body:[2016 TO 2017]", "date ranges only work on published:", 5);
    }

    #[test]
    fn positions_count_code_points() {
        fails("😀 停火 foo:bar", "unknown field", 5);
        fails("وقف \"إطلاق", "unclosed quote", 4);
        fails("😀😀 (a", "unclosed (", 3);
        fails("停火 published:[2016 TO 😀]", "not a date: \"😀\"", 22);
        let e = parse("😀 OR").unwrap_err();
        assert_eq!(e.to_string(), "OR needs a term on both sides (at character 3)");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        fails(&"(".repeat(100_000), "nested too deeply", MAX_DEPTH);
        fails(&format!("{}x", "NOT ".repeat(10_000)), "nested too deeply", 4 * MAX_DEPTH);
        assert_eq!(q(&format!("{}x{}", "(".repeat(50), ")".repeat(50))), t("x"));
    }

    #[test]
    fn examples_in_the_user_docs_parse() {
        let docs = include_str!("../../../../docs/query-language.md");
        // In the tables, every `code` span is an example query, except the field names.
        let rows = docs.lines().filter(|line| line.starts_with('|'));
        let examples: Vec<&str> = rows.flat_map(|row| row.split('`').skip(1).step_by(2)).collect();
        assert!(examples.len() > 20, "{examples:?}");
        for example in examples.into_iter().filter(|e| !e.ends_with(':')) {
            assert!(parse(example).is_ok(), "{example:?}: {:?}", parse(example));
        }
    }

    #[test]
    fn never_panics_on_noise() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "a", "bc", "ceasefire", "title:", "outlet:", "published:", "date:", "foo:", "http://x",
            "10:30", "[", "]", "{", "}", "(", ")", "\"", "-", "*", ":", " ", " ", "\t", "AND", "OR",
            "NOT", "TO", "2016", "2016-03", "2016-03-05", "2016-03-05T12:00:00Z", "é", "停火", "😀",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut parsed = 0;
        for _ in 0..2_000 {
            let count = next() % 12 + 1;
            let input: String = (0..count).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            match parse(&input) {
                Ok(_) => parsed += 1,
                Err(e) => assert!(e.position <= input.chars().count(), "{input:?}: {e}"),
            }
        }
        // Both paths must have been exercised for the test to mean anything.
        assert!((100..1_900).contains(&parsed), "{parsed} of 2000 parsed");
    }
}
