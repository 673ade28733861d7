//! Turns files (plain text, Markdown, HTML, JSON lines, RSS, Atom) into articles.
//!
//! Nothing here touches the store or the index: the core finds files with
//! [`discover`], parses them (in parallel) with [`parse_file`] and decides what to
//! keep, using [`content_hash`] to spot duplicates. Bad input never panics and
//! never stops an import: a file that cannot be read at all is an `Err`, a bad
//! record inside a file is one of [`Parsed::errors`].

mod article;
mod date;
mod decode;
mod discover;
mod feed;
mod hash;
mod html;
mod jsonl;
mod language;
mod markdown;
mod stopwords;
mod text;

use std::path::Path;

pub use claimdesk_domain::{ImportIssue, NewArticle, Origin, SourceFormat};
pub use discover::{Discovered, discover};
pub use hash::content_hash;

use article::Collector;

/// What one file gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub articles: Vec<NewArticle>,
    /// Records inside the file that were skipped (`file.jsonl:3`, `feed.rss#2`).
    pub errors: Vec<ImportIssue>,
    /// Imported with a caveat: a guessed encoding, replaced bytes, an unreadable date.
    pub warnings: Vec<ImportIssue>,
}

/// The format a file's extension promises, ignoring case. `.xml` answers
/// [`SourceFormat::Rss`] provisionally: its root element decides, and the parsed
/// articles carry the real format (Atom for a `<feed>`).
pub fn format_of(path: &Path) -> Option<SourceFormat> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "txt" => SourceFormat::Text,
        "md" | "markdown" => SourceFormat::Markdown,
        "html" | "htm" | "xhtml" => SourceFormat::Html,
        "jsonl" | "ndjson" => SourceFormat::Jsonl,
        "rss" | "xml" => SourceFormat::Rss,
        "atom" => SourceFormat::Atom,
        _ => return None,
    })
}

/// Reads and parses one file.
///
/// # Errors
///
/// When the whole file is skipped (unreadable, unsupported, binary, empty, a
/// broken feed, a single-article file without text); the issue names the file
/// and says why. Problems with single records are in [`Parsed::errors`] instead.
pub fn parse_file(path: &Path) -> Result<Parsed, ImportIssue> {
    let issue = |error: String| ImportIssue { path: path.display().to_string(), error };
    if format_of(path).is_none() {
        return Err(issue(unsupported(path)));
    }
    let bytes = std::fs::read(path).map_err(|e| issue(format!("cannot read the file: {e}")))?;
    parse_bytes(path, &bytes)
}

/// Parses a file's bytes; `path` gives the format (by extension) and the name
/// used in articles' origin and in issues.
///
/// # Errors
///
/// As [`parse_file`], except for reading.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Parsed, ImportIssue> {
    let display = path.display().to_string();
    let Some(format) = format_of(path) else {
        return Err(ImportIssue { error: unsupported(path), path: display });
    };
    let declares_encoding = matches!(format, SourceFormat::Html | SourceFormat::Rss | SourceFormat::Atom);
    let decoded = match decode::decode(bytes, declares_encoding) {
        Ok(decoded) => decoded,
        Err(error) => {
            return Err(ImportIssue { path: display, error });
        }
    };
    let text = decoded.text.as_ref();
    match format {
        SourceFormat::Text => text::parse(text, Collector::new(display, format, decoded.warning)),
        SourceFormat::Markdown => markdown::parse(text, Collector::new(display, format, decoded.warning)),
        SourceFormat::Html => html::parse(text, Collector::new(display, format, decoded.warning)),
        SourceFormat::Jsonl => Ok(jsonl::parse(text, Collector::new(display, format, decoded.warning))),
        SourceFormat::Rss | SourceFormat::Atom => feed::parse(text, display, decoded.warning),
    }
}

