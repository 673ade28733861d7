//! The cue model: a linear classifier that says, token by token, whether a
//! word belongs to a cue, from the word and its neighbours. Word lists alone
//! cannot tell "say" in "officials say" from "say" in "to say the least";
//! neighbours can. A second stage then weighs each first-stage score against
//! the others in its sentence. Weights are learned by averaged perceptrons
//! ([`train_cue_model`]) and shipped as feature/weight lines
//! (`lexicon/cue_weights.tsv`): feature names are words, word pairs, word
//! class paths and score buckets, never passages.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::brat::Role;
use crate::eval::GoldDocument;
use crate::lexicon::PRONOUNS;
use crate::text::{Analysed, analyse};

/// Keys borrow from the shipped files (parsing allocates no names) or are
/// owned (a model just trained or read at run time).
type FnvMap<V> = HashMap<Cow<'static, str>, V, BuildHasherDefault<Fnv>>;

/// Feature weights (the empty feature name holds the bias), and the cue
/// counts of the words whose cue share is a feature.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    weights: FnvMap<f32>,
    /// word → (times inside a gold cue, occurrences) on the training texts,
    /// for words inside a cue at least [`MIN_CUE`] times and
    /// [`MIN_RATIO`] of the time (`lexicon/cues.tsv`).
    cues: FnvMap<(u32, u32)>,
}

/// A word's cue share is a feature only when it was inside a cue this often…
const MIN_CUE: u32 = 2;
/// …and at least this share of its occurrences.
const MIN_RATIO: f32 = 0.15;

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
    /// Reads `feature<TAB>weight` lines and `word<TAB>inside<TAB>occurrences`
    /// lines (`cues.tsv`); `#` starts a comment line.
    pub fn from_tsv(weights: &str, cues: &str) -> CueModel {
        Self::parse(weights, cues, |k| Cow::Owned(k.to_string()))
    }

    /// As [`CueModel::from_tsv`], borrowing the names from static text.
    fn from_static(weights: &'static str, cues: &'static str) -> CueModel {
        Self::parse(weights, cues, Cow::Borrowed)
    }

    fn parse<'t>(weights: &'t str, cues: &'t str, key: impl Fn(&'t str) -> Cow<'static, str>) -> CueModel {
        let rows = |text: &'t str| text.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        let mut w = FnvMap::with_capacity_and_hasher(weights.len() / 16, Default::default());
        w.extend(rows(weights).filter_map(|l| {
            let (f, w) = l.rsplit_once('\t')?;
            Some((key(f), w.parse().ok()?))
        }));
        let c = rows(cues)
            .filter_map(|l| {
                let mut cells = l.split('\t');
                let word = key(cells.next()?);
                Some((word, (cells.next()?.parse().ok()?, cells.next()?.parse().ok()?)))
            })
            .collect();
        CueModel { weights: w, cues: c }
    }

    /// Moves the decision threshold by `t` (the score must exceed `t` to mark
    /// a cue token): folds it into the last stage's bias. A positive `t`
    /// trades recall for precision.
    pub fn shift_threshold(&mut self, t: f32) {
        let bias = if self.weights.contains_key(STAGE2_BIAS) { STAGE2_BIAS } else { BIAS };
        *self.weights.entry(Cow::Owned(bias.to_string())).or_default() -= t;
    }

    /// The cue counts as `cues.tsv` lines, most frequent cue words first.
    pub fn cues_tsv(&self) -> String {
        let mut rows: Vec<(&Cow<str>, &(u32, u32))> = self.cues.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let mut out = String::from("# word\tinside a gold cue\toccurrences (PolNeAR train; counts only)\n");
        for (w, (inside, total)) in rows {
            out += &format!("{w}\t{inside}\t{total}\n");
        }
        out
    }

    /// A word's share of cue occurrences in tenths (0 when not a listed cue word).
    fn ratio(&self, word: &str) -> u32 {
        self.cues.get(word).map_or(0, |&(inside, total)| (inside as f32 / total.max(1) as f32 * 10.0).round() as u32)
    }

    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&Cow<str>, &f32)> = self.weights.iter().collect();
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
                token_features(self, a, quoted, i, &mut |f| score += self.weights.get(f).copied().unwrap_or(0.0));
                score
            })
            .collect()
    }
}

/// The shipped model, parsed once.
pub(crate) fn cue_model() -> &'static CueModel {
    static MODEL: OnceLock<CueModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        CueModel::from_static(include_str!("../lexicon/cue_weights.tsv"), include_str!("../lexicon/cues.tsv"))
    })
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

