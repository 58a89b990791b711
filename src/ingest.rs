//! Bytes to text: byte order marks, UTF-16, invalid UTF-8, binary
//! detection, and the small normalisations that keep matching robust.
//!
//! The decoded text is *normalised* so that later stages never trip over
//! invisible characters: CRLF and lone CR become LF, soft hyphens (U+00AD)
//! and zero-width characters (U+200B..U+200D, U+2060, U+FEFF) are dropped,
//! and non-breaking spaces (U+00A0, U+2007, U+202F) become plain spaces.
//! An [`OffsetMap`] carries every position of the normalised text back to
//! the byte offset in the input exactly as read, which is what reports cite.
//!
//! Valid UTF-8 that needs none of this is borrowed, not copied.

use std::borrow::Cow;
use std::ops::Range;

use crate::error::{Error, Result};

/// Limits applied to untrusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs larger than this many bytes are refused with
    /// [`Error::TooLarge`]. Default: 64 MiB.
    pub max_input_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The character encoding an input was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark (stripped).
    Utf8Bom,
    /// UTF-16 little endian, with a byte order mark.
    Utf16Le,
    /// UTF-16 big endian, with a byte order mark.
    Utf16Be,
}

/// How one segment of the normalised text relates to the raw bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SegKind {
    /// One normalised byte per raw byte.
    Exact,
    /// One normalised (ASCII) byte per two raw bytes: UTF-16 ASCII runs.
    Wide,
    /// One replaced character: its positions all map to the start of its
    /// raw bytes, and its end to the end of them.
    Opaque,
}

/// Where a segment starts in the normalised and the raw text, and how it
/// relates to the raw bytes; 16 bytes (the kind rides in the top bits of
/// the raw offset), since a CRLF file has one segment per line.
#[derive(Debug, Clone, Copy)]
struct Seg {
    norm: u64,
    raw_kind: u64,
}

const KIND_SHIFT: u32 = 62;
const RAW_MASK: u64 = (1 << KIND_SHIFT) - 1;

impl Seg {
    fn new(norm: usize, raw: usize, kind: SegKind) -> Seg {
        let kind_bits: u64 = match kind {
            SegKind::Exact => 0,
            SegKind::Wide => 1,
            SegKind::Opaque => 2,
        };
        Seg {
            norm: norm as u64,
            raw_kind: (raw as u64 & RAW_MASK) | (kind_bits << KIND_SHIFT),
        }
    }

    fn norm(self) -> usize {
        self.norm as usize
    }

    fn raw(self) -> usize {
        (self.raw_kind & RAW_MASK) as usize
    }

    fn kind(self) -> SegKind {
        match self.raw_kind >> KIND_SHIFT {
            0 => SegKind::Exact,
            1 => SegKind::Wide,
            _ => SegKind::Opaque,
        }
    }
}

/// Maps byte positions of the normalised text back to byte positions of the
/// raw input. Between recorded segments the relation is piecewise linear.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segs: Vec<Seg>,
    raw_len: usize,
}

impl OffsetMap {
    fn seg_index(&self, pos: usize) -> Option<usize> {
        self.segs
            .partition_point(|s| s.norm() <= pos)
            .checked_sub(1)
    }

    fn seg(&self, i: usize) -> Option<Seg> {
        self.segs.get(i).copied()
    }

    /// The raw byte offset where the normalised character at `pos` starts.
    pub fn raw_start(&self, pos: usize) -> usize {
        let Some(seg) = self.seg_index(pos).and_then(|i| self.seg(i)) else {
            return pos.min(self.raw_len);
        };
        let off = pos - seg.norm();
        let raw = match seg.kind() {
            SegKind::Exact => seg.raw() + off,
            SegKind::Wide => seg.raw() + 2 * off,
            SegKind::Opaque => seg.raw(),
        };
        raw.min(self.raw_len)
    }

    /// The raw byte offset just past the normalised character that ends at
    /// `end` (exclusive).
    pub fn raw_end(&self, end: usize) -> usize {
        if end == 0 {
            return self.raw_start(0);
        }
        let Some(i) = self.seg_index(end - 1) else {
            return end.min(self.raw_len);
        };
        let Some(seg) = self.seg(i) else {
            return end.min(self.raw_len);
        };
        let off = end - seg.norm();
        let raw = match seg.kind() {
            SegKind::Exact => seg.raw() + off,
            SegKind::Wide => seg.raw() + 2 * off,
            SegKind::Opaque => self.seg(i + 1).map_or(self.raw_len, |next| next.raw()),
        };
        raw.min(self.raw_len)
    }

