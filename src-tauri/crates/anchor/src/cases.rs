//! The conformance runner: answers every case of a file in the shared
//! anchoring-test format (`kind`s `quote-match`, `fuzzy-match`,
//! `quote-describe`, `position-match`) with this crate's functions, so the
//! crate can be checked against other annotation tools' test suites. It
//! reports results; comparing them with each case's `expected` is the
//! caller's business.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::{
    DEFAULT_MAX_WORD_LENGTH, DescribePolicy, TextPosition, TextQuote, describe, fuzzy_match, position_match,
    quote_matches,
};

/// One JSON object per case, in file order: `{"name", "result"}`, or
/// `{"name", "error"}` for a case this crate cannot answer (unknown kind or
/// policy, missing or malformed field). `Err` only when the file itself is
/// not a case file: not JSON, no `cases` list, or offsets in another unit
/// than code points.
pub fn run_cases(json: &str) -> Result<Vec<Value>, String> {
    let file: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    match file.get("unit") {
        None => {}
        Some(Value::String(unit)) if unit == "codepoint" => {}
        Some(unit) => {
            return Err(format!("offsets in unit {unit} are not supported, only \"codepoint\""));
        }
    }
    let cases = file.get("cases").and_then(Value::as_array).ok_or("no \"cases\" list")?;
    Ok(cases.iter().map(answer).collect())
}

fn answer(case: &Value) -> Value {
    let name = case.get("name").cloned().unwrap_or(Value::Null);
    match run_case(case) {
        Ok(result) => json!({ "name": name, "result": result }),
        Err(error) => json!({ "name": name, "error": error }),
    }
}

/// A `TextQuoteSelector` as case files write it: context may be missing or
/// null, and fuzzy cases may add where the quote is expected to start.
#[derive(Deserialize)]
struct QuoteSelector {
    exact: String,
    prefix: Option<String>,
    suffix: Option<String>,
    hint_start: Option<usize>,
}

impl QuoteSelector {
    fn quote(self) -> TextQuote {
        TextQuote {
            exact: self.exact,
            prefix: self.prefix.unwrap_or_default(),
            suffix: self.suffix.unwrap_or_default(),
        }
    }
}

/// Options of `apache-minimal`, named as in Apache Annotator's
/// `DescribeTextQuoteOptions`. Unknown options are refused rather than
/// ignored: a case that asks for something unimplemented must not pass by
/// luck.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ApacheOptions {
    minimal_context: Option<bool>,
    minimum_quote_length: Option<usize>,
    max_word_length: Option<usize>,
}

