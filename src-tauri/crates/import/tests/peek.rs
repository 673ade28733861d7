use std::path::PathBuf;
#[test]
fn peek() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures");
    for dir in ["samples", "broken", "hostile"] {
        let found = claimdesk_import::discover(&[root.join(dir)]);
        println!("== {dir}: unsupported {:?} errors {:?}", found.unsupported, found.errors);
        for f in &found.files {
            match claimdesk_import::parse_file(f) {
                Ok(p) => {
                    println!("-- {}: {} articles, errors {:?}, warnings {:?}", f.display(), p.articles.len(), p.errors, p.warnings);
                    for a in &p.articles {
                        let body: String = a.body.chars().take(300).collect();
                        let tail: String = a.body.chars().rev().take(100).collect::<Vec<_>>().into_iter().rev().collect();
                        println!("   T={:?}\n   A={:?} O={:?} U={:?} P={:?} L={:?} R={:?} paras={}\n   B={:?}\n   ...{:?}", a.title, a.author, a.outlet, a.url, a.published.map(|t| t.to_string()), a.language, a.origin.record, a.body.split("\n\n").count(), body, tail);
                    }
                }
                Err(e) => println!("-- {}: ERR {:?}", f.display(), e),
            }
        }
    }
}
