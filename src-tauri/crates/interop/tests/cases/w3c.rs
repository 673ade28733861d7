//! W3C Web Annotation exports: the shape of our annotations, paging, and
//! validation against the W3C test suite's JSON schemas (draft-04).

use std::path::Path;

use claimdesk_interop::{Format, Selection};
use serde_json::Value;

use crate::support::{export, export_with, recorded_desk, shared, small_pages};

/// The collection's annotations, first page and the pages after it.
fn items(collection: &Value) -> Vec<Value> {
    let mut pages: Vec<Value> = collection.get("first").into_iter().cloned().collect();
    pages.extend(collection["cd:pages"].as_array().cloned().unwrap_or_default());
    pages.iter().flat_map(|p| p["items"].as_array().unwrap().clone()).collect()
}

#[test]
fn every_claim_is_an_annotation_with_selectors_bodies_and_our_extension() {
    let (_dir, desk, recorded) = recorded_desk();
    let collection: Value = serde_json::from_str(&export(&desk, Format::W3c, &Selection::all())).unwrap();
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], 4);
    let items = items(&collection);
    assert_eq!(items.len(), 4);

    let denial = items.iter().find(|a| a["target"]["selector"][0]["exact"] == recorded.denial.selector.exact).unwrap();
    assert_eq!(denial["id"], format!("urn:uuid:{}", recorded.denial.uid));
    let selectors = &denial["target"]["selector"];
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[0]["prefix"], recorded.denial.selector.prefix);
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    assert_eq!(selectors[1]["start"], recorded.denial.selector.start);
    assert_eq!(selectors[1]["end"], recorded.denial.selector.end);
    let purposes: Vec<&str> =
        denial["body"].as_array().unwrap().iter().map(|b| b["purpose"].as_str().unwrap()).collect();
    assert_eq!(purposes, ["describing", "tagging", "tagging", "assessing"]);
    assert_eq!(denial["body"][0]["value"], recorded.denial.note);
    assert_eq!(denial["body"][3]["cd:status"], "disputed");
    assert_eq!(denial["body"][3]["cd:credibility"], 5);
    assert_eq!(denial["creator"]["type"], "Person");
    assert_eq!(denial["created"], recorded.denial.created.to_string());
    let target = denial["target"]["source"].as_str().unwrap();
    assert!(target.starts_with("urn:claimdesk:article:"), "an article without a URL gets a URN: {target}");

    let speaker = &denial["cd:chain"][0];
    assert_eq!(speaker["cd:role"], "speaker");
    assert_eq!(speaker["cd:source"]["cd:name"], "Anselm Kreel");
    assert_eq!(speaker["cd:source"]["id"], format!("urn:uuid:{}", recorded.kreel.uid));
    assert_eq!(speaker["cd:source"]["cd:reliability"], "B");
    assert_eq!(speaker["cd:source"]["cd:affiliation"]["cd:name"], "Varenian foreign ministry");
    let mention = recorded.denial.chain[0].mention.unwrap();
    assert_eq!(speaker["cd:mention"]["cd:start"], mention.start);

    let authentic = items.iter().find(|a| a["id"] != denial["id"] && a["cd:links"].is_array()).unwrap();
    assert_eq!(authentic["cd:links"][0]["cd:linkKind"], "contradicts");
    assert_eq!(authentic["cd:links"][0]["cd:to"], denial["id"]);
    assert_eq!(authentic["cd:chain"][1]["cd:role"], "intermediary");

    let prisoners =
        items.iter().find(|a| a["target"]["selector"][0]["exact"] == recorded.prisoners.selector.exact).unwrap();
    assert!(prisoners["target"]["source"].as_str().unwrap().starts_with("https://"), "this one has a URL");
}

#[test]
fn pages_link_to_each_other_and_to_the_collection() {
    let (_dir, desk, _) = recorded_desk();
    let collection: Value =
        serde_json::from_str(&export_with(&desk, Format::W3c, &Selection::all(), &small_pages())).unwrap();
    let (first, second) = (&collection["first"], &collection["cd:pages"][0]);
    assert_eq!(collection["cd:pages"].as_array().unwrap().len(), 1);
    assert_eq!((first["items"].as_array().unwrap().len(), second["items"].as_array().unwrap().len()), (3, 1));
    assert_eq!(first["next"], second["id"]);
    assert_eq!(second["prev"], first["id"]);
    assert!(first.get("prev").is_none() && second.get("next").is_none());
    assert_eq!((first["startIndex"].as_u64(), second["startIndex"].as_u64()), (Some(0), Some(3)));
    assert_eq!(second["partOf"]["id"], collection["id"]);
    assert_eq!(collection["last"], second["id"]);
    assert_eq!(items(&collection).len(), 4);
}

#[test]
fn selections_narrow_the_collection() {
    let (_dir, desk, _) = recorded_desk();
    let count = |selection: Selection| {
        let collection: Value = serde_json::from_str(&export(&desk, Format::W3c, &selection)).unwrap();
        assert_eq!(items(&collection).len() as u64, collection["total"].as_u64().unwrap());
        collection["total"].as_u64().unwrap()
    };
    assert_eq!(count(Selection { tag: Some("DRAFT".into()), ..Selection::all() }), 2);
    assert_eq!(count(Selection { source: Some("anselm kreel ALIAS".into()), ..Selection::all() }), 1);
    assert_eq!(
        count(Selection { source: Some("Varenia Observer".into()), ..Selection::all() }),
        1,
        "intermediaries too"
    );
    assert_eq!(count(Selection { query: Some("Quellenhof".into()), ..Selection::all() }), 1);
    assert_eq!(count(Selection { query: Some("Ruskavel".into()), tag: Some("draft".into()), ..Selection::all() }), 2);
    assert_eq!(count(Selection { query: Some("nosuchwordanywhere".into()), ..Selection::all() }), 0);

    let mut out = Vec::new();
    let unknown = Selection { source: Some("Nobody at all".into()), ..Selection::all() };
    let options = Default::default();
    let error = claimdesk_interop::export(&desk, Format::W3c, &unknown, &options, &mut out, &mut |_| {}).unwrap_err();
    assert!(error.is_user_error(), "{error}");
    assert!(out.is_empty(), "nothing is written for a selection that cannot be made");
}

