//! Markdown through pulldown-cmark's offset iterator.
//!
//! Headings, paragraphs, list items, table cells and block quotes become
//! blocks. Inline HTML tags, link destinations, image alt text, fenced code
//! and YAML front matter are not sentence text; HTML blocks keep their text
//! with the tags stripped (crawled agreements often arrive that way), and
//! indented "code" is kept as text because PDF extractions indent prose.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::builder::{is_title_line, BlockBuilder, RANK_NUMBERED, RANK_PLAIN_HEADING};
use super::html::{self, Token};
use super::numbering;
use super::{BlockKind, BlockRef, ParseSummary};

/// The pulldown-cmark options clausemap parses with (also used by the
/// benchmarks for the bare-parser baseline).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Parses Markdown, streaming blocks to `sink`.
///
/// pulldown-cmark builds the block tree of its whole input before the
/// first event, about 1.5 bytes per input byte; a huge input is therefore
/// parsed in pieces of about [`CHUNK`] bytes, cut only where a new
/// top-level block must start (see [`chunks`]), so memory stays bounded.
/// Agreements of ordinary size are parsed whole.
pub fn parse(text: &str, sink: impl FnMut(&BlockRef<'_>)) -> ParseSummary {
    parse_in_chunks(text, CHUNK, sink)
}

fn parse_in_chunks(text: &str, size: usize, sink: impl FnMut(&BlockRef<'_>)) -> ParseSummary {
    let mut b = BlockBuilder::new(text, sink);
    for chunk in chunks(text, size) {
        parse_chunk(&mut b, text, chunk);
    }
    b.finish()
}

/// Size of the pieces a huge Markdown input is parsed in.
pub const CHUNK: usize = 4 * 1024 * 1024;

/// Cuts `text` into pieces of at least `size` bytes (the last may be
/// shorter) at places where pulldown-cmark would start a new top-level
/// block anyway: a line that follows a blank line and begins, unindented,
/// with a letter or an ATX heading's `#`, outside fenced code, HTML
/// comments and raw HTML blocks. Such a line closes every open list,
/// quote, table and paragraph, so each piece parses as it would in place.
/// (Reference-style links and footnotes defined in another piece are not
/// resolved; their text is kept.)
///
/// ```
/// use clausemap::document::markdown::chunks;
///
/// let text = "# A\n\n- item\n\n  more\n\nB text\n\n```\n\nC in code\n```\n\nD end\n";
/// let cuts: Vec<_> = chunks(text, 1).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(cuts, ["# A\n\n- item\n\n  more\n\n", "B text\n\n```\n\nC in code\n```\n\n", "D end\n"]);
/// ```
pub fn chunks(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if text.len() <= size {
        out.push(0..text.len());
        return out;
    }
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut line_start = 0;
    let mut previous_blank = false;
    let mut fence: Option<(u8, usize)> = None;
    let mut raw_end: Option<&'static str> = None;
    while line_start < bytes.len() {
        let line_end = memchr::memchr(b'\n', bytes.get(line_start..).unwrap_or(&[]))
            .map_or(bytes.len(), |i| line_start + i + 1);
        let line = text.get(line_start..line_end).unwrap_or("");
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let blank = line.trim().is_empty();
        if let Some(end) = raw_end {
            if line.to_ascii_lowercase().contains(end) {
                raw_end = None;
            }
        } else if let Some((c, n)) = fence {
            let run = trimmed.bytes().take_while(|&b| b == c).count();
            if indent <= 3 && run >= n && trimmed.get(run..).is_some_and(|r| r.trim().is_empty()) {
                fence = None;
            }
        } else {
            let first = trimmed.bytes().next();
            let run = trimmed.bytes().take_while(|&b| Some(b) == first).count();
            let lower = trimmed
                .get(..trimmed.len().min(12))
                .unwrap_or("")
                .to_ascii_lowercase();
            if indent <= 3 && matches!(first, Some(b'`' | b'~')) && run >= 3 {
                fence = first.map(|c| (c, run));
            } else if lower.starts_with("<!--") && !line.contains("-->") {
                raw_end = Some("-->");
            } else if let Some(end) = RAW_HTML
                .iter()
                .find(|(open, _)| lower.starts_with(open))
                .map(|(_, end)| *end)
                .filter(|end| !line.to_ascii_lowercase().contains(end))
            {
                raw_end = Some(end);
            } else if previous_blank
                && indent == 0
                && line_start - start >= size
                && matches!(first, Some(b) if b.is_ascii_alphabetic() || b == b'#')
            {
                out.push(start..line_start);
                start = line_start;
            }
        }
        previous_blank = blank && fence.is_none() && raw_end.is_none();
        line_start = line_end;
    }
    out.push(start..text.len());
    out
}

/// HTML blocks that run until a closing tag, blank lines included.
const RAW_HTML: &[(&str, &str)] = &[
    ("<script", "</script>"),
    ("<pre", "</pre>"),
    ("<style", "</style>"),
    ("<textarea", "</textarea>"),
    ("<?", "?>"),
    ("<![cdata[", "]]>"),
];

/// Parses one piece of `text` into the shared builder.
fn parse_chunk<S: FnMut(&BlockRef<'_>)>(
    b: &mut BlockBuilder<'_, S>,
    text: &str,
    chunk: std::ops::Range<usize>,
) {
    let Some(piece) = text.get(chunk.clone()) else {
        return;
    };
    let base = chunk.start;
    let mut emphasis = 0u32;
    let mut list_depth = 0u16;
    let mut quote_depth = 0u32;
    let mut item_open = 0u32;
    // Text inside these is skipped: metadata, fenced code, images, autolinks.
    let mut skip = 0u32;
    let mut in_html_block = false;
    // Per open link and code block: whether it added to `skip`.
    let mut link_skips: Vec<bool> = Vec::new();
    let mut fenced = false;
    let mut in_metadata = false;
    let mut raw_skips = 0u32;
    // Line breaks so far in the block under construction, and per open
    // list whether it is numbered: for title lines (see `title_break`).
    let mut breaks_in_block = 0u32;
    let mut numbered_lists: Vec<bool> = Vec::new();

    for (event, range) in Parser::new_ext(piece, options()).into_offset_iter() {
        let range = base + range.start..base + range.end;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    let kind = if item_open > 0 {
                        BlockKind::ListItem
                    } else if quote_depth > 0 {
                        BlockKind::Quote
                    } else {
                        BlockKind::Paragraph
                    };
                    if item_open > 0 && !b.is_empty() && b.kind() == BlockKind::ListItem {
                        // A loose item's second paragraph continues the item.
                        b.space();
                    } else {
                        b.begin(kind, list_depth);
                        breaks_in_block = 0;
                    }
                }
                Tag::Heading { .. } => b.begin(BlockKind::Heading, 0),
                Tag::BlockQuote(_) => quote_depth = quote_depth.saturating_add(1),
                Tag::CodeBlock(CodeBlockKind::Indented) => {
                    fenced = false;
                    b.begin(BlockKind::Paragraph, list_depth);
                }
                Tag::CodeBlock(CodeBlockKind::Fenced(_)) => {
                    fenced = true;
                    skip = skip.saturating_add(1);
                }
                Tag::HtmlBlock => {
                    in_html_block = true;
                    b.begin(BlockKind::Paragraph, list_depth);
                }
                Tag::List(first) => {
                    list_depth = list_depth.saturating_add(1);
                    numbered_lists.push(first.is_some());
                }
                Tag::Item => {
                    item_open = item_open.saturating_add(1);
                    b.begin(BlockKind::ListItem, list_depth);
                    breaks_in_block = 0;
                }
                Tag::TableCell => b.begin(BlockKind::TableCell, 0),
                Tag::Emphasis | Tag::Strong => emphasis = emphasis.saturating_add(1),
                Tag::Link { link_type, .. } => {
                    let skipped = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    if skipped {
                        skip = skip.saturating_add(1);
                    }
                    link_skips.push(skipped);
                }
                Tag::Image { .. } => skip = skip.saturating_add(1),
                Tag::MetadataBlock(_) => {
                    in_metadata = true;
                    skip = skip.saturating_add(1);
                }
                Tag::FootnoteDefinition(_) => b.begin(BlockKind::Paragraph, 0),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph if item_open == 0 => b.end(),
                TagEnd::Heading(level) => b.end_heading(level as u32),
                TagEnd::BlockQuote(_) => quote_depth = quote_depth.saturating_sub(1),
                TagEnd::CodeBlock => {
                    if fenced {
                        skip = skip.saturating_sub(1);
                        fenced = false;
                    } else {
                        b.end();
                    }
                }
                TagEnd::HtmlBlock => {
                    in_html_block = false;
                    b.end();
                }
                TagEnd::List(_) => {
                    list_depth = list_depth.saturating_sub(1);
                    numbered_lists.pop();
                }
                TagEnd::Item => {
                    item_open = item_open.saturating_sub(1);
                    b.end();
                }
                TagEnd::TableCell | TagEnd::FootnoteDefinition => b.end(),
                TagEnd::Emphasis | TagEnd::Strong => emphasis = emphasis.saturating_sub(1),
                TagEnd::Link if link_skips.pop() == Some(true) => skip = skip.saturating_sub(1),
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::MetadataBlock(_) => {
                    in_metadata = false;
                    skip = skip.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                if in_metadata {
                    for line in t.lines() {
                        if let Some(v) = line.strip_prefix("title:") {
                            b.metadata_title(v.trim().trim_matches(['"', '\'']));
                        }
                    }
                }
                if skip > 0 {
                    continue;
                }
                push_text(b, text, &t, range, emphasis > 0);
            }
            Event::Html(h) if in_html_block => push_html(b, range.start, &h),
            Event::InlineHtml(tag) => {
                // The content of inline <script> and <style> is not text.
                let t = tag.trim_start().to_ascii_lowercase();
                if t.starts_with("<script") || t.starts_with("<style") {
                    skip = skip.saturating_add(1);
                    raw_skips += 1;
                } else if (t.starts_with("</script") || t.starts_with("</style")) && raw_skips > 0 {
                    skip = skip.saturating_sub(1);
                    raw_skips -= 1;
                }
                // Block-level tags separate words; inline ones (<b>, </span>) do not.
                let name: String = t
                    .trim_start_matches(['<', '/'])
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if matches!(
                    name.as_str(),
                    "br" | "p"
                        | "div"
                        | "li"
                        | "td"
                        | "th"
                        | "tr"
                        | "table"
                        | "hr"
                        | "ul"
                        | "ol"
                        | "section"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                ) {
                    b.space();
                }
            }
            Event::Html(_) => b.space(),
            Event::SoftBreak | Event::HardBreak => {
                breaks_in_block = breaks_in_block.saturating_add(1);
                let first_line = breaks_in_block == 1 && skip == 0 && !in_html_block;
                let numbered = numbered_lists.last() == Some(&true);
                match first_line
                    .then(|| title_break(b, text, range.end, numbered, list_depth))
                    .flatten()
                {
                    Some(rank) => b.end_title_line(rank),
                    None => b.space(),
                }
            }
            _ => {}
        }
    }
}

