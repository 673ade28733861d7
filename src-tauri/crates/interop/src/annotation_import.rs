//! Import of W3C Web Annotations: ours, whose `cd:` extension brings back
//! sources, chains, kinds, verdicts and links, and plain ones from other
//! tools (a target with a `source` and a `TextQuoteSelector`, as Hypothesis
//! writes them). Each annotation is placed on this data directory's copy of
//! its article by the same re-anchoring as a re-import: what cannot be
//! placed with certainty is stored as needing review, with its quote.
//!
//! The whole file is read and every annotation checked before anything is
//! written; one that fails is reported and the others are imported. Nothing
//! stored is changed: a claim whose uid is already here is left as it is,
//! and sources are reused by uid or name, never edited.

use std::collections::HashMap;

use claimdesk_core::domain::{
    AnchorState, ArticleId, CREDIBILITY_NOT_JUDGED, CREDIBILITY_SCALE, ChainLink, ChainRole, ClaimId, ClaimKind,
    ClaimStatus, LinkKind, NewClaim, NewClaimLink, NewSource, QuoteQuery, Reliability, Selector, SourceId, SourceKind,
    Span,
};
use claimdesk_core::{Desk, DeskError};
use serde::Serialize;
use serde_json::Value;

use crate::lookups::{ARTICLE_URN, UUID_URN};
use crate::{InteropError, Result};

/// What became of each annotation of a file, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub annotations: Vec<AnnotationReport>,
}

