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
use regex::bytes::{Regex, RegexBuilder};

use crate::catalog::{
    Catalog, CustomerDuty, CustomerRight, Group, NegationReads, Requirement, TopicOnly,
};
use crate::error::CatalogLocation;
use crate::error::{Error, Result};

/// Compiled size limit of one regex, in bytes.
pub const REGEX_SIZE_LIMIT: usize = 2 * 1024 * 1024;
/// Lazy-DFA cache limit of one regex, in bytes.
pub const REGEX_DFA_LIMIT: usize = 4 * 1024 * 1024;

/// A set of requirement indexes, one bit each (catalogs hold at most 128).
pub type ReqSet = u128;

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

fn build(pattern: &str) -> std::result::Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_LIMIT)
        .build()
}

/// The last, most specific line of a regex error.
fn regex_message(e: &regex::Error) -> String {
    let text = e.to_string();
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

/// One pattern list of a requirement, compiled as a single alternation.
#[derive(Debug, Clone)]
pub struct PatternList {
    regex: Option<Regex>,
    sources: Vec<String>,
}

impl PatternList {
    fn compile(
        catalog: &Catalog,
        req: &Requirement,
        field: &str,
        list: &[String],
    ) -> Result<PatternList> {
        if list.is_empty() {
            return Ok(PatternList {
                regex: None,
                sources: Vec::new(),
            });
        }
        let combined = list
            .iter()
            .map(|p| format!("(?:{})", expand_quotes(p)))
            .collect::<Vec<_>>()
            .join("|");
        match build(&combined) {
            Ok(regex) => Ok(PatternList {
                regex: Some(regex),
                sources: list.to_vec(),
            }),
            Err(combined_err) => {
                // Find the pattern at fault, to name it.
                for p in list {
                    if let Err(e) = build(&expand_quotes(p)) {
                        return Err(Error::catalog(
                            catalog.locate(&req.id, p),
                            format!("{} in '{field}'", regex_message(&e)),
                        ));
                    }
                }
                Err(Error::catalog(
                    CatalogLocation {
                        file: catalog.source_name.clone(),
                        line: None,
                        requirement: Some(req.id.clone()),
                        pattern: None,
                    },
                    format!(
                        "the '{field}' patterns together: {}",
                        regex_message(&combined_err)
                    ),
                ))
            }
        }
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.regex.is_none()
    }

    /// The leftmost match of any pattern.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.regex
            .as_ref()?
            .find(text.as_bytes())
            .map(|m| m.start()..m.end())
    }

    /// Every non-overlapping match of any pattern, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.regex.as_ref().map_or_else(Vec::new, |r| {
            r.find_iter(text.as_bytes())
                .map(|m| m.start()..m.end())
                .collect()
        })
    }

    /// True when any pattern matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex
            .as_ref()
            .is_some_and(|r| r.is_match(text.as_bytes()))
    }

    /// The source of the first pattern that matches (compiles patterns one
    /// by one: for explanations, not the hot path).
    pub fn which(&self, text: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|p| build(&expand_quotes(p)).is_ok_and(|r| r.is_match(text.as_bytes())))
            .map(String::as_str)
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
    /// Negated but protective sentences.
    pub protective: PatternList,
    /// Sentences that look relevant but are not.
    pub exclude: PatternList,
    /// How a customer's duty on the topic reads.
    pub customer_duty: CustomerDuty,
    /// How a customer's right on the topic reads.
    pub customer_right: CustomerRight,
    /// Whether a disclaimer outranks a bare mention.
    pub disclaimer_outranks_mentions: bool,
    /// What a commitment missing the core amounts to.
    pub topic_only: TopicOnly,
    /// What a provider's negation amounts to.
    pub negation: NegationReads,
}

/// The compiled catalog: cue automaton plus compiled requirements.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    /// For each distinct cue (automaton pattern), the requirements it cues.
    cue_reqs: Vec<ReqSet>,
    cue_text: Vec<String>,
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
            let bit: ReqSet = 1u128.checked_shl(i as u32).unwrap_or(0);
            for cue in &req.cues {
                let key = cue.trim().to_ascii_lowercase();
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
                protective: list("protective", &req.protective)?,
                exclude: list("exclude", &req.exclude)?,
                customer_duty: req.customer_duty,
                customer_right: req.customer_right,
                disclaimer_outranks_mentions: req.disclaimer_outranks_mentions,
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
        Ok(Matcher {
            ac,
            cue_reqs,
            cue_text,
            requirements,
        })
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
        let bit: ReqSet = 1u128.checked_shl(index as u32).unwrap_or(0);
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
    fn quotes_expand_outside_classes_only() {
        assert_eq!(expand_quotes("customer's"), "customer(?:'|’|‘)s");
        assert_eq!(expand_quotes("[\"']x"), "[\"']x");
        assert_eq!(expand_quotes(r"\'a"), r"\'a");
        assert_eq!(expand_quotes("[]']'"), "[]'](?:'|’|‘)");
        let r = build(&expand_quotes("provider's")).unwrap();
        assert!(r.is_match("the Provider’s staff".as_bytes()));
    }

    #[test]
    fn regex_errors_are_one_line() {
        let e = build("back(up").unwrap_err();
        let m = regex_message(&e);
        assert!(m.starts_with("invalid regex: "), "{m}");
        assert!(!m.contains('\n'));
    }
}
