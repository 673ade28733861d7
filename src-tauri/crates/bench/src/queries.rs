//! The query mix: drawn once, with a fixed seed, from the words of the corpus,
//! then written in each system's own syntax.

use claimdesk_domain::Timestamp;
use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::rng::Rng;

const SEED: u64 = 1_000;
const DAY: i64 = 86_400;

/// One query of the mix, independent of any system's syntax. Words are
/// lowercase ASCII letters, so every system tokenizes them alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BenchQuery {
    Word {
        word: String,
    },
    TwoWords {
        first: String,
        second: String,
    },
    Phrase {
        first: String,
        second: String,
    },
    /// `word` anywhere and `title` in the title.
    TitleFilter {
        word: String,
        title: String,
    },
    /// `word`, in articles of `outlet` (a one-word outlet name).
    OutletFilter {
        word: String,
        outlet: String,
    },
    /// `word`, published in `[from, until)`.
    DateRange {
        word: String,
        from: Timestamp,
        until: Timestamp,
    },
}

/// A query for FTS5: a MATCH expression, and a condition on the plain table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fts5Query {
    pub matching: String,
    pub filter: Option<Fts5Filter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fts5Filter {
    Outlet(String),
    /// Seconds since the epoch, `[from, until)`.
    Published {
        from: i64,
        until: i64,
    },
}

impl BenchQuery {
    /// Claimdesk's query language: words are ANDed, filters are `field:`.
    pub fn claimdesk(&self) -> String {
        match self {
            BenchQuery::Word { word } => word.clone(),
            BenchQuery::TwoWords { first, second } => format!("{first} {second}"),
            BenchQuery::Phrase { first, second } => format!("\"{first} {second}\""),
            BenchQuery::TitleFilter { word, title } => format!("{word} title:{title}"),
            BenchQuery::OutletFilter { word, outlet } => format!("{word} outlet:{outlet}"),
            BenchQuery::DateRange { word, from, until } => {
                format!("{word} published:[{} TO {}}}", day(*from), day(*until))
            }
        }
    }

    /// Tantivy's query parser, set to AND its terms (as Claimdesk does).
    pub fn tantivy(&self) -> String {
        match self {
            BenchQuery::DateRange { word, from, until } => {
                format!("{word} published:[{from} TO {until}}}")
            }
            other => other.claimdesk(),
        }
    }

    /// FTS5 MATCH syntax (terms are ANDed), with outlet and date as SQL conditions.
    pub fn fts5(&self) -> Fts5Query {
        let (matching, filter) = match self {
            BenchQuery::OutletFilter { word, outlet } => (word.clone(), Some(Fts5Filter::Outlet(outlet.clone()))),
            BenchQuery::DateRange { word, from, until } => {
                (word.clone(), Some(Fts5Filter::Published { from: from.seconds(), until: until.seconds() }))
            }
            other => (other.claimdesk(), None),
        };
        Fts5Query { matching, filter }
    }
}

/// `YYYY-MM-DD` of a timestamp.
fn day(t: Timestamp) -> String {
    t.to_string()[..10].to_string()
}

/// `count` queries drawn from `articles`: 40 % one word, 25 % two words,
/// 15 % phrases, 10 % with a title filter, 5 % with an outlet filter, 5 % with
/// a date range. Words come from a random position in a random article, so
/// frequent words are drawn more often, as in real searches.
pub fn mix(articles: &[Article], count: usize) -> Vec<BenchQuery> {
    let mut rng = Rng::new(SEED);
    let dated: Vec<&Article> = articles.iter().filter(|a| a.published.is_some()).collect();
    let mut queries = Vec::with_capacity(count);
    while queries.len() < count {
        let article = &articles[rng.below(articles.len())];
        let query = match queries.len() % 20 {
            0..=7 => pick(&mut rng, &words(&article.body)).map(|word| BenchQuery::Word { word }),
            8..=12 => {
                let body = words(&article.body);
                pick(&mut rng, &body)
                    .zip(pick(&mut rng, &body))
                    .filter(|(a, b)| a != b)
                    .map(|(first, second)| BenchQuery::TwoWords { first, second })
            }
            13..=15 => {
                pick_pair(&mut rng, &tokens(&article.body)).map(|(first, second)| BenchQuery::Phrase { first, second })
            }
            16..=17 => pick(&mut rng, &words(&article.body))
                .zip(pick(&mut rng, &words(&article.title)))
                .map(|(word, title)| BenchQuery::TitleFilter { word, title }),
            18 => pick(&mut rng, &words(&article.body))
                .map(|word| BenchQuery::OutletFilter { word, outlet: article.outlet.to_lowercase() }),
            _ if dated.is_empty() => None,
            _ => {
                let article = dated[rng.below(dated.len())];
                let published = article.published.map_or(0, Timestamp::seconds);
                let from = published - published.rem_euclid(DAY) - rng.below(30) as i64 * DAY;
                let until = from + (7 + rng.below(84) as i64) * DAY;
                pick(&mut rng, &words(&article.body)).map(|word| BenchQuery::DateRange {
                    word,
                    from: Timestamp(from),
                    until: Timestamp(until),
                })
            }
        };
        queries.extend(query);
    }
    queries
}

