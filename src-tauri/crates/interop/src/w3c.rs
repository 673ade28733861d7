//! W3C Web Annotation export: one `AnnotationCollection` whose pages are
//! written as they are read, each claim an `Annotation` on its article.
//!
//! What the Web Annotation vocabulary has no word for (the claim's kind, its
//! chain of attribution, the sources and their reliability, links between
//! claims) is written under our own prefix `cd:`
//! (`https://claimdesk.org/ns/v1#`, see docs/export-formats.md), so nothing
//! is lost and other tools can ignore it.

use std::io::Write;

use claimdesk_domain::{Claim, Source, Span, Timestamp};
use serde_json::{Map, Value, json};

use crate::lookups::{Lookups, claim_iri, source_iri};
use crate::selection::Selection;
use crate::{ExportOptions, Result, words};

/// The Web Annotation context.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Our vocabulary, for the `cd:` prefix.
pub const CLAIMDESK_NS: &str = "https://claimdesk.org/ns/v1#";

/// The `@context` of every document we write: the Web Annotation context and
/// our prefix.
pub fn context() -> Value {
    json!([ANNO_CONTEXT, { "cd": CLAIMDESK_NS }])
}

/// Writes the collection; returns how many annotations it holds. The first
/// page is embedded as `first`; the pages after it follow in order in
/// `cd:pages`, each naming the next, so the file is one JSON document that
/// is written without knowing the count in advance (`total` comes last).
pub(crate) fn write_collection(
    lookups: &mut Lookups<'_>,
    selection: &Selection,
    options: &ExportOptions,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    // Claims one by one (read a store page at a time), cut into annotation
    // pages of the size asked; peeking tells whether a page has a next.
    let mut claims = selection
        .pages(lookups.desk)?
        .flat_map(|page| match page {
            Ok(claims) => claims.into_iter().map(Ok).collect::<Vec<_>>(),
            Err(e) => vec![Err(e)],
        })
        .peekable();
    let page_size = options.page_size.max(1);
    let id = format!("urn:uuid:{}", uuid::Uuid::new_v4());
    let header = json!({
        "@context": context(),
        "id": id,
        "type": "AnnotationCollection",
        "label": selection.describe(),
        "generator": generator(),
        "generated": Timestamp::now().to_string(),
    });
    let header = serde_json::to_vec(&header)?;
    // The header's closing brace is replaced by the pages and the total.
    out.write_all(&header[..header.len() - 1])?;
    let mut total = 0u64;
    let mut number = 0u64;
    while claims.peek().is_some() {
        let page = claims.by_ref().take(page_size).collect::<Result<Vec<_>>>()?;
        number += 1;
        let has_next = claims.peek().is_some();
        out.write_all(match number {
            1 => b",\n\"first\": ",
            2 => b",\n\"cd:pages\": [\n",
            _ => b",\n",
        })?;
        let part_of = json!({ "id": id });
        write!(
            out,
            "{{\"id\": {}, \"type\": \"AnnotationPage\", \"partOf\": {part_of}, \"startIndex\": {total}",
            json!(page_id(&id, number))
        )?;
        if number > 1 {
            write!(out, ", \"prev\": {}", json!(page_id(&id, number - 1)))?;
        }
        if has_next {
            write!(out, ", \"next\": {}", json!(page_id(&id, number + 1)))?;
        }
        out.write_all(b", \"items\": [\n")?;
        for (i, claim) in page.iter().enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut *out, &annotation(lookups, claim, options)?)?;
            total += 1;
            progress(total);
        }
        out.write_all(b"\n]}")?;
    }
    if number > 1 {
        out.write_all(b"\n]")?;
    }
    if number > 0 {
        write!(out, ",\n\"last\": {}", json!(page_id(&id, number)))?;
    }
    writeln!(out, ",\n\"total\": {total}}}")?;
    Ok(total)
}

fn page_id(collection: &str, number: u64) -> String {
    format!("{collection}#page-{number}")
}

fn generator() -> Value {
    json!({
        "id": "https://claimdesk.org/",
        "type": "Software",
        "name": format!("Claimdesk {}", env!("CARGO_PKG_VERSION")),
    })
}