/// Word classes learned from unlabeled news text (`lexicon/word_clusters.tsv`,
/// made by `examples/word_clusters.rs`): each word's path in a Brown class
/// hierarchy, whose prefixes name coarser classes. Parsed once.
fn word_classes() -> &'static HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>> {
    static CLASSES: OnceLock<HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        include_str!("../lexicon/word_clusters.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The first `n` bits of a class path (all of it when shorter).
fn prefix(bits: &str, n: usize) -> &str {
    &bits[..n.min(bits.len())]
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
fn token_features(model: &CueModel, a: &Analysed, quoted: &[bool], i: usize, emit: &mut dyn FnMut(&str)) {
    let mut buf = String::with_capacity(48);
    // Names are pieced together with push_str: formatting machinery is
    // slower, and scoring builds some forty names per token.
    macro_rules! feature {
        ($($part:expr),+) => {{
            buf.clear();
            $(buf.push_str($part);)+
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
    let ratio = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"][model.ratio(w).min(10) as usize];
    let q = if quoted[i] { "1" } else { "0" };
    feature!("w=", w);
    feature!("p=", p);
    feature!("n=", n);
    feature!("pp=", word(-2));
    feature!("nn=", word(2));
    feature!("pw=", p, "|", w);
    feature!("wn=", w, "|", n);
    feature!("r=", ratio);
    feature!("rq=", ratio, "|", q);
    feature!("rp=", ratio, "|", if PRONOUNS.contains(&p) { "pron" } else { surface_shape(-1) });
    feature!("rn=", ratio, "|", surface_shape(1));
    feature!("sh=", surface_shape(-1), "|", surface_shape(0), "|", surface_shape(1));
    feature!("wq=", w, "|", q);
    let suffix = w.char_indices().rev().nth(2).map_or(w, |(b, _)| &w[b..]);
    feature!("suf=", suffix);
    feature!("nl=", bool_name(t[i].newline_before));
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
    feature!("stem=", stem);
    feature!("stem|p=", stem, "|", class(-1));
    feature!("stem|n=", stem, "|", class(1));
    feature!("r|pn=", ratio, "|", class(-1), "|", class(1));
    feature!("r|ppn=", ratio, "|", class(-2), "|", class(-1), "|", class(1));
    feature!("rq|n=", ratio, "|", q, "|", n);
    // Word classes from unlabeled text carry what is learned about frequent
    // cue words ("said", "warned") over to rare ones of the same class.
    let classes = word_classes();
    let bits = |k: isize| -> &str { classes.get(word(k)).copied().unwrap_or("?") };
    let (b, bp, bn) = (bits(0), bits(-1), bits(1));
    // (Their names start with "k".)
    for (name, n) in [("k4=", 4), ("k6=", 6), ("k10=", 10)] {
        feature!(name, prefix(b, n));
    }
    feature!("kf=", b);
    feature!("kf|q=", b, "|", q);
    feature!("k6|pn=", prefix(b, 6), "|", class(-1), "|", class(1));
    feature!("k10|r=", prefix(b, 10), "|", ratio);
    for (names, n) in [(["kp4=", "kn4=", "kp|k4=", "k|kn4="], 4), (["kp6=", "kn6=", "kp|k6=", "k|kn6="], 6)] {
        feature!(names[0], prefix(bp, n));
        feature!(names[1], prefix(bn, n));
        feature!(names[2], prefix(bp, n), "|", prefix(b, n));
        feature!(names[3], prefix(b, n), "|", prefix(bn, n));
    }
    let suffix2 = w.char_indices().rev().nth(1).map_or(w, |(b, _)| &w[b..]);
    feature!("ksuf2|4=", suffix2, "|", prefix(b, 4));
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

/// A bucket's name in feature names.
fn bucket_name(bucket: i32) -> &'static str {
    const NAMES: [&str; 17] =
        ["-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8"];
    NAMES[(bucket.clamp(-8, 8) + 8) as usize]
}

fn bool_name(b: bool) -> &'static str {
    if b { "true" } else { "false" }
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
    // Names are pieced together with push_str: formatting machinery is
    // slower, and scoring builds some forty names per token.
    macro_rules! feature {
        ($($part:expr),+) => {{
            buf.clear();
            $(buf.push_str($part);)+
            emit(&buf);
        }};
    }
    let at = |k: isize| -> f32 {
        let j = i as isize + k;
        if j < 0 || j as usize >= first.len() { -8.0 } else { first[j as usize] }
    };
    let n = context.sentence[i];
    let own_bucket = bucket(at(0));
    let own = bucket_name(own_bucket);
    let signum = bucket_name(own_bucket.signum());
    let best = bucket_name(bucket(context.best[n]));
    let is_best = bool_name(first[i] >= context.best[n]);
    let others = context.positives[n] - usize::from(first[i] > 0.0);
    let q = bool_name(quoted[i]);
    feature!("2:s=", own);
    feature!("2:sp=", bucket_name(bucket(at(-1))), "|", own);
    feature!("2:sn=", own, "|", bucket_name(bucket(at(1))));
    feature!("2:best=", own, "|", best, "|", is_best);
    feature!("2:others=", own, "|", ["0", "1", "2", "3"][others.min(3)]);
    feature!("2:q=", own, "|", q);
    feature!("2:w=", &a.tokens[i].lower, "|", signum);
    feature!("2:spp=", bucket_name(bucket(at(-2))), "|", own);
    feature!("2:snn=", own, "|", bucket_name(bucket(at(2))));
    let near = [-3isize, -2, -1, 1, 2, 3].iter().map(|&k| at(k)).fold(-8.0f32, f32::max);
    feature!("2:near=", own, "|", bucket_name(bucket(near)));
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

/// Training examples: each a list of feature ids and the gold label.
#[derive(Default)]
struct Examples {
    ids: HashMap<String, u32, BuildHasherDefault<Fnv>>,
    names: Vec<String>,
    rows: Vec<(Vec<u32>, bool)>,
}

impl Examples {
    fn id(&mut self, feature: &str) -> u32 {
        if let Some(&id) = self.ids.get(feature) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(feature.to_string());
        self.ids.insert(feature.to_string(), id);
        id
    }
}

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

/// A training text analysed once: tokens, which are quoted, gold labels.
struct Prepared {
    a: Analysed,
    quoted: Vec<bool>,
    gold: Vec<bool>,
}

/// Settings of [`train_cue_model`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes of each averaged perceptron.
    pub epochs: usize,
    /// Features seen fewer times are dropped, so the shipped file stays small.
    pub min_count: u32,
    /// Whether a training text's cue shares (`r=` features) are counted on
    /// the other folds' texts only, as an unseen text's will be, rather than
    /// on all texts including its own.
    pub jackknife: bool,
    /// Feature names starting with any of these are left out (ablations).
    pub without: Vec<String>,
    /// The decision threshold folded into the trained model (see
    /// [`CueModel::shift_threshold`]); -0.25 scored best on the held-out
    /// fifth of train (overlap cue F1 0.741 against 0.739 at 0).
    pub threshold: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { epochs: 5, min_count: 3, jackknife: true, without: Vec::new(), threshold: -0.25 }
    }
}

const FOLDS: usize = 5;

/// Cue counts of the words of `docs` that pass [`MIN_CUE`] and [`MIN_RATIO`].
fn cue_counts<'a>(docs: impl Iterator<Item = &'a Prepared>) -> FnvMap<(u32, u32)> {
    let mut all: HashMap<&str, (u32, u32)> = HashMap::new();
    for d in docs {
        for (t, &gold) in d.a.tokens.iter().zip(&d.gold) {
            let e = all.entry(t.lower.as_str()).or_default();
            e.0 += u32::from(gold);
            e.1 += 1;
        }
    }
    all.into_iter()
        .filter(|(_, (inside, total))| *inside >= MIN_CUE && *inside as f32 / *total as f32 >= MIN_RATIO)
        .map(|(w, c)| (Cow::Owned(w.to_string()), c))
        .collect()
}

/// First-stage training examples of `docs`, their cue shares counted by `counts`.
fn first_stage_examples(counts: &CueModel, docs: &[&Prepared], options: &TrainOptions, out: &mut Examples) {
    for d in docs {
        for (i, &gold) in d.gold.iter().enumerate() {
            let mut features = Vec::new();
            token_features(counts, &d.a, &d.quoted, i, &mut |f| {
                if !options.without.iter().any(|p| f.starts_with(p.as_str())) {
                    features.push(out.id(f))
                }
            });
            out.rows.push((features, gold));
        }
    }
}

/// The first stage learned on `docs`, with their cue counts.
fn train_first_stage(docs: &[&Prepared], options: &TrainOptions) -> CueModel {
    let mut examples = Examples::default();
    if options.jackknife {
        for fold in 0..FOLDS {
            let counts = CueModel {
                weights: FnvMap::default(),
                cues: cue_counts(docs.iter().enumerate().filter(|(n, _)| n % FOLDS != fold).map(|(_, d)| *d)),
            };
            let part: Vec<&Prepared> =
                docs.iter().enumerate().filter(|(n, _)| n % FOLDS == fold).map(|(_, d)| *d).collect();
            first_stage_examples(&counts, &part, options, &mut examples);
        }
    } else {
        let counts = CueModel { weights: FnvMap::default(), cues: cue_counts(docs.iter().copied()) };
        first_stage_examples(&counts, docs, options, &mut examples);
    }
    CueModel {
        weights: perceptron(&examples, options.epochs, options.min_count, BIAS),
        cues: cue_counts(docs.iter().copied()),
    }
}

/// Trains the cue model on gold documents, in two stages. The first stage
/// scores tokens from their words; the second from the first stage's scores
/// in context. The second stage learns from first-stage scores of texts the
/// first stage did not see (five folds), as it will meet them at run time.
/// Each stage is `epochs` passes of an averaged perceptron; features seen
/// fewer than `min_count` times are dropped so the shipped file stays small.
pub fn train_cue_model(docs: &[GoldDocument], options: &TrainOptions) -> CueModel {
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let a = analyse(&d.text);
            let quoted = quoted_tokens(&a);
            let gold = labels(d, &a);
            Prepared { a, quoted, gold }
        })
        .collect();
    let all: Vec<&Prepared> = prepared.iter().collect();
    let mut second = Examples::default();
    for fold in 0..FOLDS {
        let rest: Vec<&Prepared> = all.iter().enumerate().filter(|(n, _)| n % FOLDS != fold).map(|(_, d)| *d).collect();
        let model = train_first_stage(&rest, options);
        for d in all.iter().enumerate().filter(|(n, _)| n % FOLDS == fold).map(|(_, d)| *d) {
            let first = model.first_stage(&d.a, &d.quoted);
            let context = SentenceContext::new(&d.a, &first);
            for (i, &gold) in d.gold.iter().enumerate() {
                let mut features = Vec::new();
                stage2_features(&d.a, &d.quoted, &first, &context, i, &mut |f| features.push(second.id(f)));
                second.rows.push((features, gold));
            }
        }
    }
    let mut model = train_first_stage(&all, options);
    model.weights.extend(perceptron(&second, options.epochs, options.min_count, STAGE2_BIAS));
    model.shift_threshold(options.threshold);
    model
}

