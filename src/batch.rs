//! Many agreements at once: every input gives exactly one result, in path
//! order, whatever goes wrong with any one of them.
//!
//! [`collect`] expands files and directories into the list of inputs
//! (directories are walked recursively for `.md`, `.markdown` and `.txt`;
//! hidden entries are skipped; symbolic-link loops are safe). [`for_each`]
//! analyses them in parallel with one shared [`Analyzer`] and hands each
//! result to a callback in path order; [`stream`] does the same as an
//! iterator, for tools that consume results as they come.
//!
//! # Example
//!
//! ```
//! use std::sync::Arc;
//! use clausemap::{batch, Analyzer};
//!
//! let dir = std::env::temp_dir().join(format!("clausemap-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("a.md"), "We back up your data daily.\n")?;
//! std::fs::write(dir.join("b.txt"), "You are solely responsible for backups.\n")?;
//!
//! let inputs = batch::collect(&[dir.clone()]);
//! let analyzer = Arc::new(Analyzer::builtin()?);
//! let statuses: Vec<String> = batch::stream(analyzer, inputs, 2)
//!     .map(|(path, result)| {
//!         let report = result.expect("analysed");
//!         let backup = report.findings.iter().find(|f| f.id == "i").unwrap();
//!         format!("{}: {}", path.file_name().unwrap().to_string_lossy(), backup.status)
//!     })
//!     .collect();
//! assert_eq!(statuses, ["a.md: covered", "b.txt: disclaimed"]);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;

use crate::analyzer::Analyzer;
use crate::document::Format;
use crate::error::{Error, Result};
use crate::report::Report;

/// An input of a batch: a file to analyse, or a path that could not be
/// expanded (a missing path, an unreadable directory) with its error.
#[derive(Debug)]
pub enum Input {
    /// A file to analyse.
    File(PathBuf),
    /// A path that failed before analysis.
    Failed(PathBuf, Error),
}

impl Input {
    /// The path of this input.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Failed(p, _) => p,
        }
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn is_agreement(path: &Path) -> bool {
    Format::from_path(path).is_some()
}

fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<Input>) {
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        return; // a symbolic link back into a folder already walked
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Input::Failed(
                dir.to_path_buf(),
                Error::Io {
                    path: dir.to_path_buf(),
                    source,
                },
            ));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        if is_hidden(&child) {
            continue;
        }
        // `metadata` follows links: a link to a folder is walked (once), a
        // link to a file is read, a dangling link is reported.
        match std::fs::metadata(&child) {
            Ok(m) if m.is_dir() => walk(&child, visited, out),
            Ok(_) if is_agreement(&child) => out.push(Input::File(child)),
            Ok(_) => {}
            Err(source) => {
                if is_agreement(&child) {
                    out.push(Input::Failed(
                        child.clone(),
                        Error::Io {
                            path: child,
                            source,
                        },
                    ));
                }
            }
        }
    }
}

/// Expands `paths` into the inputs of a batch, sorted by path, each once.
///
/// Files named explicitly are taken whatever their extension (an unknown one
/// becomes an error for that file); directories are walked for `.md`,
/// `.markdown` and `.txt`. A path that does not exist is an input that
/// failed, so it is reported rather than lost.
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut visited, &mut out),
            Ok(_) => out.push(Input::File(p.clone())),
            Err(source) => out.push(Input::Failed(
                p.clone(),
                Error::Io {
                    path: p.clone(),
                    source,
                },
            )),
        }
    }
    out.sort_by(|a, b| a.path().cmp(b.path()));
    out.dedup_by(|a, b| a.path() == b.path());
    out
}

