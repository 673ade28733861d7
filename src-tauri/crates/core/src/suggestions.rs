//! Attribution suggestions in the reader: found by `claimdesk-attribution`
//! when an article is opened (cached per version of its text), linked to the
//! registry by name or alias, and accepted (one undoable operation recording
//! the claim with its speaker, cue, mention and intermediaries, adding new
//! sources and aliases as needed) or rejected (remembered, also undoable).

use std::collections::HashMap;
use std::sync::Arc;

use claimdesk_attribution::{NameMatcher, SourceKind as FoundKind, Suggestion};
use claimdesk_domain::{
    AcceptSuggestion, ArticleId, AttributionSuggestion, ChainLink, ChainRole, Claim, NewClaim, NewSource, SourceKind,
    SourceRef, Span, SuggestedSource, SuggestedSourceKind,
};
use claimdesk_store::SourceChoice;

use crate::claims::quoted;
use crate::history::action;
use crate::quote::describe;
use crate::{Desk, DeskError, Result};

/// Versions of articles whose suggestions are kept; the reader opens a few
/// articles at a time, and finding them again takes milliseconds.
const CACHED_ARTICLES: usize = 64;

/// A version of an article: its id and content hash.
type Version = (ArticleId, String);

/// What the finder said for each version of an article.
#[derive(Default)]
pub(crate) struct SuggestionCache(std::sync::Mutex<HashMap<Version, Arc<Vec<Suggestion>>>>);

impl SuggestionCache {
    fn get_or_find(&self, article: ArticleId, hash: &str, body: &str) -> Arc<Vec<Suggestion>> {
        let key = (article, hash.to_string());
        if let Some(found) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Arc::clone(found);
        }
        // Found outside the lock: two readers of different articles do not wait on each other.
        let found = Arc::new(claimdesk_attribution::suggest(body));
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= CACHED_ARTICLES {
            cache.clear();
        }
        cache.insert(key, Arc::clone(&found));
        found
    }
}

impl Desk {
    /// The attributions suggested in an article, in text order, without those
    /// the analyst rejected in this version of its text or already recorded
    /// (a claim with the suggestion's cue, or on its content span).
    pub fn suggestions(&self, article: ArticleId) -> Result<Vec<AttributionSuggestion>> {
        let stored = self.article(article)?;
        let found = self.suggestion_cache.get_or_find(article, &stored.content_hash, &stored.body);
        let rejected = self.store.rejected_suggestions(article, &stored.content_hash)?;
        let claims = self.claims_of_article(article)?;
        let recorded = |s: &Suggestion| {
            claims.iter().any(|c| {
                c.chain.iter().any(|link| link.cue == Some(span(s.cue)))
                    || s.content.is_some_and(|content| c.selector.span() == span(content))
            })
        };
        let registry = self.registry()?;
        let text = Text(&stored.body);
        Ok(found
            .iter()
            .filter(|s| !rejected.contains(&span(s.cue)) && !recorded(s))
            .map(|s| AttributionSuggestion {
                cue: span(s.cue),
                source: s.source.map(|at| text.source(at, &registry)),
                resolved: s.resolved_source.map(|at| text.source(at, &registry)),
                content: s.content.map(span),
                source_kind: kind_of(s.source_kind),
                hedged: s.hedged,
                chain: s.chain.iter().map(|at| text.source(*at, &registry)).collect(),
            })
            .collect())
    }

