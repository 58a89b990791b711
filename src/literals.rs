//! Required literals: the inner-literal prefilter of pattern lists.
//!
//! Most catalog patterns cannot match unless some words occur in the
//! text: `unauthori[sz]ed\s+(?:\S+\s+){0,2}access` needs `unauthori` and
//! `access`, `(?:servers?|systems?)` needs `server` or `system`. [`needs`]
//! finds such sets in a pattern's syntax tree. Many patterns go further and
//! *start* with one of their literals (`(?:terminat|expir)\w*[^.]{0,120}
//! delet`): [`Needs::prefix`]. For those, a search can run anchored at each
//! place a literal starts instead of unanchored over the whole sentence,
//! which matters for word and character gaps (`{0,8}`, `{0,150}`): an
//! unanchored lazy DFA must track every possible start inside a gap at
//! once, and the combinations outgrow any state cache.
//!
//! A [`LiteralGate`] tells, from the literals found in a text, which
//! patterns of one list can match and where the prefix-shaped ones may
//! start. A [`LiteralIndex`] holds the literals of every list in one
//! Aho-Corasick automaton, so a sentence is scanned once for all of them
//! ([`LiteralIndex::scan`], then [`LiteralGate::select`] per list). This is
//! ripgrep's inner-literal idea applied per pattern. The gates only ever
//! rule a pattern out when it cannot match, so results are exactly those of
//! running every pattern.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

/// Shortest literal worth gating on: shorter ones occur in nearly every
/// sentence.
const MIN_LITERAL: usize = 3;
/// Most alternatives in one literal set.
const MAX_ALTERNATIVES: usize = 64;
/// Patterns of a list that can be gated (the rest always run).
pub const MAX_GATED: usize = 128;

/// What a pattern needs to match, as literals (lower case; matched ASCII
/// case-insensitively).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// Every match starts with one of these literals, if set.
    pub prefix: Option<Vec<Vec<u8>>>,
    /// Every match contains, for each of these sets, one of its literals
    /// (all sets at once: `A[^.]{0,120}B` needs an A and a B).
    pub all_of: Vec<Vec<Vec<u8>>>,
}

/// Most literal sets kept per pattern.
const MAX_SETS: usize = 4;

/// The literals one of which any match of `pattern` contains, if the
/// pattern has a useful set (every literal at least three bytes).
///
/// `pattern` is read with the flags the matcher compiles with (Unicode
/// off, bytes); case is ignored, since literals are matched
/// case-insensitively.
///
/// ```
/// use clausemap::literals::required;
///
/// // The longest literal is the most selective.
/// let set = required(r"unauthori[sz]ed\s+(?:\S+\s+){0,2}access").unwrap();
/// assert_eq!(set, vec![b"unauthori".to_vec()]);
/// let set = required(r"back(?:ed)?\s*up|(?:restore|recover)\w*").unwrap();
/// assert_eq!(set.len(), 3);
/// assert!(required(r"\b\w+ly\b").is_none());
/// ```
pub fn required(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let set = need(&parse(pattern)?)?;
    useful(&set).then_some(set)
}

/// Everything literal a pattern needs: the literals its matches start
/// with, and the sets of literals they contain.
///
/// ```
/// use clausemap::literals::needs;
///
/// let n = needs(r"\b(?:delet|eras)\w*[^.]{0,80}(?:data|content)");
/// assert!(n.prefix.is_some());
/// assert_eq!(n.all_of.len(), 2);
/// let n = needs(r"(?:\S+\s+){0,3}backups?");
/// assert!(n.prefix.is_none());
/// assert_eq!(n.all_of, vec![vec![b"backup".to_vec()]]);
/// assert_eq!(needs(r"\w+ly"), Default::default());
/// ```
pub fn needs(pattern: &str) -> Needs {
    let Some(hir) = parse(pattern) else {
        return Needs::default();
    };
    let mut all_of = conjunction(&hir);
    all_of.sort_by_key(|s| std::cmp::Reverse(score(s)));
    all_of.dedup();
    all_of.truncate(MAX_SETS);
    Needs {
        prefix: prefixes(&hir),
        all_of,
    }
}

/// Sets of literals that must all be present, each by one of its members.
fn conjunction(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Capture(cap) => conjunction(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => conjunction(&rep.sub),
        HirKind::Concat(subs) => subs.iter().flat_map(conjunction).collect(),
        _ => need(hir).filter(|s| useful(s)).into_iter().collect(),
    }
}

fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
}

/// The literals every match starts with, if they are few and long enough.
fn prefixes(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    if seq.len().is_some_and(|n| n > MAX_ALTERNATIVES) {
        seq.keep_first_bytes(MIN_LITERAL + 3);
        seq.dedup();
    }
    let mut set: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    set.sort();
    set.dedup();
    useful(&set).then_some(set)
}

fn useful(set: &[Vec<u8>]) -> bool {
    !set.is_empty() && set.len() <= MAX_ALTERNATIVES && set.iter().all(|l| l.len() >= MIN_LITERAL)
}

/// How selective a set is: its shortest literal, then fewer alternatives.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

fn need(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Capture(cap) => need(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => need(&rep.sub),
        HirKind::Concat(subs) => subs
            .iter()
            .filter_map(need)
            .filter(|s| useful(s))
            .max_by_key(|s| score(s)),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(need(sub)?);
                if all.len() > MAX_ALTERNATIVES {
                    return None;
                }
            }
            Some(all)
        }
        _ => None,
    }
}

/// A set of pattern indexes of one list (the first [`MAX_GATED`]).
pub type PatternSet = u128;

fn bit(i: usize) -> PatternSet {
    1u128.checked_shl(i as u32).unwrap_or(0)
}

/// What one scan of a text found: which patterns can match, and where
/// prefix-shaped patterns may start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GateHits {
    /// Nothing was ruled out: every pattern runs, unanchored.
    everything: bool,
    viable: PatternSet,
    /// Start positions of prefix literals, ascending, each with the
    /// prefix-shaped patterns that may start there.
    starts: Vec<(usize, PatternSet)>,
}

impl GateHits {
    /// Hits that rule nothing out.
    pub fn everything() -> GateHits {
        GateHits {
            everything: true,
            ..GateHits::default()
        }
    }

    /// Whether pattern `i` could match.
    pub fn viable(&self, i: usize) -> bool {
        self.everything || i >= MAX_GATED || self.viable & bit(i) != 0
    }

    /// Whether prefix-shaped patterns can be searched anchored at
    /// [`GateHits::starts`].
    pub fn anchors(&self) -> bool {
        !self.everything
    }

    /// Where pattern `i` may start, at or after `from`, if it is
    /// prefix-shaped.
    pub fn starts(&self, i: usize, from: usize) -> impl Iterator<Item = usize> + '_ {
        let b = bit(i);
        let first = self.starts.partition_point(|s| s.0 < from);
        self.starts
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .filter(move |s| s.1 & b != 0)
            .map(|s| s.0)
    }
}

/// What one literal of a gate's automaton means.
#[derive(Debug, Clone, Default)]
struct LiteralUse {
    /// The literal sets (indexes into `LiteralGate::sets`) it belongs to.
    sets: Vec<u16>,
    /// The prefix-shaped patterns that may start with it.
    starts: PatternSet,
}

/// One Aho-Corasick automaton over the literals of a list's patterns.
#[derive(Debug, Clone)]
pub struct LiteralGate {
    /// This gate's own automaton, built the first time a text is scanned
    /// without a shared index (explanations, tests).
    ac: std::sync::OnceLock<Option<AhoCorasick>>,
    literals: Vec<Vec<u8>>,
    uses: Vec<LiteralUse>,
    /// For each literal set, the pattern that needs it.
    sets: Vec<usize>,
    /// Patterns with no literal set: always viable.
    free: PatternSet,
    /// Prefix-shaped patterns.
    prefix: PatternSet,
    /// For each literal of a shared [`LiteralIndex`], this gate's literal
    /// (`u32::MAX`: not one of ours).
    local: Vec<u32>,
}

