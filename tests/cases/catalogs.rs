//! Untrusted catalogs: every mistake is an error that names the file, the
//! line where it can, the requirement and the pattern; none is a panic or
//! a silent skip, and hostile patterns hit the size limits.

use clausemap::{Analyzer, Catalog, Error};

/// One requirement with one example (shared with the catalog unit tests).
const MINI: &str = include_str!("../data/mini-catalog.toml");

/// The error of loading and compiling `text`, as a user sees it.
fn error(text: &str) -> String {
    let compiled = Catalog::from_toml_str("mine.toml", text).and_then(|c| Analyzer::new(&c));
    match compiled {
        Ok(_) => panic!("catalog accepted:\n{text}"),
        Err(e @ Error::Catalog { .. }) => e.to_string(),
        Err(e) => panic!("not a catalog error: {e:?}"),
    }
}

fn with_topic(pattern: &str) -> String {
    MINI.replace("topic = ['back ?ups?']", &format!("topic = ['{pattern}']"))
}

#[test]
fn an_invalid_regex_names_file_requirement_and_pattern() {
    let msg = error(&with_topic("back(up"));
    assert!(msg.starts_with("catalog mine.toml"), "{msg}");
    assert!(msg.contains("requirement 'i'"), "{msg}");
    assert!(msg.contains("pattern 'back(up'"), "{msg}");
    assert!(!msg.contains('\n'), "one line: {msg}");
}

#[test]
fn a_pattern_that_compiles_too_big_is_refused() {
    let msg = error(&with_topic("(?:[a-z]{200}){200}"));
    assert!(msg.contains("requirement 'i'"), "{msg}");
    assert!(msg.contains("size limit"), "{msg}");
}

#[test]
fn an_overlong_pattern_is_refused() {
    let msg = error(&with_topic(&"a".repeat(2001)));
    assert!(msg.contains("requirement 'i'"), "{msg}");
    assert!(msg.contains("2000"), "{msg}");
}

#[test]
fn too_many_patterns_are_refused() {
    let many: Vec<String> = (0..4001).map(|i| format!("'w{i}'")).collect();
    let text = MINI.replace(
        "topic = ['back ?ups?']",
        &format!("topic = [{}]", many.join(", ")),
    );
    let msg = error(&text);
    assert!(msg.contains("4000"), "{msg}");
}

#[test]
fn structural_mistakes_name_the_line() {
    let unknown = MINI.replace(
        "standard = \"backups\"",
        "standard = \"backups\"\ncolour = 1",
    );
    let msg = error(&unknown);
    assert!(msg.contains("line 10") && msg.contains("colour"), "{msg}");
    let dup = format!("{MINI}\n{}", &MINI[MINI.find("[[requirement]]").unwrap()..]);
    let msg = error(&dup);
    assert!(
        msg.contains("requirement 'i'") && msg.contains("duplicate"),
        "{msg}"
    );
    let msg = error(&MINI.replace(r#"cues = ["backup", "back up"]"#, "cues = []"));
    assert!(
        msg.contains("requirement 'i'") && msg.contains("empty cue list"),
        "{msg}"
    );
    let msg = error("id = \"x\"\nversion = \"1\"\ntitle = \"t\"\n");
    assert!(
        msg.contains("no requirements") || msg.contains("requirement"),
        "{msg}"
    );
}

#[test]
fn a_catalog_file_is_named_in_its_errors() {
    let dir = std::env::temp_dir().join(format!("clausemap-catalog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.toml");
    std::fs::write(&path, with_topic("back[up")).expect("write");
    let msg = Catalog::from_path(&path)
        .and_then(|c| Analyzer::new(&c))
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("broken.toml") && msg.contains("back[up"),
        "{msg}"
    );
    let missing = Catalog::from_path(&dir.join("absent.toml")).unwrap_err();
    assert!(missing.to_string().contains("absent.toml"), "{missing}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_topic_word_missing_from_the_cues_still_finds_its_sentences() {
    // The cues name only "backup"; the second topic pattern needs
    // "snapshot", which is therefore a cue too.
    let text = MINI.replace(
        "topic = ['back ?ups?']",
        r"topic = ['back ?ups?', 'snapshots?\s+(?:\S+\s+){0,3}(?:daily|nightly)']",
    );
    let catalog = Catalog::from_toml_str("mine.toml", &text).expect("loads");
    let report = Analyzer::new(&catalog)
        .expect("compiles")
        .analyze_str(
            "terms.md",
            "We take snapshots of your volumes nightly.\n",
            clausemap::Format::Markdown,
        )
        .expect("analyses");
    let finding = &report.findings[0];
    assert_ne!(finding.status, clausemap::Status::Missing, "{finding:?}");
}
