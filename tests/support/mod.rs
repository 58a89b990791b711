//! Helpers for the integration tests.
pub mod lines;
pub mod ranges;
pub mod webdriver;

use std::sync::OnceLock;

use clausemap::Analyzer;

/// The built-in catalog's analyser, compiled once for all tests that can
/// share it.
pub fn shared_analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| Analyzer::builtin().expect("built-in catalog compiles"))
}
