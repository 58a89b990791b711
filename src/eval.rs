//! Evaluation against gold labels (`clausemap.gold.v1`): accuracy,
//! macro-F1 over the four statuses, per-requirement scores, the confusion
//! matrix, the citation hit rate and a calibration table.
//!
//! Used by `cargo run --example evaluate -- DIR` and by the test suite.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analyzer::Analyzer;
use crate::document::Format;
use crate::error::{Error, Result};
use crate::report::Report;
use crate::status::Status;

/// The schema name of gold files.
pub const GOLD_SCHEMA: &str = "clausemap.gold.v1";

/// The gold label of one requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldLabel {
    /// The correct status.
    pub status: Status,
    /// Verbatim fragments of supporting sentences.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Why the call was made, for hard calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A gold file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// Always [`GOLD_SCHEMA`].
    pub schema: String,
    /// File name of the labelled document, beside the gold file.
    pub document: String,
    /// The provider's name.
    #[serde(default)]
    pub provider: String,
    /// Labels by requirement id.
    pub labels: BTreeMap<String, GoldLabel>,
}

/// A labelled document: where it is and its gold.
#[derive(Debug, Clone)]
pub struct Labelled {
    /// Path of the document.
    pub path: PathBuf,
    /// Its gold labels.
    pub gold: Gold,
}

/// Loads every `NAME.gold.json` in `dir` (sorted by name).
///
/// # Errors
///
/// [`Error::Io`] if the folder or a file cannot be read, [`Error::Usage`]
/// if a gold file is malformed.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<Labelled>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut gold_files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".gold.json"))
        })
        .collect();
    gold_files.sort();
    let mut out = Vec::new();
    for gf in gold_files {
        let text = std::fs::read_to_string(&gf).map_err(|source| Error::Io {
            path: gf.clone(),
            source,
        })?;
        let gold: Gold = serde_json::from_str(&text)
            .map_err(|e| Error::Usage(format!("{}: not a gold file: {e}", gf.display())))?;
        if gold.schema != GOLD_SCHEMA {
            return Err(Error::Usage(format!(
                "{}: schema is '{}', expected '{GOLD_SCHEMA}'",
                gf.display(),
                gold.schema
            )));
        }
        out.push(Labelled {
            path: dir.join(&gold.document),
            gold,
        });
    }
    Ok(out)
}

/// Splits labelled documents into `k` folds by their position in name
/// order (`index % k`). Returns fold `i` (the held-out part) when
/// `held_out`, else the other folds (the tuning part).
pub fn fold(docs: &[Labelled], i: usize, k: usize, held_out: bool) -> Vec<Labelled> {
    docs.iter()
        .enumerate()
        .filter(|(n, _)| k == 0 || ((n % k) == i) == held_out)
        .map(|(_, d)| d.clone())
        .collect()
}

/// Normalises text for evidence comparison: white space collapsed,
/// Markdown emphasis markers, backticks and soft hyphens dropped.
pub fn normalize_evidence(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '\u{00AD}'))
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn index(s: Status) -> usize {
    match s {
        Status::Covered => 0,
        Status::Partial => 1,
        Status::Disclaimed => 2,
        Status::Missing => 3,
    }
}

/// One requirement of one document, gold against predicted.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Document file name.
    pub document: String,
    /// Requirement id.
    pub id: String,
    /// Gold status.
    pub gold: Status,
    /// Predicted status.
    pub predicted: Status,
    /// Predicted confidence.
    pub confidence: f64,
    /// Whether a cited excerpt contains a gold evidence fragment (`None`
    /// when citations are not scored: either side is `missing`).
    pub cited: Option<bool>,
}

/// The result of evaluating a labelled set.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Every requirement of every document.
    pub outcomes: Vec<Outcome>,
    /// Documents that could not be analysed, with the error.
    pub failures: Vec<(String, String)>,
}

