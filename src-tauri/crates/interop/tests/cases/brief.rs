//! The readable brief: every claim of the selection, grouped by source, and
//! nothing from the text taken as markup.

use claimdesk_core::domain::ClaimFilter;
use claimdesk_interop::{Format, Selection};

use crate::support::{export, recorded_desk};

/// What `md` in the crate does: every ASCII punctuation mark escaped.
fn md(text: &str) -> String {
    text.chars().flat_map(|c| if c.is_ascii_punctuation() { vec!['\\', c] } else { vec![c] }).collect()
}

fn html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[test]
fn the_brief_holds_every_claim_of_the_selection_grouped_by_source() {
    let (_dir, desk, recorded) = recorded_desk();
    let markdown = export(&desk, Format::Markdown, &Selection::all());
    let page = export(&desk, Format::Html, &Selection::all());
    let claims = desk.claims(&ClaimFilter::default()).unwrap();
    assert_eq!(claims.len(), 4);
    for claim in &claims {
        assert!(markdown.contains(&md(&claim.selector.exact)), "{} in the Markdown", claim.selector.exact);
        assert!(page.contains(&html(&claim.selector.exact)), "{} in the HTML", claim.selector.exact);
    }
    // Groups by speaker, by name; unattributed last. Intermediaries do not
    // get a group of their own.
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings, ["## A municipal official", "## Anselm Kreel", "## Tomas Arveny", "## Unattributed claims"]);
    assert!(markdown.contains("reliability B \\(usually reliable\\)"), "{markdown}");
    assert!(markdown.contains("credibility 5 \\(improbable\\)"));
    assert!(markdown.contains("speaks for Varenian foreign ministry"));
    assert!(markdown.contains(&md(&format!("It contradicts “{}”", recorded.denial.selector.exact))));
    assert!(markdown.contains(&md(&format!("It is contradicted by “{}”", recorded.authentic.selector.exact))));
    assert!(markdown.contains("2024\\-04\\-02"), "the article's date");

    let kreel = Selection { source: Some("Anselm Kreel alias".into()), ..Selection::all() };
    let brief = export(&desk, Format::Markdown, &kreel);
    assert!(brief.contains(&md(&recorded.denial.selector.exact)));
    assert!(brief.contains(&format!("> {}", md(&recorded.denial.selector.exact))));
    let authentic = format!("> {}", md(&recorded.authentic.selector.exact));
    assert!(!brief.contains(&authentic), "only the source's claims are quoted, the others named in links");
}

#[test]
fn nothing_from_the_text_becomes_markup() {
    let (_dir, desk, _) = recorded_desk();
    let page = export(&desk, Format::Html, &Selection::all());
    assert!(!page.contains("<script>"), "the note's script is text");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!page.contains("href=\"javascript"), "only web addresses become links");
    assert!(page.contains("<a href=\"https://"), "the article's address is a link");
    assert!(page.contains("Content-Security-Policy"), "and no script would run anyway");
    let markdown = export(&desk, Format::Markdown, &Selection::all());
    assert!(!markdown.contains("<script>") && !markdown.contains("[not a link](javascript"));
    assert!(markdown.contains("\\*not emphasis\\*"));
}
