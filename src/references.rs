//! Documents an agreement incorporates by reference: "the Data Processing
//! Addendum at https://...", "our Security Practices page", "as described in
//! the Sub-processor Policy". A buyer must read them too, so reports list
//! them; their content is not part of the agreement clausemap judges.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::document::{BlockKind, BlockRef, SectionId};

/// Most references kept per document.
const MAX_REFERENCES: usize = 64;

/// A reference found while scanning, in normalised-text coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundReference {
    /// The document's name as the agreement writes it.
    pub name: String,
    /// Its address, if one is near.
    pub url: Option<String>,
    /// Where the mention is in the normalised text.
    pub norm: Range<usize>,
    /// The section of the mention.
    pub section: Option<SectionId>,
}

struct Patterns {
    name: Regex,
    url: Regex,
    /// The nouns a document name ends with (the inner literals of `name`).
    nouns: AhoCorasick,
}

/// What a referenced document's name ends with.
const NOUNS: &[&str] = &[
    "Addendum",
    "Policy",
    "Policies",
    "Agreement",
    "Page",
    "Overview",
    "Documentation",
    "Statement",
    "Practices",
    "Measures",
    "Standards",
    "Whitepaper",
    "White Paper",
    "Notice",
    "Guide",
    "Guidelines",
    "List",
    "Terms of Service",
    "Terms of Use",
    "Service Terms",
    "Specific Terms",
    "Schedule",
    "Exhibit",
    "Annex",
    "Appendix",
];

/// Nouns that make a name on their own with a label ("Exhibit B").
const LABELLED: &[&str] = &["Exhibit", "Annex", "Appendix"];

/// How far before a noun the incorporating phrase and name may start.
const WINDOW_BEFORE: usize = 200;
/// How far after a noun its label may end ("Exhibit A-12").
const WINDOW_AFTER: usize = 16;

fn patterns() -> Option<&'static Patterns> {
    static P: std::sync::OnceLock<Option<Patterns>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        Some(Patterns {
            // An incorporating phrase, then a capitalised document name.
            name: Regex::new(
                r"(?i:incorporated(?: herein)? by reference|available at|located at|posted at|found at|set (?:forth|out) in|described in|specified in|subject to|governed by|see|accordance with|pursuant to|referenced in|provided in|listed (?:in|at|on)|detailed (?:in|on)|in|on)\s+(?:the\s+|our\s+|its\s+|their\s+|this\s+)?((?:[A-Z][\w&’'-]*\s+){0,5}(?:Addendum|Policy|Policies|Agreement|Page|Overview|Documentation|Statement|Practices|Measures|Standards|Whitepaper|White Paper|Notice|Guide|Guidelines|List|Terms of Service|Terms of Use|Service Terms|Specific Terms|Schedule|Exhibit [A-Z0-9]+|Annex [A-Z0-9]+|Appendix [A-Z0-9]+))(?-u:\b)",
            )
            .ok()?,
            url: Regex::new(r#"https?://[^\s)\]>"'<]+"#).ok()?,
            nouns: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(NOUNS)
                .ok()?,
        })
    })
    .as_ref()
}

/// Whether the noun at `start..end` can end a document's name: a whole
/// word, and either a labelled noun ("Exhibit B") or one preceded by a
/// capitalised word ("Security Practices"), or several words already
/// ("Terms of Service"); a name needs two words.
fn worth_a_look(text: &str, start: usize, end: usize, noun: usize) -> bool {
    let bytes = text.as_bytes();
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    if (start > 0 && alnum(start - 1)) || alnum(end) {
        return false;
    }
    if NOUNS
        .get(noun)
        .is_some_and(|n| LABELLED.contains(n) || n.contains(' '))
    {
        return true;
    }
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // "This Agreement" is this agreement, never another document.
    word != "This" && word.chars().next().is_some_and(char::is_uppercase)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Collects incorporated-document references as blocks stream past.
#[derive(Debug, Default)]
pub struct ReferenceFinder {
    found: Vec<FoundReference>,
}

impl ReferenceFinder {
    /// A new, empty finder.
    pub fn new() -> ReferenceFinder {
        ReferenceFinder::default()
    }

    /// Looks for references in one block. `source` is the normalised text
    /// the block came from (to find link addresses markup removed).
    pub fn observe_block(&mut self, b: &BlockRef<'_>, source: &str) {
        if b.kind == BlockKind::Heading || self.found.len() >= MAX_REFERENCES {
            return;
        }
        let Some(p) = patterns() else { return };
        for noun in p.nouns.find_iter(b.text) {
            if !worth_a_look(b.text, noun.start(), noun.end(), noun.pattern().as_usize()) {
                continue;
            }
            let from = floor_boundary(b.text, noun.start().saturating_sub(WINDOW_BEFORE));
            let to = ceil_boundary(b.text, noun.end() + WINDOW_AFTER);
            let window = b.text.get(from..to).unwrap_or("");
            for cap in p.name.captures_iter(window) {
                let Some(m) = cap.get(1) else { continue };
                // Only the name that ends with this noun.
                let (start, end) = (from + m.start(), from + m.end());
                if end < noun.end() || end > noun.end() + WINDOW_AFTER {
                    continue;
                }
                self.record(b, source, m.as_str(), start..end, p);
            }
            if self.found.len() >= MAX_REFERENCES {
                break;
            }
        }
    }

    fn record(
        &mut self,
        b: &BlockRef<'_>,
        source: &str,
        name: &str,
        clean: Range<usize>,
        p: &Patterns,
    ) {
        {
            let name = name.trim().to_string();
            // Names of parts of this agreement are not other documents.
            let lower = name.to_lowercase();
            if lower == "this agreement"
                || lower.split_whitespace().count() < 2 && !lower.contains("exhibit")
            {
                return;
            }
            if self.found.len() >= MAX_REFERENCES
                || self
                    .found
                    .iter()
                    .any(|r| r.name.eq_ignore_ascii_case(&name))
            {
                return;
            }
            let norm = b.src_range(clean);
            let window_end = (norm.end + 300).min(source.len());
            let mut we = window_end;
            while we > norm.end && !source.is_char_boundary(we) {
                we -= 1;
            }
            let url = source
                .get(norm.end..we)
                .and_then(|w| p.url.find(w))
                .map(|u| u.as_str().trim_end_matches(['.', ',', ';']).to_string());
            self.found.push(FoundReference {
                name,
                url,
                norm,
                section: b.section,
            });
        }
    }

    /// The references found, in document order.
    pub fn finish(self) -> Vec<FoundReference> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{parse, Format};

    #[test]
    fn finds_incorporated_documents_and_their_urls() {
        let src = "Processing is governed by the Data Processing Addendum at https://example.com/dpa. See [our Security Practices page](https://example.com/sec) for details. This Agreement is binding.\n";
        let doc = parse(src, Format::Markdown);
        let mut f = ReferenceFinder::new();
        for b in &doc.blocks {
            f.observe_block(&b.as_ref(), src);
        }
        let refs = f.finish();
        let names: Vec<(&str, Option<&str>)> = refs
            .iter()
            .map(|r| (r.name.as_str(), r.url.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Data Processing Addendum", Some("https://example.com/dpa")),
                ("Security Practices", Some("https://example.com/sec")),
            ]
        );
    }
}
