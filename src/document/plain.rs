//! Plain-text agreements by our own rules.
//!
//! - Numbered headings ("7.", "7.2 Backups", "Section 7", "ARTICLE VII",
//!   "VII. TERM") and short ALL-CAPS lines are headings; a label alone on
//!   its line ("SECTION 1.") takes the title on the next line.
//! - A numbered line that reads as a sentence ("7.2 The Provider shall...")
//!   starts a paragraph and names a section.
//! - Lettered items ("(a)", "a)", "(iv)") and bullets start list items.
//! - Paragraphs end at blank lines; hard-wrapped lines are re-joined.
//! - Page markers ("3/18", "Page 3 of 18") are ignored.
//! - Leftover HTML tags are stripped; block tags (`<p>`, `<li>`) end blocks.

use std::ops::Range;

use super::builder::{
    is_page_marker, is_title_line, BlockBuilder, RANK_NUMBERED, RANK_PLAIN_HEADING,
};
use super::html::{self, Token};
use super::numbering::{self, LabelKind};
use super::{BlockKind, BlockRef, ParseSummary};

/// Longest prefix of a line looked at to classify it.
const PROBE_BYTES: usize = 200;

/// One run of a line between block-level tags.
#[derive(Debug, Default)]
struct Segment {
    tokens: Vec<Token>,
    /// Offset of the line this segment belongs to.
    base: usize,
    /// A block tag came before this segment on its line.
    after_break: bool,
    /// That block tag opened a list item.
    item: bool,
}

fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = bytes.get(pos..).unwrap_or(&[]);
        let end = match memchr::memchr(b'\n', rest) {
            Some(off) => pos + off,
            None => {
                done = true;
                bytes.len()
            }
        };
        let r = pos..end;
        pos = end + 1;
        Some(r)
    })
}

/// The visible text of a line (tags stripped), up to [`PROBE_BYTES`].
fn probe(text: &str, range: Range<usize>) -> String {
    let line = text.get(range).unwrap_or("");
    let mut out = String::new();
    html::tokens(line, |t| {
        if out.len() >= PROBE_BYTES {
            return;
        }
        match t {
            Token::Text(s, e) => out.push_str(line.get(s..e).unwrap_or("")),
            Token::Entity(c, _, _) => out.push(c),
            Token::Break { .. } => out.push(' '),
        }
    });
    out.trim().to_string()
}

fn segment_text(seg: &Segment, line: &str) -> String {
    let mut out = String::new();
    for t in &seg.tokens {
        if out.len() >= PROBE_BYTES {
            break;
        }
        match *t {
            Token::Text(s, e) => out.push_str(line.get(s..e).unwrap_or("")),
            Token::Entity(c, _, _) => out.push(c),
            Token::Break { .. } => {}
        }
    }
    out.trim().to_string()
}

/// True when `next` (a following line) continues an ALL-CAPS paragraph.
fn continues_caps(next: &str) -> bool {
    !next.is_empty() && numbering::is_all_caps(next) && numbering::label(next).is_none()
}

struct PlainParser<'s, S: FnMut(&BlockRef<'_>)> {
    text: &'s str,
    b: BlockBuilder<'s, S>,
    /// A label-only heading ("SECTION 1.") waiting for its title line.
    heading_waits: Option<u32>,
    prev_blank: bool,
}