/// Analyses every labelled document and compares with its gold.
pub fn evaluate(analyzer: &Analyzer, docs: &[Labelled]) -> Evaluation {
    let mut ev = Evaluation::default();
    for d in docs {
        let format = Format::from_path(&d.path).unwrap_or(Format::Text);
        match analyzer.analyze_file(&d.path, Some(format)) {
            Ok(report) => ev.add(&d.gold, &report),
            Err(e) => ev.failures.push((d.gold.document.clone(), e.to_string())),
        }
    }
    ev
}

impl Evaluation {
    /// Adds one document's report.
    pub fn add(&mut self, gold: &Gold, report: &Report) {
        for f in &report.findings {
            let Some(label) = gold.labels.get(&f.id) else {
                continue;
            };
            let cited = if label.status != Status::Missing && f.status != Status::Missing {
                let excerpts: Vec<String> = f
                    .excerpts
                    .iter()
                    .map(|e| normalize_evidence(&e.text))
                    .collect();
                Some(label.evidence.iter().any(|ev| {
                    let ev = normalize_evidence(ev);
                    !ev.is_empty() && excerpts.iter().any(|x| x.contains(&ev))
                }))
            } else {
                None
            };
            self.outcomes.push(Outcome {
                document: gold.document.clone(),
                id: f.id.clone(),
                gold: label.status,
                predicted: f.status,
                confidence: f.confidence,
                cited,
            });
        }
    }

    /// Share of statuses predicted correctly.
    pub fn accuracy(&self) -> f64 {
        let n = self.outcomes.len();
        if n == 0 {
            return 0.0;
        }
        self.outcomes
            .iter()
            .filter(|o| o.gold == o.predicted)
            .count() as f64
            / n as f64
    }

    /// Confusion matrix: `[gold][predicted]`, in the order covered,
    /// partial, disclaimed, missing.
    pub fn confusion(&self) -> [[usize; 4]; 4] {
        let mut m = [[0usize; 4]; 4];
        for o in &self.outcomes {
            if let Some(row) = m.get_mut(index(o.gold)) {
                if let Some(cell) = row.get_mut(index(o.predicted)) {
                    *cell += 1;
                }
            }
        }
        m
    }

    /// F1 of one status (0 when it never occurs on either side).
    pub fn f1(&self, status: Status) -> f64 {
        let tp = self
            .outcomes
            .iter()
            .filter(|o| o.gold == status && o.predicted == status)
            .count() as f64;
        let fp = self
            .outcomes
            .iter()
            .filter(|o| o.gold != status && o.predicted == status)
            .count() as f64;
        let fn_ = self
            .outcomes
            .iter()
            .filter(|o| o.gold == status && o.predicted != status)
            .count() as f64;
        if tp == 0.0 {
            return 0.0;
        }
        let p = tp / (tp + fp);
        let r = tp / (tp + fn_);
        2.0 * p * r / (p + r)
    }

    /// Unweighted mean of the four statuses' F1.
    pub fn macro_f1(&self) -> f64 {
        Status::ALL.iter().map(|&s| self.f1(s)).sum::<f64>() / 4.0
    }

    /// Share of scored findings whose excerpts contain gold evidence, with
    /// the counts (hits, scored).
    pub fn citation_hit_rate(&self) -> (f64, usize, usize) {
        let scored: Vec<bool> = self.outcomes.iter().filter_map(|o| o.cited).collect();
        let hits = scored.iter().filter(|&&h| h).count();
        let rate = if scored.is_empty() {
            0.0
        } else {
            hits as f64 / scored.len() as f64
        };
        (rate, hits, scored.len())
    }

    /// Per requirement: (correct, total), in id order.
    pub fn per_requirement(&self) -> BTreeMap<String, (usize, usize)> {
        let mut m: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for o in &self.outcomes {
            let e = m.entry(o.id.clone()).or_insert((0, 0));
            e.1 += 1;
            if o.gold == o.predicted {
                e.0 += 1;
            }
        }
        m
    }

