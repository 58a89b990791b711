//! What the example commands share: reading their options and building the
//! analyser they ask for.

use std::path::PathBuf;

use clausemap::ingest::Limits;
use clausemap::{Analyzer, Catalog, Error};

/// One command-line argument, with `--flag=value` split at the `=`.
pub struct Arg {
    /// The argument as given.
    pub raw: String,
    /// The flag (or the whole argument when it is not `--flag=value`).
    pub flag: String,
    inline: Option<String>,
}

/// The command's arguments, after the program name.
pub struct Args {
    rest: std::iter::Skip<std::env::Args>,
    usage: &'static str,
}

impl Args {
    /// The process's arguments; `usage` ends the error for a missing value.
    pub fn new(usage: &'static str) -> Args {
        Args {
            rest: std::env::args().skip(1),
            usage,
        }
    }

    /// The value of option `arg`, named `name` in errors: after its `=`,
    /// else the next argument.
    pub fn value(&mut self, arg: &Arg, name: &str) -> Result<String, Error> {
        arg.inline
            .clone()
            .or_else(|| self.rest.next())
            .ok_or_else(|| Error::Usage(format!("{name} needs a value; {}", self.usage)))
    }
}

impl Iterator for Args {
    type Item = Arg;

    fn next(&mut self) -> Option<Arg> {
        let raw = self.rest.next()?;
        let (flag, inline) = match raw.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (raw.clone(), None),
        };
        Some(Arg { raw, flag, inline })
    }
}

/// The value of `--max-bytes`.
pub fn max_bytes(v: &str) -> Result<u64, Error> {
    v.parse()
        .map_err(|_| Error::Usage(format!("--max-bytes needs a number of bytes, not '{v}'")))
}

/// The catalog at `path` (the built-in one if none) and its analyser, with
/// the input limit raised or lowered to `max_bytes` if given.
pub fn analyzer(
    path: Option<&PathBuf>,
    max_bytes: Option<u64>,
) -> Result<(Catalog, Analyzer), Error> {
    let catalog = match path {
        Some(p) => Catalog::from_path(p)?,
        None => Catalog::builtin()?,
    };
    let mut analyzer = Analyzer::new(&catalog)?;
    if let Some(max) = max_bytes {
        analyzer = analyzer.with_limits(Limits {
            max_input_bytes: max,
        });
    }
    Ok((catalog, analyzer))
}
