//! What the batch renderers (CSV, Markdown matrix, HTML) share: one row
//! per input, its report or its error, and the names to show.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::report::Report;

/// One input of a batch and what became of it.
#[derive(Debug)]
pub struct Row {
    /// The input's path.
    pub path: PathBuf,
    /// Its report, or why there is none.
    pub outcome: Result<Report, Error>,
}

impl Row {
    /// A row for `path`.
    pub fn new(path: PathBuf, outcome: Result<Report, Error>) -> Row {
        Row { path, outcome }
    }

    /// The path as text.
    pub fn path_text(&self) -> String {
        display_path(&self.path)
    }
}

/// A path as shown in reports (forward slashes kept as they are).
pub fn display_path(path: &Path) -> String {
    path.display().to_string()
}

/// The provider's name to show: the first alias that is a name rather than
/// a pronoun or a role word, else a role word, else "".
pub fn provider_name(report: &Report) -> String {
    const GENERIC: &[&str] = &[
        "we",
        "us",
        "our",
        "provider",
        "supplier",
        "vendor",
        "processor",
        "licensor",
        "service provider",
        "data importer",
    ];
    let aliases = &report.document.parties.provider;
    let pronoun = |a: &&String| matches!(a.to_lowercase().as_str(), "we" | "us" | "our");
    aliases
        .iter()
        .find(|a| !GENERIC.contains(&a.to_lowercase().as_str()))
        .or_else(|| aliases.iter().find(|a| !pronoun(a)))
        .cloned()
        .unwrap_or_default()
}

/// Requirement ids, titles and the standard's wording, in catalog order,
/// taken from the catalog.
#[derive(Debug, Clone)]
pub struct Columns {
    /// `(id, title, standard)` per requirement.
    pub requirements: Vec<(String, String, String)>,
}

impl Columns {
    /// The columns of a catalog.
    pub fn of(catalog: &crate::Catalog) -> Columns {
        Columns {
            requirements: catalog
                .requirements
                .iter()
                .map(|r| (r.id.clone(), r.title.clone(), r.standard.clone()))
                .collect(),
        }
    }
}
