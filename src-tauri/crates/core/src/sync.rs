//! Keeping the index in step with the store: catch-up after a crash, and
//! full rebuilds.
//!
//! The store's audit log is a sequence of changes; each index commit records
//! the last change it holds. Whatever comes after that was stored but not yet
//! indexed (the process died between the two), and is replayed here.

use std::collections::BTreeSet;

use claimdesk_domain::IndexProgress;

use crate::desk::index_document;
use crate::{Desk, Result};

/// Articles read from the store per round trip while (re)indexing.
const PAGE: usize = 2_000;

impl Desk {
    pub(crate) fn catch_up(
        &self,
        last_seq: i64,
        index_was_emptied: bool,
        progress: &mut dyn FnMut(IndexProgress),
    ) -> Result<()> {
        let store_seq = self.store.last_change_seq()?;
        // An index ahead of the store lost its store's last transactions (a
        // power cut, or a database restored from a backup): it may hold
        // articles the store no longer has, under ids the store will give again.
        if index_was_emptied || (last_seq == 0 && store_seq > 0) || last_seq > store_seq {
            self.rebuild(progress)?;
            return Ok(());
        }
        if store_seq <= last_seq {
            return Ok(());
        }
        let _guard = self.indexing.lock().unwrap_or_else(|p| p.into_inner());
        let mut changed = BTreeSet::new();
        let mut seq = last_seq;
        loop {
            let changes = self.store.changes_since(seq, 10_000)?;
            let Some(last) = changes.last() else { break };
            seq = last.seq;
            changed.extend(changes.iter().filter(|c| c.entity == "article").map(|c| c.entity_id));
        }
        let ids: Vec<_> = changed.into_iter().collect();
        let total = ids.len() as u64;
        for (n, chunk) in ids.chunks(PAGE).enumerate() {
            let articles = self.store.articles(chunk)?;
            for article in &articles {
                self.index.replace(&index_document(article))?;
            }
            for id in chunk.iter().filter(|id| !articles.iter().any(|a| a.id == **id)) {
                self.index.delete(*id);
            }
            progress(IndexProgress { done: ((n * PAGE) + chunk.len()) as u64, total });
        }
        self.index.commit(seq)?;
        Ok(())
    }

    /// Brings both indexes up to date with the store and commits them now,
    /// rather than within the second the background follower takes.
    pub fn flush_indexes(&self) -> Result<()> {
        self.indexes.catch_up(true)
    }

    /// Empties the index and feeds it every stored article again.
    pub fn rebuild_index(&self, progress: &mut dyn FnMut(IndexProgress)) -> Result<u64> {
        self.rebuild(progress)
    }

    fn rebuild(&self, progress: &mut dyn FnMut(IndexProgress)) -> Result<u64> {
        let _guard = self.indexing.lock().unwrap_or_else(|p| p.into_inner());
        // Read the sequence first: changes after it are replayed at the next open.
        let seq = self.store.last_change_seq()?;
        let total = self.store.article_count()?;
        self.index.clear()?;
        let mut done = 0;
        let mut after = 0;
        progress(IndexProgress { done, total });
        loop {
            let page = self.store.articles_after(after, PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for article in &page {
                self.index.add(&index_document(article))?;
            }
            done += page.len() as u64;
            progress(IndexProgress { done, total });
        }
        self.index.commit(seq)?;
        Ok(done)
    }
}