/// One claim as an annotation, without `@context` (the collection's applies).
pub(crate) fn annotation(lookups: &mut Lookups<'_>, claim: &Claim, options: &ExportOptions) -> Result<Value> {
    let article = lookups.article(claim.article)?.clone();
    let mut bodies = Vec::new();
    if !claim.note.is_empty() {
        bodies.push(json!({
            "type": "TextualBody", "purpose": "describing", "value": claim.note, "format": "text/plain",
        }));
    }
    for tag in &claim.tags {
        bodies.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": tag }));
    }
    bodies.push(json!({
        "type": "TextualBody",
        "purpose": "assessing",
        "format": "text/plain",
        "value": format!(
            "Status: {}. Credibility: {} ({}).",
            claim.status, claim.credibility, words::credibility(claim.credibility)
        ),
        "cd:status": claim.status,
        "cd:credibility": claim.credibility,
    }));
    let selector = &claim.selector;
    let mut target = Map::new();
    target.insert("source".into(), json!(article.iri()));
    target.insert(
        "selector".into(),
        json!([
            { "type": "TextQuoteSelector", "exact": selector.exact, "prefix": selector.prefix, "suffix": selector.suffix },
            { "type": "TextPositionSelector", "start": selector.start, "end": selector.end },
        ]),
    );
    target.insert("cd:title".into(), json!(article.title));
    if let Some(outlet) = &article.outlet {
        target.insert("cd:outlet".into(), json!(outlet));
    }
    if let Some(published) = article.published {
        target.insert("cd:published".into(), json!(published));
    }
    target.insert("cd:contentHash".into(), json!(article.content_hash));

    let mut chain = Vec::new();
    for link in &claim.chain {
        let source = lookups.source(link.source.id)?.clone();
        let mut entry = Map::new();
        entry.insert("cd:role".into(), json!(link.role));
        entry.insert("cd:source".into(), source_node(lookups, &source)?);
        if let Some(cue) = link.cue {
            entry.insert("cd:cue".into(), span(cue));
        }
        if let Some(mention) = link.mention {
            entry.insert("cd:mention".into(), span(mention));
        }
        chain.push(Value::Object(entry));
    }
    let links: Vec<Value> = lookups
        .links_from(claim.id)?
        .iter()
        .map(|(link, other)| json!({ "cd:linkKind": link.kind, "cd:to": claim_iri(other) }))
        .collect();

    let mut annotation = Map::new();
    annotation.insert("id".into(), json!(claim_iri(claim)));
    annotation.insert("type".into(), json!("Annotation"));
    annotation.insert("created".into(), json!(claim.created));
    annotation.insert("modified".into(), json!(claim.updated));
    annotation.insert("creator".into(), json!({ "type": "Person", "name": options.creator }));
    annotation.insert("body".into(), Value::Array(bodies));
    annotation.insert("target".into(), Value::Object(target));
    annotation.insert("cd:kind".into(), json!(claim.kind));
    annotation.insert("cd:anchor".into(), json!(claim.anchor));
    annotation.insert("cd:chain".into(), Value::Array(chain));
    if !links.is_empty() {
        annotation.insert("cd:links".into(), Value::Array(links));
    }
    Ok(Value::Object(annotation))
}

/// A source with all we know of it; its affiliation by IRI and name.
fn source_node(lookups: &mut Lookups<'_>, source: &Source) -> Result<Value> {
    let mut node = Map::new();
    node.insert("id".into(), json!(source_iri(source)));
    node.insert("cd:name".into(), json!(source.name));
    node.insert("cd:sourceKind".into(), json!(source.kind));
    node.insert("cd:reliability".into(), json!(source.reliability));
    if !source.reliability_rationale.is_empty() {
        node.insert("cd:reliabilityRationale".into(), json!(source.reliability_rationale));
    }
    if !source.description.is_empty() {
        node.insert("cd:description".into(), json!(source.description));
    }
    if !source.aliases.is_empty() {
        node.insert("cd:aliases".into(), json!(source.aliases));
    }
    if let Some(affiliation) = &source.affiliation {
        let parent = lookups.source(affiliation.id)?.clone();
        node.insert(
            "cd:affiliation".into(),
            json!({ "id": source_iri(&parent), "cd:name": parent.name, "cd:sourceKind": parent.kind }),
        );
    }
    Ok(Value::Object(node))
}

fn span(span: Span) -> Value {
    json!({ "cd:start": span.start, "cd:end": span.end })
}
