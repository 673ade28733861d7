//! Tags with colours, on claims (set through the claim) and on articles.

use claimdesk_domain::{ArticleId, Tag, TagPatch};

use crate::history::action;
use crate::{Desk, DeskError, Result};

impl Desk {
    /// Every tag, by name, with how often it is used.
    pub fn tags(&self) -> Result<Vec<Tag>> {
        Ok(self.store.tags()?)
    }

    /// Renames or recolours a tag. Colours are `#rrggbb`.
    pub fn update_tag(&self, name: &str, patch: &TagPatch) -> Result<Tag> {
        let id = self.store.tag_named(name)?.ok_or_else(|| DeskError::TagNotFound(name.to_string()))?;
        let mut patch = patch.clone();
        if let Some(new_name) = &patch.name {
            if new_name.trim().is_empty() {
                return Err(DeskError::EmptyName("a tag name"));
            }
            if self.store.tag_named(new_name)?.is_some_and(|other| other != id) {
                return Err(DeskError::TagExists(new_name.trim().to_string()));
            }
            patch.name = Some(new_name.trim().to_string());
        }
        if let Some(colour) = &patch.colour {
            patch.colour = Some(colour_of(colour)?);
        }
        self.store.update_tag(id, &patch, &action(format!("Edit tag “{}”", name.trim())))?;
        self.tags()?.into_iter().find(|t| t.id == id).ok_or_else(|| DeskError::TagNotFound(name.to_string()))
    }

    /// Tags an article, creating the tag if needed; returns the article's tags.
    pub fn tag_article(&self, article: ArticleId, tag: &str) -> Result<Vec<String>> {
        self.article(article)?;
        if tag.trim().is_empty() {
            return Err(DeskError::EmptyName("a tag name"));
        }
        self.store.tag_article(article, tag, &action(format!("Tag article {article} “{}”", tag.trim())))?;
        self.article_tags(article)
    }

    /// Takes a tag off an article (the tag stays); returns the article's tags.
    pub fn untag_article(&self, article: ArticleId, tag: &str) -> Result<Vec<String>> {
        self.article(article)?;
        self.store.untag_article(article, tag, &action(format!("Untag article {article} “{}”", tag.trim())))?;
        self.article_tags(article)
    }

    pub fn article_tags(&self, article: ArticleId) -> Result<Vec<String>> {
        Ok(self.store.article_tags(article)?)
    }
}

/// `#RRGGBB` or `#rrggbb`, stored in lower case.
fn colour_of(text: &str) -> Result<String> {
    let text = text.trim();
    let hex = text.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
    hex.map(|h| format!("#{}", h.to_ascii_lowercase())).ok_or_else(|| DeskError::InvalidColour(text.to_string()))
}
