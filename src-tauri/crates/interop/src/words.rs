//! The Admiralty scales in words, for people reading an export.

use claimdesk_domain::Reliability;

/// Credibility of information, 1–6.
pub(crate) fn credibility(grade: u8) -> &'static str {
    match grade {
        1 => "confirmed",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "cannot be judged",
    }
}

/// Reliability of a source, A–F.
pub(crate) fn reliability(grade: Reliability) -> &'static str {
    match grade {
        Reliability::A => "completely reliable",
        Reliability::B => "usually reliable",
        Reliability::C => "fairly reliable",
        Reliability::D => "not usually reliable",
        Reliability::E => "unreliable",
        Reliability::F => "reliability cannot be judged",
    }
}
