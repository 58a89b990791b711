//! Evaluates clausemap on labelled passages, one requirement each.
//!
//! `cargo run --release --example evaluate_sentences -- FILE.jsonl... [--errors]`
//!
//! Each line of a file is `{"id": "i", "status": "covered", "text": "..."}`:
//! a short passage whose status for requirement `id` is known. Every
//! passage is analysed on its own, after a one-line preamble that names
//! the parties ("the provider" / "the customer"), and the status found for
//! `id` is compared with the label. Prints the evaluator's figures
//! (accuracy, F1 per status, per-requirement scores, confusion matrix,
//! calibration; there is no evidence to cite); `--errors` lists every
//! miss. The
//! passages in `corpus/sentences/` were written for this in our own words.

use std::path::PathBuf;
use std::process::ExitCode;

use clausemap::eval::{Evaluation, Outcome};
use clausemap::{Analyzer, Error, Format, Status};

/// Names the parties as an agreement's opening would.
const PREAMBLE: &str = "These terms are between the provider (\"Provider\", \"we\", \"us\") \
                        and the customer (\"Customer\", \"you\").\n\n";

/// One labelled passage.
struct Passage {
    id: String,
    status: Status,
    text: String,
    /// `FILE:LINE`, reported in place of a document name.
    line: String,
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
            status: Status::from_name(&status)
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
    let mut ev = Evaluation::default();
    for f in &files {
        for p in load(f)? {
            let report = analyzer.analyze_str(
                "passage.md",
                &format!("{PREAMBLE}{}", p.text),
                Format::Markdown,
            )?;
            let finding = report
                .findings
                .iter()
                .find(|f| f.id == p.id)
                .ok_or_else(|| {
                    Error::Usage(format!("{}: unknown requirement '{}'", p.line, p.id))
                })?;
            ev.outcomes.push(Outcome {
                document: format!("{}  {}", p.line, p.text),
                id: p.id,
                gold: p.status,
                predicted: finding.status,
                confidence: finding.confidence,
                // Passages carry no evidence fragments to cite.
                cited: None,
            });
        }
    }
    print!("{}", ev.render());
    if errors {
        println!("\nwrong statuses:");
        for o in ev.errors() {
            println!(
                "  {} gold {} got {} ({:.2}): {}",
                o.id,
                o.gold.name(),
                o.predicted.name(),
                o.confidence,
                o.document
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
