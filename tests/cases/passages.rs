//! The labelled passages in `corpus/sentences/` are well formed: every
//! line names a requirement of the built-in catalog and a status, and has
//! text, so `evaluate_sentences` measures every passage of every set.

use std::collections::BTreeMap;
use std::path::Path;

use clausemap::{Catalog, Status};

#[test]
fn every_labelled_passage_names_a_requirement_and_a_status() {
    let catalog = Catalog::builtin().expect("built-in catalog");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/sentences");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus/sentences exists") {
        let path = entry.expect("directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut per_id: BTreeMap<String, usize> = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let where_ = format!("{}:{}", path.display(), n + 1);
            let v: serde_json::Value = serde_json::from_str(line).expect(&where_);
            let id = v["id"].as_str().expect(&where_);
            assert!(
                catalog.requirements.iter().any(|r| r.id == id),
                "{where_}: unknown requirement {id}"
            );
            let status = v["status"].as_str().expect(&where_);
            assert!(
                Status::from_name(status).is_some(),
                "{where_}: status {status}"
            );
            assert!(
                !v["text"].as_str().unwrap_or("").trim().is_empty(),
                "{where_}: empty text"
            );
            *per_id.entry(id.to_string()).or_default() += 1;
        }
        assert_eq!(
            per_id.len(),
            catalog.requirements.len(),
            "{}: every requirement has passages",
            path.display()
        );
    }
    assert!(files >= 3, "the passage sets are there ({files})");
}
