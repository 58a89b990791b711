//! Evaluates clausemap on labelled passages, one requirement each.
//!
//! `cargo run --release --example evaluate_sentences -- FILE.jsonl... [--errors]`
//!
//! Each line of a file is `{"id": "i", "status": "covered", "text": "..."}`:
//! a short passage whose status for requirement `id` is known. Every
//! passage is analysed on its own, after a one-line preamble that names
//! the parties ("the provider" / "the customer"), and the status found for
//! `id` is compared with the label. Prints accuracy, per-requirement
//! scores and the confusion matrix; `--errors` lists every miss. The
//! passages in `corpus/sentences/` were written for this in our own words.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clausemap::{Analyzer, Error, Format, Status};

/// Names the parties as an agreement's opening would.
const PREAMBLE: &str = "These terms are between the provider (\"Provider\", \"we\", \"us\") \
                        and the customer (\"Customer\", \"you\").\n\n";

const STATUSES: [Status; 4] = [
    Status::Covered,
    Status::Partial,
    Status::Disclaimed,
    Status::Missing,
];

/// One labelled passage.
struct Passage {
    id: String,
    status: Status,
    text: String,
    line: String,
}

fn status_named(name: &str) -> Option<Status> {
    STATUSES.into_iter().find(|s| s.name() == name)
}

fn load(path: &PathBuf) -> Result<Vec<Passage>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.clone(),
        source: e,
    })?;
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = format!("{}:{}", path.display(), n + 1);
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| Error::Usage(format!("{at}: not JSON: {e}")))?;
        let field = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .map(str::to_string)
                .ok_or_else(|| Error::Usage(format!("{at}: no string field '{k}'")))
        };
        let status = field("status")?;
        out.push(Passage {
            id: field("id")?,
            status: status_named(&status)
                .ok_or_else(|| Error::Usage(format!("{at}: unknown status '{status}'")))?,
            text: field("text")?,
            line: at,
        });
    }
    Ok(out)
}

fn run() -> Result<(), Error> {
    let mut files = Vec::new();
    let mut errors = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--errors" => errors = true,
            "-h" | "--help" => {
                println!("usage: evaluate_sentences FILE.jsonl... [--errors]");
                return Ok(());
            }
            s if s.starts_with('-') => {
                return Err(Error::Usage(format!("unknown option '{s}'; try --help")))
            }
            s => files.push(PathBuf::from(s)),
        }
    }
    if files.is_empty() {
        return Err(Error::Usage(
            "usage: evaluate_sentences FILE.jsonl... [--errors]".into(),
        ));
    }
    let analyzer = Analyzer::builtin()?;
    let mut passages = Vec::new();
    for f in &files {
        passages.extend(load(f)?);
    }
    let mut per_id: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusion = [[0usize; 4]; 4];
    let mut misses = Vec::new();
    for p in &passages {
        let report = analyzer.analyze_str(
            "passage.md",
            &format!("{PREAMBLE}{}", p.text),
            Format::Markdown,
        )?;
        let got = report
            .findings
            .iter()
            .find(|f| f.id == p.id)
            .map(|f| f.status)
            .ok_or_else(|| Error::Usage(format!("{}: unknown requirement '{}'", p.line, p.id)))?;
        let entry = per_id.entry(p.id.clone()).or_default();
        entry.1 += 1;
        if got == p.status {
            entry.0 += 1;
        } else {
            misses.push((p, got));
        }
        let row = STATUSES.iter().position(|s| *s == p.status).unwrap_or(3);
        let col = STATUSES.iter().position(|s| *s == got).unwrap_or(3);
        if let Some(cell) = confusion.get_mut(row).and_then(|r| r.get_mut(col)) {
            *cell += 1;
        }
    }
    let right: usize = per_id.values().map(|(r, _)| r).sum();
    println!("passages: {}", passages.len());
    println!(
        "accuracy: {:.3}",
        right as f64 / passages.len().max(1) as f64
    );
    println!("\nper requirement (correct/total):");
    for (id, (r, t)) in &per_id {
        println!("  {id:<9} {r}/{t}");
    }
    println!("\nconfusion (rows gold, columns predicted):");
    println!("               covered  partial disclaimed  missing");
    for (s, row) in STATUSES.iter().zip(confusion) {
        println!(
            "  {:<12}{:>8}{:>9}{:>11}{:>9}",
            s.name(),
            row[0],
            row[1],
            row[2],
            row[3]
        );
    }
    if errors {
        println!("\nwrong statuses:");
        for (p, got) in misses {
            println!(
                "  {} {} gold {} got {}: {}",
                p.line,
                p.id,
                p.status.name(),
                got.name(),
                p.text
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate_sentences: {e}");
            ExitCode::FAILURE
        }
    }
}
