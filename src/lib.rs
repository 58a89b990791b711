//! clausemap reads cloud service agreements and tells a buyer, requirement
//! by requirement, whether the agreement protects them, quoting the exact
//! sentences that decide it.
//!
//! The built-in catalog holds the thirteen requirements of ISO/IEC
//! 27002:2022 control 5.23 (provisions a-j of the agreement with a cloud
//! provider, and advance notice of three kinds of change). For each one an
//! agreement is `covered`, `partial`, `disclaimed` or `missing`, and the
//! report cites up to three excerpts with their byte range, line and heading
//! path.
//!
//! # Pipeline
//!
//! ```text
//! bytes --ingest--> text --parse--> blocks --scan--> candidate sentences
//!       --judge--> stance per sentence --decide--> status per requirement --> Report
//! ```
//!
//! - [`ingest`] decodes UTF-8 / UTF-16, normalises invisible characters and
//!   keeps a map back to the raw bytes.
//! - [`document`] parses Markdown (pulldown-cmark) or plain text (our rules)
//!   into blocks with heading paths.
//! - [`matcher`] finds cue phrases with one Aho-Corasick automaton; only
//!   sentences with hits are split and judged.
//! - [`parties`] finds who is the provider and who the customer.
//! - [`assess`] reads each candidate like a reviewer (subject, modality,
//!   negation, the requirement's own patterns) and decides each status.
//! - [`report`] holds the `clausemap.report.v1` types and renderers.
//!
//! # Example
//!
//! ```
//! use clausemap::{Analyzer, Format, Status};
//!
//! let analyzer = Analyzer::builtin()?;
//! let text = "# Terms\n\n\
//!     Acme Cloud Ltd (\"Acme\", \"we\") backs up Customer Data every night.\n\n\
//!     You are solely responsible for keeping your password secret.\n";
//! let report = analyzer.analyze_str("terms.md", text, Format::Markdown)?;
//!
//! let backup = report.findings.iter().find(|f| f.id == "i").unwrap();
//! assert_eq!(backup.status, Status::Covered);
//! assert_eq!(backup.excerpts[0].line, 3);
//!
//! let access = report.findings.iter().find(|f| f.id == "b").unwrap();
//! assert_eq!(access.status, Status::Disclaimed);
//! # Ok::<(), clausemap::Error>(())
//! ```
//!
//! An [`Analyzer`] is compiled once and is `Send + Sync`: share it across
//! threads and documents (see [`batch`]).
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod analyzer;
pub mod assess;
pub mod batch;
pub mod catalog;
pub mod document;
pub mod error;
pub mod eval;
pub mod explain;
pub mod ingest;
pub mod literals;
pub mod matcher;
pub mod parties;
pub mod references;
pub mod report;
pub mod scan;
pub mod status;

pub use analyzer::Analyzer;
pub use catalog::Catalog;
pub use document::Format;
pub use error::{Error, Result};
pub use report::Report;
pub use status::{Stance, Status};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
