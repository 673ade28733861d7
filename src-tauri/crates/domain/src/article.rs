//! Articles: what the importer produces and what the store keeps.

use serde::{Deserialize, Serialize};

use crate::Timestamp;

/// The store's id of an article. Stable for the life of the database.
pub type ArticleId = i64;

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    Jsonl,
    Rss,
    Atom,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Jsonl => "jsonl",
            SourceFormat::Rss => "rss",
            SourceFormat::Atom => "atom",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "text" => SourceFormat::Text,
            "markdown" => SourceFormat::Markdown,
            "html" => SourceFormat::Html,
            "jsonl" => SourceFormat::Jsonl,
            "rss" => SourceFormat::Rss,
            "atom" => SourceFormat::Atom,
            _ => return None,
        })
    }
}

/// Where an article came from: the file, and which record in it for files
/// that hold many (a line of a JSON-lines file, an item of a feed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Origin {
    pub path: String,
    pub format: SourceFormat,
    /// 1-based record number inside the file, for multi-record formats.
    pub record: Option<u32>,
}

/// An article as parsed from a file, before it has an id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewArticle {
    pub title: String,
    pub body: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<Timestamp>,
    /// ISO 639-1 code where one exists (`en`, `ar`), else ISO 639-3.
    pub language: Option<String>,
    /// Hash of the normalized title and body; equal hashes are duplicates.
    pub content_hash: String,
    pub origin: Origin,
}

/// A stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub body: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<Timestamp>,
    pub language: Option<String>,
    pub content_hash: String,
    pub origin: Origin,
    pub imported_at: Timestamp,
}

/// The few fields a list of articles needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<Timestamp>,
    pub language: Option<String>,
}

/// An article opened in the reader, with the words of the current search
/// marked in its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ArticleView {
    pub article: Article,
    /// Half-open code-point ranges into `article.body`.
    pub highlights: Vec<[usize; 2]>,
}
