//! Structure of an agreement: blocks of readable text, each with the
//! heading path it sits under and the way back to its source bytes.
//!
//! Two parsers feed one block builder: [`markdown`] (pulldown-cmark's offset
//! iterator) and [`plain`] (our rules for numbered plain-text contracts,
//! including text extracted from PDFs and crawler output with leftover HTML
//! tags). Both can stream blocks to a callback, which is how the analyser
//! uses them (memory stays small for huge inputs), or collect a
//! [`Document`].
//!
//! Offsets in this module are positions in the *normalised* text produced by
//! [`crate::ingest`]; the analyser maps them to raw bytes at the end.

mod builder;
mod html;
pub mod markdown;
mod numbering;
pub mod plain;
pub mod sentence;

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The input format of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark with tables, footnotes and YAML front matter.
    Markdown,
    /// Plain text: numbered headings, hard-wrapped lines, PDF extracts,
    /// crawler output with simple HTML tags.
    Text,
}

impl Format {
    /// The format implied by a file name's extension (`.md`, `.markdown`,
    /// `.txt`, `.text`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// Parses `markdown` / `md` / `text` / `txt` / `plain`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "text" | "txt" | "plain" => Some(Format::Text),
            _ => None,
        }
    }

    /// The name used in reports: `markdown` or `text`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }
}

/// What kind of block a piece of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A heading (Markdown heading, bold title line, numbered or ALL-CAPS
    /// plain-text heading).
    Heading,
    /// A paragraph.
    Paragraph,
    /// An item of a bulleted, numbered or lettered list.
    ListItem,
    /// A table cell.
    TableCell,
    /// A paragraph inside a block quote.
    Quote,
}

/// One contiguous run of a block's clean text and where it came from.
///
/// For an *exact* piece, clean text and source correspond byte for byte
/// from `clean`/`src` onwards; otherwise (a decoded entity, a collapsed
/// run of white space) the whole piece maps to `src..src_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Offset of the piece in the block's clean text.
    pub clean: usize,
    /// Offset in the normalised source where the piece starts.
    pub src: usize,
    /// Offset in the normalised source where a non-exact piece ends.
    pub src_end: usize,
    /// Whether the piece corresponds to its source byte for byte.
    pub exact: bool,
}

/// Identifies a section in an [`Outline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub(crate) u32);

/// One heading or numbered label, with its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading text, white space collapsed (shared by sections with
    /// the same title).
    pub title: std::sync::Arc<String>,
    /// The enclosing section, if any.
    pub parent: Option<SectionId>,
    /// Nesting rank: Markdown heading levels are 1-6, unnumbered plain
    /// headings 50, numbered labels 100 + depth.
    pub rank: u32,
}

/// Every heading and numbered label of a document, as a tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    sections: Vec<Section>,
}

impl Outline {
    /// The section with this id.
    pub fn get(&self, id: SectionId) -> Option<&Section> {
        self.sections.get(id.0 as usize)
    }

    /// Number of sections.
    pub fn len(&self) -> usize {
        self.sections.len()
    }

    /// True when the document has no headings.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    pub(crate) fn push(&mut self, section: Section) -> SectionId {
        let id = SectionId(u32::try_from(self.sections.len()).unwrap_or(u32::MAX));
        self.sections.push(section);
        id
    }

    /// Titles from the outermost section down to `id`.
    pub fn titles(&self, id: Option<SectionId>) -> Vec<&str> {
        let mut out = Vec::new();
        let mut cur = id;
        // The depth is bounded by the number of sections (parents always
        // have smaller ids), so this terminates.
        while let Some(sid) = cur {
            let Some(sec) = self.get(sid) else { break };
            out.push(sec.title.as_str());
            cur = sec.parent.filter(|p| p.0 < sid.0);
        }
        out.reverse();
        out
    }

    /// The heading path of a section, e.g. `"7. Security > 7.2 Backups"`.
    pub fn path(&self, id: Option<SectionId>) -> String {
        self.titles(id).join(" > ")
    }
}