impl LiteralGate {
    /// A gate for `patterns` (sources as compiled).
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> LiteralGate {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut uses: Vec<LiteralUse> = Vec::new();
        let mut sets: Vec<usize> = Vec::new();
        let mut free: PatternSet = 0;
        let mut prefix: PatternSet = 0;
        let slot =
            |lit: Vec<u8>, literals: &mut Vec<Vec<u8>>, uses: &mut Vec<LiteralUse>| match literals
                .iter()
                .position(|l| *l == lit)
            {
                Some(k) => k,
                None => {
                    literals.push(lit);
                    uses.push(LiteralUse::default());
                    uses.len() - 1
                }
            };
        for (i, p) in patterns.iter().enumerate().take(MAX_GATED) {
            let needs = needs(p.as_ref());
            let room = usize::from(u16::MAX) - sets.len();
            if needs.all_of.is_empty() || needs.all_of.len() > room {
                free |= bit(i);
            } else {
                for set in needs.all_of {
                    let id = sets.len() as u16;
                    sets.push(i);
                    for lit in set {
                        let k = slot(lit, &mut literals, &mut uses);
                        if let Some(u) = uses.get_mut(k) {
                            u.sets.push(id);
                        }
                    }
                }
            }
            if let Some(set) = needs.prefix {
                prefix |= bit(i);
                for lit in set {
                    let k = slot(lit, &mut literals, &mut uses);
                    if let Some(u) = uses.get_mut(k) {
                        u.starts |= bit(i);
                    }
                }
            }
        }
        LiteralGate {
            ac: std::sync::OnceLock::new(),
            literals,
            uses,
            sets,
            free,
            prefix,
            local: Vec::new(),
        }
    }

    /// Whether pattern `i` is searched anchored at its literals.
    pub fn is_prefix(&self, i: usize) -> bool {
        self.prefix & bit(i) != 0
    }

    /// Finds the literals in `text`.
    pub fn scan(&self, text: &[u8]) -> GateHits {
        if self.literals.is_empty() {
            return self.gather(std::iter::empty());
        }
        let Some(ac) = self.ac.get_or_init(|| automaton(&self.literals)) else {
            return GateHits::everything();
        };
        let found = ac
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()));
        self.gather(found)
    }

    /// This gate's view of a shared index's scan, as [`LiteralGate::scan`]
    /// of the same text would give it. The gate must have been linked to
    /// the index ([`LiteralIndex::new`]).
    pub fn select(&self, hits: &IndexHits) -> GateHits {
        if !hits.complete {
            return GateHits::everything();
        }
        let found = hits.hits.iter().filter_map(|&(start, lit)| {
            let local = *self.local.get(lit as usize)?;
            (local != u32::MAX).then_some((start as usize, local as usize))
        });
        self.gather(found)
    }

    /// Viable patterns and prefix starts from the literals found, given as
    /// `(start, literal)`.
    fn gather(&self, found: impl Iterator<Item = (usize, usize)>) -> GateHits {
        let mut hits = GateHits {
            everything: false,
            viable: self.free,
            starts: Vec::new(),
        };
        let mut seen = vec![false; self.sets.len()];
        for (start, lit) in found {
            let Some(u) = self.uses.get(lit) else {
                continue;
            };
            for &set in &u.sets {
                if let Some(f) = seen.get_mut(usize::from(set)) {
                    *f = true;
                }
            }
            if u.starts != 0 {
                hits.starts.push((start, u.starts));
            }
        }
        // A pattern is viable when every one of its sets was found.
        let mut missing: PatternSet = 0;
        let mut gated: PatternSet = 0;
        for (&pattern, &f) in self.sets.iter().zip(&seen) {
            gated |= bit(pattern);
            if !f {
                missing |= bit(pattern);
            }
        }
        hits.viable |= gated & !missing;
        // Overlapping matches come by end position; order by start.
        hits.starts.sort_unstable_by_key(|s| s.0);
        hits.starts.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
        hits
    }
}

fn automaton(literals: &[Vec<u8>]) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(literals)
        .ok()
}

/// One automaton over the literals of many gates, so that a text is
/// scanned once for all of them ([`LiteralIndex::scan`], then
/// [`LiteralGate::select`] per gate).
#[derive(Debug, Clone)]
pub struct LiteralIndex {
    ac: Option<AhoCorasick>,
}

/// Every literal of a [`LiteralIndex`] found in a text: `(start, literal)`.
#[derive(Debug, Clone, Default)]
pub struct IndexHits {
    hits: Vec<(u32, u32)>,
    /// Whether every literal was looked for.
    complete: bool,
}