    /// The raw byte range of a range of the normalised text.
    pub fn raw_range(&self, norm: Range<usize>) -> Range<usize> {
        let start = self.raw_start(norm.start);
        let end = self.raw_end(norm.end).max(start);
        start..end
    }
}

/// Records segments while text is being normalised.
struct MapBuilder {
    segs: Vec<Seg>,
}

impl MapBuilder {
    fn new() -> MapBuilder {
        MapBuilder { segs: Vec::new() }
    }

    /// Normalised position `norm` continues at raw position `raw` with
    /// the given relation, starting a new segment only when needed.
    fn at(&mut self, norm: usize, raw: usize, kind: SegKind) {
        if kind != SegKind::Opaque {
            if let Some(last) = self.segs.last() {
                let expected = match last.kind() {
                    SegKind::Exact => Some(last.raw() + (norm - last.norm())),
                    SegKind::Wide => Some(last.raw() + 2 * (norm - last.norm())),
                    SegKind::Opaque => None,
                };
                if last.kind() == kind && expected == Some(raw) {
                    return;
                }
            } else if kind == SegKind::Exact && norm == raw {
                // Identity so far: no segment needed.
                return;
            }
        }
        self.segs.push(Seg::new(norm, raw, kind));
    }

    fn finish(self, raw_len: usize) -> OffsetMap {
        OffsetMap {
            segs: self.segs,
            raw_len,
        }
    }
}

/// Decoded, normalised text with the way back to the raw bytes.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
    encoding: Encoding,
    raw_len: usize,
    replaced: usize,
}

impl<'a> Text<'a> {
    /// The same text, owning its characters.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: Cow::Owned(self.text.into_owned()),
            map: self.map,
            encoding: self.encoding,
            raw_len: self.raw_len,
            replaced: self.replaced,
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The offset map from normalised positions to raw byte offsets.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The encoding the input was read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Length of the raw input in bytes.
    pub fn raw_len(&self) -> usize {
        self.raw_len
    }

    /// How many invalid byte sequences (or unpaired UTF-16 surrogates) were
    /// replaced with U+FFFD.
    pub fn replaced(&self) -> usize {
        self.replaced
    }

    /// Warnings a report should carry about this input.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.replaced > 0 {
            let what = match self.encoding {
                Encoding::Utf16Le | Encoding::Utf16Be => "unpaired UTF-16 surrogates",
                Encoding::Utf8 | Encoding::Utf8Bom => "invalid UTF-8 sequences",
            };
            out.push(format!(
                "replaced {} {what} with U+FFFD; cited byte ranges still point into the file as read",
                self.replaced
            ));
        }
        out
    }
}

/// 1-based line numbers of sorted normalised positions, in one pass.
pub fn lines_of(text: &str, positions: &[usize]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| positions.get(i).copied().unwrap_or(0));
    let mut out = vec![1; positions.len()];
    let mut line = 1usize;
    let mut at = 0usize;
    for i in order {
        let pos = positions.get(i).copied().unwrap_or(0).min(bytes.len());
        if pos > at {
            line += memchr::memchr_iter(b'\n', bytes.get(at..pos).unwrap_or(&[])).count();
            at = pos;
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = line;
        }
    }
    out
}

/// [`Error::TooLarge`] if `len` bytes are over the input limit.
fn within_limit(path: &str, len: usize, limits: &Limits) -> Result<()> {
    let size = len as u64;
    if size > limits.max_input_bytes {
        return Err(Error::TooLarge {
            path: path.to_string(),
            size,
            limit: limits.max_input_bytes,
        });
    }
    Ok(())
}

