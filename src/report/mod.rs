//! The coverage matrix with cited excerpts: the `clausemap.report.v1`
//! types of SPEC, and one renderer a file.
//!
//! The JSON schema is a public contract: fields are only ever added (as
//! optional ones), never changed or removed.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod matrix;
pub mod table;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::catalog::Group;
use crate::document::Format;
use crate::parties::Parties;
use crate::status::{Stance, Status};

/// The schema name of a report.
pub const SCHEMA: &str = "clausemap.report.v1";

/// A report on one agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// What was analysed.
    pub document: DocumentInfo,
    /// Which catalog it was judged against.
    pub catalog: CatalogInfo,
    /// One finding per requirement, in catalog order.
    pub findings: Vec<Finding>,
    /// How many findings have each status.
    pub summary: Summary,
    /// Documents the agreement incorporates by reference (a security page, a
    /// data processing addendum): the buyer must read them too. Optional.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

/// The analysed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The path as given.
    pub path: String,
    /// `markdown` or `text`.
    pub format: Format,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// The first heading, if any.
    pub title: Option<String>,
    /// The parties' aliases.
    pub parties: Parties,
    /// Problems with the input that did not stop the analysis.
    pub warnings: Vec<String>,
}

/// The catalog a report was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogInfo {
    /// Catalog id.
    pub id: String,
    /// Catalog version.
    pub version: String,
}

/// The verdict on one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Requirement id.
    pub id: String,
    /// Provision or notice.
    pub group: Group,
    /// Requirement title.
    pub title: String,
    /// The status.
    pub status: Status,
    /// How sure clausemap is, in [0, 1]; low values mark findings a
    /// reviewer should read.
    pub confidence: f64,
    /// The advance notice period stated, in days (notice requirements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u32>,
    /// Up to three excerpts that decide the status, best first.
    pub excerpts: Vec<Excerpt>,
}

/// A cited sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// The sentence, markup removed and white space collapsed.
    pub text: String,
    /// Byte offset in the input as read where it starts.
    pub start: u64,
    /// Byte offset in the input as read where it ends (exclusive).
    pub end: u64,
    /// 1-based line of `start`.
    pub line: u64,
    /// Heading path, e.g. `7. Security > 7.2 Backups` (empty if none).
    pub section: String,
    /// What the excerpt says about the requirement.
    pub stance: Stance,
}

/// Counts of findings per status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Covered requirements.
    pub covered: usize,
    /// Partially covered requirements.
    pub partial: usize,
    /// Disclaimed requirements.
    pub disclaimed: usize,
    /// Requirements the agreement does not address.
    pub missing: usize,
}

impl Summary {
    /// Counts the statuses of `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.status {
                Status::Covered => s.covered += 1,
                Status::Partial => s.partial += 1,
                Status::Disclaimed => s.disclaimed += 1,
                Status::Missing => s.missing += 1,
            }
        }
        s
    }
}

/// A document the agreement incorporates by reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// What the agreement calls it ("Data Processing Addendum").
    pub name: String,
    /// Its address, if one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// 1-based line of the first mention.
    pub line: u64,
    /// Section of the first mention.
    pub section: String,
}

/// The record a batch emits for a file that could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which file.
    pub document: ErrorDocument,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// The document of an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDocument {
    /// The path as given.
    pub path: String,
}

/// The error of an [`ErrorRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// A short stable kind, see [`crate::Error::kind`].
    pub kind: String,
    /// The full message.
    pub message: String,
}

impl ErrorRecord {
    /// The record for `path` failing with `error`.
    pub fn new(path: &str, error: &crate::Error) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.to_string(),
            document: ErrorDocument {
                path: path.to_string(),
            },
            error: ErrorInfo {
                kind: error.kind().to_string(),
                message: error.to_string(),
            },
        }
    }
}

/// The output formats of a single report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// `clausemap.report.v1` JSON, pretty-printed.
    Json,
    /// A Markdown table with excerpts under it.
    Markdown,
    /// A compact terminal matrix.
    Text,
}

impl OutputFormat {
    /// Parses `json`, `markdown`/`md` or `text`/`txt`.
    pub fn from_name(name: &str) -> Option<OutputFormat> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(OutputFormat::Json),
            "markdown" | "md" => Some(OutputFormat::Markdown),
            "text" | "txt" => Some(OutputFormat::Text),
            _ => None,
        }
    }
}

/// Renders a report in the given format.
pub fn render(report: &Report, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json::render(report),
        OutputFormat::Markdown => markdown::render(report),
        OutputFormat::Text => text::render(report),
    }
}
