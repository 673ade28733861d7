//! JSON lines exports (scrapers, news APIs): one article per line. A bad line is
//! reported with its number and skipped; the others still import.

use serde_json::{Map, Value};

use crate::Parsed;
use crate::article::{Collector, Draft};

/// Field names in the order they are tried: exports disagree on naming.
const BODY: &[&str] = &["body", "text", "content"];
const OUTLET: &[&str] = &["outlet", "source", "site"];
const PUBLISHED: &[&str] = &["published", "date", "published_at"];
const LANGUAGE: &[&str] = &["language", "lang"];

pub(crate) fn parse(text: &str, mut collector: Collector) -> Parsed {
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => read_object(&object, record, &mut collector),
            Ok(other) => collector.error(record, format!("not a JSON object (found {})", kind(&other))),
            Err(e) => collector.error(record, json_error(&e)),
        }
    }
    collector.finish()
}

fn read_object(object: &Map<String, Value>, record: Option<u32>, collector: &mut Collector) {
    let mut fields = Fields { object, record, collector };
    let Some(body) = fields.string(BODY) else {
        fields.collector.error(record, "no body text (expected a \"body\", \"text\" or \"content\" field)".into());
        return;
    };
    let title = fields.string(&["title"]);
    let url = fields.string(&["url"]);
    let outlet = fields.string(OUTLET);
    let author = fields.author();
    let language = fields.string(LANGUAGE);
    let published_text = fields.string(PUBLISHED);
    let published = collector.date(record, published_text.as_deref());
    collector.push(record, Draft { title, body, outlet, author, url, published, language });
}

struct Fields<'a> {
    object: &'a Map<String, Value>,
    record: Option<u32>,
    collector: &'a mut Collector,
}

impl Fields<'_> {
    /// The first of `names` holding a non-blank string. A value of another type is
    /// skipped with a warning rather than silently lost.
    fn string(&mut self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|&name| match self.object.get(name)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::String(_) | Value::Null => None,
            other => {
                self.warn_type(name, other);
                None
            }
        })
    }

    /// A string, or an array of strings joined with ", ".
    fn author(&mut self) -> Option<String> {
        match self.object.get("author")? {
            Value::Array(items) => {
                let names: Vec<&str> =
                    items.iter().filter_map(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            _ => self.string(&["author"]),
        }
    }

    fn warn_type(&mut self, name: &str, value: &Value) {
        self.collector.warn(self.record, format!("field \"{name}\" is {}, not a string; ignored", kind(value)));
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `serde_json` says "at line 1 column N"; each line is parsed alone, so only the
/// column means anything to the analyst.
fn json_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let reason = message.rsplit_once(" at line ").map_or(message.as_str(), |(reason, _)| reason);
    format!("invalid JSON at column {}: {reason}", error.column())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use claimdesk_domain::{ImportIssue, Origin, SourceFormat, Timestamp};

    use crate::parse_bytes;

    fn issue(path: &str, error: &str) -> ImportIssue {
        ImportIssue { path: path.into(), error: error.into() }
    }

    #[test]
    fn good_lines_import_and_bad_lines_are_reported() {
        let input = concat!(
            r#"{"title":"Storm","body":"Winds of 120 km/h.","url":"https://x.org/1","source":"Wire","author":["Jane Doe"," John Roe "],"published":"Sat, 02 Mar 2024 12:00:00 GMT","lang":"en-US"}"#,
            "\r\n\n",
            r#"{"title": "Broken", "body": "x",, }"#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"title":"No body"}"#,
            "\n",
            r#"{"text":"Only text here, no title at all.","date":"2024-03-02 08:30:00","outlet":5}"#,
            "\n",
            r#"{"content":"Body","published_at":"the other day"}"#,
            "\n",
        );
        let parsed = parse_bytes(Path::new("dump.ndjson"), input.as_bytes()).unwrap();
        assert_eq!(
            parsed.errors,
            vec![
                issue("dump.ndjson:3", "invalid JSON at column 33: key must be a string"),
                issue("dump.ndjson:4", "not a JSON object (found an array)"),
                issue("dump.ndjson:5", "no body text (expected a \"body\", \"text\" or \"content\" field)"),
            ]
        );
        assert_eq!(
            parsed.warnings,
            vec![
                issue("dump.ndjson:6", "field \"outlet\" is a number, not a string; ignored"),
                issue("dump.ndjson:7", "unrecognised date \"the other day\"; published left empty"),
            ]
        );
        let [first, second, third] = parsed.articles.as_slice() else { panic!("three articles") };
        assert_eq!(first.title, "Storm");
        assert_eq!(first.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(first.outlet.as_deref(), Some("Wire"));
        assert_eq!(first.url.as_deref(), Some("https://x.org/1"));
        assert_eq!(first.published, Timestamp::parse("2024-03-02T12:00:00Z"));
        assert_eq!(first.language.as_deref(), Some("en"));
        assert_eq!(first.origin, Origin { path: "dump.ndjson".into(), format: SourceFormat::Jsonl, record: Some(1) });
        assert_eq!(second.title, "Only text here, no title at all.");
        assert_eq!(second.published, Timestamp::parse("2024-03-02T08:30:00Z"));
        assert_eq!(second.outlet, None);
        assert_eq!(second.origin.record, Some(6));
        assert_eq!(third.published, None);
    }
}
