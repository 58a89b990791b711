//! Shared by the document targets: one analyser per process, and the
//! invariants every report must keep whatever the input.
use std::sync::OnceLock;

use clausemap::{Analyzer, Format};

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
            assert!(start < end && end <= data.len(), "range {start}..{end} outside {}", data.len());
            if let Some(text) = text {
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            }
            if let Some(text) = text {
                assert_eq!(excerpt.line, line_of(text, start));
            }
        }
    }
}

/// The 1-based line of `pos`: LF, CR LF, a lone CR and U+2028/U+2029 each
/// end a line (CommonMark's line endings plus Unicode's separators).
fn line_of(text: &str, pos: usize) -> u64 {
    let mut line = 1;
    let mut chars = text[..pos].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => line += 1,
            _ => {}
        }
    }
    line
}