impl<'s, S: FnMut(&BlockRef<'_>)> PlainParser<'s, S> {
    fn feed(&mut self, seg: &Segment) {
        self.b.space();
        for t in &seg.tokens {
            match *t {
                Token::Text(s, e) => self.b.text(seg.base + s..seg.base + e, false),
                Token::Entity(c, s, e) => {
                    let mut buf = [0u8; 4];
                    self.b
                        .replaced(c.encode_utf8(&mut buf), seg.base + s..seg.base + e, false);
                }
                Token::Break { .. } => {}
            }
        }
    }

    fn close_waiting_heading(&mut self) {
        if let Some(rank) = self.heading_waits.take() {
            self.b.end_heading(rank);
        }
    }

    fn segment(&mut self, seg: &Segment, next_line: &str) {
        let line = self.text.get(seg.base..).unwrap_or("");
        let t = segment_text(seg, line);
        if seg.after_break {
            self.close_waiting_heading();
            self.b.end();
            if seg.item {
                self.b.begin(BlockKind::ListItem, 1);
            }
        }
        if t.is_empty() {
            return;
        }
        if is_page_marker(&t) {
            return;
        }
        if let Some(rank) = self.heading_waits {
            if numbering::is_title_like(&t) && numbering::label(&t).is_none() {
                self.feed(seg);
                self.heading_waits = None;
                self.b.end_heading(rank);
                self.prev_blank = false;
                return;
            }
            self.close_waiting_heading();
        }
        let at_start = self.prev_blank || self.b.is_empty();
        match numbering::label(&t) {
            Some(l) if matches!(l.kind, LabelKind::Item | LabelKind::Bullet) => {
                self.b.end();
                self.b.begin(BlockKind::ListItem, 1);
                self.feed(seg);
            }
            Some(l) => {
                let rest = t.get(l.len..).unwrap_or("").trim();
                let rank = RANK_NUMBERED + l.depth;
                self.b.end();
                if rest.is_empty() {
                    self.b.begin(BlockKind::Heading, 0);
                    self.feed(seg);
                    self.heading_waits = Some(rank);
                } else if (numbering::is_title_like(rest) && rest.len() <= 80)
                    || is_title_line(rest, next_line)
                {
                    self.b.begin(BlockKind::Heading, 0);
                    self.feed(seg);
                    self.b.end_heading(rank);
                } else {
                    self.b.begin(BlockKind::Paragraph, 0);
                    self.feed(seg);
                }
            }
            None if at_start
                && numbering::is_all_caps(&t)
                && numbering::is_title_like(&t)
                && t.split_whitespace().count() <= 10
                && !t.contains(". ")
                && !continues_caps(next_line) =>
            {
                self.b.end();
                self.b.begin(BlockKind::Heading, 0);
                self.feed(seg);
                self.b.end_heading(RANK_PLAIN_HEADING);
            }
            None => {
                if self.b.is_empty() {
                    let kind = if self.b.kind() == BlockKind::ListItem && seg.item {
                        BlockKind::ListItem
                    } else {
                        BlockKind::Paragraph
                    };
                    self.b.begin(kind, u16::from(kind == BlockKind::ListItem));
                }
                self.feed(seg);
            }
        }
        self.prev_blank = false;
    }
}

