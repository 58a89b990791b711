//! Turns the text runs that a parser finds into blocks: collapses white
//! space, records how clean text maps back to the source, tracks the
//! heading path, recognises numbered labels and bold title lines, drops page
//! markers, and re-joins paragraphs that a PDF extraction broke at a line
//! wrap. Both the Markdown and the plain-text parser feed this one builder.

use std::ops::Range;

use super::numbering::{self, LabelKind};
use super::{BlockKind, BlockRef, Outline, ParseSummary, Piece, Section, SectionId};

/// Rank of unnumbered plain-text headings (ALL-CAPS lines).
pub(crate) const RANK_PLAIN_HEADING: u32 = 50;
/// Base rank of numbered labels; depth is added.
pub(crate) const RANK_NUMBERED: u32 = 100;

/// A block under construction.
#[derive(Debug)]
struct Buf {
    text: String,
    pieces: Vec<Piece>,
    kind: BlockKind,
    depth: u16,
    /// White space was seen and not yet written.
    space: bool,
    /// Non-space bytes written outside emphasis.
    plain_bytes: usize,
    src_start: usize,
    src_end: usize,
    section: Option<SectionId>,
}

impl Buf {
    fn new() -> Buf {
        Buf {
            text: String::new(),
            pieces: Vec::new(),
            kind: BlockKind::Paragraph,
            depth: 0,
            space: false,
            plain_bytes: 0,
            src_start: usize::MAX,
            src_end: 0,
            section: None,
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.pieces.clear();
        self.space = false;
        self.plain_bytes = 0;
        self.src_start = usize::MAX;
        self.src_end = 0;
        self.section = None;
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn note_src(&mut self, range: &Range<usize>) {
        self.src_start = self.src_start.min(range.start);
        self.src_end = self.src_end.max(range.end);
    }

    fn separate(&mut self) {
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space = false;
    }

    /// Appends `run` (no white space runs inside other than single
    /// separators) that is found at `src` in the source, byte for byte.
    fn append_exact(&mut self, src: usize, run: &str, emphasised: bool) {
        self.separate();
        let clean = self.text.len();
        let continues = self
            .pieces
            .last()
            .is_some_and(|p| p.exact && p.src + (clean - p.clean) == src);
        if !continues {
            self.pieces.push(Piece {
                clean,
                src,
                src_end: src + run.len(),
                exact: true,
            });
        }
        if memchr::memchr3(b'\n', b'\t', b'\r', run.as_bytes()).is_some() {
            self.text.extend(
                run.chars()
                    .map(|c| if c.is_ascii_whitespace() { ' ' } else { c }),
            );
        } else {
            self.text.push_str(run);
        }
        if !emphasised {
            self.plain_bytes += run.len();
        }
        self.note_src(&(src..src + run.len()));
    }

    /// Appends text that differs from its source (an entity, an escape).
    fn append_replaced(&mut self, text: &str, src: Range<usize>, emphasised: bool) {
        if text.trim().is_empty() {
            self.space = true;
            return;
        }
        self.separate();
        self.pieces.push(Piece {
            clean: self.text.len(),
            src: src.start,
            src_end: src.end,
            exact: false,
        });
        self.text.push_str(text);
        if !emphasised {
            self.plain_bytes += text.len();
        }
        self.note_src(&src);
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'\x0B' | b'\x0C')
}

/// True for page markers a PDF extraction leaves: "3/18", "3 / 18",
/// "Page 3", "Page 3 of 18", "- 3 -".
pub(crate) fn is_page_marker(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 24 {
        return false;
    }
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits_only(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits_only(a.trim()) && digits_only(b.trim());
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let rest = rest.trim();
        if digits_only(rest) {
            return true;
        }
        if let Some((a, b)) = rest.split_once(" of ") {
            return digits_only(a.trim()) && digits_only(b.trim());
        }
    }
    false
}

/// Builds blocks and the outline, streaming each finished block to `sink`.
pub(crate) struct BlockBuilder<'s, S: FnMut(&BlockRef<'_>)> {
    src: &'s str,
    cur: Buf,
    /// A finished paragraph kept back in case the next one continues it.
    held: Buf,
    has_held: bool,
    outline: Outline,
    /// Section titles seen so far, shared between sections.
    titles: std::collections::HashSet<std::sync::Arc<String>>,
    stack: Vec<(u32, SectionId)>,
    title: Option<String>,
    title_rank: u32,
    /// A `title:` from YAML front matter.
    metadata_title: Option<String>,
    /// The text of the first block emitted, if short enough to be a title.
    first_text: Option<String>,
    emitted: usize,
    sink: S,
}

impl<'s, S: FnMut(&BlockRef<'_>)> BlockBuilder<'s, S> {
    pub(crate) fn new(src: &'s str, sink: S) -> Self {
        BlockBuilder {
            src,
            cur: Buf::new(),
            held: Buf::new(),
            has_held: false,
            outline: Outline::default(),
            titles: std::collections::HashSet::new(),
            stack: Vec::new(),
            title: None,
            title_rank: u32::MAX,
            metadata_title: None,
            first_text: None,
            emitted: 0,
            sink,
        }
    }

    /// Starts a block of `kind`; text collected so far forms its own block.
    pub(crate) fn begin(&mut self, kind: BlockKind, depth: u16) {
        if !self.cur.is_empty() {
            self.end();
        }
        self.cur.kind = kind;
        self.cur.depth = depth;
    }

    /// The kind of the block under construction.
    pub(crate) fn kind(&self) -> BlockKind {
        self.cur.kind
    }

    /// True when the block under construction has no text yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.cur.is_empty()
    }

    /// Appends source text at `range`, collapsing white space.
    pub(crate) fn text(&mut self, range: Range<usize>, emphasised: bool) {
        let Some(s) = self.src.get(range.clone()) else {
            return;
        };
        // Runs of words separated by single white space bytes are copied
        // as one piece; longer white space becomes one space.
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let rest = bytes.get(i..).unwrap_or(&[]);
            let ws = rest.iter().take_while(|&&b| is_ws(b)).count();
            if ws > 0 {
                self.cur.space = true;
                i += ws;
                continue;
            }
            let run_start = i;
            let mut words = rest.iter().enumerate();
            let mut end = bytes.len();
            while let Some((k, &b)) = words.next() {
                if is_ws(b) {
                    // A single white space byte between words stays in the run.
                    match words.next() {
                        Some((_, &n)) if !is_ws(n) => {}
                        _ => {
                            end = i + k;
                            break;
                        }
                    }
                }
            }
            if let Some(run) = s.get(run_start..end) {
                self.cur
                    .append_exact(range.start + run_start, run, emphasised);
            }
            i = end;
        }
    }

    /// Appends text that is not byte-identical to its source.
    pub(crate) fn replaced(&mut self, text: &str, range: Range<usize>, emphasised: bool) {
        self.cur.append_replaced(text, range, emphasised);
    }

    /// Marks a soft break (line break, tag) between words.
    pub(crate) fn space(&mut self) {
        self.cur.space = true;
    }

    /// Ends the current block as a heading of `rank`.
    pub(crate) fn end_heading(&mut self, rank: u32) {
        if self.cur.is_empty() {
            self.cur.clear();
            return;
        }
        self.cur.kind = BlockKind::Heading;
        self.heading_from_cur(rank);
    }

    fn heading_from_cur(&mut self, rank: u32) {
        let title = self.cur.text.trim_end_matches([':', ' ']).to_string();
        if rank < self.title_rank && (self.title.is_none() || rank <= 1) {
            self.title = Some(title.clone());
            self.title_rank = rank;
        }
        self.section_from_cur(rank, title);
    }

    /// Emits the current block as the heading of a new section of `rank`.
    fn section_from_cur(&mut self, rank: u32, title: String) {
        let id = self.push_section(rank, title);
        self.cur.section = Some(id);
        self.flush_held();
        self.emit_cur();
    }

    /// The text of the block under construction.
    pub(crate) fn current_text(&self) -> &str {
        &self.cur.text
    }

    /// Ends the text so far as a title line of `rank` (see
    /// [`is_title_line`]) and goes on with a block of the same kind and
    /// depth for the body beneath it. A title line names a section but
    /// never the document.
    pub(crate) fn end_title_line(&mut self, rank: u32) {
        if self.cur.is_empty() {
            return;
        }
        let (kind, depth) = (self.cur.kind, self.cur.depth);
        self.cur.kind = BlockKind::Heading;
        let title = self.cur.text.trim_end_matches([':', ' ']).to_string();
        self.section_from_cur(rank, title);
        self.cur.kind = kind;
        self.cur.depth = depth;
    }

    fn push_section(&mut self, rank: u32, title: String) -> SectionId {
        while self.stack.last().is_some_and(|&(r, _)| r >= rank) {
            self.stack.pop();
        }
        let parent = self.stack.last().map(|&(_, id)| id);
        let title = match self.titles.get(&title) {
            Some(t) => std::sync::Arc::clone(t),
            None => {
                let t = std::sync::Arc::new(title);
                self.titles.insert(std::sync::Arc::clone(&t));
                t
            }
        };
        let id = self.outline.push(Section {
            title,
            parent,
            rank,
        });
        self.stack.push((rank, id));
        id
    }

    fn current_section(&self) -> Option<SectionId> {
        self.stack.last().map(|&(_, id)| id)
    }

    /// Ends the current block.
    pub(crate) fn end(&mut self) {
        if self.cur.is_empty() {
            self.cur.clear();
            return;
        }
        let kind = self.cur.kind;
        if kind == BlockKind::Heading {
            let rank = numbering::label(&self.cur.text)
                .map_or(RANK_PLAIN_HEADING, |l| RANK_NUMBERED + l.depth);
            self.heading_from_cur(rank);
            return;
        }
        if is_page_marker(&self.cur.text) {
            self.cur.clear();
            return;
        }
        let label = numbering::label(&self.cur.text).filter(|l| {
            matches!(
                l.kind,
                LabelKind::Numeric | LabelKind::Keyword | LabelKind::Roman
            )
        });
        if kind == BlockKind::Paragraph {
            // A paragraph entirely in bold or italics and short, a label with
            // only a title after it, or a short ALL-CAPS title is a heading.
            let bold = self.cur.plain_bytes == 0 && is_bold_title(&self.cur.text);
            let rest = label.map_or("", |l| self.cur.text.get(l.len..).unwrap_or("").trim());
            let labelled_title =
                label.is_some() && numbering::is_title_like(rest) && rest.len() <= 80;
            let caps_title = label.is_none()
                && self.cur.text.len() <= numbering::TITLE_MAX
                && numbering::is_all_caps(&self.cur.text)
                && numbering::is_title_like(&self.cur.text)
                && self.cur.text.split_whitespace().count() <= 10;
            if bold || labelled_title || caps_title {
                let rank = match label {
                    Some(l) => RANK_NUMBERED + l.depth,
                    None if bold => RANK_NUMBERED,
                    None => RANK_PLAIN_HEADING,
                };
                self.cur.kind = BlockKind::Heading;
                self.heading_from_cur(rank);
                return;
            }
        }
        // "(e) Return the Personal Data ...": a paragraph that opens with an
        // item label is an enumeration item.
        if kind == BlockKind::Paragraph
            && numbering::label(&self.cur.text).is_some_and(|l| l.kind == LabelKind::Item)
        {
            self.cur.kind = BlockKind::ListItem;
            self.cur.depth = self.cur.depth.max(1);
            if self.cur.section.is_none() {
                self.cur.section = self.current_section();
            }
            // Held back like a paragraph: a PDF extraction may wrap it.
            self.flush_held();
            std::mem::swap(&mut self.held, &mut self.cur);
            self.has_held = true;
            self.cur.clear();
            self.cur.kind = BlockKind::Paragraph;
            return;
        }
        if let Some(l) = label {
            let title = inline_title(&self.cur.text, l.len);
            let id = self.push_section(RANK_NUMBERED + l.depth, title);
            self.cur.section = Some(id);
        }
        if self.cur.section.is_none() {
            self.cur.section = self.current_section();
        }
        if kind == BlockKind::Paragraph {
            if self.has_held && label.is_none() && self.continues_held() {
                self.join_into_held();
                self.cur.clear();
                return;
            }
            self.flush_held();
            std::mem::swap(&mut self.held, &mut self.cur);
            self.has_held = true;
            self.cur.clear();
            self.cur.kind = kind;
            return;
        }
        self.flush_held();
        self.emit_cur();
    }

    /// Whether the current paragraph continues the held one across a break
    /// a PDF extraction introduced: the held one stops mid-sentence on a
    /// long (wrapped) source line.
    fn continues_held(&self) -> bool {
        if !matches!(self.held.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            return false;
        }
        let ends_open = self
            .held
            .text
            .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*'])
            .chars()
            .last()
            .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';'));
        let src = self
            .src
            .get(self.held.src_start..self.held.src_end)
            .unwrap_or("");
        let last_line = src.rsplit('\n').next().unwrap_or("");
        let wrapped = last_line.trim().chars().count() >= 50;
        let lower_start = self.cur.text.chars().next().is_some_and(char::is_lowercase);
        (ends_open && wrapped) || (lower_start && (ends_open || wrapped))
    }

    fn join_into_held(&mut self) {
        let base = self.held.text.len() + 1;
        self.held.text.push(' ');
        self.held.text.push_str(&self.cur.text);
        self.held
            .pieces
            .extend(self.cur.pieces.iter().map(|p| Piece {
                clean: p.clean + base,
                ..*p
            }));
        self.held.plain_bytes += self.cur.plain_bytes;
        self.held.src_start = self.held.src_start.min(self.cur.src_start);
        self.held.src_end = self.held.src_end.max(self.cur.src_end);
    }

    fn flush_held(&mut self) {
        if self.has_held {
            self.has_held = false;
            self.note_emitted(false);
            Self::emit(&mut self.sink, &self.held);
            self.held.clear();
        }
    }

    /// Remembers the first block for the title.
    fn note_emitted(&mut self, cur: bool) {
        if self.emitted == 0 {
            let text = if cur { &self.cur.text } else { &self.held.text };
            let has_year = text
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4);
            if numbering::is_title_like(text) && text.split_whitespace().count() <= 12 && !has_year
            {
                self.first_text = Some(text.trim_end_matches([':', ' ']).to_string());
            }
        }
        if !self.cur.text.is_empty() || !self.held.text.is_empty() {
            self.emitted += 1;
        }
    }

    /// Records a title from YAML front matter.
    pub(crate) fn metadata_title(&mut self, title: &str) {
        if self.metadata_title.is_none() && !title.trim().is_empty() {
            self.metadata_title = Some(title.trim().to_string());
        }
    }

    fn emit_cur(&mut self) {
        self.note_emitted(true);
        Self::emit(&mut self.sink, &self.cur);
        let kind = self.cur.kind;
        self.cur.clear();
        self.cur.kind = kind;
    }

    fn emit(sink: &mut S, buf: &Buf) {
        if buf.text.is_empty() {
            return;
        }
        sink(&BlockRef {
            kind: buf.kind,
            section: buf.section,
            text: &buf.text,
            pieces: &buf.pieces,
            depth: buf.depth,
        });
    }

    /// Flushes everything and returns the outline.
    pub(crate) fn finish(mut self) -> ParseSummary {
        self.end();
        self.flush_held();
        // Front matter first, then a top-level heading, then a title-like
        // first line, then the first heading.
        let title = self
            .metadata_title
            .or(if self.title_rank <= 1 {
                self.title.clone()
            } else {
                None
            })
            .or(self.first_text)
            .or(self.title);
        ParseSummary {
            outline: self.outline,
            title,
        }
    }
}

