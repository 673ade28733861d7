//! The benchmark of issue #5: saving a claim against a bare rusqlite insert
//! transaction with the same durability settings, and the claims view's
//! queries over 100,000 claims. Needs nothing from ../shared: the articles
//! are built from the project's own sample texts, and the claims are
//! generated in SQL (their number, not how they were typed, is what the
//! view's speed depends on).

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use anyhow::{Context, Result};
use claimdesk_core::Desk;
use claimdesk_domain::{
    AnchorState, ClaimFilter, ClaimKind, ClaimQuery, ClaimSort, ClaimStatus, NewClaim, QuoteQuery, Timestamp,
};
use rusqlite::Connection;

use crate::measure::Latency;
use crate::report::{RunInfo, load_average};
use crate::rng::Rng;

const ARTICLES: usize = 5_000;
const CLAIMS_PER_ARTICLE: usize = 20;
const SOURCES: usize = 500;
/// Claims saved one by one, alternating with as many bare inserts.
const SAVES: usize = 600;
/// Times each claims-view query runs.
const VIEW_RUNS: usize = 30;
/// Saving a claim may take this many times a bare insert transaction (p99).
const SAVE_TARGET_RATIO: f64 = 3.0;
/// Each update of the claims view within this (p95 of the core's answer).
const VIEW_TARGET_MS: f64 = 100.0;

pub fn run(out: &Path) -> Result<()> {
    let run = RunInfo::now();
    let load = load_average();
    let dir = tempfile::Builder::new().prefix("claimdesk-claims-bench-").tempdir()?;
    let data = dir.path().join("data");
    eprintln!("articles: writing and importing {ARTICLES}");
    let corpus = dir.path().join("articles.jsonl");
    write_articles(&corpus)?;
    let desk = Desk::open(&data)?;
    let summary = desk.import(&[corpus], &mut |_| {}, &AtomicBool::new(false))?;
    anyhow::ensure!(summary.imported == ARTICLES as u64, "imported {} of {ARTICLES}", summary.imported);
    drop(desk);

    eprintln!("claims: generating {} in SQL", ARTICLES * CLAIMS_PER_ARTICLE);
    generate_claims(&data.join("claimdesk.sqlite3"))?;
    // The claims index is derived: without it, opening rebuilds it from the store.
    std::fs::remove_dir_all(data.join("claims-index"))?;
    let start = Instant::now();
    let desk = Desk::open(&data)?;
    let reopen_ms = start.elapsed().as_secs_f64() * 1e3;
    let claims = desk.claim_page(&ClaimQuery { limit: 1, ..ClaimQuery::default() })?.total;
    anyhow::ensure!(claims == ARTICLES * CLAIMS_PER_ARTICLE, "{claims} claims");

    eprintln!("saving: {SAVES} claims and {SAVES} bare inserts, alternating");
    let (ours, bare) = saves(&desk, &dir.path().join("bare.sqlite3"))?;
    eprintln!("claims view: {VIEW_RUNS} runs of each query");
    let view = view_queries(&desk)?;

    let markdown = report(&run, &load, reopen_ms, &ours, &bare, &view);
    print!("{markdown}");
    std::fs::write(out, markdown).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// Articles made of our own sample texts' paragraphs, each with a line of its
/// own so that no two are the same.
fn write_articles(path: &Path) -> Result<()> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/samples");
    let mut paragraphs = Vec::new();
    for entry in std::fs::read_dir(&samples)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path)?;
            paragraphs.extend(text.split("\n\n").filter(|p| p.len() > 200).map(str::to_string));
        }
    }
    anyhow::ensure!(paragraphs.len() >= 10, "too few sample paragraphs in {}", samples.display());
    let mut rng = Rng::new(5);
    let mut out = String::new();
    for n in 0..ARTICLES {
        let mut body = format!("Desk note {n}: figures and statements as reported.\n\n");
        for _ in 0..6 {
            body.push_str(&paragraphs[rng.next_u64() as usize % paragraphs.len()]);
            body.push_str("\n\n");
        }
        let day = Timestamp::from_date(2020 + (n % 6) as i32, 1 + (n % 12) as u32, 1 + (n % 28) as u32);
        let outlet = ["Meridian Wire", "Harbour Times", "Evening Post"][n % 3];
        let line = serde_json::json!({
            "title": format!("Report {n}"),
            "body": body,
            "url": format!("https://example.org/report/{n}"),
            "outlet": outlet,
            "published": day.map(|d| d.to_string()),
        });
        writeln!(out, "{line}")?;
    }
    std::fs::write(path, out)?;
    Ok(())
}