fn unsupported(path: &Path) -> String {
    match path.extension() {
        Some(extension) => format!("unsupported file type (.{})", extension.to_string_lossy()),
        None => "unsupported file type (no extension)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        let format = |name: &str| format_of(Path::new(name));
        assert_eq!(format("a/b.TXT"), Some(SourceFormat::Text));
        assert_eq!(format("b.Markdown"), Some(SourceFormat::Markdown));
        assert_eq!(format("b.xhtml"), Some(SourceFormat::Html));
        assert_eq!(format("b.ndjson"), Some(SourceFormat::Jsonl));
        assert_eq!(format("b.xml"), Some(SourceFormat::Rss));
        assert_eq!(format("b.atom"), Some(SourceFormat::Atom));
        assert_eq!(format("b.pdf"), None);
        assert_eq!(format("Makefile"), None);
    }

    #[test]
    fn unreadable_and_unsupported_files_are_issues() {
        let err = parse_file(Path::new("/nonexistent/claimdesk/a.txt")).unwrap_err();
        assert!(err.error.starts_with("cannot read the file: "), "{}", err.error);
        assert_eq!(err.path, "/nonexistent/claimdesk/a.txt");
        let err = parse_bytes(Path::new("a.pdf"), b"%PDF").unwrap_err();
        assert_eq!(err.error, "unsupported file type (.pdf)");
        let err = parse_bytes(Path::new("a.html"), b"\x00\x01binary").unwrap_err();
        assert_eq!(err.error, "binary file, not text");
    }

    #[test]
    fn parse_file_reads_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "Title\n\nBody.").unwrap();
        let parsed = parse_file(&path).unwrap();
        assert_eq!(parsed.articles[0].origin.path, path.display().to_string());
    }

    #[test]
    fn decoding_warnings_reach_the_caller() {
        let parsed =
            parse_bytes(Path::new("old.txt"), b"Caf\xE9 cr\xE8me\n\nD\xE9j\xE0 vu, tr\xE8s cher, \xE0 No\xEBl.")
                .unwrap();
        assert_eq!(parsed.articles[0].title, "Café crème");
        assert_eq!(
            parsed.warnings,
            vec![ImportIssue { path: "old.txt".into(), error: "decoded as windows-1252 (guessed)".into() }]
        );
    }

    /// Tiny deterministic generator: the fuzz test must fail the same way twice.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Fragments of every syntax we parse, so that random input reaches the parsers
    /// instead of stopping at "binary file".
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<article>",
        "<h1>",
        "<script>",
        "<![CDATA[",
        "]]>",
        "<?xml version=\"1.0\"?>",
        "<rss version=\"2.0\"><channel>",
        "<item>",
        "<title>",
        "</title>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "<entry>",
        "<meta charset=\"x\">",
        "&amp;",
        "&#",
        ";",
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "\"body\"",
        "\"title\"",
        "\"author\":[",
        "null",
        "1e999",
        "\\u",
        "# ",
        "*",
        "_",
        "`",
        "```",
        "[a](",
        ")",
        "![",
        "---\n",
        "- ",
        "1. ",
        "> ",
        "By ",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "é",
        "日本",
        "\u{202e}",
        "\u{feff}",
        "\u{fffd}",
        "word",
        "2024-03-02",
    ];

    #[test]
    fn random_input_never_panics() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let extensions = ["txt", "md", "html", "jsonl", "rss", "atom", "xml"];
        let mut articles_seen = 0;
        for round in 0..200 {
            let len = rng.below(600);
            let bytes: Vec<u8> = if round % 2 == 0 {
                (0..len).map(|_| rng.next() as u8).collect()
            } else {
                (0..len).flat_map(|_| PIECES[rng.below(PIECES.len())].bytes().collect::<Vec<_>>()).collect()
            };
            for extension in extensions {
                let path = PathBuf::from(format!("fuzz/{round}.{extension}"));
                if let Ok(parsed) = parse_bytes(&path, &bytes) {
                    articles_seen += parsed.articles.len();
                    for article in parsed.articles {
                        assert!(!article.title.trim().is_empty() && !article.body.trim().is_empty(), "{path:?}");
                        assert_eq!(article.content_hash, content_hash(&article.title, &article.body));
                    }
                }
            }
        }
        assert!(articles_seen > 100, "the input must reach the parsers, not only the decoder: {articles_seen}");
    }
}
