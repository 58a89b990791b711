//! Explain mode: every candidate sentence of a requirement, with the rule
//! and the catalog pattern that decided it.

use clausemap::{Format, Status};

use crate::analyzer;

const TERMS: &str = "# Acme Cloud terms\n\n\
These terms are between Acme Cloud Ltd (\"Acme\", \"we\") and the customer (\"you\").\n\n\
## Changes\n\n\
Acme reserves the right at any time to change or end features of the Service.\n\n\
You may not change any security mechanism of the Service.\n";

fn explain(id: &str) -> clausemap::explain::Explanation {
    analyzer()
        .explain_bytes("terms.md", TERMS.as_bytes(), Format::Markdown, id)
        .expect("explains")
}

#[test]
fn every_candidate_is_listed_with_its_rule_and_deciding_pattern() {
    let e = explain("notice-a");
    assert_eq!(e.status, Status::Disclaimed);
    let reserved = e
        .candidates
        .iter()
        .find(|c| c.text.starts_with("Acme reserves the right"))
        .expect("the reserved right is a candidate");
    let judgement = reserved.judgement.as_ref().expect("it was judged");
    assert_eq!(judgement.rule, "reserved-right");
    assert!(reserved.cited);
    // The reserved-right pattern that matched is named, so a reader can
    // find it in the catalog.
    let pattern = reserved.decided_by.as_deref().expect("a deciding pattern");
    assert!(pattern.contains("reserves"), "{pattern}");
    // The customer's prohibition is listed too, and is not coverage.
    let customer = e
        .candidates
        .iter()
        .find(|c| c.text.starts_with("You may not change"))
        .expect("the customer's sentence is a candidate");
    assert!(!customer.cited);
    let text = e.render_text();
    assert!(text.contains("reserved-right"), "{text}");
}

#[test]
fn an_unknown_requirement_is_a_usage_error() {
    let err = analyzer()
        .explain_bytes("terms.md", TERMS.as_bytes(), Format::Markdown, "zz")
        .expect_err("unknown id");
    assert!(err.to_string().contains("zz"), "{err}");
}