/// The text's tokens as the analyzers see them: alphanumeric runs, lowercased.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Tokens fit for a query word: 4 to 20 ASCII letters (no numbers, no short
/// function words).
fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().filter(|t| (4..=20).contains(&t.len()) && is_letters(t)).collect()
}

fn is_letters(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_lowercase())
}

fn pick(rng: &mut Rng, words: &[String]) -> Option<String> {
    (!words.is_empty()).then(|| words[rng.below(words.len())].clone())
}

/// Two adjacent tokens of ASCII letters, at least one of them a query word.
fn pick_pair(rng: &mut Rng, tokens: &[String]) -> Option<(String, String)> {
    let pairs: Vec<(&String, &String)> = tokens
        .windows(2)
        .map(|w| (&w[0], &w[1]))
        .filter(|(a, b)| is_letters(a) && is_letters(b) && a.len().max(b.len()) >= 4 && a.len().min(b.len()) >= 2)
        .collect();
    (!pairs.is_empty()).then(|| {
        let (a, b) = pairs[rng.below(pairs.len())];
        (a.clone(), b.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn each_system_gets_its_syntax() {
        let phrase = BenchQuery::Phrase { first: "grain".into(), second: "exports".into() };
        assert_eq!(phrase.claimdesk(), "\"grain exports\"");
        assert_eq!(phrase.tantivy(), "\"grain exports\"");
        assert_eq!(phrase.fts5(), Fts5Query { matching: "\"grain exports\"".into(), filter: None });

        let title = BenchQuery::TitleFilter { word: "wheat".into(), title: "tonnes".into() };
        assert_eq!(title.claimdesk(), "wheat title:tonnes");
        assert_eq!(title.fts5().matching, "wheat title:tonnes");

        let range = BenchQuery::DateRange { word: "oil".into(), from: date("1987-03-01"), until: date("1987-04-01") };
        assert_eq!(range.claimdesk(), "oil published:[1987-03-01 TO 1987-04-01}");
        assert_eq!(range.tantivy(), "oil published:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}");
        assert_eq!(
            range.fts5(),
            Fts5Query {
                matching: "oil".into(),
                filter: Some(Fts5Filter::Published { from: 541_555_200, until: 544_233_600 })
            }
        );

        let outlet = BenchQuery::OutletFilter { word: "oil".into(), outlet: "bbc".into() };
        assert_eq!(outlet.tantivy(), "oil outlet:bbc");
        assert_eq!(outlet.fts5().filter, Some(Fts5Filter::Outlet("bbc".into())));
    }

    #[test]
    fn fts5_accepts_the_translations() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        db.execute_batch("CREATE VIRTUAL TABLE docs USING fts5(title, body); INSERT INTO docs VALUES ('Wheat tonnes', 'grain exports of wheat');")
            .unwrap();
        let queries = [
            BenchQuery::Phrase { first: "grain".into(), second: "exports".into() },
            BenchQuery::TitleFilter { word: "wheat".into(), title: "tonnes".into() },
            BenchQuery::TwoWords { first: "wheat".into(), second: "grain".into() },
        ];
        for query in queries {
            let count: i64 = db
                .query_row("SELECT count(*) FROM docs WHERE docs MATCH ?", [query.fts5().matching], |r| r.get(0))
                .unwrap();
            assert_eq!(count, 1, "{query:?}");
        }
    }

    #[test]
    fn the_mix_is_fixed_and_has_every_kind() {
        let article = |title: &str, body: &str, published| Article {
            title: title.into(),
            body: body.into(),
            outlet: "BBC".into(),
            published,
        };
        let articles = vec![
            article("Wheat harvest", "The wheat harvest rose sharply, officials said on Monday.", None),
            article("Oil prices", "Crude oil prices fell as 12 producers met in Vienna.", Some(date("1987-03-04"))),
        ];
        let mix_a = mix(&articles, 100);
        assert_eq!(mix_a, mix(&articles, 100));
        let kinds: std::collections::HashSet<_> =
            mix_a.iter().map(|q| serde_json::to_value(q).unwrap()["kind"].as_str().unwrap().to_string()).collect();
        assert_eq!(kinds.len(), 6);
        for query in mix_a.iter().filter(|q| !matches!(q, BenchQuery::DateRange { .. })) {
            let text = query.claimdesk();
            assert!(!text.contains(|c: char| c.is_ascii_digit()), "{text}");
        }
    }
}