/// A bold or italic paragraph short enough to be a title.
fn is_bold_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    text.len() <= 150 && words <= 16 && !text.ends_with(',')
}

/// Longest inline title after a label, in bytes.
const INLINE_TITLE_MAX: usize = 120;

/// "1.1. Client Account. To be able..." -> "1.1. Client Account";
/// "1.1 You may not..." -> "1.1".
fn inline_title(text: &str, label_len: usize) -> String {
    let label = text.get(..label_len).unwrap_or("").trim();
    let rest = text.get(label_len..).unwrap_or("").trim_start();
    // A short capitalised phrase without a verb, ending at the first period.
    if let Some(dot) = rest.find(['.', ':']).filter(|&d| d <= INLINE_TITLE_MAX) {
        if let Some(candidate) = rest.get(..dot) {
            let words = candidate.split_whitespace().count();
            let capitalised = candidate.chars().next().is_some_and(char::is_uppercase);
            if (1..=8).contains(&words) && capitalised && !has_verb(candidate) {
                return format!("{label} {candidate}");
            }
        }
    }
    if numbering::is_title_like(rest) {
        return format!("{label} {rest}");
    }
    label.to_string()
}

/// Longest title line, in bytes, and most words in it.
const TITLE_LINE_MAX: usize = 80;
const TITLE_LINE_WORDS: usize = 12;
/// A first line this short is not a wrapped one: text is wrapped at 60
/// columns or more, and no word is 20 characters long.
const SHORT_TITLE_LINE: usize = 40;

