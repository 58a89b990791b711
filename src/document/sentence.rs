//! Sentences inside a block: Unicode sentence bounds (UAX #29, from
//! unicode-segmentation), corrected for contract text.
//!
//! Corrections: abbreviations common in agreements ("e.g.", "i.e.", "Inc.",
//! "Ltd.", "No.", "Sec.", "U.S.", "etc.") do not end sentences; a bare
//! section label ("7.2.", "(a)") joins the sentence after it; and an
//! enumeration ("Provider shall: (a) ...; (b) ...") keeps its lead-in even
//! where an item ends with a period.
//!
//! Splitting is the slowest stage of the pipeline, so the analyser only
//! splits blocks that have cue hits ([`sentences_around`]), and very long
//! blocks only in a window around each hit.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::numbering::{self, LabelKind};

/// Blocks longer than this are split only in windows around hits.
const WINDOW: usize = 4096;
/// Sentences grow by merging up to this many bytes at most.
const MAX_MERGED: usize = 3000;

/// Abbreviations that never end a sentence (lower case, with their dots).
const ALWAYS: &[&str] = &[
    "e.g.", "i.e.", "no.", "nos.", "sec.", "secs.", "art.", "arts.", "para.", "paras.", "cf.",
    "vs.", "v.", "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "approx.", "fig.", "ref.", "incl.",
    "excl.", "viz.", "pp.", "p.", "ch.", "cl.", "subs.", "jan.", "feb.", "mar.", "apr.", "jun.",
    "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "u.s.c.", "seq.", "al.", "resp.",
    "max.", "min.", "dept.", "est.",
];

/// Abbreviations that usually do not end a sentence, unless a typical
/// sentence opener follows.
const USUALLY: &[&str] = &[
    "inc.", "ltd.", "llc.", "co.", "corp.", "plc.", "gmbh.", "s.a.", "n.v.", "b.v.", "etc.",
    "u.s.", "u.k.", "e.u.", "l.p.", "pty.", "a.m.", "p.m.", "s.a.s.", "ag.", "bv.", "sarl.", "lp.",
];

/// Words after which an abbreviation is part of a noun phrase.
const MODIFIER_BEFORE: &[&str] = &[
    "the", "a", "an", "of", "in", "under", "by", "to", "for", "and", "or", "with", "from", "any",
];

/// Words that typically open a new sentence.
const OPENERS: &[&str] = &[
    "the",
    "this",
    "these",
    "that",
    "those",
    "we",
    "you",
    "your",
    "our",
    "if",
    "in",
    "any",
    "each",
    "all",
    "it",
    "such",
    "no",
    "for",
    "to",
    "upon",
    "unless",
    "except",
    "where",
    "when",
    "notwithstanding",
    "subject",
    "nothing",
    "neither",
    "either",
    "both",
    "as",
    "at",
    "on",
    "by",
    "customer",
    "provider",
    "supplier",
    "client",
    "subscriber",
    "a",
    "an",
    "there",
    "however",
    "following",
    "after",
    "before",
    "during",
    "within",
    "its",
    "their",
    "they",
    "he",
    "she",
];

fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |i| {
            i + s
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8)
        });
    s.get(start..).unwrap_or("")
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '“' || c == '(');
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    s.get(..end).unwrap_or("")
}

/// True when the boundary between `prev` and `next` is not a real one.
fn should_merge(prev: &str, next: &str) -> bool {
    let prev_t = prev.trim_end();
    let next_t = next.trim_start();
    if next_t.is_empty() {
        return true;
    }
    let word = last_word(prev_t).to_lowercase();
    if ALWAYS.contains(&word.as_str()) {
        return true;
    }
    if USUALLY.contains(&word.as_str()) {
        // "the U.S. Customer": an abbreviation after an article or a
        // preposition modifies what follows.
        let before = prev_t
            .get(..prev_t.len() - last_word(prev_t).len())
            .map(|s| last_word(s).to_lowercase())
            .unwrap_or_default();
        if MODIFIER_BEFORE.contains(&before.as_str()) {
            return true;
        }
        let opener = first_word(next_t).to_lowercase();
        return !OPENERS.contains(&opener.as_str());
    }
    // A single capital initial: "J. Smith", "Exhibit A. Terms" is rare.
    let bare = word.trim_end_matches('.');
    if word.ends_with('.') && bare.chars().count() == 1 && bare.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    // A bare label ("7.2.", "(a)", "Section 7.") joins what follows.
    if let Some(l) = numbering::label(prev_t.trim_start()) {
        if l.len >= prev_t.trim_start().len() {
            return true;
        }
    }
    // Enumeration items keep their lead-in: "(b) ..." after "(a) ...".
    if let Some(l) = numbering::label(next_t) {
        if l.kind == LabelKind::Item && prev_t.contains([':', ';']) {
            return true;
        }
    }
    // Lower-case continuation.
    next_t.chars().next().is_some_and(char::is_lowercase)
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r.start..r.start;
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let start = r.start + lead;
    start..r.end.saturating_sub(trail).max(start)
}

