//! Word lists: counts taken from PolNeAR train (how often a word lay inside a
//! cue, how often a particle after a cue was part of it; words and numbers
//! only, parsed once) and the small hand-written lists that find sources,
//! classify them and spot hedges.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How often a word was inside a gold cue, and how often it occurred.
#[derive(Debug, Clone, Copy)]
pub struct CueWeight {
    pub inside: u32,
    pub total: u32,
}

impl CueWeight {
    pub fn ratio(&self) -> f32 {
        self.inside as f32 / self.total.max(1) as f32
    }
}

pub struct Lexicon {
    pub cues: HashMap<&'static str, CueWeight>,
    /// (cue word, particle) → (times the particle was inside the cue, times it followed outside).
    pub particles: HashMap<(&'static str, &'static str), (u32, u32)>,
}

/// Tab-separated; lines starting with `#` are comments.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let cues = rows(include_str!("../lexicon/cues.tsv"))
            .filter_map(|r| Some((r[0], CueWeight { inside: r.get(1)?.parse().ok()?, total: r.get(2)?.parse().ok()? })))
            .collect();
        let particles = rows(include_str!("../lexicon/cue_particles.tsv"))
            .filter_map(|r| Some(((r[0], *r.get(1)?), (r.get(2)?.parse().ok()?, r.get(3)?.parse().ok()?))))
            .collect();
        Lexicon { cues, particles }
    })
}

/// Auxiliaries and adverbs that annotators take into the cue when they
/// stand right before it ("has said", "also warned", "did not respond"): on
/// PolNeAR train each was inside the cue in at least 77% of such places.
pub const CUE_AUXILIARIES: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "be",
    "been",
    "being",
    "can",
    "could",
    "did",
    "even",
    "first",
    "had",
    "has",
    "have",
    "initially",
    "is",
    "just",
    "later",
    "may",
    "might",
    "never",
    "not",
    "now",
    "often",
    "once",
    "previously",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "still",
    "was",
    "were",
    "will",
    "would",
];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"];

/// Adverbs and auxiliaries that may stand between a source and its cue.
pub const BETWEEN_SOURCE_AND_CUE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "also",
    "reportedly",
    "allegedly",
    "previously",
    "repeatedly",
    "recently",
    "publicly",
    "privately",
    "once",
    "then",
    "now",
    "already",
    "again",
    "later",
    "earlier",
    "first",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "not",
    "never",
    "quickly",
    "apparently",
    "initially",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "last",
    "week",
    "night",
    "morning",
    "evening",
    "afternoon",
    "separately",
    "further",
    "openly",
    "flatly",
    "simply",
    "even",
    "still",
    "just",
    "himself",
    "herself",
    "themselves",
    "itself",
];

/// Words that end a source noun phrase when walking back from the cue.
pub const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "but", "because", "while", "when", "as", "if", "although", "though", "after",
    "before", "since", "so", "where", "whether", "than", "what", "how", "why", "until", "unless", "once", "and", "or",
    "nor", "yet", "is", "was", "are", "were", "be", "to", "in", "at", "for", "with", "by", "from", "about", "into",
    "over", "under", "during", "said", "says", "say", "told", "tells",
];

pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "appears",
    "appeared",
    "appear",
    "seems",
    "seemed",
    "seem",
    "alleged",
    "alleges",
    "allege",
    "claimed",
    "claims",
    "rumored",
    "rumoured",
    "unconfirmed",
    "unverified",
    "possibly",
    "perhaps",
];

/// Verbs whose object is the person or outlet the words were given to.
pub const TELL_VERBS: &[&str] = &["told", "tells", "tell", "telling", "informed", "informs", "briefed"];

/// Nouns heading an anonymous source ("a senior official", "sources close to").
pub const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "aide",
    "aides",
    "person",
    "people",
    "insider",
    "insiders",
    "diplomat",
    "diplomats",
    "observers",
    "observer",
    "witnesses",
    "witness",
    "residents",
    "analysts",
    "experts",
    "member",
    "members",
    "staffers",
    "advisers",
    "advisors",
    "someone",
    "critics",
    "supporters",
    "officers",
];

/// Words opening an indefinite noun phrase.
pub const INDEFINITE: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "another",
    "senior",
    "independent",
    "sources",
    "officials",
    "unnamed",
    "anonymous",
    "people",
    "most",
    "few",
    "numerous",
];

pub const OUTLET_WORDS: &[&str] = &[
    "times",
    "post",
    "news",
    "press",
    "afp",
    "reuters",
    "ap",
    "cnn",
    "bbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "msnbc",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "guardian",
    "politico",
    "breitbart",
    "bloomberg",
    "tass",
    "xinhua",
    "media",
    "newspaper",
    "television",
    "tv",
    "magazine",
    "radio",
    "outlet",
    "interfax",
    "jazeera",
    "telegraph",
    "axios",
    "npr",
    "pbs",
    "huffington",
    "buzzfeed",
    "wire",
    "daily",
    "broadcaster",
    "agency",
    "ria",
    "usa",
];

pub const ORGANIZATION_WORDS: &[&str] = &[
    "ministry",
    "authority",
    "service",
    "government",
    "presidency",
    "department",
    "office",
    "committee",
    "campaign",
    "party",
    "council",
    "court",
    "police",
    "army",
    "military",
    "kremlin",
    "house",
    "pentagon",
    "commission",
    "union",
    "company",
    "bank",
    "group",
    "foundation",
    "institute",
    "university",
    "administration",
    "embassy",
    "senate",
    "congress",
    "fbi",
    "cia",
    "un",
    "nato",
    "eu",
    "democrats",
    "republicans",
    "gop",
    "dnc",
    "rnc",
    "authorities",
    "state",
    "board",
    "agency",
    "coalition",
    "organization",
    "organisation",
    "association",
    "federation",
    "corporation",
    "inc",
    "cabinet",
    "parliament",
    "legislature",
    "firm",
    "court",
    "center",
    "centre",
    "fund",
    "network",
    "team",
];
