//! Checks that every cited excerpt maps back to the bytes it came from.
use std::path::Path;

use clausemap::Report;

use super::lines::line_of;

/// The lower-cased letters and digits of `s`.
pub fn alnum(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Asserts that every excerpt of `report` has a range inside `bytes` that
/// starts and ends where its text does, holds its words in order, and
/// starts on the reported line.
pub fn assert_ranges_map_back(path: &Path, bytes: &[u8], report: &Report) {
    // Link targets and HTML tags are markup, not text.
    static MARKUP: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\]\([^)]*\)|<[^>]*>").unwrap());
    let markup = &*MARKUP;
    for f in &report.findings {
        for e in &f.excerpts {
            let (s, t) = (e.start as usize, e.end as usize);
            assert!(
                s < t && t <= bytes.len(),
                "{}: {} range {s}..{t}",
                path.display(),
                f.id
            );
            let raw = String::from_utf8_lossy(&bytes[s..t]);
            let raw_alnum = alnum(&markup.replace_all(&raw, ""));
            // Plain text keeps link syntax as text; compare both without it.
            let text = markup.replace_all(&e.text, "");
            let text_alnum = alnum(&text);
            // The raw range starts and ends where the excerpt does, and every
            // word of the excerpt is in it, in order (link targets and markup
            // in between are allowed).
            // An excerpt that starts or ends with punctuation ("``` We
            // back up") may hold dropped text next to it (a page marker):
            // then the raw range must start or end with that punctuation.
            let starts_alike = raw.trim_start().chars().next() == e.text.chars().next();
            let ends_alike = raw.trim_end().chars().last() == e.text.chars().last();
            assert!(
                starts_alike || raw_alnum.chars().next() == text_alnum.chars().next(),
                "{}: {} start: {raw:?} vs {:?}",
                path.display(),
                f.id,
                e.text
            );
            assert!(
                ends_alike || raw_alnum.chars().last() == text_alnum.chars().last(),
                "{}: {} end: {raw:?} vs {:?}",
                path.display(),
                f.id,
                e.text
            );
            let mut rest = raw_alnum.as_str();
            for word in text.split_whitespace().map(alnum).filter(|w| !w.is_empty()) {
                let at = rest.find(&word).unwrap_or_else(|| {
                    panic!(
                        "{}: {}: word {word:?} of {:?} not in raw range {raw:?}",
                        path.display(),
                        f.id,
                        e.text
                    )
                });
                rest = &rest[at + word.len()..];
            }
            // The line is the line of the start.
            let line = line_of(&bytes[..s]);
            assert_eq!(e.line, line, "{}: {} line", path.display(), f.id);
        }
    }
}
