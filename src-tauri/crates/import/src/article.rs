//! What every format hands over (a draft), and the rules every article obeys
//! whatever its format: a body, a title, a hash, a language, and issues labelled
//! with the file and the record they belong to.

use std::borrow::Cow;

use claimdesk_domain::{ImportIssue, NewArticle, Origin, SourceFormat, Timestamp};

use crate::decode::normalize_line_endings;
use crate::{Parsed, hash, language};

/// Titles made from the body stop near this many characters.
const MAX_DERIVED_TITLE_CHARS: usize = 120;
/// A full stop closer to the start than this is more likely "Mr." or "U.S.".
const MIN_SENTENCE_CHARS: usize = 20;

pub(crate) const NO_TEXT: &str = "no readable text";

/// One article's fields as a format read them, not yet checked or completed.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub title: Option<String>,
    pub body: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<Timestamp>,
    /// As the source gave it (`en-US`, `English`); normalized later.
    pub language: Option<String>,
}

/// Collects one file's articles and issues, labelling each issue with the file
/// and, for multi-record formats, the record (`path:LINE` or `path#ITEM`).
pub(crate) struct Collector {
    path: String,
    format: SourceFormat,
    parsed: Parsed,
}

impl Collector {
    pub(crate) fn new(path: String, format: SourceFormat, decode_warning: Option<String>) -> Self {
        let warnings = decode_warning.map(|error| ImportIssue { path: path.clone(), error }).into_iter().collect();
        let parsed = Parsed { articles: Vec::new(), errors: Vec::new(), warnings };
        Collector { path, format, parsed }
    }

    fn label(&self, record: Option<u32>) -> String {
        match (record, self.format) {
            (None, _) => self.path.clone(),
            (Some(n), SourceFormat::Jsonl) => format!("{}:{n}", self.path),
            (Some(n), _) => format!("{}#{n}", self.path),
        }
    }

    pub(crate) fn warn(&mut self, record: Option<u32>, error: String) {
        let path = self.label(record);
        self.parsed.warnings.push(ImportIssue { path, error });
    }

    pub(crate) fn error(&mut self, record: Option<u32>, error: String) {
        let path = self.label(record);
        self.parsed.errors.push(ImportIssue { path, error });
    }

    /// Parses a date the source gave, warning when it cannot be read.
    pub(crate) fn date(&mut self, record: Option<u32>, text: Option<&str>) -> Option<Timestamp> {
        let text = text.filter(|t| !t.trim().is_empty())?;
        let parsed = crate::date::parse_date(text);
        if parsed.is_none() {
            self.warn(record, crate::date::unparseable(text));
        }
        parsed
    }

    /// Adds a record's article, or an error for it when it has no text.
    pub(crate) fn push(&mut self, record: Option<u32>, draft: Draft) {
        let origin = Origin { path: self.path.clone(), format: self.format, record };
        match complete(draft, origin) {
            Some(article) => self.parsed.articles.push(article),
            None => self.error(record, NO_TEXT.to_string()),
        }
    }

    pub(crate) fn finish(self) -> Parsed {
        self.parsed
    }

    /// For one-article files: an article without text fails the whole file.
    pub(crate) fn finish_single(mut self, draft: Draft) -> Result<Parsed, ImportIssue> {
        let origin = Origin { path: self.path.clone(), format: self.format, record: None };
        let article = complete(draft, origin)
            .ok_or_else(|| ImportIssue { path: self.path.clone(), error: NO_TEXT.to_string() })?;
        self.parsed.articles.push(article);
        Ok(self.parsed)
    }
}

fn complete(draft: Draft, origin: Origin) -> Option<NewArticle> {
    // The file's line endings are normalized when decoding; JSON strings can still
    // carry escaped "\r\n".
    let body = normalize_line_endings(Cow::Owned(draft.body));
    let body = body.trim();
    if body.is_empty() {
        return None;
    }
    let title =
        draft.title.map(|t| collapse_whitespace(&t)).filter(|t| !t.is_empty()).unwrap_or_else(|| title_from_body(body));
    let language = language::resolve(draft.language.as_deref(), body);
    Some(NewArticle {
        content_hash: hash::content_hash(&title, body),
        title,
        body: body.to_string(),
        outlet: clean_field(draft.outlet),
        author: clean_field(draft.author),
        url: clean_field(draft.url),
        published: draft.published,
        language,
        origin,
    })
}

