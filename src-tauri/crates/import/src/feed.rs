//! RSS and Atom feeds saved to disk: one article per item, its HTML content turned
//! into paragraphs, the feed's title as the outlet.

use std::panic::{self, AssertUnwindSafe};

use claimdesk_domain::{ImportIssue, SourceFormat, Timestamp};
use feed_rs::model::{Entry, FeedType, Person};

use crate::Parsed;
use crate::article::{Collector, Draft};
use crate::html::fragment_to_text;

const FEED_RS_PANIC: &str = "the feed parser crashed on this file (an unusual author field?)";

pub(crate) fn parse(text: &str, path: String, decode_warning: Option<String>) -> Result<Parsed, ImportIssue> {
    // The text is already UTF-8; a prolog naming the original encoding would make
    // the parser decode it a second time.
    let without_prolog = strip_xml_declaration(text);
    let parser = feed_rs::parser::Builder::new().sanitize_content(false).build();
    // feed-rs 3.0 can panic on some author strings (it slices "Name—mail@x.org"
    // inside the dash); one odd feed must not take the import down.
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| parser.parse(without_prolog.as_bytes())))
        .map_err(|_| ImportIssue { path: path.clone(), error: FEED_RS_PANIC.to_string() })?;
    let feed = parsed
        .map_err(|e| ImportIssue { path: path.clone(), error: format!("not a well-formed RSS/Atom feed: {e}") })?;
    let format = match feed.feed_type {
        FeedType::Atom => SourceFormat::Atom,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => SourceFormat::Rss,
        FeedType::JSON => {
            return Err(ImportIssue { path, error: "a JSON Feed, not an RSS or Atom feed".to_string() });
        }
    };
    let outlet = feed.title.map(|t| t.content);
    let mut collector = Collector::new(path, format, decode_warning);
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let record = Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
        let draft = entry_draft(entry, outlet.clone(), feed.language.clone());
        collector.push(record, draft);
    }
    Ok(collector.finish())
}

fn entry_draft(entry: Entry, outlet: Option<String>, feed_language: Option<String>) -> Draft {
    // Full content first; description and summary are often a teaser of it.
    let body = entry
        .content
        .and_then(|c| c.body)
        .into_iter()
        .chain(entry.summary.map(|s| s.content))
        .map(|html| fragment_to_text(&html))
        .find(|text| !text.is_empty())
        .unwrap_or_default();
    Draft {
        title: entry.title.map(|t| fragment_to_text(&t.content)),
        body,
        outlet,
        author: entry.authors.into_iter().find_map(person_name),
        url: entry.links.into_iter().next().map(|link| link.href),
        published: entry.published.or(entry.updated).map(|dt| Timestamp(dt.timestamp())),
        language: entry.language.or(feed_language),
    }
}

/// RSS writes `mail@example.com (Jane Doe)`; feed-rs leaves the parentheses.
fn person_name(person: Person) -> Option<String> {
    let name = person.name?;
    let name = name.trim();
    let name = name.strip_prefix('(').and_then(|n| n.strip_suffix(')')).unwrap_or(name).trim();
    (!name.is_empty()).then(|| name.to_string())
}

fn strip_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start();
    if trimmed.starts_with("<?xml")
        && let Some(end) = trimmed.find("?>")
    {
        return &trimmed[end + 2..];
    }
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use claimdesk_domain::{ImportIssue, Origin, SourceFormat, Timestamp};

    use super::FEED_RS_PANIC;
    use crate::parse_bytes;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Daily Wire</title>
  <link>https://example.com/</link>
  <description>News</description>
  <language>en-us</language>
  <item>
    <title>Storm hits the coast</title>
    <link>https://example.com/storm</link>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Sat, 02 Mar 2024 12:00:00 GMT</pubDate>
    <description>Teaser only.</description>
    <content:encoded><![CDATA[<p>Winds reached <b>120 km/h</b>.</p><p>Roads closed.</p>]]></content:encoded>
  </item>
  <item>
    <title>Title only</title>
  </item>
  <item>
    <description>&lt;p&gt;Escaped &amp;amp; described.&lt;/p&gt;</description>
  </item>
