//! Analyses one agreement and prints its coverage matrix.
//!
//! ```text
//! cargo run --release --example analyze -- [FILE] [--format json|markdown|text]
//!     [--catalog PATH] [--explain ID] [--input-format markdown|text] [--max-bytes N]
//! ```
//!
//! Options and FILE may come in any order. Without FILE, a sample agreement
//! bundled from `corpus/` is analysed. Errors are one line on stderr and a
//! non-zero exit status.

use std::path::PathBuf;
use std::process::ExitCode;

use clausemap::report::{render, OutputFormat};
use clausemap::{Error, Format};

mod cli;

/// The bundled sample: an agreement we wrote ourselves.
const SAMPLE_NAME: &str = "corpus/ferrowind-hosting-conditions.md";
const SAMPLE: &[u8] = include_bytes!("../corpus/ferrowind-hosting-conditions.md");

const USAGE: &str =
    "usage: analyze [FILE] [--format json|markdown|text] [--catalog PATH] [--explain ID] \
                     [--input-format markdown|text] [--max-bytes N]";

struct Options {
    file: Option<PathBuf>,
    output: OutputFormat,
    catalog: Option<PathBuf>,
    explain: Option<String>,
    input_format: Option<Format>,
    max_bytes: Option<u64>,
}

fn parse_args() -> Result<Option<Options>, Error> {
    let mut o = Options {
        file: None,
        output: OutputFormat::Text,
        catalog: None,
        explain: None,
        input_format: None,
        max_bytes: None,
    };
    let mut args = cli::Args::new(USAGE);
    while let Some(arg) = args.next() {
        let mut take = |name: &str| args.value(&arg, name);
        match arg.flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "--format" | "-f" => {
                let v = take("--format")?;
                o.output = OutputFormat::from_name(&v).ok_or_else(|| {
                    Error::Usage(format!(
                        "unknown output format '{v}'; use json, markdown or text"
                    ))
                })?;
            }
            "--catalog" => o.catalog = Some(PathBuf::from(take("--catalog")?)),
            "--explain" => o.explain = Some(take("--explain")?),
            "--input-format" => {
                let v = take("--input-format")?;
                o.input_format = Some(Format::from_name(&v).ok_or_else(|| {
                    Error::Usage(format!("unknown input format '{v}'; use markdown or text"))
                })?);
            }
            "--max-bytes" => {
                o.max_bytes = Some(cli::max_bytes(&take("--max-bytes")?)?);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(Error::Usage(format!("unknown option '{s}'; {USAGE}")));
            }
            _ => {
                if o.file.is_some() {
                    return Err(Error::Usage(format!(
                        "one FILE at a time (for many, use the batch example); {USAGE}"
                    )));
                }
                o.file = Some(PathBuf::from(&arg.raw));
            }
        }
    }
    Ok(Some(o))
}

fn run() -> Result<(), Error> {
    let Some(o) = parse_args()? else {
        return Ok(());
    };
    let (_, analyzer) = cli::analyzer(o.catalog.as_ref(), o.max_bytes)?;
    let (name, bytes, format) = match &o.file {
        Some(path) => {
            let (bytes, format) = analyzer.read(path, o.input_format)?;
            (path.display().to_string(), bytes, format)
        }
        None => (
            SAMPLE_NAME.to_string(),
            SAMPLE.to_vec(),
            o.input_format.unwrap_or(Format::Markdown),
        ),
    };
    if let Some(id) = &o.explain {
        let explanation = analyzer.explain_bytes(&name, &bytes, format, id)?;
        match o.output {
            OutputFormat::Json => println!(
                "{}",
                serde_json::to_string_pretty(&explanation)
                    .map_err(|e| Error::Usage(e.to_string()))?
            ),
            _ => print!("{}", explanation.render_text()),
        }
        return Ok(());
    }
    let report = analyzer.analyze_vec(&name, bytes, format)?;
    print!("{}", render(&report, o.output));
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("analyze: {e}");
            ExitCode::from(2)
        }
    }
}
