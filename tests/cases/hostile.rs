//! Hostile input, one test each: none may panic, each gives a report or a
//! clear error, and every cited range still maps back to its bytes.
//!
//! How long the pathological ones take is measured by the `pathological`
//! group of `benches/pipeline.rs`, not here.

use std::path::Path;

use clausemap::ingest::Limits;
use clausemap::report::{render, Finding, OutputFormat};
use clausemap::{Error, Format, Report, Status};

use crate::support::ranges::assert_ranges_map_back;
use crate::support::shared_analyzer as analyzer;

/// A short agreement that covers backups, access control and
/// sub-processor notice.
const AGREEMENT: &str = "# Terms\n\n\
    Nimbus Ltd (\"Nimbus\", \"we\") backs up Customer Data every day and keeps each copy for thirty days.\n\n\
    We restrict access to Customer Data to authorised staff with multi-factor authentication.\n\n\
    We will notify you at least 30 days before we engage a new sub-processor.\n";

fn finding<'r>(report: &'r Report, id: &str) -> &'r Finding {
    report
        .findings
        .iter()
        .find(|f| f.id == id)
        .expect("every requirement has a finding")
}

fn status(report: &Report, id: &str) -> Status {
    finding(report, id).status
}

fn statuses(report: &Report) -> Vec<(String, Status)> {
    report
        .findings
        .iter()
        .map(|f| (f.id.clone(), f.status))
        .collect()
}

/// Analyses `bytes`, checks the report's invariants and returns it.
fn analyze(name: &str, bytes: &[u8], format: Format) -> Report {
    let analyzer = analyzer();
    let report = analyzer
        .analyze_bytes(name, bytes, format)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(report.findings.len(), analyzer.catalog().requirements.len());
    assert_ranges_map_back(Path::new(name), bytes, &report);
    report
}

#[test]
fn an_empty_file_is_all_missing() {
    for format in [Format::Markdown, Format::Text] {
        let report = analyze("empty", b"", format);
        assert!(report.findings.iter().all(|f| f.status == Status::Missing));
    }
}

#[test]
fn white_space_only_is_all_missing() {
    let text = " \n\t\r\n\u{a0}\u{200b}\n   \n\u{feff}";
    for format in [Format::Markdown, Format::Text] {
        let report = analyze("blank", text.as_bytes(), format);
        assert!(report.findings.iter().all(|f| f.status == Status::Missing));
    }
}

#[test]
fn binary_input_is_a_clear_error() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(&[0, 0, 0x14, 0, 0xff, 0xfe, 0]);
    let err = analyzer()
        .analyze_bytes("archive.md", &bytes, Format::Markdown)
        .unwrap_err();
    assert!(matches!(err, Error::Binary { offset: 4, .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("archive.md: "), "{message}");
    assert!(message.contains("pdftotext"), "says what to do: {message}");
}

#[test]
fn invalid_utf8_is_replaced_counted_and_still_analysed() {
    let mut bytes = AGREEMENT.replace("thirty", "thirty \u{1}").into_bytes();
    // Stray continuation bytes and a truncated sequence inside sentences.
    let at = AGREEMENT.find("authorised").expect("word present");
    bytes.splice(at..at, [0x80, 0xbf, b' ']);
    bytes.extend_from_slice(b"\nTrailing \xe2\x82");
    let report = analyze("latin.md", &bytes, Format::Markdown);
    assert!(
        report
            .document
            .warnings
            .iter()
            .any(|w| w.contains("invalid UTF-8")),
        "{:?}",
        report.document.warnings
    );
    assert_eq!(status(&report, "i"), Status::Covered);
    assert_eq!(status(&report, "b"), Status::Covered);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&pair);
    }
    out
}

#[test]
fn utf16_with_a_bom_reads_like_utf8() {
    let plain = analyze("terms.md", AGREEMENT.as_bytes(), Format::Markdown);
    for big_endian in [false, true] {
        let bytes = utf16(AGREEMENT, big_endian);
        let report = analyzer()
            .analyze_bytes("terms.md", &bytes, Format::Markdown)
            .expect("UTF-16 decodes");
        assert_eq!(statuses(&report), statuses(&plain));
        for (wide, narrow) in report.findings.iter().zip(&plain.findings) {
            for (w, n) in wide.excerpts.iter().zip(&narrow.excerpts) {
                assert_eq!(w.text, n.text);
                assert_eq!(w.line, n.line);
                // Ranges are in the bytes as read: past the 2-byte BOM, two
                // bytes per code unit (the text is all in the BMP).
                let units = |s: u64| AGREEMENT[..s as usize].encode_utf16().count() as u64;
                assert_eq!(w.start, 2 + 2 * units(n.start));
                assert_eq!(w.end, 2 + 2 * units(n.end));
            }
        }
    }
}

#[test]
fn crlf_and_mixed_line_endings_read_like_lf() {
    let crlf = AGREEMENT.replace('\n', "\r\n");
    let mut mixed = String::new();
    for (i, line) in AGREEMENT.split_inclusive('\n').enumerate() {
        let ending = ["\r\n", "\n", "\r"][i % 3];
        mixed.push_str(line.trim_end_matches('\n'));
        mixed.push_str(ending);
    }
    for format in [Format::Markdown, Format::Text] {
        let reference = analyze("lf", AGREEMENT.as_bytes(), format);
        assert_eq!(status(&reference, "i"), Status::Covered);
        for (name, text) in [("crlf.md", &crlf), ("mixed.md", &mixed)] {
            let report = analyze(name, text.as_bytes(), format);
            assert_eq!(statuses(&report), statuses(&reference), "{name}");
            for (a, b) in report.findings.iter().zip(&reference.findings) {
                let lines = |f: &Finding| f.excerpts.iter().map(|e| e.line).collect::<Vec<_>>();
                assert_eq!(lines(a), lines(b), "{name} {}", a.id);
            }
        }
    }
}

