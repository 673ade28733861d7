//! Checks the importer against the project's shared fixtures (`tests/fixtures/`,
//! described in its README): the first-run samples, the broken files and the
//! hostile ones. Each test skips, saying so, when its folder is absent.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimdesk_import::{NewArticle, Parsed, SourceFormat, discover, parse_file};

fn fixtures(folder: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(folder);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} does not exist", dir.display());
        None
    }
}

/// Parses every file of a folder, printing one line per file.
fn import(dir: &Path) -> BTreeMap<String, Result<Parsed, String>> {
    let found = discover(&[dir.to_path_buf()]);
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    let mut outcomes = BTreeMap::new();
    for path in found.unsupported {
        println!("{}: unsupported", path.display());
        outcomes.insert(name(&path), Err("unsupported".to_string()));
    }
    for path in found.files {
        let outcome = parse_file(&path).map_err(|issue| issue.error);
        match &outcome {
            Ok(parsed) => println!(
                "{}: {} article(s), errors {:?}, warnings {:?}",
                path.display(),
                parsed.articles.len(),
                parsed.errors,
                parsed.warnings
            ),
            Err(error) => println!("{}: skipped: {error}", path.display()),
        }
        outcomes.insert(name(&path), outcome);
    }
    outcomes
}

fn name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn only_article(outcomes: &BTreeMap<String, Result<Parsed, String>>, file: &str) -> NewArticle {
    let parsed = outcomes[file].as_ref().unwrap_or_else(|e| panic!("{file}: {e}"));
    assert_eq!(parsed.articles.len(), 1, "{file}");
    parsed.articles[0].clone()
}

fn has_word(article: &NewArticle, word: &str) -> bool {
    let word = word.to_lowercase();
    [&article.title, &article.body]
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .any(|w| w.to_lowercase() == word)
}

#[test]
fn samples_import_cleanly_and_match_the_manifest() {
    let Some(dir) = fixtures("samples") else {
        return;
    };
    let outcomes = import(&dir);
    let mut articles = Vec::new();
    for (file, outcome) in &outcomes {
        let parsed = outcome.as_ref().unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(parsed.errors.is_empty() && parsed.warnings.is_empty(), "{file}: {parsed:?}");
        articles.extend(parsed.articles.iter().cloned());
    }
    assert_eq!(articles.len(), 35);

    let count = |key: &dyn Fn(&NewArticle) -> String| {
        let mut counts = BTreeMap::<String, usize>::new();
        for article in &articles {
            *counts.entry(key(article)).or_default() += 1;
        }
        counts
    };
    let by_format = count(&|a| a.origin.format.as_str().to_string());
    let expected = [("atom", 3), ("html", 7), ("jsonl", 6), ("markdown", 5), ("rss", 4), ("text", 10)];
    assert_eq!(by_format, expected.map(|(k, v)| (k.to_string(), v)).into_iter().collect());
    let by_year = count(&|a| a.published.map_or("none".to_string(), |t| t.year().to_string()));
    let expected = [("2023", 8), ("2024", 12), ("2025", 5), ("none", 10)];
    assert_eq!(by_year, expected.map(|(k, v)| (k.to_string(), v)).into_iter().collect());
    let by_language = count(&|a| a.language.clone().unwrap_or_default());
    let expected = [("ar", 1), ("en", 33), ("fr", 1)];
    assert_eq!(by_language, expected.map(|(k, v)| (k.to_string(), v)).into_iter().collect());
    let by_outlet = count(&|a| a.outlet.clone().unwrap_or_default());
    assert_eq!(by_outlet.len(), 13, "12 outlets and none: {by_outlet:?}");
    assert_eq!(by_outlet[""], 10);
    assert_eq!(by_outlet["Caldris Coast Radio"], 4);
    let hashes: HashSet<&str> = articles.iter().map(|a| a.content_hash.as_str()).collect();
    assert_eq!(hashes.len(), 35, "no two samples are duplicates");

    for word in [
        "ليسفان",
        "Ruskavel",
        "Vannikow",
        "Veerhaven",
        "Vasquez",
        "Fasano",
        "Brennagh",
        "Renate",
        "Lindeskar",
        "Sabrowski",
        "Barrendeau",
        "Tervo",
        "Reinholt",
        "Pelgrim",
        "Quellenhof",
        "Kallweit",
        "Thornquist",
        "Haugland",
        "Birgitta",
        "Inspectorate",
        "Obuya",
        "Osterbrink",
        "Havbris",
        "Skelby",
        "Hvitsand",
        "Saltmarsh",
        "Jorgensen",
        "Hollingworth",
        "Lumora",
        "Zervanka",
        "Ekdahl",
        "Halvinport",
        "Quorvex",
        "Nordkai",
        "Rydberg",
    ] {
        let hits = articles.iter().filter(|a| has_word(a, word)).count();
        assert_eq!(hits, 1, "distinctive word {word}");
    }

    for article in articles.iter().filter(|a| a.origin.format == SourceFormat::Html) {
        for furniture in ["cookies", "Related stories", "Accept all", "By ", "function ("] {
            assert!(!article.body.contains(furniture), "{}: {furniture}", article.origin.path);
        }
        assert!(article.author.is_some() && article.url.is_some() && article.published.is_some());
    }
    let rss_item_4 = articles.iter().find(|a| a.origin.format == SourceFormat::Rss && a.origin.record == Some(4));
    assert_eq!(rss_item_4.and_then(|a| a.author.as_deref()), Some("Mona Stride"));
    let atom_3 = articles.iter().find(|a| a.origin.format == SourceFormat::Atom && a.origin.record == Some(3));
    assert!(atom_3.is_some_and(|a| a.body.split("\n\n").count() > 3), "plain-text summary keeps its paragraphs");
    let md = only_article(&outcomes, "greve-port-caldris.md");
    assert_eq!(md.title, "Grève au port de Caldris : les pêcheurs redoutent une saison perdue");
    assert_eq!(md.outlet.as_deref(), Some("Le Courrier du Littoral"));
    let txt = only_article(&outcomes, "taipei-chip-expo.txt");
    assert_eq!(txt.title, "Chip startups and cargo delays steal the show at Taipei's Lumora Expo 🚢🔥");
}

