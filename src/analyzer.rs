//! The [`Analyzer`]: a catalog compiled once, reused for any number of
//! documents, from any number of threads.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::assess::{
    decide, heading_lends_topic, judge, Decision, Judged, Judgement, Lexicon, SectionContext,
    SentenceView,
};
use crate::catalog::Catalog;
use crate::document::{self, BlockKind, Format, Outline, SectionId};
use crate::error::{Error, Result};
use crate::explain::{ExplainedCandidate, Explanation};
use crate::ingest::{self, Limits, Text};
use crate::matcher::{req_bit, Matcher, ReqSet};
use crate::parties::{Parties, Roles};
use crate::references::FoundReference;
use crate::report::{
    CatalogInfo, DocumentInfo, Excerpt, Finding, Reference, Report, Summary, SCHEMA,
};
use crate::scan::{Candidate, Facts, Scanner, Sentence};
use crate::status::{Stance, Status};

/// What a judgement depends on besides the document's parties and facts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct JudgeKey {
    sentence: Arc<Sentence>,
    leadin: Arc<String>,
    table_cell: bool,
    context: SectionContext,
}

/// A compiled catalog, ready to analyse agreements.
///
/// Build it once (`Analyzer::new` compiles the cue automaton and every
/// pattern) and share it: it is `Send + Sync`.
///
/// # Example
///
/// ```
/// use clausemap::{Analyzer, Format, Status};
///
/// let analyzer = Analyzer::builtin()?;
/// let report = analyzer.analyze_str(
///     "terms.md",
///     "# Terms\n\nAcme Cloud Ltd (\"Acme\", \"we\") backs up your data every day. \
///      You are solely responsible for your passwords.\n",
///     Format::Markdown,
/// )?;
/// let backup = report.findings.iter().find(|f| f.id == "i").unwrap();
/// assert_eq!(backup.status, Status::Covered);
/// # Ok::<(), clausemap::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    catalog: Catalog,
    matcher: Matcher,
    lexicon: Lexicon,
    limits: Limits,
}

/// Everything one analysis found, before it becomes a report.
struct Analysis<'a> {
    text: Text<'a>,
    outline: Outline,
    title: Option<String>,
    parties: Parties,
    candidates: Vec<Candidate>,
    /// Per requirement (catalog order): its judged sentences.
    judged: Vec<Vec<Judged>>,
    decisions: Vec<Decision>,
    references: Vec<FoundReference>,
}

impl Analyzer {
    /// Compiles `catalog`.
    ///
    /// # Errors
    ///
    /// [`Error::Catalog`] if a pattern does not compile.
    pub fn new(catalog: &Catalog) -> Result<Analyzer> {
        Ok(Analyzer {
            catalog: catalog.clone(),
            matcher: Matcher::new(catalog)?,
            lexicon: Lexicon::new()?,
            limits: Limits::default(),
        })
    }

    /// An analyser for the built-in ISO/IEC 27002:2022 5.23 catalog.
    ///
    /// # Errors
    ///
    /// Only if the built-in catalog were broken, which tests rule out.
    pub fn builtin() -> Result<Analyzer> {
        Analyzer::new(&Catalog::builtin()?)
    }

    /// Replaces the input limits.
    pub fn with_limits(mut self, limits: Limits) -> Analyzer {
        self.limits = limits;
        self
    }

    /// The input limits in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The catalog this analyser judges against.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Analyses an agreement given as bytes; `path` names it in the report.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`], [`Error::Binary`] or [`Error::Encoding`] for
    /// input that is not text; analysis itself never fails.
    pub fn analyze_bytes(&self, path: &str, bytes: &[u8], format: Format) -> Result<Report> {
        let text = ingest::decode(path, bytes, &self.limits)?;
        let analysis = self.run(text, format);
        Ok(self.report(path, format, &analysis))
    }

    /// Analyses an agreement whose bytes the caller hands over. The same as
    /// [`Analyzer::analyze_bytes`], but the text is normalised in place, so
    /// a huge input is never held twice.
    ///
    /// # Errors
    ///
    /// Those of [`Analyzer::analyze_bytes`].
    pub fn analyze_vec(&self, path: &str, bytes: Vec<u8>, format: Format) -> Result<Report> {
        let text = ingest::decode_owned(path, bytes, &self.limits)?;
        let analysis = self.run(text, format);
        Ok(self.report(path, format, &analysis))
    }

