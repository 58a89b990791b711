//! The Markdown renderer: the matrix as a table, excerpts under it.
//!
//! Document text is escaped so that an agreement cannot inject markup or
//! HTML into the ticket or wiki the report is pasted into.

use std::fmt::Write as _;

use super::Report;

/// Escapes text for use inside Markdown (tables and paragraphs).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Renders the report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let doc = &report.document;
    let title = doc.title.as_deref().unwrap_or(&doc.path);
    let _ = writeln!(
        out,
        "# Coverage of ISO/IEC 27002:2022 5.23: {}\n",
        escape(title)
    );
    let _ = writeln!(
        out,
        "Document: `{}` ({}, {} bytes). Catalog: {} v{}.\n",
        doc.path.replace('`', "'"),
        doc.format.name(),
        doc.bytes,
        escape(&report.catalog.id),
        escape(&report.catalog.version)
    );
    let list = |v: &[String]| {
        if v.is_empty() {
            "(not found)".to_string()
        } else {
            v.iter().map(|s| escape(s)).collect::<Vec<_>>().join(", ")
        }
    };
    let _ = writeln!(
        out,
        "Provider: {}. Customer: {}.\n",
        list(&doc.parties.provider),
        list(&doc.parties.customer)
    );
    for w in &doc.warnings {
        let _ = writeln!(out, "> Warning: {}\n", escape(w));
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "**{} covered, {} partial, {} disclaimed, {} missing.**\n",
        s.covered, s.partial, s.disclaimed, s.missing
    );
    out.push_str("| Id | Requirement | Status | Confidence | Notice | Evidence |\n");
    out.push_str("|---|---|---|---:|---:|---|\n");
    for f in &report.findings {
        let notice = f
            .notice_days
            .map(|d| format!("{d} days"))
            .unwrap_or_default();
        let lines: Vec<String> = f
            .excerpts
            .iter()
            .map(|e| format!("line {}", e.line))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {} | {} |",
            escape(&f.id),
            escape(&f.title),
            f.status,
            f.confidence,
            notice,
            lines.join(", ")
        );
    }
    out.push('\n');
    for f in report.findings.iter().filter(|f| !f.excerpts.is_empty()) {
        let _ = writeln!(
            out,
            "## {}: {} ({})\n",
            escape(&f.id),
            escape(&f.title),
            f.status
        );
        for e in &f.excerpts {
            let _ = writeln!(out, "> {}\n", escape(&e.text));
            let section = if e.section.is_empty() {
                String::new()
            } else {
                format!("{}, ", escape(&e.section))
            };
            let _ = writeln!(
                out,
                "<sub>{section}line {}, bytes {}-{}, {}</sub>\n",
                e.line, e.start, e.end, e.stance
            );
        }
    }
    if !report.references.is_empty() {
        out.push_str("## Incorporated documents\n\n");
        for r in &report.references {
            let url = r
                .url
                .as_deref()
                .map(|u| format!(" <{}>", escape(u)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{} (line {})", escape(&r.name), url, r.line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_html() {
        assert_eq!(escape("a|b <script>*x*"), "a\\|b &lt;script&gt;\\*x\\*");
    }
}
