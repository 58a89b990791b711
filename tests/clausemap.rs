//! The integration tests, in one binary: driven by the catalog's own
//! example sentences and by the gold labels of `corpus/` (and, when it is
//! beside the project, `../shared/corpus/real`).

use std::path::{Path, PathBuf};

use clausemap::eval::{evaluate, load_gold_dir, Labelled};
use clausemap::report::{render, OutputFormat, Report};
use clausemap::{Analyzer, Catalog, Format, Status};

mod cases;
mod support;

use support::ranges::assert_ranges_map_back;

fn analyzer() -> Analyzer {
    Analyzer::builtin().expect("built-in catalog compiles")
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn real_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the real agreements are not part of the project)",
            dir.display()
        );
        None
    }
}

fn reports(docs: &[Labelled]) -> Vec<(PathBuf, Vec<u8>, Report)> {
    let a = analyzer();
    docs.iter()
        .map(|d| {
            let bytes = std::fs::read(&d.path).expect("document readable");
            let format = Format::from_path(&d.path).expect("known extension");
            let report = a
                .analyze_bytes(&d.path.display().to_string(), &bytes, format)
                .expect("analyses");
            (d.path.clone(), bytes, report)
        })
        .collect()
}

#[test]
fn catalog_examples_reach_their_statuses() {
    let a = analyzer();
    let catalog = Catalog::builtin().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for req in &catalog.requirements {
        for ex in &req.examples {
            let report = a
                .analyze_str("example.md", &ex.text, Format::Markdown)
                .unwrap();
            let finding = report.findings.iter().find(|f| f.id == req.id).unwrap();
            checked += 1;
            if let Some(want) = ex.status {
                if finding.status != want {
                    failures.push(format!(
                        "{}: want {want}, got {}: {}",
                        req.id, finding.status, ex.text
                    ));
                }
            }
            if let Some(avoid) = ex.not {
                if finding.status == avoid {
                    failures.push(format!("{}: must not be {avoid}: {}", req.id, ex.text));
                }
            }
        }
    }
    assert!(
        checked >= 13 * 4,
        "every requirement carries examples ({checked})"
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_gold_labels_are_met() {
    let docs = load_gold_dir(&corpus_dir()).unwrap();
    assert!(
        docs.len() >= 8,
        "corpus holds at least 8 labelled agreements"
    );
    let ev = evaluate(&analyzer(), &docs);
    println!("{}", ev.render());
    assert!(ev.failures.is_empty(), "{:?}", ev.failures);
    assert!(
        ev.accuracy() >= 0.74,
        "corpus accuracy {:.3}",
        ev.accuracy()
    );
    assert!(
        ev.macro_f1() >= 0.70,
        "corpus macro-F1 {:.3}",
        ev.macro_f1()
    );
    assert!(
        ev.citation_hit_rate().0 >= 0.75,
        "corpus citation hit {:.3}",
        ev.citation_hit_rate().0
    );
}

#[test]
fn corpus_exercises_every_requirement_in_every_status() {
    let docs = load_gold_dir(&corpus_dir()).unwrap();
    let catalog = Catalog::builtin().unwrap();
    for req in &catalog.requirements {
        for status in Status::ALL {
            let n = docs
                .iter()
                .filter(|d| {
                    d.gold
                        .labels
                        .get(&req.id)
                        .is_some_and(|l| l.status == status)
                })
                .count();
            assert!(n >= 1, "{} is never {status} in corpus/", req.id);
        }
    }
}

#[test]
fn real_agreements_meet_the_core_targets() {
    let Some(dir) = real_dir() else { return };
    let docs = load_gold_dir(&dir).unwrap();
    let ev = evaluate(&analyzer(), &docs);
    println!("{}", ev.render());
    assert!(ev.failures.is_empty(), "{:?}", ev.failures);
    assert!(ev.accuracy() >= 0.70, "accuracy {:.3}", ev.accuracy());
    assert!(ev.macro_f1() >= 0.55, "macro-F1 {:.3}", ev.macro_f1());
    assert!(
        ev.citation_hit_rate().0 >= 0.70,
        "citation hit {:.3}",
        ev.citation_hit_rate().0
    );
}

/// Letters and digits of a text, lower-cased: what must survive the trip
/// from raw bytes to excerpt text (markup and white space may not).
#[test]
fn every_excerpt_range_maps_back_to_its_text_in_corpus() {
    let docs = load_gold_dir(&corpus_dir()).unwrap();
    for (path, bytes, report) in reports(&docs) {
        assert_ranges_map_back(&path, &bytes, &report);
    }
}

#[test]
fn every_excerpt_range_maps_back_to_its_text_in_real_agreements() {
    let Some(dir) = real_dir() else { return };
    let docs = load_gold_dir(&dir).unwrap();
    for (path, bytes, report) in reports(&docs) {
        assert_ranges_map_back(&path, &bytes, &report);
    }
}

#[test]
fn reports_round_trip_through_json_and_are_deterministic() {
    let docs = load_gold_dir(&corpus_dir()).unwrap();
    let a = analyzer();
    for (path, bytes, report) in reports(&docs) {
        let json = render(&report, OutputFormat::Json);
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report, "{}", path.display());
        let format = Format::from_path(&path).unwrap();
        let again = a
            .analyze_bytes(&path.display().to_string(), &bytes, format)
            .unwrap();
        assert_eq!(
            render(&again, OutputFormat::Json),
            json,
            "{} not deterministic",
            path.display()
        );
        for f in [OutputFormat::Markdown, OutputFormat::Text] {
            assert_eq!(render(&again, f), render(&report, f));
        }
    }
}

#[test]
fn report_json_has_the_spec_shape() {
    let report = analyzer()
        .analyze_str(
            "t.md",
            "# T\n\nWe back up your data daily.\n",
            Format::Markdown,
        )
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&render(&report, OutputFormat::Json)).unwrap();
    assert_eq!(v["schema"], "clausemap.report.v1");
    for key in ["path", "format", "bytes", "title", "parties", "warnings"] {
        assert!(v["document"].get(key).is_some(), "document.{key}");
    }
    assert_eq!(v["catalog"]["id"], "iso27002-2022-5.23");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 13);
    let ids: Vec<&str> = findings.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "notice-a", "notice-b", "notice-c"]
    );
    let i = &findings[8];
    assert_eq!(i["status"], "covered");
    assert_eq!(i["group"], "provision");
    let ex = &i["excerpts"][0];
    for key in ["text", "start", "end", "line", "section", "stance"] {
        assert!(ex.get(key).is_some(), "excerpt.{key}");
    }
    for key in ["covered", "partial", "disclaimed", "missing"] {
        assert!(v["summary"][key].is_u64());
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Analyzer>();
    check::<Catalog>();
    check::<Report>();
    check::<clausemap::Error>();
    check::<clausemap::document::Document>();
    check::<clausemap::explain::Explanation>();
}