/// A block as the parsers hand it out: borrowed, valid during the callback.
#[derive(Debug, Clone, Copy)]
pub struct BlockRef<'b> {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The innermost section the block belongs to.
    pub section: Option<SectionId>,
    /// The readable text: markup removed, white space collapsed.
    pub text: &'b str,
    /// How the text maps back to the normalised source.
    pub pieces: &'b [Piece],
    /// List nesting depth (0 outside lists).
    pub depth: u16,
}

impl BlockRef<'_> {
    /// The normalised-source range of a range of this block's clean text.
    pub fn src_range(&self, clean: Range<usize>) -> Range<usize> {
        src_range(self.pieces, clean)
    }

    /// An owned copy.
    pub fn to_block(&self) -> Block {
        Block {
            kind: self.kind,
            section: self.section,
            text: self.text.to_string(),
            pieces: self.pieces.to_vec(),
            depth: self.depth,
        }
    }
}

/// An owned block of a collected [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The innermost section the block belongs to.
    pub section: Option<SectionId>,
    /// The readable text: markup removed, white space collapsed.
    pub text: String,
    /// How the text maps back to the normalised source.
    pub pieces: Vec<Piece>,
    /// List nesting depth (0 outside lists).
    pub depth: u16,
}

impl Block {
    /// Borrows this block in the form the parsers stream.
    pub fn as_ref(&self) -> BlockRef<'_> {
        BlockRef {
            kind: self.kind,
            section: self.section,
            text: &self.text,
            pieces: &self.pieces,
            depth: self.depth,
        }
    }

    /// The normalised-source range of a range of this block's clean text.
    pub fn src_range(&self, clean: Range<usize>) -> Range<usize> {
        src_range(&self.pieces, clean)
    }
}

fn piece_at(pieces: &[Piece], pos: usize) -> Option<Piece> {
    let i = pieces.partition_point(|p| p.clean <= pos).checked_sub(1)?;
    pieces.get(i).copied()
}

/// Maps a clean-text range through `pieces` to the normalised source.
pub(crate) fn src_range(pieces: &[Piece], clean: Range<usize>) -> Range<usize> {
    let start = match piece_at(pieces, clean.start) {
        Some(p) if p.exact => p.src + (clean.start - p.clean),
        Some(p) => p.src,
        None => 0,
    };
    let end = if clean.end == 0 {
        start
    } else {
        match piece_at(pieces, clean.end - 1) {
            Some(p) if p.exact => p.src + (clean.end - p.clean),
            Some(p) => p.src_end,
            None => start,
        }
    };
    start..end.max(start)
}

/// A parsed agreement: its blocks in document order and its outline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Blocks in document order.
    pub blocks: Vec<Block>,
    /// Headings and numbered labels.
    pub outline: Outline,
    /// The document's title: its first heading, if it has one.
    pub title: Option<String>,
}

/// What a streaming parse leaves behind besides the blocks.
#[derive(Debug, Clone, Default)]
pub struct ParseSummary {
    /// Headings and numbered labels.
    pub outline: Outline,
    /// The first heading, if any.
    pub title: Option<String>,
}

/// Parses `text` (normalised), calling `sink` for every block in order.
pub fn parse_streaming(
    text: &str,
    format: Format,
    sink: impl FnMut(&BlockRef<'_>),
) -> ParseSummary {
    match format {
        Format::Markdown => markdown::parse(text, sink),
        Format::Text => plain::parse(text, sink),
    }
}

/// Parses `text` (normalised) into a [`Document`].
///
/// # Example
///
/// ```
/// use clausemap::document::{parse, Format, BlockKind};
///
/// let doc = parse("# 7. Security\n\n## 7.2 Backups\n\nWe back up your data daily.\n", Format::Markdown);
/// let para = doc.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).unwrap();
/// assert_eq!(para.text, "We back up your data daily.");
/// assert_eq!(doc.outline.path(para.section), "7. Security > 7.2 Backups");
/// ```
pub fn parse(text: &str, format: Format) -> Document {
    let mut blocks = Vec::new();
    let summary = parse_streaming(text, format, |b| blocks.push(b.to_block()));
    Document {
        blocks,
        outline: summary.outline,
        title: summary.title,
    }
}
