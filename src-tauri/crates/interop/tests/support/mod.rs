//! A desk with the sample articles and a few claims that use everything an
//! export must carry: chains with intermediaries, cue and mention spans,
//! affiliations, tags, notes with markup in them, links, verdicts, and an
//! article without an address.

#![allow(dead_code)] // each test module uses its own part of this

use std::path::Path;
use std::sync::atomic::AtomicBool;

use claimdesk_core::Desk;
use claimdesk_core::domain::{
    ArticleId, ChainLink, ChainRole, Claim, ClaimKind, ClaimStatus, LinkKind, NewClaim, NewClaimLink, NewSource,
    QuoteQuery, Reliability, SearchRequest, Source, SourceKind, Span,
};
use claimdesk_interop::{ExportOptions, Format, Selection};

pub fn samples_desk() -> (tempfile::TempDir, Desk) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(dir.path()).unwrap();
    let summary = desk.import_samples(&mut |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!(summary.imported, 35);
    (dir, desk)
}

/// The one sample article containing `word`.
pub fn article_with(desk: &Desk, word: &str) -> ArticleId {
    let found = desk.search(&SearchRequest::new(word)).unwrap();
    assert_eq!(found.total, 1, "{word} is in exactly one sample");
    found.hits[0].id
}

fn span_of(desk: &Desk, article: ArticleId, part: &str) -> Span {
    let body = desk.article(article).unwrap().body;
    let at = body.find(part).unwrap_or_else(|| panic!("{part:?} is in article {article}"));
    let start = body[..at].chars().count();
    Span { start, end: start + part.chars().count() }
}

fn source(desk: &Desk, name: &str, kind: SourceKind, reliability: Reliability, affiliation: Option<&Source>) -> Source {
    let mut new = NewSource::named(name, kind);
    new.reliability = reliability;
    new.reliability_rationale = format!("{name} has been right <b>before</b> & \"often\"");
    new.affiliation = affiliation.map(|a| a.id);
    new.aliases = vec![format!("{name} alias")];
    desk.create_source(&new).unwrap()
}

#[allow(clippy::too_many_arguments)]
fn claim(
    desk: &Desk,
    article: ArticleId,
    exact: &str,
    chain: Vec<ChainLink>,
    status: ClaimStatus,
    credibility: u8,
    tags: &[&str],
    note: &str,
) -> Claim {
    let query = QuoteQuery { exact: exact.into(), ..QuoteQuery::default() };
    desk.create_claim(&NewClaim {
        uid: None,
        article,
        selector: desk.select_quote(article, &query).unwrap(),
        kind: ClaimKind::FactualAssertion,
        status,
        credibility,
        note: note.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        chain,
    })
    .unwrap()
}

fn link(source: &Source, role: ChainRole) -> ChainLink {
    ChainLink { source: source.id, role, cue: None, mention: None }
}

/// The claims [`recorded_desk`] records, in the order it records them.
pub struct Recorded {
    pub denial: Claim,
    pub authentic: Claim,
    pub unattributed: Claim,
    pub prisoners: Claim,
    pub ministry: Source,
    pub kreel: Source,
    pub arveny: Source,
    pub official: Source,
}

/// The samples with five sources and four claims on two articles, one of
/// them (a plain-text file) without an address.
pub fn recorded_desk() -> (tempfile::TempDir, Desk, Recorded) {
    let (dir, desk) = samples_desk();
    let leak = article_with(&desk, "Ruskavel");
    let ministry = source(&desk, "Varenian foreign ministry", SourceKind::GovernmentBody, Reliability::C, None);
    let kreel = source(&desk, "Anselm Kreel", SourceKind::Person, Reliability::B, Some(&ministry));
    let arveny = source(&desk, "Tomas Arveny", SourceKind::Person, Reliability::D, None);
    let observer = source(&desk, "Varenia Observer", SourceKind::MediaOutlet, Reliability::A, None);
    let official = source(&desk, "A municipal official", SourceKind::Anonymous, Reliability::F, None);

    let mut kreel_said = link(&kreel, ChainRole::Speaker);
    kreel_said.cue = Some(span_of(&desk, leak, "described"));
    kreel_said.mention = Some(span_of(&desk, leak, "Anselm Kreel"));
    let denial = claim(
        &desk,
        leak,
        "a fabrication circulated by people who want the talks to fail",
        vec![kreel_said],
        ClaimStatus::Disputed,
        5,
        &["draft", "denials"],
        "Contradicted by two officials. <script>alert('x')</script> *not emphasis* [not a link](javascript:x)",
    );
    let authentic = claim(
        &desk,
        leak,
        "authentic, and in some respects generous to the government",
        vec![link(&arveny, ChainRole::Speaker), link(&observer, ChainRole::Intermediary)],
        ClaimStatus::Corroborated,
        2,
        &["draft"],
        "",
    );
    let unattributed = claim(
        &desk,
        leak,
        "proposes a 60-day truce",
        Vec::new(),
        ClaimStatus::Unverified,
        6,
        &[],
        "Line one\nline two, with a \"quote\", a comma",
    );
    // An HTML sample with an address (the Markdown leak has none).
    let signed = article_with(&desk, "Quellenhof");
    let prisoners = claim(
        &desk,
        signed,
        "around 250 people on each side",
        vec![link(&official, ChainRole::Speaker)],
        ClaimStatus::False,
        5,
        &["prisoners"],
        "",
    );
    desk.link_claims(&NewClaimLink { from: authentic.id, to: denial.id, kind: LinkKind::Contradicts }).unwrap();
    let recorded = Recorded {
        denial: desk.claim(denial.id).unwrap(),
        authentic: desk.claim(authentic.id).unwrap(),
        unattributed,
        prisoners,
        ministry,
        kreel,
        arveny,
        official,
    };
    (dir, desk, recorded)
}

pub fn export(desk: &Desk, format: Format, selection: &Selection) -> String {
    export_with(desk, format, selection, &ExportOptions::default())
}

pub fn export_with(desk: &Desk, format: Format, selection: &Selection, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    claimdesk_interop::export(desk, format, selection, options, &mut out, &mut |_| {}).unwrap();
    String::from_utf8(out).unwrap()
}

/// Options that cut the four recorded claims into W3C pages of three and one.
pub fn small_pages() -> ExportOptions {
    ExportOptions { page_size: 3, ..ExportOptions::default() }
}

/// `../shared/peer-tests/…` beside the repository, when it is there.
pub fn shared(path: &str) -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../../shared").join(path);
    dir.exists().then_some(dir)
}
