//! Keeping both indexes in step with the store while the desk is open.
//!
//! Every edit lands in the store first (with its audit row); a background
//! thread notices new audit rows (one cheap `max(id)` a second), feeds what
//! changed to the indexes and commits them: the claims index for claims and
//! sources, the article index for articles changed by an operation (a new
//! version of an article, and its undo). Imports feed and commit the article
//! index themselves. So commits are batched (at most one a second, never one
//! per edit), and nothing waits for the index. A claims search first brings
//! the claims index up to date, so it never misses a claim just saved.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use claimdesk_domain::{Claim, ClaimFilter};
use claimdesk_search::{ClaimDocument, ClaimIndex, SearchIndex};
use claimdesk_store::Store;

use crate::Result;
use crate::desk::index_document;

/// How often the thread looks for new changes.
const POLL_EVERY: Duration = Duration::from_secs(1);
/// Changes read from the store per round trip.
const PAGE: usize = 5_000;
/// Store changes the claims index may follow without a commit recording it.
const RECORD_AT_LEAST_EVERY: i64 = 10_000;

/// What the follower thread shares with the desk.
pub(crate) struct Indexes {
    pub store: Arc<Store>,
    pub articles: Arc<SearchIndex>,
    pub claims: Arc<ClaimIndex>,
    /// Held by whatever feeds the article index and commits it (imports,
    /// rebuilds, this follower), so that a commit's recorded sequence always
    /// covers what was added.
    pub indexing: Arc<Mutex<()>>,
    /// The store change both indexes were last fed up to.
    fed: Mutex<i64>,
    /// The store change the claims index's last commit records.
    claims_recorded: AtomicI64,
}

impl Indexes {
    pub fn new(store: Arc<Store>, articles: Arc<SearchIndex>, claims: Arc<ClaimIndex>, fed: i64) -> Indexes {
        Indexes {
            store,
            articles,
            claims,
            indexing: Arc::new(Mutex::new(())),
            fed: Mutex::new(fed),
            claims_recorded: AtomicI64::new(fed),
        }
    }

    /// Feeds the indexes every change after the last one fed, and commits
    /// them. With `wait` false, gives up (to retry later) while an import
    /// holds the article index.
    pub fn catch_up(&self, wait: bool) -> Result<()> {
        let _indexing = if wait {
            self.indexing.lock().unwrap_or_else(|p| p.into_inner())
        } else {
            match self.indexing.try_lock() {
                Ok(guard) => guard,
                Err(_) => return Ok(()),
            }
        };
        let mut fed = self.fed.lock().unwrap_or_else(|p| p.into_inner());
        let mut seq = *fed;
        let (mut articles, mut claims, mut sources) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        loop {
            let changes = self.store.changes_since(seq, PAGE)?;
            let Some(last) = changes.last() else { break };
            seq = last.seq;
            for change in changes {
                match change.entity.as_str() {
                    "article" if change.by_operation => {
                        articles.insert(change.entity_id);
                    }
                    "claim" => {
                        claims.insert(change.entity_id);
                    }
                    // A renamed or merged source changes what its claims are found by.
                    "source" => {
                        sources.insert(change.entity_id);
                    }
                    _ => {}
                }
            }
        }
        if seq == *fed {
            return Ok(());
        }
        for source in sources {
            let filter = ClaimFilter { source: Some(source), ..ClaimFilter::default() };
            claims.extend(self.store.claims(&filter, None)?.iter().map(|c| c.id));
        }
        let ids: Vec<_> = claims.into_iter().collect();
        let found = self.store.claims_with_ids(&ids)?;
        for claim in &found {
            self.claims.replace(&claim_document(claim, &sources_of(claim)))?;
        }
        for id in ids.iter().filter(|id| !found.iter().any(|c| c.id == **id)) {
            self.claims.delete(*id);
        }
        // Changes that touch no claim (an import's articles) need no commit,
        // only a record now and then of how far the index has followed, so
        // that the next open has little of the log to read again.
        if !ids.is_empty() || seq - self.claims_recorded.load(Ordering::Relaxed) >= RECORD_AT_LEAST_EVERY {
            self.claims.commit(seq)?;
            self.claims_recorded.store(seq, Ordering::Relaxed);
        }
        if !articles.is_empty() {
            let ids: Vec<_> = articles.into_iter().collect();
            for article in self.store.articles(&ids)? {
                self.articles.replace(&index_document(&article))?;
            }
            self.articles.commit(seq)?;
        }
        *fed = seq;
        Ok(())
    }

    /// Empties the claims index and feeds it every claim again.
    pub fn rebuild_claims(&self) -> Result<u64> {
        let seq = self.store.last_change_seq()?;
        self.claims.clear()?;
        let mut after = 0;
        let mut done = 0;
        loop {
            let page = self.store.claims_after(after, PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for claim in &page {
                self.claims.replace(&claim_document(claim, &sources_of(claim)))?;
            }
            done += page.len() as u64;
        }
        self.claims.commit(seq)?;
        self.claims_recorded.store(seq, Ordering::Relaxed);
        *self.fed.lock().unwrap_or_else(|p| p.into_inner()) = seq;
        Ok(done)
    }

    pub fn fed(&self) -> i64 {
        *self.fed.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn sources_of(claim: &Claim) -> String {
    claim.chain.iter().map(|link| link.source.name.as_str()).collect::<Vec<_>>().join(" · ")
}

fn claim_document<'a>(claim: &'a Claim, sources: &'a str) -> ClaimDocument<'a> {
    ClaimDocument { id: claim.id, quote: &claim.selector.exact, note: &claim.note, sources }
}

/// The thread that runs `Indexes::catch_up` every `POLL_EVERY` while the
/// store has changes the indexes lack; stopped (after a last catch-up) when
/// the desk is dropped.
pub(crate) struct Follower {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Follower {
    pub fn start(indexes: Arc<Indexes>) -> Follower {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("claimdesk-index-follower".into())
            .spawn(move || {
                let (stopped, wake) = &*stopping;
                loop {
                    let guard = stopped.lock().unwrap_or_else(|p| p.into_inner());
                    let (guard, _) = wake.wait_timeout(guard, POLL_EVERY).unwrap_or_else(|p| p.into_inner());
                    let last = *guard;
                    drop(guard);
                    let behind = indexes.store.last_change_seq().map(|seq| seq > indexes.fed()).unwrap_or(false);
                    if behind {
                        // An error here (a full disk, say) is retried on the next
                        // round; the store has the data, and the next open
                        // catches the index up from it in any case.
                        let _ = indexes.catch_up(last);
                    }
                    if last {
                        break;
                    }
                }
            })
            .expect("a thread can be started");
        Follower { stop, thread: Some(thread) }
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        let (stopped, wake) = &*self.stop;
        *stopped.lock().unwrap_or_else(|p| p.into_inner()) = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
