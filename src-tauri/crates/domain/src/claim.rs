//! Claims: who claims what in an article, how far it can be believed, and how
//! claims relate across articles.

use serde::{Deserialize, Serialize};

use crate::keyword::keywords;
use crate::{ArticleId, SourceId, SourceRef, Timestamp};

/// The store's id of a claim. Never reused, even after a delete.
pub type ClaimId = i64;
/// The store's id of a link between two claims.
pub type LinkId = i64;

/// Credibility of the information on the Admiralty scale (1 confirmed …
/// 5 improbable, 6 cannot be judged).
pub const CREDIBILITY_SCALE: std::ops::RangeInclusive<u8> = 1..=6;
/// "Cannot be judged": the credibility of a claim nobody has assessed yet.
pub const CREDIBILITY_NOT_JUDGED: u8 = 6;

keywords! {
    /// What sort of statement a claim is.
    ClaimKind {
        FactualAssertion = "factual_assertion",
        Statistic = "statistic",
        Quote = "quote",
        Prediction = "prediction",
        Opinion = "opinion",
        Denial = "denial",
    }
}

keywords! {
    /// Where the analyst's verification of a claim stands.
    ClaimStatus {
        Unverified = "unverified",
        Corroborated = "corroborated",
        Disputed = "disputed",
        False = "false",
        Misleading = "misleading",
    }
}

keywords! {
    /// Whether the claim's span is known to be right (`anchored`), or was moved
    /// by fuzzy re-anchoring and awaits the analyst's eye (`needs_review`).
    AnchorState {
        Anchored = "anchored",
        NeedsReview = "needs_review",
    }
}

keywords! {
    /// Why a claim needs review after its article's text changed.
    ReviewReason {
        /// The quote was not found as it was; the claim now sits on the
        /// closest match, which a person should confirm.
        Fuzzy = "fuzzy",
        /// Nothing close enough was found; the claim keeps its old selector,
        /// which the new text no longer holds.
        NotFound = "not_found",
    }
}

keywords! {
    /// A source's part in a claim's chain of attribution.
    ChainRole {
        /// Who asserts the claim; always first in the chain.
        Speaker = "speaker",
        /// Who passed it on ("told AFP", "as reported by the Kremlin").
        Intermediary = "intermediary",
    }
}

keywords! {
    /// How one claim bears on another, in the same article or another.
    LinkKind {
        Corroborates = "corroborates",
        Contradicts = "contradicts",
        Repeats = "repeats",
        SameOrigin = "same_origin",
    }
}

/// A half-open range `[start, end)` of code points in an article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where a claim sits in its article, in the two W3C Web Annotation forms:
/// the quote with its context (TextQuoteSelector: `exact`, `prefix`,
/// `suffix`), which survives edits of the text, and the code-point position
/// (TextPositionSelector: `start`, `end`), which is fast and unambiguous.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Selector {
    pub exact: String,
    /// Text just before the quote (up to 32 code points).
    pub prefix: String,
    /// Text just after the quote (up to 32 code points).
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

impl Selector {
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end }
    }
}

/// What re-anchoring left for a person to decide about a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AnchorReview {
    pub reason: ReviewReason,
    /// The claim's selector before the article's text changed.
    pub original: Selector,
}

/// Text to find in an article; `prefix` and `suffix` (may be empty) pick one
/// occurrence when the quote occurs more than once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct QuoteQuery {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// One link of a chain of attribution as the analyst records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ChainLink {
    pub source: SourceId,
    pub role: ChainRole,
    /// The attribution cue in the text ("said", "according to").
    pub cue: Option<Span>,
    /// Where the text names the source.
    pub mention: Option<Span>,
}

/// One link of a stored chain, with the source's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Attribution {
    pub source: SourceRef,
    pub role: ChainRole,
    pub cue: Option<Span>,
    pub mention: Option<Span>,
}

/// A claim to record. `chain` is empty for an unattributed claim; otherwise
/// the speaker comes first and the intermediaries after, nearest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewClaim {
    /// Its stable id when it comes from elsewhere (an import of our export);
    /// None gives it a new one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub uid: Option<String>,
    pub article: ArticleId,
    pub selector: Selector,
    pub kind: ClaimKind,
    pub status: ClaimStatus,
    /// 1–6 on the Admiralty scale.
    pub credibility: u8,
    pub note: String,
    /// Tag names; tags that do not exist yet are created.
    pub tags: Vec<String>,
    pub chain: Vec<ChainLink>,
}

