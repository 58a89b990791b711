//! Inputs the benches share: our own agreements from `corpus/`, large
//! agreements built from their text, and pathological shapes. Each bench
//! uses part of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use clausemap::eval::load_gold_dir;
use clausemap::Format;

/// One agreement to measure.
pub struct Input {
    /// Short name for the bench id.
    pub name: String,
    /// Its bytes as read.
    pub bytes: Vec<u8>,
    /// How to parse it.
    pub format: Format,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every labelled agreement in `corpus/`, sorted by name.
pub fn corpus() -> Vec<Input> {
    let docs = load_gold_dir(&corpus_dir()).expect("corpus/ has gold labels");
    docs.into_iter()
        .map(|d| Input {
            name: d
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: std::fs::read(&d.path).expect("corpus file readable"),
            format: Format::from_path(&d.path).expect("known extension"),
        })
        .collect()
}

/// Marks copy `k` of a text so that no sentence repeats an earlier copy:
/// a tag goes before the full stop of every sentence that ends in a word.
pub fn vary(text: &str, k: usize) -> String {
    let tag = format!(" (v{k}).");
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let ends_sentence =
            c == '.' && prev.is_ascii_lowercase() && chars.peek().is_none_or(|n| n.is_whitespace());
        if ends_sentence {
            out.push_str(&tag);
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// A large agreement of at least `min_bytes` made of the corpus files of
/// `format`, one after another, over and over. With `varied`, each copy's
/// sentences differ from every other copy's (nothing can be served from a
/// cache of repeated blocks); without, copies repeat exactly, as boiler
/// plate does across a vendor's documents.
pub fn built(format: Format, min_bytes: usize, varied: bool) -> Input {
    let parts: Vec<String> = corpus()
        .into_iter()
        .filter(|i| i.format == format)
        .map(|i| String::from_utf8(i.bytes).expect("corpus is UTF-8"))
        .collect();
    let mut text = String::with_capacity(min_bytes + 64 * 1024);
    let mut k = 0;
    while text.len() < min_bytes {
        for part in &parts {
            if varied {
                text.push_str(&vary(part, k));
            } else {
                text.push_str(part);
            }
            text.push_str("\n\n");
            k += 1;
        }
    }
    let mb = text.len() / (1024 * 1024);
    let kind = if varied { "varied" } else { "repeated" };
    Input {
        name: format!("built-{kind}-{mb}MiB.{}", extension(format)),
        bytes: text.into_bytes(),
        format,
    }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Markdown => "md",
        Format::Text => "txt",
    }
}

/// The pathological shapes of issue 6, each about a megabyte or more.
pub fn pathological() -> Vec<Input> {
    let sentence = "We back up Customer Data daily and restrict access to authorised staff. \
        The weather in the valley was mild for most of the year. ";
    let single_line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    let mut deep = String::new();
    for depth in 0..3000 {
        deep.push_str(&"  ".repeat(depth));
        deep.push_str("- We back up Customer Data daily.\n");
    }
    let mut quotes = ">".repeat(50_000);
    quotes.push_str(" We back up Customer Data daily.\n");
    let cues = "backup restore encryption sub-processor malware access control incident \
        notify jurisdiction data location export deletion forensic evidence ";
    let cue_run = cues.repeat(1024 * 1024 / cues.len() + 1);
    vec![
        Input {
            name: "single-line-10MiB.md".into(),
            bytes: single_line.into_bytes(),
            format: Format::Markdown,
        },
        Input {
            name: "nested-lists-3000.md".into(),
            bytes: deep.into_bytes(),
            format: Format::Markdown,
        },
        Input {
            name: "quote-markers-50000.md".into(),
            bytes: quotes.into_bytes(),
            format: Format::Markdown,
        },
        Input {
            name: "cue-words-1MiB.txt".into(),
            bytes: cue_run.into_bytes(),
            format: Format::Text,
        },
    ]
}