/// All sentences of `text`, as trimmed byte ranges.
///
/// # Example
///
/// ```
/// use clausemap::document::sentence::split;
///
/// let text = "Acme Inc. backs up data, e.g. databases. You must not upload malware.";
/// let s: Vec<&str> = split(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(s, vec!["Acme Inc. backs up data, e.g. databases.", "You must not upload malware."]);
/// ```
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    for (start, piece) in text.split_sentence_bound_indices() {
        let end = start + piece.len();
        cur = match cur {
            None => Some(start..end),
            Some(c) => {
                let prev = text.get(c.clone()).unwrap_or("");
                if c.len() < MAX_MERGED && should_merge(prev, piece) {
                    Some(c.start..end)
                } else {
                    out.push(c);
                    Some(start..end)
                }
            }
        };
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out.into_iter()
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Appends to `out` the sentences of `text` that contain any of the sorted
/// byte positions `hits`, each once, in order.
pub fn sentences_around(text: &str, hits: &[usize], out: &mut Vec<Range<usize>>) {
    if hits.is_empty() {
        return;
    }
    if text.len() <= WINDOW * 2 {
        let all = split(text);
        let mut h = hits.iter().peekable();
        for s in all {
            let mut hit = false;
            while let Some(&&p) = h.peek() {
                if p < s.start {
                    h.next();
                } else if p < s.end {
                    hit = true;
                    h.next();
                } else {
                    break;
                }
            }
            if hit {
                out.push(s);
            }
        }
        return;
    }
    let first_new = out.len();
    let mut i = 0;
    while let Some(&p) = hits.get(i) {
        let round = i;
        let last_end = out.get(first_new..).and_then(|v| v.last()).map(|l| l.end);
        if last_end.is_some_and(|end| p < end) {
            i += 1;
            continue;
        }
        // A sentence starts where the previous one ended: the window never
        // reaches back into it, so a run without sentence ends is split
        // once per window, not once per hit.
        let w_start = floor_char(text, p.saturating_sub(WINDOW)).max(last_end.unwrap_or(0));
        let w_end = floor_char(text, p.saturating_add(WINDOW));
        let Some(window) = text.get(w_start..w_end) else {
            i += 1;
            continue;
        };
        // Every sentence of the window that holds a hit is taken, so a long
        // block of short sentences is split about once, not once per
        // sentence. The window's last sentence may be cut short by its
        // end: it is taken only for the hit that opened the window.
        let sentences = split(window);
        let last = sentences.len().saturating_sub(1);
        for (k, r) in sentences.into_iter().enumerate() {
            let s = r.start + w_start..r.end + w_start;
            while hits.get(i).is_some_and(|&h| h < s.start) {
                i += 1;
            }
            let Some(&h) = hits.get(i) else {
                break;
            };
            if h >= s.end {
                continue;
            }
            if k == last && w_end < text.len() && h != p {
                break;
            }
            let overlaps = out
                .get(first_new..)
                .and_then(|v| v.last())
                .is_some_and(|last| s.start < last.end);
            if !overlaps {
                out.push(s.clone());
            }
            while hits.get(i).is_some_and(|&h| h < s.end) {
                i += 1;
            }
        }
        if i == round {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Nimbus Ltd. will notify the U.S. Customer, i.e. you, within No. 3 days. Then done."),
            vec!["Nimbus Ltd. will notify the U.S. Customer, i.e. you, within No. 3 days.", "Then done."]
        );
        assert_eq!(
            sents("Data is kept in Ireland etc. The end."),
            vec!["Data is kept in Ireland etc.", "The end."]
        );
        assert_eq!(
            sents("See Sec. 4 and Art. 28 GDPR. Next."),
            vec!["See Sec. 4 and Art. 28 GDPR.", "Next."]
        );
    }

    #[test]
    fn labels_and_enumerations_keep_their_lead_in() {
        assert_eq!(
            sents("7.2. Backups are daily. Provider shall: (a) back up data. (b) test restores. Done here."),
            vec![
                "7.2. Backups are daily.",
                "Provider shall: (a) back up data. (b) test restores.",
                "Done here."
            ]
        );
    }

    #[test]
    fn windows_around_hits_in_long_blocks() {
        let filler = "This is filler text without the cue. ".repeat(400);
        let text = format!("{filler}We back up your data daily. {filler}");
        let pos = text.find("back up").unwrap();
        let mut out = Vec::new();
        sentences_around(&text, &[pos, pos + 3], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].clone()], "We back up your data daily.");
    }

    #[test]
    fn long_blocks_of_short_sentences_give_what_a_whole_split_gives() {
        let unit = "We back up data daily. The sky was grey (e.g. over Sec. 4). \
            Access is restricted to staff; logs are kept. Nothing else here. ";
        let text = unit.repeat(8 * WINDOW / unit.len());
        for cue in ["back up", "Access", "logs", "sky"] {
            let hits: Vec<usize> = text.match_indices(cue).map(|(i, _)| i).collect();
            let mut out = Vec::new();
            sentences_around(&text, &hits, &mut out);
            let whole: Vec<Range<usize>> = split(&text)
                .into_iter()
                .filter(|s| hits.iter().any(|&h| s.start <= h && h < s.end))
                .collect();
            assert_eq!(out, whole, "{cue}");
        }
    }

    #[test]
    fn a_long_run_without_sentence_ends_is_cut_into_windows() {
        let text = "backup restore malware access ".repeat(2000);
        let hits: Vec<usize> = text.match_indices("backup").map(|(i, _)| i).collect();
        let mut out = Vec::new();
        sentences_around(&text, &hits, &mut out);
        // Consecutive, non-overlapping pieces that cover every hit.
        assert!(out.len() >= text.len() / (2 * WINDOW), "{}", out.len());
        assert!(out.windows(2).all(|w| w[0].end <= w[1].start));
        for p in hits {
            assert!(
                out.iter().any(|s| s.start <= p && p < s.end),
                "hit {p} not covered"
            );
        }
    }

    #[test]
    fn only_sentences_with_hits() {
        let text = "One. We back up data. Three.";
        let mut out = Vec::new();
        sentences_around(text, &[8], &mut out);
        assert_eq!(
            out.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            vec!["We back up data."]
        );
    }
}
