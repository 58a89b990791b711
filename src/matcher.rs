//! The compiled form of a catalog: one Aho-Corasick DFA over every cue
//! phrase (the literal prefilter) and, per requirement, one regex per
//! pattern list, run only on candidate sentences.
//!
//! Patterns are compiled as byte regexes with Unicode classes off: `\b`,
//! `\w` and `(?i)` are ASCII, which keeps them fast on text full of curly
//! quotes. Outside character classes a `'` in a pattern also matches `’`
//! and `‘`, and a `"` also matches `“` and `”`, so catalog authors need not
//! think about typography. Size limits guard against hostile catalogs.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use crate::assess::Precedence;
use crate::catalog::{
    Catalog, CustomerDuty, CustomerRight, Group, NegationReads, Requirement, TopicOnly,
};
use crate::error::CatalogLocation;
use crate::error::{Error, Result};
use crate::literals::{GateHits, IndexHits, LiteralGate, LiteralIndex};

/// Compiled size limit of one regex, in bytes.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;
/// Lazy-DFA cache limit of one regex, in bytes.
pub const REGEX_DFA_LIMIT: usize = 4 * 1024 * 1024;

/// Words so frequent in agreements that, as cues, they would make nearly
/// every sentence a candidate; topic literals among them are not made cues.
const COMMON_WORDS: &[&str] = &[
    "access",
    "account",
    "agreement",
    "another",
    "available",
    "content",
    "contract",
    "customer",
    "including",
    "information",
    "liability",
    "material",
    "materials",
    "obligation",
    "obligations",
    "other",
    "period",
    "process",
    "processing",
    "provide",
    "provider",
    "report",
    "request",
    "required",
    "requirement",
    "responsibility",
    "right",
    "rights",
    "security",
    "service",
    "services",
    "systems",
    "terms",
];

/// A set of requirement indexes, one bit each (catalogs hold at most 128).
pub type ReqSet = u128;

/// The set holding only requirement `index` (empty past the 128th).
pub fn req_bit(index: usize) -> ReqSet {
    1u128.checked_shl(index as u32).unwrap_or(0)
}

/// A catalog pattern as it is compiled: quotes match typographic ones and
/// "not" matches contractions (see [`expand_contractions`]).
pub(crate) fn expand_pattern(pattern: &str) -> String {
    expand_quotes(&expand_contractions(pattern))
}

/// Rewrites the word `not` followed by white space (`not\s+`, `not\s*`)
/// to match contractions as well: a pattern written for "will not
/// transfer" also finds "won't transfer", "doesn't keep". Only the whole
/// word is rewritten ("notify", "cannot" stay as they are).
pub(crate) fn expand_contractions(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(i) = rest.find(r"not\s") {
        let (head, tail) = rest.split_at(i);
        let before = head.chars().next_back();
        let word_start = match before {
            None => true,
            // `\bnot`: a word boundary, not a letter.
            Some('b') => head.ends_with(r"\b") && !head.ends_with(r"\\b"),
            Some(c) => !c.is_alphanumeric() && c != '\\',
        };
        out.push_str(head);
        if word_start {
            out.push_str("(?:not|n't)");
        } else {
            out.push_str("not");
        }
        rest = tail.get(3..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Rewrites quotes outside character classes to match typographic ones.
pub(crate) fn expand_quotes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A ']' right after '[' or '[^' is literal.
                let mut peek = chars.clone();
                match peek.next() {
                    Some('^') => {
                        out.push('^');
                        chars.next();
                        if chars.clone().next() == Some(']') {
                            out.push(']');
                            chars.next();
                        }
                    }
                    Some(']') => {
                        out.push(']');
                        chars.next();
                    }
                    _ => {}
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '\'' if !in_class => out.push_str("(?:'|’|‘)"),
            '"' if !in_class => out.push_str("(?:\"|“|”)"),
            _ => out.push(c),
        }
    }
    out
}

fn build(pattern: &str) -> std::result::Result<Regex, String> {
    Regex::builder()
        .syntax(
            syntax::Config::new()
                .unicode(false)
                .utf8(false)
                .case_insensitive(true),
        )
        .configure(
            // Only the lazy DFA (and the NFA behind it) is needed: no
            // capture groups are read, and fully compiled DFAs cost more to
            // build than the short sentences they would search.
            Regex::config()
                .utf8_empty(false)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .onepass(false)
                .dfa(false)
                .auto_prefilter(false)
                .hybrid_cache_capacity(REGEX_DFA_LIMIT),
        )
        .build(pattern)
        .map_err(|e| build_message(&e))
}

/// A one-line account of why a pattern did not compile.
fn build_message(e: &regex_automata::meta::BuildError) -> String {
    if let Some(limit) = e.size_limit() {
        return format!(
            "regex compiles to more than the {limit}-byte size limit; make it smaller \
             (shorter bounded repeats such as {{0,150}}, fewer alternatives)"
        );
    }
    if let Some(syntax) = e.syntax_error() {
        return regex_message(&syntax.to_string());
    }
    // Other build errors: the error and its causes, on one line.
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    regex_message(&text)
}

/// The last, most specific line of a regex error.
fn regex_message(text: &str) -> String {
    let line = text
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| text.lines().last().unwrap_or("").trim().to_string());
    format!("invalid regex: {line}")
}