/// Decodes and normalises `bytes`, named `path` in errors.
///
/// # Errors
///
/// [`Error::TooLarge`] over the limit, [`Error::Binary`] for NUL bytes in
/// input that is not UTF-16 with a byte order mark, [`Error::Encoding`] for
/// UTF-16 of odd length.
pub fn decode<'a>(path: &str, bytes: &'a [u8], limits: &Limits) -> Result<Text<'a>> {
    within_limit(path, bytes.len(), limits)?;
    match bytes {
        [0xFF, 0xFE, rest @ ..] => decode_utf16(path, rest, bytes.len(), false),
        [0xFE, 0xFF, rest @ ..] => decode_utf16(path, rest, bytes.len(), true),
        _ => decode_utf8(path, bytes),
    }
}

/// [`decode`] for bytes the caller hands over: valid UTF-8 is normalised
/// in place, so a huge input is never held twice. (UTF-16 and invalid
/// UTF-8 are decoded into a new buffer, then the old one is freed.)
///
/// # Errors
///
/// Those of [`decode`].
///
/// ```
/// use clausemap::ingest::{decode_owned, Limits};
///
/// let text = decode_owned("a.txt", b"back\xC2\xADup\r\n".to_vec(), &Limits::default())?;
/// assert_eq!(text.as_str(), "backup\n");
/// assert_eq!(text.map().raw_range(4..6), 6..8);
/// # Ok::<(), clausemap::Error>(())
/// ```
pub fn decode_owned(path: &str, mut bytes: Vec<u8>, limits: &Limits) -> Result<Text<'static>> {
    within_limit(path, bytes.len(), limits)?;
    if matches!(bytes.as_slice(), [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        return decode(path, &bytes, limits).map(Text::into_owned);
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            path: path.to_string(),
            offset,
        });
    }
    let (base, encoding) = match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => (3, Encoding::Utf8Bom),
        _ => (0, Encoding::Utf8),
    };
    let raw_len = bytes.len();
    let normalise = match std::str::from_utf8(bytes.get(base..).unwrap_or(&[])) {
        Ok(s) => needs_normalising(s),
        Err(_) => return decode(path, &bytes, limits).map(Text::into_owned),
    };
    bytes.drain(..base);
    let mut map = MapBuilder::new();
    if normalise {
        normalise_in_place(&mut bytes, base, &mut map);
    } else {
        map.at(0, base, SegKind::Exact);
    }
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(Text {
        text: Cow::Owned(text),
        map: map.finish(raw_len),
        encoding,
        raw_len,
        replaced: 0,
    })
}

/// [`normalise_into`] over a buffer of valid UTF-8 (which starts at raw
/// offset `raw_base`), rewriting it in place: every change replaces a
/// character with a shorter one or drops it, so writing never overtakes
/// reading.
fn normalise_in_place(buf: &mut Vec<u8>, raw_base: usize, map: &mut MapBuilder) {
    let len = buf.len();
    let mut write = 0;
    let mut copied_to = 0;
    let mut read = 0;
    while let Some(at) = buf
        .get(read..)
        .and_then(|rest| {
            rest.iter()
                .position(|&b| matches!(b, b'\r' | 0xC2 | 0xE2 | 0xEF))
        })
        .map(|off| read + off)
    {
        let width = match buf.get(at) {
            Some(b'\r') => 1,
            Some(0xC2) => 2,
            _ => 3,
        };
        let c = buf
            .get(at..at + width)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next());
        let next = buf.get(at + 1).map(|&b| char::from(b));
        let action = c.map_or(Norm::Keep, |c| norm_char(c, next));
        if matches!(action, Norm::Keep) {
            read = at + 1;
            continue;
        }
        // Move the unchanged run before this character into place.
        map.at(write, raw_base + copied_to, SegKind::Exact);
        buf.copy_within(copied_to..at, write);
        write += at - copied_to;
        if let Norm::Replace(r) = action {
            let kind = if width == r.len_utf8() {
                SegKind::Exact
            } else {
                SegKind::Opaque
            };
            map.at(write, raw_base + at, kind);
            // Every replacement is one ASCII character.
            if let (Some(slot), Ok(byte)) = (buf.get_mut(write), u8::try_from(r)) {
                *slot = byte;
                write += 1;
            }
        }
        copied_to = at + width;
        read = copied_to;
        map.at(write, raw_base + copied_to, SegKind::Exact);
    }
    if copied_to < len {
        map.at(write, raw_base + copied_to, SegKind::Exact);
        buf.copy_within(copied_to..len, write);
        write += len - copied_to;
    }
    buf.truncate(write);
}

