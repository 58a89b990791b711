//! Helpers for the integration tests.
pub mod ranges;
pub mod webdriver;
