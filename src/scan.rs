//! The scanning pass: as blocks stream out of the parser, find cue hits in
//! one pass of the Aho-Corasick automaton, split sentences only around the
//! hits, and keep those sentences as candidates. Everything else is
//! forgotten as soon as its block is done, so memory stays proportional to
//! the candidates, not the document.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::document::sentence::sentences_around;
use crate::document::{BlockKind, BlockRef, SectionId};
use crate::matcher::{Matcher, ReqSet};
use crate::parties::PartyFinder;
use crate::references::ReferenceFinder;

/// Longest lead-in kept for enumeration items, in bytes.
const LEADIN_MAX: usize = 400;
/// Longest block whose split is remembered.
const CACHE_BLOCK_MAX: usize = 16 * 1024;
/// Most text remembered by the split cache, in bytes (bounds memory on
/// huge documents without repetition).
const CACHE_BYTES_MAX: usize = 16 * 1024 * 1024;

/// The cue hits and sentences of one block's text, remembered so that a
/// block repeated in the document is neither scanned nor split again.
type Split = Arc<[(Range<usize>, Arc<Sentence>)]>;

/// A candidate sentence's text and the requirements it cues, shared by
/// every occurrence of the same sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Clean text, white space collapsed.
    pub text: Box<str>,
    /// Requirements whose cues occur in it.
    pub reqs: ReqSet,
}

/// A sentence with at least one cue hit.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The sentence and its cues.
    pub sentence: Arc<Sentence>,
    /// For items of an enumeration, the lead-in that governs them
    /// ("The Provider shall:"); empty otherwise.
    pub leadin: Arc<String>,
    /// Range in the normalised text.
    pub norm: Range<usize>,
    /// Innermost section.
    pub section: Option<SectionId>,
    /// Kind of block it came from.
    pub kind: BlockKind,
}

impl Candidate {
    /// The sentence's clean text.
    pub fn text(&self) -> &str {
        &self.sentence.text
    }

    /// Requirements whose cues occur in it.
    pub fn reqs(&self) -> ReqSet {
        self.sentence.reqs
    }
}

/// Facts about the whole document that change how sentences read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// The agreement takes customer data out of its confidential
    /// information ("Confidential Information does not include Customer
    /// Data"), so confidentiality clauses do not protect it. Otherwise they
    /// do: data a customer entrusts to a provider is information a
    /// reasonable person would treat as confidential.
    pub customer_data_not_confidential: bool,
}

/// Whether a text speaks of confidential or proprietary information at
/// all (the cheap test before [`customer_data_excluded`]).
fn mentions_confidentiality(text: &str) -> bool {
    // Case-sensitive stems keep the automaton's fast literal prefilter.
    static WORDS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(["onfidential", "ONFIDENTIAL", "roprietar", "ROPRIETAR"])
                .ok()
        });
    WORDS.as_ref().is_none_or(|ac| ac.is_match(text))
}

fn customer_data_excluded(text: &str) -> bool {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::RegexBuilder::new(
            r"(?:confidential|proprietary)\s+information\s+(?:\S+\s+){0,8}(?:does|shall|will)\s+not\s+(?:include|cover|apply\s+to)\s+(?:\S+\s+){0,6}(?:customer|client|subscriber|your|service)\s+(?:data|content)|(?:customer|client|subscriber|your)\s+(?:data|content)\s+(?:is|are|shall\s+be)\s+not\s+(?:\S+\s+){0,3}(?:confidential|proprietary)\s+information",
        )
        .case_insensitive(true)
        .build()
        .ok()
    })
    .as_ref()
    .is_some_and(|re| re.is_match(text))
}

/// State of the scanning pass over one document.
pub struct Scanner<'m> {
    matcher: &'m Matcher,
    source: &'m str,
    /// Candidates in document order.
    pub candidates: Vec<Candidate>,
    /// Party evidence.
    pub parties: PartyFinder,
    /// Incorporated documents.
    pub references: ReferenceFinder,
    /// Document-level facts.
    pub facts: Facts,
    hits: Vec<(usize, ReqSet)>,
    positions: Vec<usize>,
    sentences: Vec<Range<usize>>,
    /// Lead-in text, the list depth it governs from, and the marker of
    /// the list item that holds it.
    leadin: Option<(Arc<String>, u16, Marker)>,
    no_leadin: Arc<String>,
    splits: HashMap<Box<str>, Split>,
    cached_bytes: usize,
}

