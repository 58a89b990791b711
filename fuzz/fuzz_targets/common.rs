//! Shared by the document targets: one analyser per process, and the
//! invariants every report must keep whatever the input.
use std::sync::OnceLock;

use clausemap::{Analyzer, Format};

#[path = "../../tests/support/lines.rs"]
mod lines;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::builtin().expect("the built-in catalog compiles"))
}

/// Analyses `data` as `format`; a report must hold every requirement and
/// cite only ranges inside the input, on character boundaries when the
/// input is UTF-8.
pub fn check(data: &[u8], format: Format) {
    let analyzer = analyzer();
    let Ok(report) = analyzer.analyze_bytes("fuzz", data, format) else {
        return;
    };
    assert_eq!(report.findings.len(), analyzer.catalog().requirements.len());
    let text = std::str::from_utf8(data).ok();
    for finding in &report.findings {
        for excerpt in &finding.excerpts {
            let (start, end) = (excerpt.start as usize, excerpt.end as usize);
            assert!(
                start < end && end <= data.len(),
                "range {start}..{end} outside {}",
                data.len()
            );
            if let Some(text) = text {
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                let before = text.get(..start).unwrap_or_default();
                assert_eq!(excerpt.line, lines::line_of(before.as_bytes()));
            }
        }
    }
}
