//! The one error type of clausemap.
//!
//! Errors come only from reading input, decoding it, and loading or
//! compiling catalogs: parsing and analysis never fail (text is text).
//! Every message names the file it is about and, for catalogs, the
//! requirement and the pattern, so a user can act on it. Messages are
//! lowercase without a trailing period, in the manner of globset.

use std::fmt;
use std::path::PathBuf;

/// Where in a catalog file a problem was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogLocation {
    /// The catalog file (or `<built-in>` for the bundled catalog).
    pub file: String,
    /// 1-based line in the file, where it could be determined.
    pub line: Option<usize>,
    /// The requirement id the problem belongs to, if any.
    pub requirement: Option<String>,
    /// The offending pattern or cue, if any.
    pub pattern: Option<String>,
}

impl fmt::Display for CatalogLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalog {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(req) = &self.requirement {
            write!(f, ", requirement '{req}'")?;
        }
        if let Some(pat) = &self.pattern {
            let shown: String = pat.chars().take(80).collect();
            let ellipsis = if shown.len() < pat.len() { "..." } else { "" };
            write!(f, ", pattern '{shown}{ellipsis}'")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in clausemap.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The input contains NUL bytes and is not UTF-16 with a byte order mark.
    #[error(
        "{path}: looks binary (NUL byte at offset {offset}); give clausemap UTF-8 or UTF-16 (with BOM) text, \
         e.g. convert a PDF with `pdftotext` first"
    )]
    Binary {
        /// The input's name.
        path: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is larger than the configured limit.
    #[error(
        "{path}: {size} bytes is over the input limit of {limit} bytes; raise it with Limits::max_input_bytes \
         (or --max-bytes) if the file is genuine"
    )]
    TooLarge {
        /// The input's name.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The configured limit in bytes.
        limit: u64,
    },
    /// A UTF-16 input whose length is not a whole number of code units.
    #[error("{path}: {message}")]
    Encoding {
        /// The input's name.
        path: String,
        /// What is wrong with the encoding.
        message: String,
    },
    /// The format could not be chosen from the file name.
    #[error(
        "{path}: cannot tell the format from the extension; use .md, .markdown or .txt, or pass --input-format markdown|text"
    )]
    UnknownFormat {
        /// The input's name.
        path: String,
    },
    /// A catalog file is malformed or one of its patterns does not compile.
    #[error("{location}: {message}")]
    Catalog {
        /// Where the problem is.
        location: CatalogLocation,
        /// What is wrong and, where it helps, what to do.
        message: String,
    },
    /// A command-line style option was wrong (used by the examples).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A short stable name for the kind of error, used in batch error records
    /// (`"io"`, `"binary"`, `"too-large"`, `"encoding"`, `"unknown-format"`,
    /// `"catalog"`, `"usage"`).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::Binary { .. } => "binary",
            Error::TooLarge { .. } => "too-large",
            Error::Encoding { .. } => "encoding",
            Error::UnknownFormat { .. } => "unknown-format",
            Error::Catalog { .. } => "catalog",
            Error::Usage(_) => "usage",
        }
    }

    pub(crate) fn catalog(location: CatalogLocation, message: impl Into<String>) -> Error {
        Error::Catalog {
            location,
            message: message.into(),
        }
    }
}

/// Shorthand for results in clausemap.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_error_names_file_line_requirement_and_pattern() {
        let err = Error::catalog(
            CatalogLocation {
                file: "mine.toml".into(),
                line: Some(12),
                requirement: Some("i".into()),
                pattern: Some("back(up".into()),
            },
            "unclosed group",
        );
        let msg = err.to_string();
        assert_eq!(
            msg,
            "catalog mine.toml, line 12, requirement 'i', pattern 'back(up': unclosed group"
        );
        assert_eq!(err.kind(), "catalog");
    }

    #[test]
    fn binary_error_says_what_to_do() {
        let err = Error::Binary {
            path: "a.pdf".into(),
            offset: 7,
        };
        assert!(err.to_string().starts_with("a.pdf: looks binary"));
        assert!(err.to_string().contains("pdftotext"));
    }
}