/// Sources, and `CLAIMS_PER_ARTICLE` claims per article on 40-character
/// stretches of its body, each with a speaker, some with a tag or an
/// intermediary, spread over statuses, credibilities and dates.
fn generate_claims(database: &Path) -> Result<()> {
    let conn = Connection::open(database)?;
    conn.execute_batch(&format!(
        "BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SOURCES})
         INSERT INTO sources (name, name_key, kind, reliability, created_at, updated_at)
         SELECT 'Source ' || i, 'source ' || i, 'person', substr('ABCDEF', 1 + i % 6, 1), 0, 0 FROM n;
         INSERT INTO tags (name, name_key, colour) VALUES ('ceasefire', 'ceasefire', '#aa3355'),
             ('economy', 'economy', '#3355aa'), ('check', 'check', '#33aa55');
         WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < {last})
         INSERT INTO claims (article_id, exact, prefix, suffix, span_start, span_end, kind, status, credibility,
                             note, anchor, created_at, updated_at)
         SELECT a.id, substr(a.body, 60 * k.j + 1, 40), substr(a.body, max(1, 60 * k.j - 31), min(32, 60 * k.j)),
                substr(a.body, 60 * k.j + 41, 32), 60 * k.j, 60 * k.j + 40,
                'factual_assertion', (SELECT value FROM json_each('[\"unverified\",\"corroborated\",\"disputed\",\"false\",\"misleading\"]') WHERE key = (a.id + k.j) % 5),
                1 + (a.id * 7 + k.j) % 6, CASE WHEN k.j % 4 = 0 THEN 'checked against the ministry figures' ELSE '' END,
                CASE WHEN (a.id + k.j) % 97 = 0 THEN 'needs_review' ELSE 'anchored' END,
                1700000000 + a.id * 100 + k.j, 1700000000 + a.id * 100 + k.j
         FROM articles a CROSS JOIN k;
         INSERT INTO attributions (claim_id, position, source_id, role)
         SELECT id, 0, 1 + (id * 31) % {SOURCES}, 'speaker' FROM claims;
         INSERT INTO attributions (claim_id, position, source_id, role)
         SELECT id, 1, 1 + (id * 17) % {SOURCES}, 'intermediary' FROM claims WHERE id % 3 = 0;
         INSERT INTO claim_tags (claim_id, tag_id) SELECT id, 1 + id % 3 FROM claims WHERE id % 10 = 0;
         COMMIT;",
        last = CLAIMS_PER_ARTICLE - 1
    ))?;
    Ok(())
}

