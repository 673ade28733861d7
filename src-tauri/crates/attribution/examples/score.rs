fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let dir = std::path::Path::new(&dir);
    if std::env::args().nth(2).is_some() {
        for d in claimdesk_attribution::eval::load_split(dir).unwrap() {
            for s in claimdesk_attribution::suggest(&d.text) {
                println!("{}", serde_json::json!({"doc": d.name, "s": s}));
            }
        }
        return;
    }
    let r = claimdesk_attribution::eval::evaluate_split(dir).unwrap();
    print!("{}", r.table());
}
