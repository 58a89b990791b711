//! Line numbers as clausemap counts them, for checks written apart from it
//! (the integration tests and the fuzz targets).

/// The 1-based line at the end of `before`: LF, CR LF, a lone CR and
/// U+2028/U+2029 each end a line (CommonMark's line endings plus Unicode's
/// separators).
pub fn line_of(before: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(before);
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => line += 1,
            _ => {}
        }
    }
    line
}
