//! Documents an agreement incorporates by reference: "the Data Processing
//! Addendum at https://...", "our Security Practices page", "as described in
//! the Sub-processor Policy". A buyer must read them too, so reports list
//! them; their content is not part of the agreement clausemap judges.

use std::ops::Range;

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
}

fn patterns() -> Option<&'static Patterns> {
    static P: std::sync::OnceLock<Option<Patterns>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        Some(Patterns {
            // An incorporating phrase, then a capitalised document name.
            name: Regex::new(
                r"(?i:incorporated(?: herein)? by reference|available at|located at|posted at|found at|set (?:forth|out) in|described in|specified in|subject to|governed by|see|accordance with|pursuant to|referenced in|provided in|listed (?:in|at|on)|detailed (?:in|on)|in|on)\s+(?:the\s+|our\s+|its\s+|their\s+|this\s+)?((?:[A-Z][\w&’'-]*\s+){0,5}(?:Addendum|Policy|Policies|Agreement|Page|Overview|Documentation|Statement|Practices|Measures|Standards|Whitepaper|White Paper|Notice|Guide|Guidelines|List|Terms of Service|Terms of Use|Service Terms|Specific Terms|Schedule|Exhibit [A-Z0-9]+|Annex [A-Z0-9]+|Appendix [A-Z0-9]+))\b",
            )
            .ok()?,
            url: Regex::new(r#"https?://[^\s)\]>"'<]+"#).ok()?,
        })
    })
    .as_ref()
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
        for cap in p.name.captures_iter(b.text) {
            let Some(m) = cap.get(1) else { continue };
            let name = m.as_str().trim().to_string();
            // Names of parts of this agreement are not other documents.
            let lower = name.to_lowercase();
            if lower == "this agreement"
                || lower.split_whitespace().count() < 2 && !lower.contains("exhibit")
            {
                continue;
            }
            if self
                .found
                .iter()
                .any(|r| r.name.eq_ignore_ascii_case(&name))
            {
                continue;
            }
            let norm = b.src_range(m.start()..m.end());
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
            if self.found.len() >= MAX_REFERENCES {
                break;
            }
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