/// Whether `line`, the first line of a block, is a title set on a line of
/// its own above the body (`next` is the source line after it), as in a
/// list item "14. Subcontractors" whose text goes on, without a blank line,
/// with "We may use subcontractors ...". Markdown joins the two lines into
/// one paragraph; read as one sentence, the title would be glued to the
/// first sentence of the body.
///
/// The line must read as a title: a few words, no verb, not ending in a
/// comma or a small word ("of", "and") or a colon after a verb. The next
/// line must start a sentence with a capital letter (after a label of its
/// own, if it has one), and the title must be too short to be a wrapped
/// line: at most 40 characters, or well under the next line's length.
///
/// For example "subcontractors, third party products" above "We may use
/// subcontractors to provide the services." is a title line; "Backups of"
/// above "Customer Data are made daily ..." is not.
pub(crate) fn is_title_line(line: &str, next: &str) -> bool {
    let line = line.trim().trim_end_matches(':');
    let words = line.split_whitespace().count();
    if line.is_empty() || line.len() > TITLE_LINE_MAX || words > TITLE_LINE_WORDS {
        return false;
    }
    let ends_open = line.ends_with([',', ';', ':', '-', '–', '—', '.', '!', '?', '/', '&']);
    let last = line.rsplit(' ').next().unwrap_or("");
    if ends_open || line.contains(':') || numbering::is_small_word(last) || has_verb(line) {
        return false;
    }
    let next = next
        .trim_start_matches([' ', '\t', '>'])
        .trim_start_matches(['*', '_', '"', '“', '[']);
    let next = next.split('\n').next().unwrap_or("").trim_end();
    // The body may open with its own label: "15 Confidentiality" above
    // "15.1 The Customer ...".
    let body = numbering::label(next)
        .and_then(|l| next.get(l.len..))
        .unwrap_or(next)
        .trim_start();
    let capital = body.chars().next().is_some_and(char::is_uppercase);
    let (line_len, next_len) = (line.chars().count(), next.chars().count());
    capital
        && (line_len * 5 <= next_len * 3 || (line_len <= SHORT_TITLE_LINE && next_len > line_len))
}

