//! The cue model: a linear classifier that says, token by token, whether a
//! word belongs to a cue, from the word and its neighbours. Word lists alone
//! cannot tell "say" in "officials say" from "say" in "to say the least";
//! neighbours can. Weights are learned by an averaged perceptron
//! ([`train_cue_model`]) and shipped as feature/weight lines
//! (`lexicon/cue_weights.tsv`): feature names are words and word pairs, never
//! passages.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::brat::Role;
use crate::eval::GoldDocument;
use crate::lexicon::{PRONOUNS, lexicon};
use crate::text::{Analysed, analyse};

/// Feature weights; the empty feature name holds the bias.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    weights: HashMap<String, f32, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: scoring looks up some twenty short feature names per token, where
/// the standard library's DoS-resistant hash is several times slower and buys
/// nothing (the keys are our own).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

const BIAS: &str = "";

impl CueModel {
    /// Reads `feature<TAB>weight` lines; `#` starts a comment line.
    pub fn from_tsv(text: &str) -> CueModel {
        let weights = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (f, w) = l.rsplit_once('\t')?;
                Some((f.to_string(), w.parse().ok()?))
            })
            .collect();
        CueModel { weights }
    }

    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &f32)> = self.weights.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::from("# cue model: feature\tweight (averaged perceptron on PolNeAR train)\n");
        for (f, w) in rows {
            out += &format!("{f}\t{w:.3}\n");
        }
        out
    }

    /// The score of each token: above zero means "part of a cue".
    pub(crate) fn scores(&self, a: &Analysed, quoted: &[bool]) -> Vec<f32> {
        let bias = self.weights.get(BIAS).copied().unwrap_or(0.0);
        (0..a.tokens.len())
            .map(|i| {
                let mut score = bias;
                token_features(a, quoted, i, &mut |f| score += self.weights.get(f).copied().unwrap_or(0.0));
                score
            })
            .collect()
    }
}

/// The shipped model, parsed once.
pub(crate) fn cue_model() -> &'static CueModel {
    static MODEL: OnceLock<CueModel> = OnceLock::new();
    MODEL.get_or_init(|| CueModel::from_tsv(include_str!("../lexicon/cue_weights.tsv")))
}

fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_numeric() => "d",
        Some(c) if c.is_uppercase() => {
            if chars.all(|c| !c.is_lowercase()) {
                "X"
            } else {
                "Xx"
            }
        }
        Some(c) if c.is_alphabetic() => "x",
        _ => "p",
    }
}

/// Which tokens lie inside a double-quoted passage.
pub(crate) fn quoted_tokens(a: &Analysed) -> Vec<bool> {
    let mut quoted = vec![false; a.tokens.len()];
    for &(open, close) in &a.quotes {
        for q in &mut quoted[open + 1..close.max(open + 1)] {
            *q = true;
        }
    }
    quoted
}

/// Calls `emit` with each feature name of token `i`. One buffer is reused
/// so that scoring allocates nothing per feature.
fn token_features(a: &Analysed, quoted: &[bool], i: usize, emit: &mut dyn FnMut(&str)) {
    let mut buf = String::with_capacity(48);
    macro_rules! feature {
        ($($arg:tt)*) => {{
            buf.clear();
            let _ = write!(buf, $($arg)*);
            emit(&buf);
        }};
    }
    let t = &a.tokens;
    let word = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= t.len() { "<s>" } else { &t[j as usize].lower }
    };
    let surface_shape = |k: isize| -> &'static str {
        let j = i as isize + k;
        if j < 0 || j as usize >= t.len() {
            "<s>"
        } else {
            let tok = &t[j as usize];
            if tok.capitalized { "Xx" } else { shape(&tok.lower) }
        }
    };
    let (w, p, n) = (word(0), word(-1), word(1));
    let ratio = lexicon().cues.get(w).map_or(0, |c| (c.ratio() * 10.0).round() as u32);
    let q = if quoted[i] { "1" } else { "0" };
    feature!("w={w}");
    feature!("p={p}");
    feature!("n={n}");
    feature!("pp={}", word(-2));
    feature!("nn={}", word(2));
    feature!("pw={p}|{w}");
    feature!("wn={w}|{n}");
    feature!("r={ratio}");
    feature!("rq={ratio}|{q}");
    feature!("rp={ratio}|{}", if PRONOUNS.contains(&p) { "pron" } else { surface_shape(-1) });
    feature!("rn={ratio}|{}", surface_shape(1));
    feature!("sh={}|{}|{}", surface_shape(-1), surface_shape(0), surface_shape(1));
    feature!("wq={w}|{q}");
    let suffix = w.char_indices().rev().nth(2).map_or(w, |(b, _)| &w[b..]);
    feature!("suf={suffix}");
    feature!("nl={}", t[i].newline_before);
    // Word classes of the neighbours generalise over words seen rarely:
    // "officials say", "he thinks", "the poll shows".
    let class = |k: isize| -> &'static str {
        let x = word(k);
        if PRONOUNS.contains(&x) {
            "pron"
        } else if matches!(x, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that") {
            "det"
        } else if matches!(x, "“" | "”" | "\"" | "''" | "``") {
            "quote"
        } else {
            surface_shape(k)
        }
    };
    let stem = stem(w);
    feature!("stem={stem}");
    feature!("stem|p={stem}|{}", class(-1));
    feature!("stem|n={stem}|{}", class(1));
    feature!("r|pn={ratio}|{}|{}", class(-1), class(1));
    feature!("r|ppn={ratio}|{}|{}|{}", class(-2), class(-1), class(1));
    feature!("rq|n={ratio}|{q}|{n}");
}

