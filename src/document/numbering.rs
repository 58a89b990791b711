//! Section numbers and item letters at the start of a line or block:
//! "7.", "7.2", "7.2.1.", "Section 7", "ARTICLE VII", "VII.", "(a)", "a)",
//! "(iv)", and bullets; plus the tests for title-like and ALL-CAPS text.

/// What kind of label starts a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// Dotted decimal numbering, "7.2".
    Numeric,
    /// A keyword with a number: "Section 7", "ARTICLE VII", "Exhibit A".
    Keyword,
    /// A Roman numeral followed by a period: "VII.".
    Roman,
    /// A lettered or parenthesised item: "(a)", "a)", "(iv)", "(3)".
    Item,
    /// A bullet character: "-", "*", "•".
    Bullet,
}

/// A label found at the start of some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    /// What kind of label.
    pub kind: LabelKind,
    /// Nesting depth the label implies (1 for "7.", 2 for "7.2", ...).
    pub depth: u32,
    /// Length in bytes of the label and the punctuation after it (not the
    /// following white space).
    pub len: usize,
}

const KEYWORDS: &[&str] = &[
    "section",
    "article",
    "clause",
    "part",
    "chapter",
    "schedule",
    "annex",
    "appendix",
    "exhibit",
    "attachment",
    "addendum",
];

fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 7
        && (s.bytes().all(|b| b"IVXLC".contains(&b)) || s.bytes().all(|b| b"ivxlc".contains(&b)))
}

/// Parses "7", "7.2", "7.2.1" at the start of `s`; returns (depth, len).
fn dotted(s: &str) -> Option<(u32, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut depth = 0;
    loop {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start || i - start > 3 {
            return if depth == 0 || i - start > 3 {
                None
            } else {
                Some((depth, start.saturating_sub(1)))
            };
        }
        depth += 1;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        return Some((depth, i));
    }
}

fn trailing_punct(s: &str, mut len: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(len) {
        if matches!(b, b'.' | b':' | b')') || (b == b'-' && bytes.get(len + 1) == Some(&b' ')) {
            len += 1;
        } else {
            break;
        }
    }
    len
}

fn followed_by_space_or_end(s: &str, len: usize) -> bool {
    s.as_bytes()
        .get(len)
        .is_none_or(|b| b.is_ascii_whitespace())
}

/// The label at the start of `s` (which must already be left-trimmed).
pub(crate) fn label(s: &str) -> Option<Label> {
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    if first.is_ascii_digit() {
        let (depth, len) = dotted(s)?;
        let len = trailing_punct(s, len);
        // "2020 was" or "30 days" are not labels: a single number needs a
        // period or parenthesis after it.
        let bare_single = depth == 1 && !s.get(..len).is_some_and(|l| l.ends_with(['.', ')', ':']));
        if bare_single || !followed_by_space_or_end(s, len) {
            return None;
        }
        return Some(Label {
            kind: LabelKind::Numeric,
            depth,
            len,
        });
    }
    if first == b'(' {
        let close = s.get(1..6)?.find(')')? + 1;
        let inner = s.get(1..close)?;
        let ok = (inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_alphabetic()))
            || is_roman(inner)
            || (inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()));
        if ok && followed_by_space_or_end(s, close + 1) {
            return Some(Label {
                kind: LabelKind::Item,
                depth: 3,
                len: close + 1,
            });
        }
        return None;
    }
    if matches!(first, b'-' | b'*' | b'+') && bytes.get(1) == Some(&b' ') {
        return Some(Label {
            kind: LabelKind::Bullet,
            depth: 3,
            len: 1,
        });
    }
    for bullet in ["•", "·", "▪", "◦", "–", "—"] {
        if let Some(rest) = s.strip_prefix(bullet) {
            if rest.starts_with(' ') {
                return Some(Label {
                    kind: LabelKind::Bullet,
                    depth: 3,
                    len: bullet.len(),
                });
            }
        }
    }
    // "a)" items.
    if first.is_ascii_lowercase() && bytes.get(1) == Some(&b')') && followed_by_space_or_end(s, 2) {
        return Some(Label {
            kind: LabelKind::Item,
            depth: 3,
            len: 2,
        });
    }
    // Keyword labels: "Section 7", "ARTICLE VII:", "Exhibit A".
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let word = s.get(..word_end)?;
    if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word)) && bytes.get(word_end) == Some(&b' ') {
        let rest = s.get(word_end + 1..)?;
        let num_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .unwrap_or(rest.len());
        let num = rest.get(..num_end)?.trim_end_matches('.');
        let valid = !num.is_empty()
            && (num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                || is_roman(num)
                || (num.len() == 1 && num.bytes().all(|b| b.is_ascii_uppercase())));
        if valid {
            let depth = if num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                1 + num.matches('.').count() as u32
            } else {
                1
            };
            let len = trailing_punct(s, word_end + 1 + num_end);
            return Some(Label {
                kind: LabelKind::Keyword,
                depth,
                len,
            });
        }
        return None;
    }
    // "VII." Roman numerals.
    let dot = s.find('.')?;
    let roman = s.get(..dot)?;
    if !roman.is_empty() && is_roman(roman) && roman.bytes().all(|b| b.is_ascii_uppercase()) {
        let len = trailing_punct(s, dot);
        if followed_by_space_or_end(s, len) {
            return Some(Label {
                kind: LabelKind::Roman,
                depth: 1,
                len,
            });
        }
    }
    None
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "your", "our", "its", "their", "vs", "via", "per",
];

