//! Sources: the people, bodies, outlets and documents claims are attributed
//! to, with their aliases, affiliation and reliability.

use serde::{Deserialize, Serialize};

use crate::keyword::keywords;
use crate::{ArticleId, ChainRole, Claim, ClaimStatus, Timestamp};

/// The store's id of a source. Never reused.
pub type SourceId = i64;

keywords! {
    SourceKind {
        Person = "person",
        Organization = "organization",
        GovernmentBody = "government_body",
        MediaOutlet = "media_outlet",
        /// "A senior official", "a person familiar with the talks".
        Anonymous = "anonymous",
        Document = "document",
    }
}

keywords! {
    /// Reliability of a source on the Admiralty scale.
    Reliability {
        /// Completely reliable.
        A = "A",
        /// Usually reliable.
        B = "B",
        /// Fairly reliable.
        C = "C",
        /// Not usually reliable.
        D = "D",
        /// Unreliable.
        E = "E",
        /// Reliability cannot be judged: where every source starts.
        F = "F",
    }
}

/// Enough of a source to show and link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SourceRef {
    pub id: SourceId,
    pub name: String,
    pub kind: SourceKind,
}

/// A source to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NewSource {
    /// Its stable id when it comes from elsewhere (an import of our export);
    /// None gives it a new one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub uid: Option<String>,
    pub name: String,
    pub kind: SourceKind,
    /// The source it speaks for ("a senior Saudi official" → the Saudi government).
    pub affiliation: Option<SourceId>,
    /// Other names that find it ("Peskov", "Kremlin spokesman").
    pub aliases: Vec<String>,
    pub reliability: Reliability,
    /// Why this reliability.
    pub reliability_rationale: String,
    pub description: String,
}

impl NewSource {
    /// A source with only a name and kind: no aliases or affiliation, reliability not judged.
    pub fn named(name: impl Into<String>, kind: SourceKind) -> Self {
        NewSource {
            uid: None,
            name: name.into(),
            kind,
            affiliation: None,
            aliases: Vec::new(),
            reliability: Reliability::F,
            reliability_rationale: String::new(),
            description: String::new(),
        }
    }
}

/// Changes to a source: the fields given replace the stored ones, the others
/// stay. Aliases change through their own calls.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SourcePatch {
    #[ts(optional = nullable)]
    pub name: Option<String>,
    #[ts(optional = nullable)]
    pub kind: Option<SourceKind>,
    /// Absent: unchanged; `null`: no affiliation any more; an id: the new one.
    #[serde(with = "absent_or_null", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number | null")]
    pub affiliation: Option<Option<SourceId>>,
    #[ts(optional = nullable)]
    pub reliability: Option<Reliability>,
    #[ts(optional = nullable)]
    pub reliability_rationale: Option<String>,
    #[ts(optional = nullable)]
    pub description: Option<String>,
}

/// Tells a field given as `null` (`Some(None)`) from a missing one (`None`,
/// through `#[serde(default)]`, and left out when serializing).
mod absent_or_null {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::SourceId;

    pub fn serialize<S: Serializer>(value: &Option<Option<SourceId>>, serializer: S) -> Result<S::Ok, S::Error> {
        value.flatten().serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<SourceId>>, D::Error> {
        Option::deserialize(deserializer).map(Some)
    }
}

/// A stored source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Source {
    pub id: SourceId,
    /// A UUID that stays the source's across data directories and exports.
    pub uid: String,
    pub name: String,
    pub kind: SourceKind,
    pub affiliation: Option<SourceRef>,
    /// Alphabetical.
    pub aliases: Vec<String>,
    pub reliability: Reliability,
    pub reliability_rationale: String,
    pub description: String,
    /// Claims it made or relayed.
    pub claims: u64,
    pub created: Timestamp,
    /// The last edit of the source or its aliases.
    pub updated: Timestamp,
}

impl Source {
    pub fn as_ref(&self) -> SourceRef {
        SourceRef { id: self.id, name: self.name.clone(), kind: self.kind }
    }
}

/// A claim as seen from one of its sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SourceClaim {
    /// The source's part in the claim (its first, if it appears twice).
    pub role: ChainRole,
    pub article_title: String,
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StatusCount {
    pub status: ClaimStatus,
    pub count: u64,
}

/// Everything about one source: the source, who speaks for it, and every
/// claim it made or relayed across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SourcePage {
    pub source: Source,
    /// Sources affiliated with this one.
    pub members: Vec<SourceRef>,
    /// By article, then position in the article.
    pub claims: Vec<SourceClaim>,
    /// One entry per status, zeros included.
    pub by_status: Vec<StatusCount>,
    /// Distinct articles among `claims`.
    pub articles: Vec<ArticleId>,
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use super::*;

    #[test]
    fn kinds_and_grades_read_and_write_as_the_same_words() {
        assert_eq!(serde_json::to_string(&SourceKind::GovernmentBody).unwrap(), "\"government_body\"");
        assert_eq!("Government-Body".parse::<SourceKind>(), Ok(SourceKind::GovernmentBody));
        assert_eq!(serde_json::to_string(&Reliability::B).unwrap(), "\"B\"");
        assert_eq!("b".parse::<Reliability>(), Ok(Reliability::B));
        let error = "G".parse::<Reliability>().unwrap_err();
        assert!(error.contains("A, B, C, D, E, F"), "{error}");
        assert_eq!(SourceKind::parse("anonymous"), Some(SourceKind::Anonymous));
        assert_eq!(SourceKind::parse("Anonymous"), None, "stored words are exact");
    }

    #[test]
    fn a_patch_tells_a_cleared_affiliation_from_an_untouched_one() {
        let cleared: SourcePatch = serde_json::from_str(r#"{"affiliation": null}"#).unwrap();
        assert_eq!(cleared.affiliation, Some(None));
        let set: SourcePatch = serde_json::from_str(r#"{"affiliation": 4}"#).unwrap();
        assert_eq!(set.affiliation, Some(Some(4)));
        let untouched: SourcePatch = serde_json::from_str(r#"{"name": "Kreel"}"#).unwrap();
        assert_eq!(untouched.affiliation, None);
        assert!(!serde_json::to_string(&untouched).unwrap().contains("affiliation"), "absent stays absent");
        let decl = SourcePatch::decl(&Config::new().with_large_int("number"));
        assert!(decl.contains("affiliation?: number | null"), "{decl}");
    }
}
