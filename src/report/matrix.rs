//! The vendors x requirements matrix in Markdown, for tickets and wikis.

use std::fmt::Write as _;

use super::markdown::escape;
use super::table::{provider_name, Columns, Row};
use crate::status::Status;

/// The one-letter code of a status in the matrix.
pub fn code(status: Status) -> &'static str {
    match status {
        Status::Covered => "C",
        Status::Partial => "P",
        Status::Disclaimed => "D",
        Status::Missing => "-",
    }
}

/// Renders the matrix for all rows.
pub fn render(rows: &[Row], columns: &Columns) -> String {
    let mut out = String::new();
    out.push_str("# Coverage of ISO/IEC 27002:2022 5.23 by agreement\n\n");
    let ok = rows.iter().filter(|r| r.outcome.is_ok()).count();
    let _ = writeln!(
        out,
        "{} agreements, {} analysed, {} failed.\n",
        rows.len(),
        ok,
        rows.len() - ok
    );
    out.push_str("| Agreement | Provider |");
    for (id, _, _) in &columns.requirements {
        let _ = write!(out, " {} |", escape(id));
    }
    out.push_str(" Summary |\n|---|---|");
    for _ in &columns.requirements {
        out.push_str(":-:|");
    }
    out.push_str("---|\n");
    for row in rows {
        let _ = write!(out, "| `{}` |", row.path_text().replace('`', "'"));
        match &row.outcome {
            Ok(report) => {
                let _ = write!(out, " {} |", escape(&provider_name(report)));
                for (id, _, _) in &columns.requirements {
                    let cell = report
                        .findings
                        .iter()
                        .find(|f| &f.id == id)
                        .map_or("", |f| code(f.status));
                    let _ = write!(out, " {cell} |");
                }
                let s = report.summary;
                let _ = writeln!(
                    out,
                    " {}C {}P {}D {}- |",
                    s.covered, s.partial, s.disclaimed, s.missing
                );
            }
            Err(e) => {
                let _ = write!(out, " error |");
                for _ in &columns.requirements {
                    out.push_str(" |");
                }
                let _ = writeln!(out, " {} |", escape(&e.to_string()));
            }
        }
    }
    out.push_str("\nC covered, P partial, D disclaimed, - missing.\n\n");
    out.push_str("| Id | Requirement |\n|---|---|\n");
    for (id, title, _) in &columns.requirements {
        let _ = writeln!(out, "| {} | {} |", escape(id), escape(title));
    }
    out
}