/// Whether `w` is a small word a title does not end with ("of", "and").
pub(crate) fn is_small_word(w: &str) -> bool {
    SMALL_WORDS.iter().any(|sw| sw.eq_ignore_ascii_case(w))
}

/// Longest text that can be a title, in bytes.
pub(crate) const TITLE_MAX: usize = 100;

/// True for short, title-like text: "Backups", "Data Return and Deletion",
/// "YOUR RESPONSIBILITIES". Sentences ("We back up your data.") are not.
pub(crate) fn is_title_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > TITLE_MAX {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 12 {
        return false;
    }
    if s.ends_with([',', ';']) {
        return false;
    }
    // A sentence inside (". " followed by more words) is not a title.
    if let Some(i) = s.find(". ") {
        if i + 2 < s.len() && !is_all_caps(s) {
            return false;
        }
    }
    if is_all_caps(s) {
        return true;
    }
    let mut capitalised = 0;
    let mut counted = 0;
    for w in &words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if is_small_word(w) {
            continue;
        }
        counted += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            capitalised += 1;
        }
    }
    counted > 0 && capitalised * 10 >= counted * 7
}

/// True when `s` has at least three letters and (nearly) all are upper case.
pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut upper = 0usize;
    let mut lower = 0usize;
    for (i, c) in s.char_indices() {
        if c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()) {
            upper += 1;
        } else if c.is_ascii_lowercase() || (!c.is_ascii() && c.is_lowercase()) {
            lower += 1;
            // Even if every character left were a capital, too few.
            if lower * 10 > upper + (s.len() - i) {
                return false;
            }
        }
    }
    upper >= 3 && lower * 10 <= upper
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(s: &str) -> Option<(LabelKind, u32, &str)> {
        label(s).map(|l| (l.kind, l.depth, &s[..l.len]))
    }

    #[test]
    fn numeric_labels() {
        assert_eq!(lab("7. Security"), Some((LabelKind::Numeric, 1, "7.")));
        assert_eq!(lab("7.2 Backups"), Some((LabelKind::Numeric, 2, "7.2")));
        assert_eq!(lab("7.2.1. Daily"), Some((LabelKind::Numeric, 3, "7.2.1.")));
        assert_eq!(
            lab("1.1. Client Account."),
            Some((LabelKind::Numeric, 2, "1.1."))
        );
        assert_eq!(lab("30 days after"), None);
        assert_eq!(lab("2020 was"), None);
        assert_eq!(lab("3/18"), None);
        assert_eq!(lab("12) Item"), Some((LabelKind::Numeric, 1, "12)")));
    }

    #[test]
    fn keyword_and_roman_labels() {
        assert_eq!(
            lab("Section 7 Backups"),
            Some((LabelKind::Keyword, 1, "Section 7"))
        );
        assert_eq!(
            lab("ARTICLE VII: TERM"),
            Some((LabelKind::Keyword, 1, "ARTICLE VII:"))
        );
        assert_eq!(
            lab("SECTION 1."),
            Some((LabelKind::Keyword, 1, "SECTION 1."))
        );
        assert_eq!(
            lab("Section 7.2 Backups"),
            Some((LabelKind::Keyword, 2, "Section 7.2"))
        );
        assert_eq!(
            lab("Exhibit A: Terms"),
            Some((LabelKind::Keyword, 1, "Exhibit A:"))
        );
        assert_eq!(lab("VII. LIABILITY"), Some((LabelKind::Roman, 1, "VII.")));
        assert_eq!(lab("Sections of this"), None);
        assert_eq!(lab("I. Introduction"), Some((LabelKind::Roman, 1, "I.")));
        assert_eq!(lab("I will"), None);
    }

    #[test]
    fn items_and_bullets() {
        assert_eq!(lab("(a) back up"), Some((LabelKind::Item, 3, "(a)")));
        assert_eq!(lab("(iv) restore"), Some((LabelKind::Item, 3, "(iv)")));
        assert_eq!(lab("b) notify"), Some((LabelKind::Item, 3, "b)")));
        assert_eq!(lab("- item"), Some((LabelKind::Bullet, 3, "-")));
        assert_eq!(lab("• item"), Some((LabelKind::Bullet, 3, "•")));
        assert_eq!(lab("(the \"Terms\")"), None);
    }

    #[test]
    fn titles() {
        assert!(is_title_like("Backups"));
        assert!(is_title_like("Data Return and Deletion"));
        assert!(is_title_like("YOUR RESPONSIBILITIES"));
        assert!(is_title_like("Your Agreement with Heroku"));
        assert!(!is_title_like("We back up your data every day."));
        assert!(!is_title_like(
            "Client Account. To be able to order Services, the Client must"
        ));
        assert!(is_all_caps("ARTICLE 1: ORDERING SERVICES"));
        assert!(!is_all_caps("Article 1"));
    }
}
