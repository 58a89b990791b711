//! Properties that hold for any input (proptest): cited ranges lie inside
//! the input on character boundaries and map back to their text, the
//! report holds every requirement of the catalog, and output is
//! deterministic.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;

use clausemap::report::{render, OutputFormat};
use clausemap::{Analyzer, Format, Report};

use crate::support::ranges::assert_ranges_map_back;
use crate::support::shared_analyzer as analyzer;

/// A second analyser compiled separately, so determinism does not rest on
/// state inside one.
fn second_analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::builtin().expect("built-in catalog compiles"))
}

/// Pieces of agreements (our own wording), of Markdown and of the plain
/// text shapes the parser knows, and characters that stress offsets.
const PIECES: &[&str] = &[
    "We back up Customer Data every day",
    "You are solely responsible for backing up your content",
    "The Provider shall restrict access to Customer Data to authorised personnel",
    "We may, at our discretion, notify you of a Security Incident",
    "We will give you thirty (30) days' notice before we engage a new sub-processor",
    "Customer Data is stored only in the regions you select",
    "On termination you may export your data for 60 days, after which we delete it",
    "Nothing in this Agreement obliges us to keep logs",
    "\"Customer Data\" means all data you upload",
    "Acme Cloud Inc. (\"Acme\", \"we\") and you (\"Customer\")",
    "e.g. ",
    "i.e. ",
    "U.S. ",
    "etc. ",
    "Sec. 4 ",
    "No. 7 ",
    ". ",
    "; ",
    ", ",
    ": ",
    "(a) ",
    "(ii) ",
    " and ",
    " not ",
    " without notice ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "  ",
    "# ",
    "## 7. Security\n",
    "### 7.2 Backups\n",
    "- ",
    "* ",
    "1. ",
    "   2) ",
    "> ",
    ">> ",
    "| a | b |\n|---|---|\n| ",
    " | ",
    "```\n",
    "~~~",
    "    ",
    "**",
    "_",
    "`",
    "<b>",
    "</b>",
    "<br/>",
    "<!-- note -->",
    "[terms](https://example.com/t)",
    "<https://example.com>",
    "---\ntitle: x\n---\n",
    "7. ",
    "7.2 ",
    "Section 9 ",
    "ARTICLE IV ",
    "SECURITY\n",
    "3/18\n",
    "Page 2 of 9\n",
    "\u{200b}",
    "\u{ad}",
    "\u{a0}",
    "\u{feff}",
    "\u{2028}",
    "é",
    "漢字",
    "🔒",
    "\u{301}",
];

/// A document of 0 to 60 pieces.
fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

/// Any short string at all, for the properties that need no markup rules.
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => any::<String>(),
        ],
        0..30,
    )
    .prop_map(|p| p.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Markdown), Just(Format::Text)]
}

fn analyze(text: &str, format: Format) -> Report {
    analyzer()
        .analyze_str("doc", text, format)
        .expect("text without NUL analyses")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn excerpts_map_back_to_their_text(text in document(), format in format()) {
        let report = analyze(&text, format);
        assert_ranges_map_back(Path::new("doc"), text.as_bytes(), &report);
    }

    #[test]
    fn ranges_lie_on_character_boundaries(text in any_text(), format in format()) {
        let text = text.replace('\0', " ");
        let report = analyze(&text, format);
        for e in report.findings.iter().flat_map(|f| &f.excerpts) {
            let (start, end) = (e.start as usize, e.end as usize);
            prop_assert!(start < end && end <= text.len(), "{start}..{end} of {}", text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }

    #[test]
    fn every_requirement_is_reported_in_catalog_order(text in any_text(), format in format()) {
        let text = text.replace('\0', " ");
        let report = analyze(&text, format);
        let ids: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
        let catalog: Vec<&str> = analyzer().catalog().requirements.iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(ids, catalog);
        for f in &report.findings {
            prop_assert!((0.0..=1.0).contains(&f.confidence));
            prop_assert!(f.excerpts.len() <= 3);
        }
    }

    #[test]
    fn output_is_deterministic(text in document(), format in format()) {
        let first = analyze(&text, format);
        let again = analyze(&text, format);
        let second = second_analyzer().analyze_str("doc", &text, format).expect("analyses");
        prop_assert_eq!(&first, &again);
        for output in [OutputFormat::Json, OutputFormat::Markdown, OutputFormat::Text] {
            prop_assert_eq!(render(&first, output), render(&second, output));
        }
    }
}