/// Changes to a claim: the fields given replace the stored ones, the others
/// stay. `tags` and `chain` replace the whole set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct ClaimPatch {
    /// A new span; also marks the claim `anchored` unless `anchor` says otherwise.
    pub selector: Option<Selector>,
    pub kind: Option<ClaimKind>,
    pub status: Option<ClaimStatus>,
    pub credibility: Option<u8>,
    pub note: Option<String>,
    pub anchor: Option<AnchorState>,
    pub tags: Option<Vec<String>>,
    pub chain: Option<Vec<ChainLink>>,
}

/// A stored claim with its chain and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Claim {
    pub id: ClaimId,
    /// A UUID that stays the claim's across data directories and exports.
    pub uid: String,
    pub article: ArticleId,
    pub selector: Selector,
    pub kind: ClaimKind,
    pub status: ClaimStatus,
    pub credibility: u8,
    pub note: String,
    pub anchor: AnchorState,
    /// Set while `anchor` is `needs_review`: why, and the quote as it was.
    pub review: Option<AnchorReview>,
    /// Tag names, alphabetical.
    pub tags: Vec<String>,
    /// Speaker first, then intermediaries; empty when unattributed.
    pub chain: Vec<Attribution>,
    pub created: Timestamp,
    /// The last edit of the claim, its chain or its tags.
    pub updated: Timestamp,
}

impl Claim {
    /// Who asserts the claim, if anyone is named.
    pub fn speaker(&self) -> Option<&SourceRef> {
        self.chain.first().filter(|a| a.role == ChainRole::Speaker).map(|a| &a.source)
    }
}

/// Which claims to list; every field given narrows the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields = nullable)]
pub struct ClaimFilter {
    /// Claims this source made or relayed.
    pub source: Option<SourceId>,
    pub status: Option<ClaimStatus>,
    pub credibility: Option<u8>,
    /// A tag name (case-insensitive).
    pub tag: Option<String>,
    pub article: Option<ArticleId>,
    /// Words in the quote or the note (case-insensitive substring).
    pub text: Option<String>,
    /// `needs_review`: the claims re-anchoring left for the analyst.
    pub anchor: Option<AnchorState>,
    /// Claims in articles published on or after this instant.
    pub published_from: Option<Timestamp>,
    /// Claims in articles published before this instant.
    pub published_to: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewClaimLink {
    pub from: ClaimId,
    pub to: ClaimId,
    pub kind: LinkKind,
}

/// A typed link between two claims, possibly in different articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ClaimLink {
    pub id: LinkId,
    pub from: ClaimId,
    pub to: ClaimId,
    pub kind: LinkKind,
    pub created: Timestamp,
}

keywords! {
    /// The order of the claims view.
    ClaimSort {
        /// Last edited first (with `descending`).
        Updated = "updated",
        /// By the article's publication date.
        Published = "published",
        Credibility = "credibility",
        Status = "status",
        /// By article title, then position in the article.
        Article = "article",
    }
}

/// One page of the claims view: which claims, in what order, which rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ClaimQuery {
    pub filter: ClaimFilter,
    pub sort: ClaimSort,
    pub descending: bool,
    pub offset: usize,
    pub limit: usize,
}

impl Default for ClaimQuery {
    fn default() -> Self {
        ClaimQuery { filter: ClaimFilter::default(), sort: ClaimSort::Updated, descending: true, offset: 0, limit: 100 }
    }
}

/// A claim as a row of the claims view: enough to show and sort it, small
/// enough that a page of a hundred crosses to the window in no time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ClaimRow {
    pub id: ClaimId,
    pub article: ArticleId,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<Timestamp>,
    pub quote: String,
    pub kind: ClaimKind,
    pub status: ClaimStatus,
    pub credibility: u8,
    pub anchor: AnchorState,
    /// The speaker's name, then each intermediary's.
    pub chain: Vec<String>,
    pub tags: Vec<String>,
    pub note: String,
    pub updated: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ClaimPage {
    /// Claims the filter lets through, on every page.
    pub total: usize,
    pub rows: Vec<ClaimRow>,
}