</channel>
</rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let parsed = parse_bytes(Path::new("feeds/wire.rss"), RSS.as_bytes()).unwrap();
        assert_eq!(
            parsed.errors,
            vec![ImportIssue { path: "feeds/wire.rss#2".into(), error: "no readable text".into() }]
        );
        let [first, third] = parsed.articles.as_slice() else { panic!("two articles") };
        assert_eq!(first.title, "Storm hits the coast");
        assert_eq!(first.body, "Winds reached 120 km/h.\n\nRoads closed.");
        assert_eq!(first.author.as_deref(), Some("Jane Doe"));
        assert_eq!(first.outlet.as_deref(), Some("Daily Wire"));
        assert_eq!(first.url.as_deref(), Some("https://example.com/storm"));
        assert_eq!(first.published, Timestamp::parse("2024-03-02T12:00:00Z"));
        assert_eq!(first.language.as_deref(), Some("en"));
        assert_eq!(first.origin, Origin { path: "feeds/wire.rss".into(), format: SourceFormat::Rss, record: Some(1) });
        assert_eq!(third.body, "Escaped & described.");
        assert_eq!(third.title, "Escaped & described.");
        assert_eq!(third.origin.record, Some(3));
    }

    #[test]
    fn atom_in_an_xml_file_is_recognized() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Courier</title><id>urn:c</id><updated>2024-01-05T00:00:00Z</updated>
  <entry>
    <title type="html">Flood &lt;em&gt;warning&lt;/em&gt;</title>
    <id>urn:c:1</id>
    <link href="https://c.example/flood"/>
    <author><name>Sam Roe</name></author>
    <updated>2024-01-05T10:00:00Z</updated>
    <summary>Rivers are rising.</summary>
  </entry>
</feed>"#;
        let parsed = parse_bytes(Path::new("export.XML"), atom.as_bytes()).unwrap();
        let a = &parsed.articles[0];
        assert_eq!(a.title, "Flood warning");
        assert_eq!(a.body, "Rivers are rising.");
        assert_eq!(a.author.as_deref(), Some("Sam Roe"));
        assert_eq!(a.outlet.as_deref(), Some("The Courier"));
        assert_eq!(a.published, Timestamp::parse("2024-01-05T10:00:00Z"));
        assert_eq!(a.origin.format, SourceFormat::Atom);
    }

    #[test]
    fn legacy_encoded_feed_is_decoded_once() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Monde</title>\
                      <item><title>Caf\xE9</title><description>Cr\xE8me br\xFBl\xE9e.</description></item></channel></rss>";
        let parsed = parse_bytes(Path::new("fr.rss"), bytes).unwrap();
        assert_eq!(parsed.articles[0].title, "Café");
        assert_eq!(parsed.articles[0].body, "Crème brûlée.");
    }

    #[test]
    fn rss_author_addresses_give_the_name() {
        let rss = "<rss version=\"2.0\"><channel><title>R</title>\
                   <item><author>news@radio.example.com (Mona Stride)</author><description>One.</description></item>\
                   <item><author>Jane Doe\u{2014}jane@x.example.org</author><description>Two.</description></item>\
                   </channel></rss>";
        let err = parse_bytes(Path::new("r.rss"), rss.as_bytes()).unwrap_err();
        assert_eq!(err.error, FEED_RS_PANIC, "a feed-rs bug, caught");
        let one = rss.replace(
            "<item><author>Jane Doe\u{2014}jane@x.example.org</author><description>Two.</description></item>",
            "",
        );
        let parsed = parse_bytes(Path::new("r.rss"), one.as_bytes()).unwrap();
        assert_eq!(parsed.articles[0].author.as_deref(), Some("Mona Stride"));
    }

    #[test]
    fn broken_feeds_are_refused_whole() {
        for broken in [
            "<rss version=\"2.0\"><channel><title>x</title><item><title>a</b></item></channel></rss>",
            "<html><body>not a feed</body></html>",
            "just words",
        ] {
            let err = parse_bytes(Path::new("bad.xml"), broken.as_bytes()).unwrap_err();
            assert!(err.error.starts_with("not a well-formed RSS/Atom feed: "), "{broken}: {}", err.error);
            assert_eq!(err.path, "bad.xml");
        }
    }
}
