//! The text renderer: a compact matrix for the terminal.
//!
//! Document text is stripped of control characters (a contract containing
//! `ESC[31m` must not drive the reader's terminal) and of bidirectional
//! overrides that could make a line read differently than it is.

use std::fmt::Write as _;

use super::Report;

/// Removes terminal control sequences, control characters and bidi
/// overrides from text taken from a document.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // Skip an ANSI escape sequence: ESC [ ... final byte, or ESC x.
                if chars.peek() == Some(&'[') {
                    chars.next();
                    while let Some(&n) = chars.peek() {
                        chars.next();
                        if ('@'..='~').contains(&n) {
                            break;
                        }
                    }
                } else if chars.peek() == Some(&']') {
                    // OSC: until BEL or ST.
                    chars.next();
                    while let Some(n) = chars.next() {
                        if n == '\u{7}' || (n == '\u{1b}' && chars.peek() == Some(&'\\')) {
                            if n == '\u{1b}' {
                                chars.next();
                            }
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.chars().take(width).collect()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Wraps `text` at `width` columns, each line prefixed by `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

/// Renders the report for a terminal.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let doc = &report.document;
    let title = sanitize(doc.title.as_deref().unwrap_or(""));
    let _ = writeln!(
        out,
        "{}{} ({}, {} bytes)",
        if title.is_empty() {
            String::new()
        } else {
            format!("{title}: ")
        },
        sanitize(&doc.path),
        doc.format.name(),
        doc.bytes
    );
    let names = |v: &[String]| {
        if v.is_empty() {
            "?".to_string()
        } else {
            sanitize(&v.join(", "))
        }
    };
    let _ = writeln!(
        out,
        "provider: {}   customer: {}",
        names(&doc.parties.provider),
        names(&doc.parties.customer)
    );
    for w in &doc.warnings {
        let _ = writeln!(out, "warning: {}", sanitize(w));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "  {} {} {} {} notice",
        pad("id", 9),
        pad("requirement", 46),
        pad("status", 11),
        pad("conf", 5)
    );
    for f in &report.findings {
        let notice = f.notice_days.map(|d| format!("{d}d")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {} {} {:<5.2} {}",
            pad(&sanitize(&f.id), 9),
            pad(&sanitize(&f.title), 46),
            pad(&f.status.name().to_uppercase(), 11),
            f.confidence,
            notice
        )
        .map(|_| ());
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "\n  {} covered, {} partial, {} disclaimed, {} missing\n",
        s.covered, s.partial, s.disclaimed, s.missing
    );
    for f in report.findings.iter().filter(|f| !f.excerpts.is_empty()) {
        let _ = writeln!(
            out,
            "{} {}: {}",
            sanitize(&f.id),
            sanitize(&f.title),
            f.status
        );
        for e in &f.excerpts {
            let section = if e.section.is_empty() {
                String::new()
            } else {
                format!(" · {}", sanitize(&e.section))
            };
            let _ = writeln!(out, "  line {}{} · {}", e.line, section, e.stance);
            out.push_str(&wrap(&sanitize(&e.text), 96, "    "));
        }
        out.push('\n');
    }
    if !report.references.is_empty() {
        out.push_str("incorporated documents (read them too):\n");
        for r in &report.references {
            let url = r
                .url
                .as_deref()
                .map(|u| format!(" <{}>", sanitize(u)))
                .unwrap_or_default();
            let _ = writeln!(out, "  line {}: {}{}", r.line, sanitize(&r.name), url);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize("a\u{202e}b\u{0}c\td"), "abc d");
    }

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("aa bb cc", 5, "> "), "> aa bb\n> cc\n");
    }
}
