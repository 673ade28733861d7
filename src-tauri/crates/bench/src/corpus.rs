//! The benchmark corpus: Reuters-21578 (SGML) and BBC News (text files) read
//! from `../shared`, repeated to the wanted size and written as JSON lines,
//! which all three systems then read.

use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use claimdesk_domain::Timestamp;
use serde::{Deserialize, Serialize};

use crate::rng::Rng;

pub const REUTERS_OUTLET: &str = "Reuters";
pub const BBC_OUTLET: &str = "BBC";
/// Articles per JSON-lines file.
const ARTICLES_PER_FILE: usize = 5_000;
const SHUFFLE_SEED: u64 = 21_578;

/// One article as written to (and read back from) the JSON-lines files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub body: String,
    pub outlet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Timestamp>,
}

/// Every article of both corpora, without exact duplicates (by Claimdesk's own
/// content hash, so that Claimdesk and the baselines index the same set), in a
/// fixed pseudo-random order so that any prefix mixes both outlets.
pub fn load(reuters_dir: &Path, bbc_dir: &Path) -> Result<Vec<Article>> {
    let mut articles = Vec::new();
    for path in sorted_files(reuters_dir, "sgm")? {
        let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        articles.extend(parse_reuters(&String::from_utf8_lossy(&bytes)));
    }
    for category in sorted_dirs(bbc_dir)? {
        for path in sorted_files(&category, "txt")? {
            let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            // One file is not valid UTF-8: decode lossily rather than lose it.
            articles.extend(parse_bbc(&String::from_utf8_lossy(&bytes)));
        }
    }
    let mut seen = HashSet::new();
    articles.retain(|a| seen.insert(claimdesk_import::content_hash(&a.title, &a.body)));
    Rng::new(SHUFFLE_SEED).shuffle(&mut articles);
    Ok(articles)
}

/// Article `n` of a corpus of any size: the base articles in turn, then copies.
/// Copy `k` (k ≥ 1) differs in its title and last sentence so that Claimdesk's
/// de-duplication keeps it.
pub fn article_at(base: &[Article], n: usize) -> Article {
    let mut article = base[n % base.len()].clone();
    let copy = n / base.len();
    if copy > 0 {
        article.title = format!("{} (copy {copy})", article.title);
        article.body = format!("{}\n\nBenchmark copy {copy}.", article.body);
    }
    article
}

/// Writes articles `0..size` as JSON-lines files into `dir`.
pub fn write(base: &[Article], size: usize, dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    for (file, start) in (0..size).step_by(ARTICLES_PER_FILE).enumerate() {
        let path = dir.join(format!("{file:05}.jsonl"));
        let mut out = BufWriter::new(fs::File::create(&path)?);
        for n in start..(start + ARTICLES_PER_FILE).min(size) {
            serde_json::to_writer(&mut out, &article_at(base, n))?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(())
}

/// Reads the JSON-lines files of `dir` in name order, handing each article to `each`.
pub fn for_each(dir: &Path, mut each: impl FnMut(Article) -> Result<()>) -> Result<u64> {
    let mut count = 0;
    for path in sorted_files(dir, "jsonl")? {
        let text = fs::read_to_string(&path)?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            each(serde_json::from_str(line).with_context(|| format!("a line of {}", path.display()))?)?;
            count += 1;
        }
    }
    Ok(count)
}

/// The `<REUTERS>` blocks of one SGML file that have a title and a body.
pub fn parse_reuters(sgml: &str) -> Vec<Article> {
    const CLOSE: &str = "</REUTERS>";
    let mut articles = Vec::new();
    let mut rest = sgml;
    while let Some(start) = rest.find("<REUTERS") {
        let block = &rest[start..];
        let end = block.find(CLOSE).map_or(block.len(), |e| e + CLOSE.len());
        articles.extend(reuters_block(&block[..end]));
        rest = &block[end..];
    }
    articles
}

fn reuters_block(block: &str) -> Option<Article> {
    let text = element(block, "TEXT")?;
    let body = unescape(element(text, "BODY")?).trim().to_string();
    let title = unescape(element(text, "TITLE")?).trim().to_string();
    if body.is_empty() || title.is_empty() {
        return None;
    }
    let published = element(block, "DATE").and_then(reuters_date);
    Some(Article { title, body, outlet: REUTERS_OUTLET.to_string(), published })
}

/// The content of the first `<tag>` or `<tag attributes>` element in `text`.
fn element<'a>(text: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut from = 0;
    loop {
        let at = from + text[from..].find(&open)? + open.len();
        // `<TEXT` must not match `<TEXTS`.
        if text[at..].starts_with(|c: char| c == '>' || c.is_whitespace()) {
            let content = at + text[at..].find('>')? + 1;
            let len = text[content..].find(&close)?;
            return Some(&text[content..content + len]);
        }
        from = at;
    }
}

