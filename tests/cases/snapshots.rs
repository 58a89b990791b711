//! Statuses must not change by accident: every labelled agreement's
//! statuses are kept in `tests/snapshots/` and compared on each run, so a
//! speed-up or a refactoring that changes a judgement fails here. When a
//! change is meant (a better rule), rerun with `CLAUSEMAP_BLESS=1` and
//! commit the new snapshot with the evaluator's figures.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clausemap::eval::load_gold_dir;

use crate::{real_dir, reports};

/// One line per agreement: its file name and the status of each
/// requirement in catalog order, e.g. `terms.md a=covered b=missing ...`.
fn statuses_of(dir: &Path) -> String {
    let docs = load_gold_dir(dir).expect("gold labels load");
    let mut out = String::new();
    for (path, _, report) in reports(&docs) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let _ = write!(out, "{}", name.unwrap_or_default());
        for f in &report.findings {
            let _ = write!(out, " {}={}", f.id, f.status);
        }
        out.push('\n');
    }
    out
}

fn snapshot(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

fn assert_matches_snapshot(dir: &Path, name: &str) {
    let now = statuses_of(dir);
    let path = snapshot(name);
    if std::env::var_os("CLAUSEMAP_BLESS").is_some() {
        std::fs::write(&path, &now).expect("snapshot written");
        return;
    }
    let before =
        std::fs::read_to_string(&path).expect("snapshot present (CLAUSEMAP_BLESS=1 writes it)");
    let changed: Vec<String> = before
        .lines()
        .zip(now.lines())
        .filter(|(b, n)| b != n)
        .map(|(b, n)| format!("- {b}\n+ {n}"))
        .collect();
    assert!(
        changed.is_empty() && before.lines().count() == now.lines().count(),
        "statuses changed against {} (rerun with CLAUSEMAP_BLESS=1 if meant):\n{}",
        path.display(),
        changed.join("\n")
    );
}

#[test]
fn corpus_statuses_match_the_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    assert_matches_snapshot(&dir, "corpus-statuses.txt");
}

#[test]
fn real_agreement_statuses_match_the_snapshot() {
    let Some(dir) = real_dir() else { return };
    assert_matches_snapshot(&dir, "real-statuses.txt");
}
