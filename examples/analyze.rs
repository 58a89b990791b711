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

use clausemap::ingest::Limits;
use clausemap::report::{render, OutputFormat};
use clausemap::{Analyzer, Catalog, Error, Format};

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

fn value(args: &mut impl Iterator<Item = String>, flag: &str) -> Result<String, Error> {
    args.next()
        .ok_or_else(|| Error::Usage(format!("{flag} needs a value; {USAGE}")))
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
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut take = |name: &str| match inline.clone() {
            Some(v) => Ok(v),
            None => value(&mut args, name),
        };
        match flag.as_str() {
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
                let v = take("--max-bytes")?;
                o.max_bytes = Some(v.parse().map_err(|_| {
                    Error::Usage(format!("--max-bytes needs a number of bytes, not '{v}'"))
                })?);
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
                o.file = Some(PathBuf::from(a));
            }
        }
    }
    Ok(Some(o))
}

fn run() -> Result<(), Error> {
    let Some(o) = parse_args()? else {
        return Ok(());
    };
    let catalog = match &o.catalog {
        Some(p) => Catalog::from_path(p)?,
        None => Catalog::builtin()?,
    };
    let mut analyzer = Analyzer::new(&catalog)?;
    if let Some(max) = o.max_bytes {
        analyzer = analyzer.with_limits(Limits {
            max_input_bytes: max,
        });
    }
    let (name, bytes, format) = match &o.file {
        Some(path) => {
            let format = match o.input_format.or_else(|| Format::from_path(path)) {
                Some(f) => f,
                None => {
                    return Err(Error::UnknownFormat {
                        path: path.display().to_string(),
                    })
                }
            };
            let limit = analyzer.limits().max_input_bytes;
            let meta = std::fs::metadata(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            if meta.len() > limit {
                return Err(Error::TooLarge {
                    path: path.display().to_string(),
                    size: meta.len(),
                    limit,
                });
            }
            let bytes = std::fs::read(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
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
