//! One self-contained HTML page: a vendors x requirements heatmap coloured
//! by status, a legend, the standard's wording of each requirement on hover,
//! and the excerpts of a cell (with section and line) on click.
//!
//! No network: CSS and JavaScript are inline. Everything that comes from a
//! document is escaped: in markup with HTML entities, in the embedded JSON
//! with `\u003c`-style escapes, and the script only ever sets `textContent`.

use std::fmt::Write as _;

use serde::Serialize;

use super::table::{provider_name, Columns, Row};
use crate::status::Status;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Serialises data for a `<script type="application/json">` block so that
/// nothing in it can end the script or open a comment.
fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| String::from("{}"));
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[derive(Serialize)]
struct CellExcerpt<'a> {
    text: &'a str,
    line: u64,
    section: &'a str,
    stance: &'a str,
}

#[derive(Serialize)]
struct CellData<'a> {
    status: &'a str,
    confidence: f64,
    notice_days: Option<u32>,
    excerpts: Vec<CellExcerpt<'a>>,
}

#[derive(Serialize)]
struct DocData<'a> {
    path: String,
    cells: Vec<Option<CellData<'a>>>,
}

#[derive(Serialize)]
struct PageData<'a> {
    requirements: Vec<(&'a str, &'a str, &'a str)>,
    documents: Vec<DocData<'a>>,
}