/// Parses plain text, streaming blocks to `sink`.
pub fn parse(text: &str, sink: impl FnMut(&BlockRef<'_>)) -> ParseSummary {
    let mut p = PlainParser {
        text,
        b: BlockBuilder::new(text, sink),
        heading_waits: None,
        prev_blank: true,
    };
    let mut lines = line_ranges(text).peekable();
    let mut segments: Vec<Segment> = Vec::new();
    while let Some(range) = lines.next() {
        let line = text.get(range.clone()).unwrap_or("");
        if line.trim().is_empty() {
            p.close_waiting_heading();
            p.b.end();
            p.prev_blank = true;
            continue;
        }
        segments.clear();
        segments.push(Segment {
            base: range.start,
            ..Segment::default()
        });
        if memchr::memchr2(b'<', b'&', line.as_bytes()).is_none() {
            if let Some(seg) = segments.last_mut() {
                seg.tokens.push(Token::Text(0, line.len()));
            }
        } else {
            html::tokens(line, |t| match t {
                Token::Break { item } => segments.push(Segment {
                    base: range.start,
                    after_break: true,
                    item,
                    tokens: Vec::new(),
                }),
                other => {
                    if let Some(seg) = segments.last_mut() {
                        seg.tokens.push(other);
                    }
                }
            });
        }
        let next = lines
            .peek()
            .map(|r| probe(text, r.clone()))
            .unwrap_or_default();
        for seg in &segments {
            p.segment(seg, &next);
        }
    }
    p.close_waiting_heading();
    p.b.finish()
}

#[cfg(test)]
mod tests {
    use crate::document::{parse, BlockKind, Document, Format};

    fn txt(s: &str) -> Document {
        parse(s, Format::Text)
    }

    fn summary(doc: &Document) -> Vec<(BlockKind, String, String)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.text.clone(), doc.outline.path(b.section)))
            .collect()
    }

    #[test]
    fn numbered_headings_wrapped_lines_and_items() {
        let src = "MASTER AGREEMENT\n\n7. Security\n\n7.2 Backups\nThe Provider shall back up\nCustomer Data daily and:\n(a) keep copies;\n(b) test restores.\n\nARTICLE VIII\nTERMINATION\n\nEither party may end it.\n";
        let doc = txt(src);
        let s = summary(&doc);
        assert_eq!(s[0].0, BlockKind::Heading);
        assert_eq!(s[0].1, "MASTER AGREEMENT");
        let para = s.iter().find(|b| b.1.starts_with("The Provider")).unwrap();
        assert_eq!(
            para.1,
            "The Provider shall back up Customer Data daily and:"
        );
        assert_eq!(para.2, "MASTER AGREEMENT > 7. Security > 7.2 Backups");
        let item = s.iter().find(|b| b.1.starts_with("(b)")).unwrap();
        assert_eq!(item.0, BlockKind::ListItem);
        let last = s.last().unwrap();
        assert_eq!(last.2, "MASTER AGREEMENT > ARTICLE VIII TERMINATION");
        assert_eq!(doc.title.as_deref(), Some("MASTER AGREEMENT"));
    }

    #[test]
    fn lower_case_numbered_titles_stand_alone() {
        let doc = txt("14. subcontractors, third party products\nWe may use subcontractors for the services we owe you.\n");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        let b = &doc.blocks[1];
        assert_eq!(
            b.text,
            "We may use subcontractors for the services we owe you."
        );
        assert_eq!(
            doc.outline.path(b.section),
            "14. subcontractors, third party products"
        );
    }

    #[test]
    fn numbered_sentences_name_sections() {
        let doc =
            txt("1.1. Client Account. To be able to order, the Client must\nhave an account.\n");
        let b = &doc.blocks[0];
        assert_eq!(b.kind, BlockKind::Paragraph);
        assert_eq!(doc.outline.path(b.section), "1.1. Client Account");
        assert!(b.text.ends_with("must have an account."));
    }

    #[test]
    fn crawler_html_is_stripped() {
        let src = "<strong>1.</strong> Your Agreement <p>\n<strong>1.1</strong> We will back up data.\nDaily.</p>\n<ol>\n<li>First item</li>\n</ol>\n<strong>SECTION 2.\nACCESS</strong>\n";
        let doc = txt(src);
        let s = summary(&doc);
        assert_eq!(s[0].1, "1. Your Agreement");
        assert_eq!(s[0].0, BlockKind::Heading);
        assert_eq!(s[1].1, "1.1 We will back up data. Daily.");
        assert_eq!(
            s[2],
            (
                BlockKind::ListItem,
                "First item".into(),
                "1. Your Agreement > 1.1".into()
            )
        );
        assert_eq!(s[3].1, "SECTION 2. ACCESS");
        let b = &doc.blocks[1];
        let at = b.text.find("back up").unwrap();
        assert_eq!(&src[b.src_range(at..at + 7)], "back up");
    }

    #[test]
    fn page_markers_do_not_split_and_caps_disclaimers_stay_paragraphs() {
        let src = "The Provider will keep backups of all customer content for the duration\n3/18\nof the agreement.\n\nTHE SERVICE IS PROVIDED AS IS\nWITHOUT WARRANTY OF ANY KIND.\n";
        let doc = txt(src);
        let s = summary(&doc);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].1, "The Provider will keep backups of all customer content for the duration of the agreement.");
        assert_eq!(s[1].0, BlockKind::Paragraph);
    }
}
