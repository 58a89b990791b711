//! Evaluates clausemap against gold labels.
//!
//! `cargo run --release --example evaluate -- DIR [--errors] [--catalog PATH]`
//!
//! For every `NAME.gold.json` in DIR, analyses the document beside it and
//! prints accuracy, macro-F1, per-requirement scores, the confusion matrix,
//! the citation hit rate and a calibration table. `--errors` also lists
//! every wrong status. `--fold I/K` evaluates only fold I of K (documents
//! in name order, fold = position mod K); `--train I/K` evaluates the other
//! folds. Rules are tuned on training folds and checked on held-out ones.

use std::path::PathBuf;
use std::process::ExitCode;

use clausemap::eval::{evaluate, fold, load_gold_dir};
use clausemap::{Analyzer, Catalog, Error};

fn run() -> Result<(), Error> {
    let mut dir: Option<PathBuf> = None;
    let mut catalog: Option<PathBuf> = None;
    let mut errors = false;
    let mut split: Option<(usize, usize, bool)> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => errors = true,
            "--catalog" => {
                catalog = Some(
                    args.next()
                        .map(PathBuf::from)
                        .ok_or_else(|| Error::Usage("--catalog needs a path".into()))?,
                )
            }
            "--fold" | "--train" => {
                let v = args
                    .next()
                    .ok_or_else(|| Error::Usage(format!("{a} needs I/K, e.g. 0/3")))?;
                let (i, k) = v
                    .split_once('/')
                    .and_then(|(i, k)| Some((i.parse::<usize>().ok()?, k.parse::<usize>().ok()?)))
                    .filter(|&(i, k)| k > 0 && i < k)
                    .ok_or_else(|| {
                        Error::Usage(format!("{a} needs I/K with I < K, e.g. 0/3, not '{v}'"))
                    })?;
                split = Some((i, k, a == "--fold"));
            }
            "-h" | "--help" => {
                println!(
                    "usage: evaluate DIR [--errors] [--catalog PATH] [--fold I/K | --train I/K]"
                );
                return Ok(());
            }
            s if s.starts_with('-') => {
                return Err(Error::Usage(format!("unknown option '{s}'; try --help")))
            }
            s => dir = Some(PathBuf::from(s)),
        }
    }
    let dir =
        dir.ok_or_else(|| Error::Usage("usage: evaluate DIR [--errors] [--catalog PATH]".into()))?;
    let catalog = match catalog {
        Some(p) => Catalog::from_path(&p)?,
        None => Catalog::builtin()?,
    };
    let analyzer = Analyzer::new(&catalog)?;
    let mut docs = load_gold_dir(&dir)?;
    if let Some((i, k, held_out)) = split {
        docs = fold(&docs, i, k, held_out);
        let names: Vec<&str> = docs.iter().map(|d| d.gold.document.as_str()).collect();
        println!(
            "{} {i}/{k}: {}",
            if held_out {
                "fold"
            } else {
                "training folds except"
            },
            names.join(", ")
        );
    }
    if docs.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no *.gold.json files",
            dir.display()
        )));
    }
    let ev = evaluate(&analyzer, &docs);
    print!("{}", ev.render());
    if errors {
        println!("\nwrong statuses:");
        for o in ev.errors() {
            println!(
                "  {:<48} {:<9} gold {:<10} got {:<10} ({:.2})",
                o.document,
                o.id,
                o.gold.name(),
                o.predicted.name(),
                o.confidence
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}
