//! Sources: recording them, finding them by name or alias, merging two into
//! one, and a source's page with every claim it made or relayed.

use std::collections::HashSet;

use claimdesk_domain::{
    ClaimFilter, ClaimStatus, NewSource, Source, SourceClaim, SourceId, SourcePage, SourcePatch, StatusCount,
};

use crate::history::action;
use crate::{Desk, DeskError, Result};

impl Desk {
    pub fn create_source(&self, source: &NewSource) -> Result<Source> {
        let name = source.name.trim();
        if name.is_empty() {
            return Err(DeskError::EmptyName("a source's name"));
        }
        if let Some(affiliation) = source.affiliation {
            self.source(affiliation)?;
        }
        let source = NewSource { name: name.to_string(), ..source.clone() };
        let id = self.store.create_source(&source, &action(format!("Add source “{name}”")))?;
        self.source(id)
    }

    pub fn update_source(&self, id: SourceId, patch: &SourcePatch) -> Result<Source> {
        let source = self.source(id)?;
        let mut patch = patch.clone();
        if let Some(name) = &patch.name {
            if name.trim().is_empty() {
                return Err(DeskError::EmptyName("a source's name"));
            }
            patch.name = Some(name.trim().to_string());
        }
        if let Some(Some(affiliation)) = patch.affiliation {
            self.check_affiliation(id, affiliation)?;
        }
        self.store.update_source(id, &patch, &action(format!("Edit source “{}”", source.name)))?;
        self.source(id)
    }

    /// Another name the source answers to; adding one it already has changes nothing.
    pub fn add_alias(&self, id: SourceId, alias: &str) -> Result<Source> {
        let source = self.source(id)?;
        if alias.trim().is_empty() {
            return Err(DeskError::EmptyName("an alias"));
        }
        let label = format!("Add alias “{}” to “{}”", alias.trim(), source.name);
        self.store.add_alias(id, alias, &action(label))?;
        self.source(id)
    }

    pub fn remove_alias(&self, id: SourceId, alias: &str) -> Result<Source> {
        let source = self.source(id)?;
        let label = format!("Remove alias “{}” from “{}”", alias.trim(), source.name);
        self.store.remove_alias(id, alias, &action(label))?;
        self.source(id)
    }

    pub fn source(&self, id: SourceId) -> Result<Source> {
        self.store.source(id)?.ok_or_else(|| DeskError::SourceNotFound(format!("with id {id}")))
    }

    /// Every source, by name.
    pub fn sources(&self) -> Result<Vec<Source>> {
        Ok(self.store.sources()?)
    }

    /// The sources whose name or an alias is `name`, ignoring case, accents
    /// and spacing.
    pub fn find_sources(&self, name: &str) -> Result<Vec<Source>> {
        Ok(self.store.find_sources(name)?)
    }

    /// Type-ahead: sources whose name or an alias contains `typed` (ignoring
    /// case, accents and spacing), those starting with it first, at most `limit`.
    pub fn suggest_sources(&self, typed: &str, limit: usize) -> Result<Vec<Source>> {
        let needle = claimdesk_store::lookup_key(typed);
        let mut found: Vec<(bool, Source)> = self
            .sources()?
            .into_iter()
            .filter_map(|source| {
                let keys: Vec<String> = std::iter::once(&source.name)
                    .chain(&source.aliases)
                    .map(|n| claimdesk_store::lookup_key(n))
                    .collect();
                let starts = keys.iter().any(|k| k.starts_with(&needle));
                (starts || keys.iter().any(|k| k.contains(&needle))).then_some((starts, source))
            })
            .collect();
        // Stable: keeps the store's order (by name) within each group.
        found.sort_by_key(|(starts, _)| !starts);
        Ok(found.into_iter().take(limit).map(|(_, source)| source).collect())
    }

    /// The one source whose name or an alias is `name`.
    pub fn find_source(&self, name: &str) -> Result<Source> {
        let mut found = self.find_sources(name)?;
        match found.len() {
            0 => Err(DeskError::SourceNotFound(format!("named {:?}", name.trim()))),
            1 => Ok(found.remove(0)),
            _ => Err(DeskError::SourceAmbiguous {
                name: name.trim().to_string(),
                ids: found.iter().map(|s| s.id).collect(),
            }),
        }
    }

    /// A source with those affiliated with it, and every claim it made or
    /// relayed across articles, with counts by status.
    pub fn source_page(&self, id: SourceId) -> Result<SourcePage> {
        let source = self.source(id)?;
        let members = self.store.members(id)?;
        let claims = self.claims(&ClaimFilter { source: Some(id), ..ClaimFilter::default() })?;
        let mut articles: Vec<_> = Vec::new();
        for claim in &claims {
            if !articles.contains(&claim.article) {
                articles.push(claim.article);
            }
        }
        let titles = self.store.articles(&articles)?;
        let by_status = ClaimStatus::ALL
            .iter()
            .map(|status| StatusCount {
                status: *status,
                count: claims.iter().filter(|c| c.status == *status).count() as u64,
            })
            .collect();
        let claims = claims
            .into_iter()
            .filter_map(|claim| {
                let role = claim.chain.iter().find(|a| a.source.id == id)?.role;
                let article_title = titles.iter().find(|a| a.id == claim.article)?.title.clone();
                Some(SourceClaim { role, article_title, claim })
            })
            .collect();
        Ok(SourcePage { source, members, claims, by_status, articles })
    }

    /// Makes `keep` the one source for both: `absorb`'s aliases, its name (as
    /// an alias), its places in chains and its affiliated sources move to
    /// `keep`, and `absorb` is deleted. One undo splits them again.
    pub fn merge_sources(&self, keep: SourceId, absorb: SourceId) -> Result<Source> {
        if keep == absorb {
            return Err(DeskError::MergeIntoItself);
        }
        let kept = self.source(keep)?;
        let absorbed = self.source(absorb)?;
        let label = format!("Merge “{}” into “{}”", absorbed.name, kept.name);
        self.store.merge_sources(keep, absorb, &action(label))?;
        self.source(keep)
    }

    /// `affiliation` must exist and must not be `id` or speak for it, however indirectly.
    fn check_affiliation(&self, id: SourceId, affiliation: SourceId) -> Result<()> {
        let mut seen = HashSet::new();
        let mut next = Some(self.source(affiliation)?);
        while let Some(source) = next {
            if source.id == id {
                return Err(DeskError::AffiliationCycle(format!(
                    "a source cannot be affiliated with itself, directly or through others (source {affiliation} \
                     leads back to {id})"
                )));
            }
            if !seen.insert(source.id) {
                break;
            }
            next = source.affiliation.map(|a| self.source(a.id)).transpose()?;
        }
        Ok(())
    }
}
