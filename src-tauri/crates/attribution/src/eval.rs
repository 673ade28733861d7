//! Scoring suggestions against gold attributions: precision, recall and F1
//! per role (cue, source, content) and for whole attributions, under exact
//! and under overlap match, each gold span matched at most once.
//!
//! A whole attribution matches when its cue and its source both match (exact:
//! both equal). A gold attribution without a source (PolNeAR's
//! `Attribution-no-source`) matches on its cue alone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::brat::{self, Annotations, GoldSpan, Role};
use crate::{SourceKind, Span, Suggestion, suggest};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Brat { path: PathBuf, source: brat::BratError },
    #[error("{0} holds no text/*.txt with attributions/*.ann")]
    Empty(PathBuf),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub predicted: usize,
    pub gold: usize,
    pub matched: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn add(&mut self, other: Counts) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.matched += other.matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RoleCounts {
    pub cue: Counts,
    pub source: Counts,
    pub content: Counts,
    pub whole: Counts,
}

impl RoleCounts {
    fn add(&mut self, other: RoleCounts) {
        self.cue.add(other.cue);
        self.source.add(other.source);
        self.content.add(other.content);
        self.whole.add(other.whole);
    }
}

/// Counts under both match criteria.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    pub exact: RoleCounts,
    pub overlap: RoleCounts,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.exact.add(other.exact);
        self.overlap.add(other.overlap);
    }
}

#[derive(Clone, Copy)]
enum Criterion {
    Exact,
    Overlap,
}

impl Criterion {
    fn matches(self, gold: &GoldSpan, predicted: &Span) -> bool {
        match self {
            Criterion::Exact => gold.hull() == *predicted,
            Criterion::Overlap => gold.overlap(predicted) > 0,
        }
    }
}

/// Matches each prediction to the unmatched gold span it shares most with.
fn match_spans(gold: &[&GoldSpan], predicted: &[Span], criterion: Criterion) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for p in predicted {
        let best = (0..gold.len())
            .filter(|&g| !used[g] && criterion.matches(gold[g], p))
            .max_by_key(|&g| (gold[g].hull() == *p, gold[g].overlap(p)));
        if let Some(g) = best {
            used[g] = true;
            matched += 1;
        }
    }
    Counts { predicted: predicted.len(), gold: gold.len(), matched }
}

fn role_counts(gold: &Annotations, suggestions: &[Suggestion], criterion: Criterion) -> RoleCounts {
    let role = |r: Role, pick: fn(&Suggestion) -> Option<Span>| {
        let g: Vec<&GoldSpan> = gold.of_role(r).collect();
        let p: Vec<Span> = suggestions.iter().filter_map(pick).collect();
        match_spans(&g, &p, criterion)
    };
    let attributions: Vec<_> = gold.attributions.iter().filter(|a| a.cue.is_some()).collect();
    let mut used = vec![false; attributions.len()];
    let mut whole = 0;
    for s in suggestions {
        let fits = |g: usize| {
            let a = attributions[g];
            let cue = a.cue.is_some_and(|c| criterion.matches(&gold.spans[c], &s.cue));
            let source = match (a.source, s.source) {
                (None, _) => true,
                (Some(gs), Some(ps)) => criterion.matches(&gold.spans[gs], &ps),
                (Some(_), None) => false,
            };
            cue && source
        };
        if let Some(g) = (0..attributions.len()).find(|&g| !used[g] && fits(g)) {
            used[g] = true;
            whole += 1;
        }
    }
    RoleCounts {
        cue: role(Role::Cue, |s| Some(s.cue)),
        source: role(Role::Source, |s| s.source),
        content: role(Role::Content, |s| s.content),
        whole: Counts { predicted: suggestions.len(), gold: attributions.len(), matched: whole },
    }
}

/// Scores one document's suggestions against its gold annotations.
pub fn score(gold: &Annotations, suggestions: &[Suggestion]) -> Score {
    Score {
        exact: role_counts(gold, suggestions, Criterion::Exact),
        overlap: role_counts(gold, suggestions, Criterion::Overlap),
    }
}

/// One gold document of a split folder.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    pub name: String,
    pub text: String,
    pub annotations: Annotations,
}

/// The annotation files of a split folder by text stem, in name order: the
/// .ann name is the text's stem, an underscore and the annotator's id.
fn annotation_files(dir: &Path) -> Result<BTreeMap<String, Vec<PathBuf>>, EvalError> {
    let folder = dir.join("attributions");
    let entries = std::fs::read_dir(&folder).map_err(|source| EvalError::Read { path: folder, source })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    files.sort();
    let mut by_stem: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in files {
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let stem = name.rsplit_once('_').map_or(name, |(stem, _)| stem).to_string();
        by_stem.entry(stem).or_default().push(path);
    }
    Ok(by_stem)
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read { path: path.to_path_buf(), source })
}

fn parse_file(path: &Path) -> Result<Annotations, EvalError> {
    brat::parse(&read(path)?).map_err(|source| EvalError::Brat { path: path.to_path_buf(), source })
}

/// Loads a split folder laid out as PolNeAR's: `text/STEM.txt` and
/// `attributions/STEM_ANNOTATOR.ann`. A text annotated by several people
/// (PolNeAR's agreement study) is scored once, against the first annotation
/// file in name order, so that no text weighs more than another.
pub fn load_split(dir: &Path) -> Result<Vec<GoldDocument>, EvalError> {
    let mut docs = Vec::new();
    for (stem, paths) in annotation_files(dir)? {
        let text_path = dir.join("text").join(format!("{stem}.txt"));
        if !text_path.exists() {
            continue;
        }
        let text = read(&text_path)?;
        docs.push(GoldDocument { name: stem, text, annotations: parse_file(&paths[0])? });
    }
    if docs.is_empty() {
        return Err(EvalError::Empty(dir.to_path_buf()));
    }
    Ok(docs)
}