/// A crude English stem: "warned", "warning", "warns" → "warn".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ied", "ies", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return stem;
        }
    }
    word
}

/// Trains the cue model on gold documents: `epochs` passes of an averaged
/// perceptron over every token, then features seen fewer than `min_count`
/// times are dropped so the shipped file stays small.
pub fn train_cue_model(docs: &[GoldDocument], epochs: usize, min_count: u32) -> CueModel {
    let mut examples: Vec<(Vec<String>, bool)> = Vec::new();
    let mut counts: HashMap<String, u32> = HashMap::new();
    for doc in docs {
        let a = analyse(&doc.text);
        let quoted = quoted_tokens(&a);
        let mut inside = vec![false; doc.text.chars().count() + 1];
        for span in doc.annotations.of_role(Role::Cue) {
            for f in &span.fragments {
                for slot in inside.iter_mut().take(f.end).skip(f.start) {
                    *slot = true;
                }
            }
        }
        for (i, tok) in a.tokens.iter().enumerate() {
            let mut features = Vec::new();
            token_features(&a, &quoted, i, &mut |f| features.push(f.to_string()));
            for f in &features {
                *counts.entry(f.clone()).or_default() += 1;
            }
            examples.push((features, inside.get(tok.span.start).copied().unwrap_or(false)));
        }
    }
    // Averaged perceptron with the usual lazy-update trick: `total` holds the
    // sum of each weight over all steps so far.
    let mut weights: HashMap<String, f32> = HashMap::new();
    let mut totals: HashMap<String, f32> = HashMap::new();
    let mut stamps: HashMap<String, u64> = HashMap::new();
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..epochs {
        // A fixed-seed shuffle keeps training reproducible.
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        for &e in &order {
            step += 1;
            let (features, gold) = &examples[e];
            let active =
                features.iter().map(String::as_str).filter(|f| counts.get(*f).is_some_and(|c| *c >= min_count));
            let active: Vec<&str> = std::iter::once(BIAS).chain(active).collect();
            let score: f32 = active.iter().filter_map(|f| weights.get(*f)).sum();
            if (score > 0.0) != *gold {
                let delta = if *gold { 1.0 } else { -1.0 };
                for f in active {
                    let w = weights.entry(f.to_string()).or_default();
                    let last = stamps.entry(f.to_string()).or_default();
                    *totals.entry(f.to_string()).or_default() += *w * (step - *last) as f32;
                    *last = step;
                    *w += delta;
                }
            }
        }
    }
    let averaged = weights
        .iter()
        .map(|(f, w)| {
            let total = totals.get(f).copied().unwrap_or(0.0) + w * (step - stamps.get(f).copied().unwrap_or(0)) as f32;
            (f.clone(), total / step as f32)
        })
        .filter(|(_, w)| w.abs() >= 0.0005)
        .collect();
    CueModel { weights: averaged }
}