    /// Records the suggestion whose cue is `accept.cue` as a claim on its
    /// content: the speaker (the registry's source the text names, or a new
    /// one, with the words of the text as an alias), the cue and mention, and
    /// the intermediaries. One operation: undo removes it all.
    pub fn accept_suggestion(&self, article: ArticleId, accept: &AcceptSuggestion) -> Result<Claim> {
        let suggestion = self
            .suggestions(article)?
            .into_iter()
            .find(|s| s.cue == accept.cue)
            .ok_or(DeskError::SuggestionNotFound { article, cue: accept.cue })?;
        let content = suggestion.content.ok_or(DeskError::SuggestionWithoutContent)?;
        let body = self.article(article)?.body;
        let selector =
            describe(&body, content).ok_or_else(|| DeskError::InvalidSpan("the suggestion's content".into()))?;
        let mut sources = Vec::new();
        let mut aliases = Vec::new();
        let mut chain = Vec::new();
        let mut note = Vec::new();
        // A pronoun stands for the source it was resolved to; one that was not
        // resolved names nobody the registry could hold.
        let speaker = match (&suggestion.source, suggestion.source_kind) {
            (Some(pronoun), SuggestedSourceKind::Pronoun) => match &suggestion.resolved {
                Some(named) => Some((named, Some(pronoun.span))),
                None => {
                    note.push(format!("The text names the speaker only as “{}”.", pronoun.text));
                    None
                }
            },
            (Some(named), _) => Some((named, Some(named.span))),
            (None, _) => None,
        };
        if let Some((named, mention)) = speaker {
            push_source(&mut sources, &mut aliases, named, registry_kind(suggestion.source_kind));
            chain.push(ChainLink { source: 0, role: ChainRole::Speaker, cue: Some(suggestion.cue), mention });
            for intermediary in &suggestion.chain {
                push_source(&mut sources, &mut aliases, intermediary, SourceKind::MediaOutlet);
                chain.push(ChainLink {
                    source: 0,
                    role: ChainRole::Intermediary,
                    cue: None,
                    mention: Some(intermediary.span),
                });
            }
        }
        if suggestion.hedged {
            note.push("The text hedges it (“reportedly”, “allegedly”…).".to_string());
        }
        let claim = NewClaim {
            uid: None,
            article,
            selector,
            kind: accept.kind,
            status: accept.status,
            credibility: accept.credibility,
            note: note.join(" "),
            tags: Vec::new(),
            chain,
        };
        let label = format!("Accept suggestion {}", quoted(&claim.selector.exact));
        let id = self.store.create_claim_with_sources(&claim, &sources, &aliases, &action(label))?;
        self.claim(id)
    }

    /// Hides the suggestion whose cue is `cue` in this version of the
    /// article, for good (undo shows it again).
    pub fn reject_suggestion(&self, article: ArticleId, cue: Span) -> Result<()> {
        let stored = self.article(article)?;
        let label = format!("Reject suggestion {}", quoted(&slice(&stored.body, cue)));
        Ok(self.store.reject_suggestion(article, &stored.content_hash, cue, &action(label))?)
    }

    /// Every source by name and alias, to link mentions to.
    fn registry(&self) -> Result<NameMatcher<SourceRef>> {
        let names = self.store.source_names()?;
        Ok(NameMatcher::new(names.iter().map(|(source, name)| (source.clone(), name.as_str()))))
    }
}

/// The source of a chain link: the registry's, with the text's words as an
/// alias, or a new one named by them.
fn push_source(
    sources: &mut Vec<SourceChoice>,
    aliases: &mut Vec<(usize, String)>,
    named: &SuggestedSource,
    kind: SourceKind,
) {
    let link = sources.len();
    match &named.known {
        Some(known) => {
            sources.push(SourceChoice::Existing(known.id));
            // The store adds it only if the source does not answer to it yet.
            aliases.push((link, named.text.clone()));
        }
        None => sources.push(SourceChoice::New(NewSource::named(named.text.clone(), kind))),
    }
}

struct Text<'a>(&'a str);

impl Text<'_> {
    fn source(&self, at: claimdesk_attribution::Span, registry: &NameMatcher<SourceRef>) -> SuggestedSource {
        let text = at.slice(self.0).trim().to_string();
        SuggestedSource { span: span(at), known: registry.find(&text), text }
    }
}

fn span(at: claimdesk_attribution::Span) -> Span {
    Span { start: at.start, end: at.end }
}

fn slice(body: &str, at: Span) -> String {
    body.chars().skip(at.start).take(at.end.saturating_sub(at.start)).collect()
}

fn kind_of(kind: FoundKind) -> SuggestedSourceKind {
    match kind {
        FoundKind::Person => SuggestedSourceKind::Person,
        FoundKind::Organization => SuggestedSourceKind::Organization,
        FoundKind::Outlet => SuggestedSourceKind::Outlet,
        FoundKind::Anonymous => SuggestedSourceKind::Anonymous,
        FoundKind::Pronoun => SuggestedSourceKind::Pronoun,
        FoundKind::Unknown => SuggestedSourceKind::Unknown,
    }
}

/// The registry's kind for a new source the finder classified; a pronoun's
/// named stand-in and an unsure guess are most often people.
fn registry_kind(kind: SuggestedSourceKind) -> SourceKind {
    match kind {
        SuggestedSourceKind::Organization => SourceKind::Organization,
        SuggestedSourceKind::Outlet => SourceKind::MediaOutlet,
        SuggestedSourceKind::Anonymous => SourceKind::Anonymous,
        SuggestedSourceKind::Person | SuggestedSourceKind::Pronoun | SuggestedSourceKind::Unknown => SourceKind::Person,
    }
}
