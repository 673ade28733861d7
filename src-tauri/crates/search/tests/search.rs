//! The index through its public API: every element of the query language,
//! sorting, facets, snippets, commits and reopening.

use claimdesk_domain::{SortOrder, Timestamp};
use claimdesk_search::syntax::Field;
use claimdesk_search::{IndexDocument, SearchError, SearchIndex};

const HEAP: usize = 15_000_000;

struct Doc {
    id: i64,
    title: &'static str,
    body: &'static str,
    outlet: &'static str,
    author: &'static str,
    language: &'static str,
    date: (i32, u32, u32),
}

const DOCS: &[Doc] = &[
    Doc {
        id: 1,
        title: "Ceasefire talks resume in Valdora",
        body: "A senior official told Meridian Wire that negotiators met on Tuesday.",
        outlet: "Meridian Wire",
        author: "Ana Ruiz",
        language: "en",
        date: (2023, 3, 1),
    },
    Doc {
        id: 2,
        title: "Port strike enters second week",
        body: "The port authority said the strike had cost millions. Negotiations stalled.",
        outlet: "Harbour Times",
        author: "Tom Berg",
        language: "en",
        date: (2024, 6, 15),
    },
    Doc {
        id: 3,
        title: "Truce holds, officials say",
        body: "The ceasefire appears to hold, according to observers on the ground.",
        outlet: "Harbour Times",
        author: "Ana Ruiz",
        language: "en",
        date: (2025, 1, 20),
    },
    Doc {
        id: 4,
        title: "Salon technologique à Taipei",
        body: "🚢🔥 東京 と 台北 「こんにちは」 the semiconductor fair opened, organisers said.",
        outlet: "Kestrel News",
        author: "Li Wen",
        language: "fr",
        date: (2024, 11, 2),
    },
    Doc {
        id: 5,
        title: "تصريح الوزارة",
        body: "قال المتحدث باسم الوزارة إن المفاوضات مستمرة.",
        outlet: "Kestrel News",
        author: "Omar Haddad",
        language: "ar",
        date: (2024, 2, 9),
    },
];

fn index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let (index, opened) = SearchIndex::open(dir.path(), HEAP).unwrap();
    assert_eq!(opened.last_seq, 0);
    for d in DOCS {
        index
            .add(&IndexDocument {
                id: d.id,
                title: d.title,
                body: d.body,
                outlet: Some(d.outlet),
                author: Some(d.author),
                language: Some(d.language),
                published: Timestamp::from_date(d.date.0, d.date.1, d.date.2),
            })
            .unwrap();
    }
    index.commit(42).unwrap();
    (dir, index)
}

/// The ids a query finds, ascending.
fn ids(index: &SearchIndex, query: &str) -> Vec<i64> {
    let found = index.search(query, SortOrder::Relevance, 50, 0, &|_, _| Vec::new()).unwrap();
    assert_eq!(found.total as usize, found.hits.len(), "total for {query:?}");
    let mut ids: Vec<i64> = found.hits.iter().map(|(id, _)| *id).collect();
    ids.sort();
    ids
}

#[test]
fn source_and_tag_filters_take_their_articles_from_the_caller() {
    let (_dir, index) = index();
    let resolve = |field: Field, name: &str| -> Vec<i64> {
        match (field, name.to_lowercase().as_str()) {
            (Field::Source, "kreel") => vec![1, 3],
            (Field::Tag, "serrat talks") => vec![3, 4],
            _ => Vec::new(),
        }
    };
    let ids = |query: &str| {
        let found = index.search(query, SortOrder::Relevance, 50, 0, &resolve).unwrap();
        let mut ids: Vec<i64> = found.hits.iter().map(|(id, _)| *id).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("source:Kreel"), [1, 3]);
    assert_eq!(ids("source:kreel observers"), [3]);
    assert_eq!(ids("tag:\"Serrat talks\" -source:kreel"), [4]);
    assert_eq!(ids("source:kreel OR tag:\"serrat talks\""), [1, 3, 4]);
    assert_eq!(ids("source:nobody"), [] as [i64; 0], "an unknown source matches nothing");
    assert_eq!(ids("ceasefire -source:nobody"), [1, 3]);
}

