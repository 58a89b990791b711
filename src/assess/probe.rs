//! Pattern-list searches on one sentence, each list's literals found once.
//!
//! Judging a sentence asks the same lists about the same text many times:
//! the core at every anchor, the topic for the ranking, exclusions on each
//! clause. A [`Probe`] holds the literals of every list found in the
//! sentence by one scan, selects a list's share the first time the list is
//! used, and reuses it for the sentence and every part of it; answers are
//! remembered too. Results are those of the list's own searches.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::literals::{GateHits, IndexHits};
use crate::matcher::PatternList;

/// A pattern list's identity while a probe lives (its address).
fn key(list: &PatternList) -> usize {
    std::ptr::from_ref(list) as usize
}

/// Searches of pattern lists on one text and its parts.
#[derive(Debug, Clone)]
pub struct Probe<'t> {
    text: &'t str,
    literals: IndexHits,
    scans: RefCell<Vec<(usize, Rc<GateHits>)>>,
    answers: RefCell<HashMap<(usize, usize, usize), bool>>,
}

impl<'t> Probe<'t> {
    /// A probe of `text`, whose literals [`crate::matcher::Matcher::literal_hits`]
    /// found.
    pub fn new(text: &'t str, literals: IndexHits) -> Probe<'t> {
        Probe {
            text,
            literals,
            scans: RefCell::new(Vec::new()),
            answers: RefCell::new(HashMap::new()),
        }
    }

    /// Where `part` starts in the probed text, if it is a part of it.
    fn place(&self, part: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let at = (part.as_ptr() as usize).checked_sub(base)?;
        (at + part.len() <= self.text.len()).then_some(at)
    }

    fn hits(&self, list: &PatternList) -> Rc<GateHits> {
        let k = key(list);
        if let Some((_, h)) = self.scans.borrow().iter().find(|(lk, _)| *lk == k) {
            return Rc::clone(h);
        }
        let h = Rc::new(list.select(&self.literals));
        self.scans.borrow_mut().push((k, Rc::clone(&h)));
        h
    }

    /// Whether any pattern of `list` matches `text`.
    pub fn is_match(&self, list: &PatternList, text: &str) -> bool {
        let Some(at) = self.place(text) else {
            return list.is_match(text);
        };
        let k = (key(list), at, text.len());
        if let Some(&answer) = self.answers.borrow().get(&k) {
            return answer;
        }
        let answer = list.is_match_in(text, &self.hits(list), at);
        self.answers.borrow_mut().insert(k, answer);
        answer
    }

    /// The leftmost match of `list` in `text`.
    pub fn find(&self, list: &PatternList, text: &str) -> Option<Range<usize>> {
        match self.place(text) {
            Some(at) => list.find_in(text, &self.hits(list), at),
            None => list.find(text),
        }
    }

    /// Every non-overlapping match of `list` in `text`.
    pub fn find_all(&self, list: &PatternList, text: &str) -> Vec<Range<usize>> {
        match self.place(text) {
            Some(at) => list.find_all_in(text, &self.hits(list), at),
            None => list.find_all(text),
        }
    }
}