impl LiteralIndex {
    /// An index over the literals of `gates`, linking each gate to it.
    pub fn new<'g>(gates: impl IntoIterator<Item = &'g mut LiteralGate>) -> LiteralIndex {
        let gates: Vec<&mut LiteralGate> = gates.into_iter().collect();
        let mut ids: std::collections::HashMap<Vec<u8>, u32> = std::collections::HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        for g in &gates {
            for l in &g.literals {
                ids.entry(l.clone()).or_insert_with(|| {
                    literals.push(l.clone());
                    (literals.len() - 1) as u32
                });
            }
        }
        let ac = if literals.is_empty() || literals.len() >= u32::MAX as usize {
            None
        } else {
            automaton(&literals)
        };
        for g in gates {
            let mut local = vec![u32::MAX; literals.len()];
            for (k, l) in g.literals.iter().enumerate() {
                if let Some(slot) = ids.get(l).and_then(|&id| local.get_mut(id as usize)) {
                    *slot = k as u32;
                }
            }
            if ac.is_none() {
                // Without a shared automaton, gates run every pattern.
                g.free = PatternSet::MAX;
                g.prefix = 0;
            }
            g.local = local;
        }
        LiteralIndex { ac }
    }

    /// Finds every literal in `text` (a text of 4 GiB or more is not
    /// indexed: every pattern runs on it).
    pub fn scan(&self, text: &str) -> IndexHits {
        let mut hits = Vec::new();
        let Some(ac) = self.ac.as_ref().filter(|_| text.len() < u32::MAX as usize) else {
            return IndexHits {
                hits,
                complete: false,
            };
        };
        for m in ac.find_overlapping_iter(text) {
            hits.push((m.start() as u32, m.pattern().as_u32()));
        }
        IndexHits {
            hits,
            complete: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(p: &str) -> Vec<String> {
        let mut v: Vec<String> = required(p)
            .unwrap_or_default()
            .into_iter()
            .map(|l| String::from_utf8_lossy(&l).into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn concatenations_take_their_most_selective_part() {
        assert_eq!(set(r"restrict\w*\s+(?:\S+\s+){0,4}access"), ["restrict"]);
        assert_eq!(set(r"(?:servers?|systems?)\s+information"), ["information"]);
        assert_eq!(set(r"(?:servers?|systems?)\s+of"), ["server", "system"]);
    }

    #[test]
    fn optional_or_short_parts_give_no_gate() {
        assert!(required(r"(?:backup)?\s*\w+").is_none());
        assert!(required(r"\bup\b|\bon\b").is_none());
        assert!(required(r"backup|\w+ly").is_none());
    }

    #[test]
    fn prefixes_only_when_every_match_starts_with_one() {
        let n = needs(r"\b(?:data|content)\b[^.;]{0,150}terminat");
        assert_eq!(n.prefix, Some(vec![b"content".to_vec(), b"data".to_vec()]));
        assert!(needs(r"(?:data|\w+ly)\s+backup").prefix.is_none());
        assert!(needs(r"\w+\s+backup").prefix.is_none());
    }

    #[test]
    fn every_needed_set_must_be_present() {
        let gate = LiteralGate::new(&[r"(?:delet|eras)\w*[^.]{0,80}(?:data|content)"]);
        assert!(gate.scan(b"we delete your data").viable(0));
        assert!(!gate.scan(b"we delete your files").viable(0));
        assert!(!gate.scan(b"we keep your data").viable(0));
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(set(r"Customer\s+Data"), ["customer"]);
        let gate = LiteralGate::new(&["Customer\\s+Data", "\\bnotice\\b"]);
        let hits = gate.scan(b"THE CUSTOMER DATA");
        assert!(hits.viable(0));
        assert!(!hits.viable(1));
        assert_eq!(hits.starts(0, 0).collect::<Vec<_>>(), vec![4]);
    }

    #[test]
    fn typographic_quotes_are_alternatives() {
        let s = set("provider(?:'|’|‘)s\\s+staff");
        assert!(s.contains(&"provider".to_string()), "{s:?}");
    }

    #[test]
    fn free_patterns_always_run() {
        let gate = LiteralGate::new(&[r"\w+ly", "backup"]);
        let hits = gate.scan(b"nothing here");
        assert!(hits.viable(0));
        assert!(!hits.viable(1));
    }

    #[test]
    fn starts_are_per_pattern_and_from_a_position() {
        let gate = LiteralGate::new(&["data\\s+x", "(?:notice|data)\\s+y"]);
        let hits = gate.scan(b"data notice data z");
        assert_eq!(hits.starts(0, 0).collect::<Vec<_>>(), vec![0, 12]);
        assert_eq!(hits.starts(1, 1).collect::<Vec<_>>(), vec![5, 12]);
    }
}