impl ImportReport {
    pub fn count(&self, outcome: fn(&Outcome) -> bool) -> usize {
        self.annotations.iter().filter(|a| outcome(&a.outcome)).count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnotationReport {
    /// 1-based position in the file.
    pub position: usize,
    /// The annotation's `id`, when it has one.
    pub id: Option<String>,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What was left out (a link to a claim that is not here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Placed exactly (or moved to where the quote now is).
    Imported {
        claim: ClaimId,
    },
    /// Stored, but only a close match or nothing was found: see the claim's review.
    NeedsReview {
        claim: ClaimId,
    },
    /// A claim with the annotation's uid is already here; it was left as it is.
    AlreadyHere {
        claim: ClaimId,
    },
    Rejected {
        reason: String,
    },
}

/// Imports the annotations in `text` (JSON: an annotation, a list of them, an
/// `AnnotationPage`, an `AnnotationCollection` as we write it, or a
/// Hypothesis search result with `rows`). A file that is not JSON or holds
/// no annotations is an error and changes nothing.
pub fn import_annotations(desk: &Desk, text: &str) -> Result<ImportReport> {
    let doc: Value = serde_json::from_str(text).map_err(|e| InteropError::NotJson(e.to_string()))?;
    let items = annotations_of(&doc).map_err(InteropError::NotAnnotations)?;
    let checked: Vec<(Option<String>, std::result::Result<Candidate, String>)> = items
        .iter()
        .map(|item| (item.get("id").and_then(Value::as_str).map(String::from), parse(desk, item)))
        .collect();
    let mut writer = Writer { desk, sources: HashMap::new(), known: HashMap::new() };
    for (_, candidate) in &checked {
        for link in candidate.iter().flat_map(|c| &c.chain) {
            writer.learn(&link.source);
        }
    }
    let mut report = ImportReport::default();
    let mut links = Vec::new();
    for (n, (id, candidate)) in checked.into_iter().enumerate() {
        let outcome = match candidate {
            Err(reason) => Outcome::Rejected { reason },
            Ok(candidate) => match writer.write(&candidate)? {
                Ok(outcome) => {
                    if let Outcome::Imported { claim } | Outcome::NeedsReview { claim } = outcome {
                        links.push((n, claim, candidate.links));
                    }
                    outcome
                }
                Err(reason) => Outcome::Rejected { reason },
            },
        };
        report.annotations.push(AnnotationReport { position: n + 1, id, outcome, warnings: Vec::new() });
    }
    // Links last: an annotation may link to one further down the file.
    for (n, from, wanted) in links {
        for (kind, to_uid) in wanted {
            let Some(to) = desk.claim_with_uid(&to_uid)? else {
                report.annotations[n]
                    .warnings
                    .push(format!("the {kind} link to {UUID_URN}{to_uid} is left out: that claim is not here"));
                continue;
            };
            match desk.link_claims(&NewClaimLink { from, to, kind }) {
                Ok(_) | Err(DeskError::LinkExists { .. }) => {}
                Err(e) if e.is_user_error() => {
                    report.annotations[n].warnings.push(format!("the {kind} link is left out: {e}"))
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(report)
}

/// The annotations a document holds, or why it holds none.
fn annotations_of(doc: &Value) -> std::result::Result<Vec<Value>, String> {
    let items = |page: &Value| match page {
        Value::Array(list) => list.clone(),
        page => page.get("items").and_then(Value::as_array).cloned().unwrap_or_default(),
    };
    match doc {
        Value::Array(list) => Ok(list.clone()),
        Value::Object(object) if has_type(doc, "AnnotationCollection") => {
            let mut found = match object.get("first") {
                Some(first @ Value::Object(_)) => items(first),
                Some(Value::String(iri)) => {
                    return Err(format!("the collection's pages are not in the file (its first page is {iri})"));
                }
                _ => Vec::new(),
            };
            for page in object.get("cd:pages").and_then(Value::as_array).into_iter().flatten() {
                found.extend(items(page));
            }
            Ok(found)
        }
        Value::Object(_) if has_type(doc, "AnnotationPage") => Ok(items(doc)),
        Value::Object(object) if object.get("rows").is_some_and(Value::is_array) => Ok(items(&object["rows"])),
        Value::Object(object) if has_type(doc, "Annotation") || object.contains_key("target") => Ok(vec![doc.clone()]),
        _ => Err("it holds no W3C annotations: it is neither an Annotation, an AnnotationPage, an \
                  AnnotationCollection, a list of annotations, nor a Hypothesis export"
            .to_string()),
    }
}

/// `type` is the word, or a list holding it.
fn has_type(value: &Value, word: &str) -> bool {
    match value.get("type").or_else(|| value.get("@type")) {
        Some(Value::String(t)) => t == word,
        Some(Value::Array(types)) => types.iter().any(|t| t == word),
        _ => false,
    }
}

/// An annotation checked and ready to write.
struct Candidate {
    uid: Option<String>,
    article: ArticleId,
    quote: Option<QuoteQuery>,
    position: Option<Span>,
    kind: ClaimKind,
    status: ClaimStatus,
    credibility: u8,
    note: String,
    tags: Vec<String>,
    chain: Vec<LinkSpec>,
    links: Vec<(LinkKind, String)>,
}

struct LinkSpec {
    role: ChainRole,
    source: SourceSpec,
    cue: Option<Span>,
    mention: Option<Span>,
}

#[derive(Clone)]
struct SourceSpec {
    uid: Option<String>,
    name: String,
    kind: SourceKind,
    /// None when the file only names the source (an affiliation).
    details: Option<SourceDetails>,
    affiliation: Option<Box<SourceSpec>>,
}

#[derive(Clone)]
struct SourceDetails {
    reliability: Reliability,
    rationale: String,
    description: String,
    aliases: Vec<String>,
}

fn parse(desk: &Desk, item: &Value) -> std::result::Result<Candidate, String> {
    let Value::Object(object) = item else { return Err("not an annotation: not a JSON object".into()) };
    if object.contains_key("type") && !has_type(item, "Annotation") {
        return Err("not an annotation: its type is not Annotation".into());
    }
    // A Hypothesis row keeps its targets in a list and the page in `uri`.
    let target = match object.get("target") {
        Some(Value::Array(targets)) => targets.iter().find(|t| t.is_object()).cloned(),
        Some(t @ Value::Object(_)) => Some(t.clone()),
        Some(Value::String(_)) => {
            return Err("its target is a whole page, with no selector to anchor a claim to".into());
        }
        _ => None,
    }
    .ok_or("not a W3C annotation: it has no target")?;
    let source = target
        .get("source")
        .or_else(|| object.get("uri"))
        .and_then(Value::as_str)
        .ok_or("its target names no source (the article's address)")?;
    let article = find_article(desk, source, target.get("cd:contentHash").and_then(Value::as_str))
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("unknown article {source}: import the article first"))?;

    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    let text = |s: &Value, key: &str| s.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    let quote = selectors.iter().find(|s| has_type(s, "TextQuoteSelector")).map(|s| QuoteQuery {
        exact: text(s, "exact"),
        prefix: text(s, "prefix"),
        suffix: text(s, "suffix"),
    });
    let position = selectors.iter().find(|s| has_type(s, "TextPositionSelector")).and_then(|s| span(s, "start", "end"));
    if quote.as_ref().is_some_and(|q| q.exact.is_empty()) {
        return Err("its TextQuoteSelector has no exact text".into());
    }
    if quote.is_none() && position.is_none() {
        return Err("its target has no TextQuoteSelector or TextPositionSelector to anchor a claim to".into());
    }

    let mut notes = Vec::new();
    let mut tags = Vec::new();
    let mut status = ClaimStatus::Unverified;
    let mut credibility = CREDIBILITY_NOT_JUDGED;
    let bodies: Vec<&Value> = match object.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for body in bodies {
        let Some(value) = body.get("value").and_then(Value::as_str) else { continue };
        let purpose = match body.get("purpose") {
            Some(Value::Array(p)) => p.first().and_then(Value::as_str),
            Some(p) => p.as_str(),
            None => None,
        };
        match purpose {
            Some("tagging") => tags.push(value.trim().to_string()),
            Some("assessing") if body.get("cd:status").is_some() => {
                let word = body["cd:status"].as_str().unwrap_or_default();
                status = ClaimStatus::parse(word).ok_or_else(|| format!("unknown status {word:?}"))?;
                if let Some(grade) = body.get("cd:credibility") {
                    credibility = grade
                        .as_u64()
                        .and_then(|g| u8::try_from(g).ok())
                        .filter(|g| CREDIBILITY_SCALE.contains(g))
                        .ok_or_else(|| format!("its credibility is not 1–6: {grade}"))?;
                }
            }
            _ => notes.push(value.to_string()),
        }
    }
    for key in ["bodyValue", "text"] {
        if let Some(value) = object.get(key).and_then(Value::as_str).filter(|v| !v.is_empty()) {
            notes.push(value.to_string());
        }
    }
    for tag in object.get("tags").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
        tags.push(tag.trim().to_string());
    }
    tags.retain(|t| !t.is_empty());
    let kind = match object.get("cd:kind").and_then(Value::as_str) {
        Some(word) => ClaimKind::parse(word).ok_or_else(|| format!("unknown claim kind {word:?}"))?,
        None => ClaimKind::FactualAssertion,
    };

    let mut chain = Vec::new();
    for (position, link) in object.get("cd:chain").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let word = link.get("cd:role").and_then(Value::as_str).unwrap_or_default();
        let role = ChainRole::parse(word).ok_or_else(|| format!("unknown role {word:?} in its chain"))?;
        let expected = if position == 0 { ChainRole::Speaker } else { ChainRole::Intermediary };
        if role != expected {
            return Err(format!("its chain has a {role} at position {}: the speaker comes first, alone", position + 1));
        }
        let source = source_spec(link.get("cd:source").ok_or("a link of its chain names no source")?)?;
        chain.push(LinkSpec { role, source, cue: span_of(link, "cd:cue"), mention: span_of(link, "cd:mention") });
    }
    let mut links = Vec::new();
    for link in object.get("cd:links").and_then(Value::as_array).into_iter().flatten() {
        let word = link.get("cd:linkKind").and_then(Value::as_str).unwrap_or_default();
        let kind = LinkKind::parse(word).ok_or_else(|| format!("unknown link kind {word:?}"))?;
        if let Some(to) = link.get("cd:to").and_then(Value::as_str).and_then(uuid_of) {
            links.push((kind, to));
        }
    }
    Ok(Candidate {
        uid: object.get("id").and_then(Value::as_str).and_then(uuid_of),
        article,
        quote,
        position,
        kind,
        status,
        credibility,
        note: notes.join("\n\n"),
        tags,
        chain,
        links,
    })
}

/// Our URN for an article without an address is its content hash; an
/// address is looked up as it is, and the hash tried when it is not here.
fn find_article(desk: &Desk, source: &str, hash: Option<&str>) -> claimdesk_core::Result<Option<ArticleId>> {
    if let Some(hash) = source.strip_prefix(ARTICLE_URN) {
        return desk.article_with_hash(hash);
    }
    if let Some(article) = desk.article_by_url(source)? {
        return Ok(Some(article.id));
    }
    match hash {
        Some(hash) => desk.article_with_hash(hash),
        None => Ok(None),
    }
}

fn source_spec(node: &Value) -> std::result::Result<SourceSpec, String> {
    let name = node.get("cd:name").and_then(Value::as_str).map(str::trim).filter(|n| !n.is_empty());
    let name = name.ok_or("a source of its chain has no name")?.to_string();
    let kind = match node.get("cd:sourceKind").and_then(Value::as_str) {
        Some(word) => SourceKind::parse(word).ok_or_else(|| format!("unknown source kind {word:?}"))?,
        None => SourceKind::Person,
    };
    let details = match node.get("cd:reliability").and_then(Value::as_str) {
        Some(word) => Some(SourceDetails {
            reliability: Reliability::parse(word).ok_or_else(|| format!("unknown reliability {word:?}"))?,
            rationale: node.get("cd:reliabilityRationale").and_then(Value::as_str).unwrap_or_default().to_string(),
            description: node.get("cd:description").and_then(Value::as_str).unwrap_or_default().to_string(),
            aliases: node
                .get("cd:aliases")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
        }),
        None => None,
    };
    let affiliation = node.get("cd:affiliation").map(source_spec).transpose()?.map(Box::new);
    Ok(SourceSpec { uid: node.get("id").and_then(Value::as_str).and_then(uuid_of), name, kind, details, affiliation })
}

fn span(value: &Value, start: &str, end: &str) -> Option<Span> {
    let at = |key| value.get(key).and_then(Value::as_u64).map(|n| n as usize);
    Some(Span { start: at(start)?, end: at(end)? })
}

fn span_of(link: &Value, key: &str) -> Option<Span> {
    link.get(key).and_then(|s| span(s, "cd:start", "cd:end"))
}

/// The UUID of a `urn:uuid:` IRI, lower case; None for any other id.
fn uuid_of(iri: &str) -> Option<String> {
    let uuid = iri.strip_prefix(UUID_URN)?.to_ascii_lowercase();
    let shape = uuid.len() == 36
        && uuid
            .char_indices()
            .all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() });
    shape.then_some(uuid)
}

struct Writer<'d> {
    desk: &'d Desk,
    /// Sources found or made in this import, by uid or name.
    sources: HashMap<String, SourceId>,
    /// Every source the file describes in full, by uid: an affiliation that
    /// is only named gets its details from here.
    known: HashMap<String, SourceSpec>,
}

impl Writer<'_> {
    fn learn(&mut self, spec: &SourceSpec) {
        if let (Some(uid), Some(_)) = (&spec.uid, &spec.details) {
            self.known.entry(uid.clone()).or_insert_with(|| spec.clone());
        }
        if let Some(affiliation) = &spec.affiliation {
            self.learn(affiliation);
        }
    }

