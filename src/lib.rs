//! clausemap: reads cloud service agreements and tells a buyer, requirement
//! by requirement, whether the agreement protects them.
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
pub mod catalog;
pub mod document;
pub mod error;
pub mod eval;
pub mod explain;
pub mod ingest;
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