const STYLE: &str = r#"
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1d232a; }
h1 { font-size: 20px; margin: 0 0 4px; }
p.meta { color: #555; margin: 0 0 16px; }
.legend span { display: inline-block; padding: 2px 10px; margin-right: 6px; border-radius: 3px; }
table.matrix { border-collapse: collapse; margin-top: 12px; }
.matrix th, .matrix td { border: 1px solid #d0d5da; padding: 4px 8px; }
.matrix thead th { background: #f3f5f7; position: sticky; top: 0; cursor: help; }
.matrix td.doc { max-width: 360px; word-break: break-all; }
.matrix td.cell { text-align: center; cursor: pointer; min-width: 34px; font-weight: 600; }
.matrix td.cell:focus, .matrix td.cell.selected { outline: 3px solid #1d4ed8; outline-offset: -3px; }
.covered { background: #b7e4c7; } .partial { background: #ffe8a3; }
.disclaimed { background: #f6b1ac; } .missing { background: #e9ecef; color: #6c757d; }
td.error { background: #fff0f0; color: #9b1c1c; font-style: italic; }
#detail { margin-top: 18px; padding: 12px 16px; border: 1px solid #d0d5da; border-radius: 4px; max-width: 1000px; }
#detail h2 { font-size: 16px; margin: 0 0 6px; }
#detail blockquote { margin: 10px 0 2px; padding: 6px 10px; border-left: 4px solid #adb5bd; background: #f8f9fa; }
#detail .where { color: #555; font-size: 12px; }
"#;

const SCRIPT: &str = r#"
(function () {
  var data = JSON.parse(document.getElementById('clausemap-data').textContent);
  var detail = document.getElementById('detail');
  var selected = null;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function show(cell) {
    if (selected) { selected.classList.remove('selected'); }
    selected = cell;
    cell.classList.add('selected');
    var d = data.documents[+cell.getAttribute('data-doc')];
    var r = +cell.getAttribute('data-req');
    var req = data.requirements[r];
    var c = d.cells[r];
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    detail.appendChild(el('h2', null, req[0] + ' ' + req[1] + ': ' + (c ? c.status : 'error')));
    detail.appendChild(el('div', 'where', d.path));
    detail.appendChild(el('p', 'standard', 'Standard: ' + req[2]));
    if (!c) { return; }
    var facts = 'Confidence ' + c.confidence.toFixed(2);
    if (c.notice_days !== null) { facts += ', notice period ' + c.notice_days + ' days'; }
    detail.appendChild(el('p', null, facts));
    if (c.excerpts.length === 0) {
      detail.appendChild(el('p', 'none', 'No excerpt: nothing in the agreement addresses this requirement.'));
    }
    c.excerpts.forEach(function (x) {
      var q = el('blockquote', 'excerpt', x.text);
      detail.appendChild(q);
      var where = 'line ' + x.line + (x.section ? ' \u00b7 ' + x.section : '') + ' \u00b7 ' + x.stance;
      detail.appendChild(el('div', 'where', where));
    });
  }
  var cells = document.querySelectorAll('td.cell');
  for (var i = 0; i < cells.length; i++) {
    cells[i].addEventListener('click', function () { show(this); });
    cells[i].addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); show(this); }
    });
  }
})();
"#;

fn letter(status: Status) -> &'static str {
    super::matrix::code(status)
}

/// Renders the page for all rows.
pub fn render(rows: &[Row], columns: &Columns, catalog_title: &str) -> String {
    let mut data = PageData {
        requirements: columns
            .requirements
            .iter()
            .map(|(id, title, standard)| (id.as_str(), title.as_str(), standard.as_str()))
            .collect(),
        documents: Vec::with_capacity(rows.len()),
    };
    let mut out = String::with_capacity(16 * 1024 + rows.len() * 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>clausemap: coverage by agreement</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    let ok = rows.iter().filter(|r| r.outcome.is_ok()).count();
    let _ = writeln!(out, "<h1>Coverage by agreement</h1>\n<p class=\"meta\">{}. {} agreements, {} analysed, {} failed. Click a cell to see the sentences that decide it; hover a column for the standard's wording.</p>", escape(catalog_title), rows.len(), ok, rows.len() - ok);
    out.push_str("<div class=\"legend\"><span class=\"covered\">C covered</span><span class=\"partial\">P partial</span><span class=\"disclaimed\">D disclaimed</span><span class=\"missing\">- missing</span></div>\n");
    out.push_str("<table class=\"matrix\">\n<thead><tr><th>Agreement</th><th>Provider</th>");
    for (id, title, standard) in &columns.requirements {
        let _ = write!(
            out,
            "<th title=\"{}: {}\" scope=\"col\">{}</th>",
            escape(title),
            escape(standard),
            escape(id)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (di, row) in rows.iter().enumerate() {
        let path = row.path_text();
        let _ = write!(out, "<tr><td class=\"doc\">{}</td>", escape(&path));
        match &row.outcome {
            Ok(report) => {
                let _ = write!(out, "<td>{}</td>", escape(&provider_name(report)));
                let mut cells = Vec::with_capacity(columns.requirements.len());
                for (ri, (id, title, _)) in columns.requirements.iter().enumerate() {
                    let finding = report.findings.iter().find(|f| &f.id == id);
                    match finding {
                        Some(f) => {
                            let _ = write!(
                                out,
                                "<td class=\"cell {}\" data-doc=\"{di}\" data-req=\"{ri}\" tabindex=\"0\" title=\"{}: {}\">{}</td>",
                                f.status.name(),
                                escape(title),
                                f.status.name(),
                                letter(f.status)
                            );
                            cells.push(Some(CellData {
                                status: f.status.name(),
                                confidence: f.confidence,
                                notice_days: f.notice_days,
                                excerpts: f
                                    .excerpts
                                    .iter()
                                    .map(|e| CellExcerpt {
                                        text: &e.text,
                                        line: e.line,
                                        section: &e.section,
                                        stance: e.stance.name(),
                                    })
                                    .collect(),
                            }));
                        }
                        None => {
                            out.push_str("<td></td>");
                            cells.push(None);
                        }
                    }
                }
                data.documents.push(DocData { path, cells });
            }
            Err(e) => {
                let _ = write!(
                    out,
                    "<td class=\"error\">failed</td><td class=\"error\" colspan=\"{}\">{}</td>",
                    columns.requirements.len(),
                    escape(&e.to_string())
                );
                data.documents.push(DocData {
                    path,
                    cells: Vec::new(),
                });
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<div id=\"detail\" aria-live=\"polite\"><p>Select a cell to see its excerpts.</p></div>\n");
    out.push_str("<script type=\"application/json\" id=\"clausemap-data\">");
    out.push_str(&script_json(&data));
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_blocks_markup_and_script_breakout() {
        assert_eq!(
            escape("<script>alert('x')</script>&"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
        let json = script_json(&vec!["</script><!--"]);
        assert!(!json.contains("</"));
        assert!(!json.contains("<!--"));
    }
}