    /// Writes one annotation: the outcome, or why it was refused; an error
    /// only when the store fails.
    fn write(&mut self, c: &Candidate) -> Result<std::result::Result<Outcome, String>> {
        if let Some(uid) = &c.uid
            && let Some(claim) = self.desk.claim_with_uid(uid)?
        {
            return Ok(Ok(Outcome::AlreadyHere { claim }));
        }
        let selector = match self.selector(c) {
            Ok(selector) => selector,
            Err(e) if e.is_user_error() => return Ok(Err(e.to_string())),
            Err(e) => return Err(e.into()),
        };
        let mut chain = Vec::new();
        for link in &c.chain {
            let source = self.source(&link.source)?;
            chain.push(ChainLink { source, role: link.role, cue: link.cue, mention: link.mention });
        }
        let claim = NewClaim {
            uid: c.uid.clone(),
            article: c.article,
            selector,
            kind: c.kind,
            status: c.status,
            credibility: c.credibility,
            note: c.note.clone(),
            tags: c.tags.clone(),
            chain,
        };
        match self.desk.import_claim(&claim) {
            Ok(claim) if claim.anchor == AnchorState::NeedsReview => Ok(Ok(Outcome::NeedsReview { claim: claim.id })),
            Ok(claim) => Ok(Ok(Outcome::Imported { claim: claim.id })),
            Err(e) if e.is_user_error() => Ok(Err(e.to_string())),
            Err(e) => Err(e.into()),
        }
    }