/// An averaged perceptron over binary features, with `bias` as the feature every example has.
fn perceptron(examples: &Examples, epochs: usize, min_count: u32, bias: &str) -> FnvMap<f32> {
    let mut counts = vec![0u32; examples.names.len()];
    for (features, _) in &examples.rows {
        for &f in features {
            counts[f as usize] += 1;
        }
    }
    // The bias gets the id after the last feature.
    let bias_id = examples.names.len() as u32;
    let rows: Vec<(Vec<u32>, bool)> = examples
        .rows
        .iter()
        .map(|(features, gold)| {
            let mut active: Vec<u32> = features.iter().copied().filter(|&f| counts[f as usize] >= min_count).collect();
            active.push(bias_id);
            (active, *gold)
        })
        .collect();
    // Averaged perceptron with the usual lazy-update trick: `totals` holds the
    // sum of each weight over all steps up to its stamp.
    let size = examples.names.len() + 1;
    let mut weights = vec![0f32; size];
    let mut totals = vec![0f64; size];
    let mut stamps = vec![0u64; size];
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..rows.len()).collect();
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
            let (active, gold) = &rows[e];
            let score: f32 = active.iter().map(|&f| weights[f as usize]).sum();
            if (score > 0.0) != *gold {
                let delta = if *gold { 1.0 } else { -1.0 };
                for &f in active {
                    let f = f as usize;
                    totals[f] += f64::from(weights[f]) * (step - stamps[f]) as f64;
                    stamps[f] = step;
                    weights[f] += delta;
                }
            }
        }
    }
    (0..size)
        .filter_map(|f| {
            let total = totals[f] + f64::from(weights[f]) * (step - stamps[f]) as f64;
            let w = (total / step as f64) as f32;
            let name = if f == bias_id as usize { bias } else { examples.names[f].as_str() };
            (w.abs() >= 0.0005).then(|| (Cow::Owned(name.to_string()), w))
        })
        .collect()
}