mod batch_outputs {
    use super::*;
    use clausemap::batch::{collect, for_each};
    use clausemap::report::csv::CsvWriter;
    use clausemap::report::html;
    use clausemap::report::table::{Columns, Row};
    use support::webdriver::{find_browser, tempdir::Dir, Session};

    /// A folder with some of our agreements and hostile files: a binary, an
    /// empty file, invalid UTF-8, and a document that tries to inject script
    /// and spreadsheet formulas.
    fn hostile_folder() -> Dir {
        let dir = Dir::new("batch");
        for name in [
            "ferrowind-hosting-conditions.md",
            "quillfern-terms.txt",
            "pebblecast-terms.md",
        ] {
            std::fs::copy(corpus_dir().join(name), dir.0.join(name)).unwrap();
        }
        std::fs::write(dir.0.join("binary.md"), b"%PDF-1.7\0\x01\x02\x03").unwrap();
        std::fs::write(dir.0.join("empty.txt"), b"").unwrap();
        std::fs::write(
            dir.0.join("latin1.txt"),
            b"We back up your data daily \xe9t\xe9.\n",
        )
        .unwrap();
        std::fs::write(
            dir.0.join("inject.md"),
            "# =HYPERLINK(\"http://x\") Terms\n\nWe back up your data daily. \
             <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> \
             </script><script>window.__pwned = 3</script>\n\n\
             You are solely responsible for backing up </td></tr></table><b onclick=x>your content</b>.\n",
        )
        .unwrap();
        dir
    }

    fn rows(dir: &Dir) -> Vec<Row> {
        let a = analyzer();
        let mut rows = Vec::new();
        for_each(&a, collect(std::slice::from_ref(&dir.0)), 2, |p, r| {
            rows.push(Row::new(p, r))
        })
        .unwrap();
        rows
    }