    /// The selector to re-anchor: the annotation's own when it has both
    /// forms; a quote alone is looked for in the text (and kept as it is, to
    /// be reviewed, when it is not there once); a position alone is read
    /// from the text.
    fn selector(&self, c: &Candidate) -> claimdesk_core::Result<Selector> {
        match (&c.quote, c.position) {
            (Some(q), Some(at)) => Ok(Selector {
                exact: q.exact.clone(),
                prefix: q.prefix.clone(),
                suffix: q.suffix.clone(),
                start: at.start,
                end: at.end,
            }),
            (Some(q), None) => match self.desk.select_quote(c.article, q) {
                Ok(selector) => Ok(selector),
                // Re-anchoring looks for it near the start, and failing that
                // keeps it, for review, on a span as long as the quote.
                Err(DeskError::QuoteNotFound { .. } | DeskError::QuoteAmbiguous { .. }) => {
                    let length = self.desk.article(c.article)?.body.chars().count();
                    Ok(Selector {
                        exact: q.exact.clone(),
                        prefix: q.prefix.clone(),
                        suffix: q.suffix.clone(),
                        start: 0,
                        end: q.exact.chars().count().clamp(1, length.max(1)),
                    })
                }
                Err(e) => Err(e),
            },
            (None, Some(at)) => self.desk.select_span(c.article, at),
            (None, None) => unreachable!("checked when parsed"),
        }
    }

