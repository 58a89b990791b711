//! Leftover HTML in text: tags are markup, not sentence text. Crawler output
//! (`<p>`, `<strong>1.</strong>`, `<li>`) and Markdown HTML blocks are
//! split into text runs, decoded entities and block breaks.

/// One token of text that may contain HTML tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    /// Plain text at this byte range (relative to the scanned string).
    Text(usize, usize),
    /// A character reference (`&amp;`, `&#39;`) at this range, decoded.
    Entity(char, usize, usize),
    /// A block-level tag (`<p>`, `</li>`, `<br>`): the current block ends.
    /// Carries whether it opens a list item.
    Break { item: bool },
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "hr",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "main",
    "nav",
    "body",
    "html",
    "head",
    "title",
];

/// Tag name and whether it closes, for a tag starting at `s[0] == '<'`;
/// returns the tag's length too. `None` when this `<` is not a tag.
fn tag_at(s: &str) -> Option<(String, usize)> {
    let bytes = s.as_bytes();
    if s.starts_with("<!--") {
        let end = s.find("-->")?;
        return Some((String::from("!--"), end + 3));
    }
    let mut i = 1;
    if matches!(bytes.get(i), Some(b'/') | Some(b'!') | Some(b'?')) {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
        i += 1;
    }
    if i == name_start || !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    if !matches!(
        bytes.get(i),
        Some(b'>') | Some(b' ') | Some(b'/') | Some(b'\t') | Some(b'\n')
    ) {
        return None;
    }
    let close = s.get(..s.len().min(1024))?.find('>')?;
    if s.get(1..close)?.contains('<') {
        return None;
    }
    let name = s.get(name_start..i)?.to_ascii_lowercase();
    Some((name, close + 1))
}

/// Decodes a character reference at the start of `s` (`s[0] == '&'`).
fn entity_at(s: &str) -> Option<(char, usize)> {
    let semi = s.get(..s.len().min(12))?.find(';')?;
    let body = s.get(1..semi)?;
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "sect" => '§',
        "hellip" => '…',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                num.parse::<u32>().ok()?
            };
            match char::from_u32(code)? {
                '\0' => '\u{FFFD}',
                c if c.is_control() && !c.is_whitespace() => '\u{FFFD}',
                c => c,
            }
        }
    };
    Some((c, semi + 1))
}

/// Splits `s` into text runs, entities and block breaks.
pub(crate) fn tokens(s: &str, mut emit: impl FnMut(Token)) {
    let bytes = s.as_bytes();
    let mut text_start = 0;
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr2(b'<', b'&', rest))
    {
        let at = i + off;
        let rest = s.get(at..).unwrap_or("");
        if bytes.get(at) == Some(&b'<') {
            if let Some((name, len)) = tag_at(rest) {
                if at > text_start && skip_until.is_none() {
                    emit(Token::Text(text_start, at));
                }
                let closing = rest.starts_with("</");
                if let Some(end_tag) = skip_until {
                    if closing && name == end_tag {
                        skip_until = None;
                    }
                } else if !closing && (name == "script" || name == "style") {
                    skip_until = Some(if name == "script" { "script" } else { "style" });
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    emit(Token::Break {
                        item: name == "li" && !closing,
                    });
                }
                i = at + len;
                text_start = i;
                continue;
            }
        } else if skip_until.is_none() {
            if let Some((c, len)) = entity_at(rest) {
                if at > text_start {
                    emit(Token::Text(text_start, at));
                }
                emit(Token::Entity(c, at, at + len));
                i = at + len;
                text_start = i;
                continue;
            }
        }
        i = at + 1;
    }
    if text_start < s.len() && skip_until.is_none() {
        emit(Token::Text(text_start, s.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(s: &str) -> String {
        let mut out = String::new();
        tokens(s, |t| match t {
            Token::Text(a, b) => out.push_str(&s[a..b]),
            Token::Entity(c, _, _) => out.push(c),
            Token::Break { item } => out.push_str(if item { "|LI|" } else { "|" }),
        });
        out
    }

    #[test]
    fn tags_are_stripped_and_blocks_broken() {
        assert_eq!(
            render("<p>We <strong>back up</strong> data.</p>"),
            "|We back up data.|"
        );
        assert_eq!(render("<li>one</li><li>two"), "|LI|one||LI|two");
        assert_eq!(render("a < b and c > d"), "a < b and c > d");
        assert_eq!(render("x<script>alert(1)</script>y"), "xy");
        assert_eq!(
            render("AT&amp;T &#8217;s &bogus; &#0;"),
            "AT&T ’s &bogus; \u{FFFD}"
        );
        assert_eq!(render("<!-- note -->text"), "text");
        assert_eq!(
            render("<a href=\"https://x\">Security Page</a>"),
            "Security Page"
        );
    }
}