impl Scanner<'_> {
    /// Scans a block's text for cues and splits the sentences around them.
    fn split(&mut self, text: &str) -> Split {
        self.hits.clear();
        self.matcher.scan(text, &mut self.hits);
        if self.hits.is_empty() {
            return Arc::from(Vec::new());
        }
        self.positions.clear();
        self.positions.extend(self.hits.iter().map(|h| h.0));
        self.sentences.clear();
        sentences_around(text, &self.positions, &mut self.sentences);
        let mut out = Vec::with_capacity(self.sentences.len());
        let mut h = 0;
        for s in &self.sentences {
            let mut reqs: ReqSet = 0;
            while let Some(&(pos, set)) = self.hits.get(h) {
                if pos >= s.end {
                    break;
                }
                if pos >= s.start {
                    reqs |= set;
                }
                h += 1;
            }
            if reqs == 0 {
                continue;
            }
            let sentence = text.get(s.clone()).unwrap_or("");
            self.parties.observe_sentence(sentence);
            out.push((
                s.clone(),
                Arc::new(Sentence {
                    text: sentence.into(),
                    reqs,
                }),
            ));
        }
        Arc::from(out)
    }
}

/// Last words that leave a block unfinished, so that the list after it
/// completes it ("the customer is obliged to" / "- keep ...").
const OPEN_ENDINGS: &[&str] = &[
    "to",
    "shall",
    "must",
    "will",
    "may",
    "should",
    "agrees",
    "undertakes",
    "following",
];

/// The last sentence of a block, if the block ends as a lead-in (with a
/// colon or a dash, or unfinished: "In particular, the Customer is
/// obliged to").
fn leadin_of(text: &str) -> Option<String> {
    let t = text.trim_end();
    let unfinished = t
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| OPEN_ENDINGS.iter().any(|e| w.eq_ignore_ascii_case(e)));
    if !(t.ends_with(':') || t.ends_with('—') || t.ends_with(" -") || unfinished) {
        return None;
    }
    let start = t
        .get(..t.len().saturating_sub(1))
        .and_then(|head| head.rfind(". ").map(|i| i + 2))
        .unwrap_or(0);
    let mut start = start.max(t.len().saturating_sub(LEADIN_MAX));
    while start < t.len() && !t.is_char_boundary(start) {
        start += 1;
    }
    t.get(start..).map(str::to_string)
}

impl<'m> Scanner<'m> {
    /// A scanner for one document whose normalised text is `source`.
    pub fn new(matcher: &'m Matcher, source: &'m str) -> Scanner<'m> {
        Scanner {
            matcher,
            source,
            candidates: Vec::new(),
            parties: PartyFinder::new(),
            references: ReferenceFinder::new(),
            facts: Facts::default(),
            hits: Vec::new(),
            positions: Vec::new(),
            sentences: Vec::new(),
            leadin: None,
            no_leadin: Arc::new(String::new()),
            splits: HashMap::new(),
            cached_bytes: 0,
        }
    }

    /// Scans one block.
    pub fn block(&mut self, b: &BlockRef<'_>) {
        self.parties.observe_block(b.text);
        self.references.observe_block(b, self.source);
        if !self.facts.customer_data_not_confidential
            && mentions_confidentiality(b.text)
            && customer_data_excluded(b.text)
        {
            self.facts.customer_data_not_confidential = true;
        }
        if b.kind == BlockKind::Heading {
            self.leadin = None;
            return;
        }
        let split = match self.splits.get(b.text) {
            Some(split) => Arc::clone(split),
            None => {
                let split = self.split(b.text);
                if b.text.len() <= CACHE_BLOCK_MAX && self.cached_bytes < CACHE_BYTES_MAX {
                    self.cached_bytes += b.text.len();
                    self.splits.insert(b.text.into(), Arc::clone(&split));
                }
                split
            }
        };
        if !split.is_empty() {
            // A list indented too little to nest under its numbered lead-in
            // ("1. The Provider shall:" then "  - back up ...") comes out as
            // a sibling list of another kind: the lead-in still governs it.
            // Siblings of the lead-in's own kind ("2. ...") are clauses of
            // their own.
            let governed = match (&self.leadin, b.kind) {
                (Some((_, depth, _)), BlockKind::ListItem) if b.depth > *depth || *depth == 0 => {
                    true
                }
                (Some((_, depth, marker)), BlockKind::ListItem)
                    if b.depth == *depth && *marker != Marker::Unknown =>
                {
                    let own = self.marker_of(b);
                    own != Marker::Unknown && own != *marker
                }
                _ => false,
            };
            let leadin = match &self.leadin {
                Some((text, _, _)) if governed => Arc::clone(text),
                _ => Arc::clone(&self.no_leadin),
            };
            for (range, sentence) in split.iter() {
                self.candidates.push(Candidate {
                    sentence: Arc::clone(sentence),
                    leadin: Arc::clone(&leadin),
                    norm: b.src_range(range.clone()),
                    section: b.section,
                    kind: b.kind,
                });
            }
        }
        match leadin_of(b.text) {
            Some(l) => {
                self.leadin = Some(if b.kind == BlockKind::ListItem {
                    (Arc::new(l), b.depth, self.marker_of(b))
                } else {
                    (Arc::new(l), 0, Marker::Unknown)
                })
            }
            None if b.kind != BlockKind::ListItem => self.leadin = None,
            None => {}
        }
    }
}

