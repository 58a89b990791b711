//! Test cases beyond the gold labels: hostile input and properties that
//! must hold for any input.
mod catalogs;
mod hostile;
mod properties;
mod snapshots;