/// The W3C suite's schemas, loaded under one base so their relative `$ref`s
/// (`annotations.json#/…`, `id.json#/…`) resolve, compiled per assertion.
struct Suite {
    schemas: boon::Schemas,
    compiler: boon::Compiler,
    root: std::path::PathBuf,
}

impl Suite {
    fn load(root: &Path) -> Suite {
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V4);
        compiler.enable_format_assertions();
        for entry in std::fs::read_dir(root.join("definitions")).unwrap() {
            let path = entry.unwrap().path();
            let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = path.file_name().unwrap().to_str().unwrap();
            compiler.add_resource(&format!("file:///w3c/{name}"), schema).unwrap();
        }
        Suite { schemas: boon::Schemas::new(), compiler, root: root.to_path_buf() }
    }

    /// The assertions a `.test` file lists.
    fn listed(&self, test: &str) -> Vec<String> {
        let test: Value = serde_json::from_str(&std::fs::read_to_string(self.root.join(test)).unwrap()).unwrap();
        test["assertions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect()
    }

    /// The assertions among `assertions` that `instance` fails.
    fn failures(&mut self, instance: &Value, assertions: &[String]) -> Vec<String> {
        let mut failed = Vec::new();
        for assertion in assertions {
            let schema: Value =
                serde_json::from_str(&std::fs::read_to_string(self.root.join(assertion)).unwrap()).unwrap();
            assert_eq!(schema["expectedResult"], "valid", "{assertion}");
            let name = Path::new(assertion).file_name().unwrap().to_str().unwrap();
            let url = format!("file:///w3c/{name}");
            // Compiling twice is refused: add each assertion once.
            let _ = self.compiler.add_resource(&url, schema);
            let index = self.compiler.compile(&url, &mut self.schemas).unwrap_or_else(|e| panic!("{assertion}: {e}"));
            if let Err(e) = self.schemas.validate(instance, index) {
                failed.push(format!("{assertion}: {e}"));
            }
        }
        failed
    }
}

/// A node of the collection as a document of its own, as a consumer that
/// splits the file would see it: with the collection's context.
fn standalone(node: &Value, context: &Value) -> Value {
    let mut node = node.clone();
    node.as_object_mut().unwrap().insert("@context".into(), context.clone());
    node
}

#[test]
fn exports_validate_against_the_w3c_test_suite_schemas() {
    let Some(root) = shared("peer-tests/w3c-web-annotation") else {
        println!("skipped: ../shared/peer-tests/w3c-web-annotation is not there");
        return;
    };
    let mut suite = Suite::load(&root);
    let annotation_musts = suite.listed("annotations/annotationMusts.test");
    let collection_musts = suite.listed("collections/collectionMusts.test");
    let page_musts = suite.listed("collections/pages/pageMusts.test");
    let annotation_optionals: Vec<String> = [
        "3.3.1-annotationCreatedImplemented",
        "3.3.1-annotationCreatorImplemented",
        "3.3.1-annotationModifiedImplemented",
        "3.3.2-annotationCreatorAgentNameImplemented",
        "3.3.2-annotationCreatorAgentTypeImplemented",
    ]
    .iter()
    .map(|a| format!("annotations/{a}.json"))
    .collect();
    let collection_optionals: Vec<String> =
        ["5.1-collectionLabelImplemented", "5.1-collectionTotalImplemented", "5.1-collectionFirstImplemented"]
            .iter()
            .map(|a| format!("collections/{a}.json"))
            .collect();

    // The harness itself: a correct sample of the suite passes, and an
    // annotation without a target fails.
    let sample: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("samples/correct/anno1.json")).unwrap()).unwrap();
    assert_eq!(suite.failures(&sample, &annotation_musts), Vec::<String>::new());
    let mut broken = sample.clone();
    broken.as_object_mut().unwrap().remove("target");
    assert!(!suite.failures(&broken, &annotation_musts).is_empty(), "an annotation without a target fails");

    let (_dir, desk, _) = recorded_desk();
    let text = export_with(&desk, Format::W3c, &Selection::all(), &small_pages());
    let collection: Value = serde_json::from_str(&text).unwrap();
    let context = collection["@context"].clone();
    let mut failures = suite.failures(&collection, &collection_musts);
    failures.extend(suite.failures(&collection, &collection_optionals));
    let mut pages = vec![collection["first"].clone()];
    pages.extend(collection["cd:pages"].as_array().unwrap().clone());
    assert_eq!(pages.len(), 2, "four annotations in pages of three");
    for page in &pages {
        failures.extend(suite.failures(&standalone(page, &context), &page_musts));
    }
    for item in items(&collection) {
        let annotation = standalone(&item, &context);
        failures.extend(suite.failures(&annotation, &annotation_musts));
        failures.extend(suite.failures(&annotation, &annotation_optionals));
    }
    assert_eq!(failures, Vec::<String>::new());
}