/// The rank of the section a block's first line opens, if that line is a
/// title set above its body (see [`is_title_line`]); `next` is where the
/// line after it starts. A numbered list item's title ranks as a numbered
/// heading at the list's depth.
fn title_break<S: FnMut(&BlockRef<'_>)>(
    b: &BlockBuilder<'_, S>,
    text: &str,
    next: usize,
    numbered: bool,
    list_depth: u16,
) -> Option<u32> {
    if !matches!(
        b.kind(),
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
    ) {
        return None;
    }
    let line = b.current_text();
    let next_line = text.get(next..).unwrap_or("");
    if !is_title_line(line, next_line) {
        return None;
    }
    // A bare section number ("9 Obligations of the Customer") counts as a
    // label on a title line.
    let bare_number = line
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()));
    Some(match numbering::label(line) {
        Some(l) => RANK_NUMBERED + l.depth,
        None if bare_number => RANK_NUMBERED + 1,
        None if numbered && b.kind() == BlockKind::ListItem => {
            RANK_NUMBERED + u32::from(list_depth.max(1))
        }
        None => RANK_PLAIN_HEADING,
    })
}

/// Appends a text event: exact when the event is a slice of the source.
fn push_text<S: FnMut(&BlockRef<'_>)>(
    b: &mut BlockBuilder<'_, S>,
    src: &str,
    t: &str,
    range: std::ops::Range<usize>,
    emphasised: bool,
) {
    let Some(raw) = src.get(range.clone()) else {
        return;
    };
    if raw == t {
        b.text(range, emphasised);
    } else if let Some(off) = raw.find(t).filter(|_| !t.is_empty()) {
        // Inline code: the text sits inside its backticks.
        b.text(range.start + off..range.start + off + t.len(), emphasised);
    } else if let Some(off) = find_spaced(raw, t) {
        // Inline code over several lines: its line endings became spaces.
        b.text(range.start + off..range.start + off + t.len(), emphasised);
    } else if let Some(inner) = code_words(raw, t) {
        // Inline code whose white space changed length ("\r\n\t" became
        // one space): the same words, read from the source so that every
        // word maps back exactly.
        b.text(
            range.start + inner.start..range.start + inner.end,
            emphasised,
        );
    } else {
        b.replaced(t, range, emphasised);
    }
}

