//! The cue model: a linear classifier that says, token by token, whether a
//! word belongs to a cue, from the word and its neighbours. Word lists alone
//! cannot tell "say" in "officials say" from "say" in "to say the least";
//! neighbours can. A second stage then weighs each first-stage score against
//! the others in its sentence. Weights are learned by averaged perceptrons
//! ([`train_cue_model`]) and shipped as feature/weight lines
//! (`lexicon/cue_weights.tsv`): feature names are words, word pairs and
//! score buckets, never passages.

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
/// Second-stage feature names start with this; it alone is their bias.
const STAGE2_BIAS: &str = "2:";

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
        let first = self.first_stage(a, quoted);
        if !self.weights.contains_key(STAGE2_BIAS) {
            return first;
        }
        let context = SentenceContext::new(a, &first);
        (0..a.tokens.len())
            .map(|i| {
                let mut score = self.weights.get(STAGE2_BIAS).copied().unwrap_or(0.0);
                stage2_features(a, quoted, &first, &context, i, &mut |f| {
                    score += self.weights.get(f).copied().unwrap_or(0.0)
                });
                score
            })
            .collect()
    }

    fn first_stage(&self, a: &Analysed, quoted: &[bool]) -> Vec<f32> {
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

/// Per token: the sentence it is in, and that sentence's best first-stage
/// score and count of positive tokens.
struct SentenceContext {
    sentence: Vec<usize>,
    best: Vec<f32>,
    positives: Vec<usize>,
}

impl SentenceContext {
    fn new(a: &Analysed, first: &[f32]) -> SentenceContext {
        let mut sentence = vec![0; a.tokens.len()];
        let mut best = Vec::with_capacity(a.sentences.len());
        let mut positives = Vec::with_capacity(a.sentences.len());
        for (n, &(ss, se)) in a.sentences.iter().enumerate() {
            sentence[ss..se].fill(n);
            best.push(first[ss..se].iter().copied().fold(f32::MIN, f32::max));
            positives.push(first[ss..se].iter().filter(|&&x| x > 0.0).count());
        }
        SentenceContext { sentence, best, positives }
    }
}

fn bucket(score: f32) -> i32 {
    (score.clamp(-8.0, 8.0)).round() as i32
}

/// The second stage sees the first stage's scores around the token and
/// across its sentence: one strong cue makes a weak one nearby less likely,
/// a sentence with none makes its best candidate more likely.
fn stage2_features(
    a: &Analysed,
    quoted: &[bool],
    first: &[f32],
    context: &SentenceContext,
    i: usize,
    emit: &mut dyn FnMut(&str),
) {
    let mut buf = String::with_capacity(32);
    macro_rules! feature {
        ($($arg:tt)*) => {{
            buf.clear();
            let _ = write!(buf, $($arg)*);
            emit(&buf);
        }};
    }
    let at = |k: isize| -> f32 {
        let j = i as isize + k;
        if j < 0 || j as usize >= first.len() { -8.0 } else { first[j as usize] }
    };
    let n = context.sentence[i];
    let own = bucket(at(0));
    let best = bucket(context.best[n]);
    let is_best = first[i] >= context.best[n];
    let others = context.positives[n] - usize::from(first[i] > 0.0);
    let q = quoted[i];
    feature!("2:s={own}");
    feature!("2:sp={}|{own}", bucket(at(-1)));
    feature!("2:sn={own}|{}", bucket(at(1)));
    feature!("2:best={own}|{best}|{is_best}");
    feature!("2:others={own}|{}", others.min(3));
    feature!("2:q={own}|{q}");
    feature!("2:w={}|{}", a.tokens[i].lower, own.signum());
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

type Examples = Vec<(Vec<String>, bool)>;

/// Gold labels of a document's tokens: inside a cue or not.
fn labels(doc: &GoldDocument, a: &Analysed) -> Vec<bool> {
    let mut inside = vec![false; doc.text.chars().count() + 1];
    for span in doc.annotations.of_role(Role::Cue) {
        for f in &span.fragments {
            for slot in inside.iter_mut().take(f.end).skip(f.start) {
                *slot = true;
            }
        }
    }
    a.tokens.iter().map(|t| inside.get(t.span.start).copied().unwrap_or(false)).collect()
}

type Prepared<'d> = (&'d GoldDocument, Analysed, Vec<bool>);

fn first_stage_examples<'a, 'd: 'a>(docs: impl Iterator<Item = &'a Prepared<'d>>) -> Examples {
    let mut examples = Examples::new();
    for (doc, a, quoted) in docs {
        for (i, gold) in labels(doc, a).into_iter().enumerate() {
            let mut features = Vec::new();
            token_features(a, quoted, i, &mut |f| features.push(f.to_string()));
            examples.push((features, gold));
        }
    }
    examples
}

/// Trains the cue model on gold documents, in two stages. The first stage
/// scores tokens from their words; the second from the first stage's scores
/// in context. The second stage learns from first-stage scores of texts the
/// first stage did not see (five folds), as it will meet them at run time.
/// Each stage is `epochs` passes of an averaged perceptron; features seen
/// fewer than `min_count` times are dropped so the shipped file stays small.
pub fn train_cue_model(docs: &[GoldDocument], epochs: usize, min_count: u32) -> CueModel {
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let a = analyse(&d.text);
            let quoted = quoted_tokens(&a);
            (d, a, quoted)
        })
        .collect();
    const FOLDS: usize = 5;
    let mut second = Examples::new();
    for fold in 0..FOLDS {
        let rest = prepared.iter().enumerate().filter(|(n, _)| n % FOLDS != fold).map(|(_, d)| d);
        let model = CueModel { weights: perceptron(&first_stage_examples(rest), epochs, min_count, BIAS) };
        for (_, (doc, a, quoted)) in prepared.iter().enumerate().filter(|(n, _)| n % FOLDS == fold) {
            let first = model.first_stage(a, quoted);
            let context = SentenceContext::new(a, &first);
            for (i, gold) in labels(doc, a).into_iter().enumerate() {
                let mut features = Vec::new();
                stage2_features(a, quoted, &first, &context, i, &mut |f| features.push(f.to_string()));
                second.push((features, gold));
            }
        }
    }
    let mut weights = perceptron(&first_stage_examples(prepared.iter()), epochs, min_count, BIAS);
    weights.extend(perceptron(&second, epochs, min_count, STAGE2_BIAS));
    CueModel { weights }
}

/// An averaged perceptron over binary features, with `bias` as the feature every example has.
fn perceptron(
    examples: &Examples,
    epochs: usize,
    min_count: u32,
    bias: &str,
) -> HashMap<String, f32, BuildHasherDefault<Fnv>> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for (features, _) in examples {
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1;
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
            let active: Vec<&str> = std::iter::once(bias).chain(active).collect();
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
    weights
        .iter()
        .map(|(f, w)| {
            let total = totals.get(f).copied().unwrap_or(0.0) + w * (step - stamps.get(f).copied().unwrap_or(0)) as f32;
            (f.clone(), total / step as f32)
        })
        .filter(|(_, w)| w.abs() >= 0.0005)
        .collect()
}