    /// Calibration: per confidence bucket `[lo, hi)`, (count, correct).
    pub fn calibration(&self) -> Vec<((f64, f64), usize, usize)> {
        let edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
        edges
            .windows(2)
            .filter_map(|w| match w {
                [lo, hi] => {
                    let inb: Vec<&Outcome> = self
                        .outcomes
                        .iter()
                        .filter(|o| o.confidence >= *lo && o.confidence < *hi)
                        .collect();
                    let ok = inb.iter().filter(|o| o.gold == o.predicted).count();
                    Some(((*lo, hi.min(1.0)), inb.len(), ok))
                }
                _ => None,
            })
            .collect()
    }

    /// A readable report of every figure.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let n = self.outcomes.len();
        let docs: std::collections::BTreeSet<&str> =
            self.outcomes.iter().map(|o| o.document.as_str()).collect();
        let (cite, hits, scored) = self.citation_hit_rate();
        let _ = writeln!(
            out,
            "documents: {}   findings: {n}   failed: {}",
            docs.len(),
            self.failures.len()
        );
        for (d, e) in &self.failures {
            let _ = writeln!(out, "  failed {d}: {e}");
        }
        let _ = writeln!(out, "accuracy (4-class): {:.3}", self.accuracy());
        let _ = writeln!(out, "macro-F1:           {:.3}", self.macro_f1());
        for s in Status::ALL {
            let _ = writeln!(out, "  F1 {:<11} {:.3}", s.name(), self.f1(s));
        }
        let _ = writeln!(out, "citation hit rate:  {cite:.3} ({hits}/{scored})");
        out.push_str("\nper requirement (correct/total):\n");
        for (id, (ok, total)) in self.per_requirement() {
            let _ = writeln!(out, "  {id:<9} {ok:>3}/{total:<3}");
        }
        out.push_str("\nconfusion (rows gold, columns predicted):\n");
        let _ = writeln!(
            out,
            "  {:<11} {:>8} {:>8} {:>10} {:>8}",
            "", "covered", "partial", "disclaimed", "missing"
        );
        for (s, row) in Status::ALL.iter().zip(self.confusion()) {
            let _ = writeln!(
                out,
                "  {:<11} {:>8} {:>8} {:>10} {:>8}",
                s.name(),
                row[0],
                row[1],
                row[2],
                row[3]
            );
        }
        out.push_str("\ncalibration (confidence bucket: findings, observed share correct):\n");
        for ((lo, hi), count, ok) in self.calibration() {
            let share = if count == 0 {
                String::from("-")
            } else {
                format!("{:.2}", ok as f64 / count as f64)
            };
            let _ = writeln!(out, "  [{lo:.1}, {hi:.1}) {count:>5} {share:>6}");
        }
        out
    }

    /// The wrong outcomes, for working on the rules.
    pub fn errors(&self) -> Vec<&Outcome> {
        self.outcomes
            .iter()
            .filter(|o| o.gold != o.predicted)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_normalisation() {
        assert_eq!(
            normalize_evidence("We **back up**\n  your_data\u{ad}."),
            "We back up yourdata."
        );
    }

    #[test]
    fn metrics_on_a_small_set() {
        let mk = |g, p| Outcome {
            document: "d".into(),
            id: "a".into(),
            gold: g,
            predicted: p,
            confidence: 0.8,
            cited: None,
        };
        let ev = Evaluation {
            outcomes: vec![
                mk(Status::Covered, Status::Covered),
                mk(Status::Covered, Status::Partial),
                mk(Status::Missing, Status::Missing),
                mk(Status::Disclaimed, Status::Missing),
            ],
            failures: Vec::new(),
        };
        assert!((ev.accuracy() - 0.5).abs() < 1e-9);
        assert!((ev.f1(Status::Covered) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(ev.f1(Status::Disclaimed), 0.0);
        assert_eq!(ev.confusion()[0], [1, 1, 0, 0]);
    }
}