/// A crude test for a finite verb, enough to tell "Backups" from "We back up".
fn has_verb(s: &str) -> bool {
    const VERBS: &[&str] = &[
        "shall", "will", "may", "must", "is", "are", "was", "were", "can", "has", "have", "agrees",
        "should", "would", "does", "do",
    ];
    s.split_whitespace()
        .any(|w| VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_markers() {
        for s in ["3/18", "3 / 18", "Page 3", "Page 3 of 18", "- 3 -", "12"] {
            assert!(is_page_marker(s), "{s}");
        }
        for s in ["3 days", "Page three", "a/b", "Section 3"] {
            assert!(!is_page_marker(s), "{s}");
        }
    }

    #[test]
    fn inline_titles() {
        assert_eq!(
            inline_title("1.1. Client Account. To be able to", 4),
            "1.1. Client Account"
        );
        assert_eq!(inline_title("1.1 You may not transfer anything.", 3), "1.1");
        assert_eq!(inline_title("7.2 Backups", 3), "7.2 Backups");
        assert_eq!(
            inline_title("2.2. Information related to the Services. OVH makes", 4),
            "2.2. Information related to the Services"
        );
        assert_eq!(inline_title("1.1 We may back up data. More.", 3), "1.1");
    }

    #[test]
    fn whitespace_collapses_and_pieces_map_back() {
        let src = "We  back\n   up\tyour data.";
        let mut blocks = Vec::new();
        let mut b = BlockBuilder::new(src, |r: &BlockRef<'_>| blocks.push(r.to_block()));
        b.begin(BlockKind::ListItem, 1);
        b.text(0..src.len(), false);
        b.end();
        b.finish();
        assert_eq!(blocks.len(), 1);
        let block = &blocks[0];
        assert_eq!(block.text, "We back up your data.");
        let at = block.text.find("up your").unwrap();
        let r = block.src_range(at..at + "up your".len());
        assert_eq!(&src[r], "up\tyour");
        let r = block.src_range(0..block.text.len());
        assert_eq!(r, 0..src.len());
    }
}
