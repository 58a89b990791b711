//! Prints the blocks of an agreement with their kinds and heading paths.
//! A debugging aid: `cargo run --example dump_blocks -- FILE`.
use clausemap::document::{parse, Format};
use clausemap::ingest::{decode, Limits};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = match decode(&path, &bytes, &Limits::default()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let format = Format::from_path(path.as_ref()).unwrap_or(Format::Text);
    let doc = parse(text.as_str(), format);
    for b in &doc.blocks {
        let shown: String = b.text.chars().take(100).collect();
        println!("{:?}\t[{}]\t{}", b.kind, doc.outline.path(b.section), shown);
    }
}