/// Most anchored attempts for one pattern in one search; past it the
/// pattern is searched unanchored (keeps adversarial text linear).
const MAX_ANCHORED_TRIES: usize = 64;

/// One pattern list of a requirement: each pattern compiled on its own,
/// behind a [`LiteralGate`].
///
/// Separate regexes keep each lazy DFA small and let the gate skip the
/// patterns whose literals are absent; prefix-shaped patterns are searched
/// anchored where their literals start (see [`crate::literals`]).
/// Matching follows the rule of one alternation of all the patterns
/// (leftmost-first): the leftmost start wins, and among matches starting
/// there, the pattern listed first.
#[derive(Debug, Clone)]
pub struct PatternList {
    regexes: Vec<Regex>,
    gate: LiteralGate,
    sources: Vec<String>,
}

impl PatternList {
    fn compile(
        catalog: &Catalog,
        req: &Requirement,
        field: &str,
        list: &[String],
    ) -> Result<PatternList> {
        let mut regexes = Vec::with_capacity(list.len());
        let expanded: Vec<String> = list.iter().map(|p| expand_pattern(p)).collect();
        for (p, x) in list.iter().zip(&expanded) {
            match build(x) {
                Ok(regex) => regexes.push(regex),
                Err(e) => {
                    return Err(Error::catalog(
                        catalog.locate(&req.id, p),
                        format!("{e} in '{field}'"),
                    ))
                }
            }
        }
        Ok(PatternList {
            regexes,
            gate: LiteralGate::new(&expanded),
            sources: list.to_vec(),
        })
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.regexes.is_empty()
    }

    /// Finds the literals of this list's patterns in `text`, for the
    /// `*_in` searches on `text` or any part of it.
    pub fn scan(&self, text: &str) -> GateHits {
        self.gate.scan(text.as_bytes())
    }

    /// This list's literals among those [`Matcher::literal_hits`] found in
    /// a text: the same as [`PatternList::scan`] of that text.
    pub fn select(&self, hits: &IndexHits) -> GateHits {
        self.gate.select(hits)
    }

    /// The leftmost match of pattern `i` in `text` at or after `from`;
    /// `hits` come from scanning a text in which `text` starts at `shift`.
    fn search(
        &self,
        i: usize,
        re: &Regex,
        text: &[u8],
        from: usize,
        hits: &GateHits,
        shift: usize,
    ) -> Option<Range<usize>> {
        if self.gate.is_prefix(i) && hits.anchors() {
            let end = shift + text.len();
            for (tries, start) in hits
                .starts(i, shift + from)
                .take_while(|&p| p < end)
                .map(|p| p - shift)
                .enumerate()
            {
                if tries >= MAX_ANCHORED_TRIES {
                    let input = Input::new(text).range(start..);
                    return re.search(&input).map(|m| m.range());
                }
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                if let Some(m) = re.search(&input) {
                    return Some(m.range());
                }
            }
            None
        } else {
            re.search(&Input::new(text).range(from..))
                .map(|m| m.range())
        }
    }

    /// The leftmost match of any pattern at or after `from`, with the index
    /// of the pattern that made it.
    fn find_from(
        &self,
        text: &[u8],
        from: usize,
        hits: &GateHits,
        shift: usize,
    ) -> Option<(usize, Range<usize>)> {
        let mut best: Option<(usize, Range<usize>)> = None;
        for (i, re) in self.regexes.iter().enumerate() {
            if !hits.viable(i) {
                continue;
            }
            let Some(m) = self.search(i, re, text, from, hits, shift) else {
                continue;
            };
            // A later pattern wins only by starting strictly earlier.
            if best.as_ref().is_none_or(|b| m.start < b.1.start) {
                best = Some((i, m));
            }
        }
        best
    }

