//! Arbitrary bytes analysed as Markdown must give a report or an error,
//! never a panic, and the report keeps its invariants.
#![no_main]
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::check(data, clausemap::Format::Markdown));