/// The kind of marker a list item starts with in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `-`, `*`, `+` or `•`.
    Bullet,
    /// `1.`, `2)`, `(a)`, `iv.`.
    Numbered,
    /// No marker found before the item's text on its line.
    Unknown,
}

/// The marker before an item's text: what precedes it on its source line,
/// quote markers and white space aside.
fn marker_before(line_prefix: &str) -> Marker {
    let p = line_prefix.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    let p = p.trim_end();
    let numbered = |m: &str| {
        let body = m
            .strip_prefix('(')
            .unwrap_or(m)
            .trim_end_matches(['.', ')']);
        m.len() > body.len()
            && !body.is_empty()
            && body.len() <= 4
            && body.chars().all(|c| c.is_ascii_alphanumeric())
    };
    match p {
        "-" | "*" | "+" | "•" => Marker::Bullet,
        m if numbered(m) => Marker::Numbered,
        _ => Marker::Unknown,
    }
}

impl Scanner<'_> {
    fn marker_of(&self, b: &BlockRef<'_>) -> Marker {
        let start = b.src_range(0..0).start;
        let Some(before) = self.source.get(..start) else {
            return Marker::Unknown;
        };
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before
            .get(line_start..)
            .map_or(Marker::Unknown, marker_before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_data_taken_out_of_confidential_information() {
        assert!(customer_data_excluded("Confidential Information does not include Customer Data, which is governed by the DPA."));
        assert!(!customer_data_excluded(
            "Customer Data is Customer's Confidential Information."
        ));
    }

    #[test]
    fn leadins() {
        assert_eq!(
            leadin_of("Intro. The Provider shall:"),
            Some("The Provider shall:".into())
        );
        assert_eq!(leadin_of("No colon here."), None);
        assert_eq!(
            leadin_of("Terms apply. 5. On sign-up the customer is obliged to"),
            Some("On sign-up the customer is obliged to".into())
        );
        assert_eq!(leadin_of("We keep copies we need to."), None);
    }

    #[test]
    fn list_markers() {
        assert_eq!(marker_before("  - "), Marker::Bullet);
        assert_eq!(marker_before("> * "), Marker::Bullet);
        assert_eq!(marker_before("12. "), Marker::Numbered);
        assert_eq!(marker_before("   (iv) "), Marker::Numbered);
        assert_eq!(marker_before("b) "), Marker::Numbered);
        assert_eq!(marker_before("Terms "), Marker::Unknown);
        assert_eq!(marker_before(""), Marker::Unknown);
    }

    /// The lead-ins each candidate of a Markdown text is read with.
    fn leadins_of(markdown: &str) -> Vec<(String, String)> {
        let matcher = Matcher::new(&crate::Catalog::builtin().expect("catalog")).expect("compiles");
        let mut scanner = Scanner::new(&matcher, markdown);
        crate::document::parse_streaming(markdown, crate::Format::Markdown, |b| scanner.block(b));
        scanner
            .candidates
            .iter()
            .map(|c| (c.text().to_string(), c.leadin.to_string()))
            .collect()
    }

    #[test]
    fn an_under_indented_list_is_governed_by_its_numbered_lead_in() {
        let got = leadins_of(
            "1. The Customer is solely responsible for:\n  - keeping backups of its data;\n  - the security of its passwords.\n2. We may back up data weekly.\n",
        );
        let leadin = |t: &str| {
            got.iter()
                .find(|(text, _)| text.starts_with(t))
                .map(|(_, l)| l.as_str())
        };
        assert_eq!(
            leadin("keeping backups"),
            Some("The Customer is solely responsible for:")
        );
        assert_eq!(leadin("We may back up"), Some(""));
    }
}