/// The range of `raw` inside its backticks, if it holds the same words as
/// `t` and differs only in white space.
fn code_words(raw: &str, t: &str) -> Option<std::ops::Range<usize>> {
    let start = raw.len() - raw.trim_start_matches('`').len();
    let end = raw.trim_end_matches('`').len().max(start);
    let inner = raw.get(start..end)?;
    (!t.trim().is_empty() && inner.split_whitespace().eq(t.split_whitespace()))
        .then_some(start..end)
}

/// Where `t` sits in `raw` (within the first few bytes, past a run of
/// backticks) if the two differ only in which white space they hold.
fn find_spaced(raw: &str, t: &str) -> Option<usize> {
    const MAX_OFFSET: usize = 32;
    let (raw, t) = (raw.as_bytes(), t.as_bytes());
    let last = raw.len().checked_sub(t.len())?.min(MAX_OFFSET);
    (0..=last).find(|&off| {
        raw.get(off..off + t.len()).is_some_and(|window| {
            window
                .iter()
                .zip(t)
                .all(|(a, b)| a == b || (is_space(*a) && is_space(*b)))
        })
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Appends an HTML block line: text runs and entities, tags as breaks.
fn push_html<S: FnMut(&BlockRef<'_>)>(b: &mut BlockBuilder<'_, S>, base: usize, h: &str) {
    html::tokens(h, |tok| match tok {
        Token::Text(s, e) => b.text(base + s..base + e, false),
        Token::Entity(c, s, e) => {
            let mut buf = [0u8; 4];
            b.replaced(c.encode_utf8(&mut buf), base + s..base + e, false);
        }
        Token::Break { item } => {
            b.end();
            b.begin(
                if item {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                },
                0,
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::document::{parse, BlockKind, Format};

    /// A code span over several lines maps back word for word, not to its
    /// opening backticks.
    #[test]
    fn code_spans_over_lines_map_back_exactly() {
        let src = "Intro ``we back\nup  data`` daily.\n";
        let doc = parse(src, Format::Markdown);
        let block = &doc.blocks[0];
        assert_eq!(block.text, "Intro we back up data daily.");
        let at = block.text.find("up").unwrap();
        let r = block.src_range(at..at + 2);
        assert_eq!(&src[r], "up");
        let at = block.text.find("we").unwrap();
        assert_eq!(block.src_range(at..at + 2).start, src.find("we").unwrap());
    }

    /// Parsing in pieces gives the blocks, outline and title of parsing
    /// whole: our own agreements, one after another, cut every few KiB.
    #[test]
    fn pieces_parse_as_the_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        names.sort();
        let text: String = names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap() + "\n")
            .collect();
        let collect = |size: usize| {
            let mut blocks = Vec::new();
            let summary = super::parse_in_chunks(&text, size, |b| blocks.push(b.to_block()));
            (blocks, summary.outline, summary.title)
        };
        let pieces = super::chunks(&text, 4096);
        assert!(pieces.len() > 10, "{}", pieces.len());
        assert_eq!(pieces.first().map(|r| r.start), Some(0));
        assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(collect(4096), collect(usize::MAX));
    }

    fn md(s: &str) -> crate::document::Document {
        parse(s, Format::Markdown)
    }

    #[test]
    fn headings_paths_and_blocks() {
        let doc = md(
            "# Terms\n\n## 7. Security\n\n### 7.2 Backups\n\nWe *back up* data.\n\n- one\n- two\n",
        );
        let kinds: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Terms"),
                (BlockKind::Heading, "7. Security"),
                (BlockKind::Heading, "7.2 Backups"),
                (BlockKind::Paragraph, "We back up data."),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
            ]
        );
        assert_eq!(
            doc.outline.path(doc.blocks[3].section),
            "Terms > 7. Security > 7.2 Backups"
        );
        assert_eq!(doc.title.as_deref(), Some("Terms"));
    }

    #[test]
    fn markup_urls_front_matter_and_html_are_not_text() {
        let src = "---\ntitle: X\n---\n\nSee [our page](https://example.com/sec) and <https://x.y>.\nA <b>bold</b> word &amp; more.\n";
        let doc = md(src);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["See our page and . A bold word & more."]);
        let b = &doc.blocks[0];
        let at = b.text.find("& more").unwrap();
        let r = b.src_range(at..at + "& more".len());
        assert_eq!(&src[r], "&amp; more");
    }

    #[test]
    fn title_lines_above_their_body_become_sections() {
        // A numbered item's title with its body on the next line, a bare
        // section number above a labelled clause, and a title with a hard
        // break: each title names a section and stays out of the sentence.
        let doc = md("14. subcontractors, third party products\nWe may use subcontractors to provide the services.\n\n15 Confidentiality\n15.1 The Customer shall keep our secrets confidential.\n\nData Location  \nYour data stays in the EU at all times, in our own data centres.\n");
        let texts: Vec<(&str, String)> = doc
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), doc.outline.path(b.section)))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "subcontractors, third party products",
                    "subcontractors, third party products".to_string()
                ),
                (
                    "We may use subcontractors to provide the services.",
                    "subcontractors, third party products".to_string()
                ),
                ("15 Confidentiality", "15 Confidentiality".to_string()),
                (
                    "15.1 The Customer shall keep our secrets confidential.",
                    "15 Confidentiality > 15.1".to_string()
                ),
                ("Data Location", "Data Location".to_string()),
                (
                    "Your data stays in the EU at all times, in our own data centres.",
                    "Data Location".to_string()
                ),
            ]
        );
        // Every block still maps back to its bytes in the source.
        let src = "14. subcontractors, third party products\nWe may use subcontractors to provide the services.\n";
        let doc = md(src);
        let body = &doc.blocks[1];
        let r = body.src_range(0..body.text.len());
        assert_eq!(
            &src[r],
            "We may use subcontractors to provide the services."
        );
    }

    #[test]
    fn wrapped_lines_are_not_title_lines() {
        // A hard-wrapped paragraph, a line ending in a small word or a comma,
        // a verb in the first line, a lower-case continuation.
        for src in [
            "Availability, integrity and confidentiality of all hosted Customer\nData are the concern of the provider under this agreement at all times.\n",
            "Backups of\nCustomer Data are made daily by the provider at night.\n",
            "Provider will keep\nCustomer Data in the EU at all times and in all cases.\n",
            "Backups, encryption\nand access control are all described in the security annex here.\n",
            "Data location\nis chosen by the customer when it creates an account with us.\n",
        ] {
            let doc = md(src);
            assert_eq!(doc.blocks.len(), 1, "{src:?} was split");
        }
    }

    #[test]
    fn bold_lines_and_inline_labels_become_sections() {
        let doc = md("**1. Provision of the Services.**\n\n1.1 _Services Use._ Provider will provide the Services.\n\n(a) Accounts. Customer must keep passwords.\n");
        let last = doc.blocks.last().unwrap();
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(
            doc.outline.path(last.section),
            "1. Provision of the Services. > 1.1 Services Use"
        );
    }

    #[test]
    fn table_cells_and_quotes() {
        let doc =
            md("| Name | Location |\n|---|---|\n| Acme | Ireland |\n\n> We will notify you.\n");
        let cells: Vec<_> = doc
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::TableCell)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(cells, vec!["Name", "Location", "Acme", "Ireland"]);
        assert!(doc
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Quote && b.text == "We will notify you."));
    }

    #[test]
    fn pdf_wrapped_paragraphs_are_rejoined_and_page_markers_dropped() {
        let src = "The purpose of these terms is to define the conditions for the provision\n\n2/18\n\nand use of the Services.\n\nShort line\n\nNext paragraph.\n";
        let doc = md(src);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The purpose of these terms is to define the conditions for the provision and use of the Services.",
                "Short line",
                "Next paragraph."
            ]
        );
        let b = &doc.blocks[0];
        let r = b.src_range(0..b.text.len());
        assert_eq!(r, 0..src.find("Services.").unwrap() + "Services.".len());
    }

    #[test]
    fn html_blocks_keep_text() {
        let doc = md("<p>We back up data.</p>\n<p>Second</p>\n");
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["We back up data.", "Second"]);
    }

    #[test]
    fn nested_list_items_are_separate_blocks() {
        let doc = md("- Provider shall:\n  - back up data;\n  - restore it.\n");
        let items: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.depth))
            .collect();
        assert_eq!(
            items,
            vec![
                ("Provider shall:", 1),
                ("back up data;", 2),
                ("restore it.", 2)
            ]
        );
    }
}