#[test]
fn every_element_of_the_query_language() {
    let (_dir, index) = index();
    let cases: &[(&str, &[i64])] = &[
        ("ceasefire", &[1, 3]),
        ("ceasefire observers", &[3]),
        ("ceasefire AND observers", &[3]),
        ("ceasefire OR strike", &[1, 2, 3]),
        ("ceasefire -observers", &[1]),
        ("ceasefire NOT observers", &[1]),
        ("-ceasefire", &[2, 4, 5]),
        ("\"senior official\"", &[1]),
        ("\"official senior\"", &[]),
        ("negotia*", &[1, 2]),
        ("title:ceasefire", &[1]),
        ("title:\"port strike\"", &[2]),
        ("outlet:\"harbour times\"", &[2, 3]),
        ("outlet:\"Harbour\"", &[]),
        ("outlet:harbour", &[2, 3]),
        ("outlet:kestrel", &[4, 5]),
        ("author:ruiz", &[1, 3]),
        ("lang:ar", &[5]),
        ("lang:FR", &[4]),
        ("published:[2024-01-01 TO 2024-12-31]", &[2, 4, 5]),
        ("published:2023", &[1]),
        ("published:[2024-06-15 TO *]", &[2, 3, 4]),
        ("(ceasefire OR strike) outlet:harbour", &[2, 3]),
        ("semiconductor", &[4]),
        ("東京", &[4]),
        ("المفاوضات", &[5]),
        ("technologique", &[4]),
        ("", &[1, 2, 3, 4, 5]),
        ("&", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(&index, query), *expected, "query {query:?}");
    }
}

#[test]
fn a_malformed_query_is_a_syntax_error_with_a_position() {
    let (_dir, index) = index();
    match index.search("ceasefire \"senior", SortOrder::Relevance, 10, 0, &|_, _| Vec::new()) {
        Err(SearchError::Syntax(e)) => {
            assert_eq!(e.position, 10);
            assert!(e.message.contains("quote"), "{}", e.message);
        }
        Err(other) => panic!("expected a syntax error, got {other}"),
        Ok(_) => panic!("expected a syntax error"),
    }
}

#[test]
fn sorts_by_date_newest_first_and_pages() {
    let (_dir, index) = index();
    let found = index.search("", SortOrder::Date, 3, 0, &|_, _| Vec::new()).unwrap();
    assert_eq!(found.total, 5);
    assert_eq!(found.hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![3, 4, 2]);
    let next = index.search("", SortOrder::Date, 3, 3, &|_, _| Vec::new()).unwrap();
    assert_eq!(next.hits.iter().map(|h| h.0).collect::<Vec<_>>(), vec![5, 1]);
}

#[test]
fn facets_count_every_match() {
    let (_dir, index) = index();
    let found = index.search("", SortOrder::Relevance, 1, 0, &|_, _| Vec::new()).unwrap();
    let outlets: Vec<(String, u64)> = found.facets.outlet.iter().map(|f| (f.value.clone(), f.count)).collect();
    assert_eq!(outlets, vec![("Harbour Times".into(), 2), ("Kestrel News".into(), 2), ("Meridian Wire".into(), 1)]);
    let years: Vec<(String, u64)> = found.facets.year.iter().map(|f| (f.value.clone(), f.count)).collect();
    assert_eq!(years, vec![("2025".into(), 1), ("2024".into(), 3), ("2023".into(), 1)]);
}

#[test]
fn snippet_highlights_are_code_points() {
    let (_dir, index) = index();
    let found = index.search("semiconductor", SortOrder::Relevance, 5, 0, &|_, _| Vec::new()).unwrap();
    let (snippet, highlights) = found.highlighter.snippet(DOCS[3].body);
    assert_eq!(highlights.len(), 1);
    let [start, end] = highlights[0];
    let matched: String = snippet.chars().skip(start).take(end - start).collect();
    assert_eq!(matched, "semiconductor");
    assert_ne!(snippet.find("semiconductor"), Some(start), "byte and code-point offsets differ here");
}

#[test]
fn commits_record_the_sequence_and_survive_reopening() {
    let (dir, index) = index();
    assert_eq!(index.last_committed_seq().unwrap(), 42);
    index.delete(2);
    index.commit(43).unwrap();
    assert_eq!(index.document_ids().unwrap(), vec![1, 3, 4, 5]);
    drop(index);
    let (index, opened) = SearchIndex::open(dir.path(), HEAP).unwrap();
    assert_eq!(opened.last_seq, 43);
    assert_eq!(opened.rebuilt_because, None);
    assert_eq!(index.document_count(), 4);
}

#[test]
fn an_unreadable_index_is_emptied_for_rebuild() {
    let (dir, index) = index();
    drop(index);
    std::fs::write(dir.path().join("meta.json"), b"{ not json").unwrap();
    let (index, opened) = SearchIndex::open(dir.path(), HEAP).unwrap();
    assert!(opened.rebuilt_because.is_some());
    assert_eq!(opened.last_seq, 0);
    assert_eq!(index.document_count(), 0);
}
