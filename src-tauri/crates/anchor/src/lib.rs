//! Anchoring claims to article text with W3C Web Annotation selectors.
//!
//! A claim remembers its span twice: as a [`TextQuote`] (the quoted text plus
//! a little context either side) and as a [`TextPosition`] (offsets). When an
//! article's text changes, [`reanchor`] uses both to find the claim again, or
//! says plainly that a person must look.
//!
//! Every offset in this crate counts Unicode code points (not bytes, not UTF-16
//! units) and every span is half-open: `start` inclusive, `end` exclusive. The
//! crate knows nothing of Claimdesk's store or window; [`run_cases`] runs
//! shared test vectors from other annotation tools against it.

mod cascade;
mod cases;
mod codepoints;
mod describe;
mod fuzzy;
mod myers;
mod position;
mod quote;

use serde::{Deserialize, Serialize};

pub use cascade::{Anchoring, reanchor};
pub use cases::run_cases;
pub use describe::{DEFAULT_MAX_WORD_LENGTH, DescribePolicy, describe};
pub use fuzzy::fuzzy_match;
pub use position::position_match;
pub use quote::quote_matches;

/// A W3C `TextQuoteSelector`: the quoted text and the text around it.
///
/// `prefix` and `suffix` may be empty; they only serve to tell apart several
/// places where `exact` occurs, and to rank approximate matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextQuote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// A W3C `TextPositionSelector`: a half-open span of code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextPosition {
    pub start: usize,
    pub end: usize,
}