/// One annotator's attributions as if they were suggestions (each span as
/// its hull), to score annotators against each other.
fn as_suggestions(annotations: &Annotations) -> Vec<Suggestion> {
    let hull = |i: Option<usize>| i.map(|i| annotations.spans[i].hull());
    annotations
        .attributions
        .iter()
        .filter_map(|a| {
            Some(Suggestion {
                cue: hull(a.cue)?,
                source: hull(a.source),
                content: hull(a.content),
                source_kind: SourceKind::Unknown,
                hedged: false,
                chain: Vec::new(),
                resolved_source: None,
            })
        })
        .collect()
}

/// How far annotators agree with each other, by the same scorer: on every
/// text with several annotation files, each file's attributions are scored
/// against each other file's. `documents` counts those texts.
pub fn agreement(dir: &Path) -> Result<Report, EvalError> {
    let mut total = Score::default();
    let mut documents = 0;
    for paths in annotation_files(dir)?.values().filter(|p| p.len() > 1) {
        documents += 1;
        let annotations = paths.iter().map(|p| parse_file(p)).collect::<Result<Vec<_>, _>>()?;
        for (a, found) in annotations.iter().enumerate() {
            let found = as_suggestions(found);
            for (b, gold) in annotations.iter().enumerate() {
                if a != b {
                    total.add(score(gold, &found));
                }
            }
        }
    }
    Ok(Report { documents, score: total })
}

/// The figures for a split.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: usize,
    pub score: Score,
}

/// Suggests on every text of a split folder and scores the suggestions.
pub fn evaluate_split(dir: &Path) -> Result<Report, EvalError> {
    let docs = load_split(dir)?;
    let mut total = Score::default();
    for doc in &docs {
        total.add(score(&doc.annotations, &suggest(&doc.text)));
    }
    Ok(Report { documents: docs.len(), score: total })
}

impl Report {
    /// A plain table: one row per role and criterion.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{} documents\n{:<8} {:<8} {:>9} {:>6} {:>6} {:>6} {:>6}\n",
            self.documents, "match", "role", "precision", "recall", "F1", "gold", "found"
        );
        for (name, counts) in [("exact", &self.score.exact), ("overlap", &self.score.overlap)] {
            for (role, c) in
                [("cue", counts.cue), ("source", counts.source), ("content", counts.content), ("whole", counts.whole)]
            {
                out += &format!(
                    "{name:<8} {role:<8} {:>9.3} {:>6.3} {:>6.3} {:>6} {:>6}\n",
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.gold,
                    c.predicted
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(cue: (usize, usize), source: Option<(usize, usize)>) -> Suggestion {
        Suggestion {
            cue: Span::new(cue.0, cue.1),
            source: source.map(|(s, e)| Span::new(s, e)),
            content: None,
            source_kind: SourceKind::Unknown,
            hedged: false,
            chain: Vec::new(),
            resolved_source: None,
        }
    }

    const GOLD: &str = "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nE1\tCue:T2 Source:T1\n\
        T3\tSource 20 23\tBob\nT4\tCue 24 28\tsaid\nE2\tCue:T4 Source:T3\n";

    #[test]
    fn each_gold_span_is_matched_once_and_exact_is_stricter_than_overlap() {
        let gold = brat::parse(GOLD).unwrap();
        // Two suggestions on Alice's cue, one with a source cut short.
        let found = [suggestion((6, 10), Some((0, 5))), suggestion((7, 10), Some((2, 5)))];
        let s = score(&gold, &found);
        assert_eq!(s.overlap.cue, Counts { predicted: 2, gold: 2, matched: 1 });
        assert_eq!(s.exact.whole.matched, 1);
        assert_eq!(s.overlap.whole.matched, 1);
        assert!((s.overlap.cue.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn agreement_scores_each_annotation_file_against_the_others() {
        let dir = std::env::temp_dir().join(format!("claimdesk-attribution-agreement-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("text")).unwrap();
        std::fs::create_dir_all(dir.join("attributions")).unwrap();
        std::fs::write(dir.join("text/story.txt"), "Alice said no. Bob said yes.").unwrap();
        std::fs::write(dir.join("text/single.txt"), "Carol said maybe.").unwrap();
        // Two annotators agree on Alice; only the second marks Bob.
        std::fs::write(
            dir.join("attributions/story_a1.ann"),
            "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nE1\tCue:T2 Source:T1\n",
        )
        .unwrap();
        std::fs::write(dir.join("attributions/story_b2.ann"), GOLD).unwrap();
        std::fs::write(dir.join("attributions/single_a1.ann"), GOLD).unwrap();
        let report = agreement(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(report.documents, 1, "only the text with two annotation files counts");
        let whole = report.score.overlap.whole;
        assert_eq!((whole.matched, whole.predicted, whole.gold), (2, 3, 3));
    }

    #[test]
    fn whole_needs_the_source_as_well_as_the_cue() {
        let gold = brat::parse(GOLD).unwrap();
        let s = score(&gold, &[suggestion((24, 28), Some((0, 5))), suggestion((6, 10), None)]);
        assert_eq!(s.overlap.cue.matched, 2);
        assert_eq!(s.overlap.whole.matched, 0);
    }
}