fn decode_utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<Text<'a>> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            path: path.to_string(),
            offset,
        });
    }
    let (body, base, encoding) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (rest, 3, Encoding::Utf8Bom),
        _ => (bytes, 0, Encoding::Utf8),
    };
    if let Ok(s) = std::str::from_utf8(body) {
        if !needs_normalising(s) {
            let mut map = MapBuilder::new();
            map.at(0, base, SegKind::Exact);
            return Ok(Text {
                text: Cow::Borrowed(s),
                map: map.finish(bytes.len()),
                encoding,
                raw_len: bytes.len(),
                replaced: 0,
            });
        }
    }
    let mut out = String::with_capacity(body.len());
    let mut map = MapBuilder::new();
    let mut replaced = 0;
    let mut raw = base;
    for chunk in body.utf8_chunks() {
        normalise_into(chunk.valid(), raw, &mut out, &mut map);
        raw += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            map.at(out.len(), raw, SegKind::Opaque);
            out.push('\u{FFFD}');
            replaced += 1;
            raw += invalid.len();
            map.at(out.len(), raw, SegKind::Exact);
        }
    }
    Ok(Text {
        text: Cow::Owned(out),
        map: map.finish(bytes.len()),
        encoding,
        raw_len: bytes.len(),
        replaced,
    })
}

/// What normalisation does with one character.
enum Norm {
    Keep,
    Drop,
    Replace(char),
}

fn norm_char(c: char, next: Option<char>) -> Norm {
    match c {
        '\r' if next == Some('\n') => Norm::Drop,
        '\r' | '\u{2028}' | '\u{2029}' => Norm::Replace('\n'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Norm::Drop,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => Norm::Replace(' '),
        _ => Norm::Keep,
    }
}

/// True when `s` holds anything [`norm_char`] would change.
fn needs_normalising(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr3(b'\r', 0xC2, 0xE2, rest))
    {
        let at = i + off;
        match bytes.get(at..at + 3) {
            Some([b'\r', ..]) => return true,
            Some([0xC2, 0xA0 | 0xAD, ..]) => return true,
            Some([0xE2, 0x80, 0x87 | 0x8B | 0x8C | 0x8D | 0xA8 | 0xA9 | 0xAF]) => return true,
            Some([0xE2, 0x81, 0xA0]) => return true,
            _ => {}
        }
        if bytes.get(at) == Some(&b'\r') {
            return true;
        }
        i = at + 1;
    }
    memchr::memmem::find(bytes, "\u{FEFF}".as_bytes()).is_some()
}

/// Appends the normalised form of `valid` (which starts at raw offset
/// `raw_base`) to `out`, recording offsets in `map`.
fn normalise_into(valid: &str, raw_base: usize, out: &mut String, map: &mut MapBuilder) {
    let mut copied_to = 0; // bytes of `valid` already appended
    let mut chars = valid.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let action = norm_char(c, next);
        if matches!(action, Norm::Keep) {
            continue;
        }
        // Flush the unchanged run before this character.
        if let Some(run) = valid.get(copied_to..i) {
            map.at(out.len(), raw_base + copied_to, SegKind::Exact);
            out.push_str(run);
        }
        let width = c.len_utf8();
        match action {
            Norm::Drop | Norm::Keep => {}
            Norm::Replace(r) => {
                let kind = if width == r.len_utf8() {
                    SegKind::Exact
                } else {
                    SegKind::Opaque
                };
                map.at(out.len(), raw_base + i, kind);
                out.push(r);
            }
        }
        copied_to = i + width;
        map.at(out.len(), raw_base + copied_to, SegKind::Exact);
    }
    if let Some(run) = valid.get(copied_to..) {
        if !run.is_empty() {
            map.at(out.len(), raw_base + copied_to, SegKind::Exact);
            out.push_str(run);
        }
    }
}

