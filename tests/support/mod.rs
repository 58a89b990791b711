//! Helpers for the integration tests.
pub mod lines;
pub mod ranges;
pub mod webdriver;
