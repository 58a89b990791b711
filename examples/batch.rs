//! Analyses a set of agreements and writes one comparison.
//!
//! ```text
//! cargo run --release --example batch -- PATH... [--format jsonl|csv|markdown|html]
//!     [--out FILE] [--jobs N] [--catalog PATH] [--excerpts] [--max-bytes N]
//! ```
//!
//! Options and paths may come in any order. Directories are walked for
//! `.md`, `.markdown` and `.txt`. Every input gives exactly one record, in
//! path order: its report or its error. A summary goes to stderr; the exit
//! status is 0 when every file was analysed, 1 when some failed, 2 on a
//! usage error.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clausemap::batch::{collect, default_jobs, for_each, Input};
use clausemap::report::csv::CsvWriter;
use clausemap::report::json::{render_error_line, render_line};
use clausemap::report::table::{Columns, Row};
use clausemap::report::{html, matrix, ErrorRecord};
use clausemap::Error;

mod cli;

const USAGE: &str =
    "usage: batch PATH... [--format jsonl|csv|markdown|html] [--out FILE] [--jobs N] \
                     [--catalog PATH] [--excerpts] [--max-bytes N]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Jsonl,
    Csv,
    Markdown,
    Html,
}

struct Options {
    paths: Vec<PathBuf>,
    output: Output,
    out: Option<PathBuf>,
    jobs: usize,
    catalog: Option<PathBuf>,
    excerpts: bool,
    max_bytes: Option<u64>,
}

fn parse_args() -> Result<Option<Options>, Error> {
    let mut o = Options {
        paths: Vec::new(),
        output: Output::Jsonl,
        out: None,
        jobs: default_jobs(),
        catalog: None,
        excerpts: false,
        max_bytes: None,
    };
    let mut args = cli::Args::new(USAGE);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.value(&arg, name);
        match arg.flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "--format" | "-f" => {
                o.output = match value("--format")?.as_str() {
                    "jsonl" | "json" => Output::Jsonl,
                    "csv" => Output::Csv,
                    "markdown" | "md" => Output::Markdown,
                    "html" => Output::Html,
                    other => {
                        return Err(Error::Usage(format!(
                            "unknown format '{other}'; use jsonl, csv, markdown or html"
                        )))
                    }
                }
            }
            "--out" | "-o" => o.out = Some(PathBuf::from(value("--out")?)),
            "--jobs" | "-j" => {
                let v = value("--jobs")?;
                o.jobs = v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                    Error::Usage(format!("--jobs needs a positive number, not '{v}'"))
                })?;
            }
            "--catalog" => o.catalog = Some(PathBuf::from(value("--catalog")?)),
            "--excerpts" => o.excerpts = true,
            "--max-bytes" => {
                o.max_bytes = Some(cli::max_bytes(&value("--max-bytes")?)?);
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(Error::Usage(format!("unknown option '{s}'; {USAGE}")))
            }
            _ => o.paths.push(PathBuf::from(&arg.raw)),
        }
    }
    if o.paths.is_empty() {
        return Err(Error::Usage(format!("no PATH given; {USAGE}")));
    }
    if o.excerpts && o.output != Output::Csv {
        return Err(Error::Usage(
            "--excerpts applies to --format csv only".into(),
        ));
    }
    Ok(Some(o))
}

fn progress_bar(total: usize) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} agreements {per_sec} {msg}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// Where the output goes: the file named with --out, else stdout.
fn open_out(path: &Option<PathBuf>) -> Result<Box<dyn Write>, Error> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(
            |source| Error::Io {
                path: p.clone(),
                source,
            },
        )?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

fn write_err(path: &Option<PathBuf>, e: std::io::Error) -> Error {
    Error::Io {
        path: path.clone().unwrap_or_else(|| PathBuf::from("<stdout>")),
        source: e,
    }
}

fn run() -> Result<bool, Error> {
    let Some(o) = parse_args()? else {
        return Ok(true);
    };
    let (catalog, analyzer) = cli::analyzer(o.catalog.as_ref(), o.max_bytes)?;
    let analyzer = Arc::new(analyzer);
    let columns = Columns::of(&catalog);
    let inputs: Vec<Input> = collect(&o.paths);
    let total = inputs.len();
    let bar = progress_bar(total);
    let started = Instant::now();
    let out = open_out(&o.out)?;
    let mut sink = match o.output {
        Output::Csv => Sink::Csv(Box::new(CsvWriter::new(out, columns.clone(), o.excerpts)?)),
        _ => Sink::Plain(out),
    };
    let mut rows: Vec<Row> = Vec::new();
    let (mut analysed, mut failed) = (0usize, 0usize);
    let mut io_failure: Option<Error> = None;
    for_each(&analyzer, inputs, o.jobs, |path, result| {
        if result.is_ok() {
            analysed += 1;
        } else {
            failed += 1;
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
        let row = Row::new(path, result);
        // JSON Lines and CSV stream out as results come; the matrix formats
        // need every row first.
        let written = match (&mut sink, o.output) {
            (Sink::Plain(out), Output::Jsonl) => {
                let line = match &row.outcome {
                    Ok(report) => render_line(report),
                    Err(e) => render_error_line(&ErrorRecord::new(&row.path_text(), e)),
                };
                writeln!(out, "{line}").map_err(|e| write_err(&o.out, e))
            }
            (Sink::Csv(w), _) => w.row(&row),
            _ => {
                rows.push(row);
                Ok(())
            }
        };
        if let Err(e) = written {
            io_failure.get_or_insert(e);
        }
    })?;
    if let Some(e) = io_failure {
        return Err(e);
    }
    let mut out = match sink {
        Sink::Csv(w) => w.finish()?,
        Sink::Plain(out) => out,
    };
    match o.output {
        Output::Markdown => out
            .write_all(matrix::render(&rows, &columns).as_bytes())
            .map_err(|e| write_err(&o.out, e))?,
        Output::Html => out
            .write_all(html::render(&rows, &columns, &catalog.title).as_bytes())
            .map_err(|e| write_err(&o.out, e))?,
        Output::Jsonl | Output::Csv => {}
    }
    out.flush().map_err(|e| write_err(&o.out, e))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "batch: {total} inputs, {analysed} analysed, {failed} failed, {secs:.2} s ({:.1} files/s, {} jobs)",
        if secs > 0.0 { total as f64 / secs } else { 0.0 },
        o.jobs
    );
    Ok(failed == 0)
}

/// Where records go as they come.
enum Sink {
    Plain(Box<dyn Write>),
    Csv(Box<CsvWriter<Box<dyn Write>>>),
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("batch: {e}");
            ExitCode::from(2)
        }
    }
}