    /// Analyses an agreement given as a string.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] over the size limit, [`Error::Binary`] for NUL
    /// characters.
    pub fn analyze_str(&self, path: &str, text: &str, format: Format) -> Result<Report> {
        self.analyze_bytes(path, text.as_bytes(), format)
    }

    /// Reads and analyses a file; the format comes from its extension
    /// unless `format` is given.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if it cannot be read, [`Error::UnknownFormat`] if the
    /// extension says nothing and no format is given, and the errors of
    /// [`Analyzer::analyze_bytes`].
    pub fn analyze_file(&self, path: &Path, format: Option<Format>) -> Result<Report> {
        let (bytes, format) = self.read(path, format)?;
        self.analyze_vec(&path.display().to_string(), bytes, format)
    }

    /// Reads a file within the size limit and picks its format: `format`
    /// if given, else from the extension. The size is checked before the
    /// file is read.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownFormat`], [`Error::Io`] (also for a directory) and
    /// [`Error::TooLarge`].
    pub fn read(&self, path: &Path, format: Option<Format>) -> Result<(Vec<u8>, Format)> {
        let name = path.display().to_string();
        let format = match format.or_else(|| Format::from_path(path)) {
            Some(f) => f,
            None => return Err(Error::UnknownFormat { path: name }),
        };
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "is a directory"),
            });
        }
        if meta.len() > self.limits.max_input_bytes {
            return Err(Error::TooLarge {
                path: name,
                size: meta.len(),
                limit: self.limits.max_input_bytes,
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        Ok((bytes, format))
    }

    /// Explains how requirement `id` was judged in an agreement: every
    /// candidate sentence with its cues, reading and outcome.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] for an unknown requirement id, and the errors of
    /// [`Analyzer::analyze_bytes`].
    pub fn explain_bytes(
        &self,
        path: &str,
        bytes: &[u8],
        format: Format,
        id: &str,
    ) -> Result<Explanation> {
        let index = self
            .matcher
            .requirements
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| {
                let ids: Vec<&str> = self
                    .matcher
                    .requirements
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect();
                Error::Usage(format!(
                    "unknown requirement '{id}'; the catalog has: {}",
                    ids.join(", ")
                ))
            })?;
        let text = ingest::decode(path, bytes, &self.limits)?;
        let analysis = self.run(text, format);
        let req = self.matcher.requirements.get(index);
        let bit = req_bit(index);
        let judged = analysis.judged.get(index).map(Vec::as_slice).unwrap_or(&[]);
        let decision = analysis.decisions.get(index).cloned().unwrap_or(Decision {
            status: crate::Status::Missing,
            confidence: 0.0,
            cited: Vec::new(),
        });
        let norm_starts: Vec<usize> = analysis.candidates.iter().map(|c| c.norm.start).collect();
        let lines = ingest::lines_of(analysis.text.as_str(), &norm_starts);
        let mut candidates = Vec::new();
        for (ci, cand) in analysis.candidates.iter().enumerate() {
            if cand.reqs() & bit == 0 {
                continue;
            }
            let judged_here = judged.iter().position(|j| j.candidate == ci);
            let judgement = judged_here
                .and_then(|k| judged.get(k))
                .map(|j| Judgement::clone(&j.judgement));
            let pattern_list =
                |list: &crate::matcher::PatternList| list.which(cand.text()).map(str::to_string);
            let decided_by = match (&judgement, req) {
                (Some(j), Some(r)) => match j.rule {
                    "core" | "customer-right" => pattern_list(&r.core),
                    "weak" => pattern_list(&r.weak),
                    "disclaimer" => pattern_list(&r.disclaimer),
                    "protective" => pattern_list(&r.protective),
                    "partial" => pattern_list(&r.partial),
                    "reserved-right" => pattern_list(&r.reserved),
                    _ => None,
                },
                _ => None,
            };
            candidates.push(ExplainedCandidate {
                text: cand.text().to_string(),
                leadin: cand.leadin.to_string(),
                line: lines.get(ci).copied().unwrap_or(1) as u64,
                section: analysis.outline.path(cand.section),
                cues: self
                    .matcher
                    .cues_in(index, cand.text())
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                topic_pattern: req
                    .and_then(|r| r.topic.which(cand.text()))
                    .map(str::to_string),
                excluded_by: req
                    .and_then(|r| r.exclude.which(cand.text()))
                    .map(str::to_string),
                judgement,
                decided_by,
                cited: judged_here.is_some_and(|k| decision.cited.contains(&k)),
            });
        }
        Ok(Explanation {
            id: id.to_string(),
            title: req.map(|r| r.title.clone()).unwrap_or_default(),
            standard: req.map(|r| r.standard.clone()).unwrap_or_default(),
            status: decision.status,
            confidence: decision.confidence,
            parties: analysis.parties.clone(),
            candidates,
        })
    }

    fn run<'a>(&self, text: Text<'a>, format: Format) -> Analysis<'a> {
        let mut scanner = Scanner::new(&self.matcher, text.as_str());
        let summary = document::parse_streaming(text.as_str(), format, |b| scanner.block(b));
        let Scanner {
            candidates,
            parties,
            references,
            facts,
            ..
        } = scanner;
        let parties = parties.finish();
        let roles = Roles::new(&parties);
        let mut judged: Vec<Vec<Judged>> = vec![Vec::new(); self.matcher.requirements.len()];
        // Each distinct sentence, in the same context, is judged once.
        // Per section: its context, and the requirements whose topic its
        // heading names (read once, not for every candidate beneath it).
        let mut contexts: HashMap<Option<SectionId>, (SectionContext, ReqSet)> = HashMap::new();
        let mut memo: HashMap<JudgeKey, Vec<(usize, Arc<Judgement>)>> = HashMap::new();
        for (ci, cand) in candidates.iter().enumerate() {
            let (ctx, lent) = contexts.entry(cand.section).or_insert_with(|| {
                let ctx = SectionContext::from_titles(&summary.outline.titles(cand.section));
                let lent = self.topics_lent_by(&ctx.heading);
                (ctx, lent)
            });
            let lent = *lent;
            let key = JudgeKey {
                sentence: Arc::clone(&cand.sentence),
                leadin: Arc::clone(&cand.leadin),
                table_cell: cand.kind == BlockKind::TableCell,
                context: ctx.clone(),
            };
            let results = memo
                .entry(key)
                .or_insert_with_key(|key| self.judge_candidate(key, lent, &roles, facts));
            for (ri, judgement) in results.iter() {
                if let Some(list) = judged.get_mut(*ri) {
                    list.push(Judged {
                        candidate: ci,
                        judgement: Arc::clone(judgement),
                    });
                }
            }
        }
        let decisions = judged
            .iter()
            .zip(&self.matcher.requirements)
            .map(|(j, req)| decide(j, req.precedence))
            .collect();
        Analysis {
            text,
            outline: summary.outline,
            title: summary.title,
            parties,
            candidates,
            judged,
            decisions,
            references: references.finish(),
        }
    }

    /// The requirements whose topic a section heading names (see
    /// [`heading_lends_topic`]).
    fn topics_lent_by(&self, heading: &str) -> ReqSet {
        self.matcher
            .requirements
            .iter()
            .enumerate()
            .filter(|(_, r)| heading_lends_topic(r, heading))
            .fold(0, |set, (ri, _)| set | req_bit(ri))
    }

    /// Judges one distinct candidate for every requirement it cues;
    /// `lent` are the requirements whose topic the section heading names.
    fn judge_candidate(
        &self,
        key: &JudgeKey,
        lent: ReqSet,
        roles: &Roles,
        facts: Facts,
    ) -> Vec<(usize, Arc<Judgement>)> {
        let offset = if key.leadin.is_empty() {
            0
        } else {
            key.leadin.len() + 1
        };
        let mut analysis_text = String::with_capacity(offset + key.sentence.text.len());
        if offset > 0 {
            analysis_text.push_str(&key.leadin);
            analysis_text.push(' ');
        }
        analysis_text.push_str(&key.sentence.text);
        // One scan finds the literals of every pattern list; each list
        // then runs only the patterns whose literals are there.
        let literals = self.matcher.literal_hits(&analysis_text);
        let cued: Vec<usize> = (0..self.matcher.requirements.len())
            .filter(|&ri| key.sentence.reqs & req_bit(ri) != 0)
            .filter(|&ri| {
                self.matcher.requirements.get(ri).is_some_and(|r| {
                    r.topic.is_empty()
                        || r.topic.is_match_in(
                            &key.sentence.text,
                            &r.topic.select(&literals),
                            offset,
                        )
                        || (lent & req_bit(ri) != 0
                            && r.core.is_match_in(
                                &key.sentence.text,
                                &r.core.select(&literals),
                                offset,
                            ))
                })
            })
            .collect();
        if cued.is_empty() {
            return Vec::new();
        }
        let view = SentenceView::new(
            &analysis_text,
            offset,
            &key.context,
            &self.lexicon,
            roles,
            facts,
            key.table_cell,
        )
        .with_literals(literals);
        cued.into_iter()
            .filter_map(|ri| {
                let req = self.matcher.requirements.get(ri)?;
                judge(req, &view, &self.lexicon).map(|j| (ri, Arc::new(j)))
            })
            .collect()
    }

    fn report(&self, path: &str, format: Format, a: &Analysis<'_>) -> Report {
        // Lines of every cited excerpt and reference, counted in one pass.
        let mut positions: Vec<usize> = Vec::new();
        for (ri, d) in a.decisions.iter().enumerate() {
            for &k in &d.cited {
                if let Some(c) = a
                    .judged
                    .get(ri)
                    .and_then(|j| j.get(k))
                    .and_then(|j| a.candidates.get(j.candidate))
                {
                    positions.push(c.norm.start);
                }
            }
        }
        positions.extend(a.references.iter().map(|r| r.norm.start));
        let lines = ingest::lines_of(a.text.as_str(), &positions);
        let mut line_iter = lines.into_iter();
        let map = a.text.map();
        let raw = |r: &Range<usize>| map.raw_range(r.clone());

        let mut findings = Vec::with_capacity(self.matcher.requirements.len());
        for (ri, req) in self.matcher.requirements.iter().enumerate() {
            let Some(d) = a.decisions.get(ri) else {
                continue;
            };
            let judged = a.judged.get(ri).map(Vec::as_slice).unwrap_or(&[]);
            let mut excerpts = Vec::new();
            let mut notice_days = None;
            for &k in &d.cited {
                let Some(j) = judged.get(k) else { continue };
                let Some(c) = a.candidates.get(j.candidate) else {
                    continue;
                };
                let r = raw(&c.norm);
                let line = line_iter.next().unwrap_or(1);
                if notice_days.is_none() && req.group == crate::catalog::Group::Notice {
                    notice_days = self.lexicon.notice_days(c.text());
                }
                excerpts.push(Excerpt {
                    text: c.text().to_string(),
                    start: r.start as u64,
                    end: r.end as u64,
                    line: line as u64,
                    section: a.outline.path(c.section),
                    // A statement cited for coverage that a disclaimer
                    // made partial is qualified.
                    stance: if d.status == Status::Partial && j.judgement.status == Status::Covered
                    {
                        Stance::Qualified
                    } else {
                        j.judgement.stance
                    },
                });
            }
            findings.push(Finding {
                id: req.id.clone(),
                group: req.group,
                title: req.title.clone(),
                status: d.status,
                confidence: d.confidence,
                notice_days,
                excerpts,
            });
        }
        let references = a
            .references
            .iter()
            .map(|r| Reference {
                name: r.name.clone(),
                url: r.url.clone(),
                line: line_iter.next().unwrap_or(1) as u64,
                section: a.outline.path(r.section),
            })
            .collect();
        Report {
            schema: SCHEMA.to_string(),
            document: DocumentInfo {
                path: path.to_string(),
                format,
                bytes: a.text.raw_len() as u64,
                title: a.title.clone(),
                parties: a.parties.clone(),
                warnings: a.text.warnings(),
            },
            catalog: CatalogInfo {
                id: self.catalog.id.clone(),
                version: self.catalog.version.clone(),
            },
            summary: Summary::of(&findings),
            findings,
            references,
        }
    }
}