fn clean_field(value: Option<String>) -> Option<String> {
    value.map(|v| collapse_whitespace(&v)).filter(|v| !v.is_empty())
}

/// Joins runs of whitespace (newlines included) into one space and trims.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The body's first sentence (of its first line), cut at a word boundary.
pub(crate) fn title_from_body(body: &str) -> String {
    let first_line = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let sentence = first_sentence(first_line);
    truncate_at_word(&collapse_whitespace(sentence), MAX_DERIVED_TITLE_CHARS)
}

fn first_sentence(line: &str) -> &str {
    let mut chars = line.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        count += 1;
        let latin_end = matches!(c, '.' | '!' | '?')
            && count >= MIN_SENTENCE_CHARS
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if latin_end || matches!(c, '。' | '！' | '？') {
            return &line[..i + c.len_utf8()];
        }
    }
    line
}

fn truncate_at_word(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = &text[..cut];
    // Without a space in the second half (CJK, one long word) a hard cut reads better.
    let end = match head.rfind(' ') {
        Some(space) if space > cut / 2 => space,
        _ => cut,
    };
    format!("{}…", head[..end].trim_end_matches([' ', ',', ';', ':', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_sentence() {
        assert_eq!(
            title_from_body("Mr. Smith went to Washington on Monday. He met the press.\nMore."),
            "Mr. Smith went to Washington on Monday."
        );
        assert_eq!(title_from_body("\n  Short line\nsecond line"), "Short line");
        assert_eq!(
            title_from_body("東京で大きな地震が発生しました。被害の状況を確認中です。"),
            "東京で大きな地震が発生しました。"
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let body = "word ".repeat(60);
        let title = title_from_body(&body);
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= MAX_DERIVED_TITLE_CHARS + 1);
        let cjk = "漢".repeat(300);
        assert_eq!(title_from_body(&cjk).chars().count(), MAX_DERIVED_TITLE_CHARS + 1);
    }

    #[test]
    fn records_are_labelled_by_format() {
        let jsonl = Collector::new("a.jsonl".into(), SourceFormat::Jsonl, None);
        assert_eq!(jsonl.label(Some(3)), "a.jsonl:3");
        let rss = Collector::new("a.rss".into(), SourceFormat::Rss, None);
        assert_eq!(rss.label(Some(3)), "a.rss#3");
        assert_eq!(rss.label(None), "a.rss");
    }

    #[test]
    fn an_article_needs_text_and_gets_the_rest() {
        let mut collector = Collector::new("f.jsonl".into(), SourceFormat::Jsonl, Some("guessed".into()));
        collector.push(Some(1), Draft { title: Some("  ".into()), body: " \n ".into(), ..Draft::default() });
        collector.push(
            Some(2),
            Draft {
                title: Some(" A\n title ".into()),
                body: "\nThe body.\r\nLine two.\n".into(),
                author: Some("  ".into()),
                ..Draft::default()
            },
        );
        let parsed = collector.finish();
        assert_eq!(parsed.errors, vec![ImportIssue { path: "f.jsonl:1".into(), error: NO_TEXT.into() }]);
        assert_eq!(parsed.warnings, vec![ImportIssue { path: "f.jsonl".into(), error: "guessed".into() }]);
        let article = &parsed.articles[0];
        assert_eq!((article.title.as_str(), article.body.as_str()), ("A title", "The body.\nLine two."));
        assert_eq!(article.author, None);
        assert_eq!(article.content_hash, hash::content_hash("A title", "The body.\nLine two."));
        assert_eq!(article.origin, Origin { path: "f.jsonl".into(), format: SourceFormat::Jsonl, record: Some(2) });
    }
}
