//! Attribution suggestions: for each "who says what" in a news text, the cue
//! ("said", "according to", a colon before a quote), the source ("a senior
//! official", "the Iranian presidency", "he") and the content, plus the
//! source's kind, hedges and intermediaries ("told AFP").
//!
//! Everything is offline and deterministic: a linear cue model over words
//! and their neighbours, then rules over tokens, sentences and quotations for
//! the source and content. The model's weights and the word ratios it uses
//! were learned on the PolNeAR training split and ship as feature/weight and
//! word/count lines, never text (`lexicon/`, made by `lexicon/derive.py` and
//! `examples/derive_weights.rs`); its word classes were learned from
//! unlabeled news and ship as word/class-path lines
//! (`examples/word_clusters.rs`). The crate also scores suggestions against
//! brat-annotated gold files ([`brat`], [`eval`]) so the figures in
//! `docs/evaluation.md` can be reproduced.
//!
//! Every offset counts Unicode code points of the text exactly as given, and
//! every span is half-open. The crate knows nothing of Claimdesk's store,
//! registry or window: [`NameMatcher`] links a source mention to whatever
//! names the caller passes in.

pub mod brat;
pub mod eval;
mod finder;
mod lexicon;
mod model;
mod registry;
mod text;

use serde::{Deserialize, Serialize};

pub use model::{CueModel, TrainOptions, train_cue_model};
pub use registry::{NameMatcher, fold_name};

/// A half-open range of code points: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers (code-point offsets).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        let mut indices = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
        let start = indices.nth(self.start).unwrap_or(text.len());
        let end =
            if self.end > self.start { indices.nth(self.end - self.start - 1).unwrap_or(text.len()) } else { start };
        &text[start..end]
    }
}

/// What kind of speaker a source span names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organization,
    Outlet,
    Anonymous,
    Pronoun,
    Unknown,
}

impl SourceKind {
    /// The word used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Outlet => "outlet",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Pronoun => "pronoun",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// One suggested attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The words that attribute: "said", "according to", "told", a colon.
    pub cue: Span,
    /// Who speaks, as written ("a senior Saudi official", "he").
    pub source: Option<Span>,
    /// What is attributed, direct or indirect; may cover several sentences.
    pub content: Option<Span>,
    pub source_kind: SourceKind,
    /// Whether the attribution is hedged ("reportedly", "allegedly", "appears to").
    pub hedged: bool,
    /// Intermediaries the words passed through ("AFP" in "told AFP",
    /// "state media" in "according to state media"), nearest the source first.
    pub chain: Vec<Span>,
    /// For a pronoun source, the nearest earlier named source it most likely
    /// stands for.
    pub resolved_source: Option<Span>,
}

/// Suggests the attributions of `text`, in text order.
pub fn suggest(text: &str) -> Vec<Suggestion> {
    finder::find(text)
}

/// The lower-cased tokens of `text` as the cue model sees them (words,
/// numbers, punctuation marks), to learn word classes from unlabeled text.
pub fn words(text: &str) -> Vec<String> {
    text::analyse(text).tokens.into_iter().map(|t| t.lower).collect()
}

/// As [`suggest`], with another cue model than the shipped one (to compare
/// models on held-out texts).
pub fn suggest_with(model: &CueModel, text: &str) -> Vec<Suggestion> {
    finder::find_with(model, text)
}

/// Each token's span and cue-model score (above zero: part of a cue), for
/// diagnostics.
pub fn cue_scores(model: &CueModel, text: &str) -> Vec<(Span, f32)> {
    let a = text::analyse(text);
    let scores = model.scores(&a, &model::quoted_tokens(&a));
    a.tokens.iter().map(|t| t.span).zip(scores).collect()
}