/// Times `Desk::create_claim` and a bare one-row insert transaction on a
/// database with the same settings (WAL; `synchronous = FULL`, as the store
/// uses for the analyst's edits), alternating so both see the same disk.
fn saves(desk: &Desk, bare_path: &Path) -> Result<(Vec<u64>, Vec<u64>)> {
    let bare = Connection::open(bare_path)?;
    bare.pragma_update(None, "journal_mode", "WAL")?;
    bare.pragma_update(None, "synchronous", "FULL")?;
    bare.execute_batch(
        "CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, exact TEXT NOT NULL,
             prefix TEXT NOT NULL, suffix TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
             kind TEXT NOT NULL, status TEXT NOT NULL, credibility INTEGER NOT NULL, note TEXT NOT NULL) STRICT",
    )?;
    let (mut ours, mut theirs) = (Vec::with_capacity(SAVES), Vec::with_capacity(SAVES));
    for n in 0..SAVES {
        let article = (n % ARTICLES + 1) as i64;
        // The article's own first line is unique to it: a quote that occurs once.
        let exact = format!("Desk note {}: figures", article - 1);
        let selector = desk.select_quote(article, &QuoteQuery { exact, ..QuoteQuery::default() })?;
        let claim = NewClaim {
            uid: None,
            article,
            selector,
            kind: ClaimKind::Statistic,
            status: ClaimStatus::Unverified,
            credibility: 6,
            note: "saved by the benchmark".into(),
            tags: vec!["bench".into()],
            chain: Vec::new(),
        };
        let start = Instant::now();
        desk.create_claim(&claim)?;
        ours.push(start.elapsed().as_nanos() as u64);

        let start = Instant::now();
        let tx = bare.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO claims (article_id, exact, prefix, suffix, span_start, span_end, kind, status,
                 credibility, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'statistic', 'unverified', 6, ?7)",
            rusqlite::params![
                article,
                claim.selector.exact,
                claim.selector.prefix,
                claim.selector.suffix,
                claim.selector.start as i64,
                claim.selector.end as i64,
                claim.note
            ],
        )?;
        tx.commit()?;
        theirs.push(start.elapsed().as_nanos() as u64);
    }
    Ok((ours, theirs))
}

struct ViewFigure {
    what: &'static str,
    total: usize,
    latency: Latency,
    max_ms: f64,
}

/// What the claims view asks when the person scrolls, filters and sorts.
fn view_queries(desk: &Desk) -> Result<Vec<ViewFigure>> {
    let base = ClaimQuery::default();
    let filter = |filter: ClaimFilter| ClaimQuery { filter, ..ClaimQuery::default() };
    let source = desk.find_source("Source 7")?.id;
    let cases: Vec<(&'static str, ClaimQuery)> = vec![
        ("first page, last edited first", base.clone()),
        ("scroll: page at 50,000", ClaimQuery { offset: 50_000, ..base.clone() }),
        ("scroll: last page", ClaimQuery { offset: 99_950, ..base.clone() }),
        ("sort by credibility", ClaimQuery { sort: ClaimSort::Credibility, ..base.clone() }),
        ("sort by article date", ClaimQuery { sort: ClaimSort::Published, ..base.clone() }),
        ("sort by article title", ClaimQuery { sort: ClaimSort::Article, descending: false, ..base.clone() }),
        ("filter: status false", filter(ClaimFilter { status: Some(ClaimStatus::False), ..ClaimFilter::default() })),
        ("filter: credibility 2", filter(ClaimFilter { credibility: Some(2), ..ClaimFilter::default() })),
        ("filter: tag", filter(ClaimFilter { tag: Some("economy".into()), ..ClaimFilter::default() })),
        ("filter: one source", filter(ClaimFilter { source: Some(source), ..ClaimFilter::default() })),
        (
            "filter: needs review",
            filter(ClaimFilter { anchor: Some(AnchorState::NeedsReview), ..ClaimFilter::default() }),
        ),
        (
            "filter: published in 2023",
            filter(ClaimFilter {
                published_from: Timestamp::from_date(2023, 1, 1),
                published_to: Timestamp::from_date(2024, 1, 1),
                ..ClaimFilter::default()
            }),
        ),
        (
            "words: common (\"ministry\")",
            filter(ClaimFilter { text: Some("ministry".into()), ..ClaimFilter::default() }),
        ),
        (
            "words: a source's name",
            filter(ClaimFilter { text: Some("\"source 42\"".into()), ..ClaimFilter::default() }),
        ),
        (
            "words + status + sort by credibility",
            ClaimQuery {
                filter: ClaimFilter {
                    text: Some("figures".into()),
                    status: Some(ClaimStatus::Disputed),
                    ..ClaimFilter::default()
                },
                sort: ClaimSort::Credibility,
                ..base.clone()
            },
        ),
    ];
    let mut figures = Vec::new();
    for (what, query) in cases {
        let total = desk.claim_page(&query)?.total; // warm, untimed
        let mut nanos = Vec::with_capacity(VIEW_RUNS);
        for _ in 0..VIEW_RUNS {
            let start = Instant::now();
            let page = desk.claim_page(&query)?;
            nanos.push(start.elapsed().as_nanos() as u64);
            anyhow::ensure!(page.total == total, "{what}: total changed");
        }
        let max_ms = nanos.iter().copied().max().unwrap_or(0) as f64 / 1e6;
        figures.push(ViewFigure { what, total, latency: Latency::of(&nanos), max_ms });
    }
    Ok(figures)
}

