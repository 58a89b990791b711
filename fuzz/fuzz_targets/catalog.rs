//! An arbitrary catalog file must load or give an error, never a panic; a
//! catalog that loads must compile or give an error, and an analyser built
//! from it must analyse a small agreement.
#![no_main]
use libfuzzer_sys::fuzz_target;

use clausemap::{Analyzer, Catalog, Format};

const SAMPLE: &str = "# Terms\n\nWe back up Customer Data daily. You are solely responsible for \
your passwords. We will give you 30 days' notice of any new sub-processor.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalog) = Catalog::from_toml_str("fuzz.toml", text) else {
        return;
    };
    let Ok(analyzer) = Analyzer::new(&catalog) else {
        return;
    };
    if let Ok(report) = analyzer.analyze_str("sample.md", SAMPLE, Format::Markdown) {
        assert_eq!(report.findings.len(), catalog.requirements.len());
    }
});
