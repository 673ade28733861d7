//! Attribution suggestions: "who says what" found in an article's text,
//! offered to the analyst to accept as claims or reject.

use serde::{Deserialize, Serialize};

use crate::keyword::keywords;
use crate::{ClaimKind, ClaimStatus, SourceRef, Span};

keywords! {
    /// What kind of speaker a suggestion's source span names.
    SuggestedSourceKind {
        Person = "person",
        Organization = "organization",
        Outlet = "outlet",
        /// "A senior official", "sources close to the talks".
        Anonymous = "anonymous",
        /// "He", "they": resolved to a named source where one fits.
        Pronoun = "pronoun",
        Unknown = "unknown",
    }
}

/// A source as the text names it, and the registry's entry it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SuggestedSource {
    pub span: Span,
    /// The words of `span`.
    pub text: String,
    /// The registry's source whose name or alias this is, if any.
    pub known: Option<SourceRef>,
}

/// One suggested attribution in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AttributionSuggestion {
    /// The attributing words ("said", "according to", a colon); also the
    /// suggestion's identity within this version of the article.
    pub cue: Span,
    /// Who speaks, as written.
    pub source: Option<SuggestedSource>,
    /// For a pronoun, the named source it most likely stands for.
    pub resolved: Option<SuggestedSource>,
    /// What is attributed: the claim's span when accepted.
    pub content: Option<Span>,
    pub source_kind: SuggestedSourceKind,
    /// "Reportedly", "allegedly", "appears to".
    pub hedged: bool,
    /// Intermediaries ("told AFP"), nearest the speaker first.
    pub chain: Vec<SuggestedSource>,
}

/// Accepting a suggestion: the claim is recorded as suggested, with what the
/// analyst already chose; the rest can be edited afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AcceptSuggestion {
    /// The suggestion's cue, which names it.
    pub cue: Span,
    pub kind: ClaimKind,
    pub status: ClaimStatus,
    pub credibility: u8,
}
