//! Evaluates clausemap against gold labels.
//!
//! `cargo run --release --example evaluate -- DIR [--errors] [--catalog PATH]`
//!
//! For every `NAME.gold.json` in DIR, analyses the document beside it and
//! prints accuracy, macro-F1, per-requirement scores, the confusion matrix,
//! the citation hit rate and a calibration table. `--errors` also lists
//! every wrong status.

use std::path::PathBuf;
use std::process::ExitCode;

use clausemap::eval::{evaluate, load_gold_dir};
use clausemap::{Analyzer, Catalog, Error};

fn run() -> Result<(), Error> {
    let mut dir: Option<PathBuf> = None;
    let mut catalog: Option<PathBuf> = None;
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => errors = true,
            "--catalog" => {
                catalog = Some(args.next().map(PathBuf::from).ok_or_else(|| Error::Usage("--catalog needs a path".into()))?)
            }
            "-h" | "--help" => {
                println!("usage: evaluate DIR [--errors] [--catalog PATH]");
                return Ok(());
            }
            s if s.starts_with('-') => return Err(Error::Usage(format!("unknown option '{s}'; try --help"))),
            s => dir = Some(PathBuf::from(s)),
        }
    }
    let dir = dir.ok_or_else(|| Error::Usage("usage: evaluate DIR [--errors] [--catalog PATH]".into()))?;
    let catalog = match catalog {
        Some(p) => Catalog::from_path(&p)?,
        None => Catalog::builtin()?,
    };
    let analyzer = Analyzer::new(&catalog)?;
    let docs = load_gold_dir(&dir)?;
    if docs.is_empty() {
        return Err(Error::Usage(format!("{}: no *.gold.json files", dir.display())));
    }
    let ev = evaluate(&analyzer, &docs);
    print!("{}", ev.render());
    if errors {
        println!("\nwrong statuses:");
        for o in ev.errors() {
            println!("  {:<48} {:<9} gold {:<10} got {:<10} ({:.2})", o.document, o.id, o.gold.name(), o.predicted.name(), o.confidence);
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