fn decode_utf16<'a>(path: &str, body: &[u8], raw_len: usize, big_endian: bool) -> Result<Text<'a>> {
    if body.len() % 2 != 0 {
        return Err(Error::Encoding {
            path: path.to_string(),
            message: format!(
                "UTF-16 input has an odd number of bytes ({}); the file is truncated or not UTF-16",
                raw_len
            ),
        });
    }
    let units = body.chunks_exact(2).map(|pair| match pair {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let decoded: Vec<(char, usize, bool)> = {
        // (char, raw length, was a replacement)
        let mut v = Vec::with_capacity(body.len() / 2);
        for r in char::decode_utf16(units) {
            match r {
                Ok(c) => v.push((c, c.len_utf16() * 2, false)),
                Err(_) => v.push(('\u{FFFD}', 2, true)),
            }
        }
        v
    };
    let mut out = String::with_capacity(decoded.len());
    let mut map = MapBuilder::new();
    let mut raw = 2; // after the BOM
    let mut replaced = 0;
    for (idx, &(c, raw_width, was_bad)) in decoded.iter().enumerate() {
        if c == '\0' {
            return Err(Error::Binary {
                path: path.to_string(),
                offset: raw,
            });
        }
        replaced += usize::from(was_bad);
        let next = decoded.get(idx + 1).map(|&(n, _, _)| n);
        let emitted = match norm_char(c, next) {
            Norm::Drop => None,
            Norm::Replace(r) => Some(r),
            Norm::Keep => Some(c),
        };
        if let Some(e) = emitted {
            let kind = if e.is_ascii() && raw_width == 2 {
                SegKind::Wide
            } else {
                SegKind::Opaque
            };
            map.at(out.len(), raw, kind);
            out.push(e);
        }
        raw += raw_width;
        if emitted.is_some_and(|e| !e.is_ascii()) {
            map.at(out.len(), raw, SegKind::Wide);
        }
    }
    Ok(Text {
        text: Cow::Owned(out),
        map: map.finish(raw_len),
        encoding: if big_endian {
            Encoding::Utf16Be
        } else {
            Encoding::Utf16Le
        },
        raw_len,
        replaced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Text<'_> {
        decode("t", bytes, &Limits::default()).unwrap()
    }

    /// Normalising in place gives the text, warnings and offsets of
    /// normalising into a new buffer.
    #[test]
    fn owned_decoding_matches_borrowed() {
        let mut inputs: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"plain".to_vec(),
            b"a\r\nb\rc\n".to_vec(),
            "\u{FEFF}BOM then back\u{AD}up and\u{A0}nbsp\u{2028}line\u{200B}x\u{2060}y\u{202F}z\u{2007}w\u{FEFF}".into(),
            "caf\u{E9} \u{201C}quoted\u{201D} \u{2014} \u{20AC}5 \u{FB01}".into(),
            b"bad \xFF byte\r\n".to_vec(),
            b"\xFF\xFEa\x00b\x00".to_vec(),
            b"\xEF\xBB\xBF\r\n\r\n".to_vec(),
            b"\r".to_vec(),
        ];
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for e in std::fs::read_dir(corpus).unwrap() {
            let path = e.unwrap().path();
            if path.is_file() {
                inputs.push(std::fs::read(path).unwrap());
            }
        }
        for raw in inputs {
            let borrowed = dec(&raw);
            let owned = decode_owned("t", raw.clone(), &Limits::default()).unwrap();
            assert_eq!(owned.as_str(), borrowed.as_str(), "{raw:?}");
            assert_eq!(owned.warnings(), borrowed.warnings());
            assert_eq!(owned.raw_len(), borrowed.raw_len());
            for i in 0..=owned.as_str().len() {
                let n = owned.as_str().len();
                assert_eq!(owned.map().raw_range(i..n), borrowed.map().raw_range(i..n));
                assert_eq!(owned.map().raw_range(0..i), borrowed.map().raw_range(0..i));
            }
        }
    }

    /// Every character of the normalised text maps to raw bytes that decode
    /// (after normalisation) to the same character.
    fn assert_roundtrip(raw: &[u8], text: &Text<'_>) {
        let s = text.as_str();
        for (i, c) in s.char_indices() {
            let r = text.map().raw_range(i..i + c.len_utf8());
            assert!(
                r.start <= r.end && r.end <= raw.len(),
                "{c:?} at {i}: {r:?}"
            );
            if text.encoding() == Encoding::Utf8 || text.encoding() == Encoding::Utf8Bom {
                let piece = String::from_utf8_lossy(&raw[r.clone()]);
                let piece = piece.replace("\r\n", "\n").replace('\r', "\n");
                let piece = piece.replace('\u{a0}', " ");
                assert_eq!(piece, c.to_string(), "char {c:?} at {i} -> {r:?}");
            }
        }
    }

    #[test]
    fn plain_utf8_is_borrowed_and_identity() {
        let raw = "We back up data.\nDaily.".as_bytes();
        let t = dec(raw);
        assert!(matches!(t.text, Cow::Borrowed(_)));
        assert_eq!(t.map().raw_range(3..7), 3..7);
        assert_roundtrip(raw, &t);
    }

    #[test]
    fn bom_is_stripped_and_offsets_shift() {
        let raw = b"\xEF\xBB\xBFbackup";
        let t = dec(raw);
        assert_eq!(t.as_str(), "backup");
        assert_eq!(t.encoding(), Encoding::Utf8Bom);
        assert_eq!(t.map().raw_range(0..6), 3..9);
    }

    #[test]
    fn crlf_soft_hyphen_zero_width_and_nbsp_are_normalised() {
        let raw = "We back\u{00AD}up\r\nyour\u{00A0}da\u{200B}ta.\rOk".as_bytes();
        let t = dec(raw);
        assert_eq!(t.as_str(), "We backup\nyour data.\nOk");
        let s = t.as_str();
        let at = s.find("backup").unwrap();
        let r = t.map().raw_range(at..at + 6);
        assert_eq!(&raw[r], "back\u{00AD}up".as_bytes());
        let at = s.find("data").unwrap();
        let r = t.map().raw_range(at..at + 4);
        assert_eq!(&raw[r], "da\u{200B}ta".as_bytes());
        let at = s.find("your data").unwrap();
        let r = t.map().raw_range(at..at + 9);
        assert_eq!(&raw[r], "your\u{00A0}da\u{200B}ta".as_bytes());
        assert_roundtrip(raw, &t);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let raw = b"ok \xFF\xFE then more";
        let t = dec(raw);
        assert_eq!(t.replaced(), 2);
        assert!(t.as_str().contains('\u{FFFD}'));
        let at = t.as_str().find("then").unwrap();
        let r = t.map().raw_range(at..at + 4);
        assert_eq!(&raw[r], b"then");
        assert_eq!(t.warnings().len(), 1);
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode("x.bin", b"abc\0def", &Limits::default()).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 3, .. }));
    }

    #[test]
    fn size_limit_is_enforced() {
        let limits = Limits { max_input_bytes: 4 };
        let err = decode("big.md", b"12345", &limits).unwrap_err();
        assert!(matches!(
            err,
            Error::TooLarge {
                size: 5,
                limit: 4,
                ..
            }
        ));
    }

    fn utf16(s: &str, be: bool) -> Vec<u8> {
        let mut v = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            v.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    }

    #[test]
    fn utf16_both_endians_map_back() {
        for be in [false, true] {
            let src = "Acme backs up “data” daily\r\nÉtat";
            let raw = utf16(src, be);
            let t = dec(&raw);
            assert_eq!(t.as_str(), "Acme backs up “data” daily\nÉtat");
            let s = t.as_str();
            let at = s.find("“data”").unwrap();
            let r = t.map().raw_range(at..at + "“data”".len());
            let units: Vec<u16> = raw[r]
                .chunks(2)
                .map(|p| {
                    if be {
                        u16::from_be_bytes([p[0], p[1]])
                    } else {
                        u16::from_le_bytes([p[0], p[1]])
                    }
                })
                .collect();
            assert_eq!(String::from_utf16(&units).unwrap(), "“data”");
            let at = s.find("État").unwrap();
            let r = t.map().raw_range(at..at + "État".len());
            assert_eq!(r.end, raw.len());
            assert_eq!(r.len(), 8);
        }
    }

    #[test]
    fn utf16_odd_length_is_an_error() {
        let err = decode("odd.txt", &[0xFF, 0xFE, 0x41], &Limits::default()).unwrap_err();
        assert_eq!(err.kind(), "encoding");
    }

    #[test]
    fn lines_are_counted_for_unsorted_positions() {
        let s = "a\nb\nc\nd";
        assert_eq!(lines_of(s, &[6, 0, 2, 4]), vec![4, 1, 2, 3]);
    }
}