    /// [`PatternList::find`] with literals already found: `hits` come from
    /// [`PatternList::scan`] of a text in which `text` starts at `shift`.
    pub fn find_in(&self, text: &str, hits: &GateHits, shift: usize) -> Option<Range<usize>> {
        self.find_from(text.as_bytes(), 0, hits, shift)
            .map(|(_, r)| r)
    }

    /// [`PatternList::find_all`] with literals already found (see
    /// [`PatternList::find_in`]).
    pub fn find_all_in(&self, text: &str, hits: &GateHits, shift: usize) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at <= bytes.len() {
            let Some((_, m)) = self.find_from(bytes, at, hits, shift) else {
                break;
            };
            // An empty match moves on by one byte, as `find_iter` does.
            at = if m.is_empty() { m.end + 1 } else { m.end };
            out.push(m);
        }
        out
    }

    /// [`PatternList::is_match`] with literals already found (see
    /// [`PatternList::find_in`]).
    pub fn is_match_in(&self, text: &str, hits: &GateHits, shift: usize) -> bool {
        let bytes = text.as_bytes();
        self.regexes.iter().enumerate().any(|(i, re)| {
            hits.viable(i)
                && if self.gate.is_prefix(i) && hits.anchors() {
                    self.search(i, re, bytes, 0, hits, shift).is_some()
                } else {
                    re.is_match(bytes)
                }
        })
    }

    /// The leftmost match of any pattern.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.find_in(text, &self.scan(text), 0)
    }

    /// Every non-overlapping match of any pattern, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.find_all_in(text, &self.scan(text), 0)
    }

    /// True when any pattern matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.is_match_in(text, &self.scan(text), 0)
    }

    /// The source of the leftmost-first pattern that matches.
    pub fn which(&self, text: &str) -> Option<&str> {
        let (i, _) = self.find_from(text.as_bytes(), 0, &self.scan(text), 0)?;
        self.sources.get(i).map(String::as_str)
    }

    /// Every pattern run unanchored, without the gate: the reference the
    /// gated search must agree with (tests).
    #[cfg(test)]
    fn find_all_plain(&self, text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at <= bytes.len() {
            let best = self
                .regexes
                .iter()
                .filter_map(|re| re.search(&Input::new(bytes).range(at..)).map(|m| m.range()))
                .reduce(|a, b| if b.start < a.start { b } else { a });
            let Some(m) = best else { break };
            at = if m.is_empty() { m.end + 1 } else { m.end };
            out.push(m);
        }
        out
    }
}

/// A requirement ready to judge sentences.
#[derive(Debug, Clone)]
pub struct CompiledRequirement {
    /// Catalog id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Provision or notice.
    pub group: Group,
    /// The standard's wording.
    pub standard: String,
    /// Confirms the topic.
    pub topic: PatternList,
    /// The core a commitment needs for `covered`.
    pub core: PatternList,
    /// Caps a core commitment at `partial`.
    pub weak: PatternList,
    /// Keeps a core commitment covered despite `weak`.
    pub strong: PatternList,
    /// Partial on its own.
    pub partial: PatternList,
    /// Requirement-specific disclaimer shapes.
    pub disclaimer: PatternList,
    /// Reserved rights that disclaim when they name no notice.
    pub reserved: PatternList,
    /// Negated but protective sentences.
    pub protective: PatternList,
    /// Sentences that look relevant but are not.
    pub exclude: PatternList,
    /// How a customer's duty on the topic reads.
    pub customer_duty: CustomerDuty,
    /// How a customer's right on the topic reads.
    pub customer_right: CustomerRight,
    /// How the requirement's judgements combine.
    pub precedence: Precedence,
    /// What a commitment missing the core amounts to.
    pub topic_only: TopicOnly,
    /// What a provider's negation amounts to.
    pub negation: NegationReads,
}

impl CompiledRequirement {
    /// Every pattern list of the requirement.
    pub fn lists(&self) -> [&PatternList; 9] {
        [
            &self.topic,
            &self.core,
            &self.weak,
            &self.strong,
            &self.partial,
            &self.disclaimer,
            &self.reserved,
            &self.protective,
            &self.exclude,
        ]
    }