    /// The source a spec means here: by uid, else the one source answering
    /// to its name, else a new one (with the file's uid and details).
    fn source(&mut self, spec: &SourceSpec) -> Result<SourceId> {
        let key = spec.uid.clone().unwrap_or_else(|| format!("name:{}", spec.name));
        if let Some(id) = self.sources.get(&key) {
            return Ok(*id);
        }
        let found = match &spec.uid {
            Some(uid) => self.desk.source_with_uid(uid)?,
            None => None,
        };
        let found = match found {
            Some(id) => Some(id),
            None => match self.desk.find_sources(&spec.name)?.as_slice() {
                [one] => Some(one.id),
                _ => None,
            },
        };
        let id = match found {
            Some(id) => id,
            None => {
                let full =
                    spec.uid.as_ref().and_then(|uid| self.known.get(uid)).cloned().unwrap_or_else(|| spec.clone());
                let affiliation = match &full.affiliation {
                    Some(a) => Some(self.source(a)?),
                    None => None,
                };
                let details = full.details.clone();
                self.desk
                    .create_source(&NewSource {
                        uid: full.uid.clone(),
                        name: full.name.clone(),
                        kind: full.kind,
                        affiliation,
                        aliases: details.as_ref().map(|d| d.aliases.clone()).unwrap_or_default(),
                        reliability: details.as_ref().map_or(Reliability::F, |d| d.reliability),
                        reliability_rationale: details.as_ref().map(|d| d.rationale.clone()).unwrap_or_default(),
                        description: details.map(|d| d.description).unwrap_or_default(),
                    })?
                    .id
            }
        };
        self.sources.insert(key, id);
        Ok(id)
    }
}