/// The number of jobs to use when none is given: the machine's parallelism.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Analyses every input with `jobs` threads, calling `on_result` for each
/// in the order of `inputs` (results that finish early wait their turn).
///
/// # Errors
///
/// Only if the thread pool cannot be created; a file that fails to be read
/// or analysed is passed to `on_result` as an `Err`.
pub fn for_each(
    analyzer: &Analyzer,
    inputs: Vec<Input>,
    jobs: usize,
    mut on_result: impl FnMut(PathBuf, Result<Report>),
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {jobs} worker threads: {e}")))?;
    let (tx, rx) = mpsc::channel::<(usize, PathBuf, Result<Report>)>();
    let total = inputs.len();
    pool.in_place_scope(|scope| {
        for (i, input) in inputs.into_iter().enumerate() {
            let tx = tx.clone();
            scope.spawn(move |_| {
                let (path, result) = match input {
                    Input::Failed(path, e) => (path, Err(e)),
                    Input::File(path) => {
                        let r = analyzer.analyze_file(&path, None);
                        (path, r)
                    }
                };
                // The receiver lives until every result is in.
                let _ = tx.send((i, path, result));
            });
        }
        drop(tx);
        let mut next = 0usize;
        let mut waiting: BTreeMap<usize, (PathBuf, Result<Report>)> = BTreeMap::new();
        for (i, path, result) in rx.iter() {
            waiting.insert(i, (path, result));
            while let Some((path, result)) = waiting.remove(&next) {
                on_result(path, result);
                next += 1;
            }
        }
        debug_assert!(next == total || waiting.is_empty());
    });
    Ok(())
}

/// Analyses every input in the background and yields `(path, result)` in
/// the order of `inputs`, as soon as each is ready.
pub fn stream(analyzer: Arc<Analyzer>, inputs: Vec<Input>, jobs: usize) -> Stream {
    let (tx, rx) = mpsc::sync_channel::<(PathBuf, Result<Report>)>(64);
    let handle = std::thread::spawn(move || {
        let outcome = for_each(&analyzer, inputs, jobs, |path, result| {
            let _ = tx.send((path, result));
        });
        if let Err(e) = outcome {
            let _ = tx.send((PathBuf::new(), Err(e)));
        }
    });
    Stream {
        rx,
        handle: Some(handle),
    }
}

/// The iterator [`stream`] returns.
#[derive(Debug)]
pub struct Stream {
    rx: mpsc::Receiver<(PathBuf, Result<Report>)>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Iterator for Stream {
    type Item = (PathBuf, Result<Report>);

    fn next(&mut self) -> Option<Self::Item> {
        match self.rx.recv() {
            Ok(item) => Some(item),
            Err(_) => {
                if let Some(h) = self.handle.take() {
                    let _ = h.join();
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("clausemap-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn collect_walks_sorts_skips_hidden_and_reports_missing() {
        let d = tmp("collect");
        std::fs::create_dir_all(d.join("sub/.hidden")).unwrap();
        std::fs::write(d.join("b.md"), "x").unwrap();
        std::fs::write(d.join("a.txt"), "x").unwrap();
        std::fs::write(d.join("notes.pdf"), "x").unwrap();
        std::fs::write(d.join(".secret.md"), "x").unwrap();
        std::fs::write(d.join("sub/c.markdown"), "x").unwrap();
        std::fs::write(d.join("sub/.hidden/d.md"), "x").unwrap();
        let inputs = collect(&[d.clone(), d.join("missing.md"), d.join("b.md")]);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| i.path().strip_prefix(&d).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b.md", "missing.md", "sub/c.markdown"]);
        assert!(matches!(inputs[2], Input::Failed(..)));
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_safe() {
        let d = tmp("loop");
        std::fs::create_dir_all(d.join("x")).unwrap();
        std::fs::write(d.join("x/a.md"), "x").unwrap();
        std::os::unix::fs::symlink(&d, d.join("x/back")).unwrap();
        let inputs = collect(std::slice::from_ref(&d));
        assert_eq!(inputs.len(), 1);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn every_input_gives_one_result_in_order() {
        let d = tmp("order");
        for i in 0..20 {
            std::fs::write(
                d.join(format!("f{i:02}.md")),
                format!("We back up data {i}.\n"),
            )
            .unwrap();
        }
        std::fs::write(d.join("g-binary.md"), b"\0\x01\x02").unwrap();
        let inputs = collect(&[d.clone(), d.join("nope.txt")]);
        let a = Analyzer::builtin().unwrap();
        let mut seen = Vec::new();
        for_each(&a, inputs, 3, |p, r| seen.push((p, r.is_ok()))).unwrap();
        assert_eq!(seen.len(), 22);
        let paths: Vec<&PathBuf> = seen.iter().map(|(p, _)| p).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        assert_eq!(seen.iter().filter(|(_, ok)| !ok).count(), 2);
        std::fs::remove_dir_all(&d).unwrap();
    }
}