    fn lists_mut(&mut self) -> [&mut PatternList; 9] {
        [
            &mut self.topic,
            &mut self.core,
            &mut self.weak,
            &mut self.strong,
            &mut self.partial,
            &mut self.disclaimer,
            &mut self.reserved,
            &mut self.protective,
            &mut self.exclude,
        ]
    }
}

/// The compiled catalog: cue automaton plus compiled requirements.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    /// For each distinct cue (automaton pattern), the requirements it cues.
    cue_reqs: Vec<ReqSet>,
    cue_text: Vec<String>,
    /// The literals of every pattern list, in one automaton.
    literals: LiteralIndex,
    /// Requirements in catalog order.
    pub requirements: Vec<CompiledRequirement>,
}

impl Matcher {
    /// Compiles a catalog.
    ///
    /// # Errors
    ///
    /// [`Error::Catalog`] naming the file, requirement and pattern that
    /// does not compile.
    pub fn new(catalog: &Catalog) -> Result<Matcher> {
        let mut cue_text: Vec<String> = Vec::new();
        let mut cue_reqs: Vec<ReqSet> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut requirements = Vec::with_capacity(catalog.requirements.len());
        for (i, req) in catalog.requirements.iter().enumerate() {
            let bit = req_bit(i);
            // A topic pattern can only match where its required literals
            // occur, so those literals are cues too: a catalog author who
            // adds a topic word need not remember to add its cue. Short and
            // ubiquitous literals are left out: they would make most
            // sentences candidates (measured: 11% more work per MiB with
            // five-letter literals, 7% with seven).
            let derived: Vec<String> = req
                .topic
                .iter()
                .filter_map(|p| crate::literals::required(&expand_pattern(p)))
                .flatten()
                .filter_map(|l| String::from_utf8(l).ok())
                .filter(|l| l.trim().len() >= 7 && !COMMON_WORDS.contains(&l.trim()))
                .collect();
            for cue in req.cues.iter().chain(&derived) {
                let key = cue.trim().to_ascii_lowercase();
                if key.is_empty() {
                    continue;
                }
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    cue_text.push(key);
                    cue_reqs.push(0);
                    cue_text.len() - 1
                });
                if let Some(set) = cue_reqs.get_mut(slot) {
                    *set |= bit;
                }
            }
            let list = |field: &str, l: &[String]| PatternList::compile(catalog, req, field, l);
            requirements.push(CompiledRequirement {
                id: req.id.clone(),
                title: req.title.clone(),
                group: req.group,
                standard: req.standard.clone(),
                topic: list("topic", &req.topic)?,
                core: list("core", &req.core)?,
                weak: list("weak", &req.weak)?,
                strong: list("strong", &req.strong)?,
                partial: list("partial", &req.partial)?,
                disclaimer: list("disclaimer", &req.disclaimer)?,
                reserved: list("reserved", &req.reserved)?,
                protective: list("protective", &req.protective)?,
                exclude: list("exclude", &req.exclude)?,
                customer_duty: req.customer_duty,
                customer_right: req.customer_right,
                precedence: Precedence {
                    disclaimer_outranks_mentions: req.disclaimer_outranks_mentions,
                    disclaimer_qualifies_statements: req.disclaimer_qualifies_statements,
                },
                topic_only: req.topic_only,
                negation: req.negation,
            });
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&cue_text)
            .or_else(|_| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&cue_text)
            })
            .map_err(|e| {
                Error::catalog(
                    CatalogLocation {
                        file: catalog.source_name.clone(),
                        ..CatalogLocation::default()
                    },
                    format!("cue phrases do not compile: {e}"),
                )
            })?;
        let literals = LiteralIndex::new(
            requirements
                .iter_mut()
                .flat_map(|r| r.lists_mut().into_iter().map(|list| &mut list.gate)),
        );
        Ok(Matcher {
            ac,
            cue_reqs,
            cue_text,
            literals,
            requirements,
        })
    }

    /// Finds the literals of every pattern list in `text` at once, for
    /// [`PatternList::select`].
    pub fn literal_hits(&self, text: &str) -> IndexHits {
        self.literals.scan(text)
    }

    /// Finds cue hits in `text`: `(position, requirements cued)`, in order
    /// of position. Hits must start at a word boundary.
    pub fn scan(&self, text: &str, hits: &mut Vec<(usize, ReqSet)>) {
        let bytes = text.as_bytes();
        for m in self.ac.find_overlapping_iter(text) {
            let start = m.start();
            if start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            let set = self
                .cue_reqs
                .get(m.pattern().as_usize())
                .copied()
                .unwrap_or(0);
            match hits.last_mut() {
                Some(last) if last.0 == start => last.1 |= set,
                _ => hits.push((start, set)),
            }
        }
        // Overlapping matches are reported by end position; order by start.
        hits.sort_by_key(|h| h.0);
        hits.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
    }

    /// The cue phrases of requirement `index` that occur in `text` (for
    /// explanations).
    pub fn cues_in(&self, index: usize, text: &str) -> Vec<&str> {
        let bit = req_bit(index);
        let bytes = text.as_bytes();
        let mut out: Vec<&str> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let start = m.start();
            if start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
                continue;
            }
            let p = m.pattern().as_usize();
            if self.cue_reqs.get(p).is_some_and(|s| s & bit != 0) {
                if let Some(c) = self.cue_text.get(p) {
                    if !out.contains(&c.as_str()) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// Number of distinct cue phrases in the automaton.
    pub fn cue_count(&self) -> usize {
        self.cue_text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_expands_to_contractions_as_a_whole_word_only() {
        assert_eq!(
            expand_contractions(r"will\s+not\s+(?:\S+\s+)?keep|\bnot\s*x|notif\w*|cannot\s+"),
            r"will\s+(?:not|n't)\s+(?:\S+\s+)?keep|\b(?:not|n't)\s*x|notif\w*|cannot\s+"
        );
        let r = build(&expand_pattern(r"not\s+(?:\S+\s+){0,3}transfer")).unwrap();
        for t in ["will not transfer", "won't transfer", "won’t ever transfer"] {
            assert!(r.is_match(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn quotes_expand_outside_classes_only() {
        assert_eq!(expand_quotes("customer's"), "customer(?:'|’|‘)s");
        assert_eq!(expand_quotes("[\"']x"), "[\"']x");
        assert_eq!(expand_quotes(r"\'a"), r"\'a");
        assert_eq!(expand_quotes("[]']'"), "[]'](?:'|’|‘)");
        let r = build(&expand_quotes("provider's")).unwrap();
        assert!(r.is_match("the Provider’s staff".as_bytes()));
    }

    /// The gate and anchored searches change speed, never results: every
    /// list of the built-in catalog finds exactly what running each
    /// pattern unanchored finds, on every example sentence and on our own
    /// agreements' text.
    #[test]
    fn gated_search_agrees_with_plain_search() {
        let catalog = Catalog::builtin().unwrap();
        let matcher = Matcher::new(&catalog).unwrap();
        let mut texts: Vec<String> = catalog
            .requirements
            .iter()
            .flat_map(|r| r.examples.iter().map(|e| e.text.clone()))
            .collect();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(corpus).unwrap() {
            let path = entry.unwrap().path();
            if crate::Format::from_path(&path).is_some() {
                let text = std::fs::read_to_string(&path).unwrap();
                texts.extend(text.split("\n\n").map(str::to_string));
            }
        }
        let mut checked = 0;
        for req in &matcher.requirements {
            for list in req.lists() {
                for t in &texts {
                    // A part of a larger text, searched with the larger
                    // text's literals.
                    let outer = format!("Preamble data and notice: {t}");
                    let outer_hits = list.scan(&outer);
                    assert_eq!(list.select(&matcher.literal_hits(&outer)), outer_hits);
                    let shift = outer.len() - t.len();
                    assert_eq!(
                        list.find_all_in(t, &outer_hits, shift),
                        list.find_all_plain(t)
                    );
                    let plain = list.find_all_plain(t);
                    assert_eq!(list.find_all(t), plain, "{}: {t}", req.id);
                    assert_eq!(list.is_match(t), !plain.is_empty(), "{}: {t}", req.id);
                    assert_eq!(list.find(t), plain.first().cloned(), "{}: {t}", req.id);
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn regex_errors_are_one_line() {
        let m = build("back(up").unwrap_err();
        assert!(m.starts_with("invalid regex: "), "{m}");
        assert!(!m.contains('\n'));
    }

    #[test]
    fn a_regex_over_the_size_limit_says_so() {
        let m = build("(?:[a-z]{200}){200}").unwrap_err();
        assert!(m.contains("size limit"), "{m}");
        assert!(!m.contains('\n'));
    }
}
