//! The `clausemap.report.v1` JSON renderer.

use super::{ErrorRecord, Report};

/// Pretty-printed JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data cannot fail; keep the output valid JSON anyway.
        format!("{{\"schema\": \"{}\", \"error\": \"{e}\"}}", super::SCHEMA)
    });
    s.push('\n');
    s
}

/// One line of JSON Lines (no trailing newline).
pub fn render_line(report: &Report) -> String {
    serde_json::to_string(report)
        .unwrap_or_else(|e| format!("{{\"schema\": \"{}\", \"error\": \"{e}\"}}", super::SCHEMA))
}

/// One line of JSON Lines for a file that failed (no trailing newline).
pub fn render_error_line(record: &ErrorRecord) -> String {
    serde_json::to_string(record)
        .unwrap_or_else(|e| format!("{{\"schema\": \"{}\", \"error\": \"{e}\"}}", super::SCHEMA))
}