/// Resolves the SGML entities the collection uses; control characters
/// written as `&#N;` (markers of the wire format) are dropped.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 8) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let decoded = match &rest[1..semi] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            numeric => numeric.strip_prefix('#').and_then(|n| n.parse().ok()).and_then(char::from_u32),
        };
        match decoded {
            Some(c) if !c.is_control() || c == '\n' || c == '\t' => out.push(c),
            Some(_) => {}
            None => out.push_str(&rest[..=semi]),
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// `26-FEB-1987 15:01:01.79` (fractions of seconds ignored).
fn reuters_date(text: &str) -> Option<Timestamp> {
    const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    let mut parts = text.split_whitespace();
    let mut date = parts.next()?.split('-');
    let day = date.next()?.parse().ok()?;
    let month_name = date.next()?.to_ascii_uppercase();
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year = date.next()?.parse().ok()?;
    let midnight = Timestamp::from_date(year, month, day)?;
    let mut clock = parts.next().unwrap_or("0:0:0").split(':').map(|p| p.split('.').next().unwrap_or(p));
    let mut unit = || clock.next().and_then(|p| p.parse::<i64>().ok()).unwrap_or(0);
    let (hours, minutes, seconds) = (unit(), unit(), unit());
    Some(Timestamp(midnight.seconds() + hours * 3600 + minutes * 60 + seconds))
}

/// A BBC file: the first line is the title, the rest the body.
fn parse_bbc(text: &str) -> Option<Article> {
    let (title, body) = text.trim_start().split_once('\n')?;
    let (title, body) = (title.trim(), body.trim());
    if title.is_empty() || body.is_empty() {
        return None;
    }
    Some(Article { title: title.to_string(), body: body.to_string(), outlet: BBC_OUTLET.to_string(), published: None })
}

fn sorted_files(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three blocks in the collection's layout, written for this test: a
    /// complete one, one without a body, and a brief with attributes on TEXT.
    const SAMPLE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="1">
<DATE> 3-MAR-1987 09:05:07.12</DATE>
<TOPICS><D>grain</D></TOPICS>
<TEXT>&#2;
<TITLE>ACME &lt;ACM&gt; PLANS WIDGET FACTORY</TITLE>
<DATELINE>    SPRINGFIELD, March 3 - </DATELINE><BODY>Acme Corp &amp; partners said
they plan a widget factory.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="2">
<DATE>4-MAR-1987 10:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="3">
<DATE>bad date</DATE>
<TEXT TYPE="NORM"><TITLE>SECOND</TITLE><BODY>Text two.</BODY></TEXT>
</REUTERS>
"#;

    #[test]
    fn reuters_blocks_with_a_body_become_articles() {
        let articles = parse_reuters(SAMPLE);
        assert_eq!(articles.len(), 2);
        let first = &articles[0];
        assert_eq!(first.title, "ACME <ACM> PLANS WIDGET FACTORY");
        assert_eq!(first.body, "Acme Corp & partners said\nthey plan a widget factory.\n Reuter");
        assert_eq!(first.outlet, REUTERS_OUTLET);
        assert_eq!(first.published, Timestamp::parse("1987-03-03T09:05:07Z"));
        assert_eq!(articles[1].title, "SECOND");
        assert_eq!(articles[1].published, None);
    }

    #[test]
    fn unknown_entities_and_lone_ampersands_stay() {
        assert_eq!(unescape("AT&T &foo; &#65;&#1;"), "AT&T &foo; A");
    }

    #[test]
    fn element_does_not_match_a_longer_tag() {
        assert_eq!(element("<TEXTS>a</TEXTS><TEXT x=1>b</TEXT>", "TEXT"), Some("b"));
        assert_eq!(element("<TITLE>open", "TITLE"), None);
    }

    #[test]
    fn bbc_files_have_the_title_first() {
        let article = parse_bbc("Headline here\n\nFirst paragraph.\n\nSecond.\n").unwrap();
        assert_eq!((article.title.as_str(), article.body.as_str()), ("Headline here", "First paragraph.\n\nSecond."));
        assert_eq!(parse_bbc("Only a title\n"), None);
    }

    #[test]
    fn copies_are_not_duplicates() {
        let base = parse_reuters(SAMPLE);
        let hash = |a: &Article| claimdesk_import::content_hash(&a.title, &a.body);
        let hashes: HashSet<String> = (0..6).map(|n| hash(&article_at(&base, n))).collect();
        assert_eq!(hashes.len(), 6);
        assert_eq!(article_at(&base, 0), base[0]);
        assert_eq!(article_at(&base, 5).title, "SECOND (copy 2)");
    }

    #[test]
    fn written_files_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let base = parse_reuters(SAMPLE);
        write(&base, 3, dir.path()).unwrap();
        let mut read = Vec::new();
        let count = for_each(dir.path(), |a| {
            read.push(a);
            Ok(())
        });
        assert_eq!(count.unwrap(), 3);
        assert_eq!(read[2], article_at(&base, 2));
    }
}