fn report(run: &RunInfo, load: &str, reopen_ms: f64, ours: &[u64], bare: &[u64], view: &[ViewFigure]) -> String {
    let (ours_l, bare_l) = (Latency::of(ours), Latency::of(bare));
    let ratio = ours_l.p99 / bare_l.p99;
    let met = |ok: bool| if ok { "✅" } else { "❌" };
    let mut out = String::new();
    let _ = write!(
        out,
        "# Performance: claims\n\n\
         Saving claims and the claims view (issue #5), measured by `make bench-claims` \
         (`claimdesk-bench --claims`) in one run. This file is generated: rerun the benchmark rather than editing it.\n\n\
         - Date: {}\n- Code: `{}`\n- Machine: {} CPUs, {}, {:.1} GiB memory; load average at the start {load}\n\
         - Data: {ARTICLES} articles built from the project's sample texts, {} claims generated in SQL \
         ({SOURCES} sources, every claim with a speaker, a third with an intermediary, a tenth tagged, \
         about 1 % needing review); opening the desk rebuilt the claims index in {reopen_ms:.0} ms.\n\n",
        run.date,
        run.code,
        run.cpus,
        run.cpu_model,
        run.memory_gib,
        ARTICLES * CLAIMS_PER_ARTICLE,
    );
    let _ = write!(
        out,
        "## Saving a claim\n\n\
         `Desk::create_claim` (checks the quote against the article, writes the claim, its tag and an operation \
         with an audit row per row, in one transaction) against a bare rusqlite transaction inserting one row \
         into a claims-like table, {SAVES} of each, alternating. Both databases use WAL with \
         `synchronous = FULL`: the store syncs each of the analyst's edits to disk before it counts as saved \
         (imports, which can be run again, do not).\n\n\
         | | p50 ms | p95 ms | p99 ms | mean ms |\n| --- | ---: | ---: | ---: | ---: |\n\
         | `Desk::create_claim` | {:.2} | {:.2} | {:.2} | {:.2} |\n\
         | bare insert transaction | {:.2} | {:.2} | {:.2} | {:.2} |\n\n\
         Target: p99 ≤ {SAVE_TARGET_RATIO}× the bare transaction's. Result: {ratio:.2}× {}\n\n",
        ours_l.p50,
        ours_l.p95,
        ours_l.p99,
        ours_l.mean,
        bare_l.p50,
        bare_l.p95,
        bare_l.p99,
        bare_l.mean,
        met(ratio <= SAVE_TARGET_RATIO),
    );
    let _ = write!(
        out,
        "## The claims view over {} claims\n\n\
         `Desk::claim_page` (100 rows and the total), as the view asks it when the person scrolls, filters \
         or sorts; each query {VIEW_RUNS} times after one untimed run. Words go through the claims index, \
         the rest through SQLite. The window adds the IPC and drawing of 100 rows on top.\n\n\
         | Update | Claims | p50 ms | p95 ms | max ms | ≤ {VIEW_TARGET_MS:.0} ms |\n\
         | --- | ---: | ---: | ---: | ---: | :---: |\n",
        ARTICLES * CLAIMS_PER_ARTICLE
    );
    for figure in view {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {:.1} | {:.1} | {} |",
            figure.what,
            figure.total,
            figure.latency.p50,
            figure.latency.p95,
            figure.max_ms,
            met(figure.latency.p95 <= VIEW_TARGET_MS)
        );
    }
    let worst = view.iter().map(|f| f.latency.p95).fold(0.0, f64::max);
    let _ = write!(
        out,
        "\nTarget: every update ≤ {VIEW_TARGET_MS:.0} ms. Slowest p95: {worst:.1} ms {}\n",
        met(worst <= VIEW_TARGET_MS)
    );
    out
}