#[test]
fn a_ten_megabyte_single_line_is_analysed() {
    let sentence = "We back up Customer Data daily and restrict access to authorised staff. \
        The weather in the valley was mild for most of the year. ";
    let line = sentence.repeat(10 * 1024 * 1024 / sentence.len() + 1);
    assert!(line.len() >= 10 * 1024 * 1024 && !line.contains('\n'));
    for format in [Format::Markdown, Format::Text] {
        let report = analyzer()
            .analyze_str("one-line", &line, format)
            .expect("analyses");
        assert_eq!(status(&report, "i"), Status::Covered);
        let e = &finding(&report, "i").excerpts[0];
        assert_eq!(e.line, 1);
        assert!(line.is_char_boundary(e.start as usize) && (e.end as usize) <= line.len());
    }
}

#[test]
fn three_thousand_deep_nested_lists_do_not_overflow() {
    let mut text = String::new();
    for depth in 0..3000 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- We back up Customer Data daily.\n");
    }
    analyze("deep.md", text.as_bytes(), Format::Markdown);
    let numbered: String = (0..3000)
        .map(|d| {
            format!(
                "{}{}. We back up Customer Data daily.\n",
                " ".repeat(d * 3),
                d + 1
            )
        })
        .collect();
    analyze("deep-numbered.md", numbered.as_bytes(), Format::Markdown);
    analyze("deep.txt", numbered.as_bytes(), Format::Text);
}

#[test]
fn fifty_thousand_quote_markers_do_not_overflow() {
    let mut text = ">".repeat(50_000);
    text.push_str(" We back up Customer Data daily.\n");
    for format in [Format::Markdown, Format::Text] {
        analyze("quotes", text.as_bytes(), format);
    }
    let stairs: String = (1..=300)
        .map(|d| format!("{} We back up Customer Data daily.\n", ">".repeat(d)))
        .collect();
    analyze("stairs.md", stairs.as_bytes(), Format::Markdown);
}

#[test]
fn invisible_characters_inside_cue_words_do_not_hide_them() {
    for joiner in ['\u{200b}', '\u{ad}', '\u{200d}', '\u{2060}', '\u{feff}'] {
        let text = format!(
            "# Terms\n\nWe back{joiner}up Customer Data every day.\n\n\
             We restrict ac{joiner}cess to Customer Data to authorised staff.\n"
        );
        let report = analyze("joined.md", text.as_bytes(), Format::Markdown);
        assert_eq!(status(&report, "i"), Status::Covered, "{joiner:?}");
        assert_eq!(status(&report, "b"), Status::Covered, "{joiner:?}");
        let excerpt = &finding(&report, "i").excerpts[0];
        assert!(excerpt.text.contains("backup"), "{:?}", excerpt.text);
    }
    // Non-breaking spaces join words like spaces do.
    let text = "We\u{a0}back\u{a0}up Customer\u{a0}Data every day.\n";
    let report = analyze("nbsp.txt", text.as_bytes(), Format::Text);
    assert_eq!(status(&report, "i"), Status::Covered);
}

#[test]
fn a_megabyte_of_back_to_back_cue_words_is_analysed() {
    let cues = "backup restore encryption sub-processor malware access control incident \
        notify jurisdiction data location export deletion forensic evidence ";
    let text = cues.repeat(1024 * 1024 / cues.len() + 1);
    for format in [Format::Markdown, Format::Text] {
        let report = analyze("cues", text.as_bytes(), format);
        // With no sentence end anywhere, the text is read in bounded
        // pieces: no excerpt is more than a window of it.
        for e in report.findings.iter().flat_map(|f| &f.excerpts) {
            assert!(e.end - e.start <= 8192, "{}..{}", e.start, e.end);
        }
    }
}

#[test]
fn input_over_the_size_limit_is_a_clear_error() {
    let analyzer = analyzer().clone().with_limits(Limits {
        max_input_bytes: 1000,
    });
    let text = "We back up Customer Data daily. ".repeat(40);
    let err = analyzer
        .analyze_str("big.md", &text, Format::Markdown)
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::TooLarge {
                size: 1280,
                limit: 1000,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("max_input_bytes"), "{err}");
    // The same from a file, refused before it is read.
    let dir = std::env::temp_dir().join(format!("clausemap-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.md");
    std::fs::write(&path, &text).expect("write");
    let err = analyzer.analyze_file(&path, None).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("big.md"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let text = "# Terms\r\rIntro.\r\rWe back up Customer Data every day.\r";
    let report = analyze("mac.md", text.as_bytes(), Format::Markdown);
    assert_eq!(status(&report, "i"), Status::Covered);
    assert_eq!(finding(&report, "i").excerpts[0].line, 5);
}

#[test]
fn terminal_escapes_in_a_contract_do_not_reach_the_terminal() {
    let text = "# Terms \u{1b}]0;owned\u{7}\n\n\
        We back up Customer Data \u{1b}[31mevery day\u{1b}[0m and keep it safe.\u{9b}2J\n";
    let report = analyze("escapes.md", text.as_bytes(), Format::Markdown);
    assert_eq!(status(&report, "i"), Status::Covered);
    let rendered = render(&report, OutputFormat::Text);
    assert!(rendered.contains("every day"), "{rendered}");
    assert!(
        !rendered
            .chars()
            .any(|c| c == '\u{1b}' || c == '\u{9b}' || c == '\u{7}'),
        "{rendered:?}"
    );
}