fn run_case(case: &Value) -> Result<Value, String> {
    let text: String = field(case, "text")?;
    let kind: String = field(case, "kind")?;
    match kind.as_str() {
        "quote-match" => {
            let selector: QuoteSelector = field(case, "selector")?;
            let matches = quote_matches(&text, &selector.quote());
            Ok(Value::Array(matches.into_iter().map(position_json).collect()))
        }
        "fuzzy-match" => {
            let selector: QuoteSelector = field(case, "selector")?;
            let hint = selector.hint_start;
            Ok(fuzzy_match(&text, &selector.quote(), hint).map_or(Value::Null, position_json))
        }
        "quote-describe" => {
            let target: TextPosition = field(case, "target")?;
            let policy = describe_policy(case)?;
            let quote = describe(&text, target, policy).ok_or("target is outside the text")?;
            Ok(json!({ "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix }))
        }
        "position-match" => {
            let selector: TextPosition = field(case, "selector")?;
            Ok(position_match(&text, selector).map_or(Value::Null, position_json))
        }
        other => Err(format!("unknown kind {other:?}")),
    }
}

fn describe_policy(case: &Value) -> Result<DescribePolicy, String> {
    let policy: String = field(case, "policy")?;
    let options = case.get("options").filter(|options| !options.is_null());
    if policy == "apache-minimal" {
        let options: ApacheOptions = match options {
            Some(options) => ApacheOptions::deserialize(options).map_err(|e| format!("bad \"options\": {e}"))?,
            None => ApacheOptions::default(),
        };
        return Ok(DescribePolicy::Minimal {
            minimal_context: options.minimal_context.unwrap_or(false),
            min_length: options.minimum_quote_length.unwrap_or(0),
            max_word_length: options.max_word_length.unwrap_or(DEFAULT_MAX_WORD_LENGTH),
        });
    }
    if let Some(length) = policy.strip_prefix("fixed-context-") {
        let length = length.parse().map_err(|_| format!("bad context length in policy {policy:?}"))?;
        if options.and_then(Value::as_object).is_some_and(|options| !options.is_empty()) {
            return Err(format!("policy {policy:?} takes no options"));
        }
        return Ok(DescribePolicy::FixedContext(length));
    }
    Err(format!("unknown policy {policy:?}"))
}

fn field<T: DeserializeOwned>(case: &Value, name: &str) -> Result<T, String> {
    let value = case.get(name).ok_or_else(|| format!("missing \"{name}\""))?;
    T::deserialize(value).map_err(|e| format!("bad \"{name}\": {e}"))
}

fn position_json(pos: TextPosition) -> Value {
    json!({ "start": pos.start, "end": pos.end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_one(case: Value) -> Value {
        let file = json!({ "unit": "codepoint", "cases": [case] });
        run_cases(&file.to_string()).unwrap().remove(0)
    }

    #[test]
    fn answers_each_kind() {
        let quote = run_one(json!({"name": "q", "kind": "quote-match", "text": "😃ab ab",
            "selector": {"exact": "ab", "prefix": null}}));
        assert_eq!(quote, json!({"name": "q", "result": [{"start": 1, "end": 3}, {"start": 4, "end": 6}]}));
        let fuzzy = run_one(json!({"name": "f", "kind": "fuzzy-match", "text": "xx abd ab",
            "selector": {"exact": "abc", "hint_start": 2}}));
        assert_eq!(fuzzy["result"], json!({"start": 3, "end": 6}));
        let none = run_one(json!({"name": "n", "kind": "fuzzy-match", "text": "xyz", "selector": {"exact": "abc"}}));
        assert_eq!(none, json!({"name": "n", "result": null}));
        let described = run_one(json!({"name": "d", "kind": "quote-describe", "text": "one two one",
            "target": {"start": 8, "end": 11}, "policy": "fixed-context-2", "options": {}}));
        assert_eq!(described["result"], json!({"exact": "one", "prefix": "o ", "suffix": ""}));
        let position =
            run_one(json!({"name": "p", "kind": "position-match", "text": "ab", "selector": {"start": 1, "end": 3}}));
        assert_eq!(position["result"], Value::Null);
    }

    #[test]
    fn unanswerable_cases_become_error_lines() {
        let errors = [
            json!({"name": 1, "kind": "xpath-match", "text": ""}),
            json!({"name": 2, "kind": "quote-describe", "text": "a", "target": {"start": 0, "end": 1}, "policy": "hypothesis"}),
            json!({"name": 3, "kind": "quote-describe", "text": "a", "target": {"start": 0, "end": 1}, "policy": "fixed-context-x"}),
            json!({"name": 4, "kind": "quote-describe", "text": "a", "target": {"start": 0, "end": 1},
                "policy": "apache-minimal", "options": {"shortestPossible": true}}),
            json!({"name": 5, "kind": "quote-describe", "text": "a", "target": {"start": 0, "end": 2}, "policy": "apache-minimal"}),
            json!({"name": 6, "kind": "quote-match", "text": "a", "selector": {"prefix": "a"}}),
            json!({"name": 7, "kind": "position-match", "text": "a", "selector": {"start": -1, "end": 0}}),
            json!({"name": 8, "text": "a"}),
        ];
        for case in errors {
            let line = run_one(case.clone());
            assert!(
                line.get("error").is_some_and(Value::is_string) && line.get("result").is_none(),
                "{case} gave {line}"
            );
            assert_eq!(line["name"], case["name"]);
        }
    }

    #[test]
    fn files_that_are_not_case_files_are_refused() {
        assert!(run_cases("not json").is_err());
        assert!(run_cases(r#"{"unit": "codepoint"}"#).is_err());
        assert!(run_cases(r#"{"unit": "utf16", "cases": []}"#).is_err());
        assert_eq!(run_cases(r#"{"cases": []}"#), Ok(vec![]));
    }
}