    #[test]
    fn a_batch_with_hostile_files_reports_every_file() {
        let dir = hostile_folder();
        let rows = rows(&dir);
        let names: Vec<String> = rows
            .iter()
            .map(|r| r.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "binary.md",
                "empty.txt",
                "ferrowind-hosting-conditions.md",
                "inject.md",
                "latin1.txt",
                "pebblecast-terms.md",
                "quillfern-terms.txt"
            ]
        );
        let failed: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| e.kind()))
            .collect();
        assert_eq!(failed, ["binary"]);
        let latin = rows
            .iter()
            .find(|r| r.path.ends_with("latin1.txt"))
            .unwrap();
        assert_eq!(latin.outcome.as_ref().unwrap().document.warnings.len(), 1);
    }

    #[test]
    fn csv_round_trips_and_neutralises_formulas() {
        let dir = hostile_folder();
        let rows = rows(&dir);
        let catalog = Catalog::builtin().unwrap();
        for excerpts in [false, true] {
            let mut w = CsvWriter::new(Vec::new(), Columns::of(&catalog), excerpts).unwrap();
            for r in &rows {
                w.row(r).unwrap();
            }
            let bytes = w.finish().unwrap();
            let mut reader = csv::Reader::from_reader(bytes.as_slice());
            let header = reader.headers().unwrap().clone();
            let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            for rec in &records {
                assert_eq!(rec.len(), header.len());
                for cell in rec.iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "formula cell {cell:?}"
                    );
                }
            }
            if excerpts {
                // One row per cited excerpt (or per finding without one), plus the error.
                let expected: usize = rows
                    .iter()
                    .map(|r| match &r.outcome {
                        Ok(rep) => rep.findings.iter().map(|f| f.excerpts.len().max(1)).sum(),
                        Err(_) => 1,
                    })
                    .sum();
                assert_eq!(records.len(), expected);
            } else {
                assert_eq!(records.len(), rows.len());
                let inject = records
                    .iter()
                    .find(|r| r[0].ends_with("inject.md"))
                    .unwrap();
                assert!(
                    inject[1].starts_with("'="),
                    "title neutralised: {:?}",
                    &inject[1]
                );
                let i_col = header.iter().position(|h| h == "i").unwrap();
                assert_eq!(&inject[i_col], "covered");
            }
        }
    }

    #[test]
    fn html_matrix_works_in_a_real_browser() {
        let Some((chromium, driver)) = find_browser() else {
            assert!(
                std::env::var_os("CLAUSEMAP_REQUIRE_BROWSER").is_none(),
                "CLAUSEMAP_REQUIRE_BROWSER is set but chromium/chromedriver are not installed"
            );
            eprintln!("skipped: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
            return;
        };
        let dir = hostile_folder();
        let rows = rows(&dir);
        let catalog = Catalog::builtin().unwrap();
        let page = html::render(&rows, &Columns::of(&catalog), &catalog.title);
        let file = dir.0.join("matrix.html");
        std::fs::write(&file, &page).unwrap();

        let s = Session::start(&chromium, &driver);
        s.goto(&format!("file://{}", file.display()));
        assert_eq!(s.severe_logs(), Vec::<String>::new(), "console errors");
        let analysed = rows.iter().filter(|r| r.outcome.is_ok()).count();
        let cells = s.find_all("td.cell");
        assert_eq!(cells.len(), analysed * catalog.requirements.len());
        assert_eq!(
            s.find_all("td.error").len(),
            2,
            "the failed file has its own row"
        );

        // Click the backup cell of the sample agreement: its excerpts appear.
        let ferrowind = rows
            .iter()
            .filter(|r| r.outcome.is_ok())
            .position(|r| r.path.ends_with("ferrowind-hosting-conditions.md"))
            .unwrap();
        let i = catalog
            .requirements
            .iter()
            .position(|r| r.id == "i")
            .unwrap();
        let report = rows
            .iter()
            .find(|r| r.path.ends_with("ferrowind-hosting-conditions.md"))
            .unwrap()
            .outcome
            .as_ref()
            .unwrap();
        let finding = &report.findings[i];
        let cell = &cells[ferrowind * catalog.requirements.len() + i];
        s.click(cell);
        let detail = s.text(&s.find_all("#detail")[0]);
        assert!(
            detail.contains(&finding.excerpts[0].text),
            "detail shows the excerpt: {detail}"
        );
        assert!(detail.contains(&format!("line {}", finding.excerpts[0].line)));
        assert_eq!(
            s.find_all("#detail blockquote").len(),
            finding.excerpts.len()
        );

        // Nothing from the documents ran as script or became markup.
        assert_eq!(
            s.execute("return typeof window.__pwned;"),
            serde_json::json!("undefined")
        );
        assert!(s.find_all("b[onclick]").is_empty());
        assert!(s.find_all("img").is_empty());
        assert_eq!(
            s.severe_logs(),
            Vec::<String>::new(),
            "console errors after clicking"
        );
    }
}