#[test]
fn broken_files_are_each_reported() {
    let Some(dir) = fixtures("broken") else {
        return;
    };
    let outcomes = import(&dir);
    let err = |file: &str| outcomes[file].as_ref().err().cloned().unwrap_or_default();
    let warnings = |file: &str| -> Vec<String> {
        outcomes[file].as_ref().map(|p| p.warnings.iter().map(|w| w.error.clone()).collect()).unwrap_or_default()
    };

    let latin1 = only_article(&outcomes, "latin1-legacy.txt");
    assert_eq!(latin1.title, "Brûlerie Müller café chain to close 40 branches, blames “impossible” rents");
    for needle in ["£9,000", "Hafnerstraße", "Thérèse Aubignac-Lowe"] {
        assert!(latin1.body.contains(needle), "{needle}");
    }
    assert!(!latin1.body.contains('\u{FFFD}'));
    assert_eq!(warnings("latin1-legacy.txt"), ["decoded as windows-1252 (guessed)"]);

    let damaged = only_article(&outcomes, "invalid-utf8.txt");
    assert_eq!(damaged.title, "Engineers close Kellsbridge footbridge after inspection finds corroded cables");
    assert_eq!(damaged.body.matches('\u{FFFD}').count(), 5);
    assert!(damaged.body.contains("Åsa Ødegård"));
    assert_eq!(warnings("invalid-utf8.txt"), ["5 invalid UTF-8 byte sequences replaced"]);

    let utf16 = only_article(&outcomes, "utf16-bom.txt");
    assert_eq!(utf16.title, "Penhallow library reopens after flood repairs, with a café and longer hours");
    assert!(utf16.body.contains("Morwenna Tregarthen"));

    let truncated = only_article(&outcomes, "truncated.html");
    assert_eq!(truncated.title, "Lantern Regatta draws record crowd despite storm warning");
    assert_eq!(truncated.author.as_deref(), Some("Priscilla Tresillian"));
    let paragraphs: Vec<&str> = truncated.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4);
    assert!(paragraphs[3].ends_with("and that a new"));
    assert!(truncated.body.contains("Captain Jory Pendeen"));
    assert!(truncated.body.contains("at least as much as the whole of June"));
    // The README says "no `hre`", but "threatened" is in the text: the cut tag
    // must not leave the word behind.
    assert!(!has_word(&truncated, "hre"));
    for absent in ["<a", "gaz", "font-family"] {
        assert!(!truncated.body.contains(absent), "{absent}");
    }

    let mixed = outcomes["mixed.jsonl"].as_ref().expect("mixed.jsonl parses");
    let titles: Vec<&str> = mixed.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Island ferry timetable cut to two sailings a day as engine repairs drag on",
            "Court blocks demolition of Vellmar cinema pending heritage review"
        ]
    );
    let failed: Vec<String> = mixed.errors.iter().map(|e| name(Path::new(&e.path))).collect();
    assert_eq!(failed, ["mixed.jsonl:2", "mixed.jsonl:4"]);

    assert_eq!(err("empty.txt"), "empty file");
    assert_eq!(err("whitespace-only.md"), "empty file");
    assert_eq!(err("junk.txt"), "binary file, not text");
    assert!(err("broken-feed.rss").starts_with("not a well-formed RSS/Atom feed: "));
    assert_eq!(err("notes.docx"), "unsupported");
}

#[test]
fn hostile_markup_stays_text() {
    let Some(dir) = fixtures("hostile") else {
        return;
    };
    let outcomes = import(&dir);
    let html = only_article(&outcomes, "hostile.html");
    assert!(html.title.contains("<script>window.__claimdesk_canary = 1</script>"));
    assert!(html.body.contains("<img src=x onerror=\"window.__claimdesk_canary=1\">"));
    assert!(html.body.contains("Wilhelmina Strood"));
    assert!(!html.body.contains("onmouseover"));

    // The end-to-end test's 5 MB one-line paragraph must not stall the import.
    let text = std::fs::read_to_string(dir.join("hostile.txt")).expect("hostile.txt is UTF-8");
    let long_line = "quay ledger tide harbour crane ballast mooring ".repeat(5_000_000 / 47);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert!(paragraphs.len() > 5, "title and at least five paragraphs");
    let mut big = paragraphs.clone();
    big[4] = &long_line;
    let big = big.join("\n\n");
    let started = Instant::now();
    let parsed = claimdesk_import::parse_bytes(Path::new("hostile-big.txt"), big.as_bytes()).expect("parses");
    println!("5 MB hostile.txt parsed in {:?}", started.elapsed());
    assert!(parsed.articles[0].body.len() > 5_000_000);
}
