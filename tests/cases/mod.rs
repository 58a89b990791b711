//! Test cases beyond the gold labels: hostile input and properties that
//! must hold for any input.
mod catalogs;
mod explain;
mod hostile;
mod passages;
mod properties;
mod snapshots;
