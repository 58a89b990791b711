//! CSV for spreadsheets: one row per document with a column per
//! requirement (the wide form), or one row per cited excerpt (the long
//! form). Cells that a spreadsheet would read as a formula (`=`, `+`, `-`,
//! `@`, tab, carriage return) are neutralised with a leading `'`.

use std::io::Write;

use super::table::{provider_name, Columns, Row};
use crate::error::{Error, Result};

/// Neutralises a cell against formula injection.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

fn io_error(e: impl std::fmt::Display) -> Error {
    Error::Usage(format!("cannot write CSV: {e}"))
}

/// Writes CSV, streaming: create it, then [`CsvWriter::row`] per result.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
    columns: Columns,
    excerpts: bool,
}

impl<W: Write> CsvWriter<W> {
    /// A writer of the wide form, or of the long form with `excerpts`;
    /// writes the header row.
    ///
    /// # Errors
    ///
    /// If the header cannot be written.
    pub fn new(out: W, columns: Columns, excerpts: bool) -> Result<CsvWriter<W>> {
        let mut inner = csv::Writer::from_writer(out);
        let header: Vec<String> = if excerpts {
            [
                "path",
                "requirement",
                "status",
                "confidence",
                "notice_days",
                "stance",
                "line",
                "start",
                "end",
                "section",
                "excerpt",
                "error_kind",
                "error_message",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        } else {
            let mut h: Vec<String> = [
                "path",
                "title",
                "provider",
                "covered",
                "partial",
                "disclaimed",
                "missing",
                "error_kind",
                "error_message",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            h.extend(columns.requirements.iter().map(|(id, _, _)| id.clone()));
            h
        };
        inner.write_record(&header).map_err(io_error)?;
        Ok(CsvWriter {
            inner,
            columns,
            excerpts,
        })
    }

    fn write(&mut self, cells: Vec<String>) -> Result<()> {
        let cells: Vec<String> = cells.iter().map(|c| neutralise(c)).collect();
        self.inner.write_record(&cells).map_err(io_error)
    }

    /// Writes the row(s) of one input.
    ///
    /// # Errors
    ///
    /// If writing fails.
    pub fn row(&mut self, row: &Row) -> Result<()> {
        let path = row.path_text();
        match (&row.outcome, self.excerpts) {
            (Err(e), true) => {
                let mut cells = vec![path];
                cells.extend(std::iter::repeat_n(String::new(), 10));
                cells.push(e.kind().to_string());
                cells.push(e.to_string());
                self.write(cells)
            }
            (Err(e), false) => {
                let mut cells = vec![path, String::new(), String::new()];
                cells.extend(std::iter::repeat_n(String::new(), 4));
                cells.push(e.kind().to_string());
                cells.push(e.to_string());
                cells.extend(std::iter::repeat_n(
                    String::new(),
                    self.columns.requirements.len(),
                ));
                self.write(cells)
            }
            (Ok(report), false) => {
                let s = report.summary;
                let mut cells = vec![
                    path,
                    report.document.title.clone().unwrap_or_default(),
                    provider_name(report),
                    s.covered.to_string(),
                    s.partial.to_string(),
                    s.disclaimed.to_string(),
                    s.missing.to_string(),
                    String::new(),
                    String::new(),
                ];
                for (id, _, _) in &self.columns.requirements {
                    let status = report
                        .findings
                        .iter()
                        .find(|f| &f.id == id)
                        .map(|f| f.status.name().to_string())
                        .unwrap_or_default();
                    cells.push(status);
                }
                self.write(cells)
            }
            (Ok(report), true) => {
                for f in &report.findings {
                    let notice = f.notice_days.map(|d| d.to_string()).unwrap_or_default();
                    if f.excerpts.is_empty() {
                        self.write(vec![
                            path.clone(),
                            f.id.clone(),
                            f.status.name().to_string(),
                            format!("{:.2}", f.confidence),
                            notice,
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                            String::new(),
                        ])?;
                        continue;
                    }
                    for e in &f.excerpts {
                        self.write(vec![
                            path.clone(),
                            f.id.clone(),
                            f.status.name().to_string(),
                            format!("{:.2}", f.confidence),
                            notice.clone(),
                            e.stance.name().to_string(),
                            e.line.to_string(),
                            e.start.to_string(),
                            e.end.to_string(),
                            e.section.clone(),
                            e.text.clone(),
                            String::new(),
                            String::new(),
                        ])?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Flushes and returns the underlying writer.
    ///
    /// # Errors
    ///
    /// If flushing fails.
    pub fn finish(self) -> Result<W> {
        self.inner.into_inner().map_err(io_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("covered"), "covered");
    }
}
