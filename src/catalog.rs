//! Catalogs of requirements, kept as data in TOML files under `clauses/`.
//!
//! A [`Catalog`] is plain validated data; [`crate::Analyzer::new`] compiles
//! it once into automata and regexes. The built-in catalog for ISO/IEC
//! 27002:2022 control 5.23 is embedded with `include_str!`; others load from
//! a path. `clauses/README.md` documents the file format.
//!
//! Catalog files are untrusted input: every problem is an
//! [`Error::Catalog`] naming the file, the line where it can be found, the
//! requirement and the pattern, never a panic and never a silent skip.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{CatalogLocation, Error, Result};
use crate::status::Status;

/// The text of the built-in catalog.
pub const BUILTIN_TOML: &str = include_str!("../clauses/iso27002-2022-5.23.toml");

/// The name the built-in catalog goes by in errors.
pub const BUILTIN_NAME: &str = "<built-in>/clauses/iso27002-2022-5.23.toml";

/// Most requirements a catalog may hold.
pub const MAX_REQUIREMENTS: usize = 128;
/// Most cue phrases, over all requirements.
pub const MAX_CUES: usize = 10_000;
/// Most regex patterns, over all requirements.
pub const MAX_PATTERNS: usize = 4_000;
/// Longest cue or pattern, in bytes.
pub const MAX_PATTERN_LEN: usize = 2_000;
/// Largest catalog file, in bytes.
pub const MAX_CATALOG_BYTES: usize = 4 * 1024 * 1024;

/// Whether a requirement is one of the provisions (a-j) or one of the
/// advance-notice items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// A provision the agreement should include.
    Provision,
    /// Advance notice of a kind of change.
    Notice,
}

impl Group {
    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Group::Provision => "provision",
            Group::Notice => "notice",
        }
    }
}

/// How a customer's own duty on the topic is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomerDuty {
    /// It says nothing about the provider ("you must not upload malware").
    #[default]
    Ignore,
    /// It puts the matter on the customer ("you are responsible for
    /// backing up your content"): a disclaimer.
    Disclaimer,
}

/// How a customer's right on the topic is read ("you may export your data
/// for 30 days after termination", "Customer may select the region").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomerRight {
    /// It says nothing about the provider.
    #[default]
    Ignore,
    /// The provider grants it: as good as a provider commitment.
    Commitment,
    /// The provider offers it as a feature: a partial measure.
    Qualified,
}

/// What a provider commitment on the topic that misses the core amounts
/// to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicOnly {
    /// A partial measure ("industry-standard measures" for `a`).
    #[default]
    Partial,
    /// Nothing for this requirement: for notice requirements, a commitment
    /// that says nothing about notice is not partial notice.
    Mention,
}

/// What a provider's negation on the topic amounts to when no pattern
/// says more ("we do not back up your data" vs "those apps are not our
/// vendors").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NegationReads {
    /// A disclaimer: the provider says it does not do the thing.
    #[default]
    Disclaimer,
    /// Nothing: only the requirement's disclaimer patterns disclaim.
    Mention,
}

/// An example sentence that must (or must not) reach a status when it is
/// analysed on its own, as a one-sentence agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence (written by us, never taken from a real agreement).
    pub text: String,
    /// The status it must reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// A status it must not reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Status>,
}

/// One requirement: what it asks and how to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id (`a`..`j`, `notice-a`..`notice-c` in the built-in catalog).
    pub id: String,
    /// Short title.
    pub title: String,
    /// Provision or notice.
    pub group: Group,
    /// The standard's own wording.
    pub standard: String,
    /// Literal cue phrases: a sentence is a candidate when one occurs in it,
    /// starting at a word boundary, case-insensitively.
    pub cues: Vec<String>,
    /// Regexes confirming a candidate is about the topic; one must match.
    #[serde(default)]
    pub topic: Vec<String>,
    /// Regexes for the requirement's core: a provider commitment must match
    /// one to be `covered`. Empty: any commitment on the topic covers.
    #[serde(default)]
    pub core: Vec<String>,
    /// Regexes that cap a commitment meeting the core at `partial` (an
    /// optional paid extra, notice of changes to the terms only).
    #[serde(default)]
    pub weak: Vec<String>,
    /// Regexes that keep a core commitment `covered` even where a weak
    /// pattern matches ("delete or return, at the Customer's choice").
    #[serde(default)]
    pub strong: Vec<String>,
    /// Regexes for provider statements that are `partial` on their own,
    /// without the core (notice after the fact, by posting on a web page, a
    /// list the customer must check).
    #[serde(default)]
    pub partial: Vec<String>,
    /// Regexes for this requirement's disclaimer shapes.
    #[serde(default)]
    pub disclaimer: Vec<String>,
    /// Regexes for statements that, when a sentence says nothing more (no
    /// core, weak or partial shape, no notice), leave the customer nothing
    /// and so disclaim: a reserved right ("may modify the Services from
    /// time to time" for notice-a), or data ending with the contract ("will
    /// delete all data when the subscription ends" for h).
    #[serde(default)]
    pub reserved: Vec<String>,
    /// Regexes for negated sentences that protect the customer ("will not
    /// transfer ... without consent") and so are commitments.
    #[serde(default)]
    pub protective: Vec<String>,
    /// Regexes for sentences that look relevant but are not (a notice period
    /// for terminating the agreement, for notice-a).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// How a customer's own duty on the topic is read.
    #[serde(default)]
    pub customer_duty: CustomerDuty,
    /// How a customer's right on the topic is read.
    #[serde(default)]
    pub customer_right: CustomerRight,
    /// Whether an express disclaimer outranks a bare mention (a permission
    /// or a present-tense description without commitment). SPEC's `f`:
    /// "may use sub-contractors, nothing more" is partial, but disclaiming
    /// responsibility for them is more than nothing.
    #[serde(default)]
    pub disclaimer_outranks_mentions: bool,
    /// Whether an express disclaimer makes present-tense statements (no
    /// modal) only partial. SPEC's `d`: "our servers are in Germany" beside
    /// "we may process your data in any country where we operate" lists a
    /// location without committing to it.
    #[serde(default)]
    pub disclaimer_qualifies_statements: bool,
    /// What a commitment on the topic that misses the core amounts to.
    #[serde(default)]
    pub topic_only: TopicOnly,
    /// What a provider's negation on the topic amounts to.
    #[serde(default)]
    pub negation: NegationReads,
    /// Example sentences, run as tests.
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

impl Requirement {
    /// Every regex list of the requirement with its field name.
    pub fn pattern_lists(&self) -> [(&'static str, &[String]); 9] {
        [
            ("topic", &self.topic),
            ("core", &self.core),
            ("weak", &self.weak),
            ("strong", &self.strong),
            ("partial", &self.partial),
            ("disclaimer", &self.disclaimer),
            ("reserved", &self.reserved),
            ("protective", &self.protective),
            ("exclude", &self.exclude),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    id: String,
    version: String,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(rename = "requirement")]
    requirements: Vec<Requirement>,
}

/// A validated catalog of requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// Catalog id, e.g. `iso27002-2022-5.23`.
    pub id: String,
    /// Catalog version.
    pub version: String,
    /// Human title.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Requirements in catalog order (the order of report findings).
    pub requirements: Vec<Requirement>,
    /// Where the catalog came from (a path or [`BUILTIN_NAME`]).
    pub source_name: String,
    source_text: String,
}

impl Catalog {
    /// The built-in ISO/IEC 27002:2022 control 5.23 catalog.
    ///
    /// # Errors
    ///
    /// Only if the embedded file were broken, which the test suite rules out.
    pub fn builtin() -> Result<Catalog> {
        Catalog::from_toml_str(BUILTIN_NAME, BUILTIN_TOML)
    }

    /// Loads and validates a catalog file.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if it cannot be read, [`Error::Catalog`] if it is not a
    /// valid catalog.
    pub fn from_path(path: &Path) -> Result<Catalog> {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if meta.len() > MAX_CATALOG_BYTES as u64 {
            return Err(Error::catalog(
                CatalogLocation {
                    file: name,
                    ..CatalogLocation::default()
                },
                format!(
                    "file is {} bytes, over the {MAX_CATALOG_BYTES}-byte limit for catalogs",
                    meta.len()
                ),
            ));
        }
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::catalog(
                CatalogLocation {
                    file: name.clone(),
                    ..CatalogLocation::default()
                },
                format!(
                    "not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        Catalog::from_toml_str(&name, &text)
    }

    /// Parses and validates catalog TOML; `name` is used in errors.
    ///
    /// # Errors
    ///
    /// [`Error::Catalog`] naming the file, line, requirement and pattern.
    pub fn from_toml_str(name: &str, text: &str) -> Result<Catalog> {
        let at = |line: Option<usize>, requirement: Option<&str>, pattern: Option<&str>| {
            CatalogLocation {
                file: name.to_string(),
                line,
                requirement: requirement.map(str::to_string),
                pattern: pattern.map(str::to_string),
            }
        };
        if text.len() > MAX_CATALOG_BYTES {
            return Err(Error::catalog(
                at(None, None, None),
                format!(
                    "{} bytes is over the {MAX_CATALOG_BYTES}-byte limit for catalogs",
                    text.len()
                ),
            ));
        }
        let file: CatalogFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let message = e.message().trim().trim_end_matches('.').to_string();
            Error::catalog(at(line, None, None), message)
        })?;
        if file.id.trim().is_empty() {
            return Err(Error::catalog(at(None, None, None), "catalog id is empty"));
        }
        if file.requirements.is_empty() {
            return Err(Error::catalog(
                at(None, None, None),
                "catalog has no [[requirement]] entries",
            ));
        }
        if file.requirements.len() > MAX_REQUIREMENTS {
            return Err(Error::catalog(
                at(None, None, None),
                format!(
                    "{} requirements is over the limit of {MAX_REQUIREMENTS}",
                    file.requirements.len()
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        let mut cues = 0usize;
        let mut patterns = 0usize;
        for req in &file.requirements {
            let req_line = find_line(text, &format!("\"{}\"", req.id));
            let id_ok = !req.id.is_empty()
                && req.id.len() <= 64
                && req
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
            if !id_ok {
                return Err(Error::catalog(
                    at(req_line, Some(&req.id), None),
                    "requirement id must be 1-64 characters of letters, digits, '-', '_' or '.'",
                ));
            }
            if !seen.insert(req.id.as_str()) {
                return Err(Error::catalog(
                    at(req_line, Some(&req.id), None),
                    "duplicate requirement id",
                ));
            }
            if req.cues.is_empty() {
                return Err(Error::catalog(
                    at(req_line, Some(&req.id), None),
                    "empty cue list: a requirement needs at least one cue phrase to find candidates",
                ));
            }
            for cue in &req.cues {
                if cue.trim().is_empty() {
                    return Err(Error::catalog(
                        at(req_line, Some(&req.id), Some(cue)),
                        "empty cue phrase",
                    ));
                }
                if cue.len() > MAX_PATTERN_LEN {
                    return Err(Error::catalog(
                        at(find_line(text, cue), Some(&req.id), Some(cue)),
                        format!("cue is longer than {MAX_PATTERN_LEN} bytes"),
                    ));
                }
            }
            cues += req.cues.len();
            for (field, list) in req.pattern_lists() {
                for p in list {
                    if p.trim().is_empty() {
                        return Err(Error::catalog(
                            at(req_line, Some(&req.id), Some(p)),
                            format!("empty pattern in '{field}'"),
                        ));
                    }
                    if p.len() > MAX_PATTERN_LEN {
                        return Err(Error::catalog(
                            at(find_line(text, p), Some(&req.id), Some(p)),
                            format!("pattern in '{field}' is longer than {MAX_PATTERN_LEN} bytes"),
                        ));
                    }
                }
                patterns += list.len();
            }
            for ex in &req.examples {
                if ex.status.is_none() && ex.not.is_none() {
                    return Err(Error::catalog(
                        at(find_line(text, &ex.text), Some(&req.id), None),
                        "example needs 'status' (must reach) or 'not' (must not reach)",
                    ));
                }
            }
        }
        if cues > MAX_CUES {
            return Err(Error::catalog(
                at(None, None, None),
                format!("{cues} cue phrases is over the limit of {MAX_CUES}"),
            ));
        }
        if patterns > MAX_PATTERNS {
            return Err(Error::catalog(
                at(None, None, None),
                format!("{patterns} patterns is over the limit of {MAX_PATTERNS}"),
            ));
        }
        Ok(Catalog {
            id: file.id,
            version: file.version,
            title: file.title,
            description: file.description,
            requirements: file.requirements,
            source_name: name.to_string(),
            source_text: text.to_string(),
        })
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// Where in the catalog file a pattern of a requirement is, for errors.
    pub(crate) fn locate(&self, requirement: &str, pattern: &str) -> CatalogLocation {
        CatalogLocation {
            file: self.source_name.clone(),
            line: find_line(&self.source_text, pattern),
            requirement: Some(requirement.to_string()),
            pattern: Some(pattern.to_string()),
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text
        .as_bytes()
        .get(..end)
        .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
}

/// The line of the first occurrence of `needle` (as written in a TOML
/// literal or basic string), if it can be found.
fn find_line(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let escaped = needle.replace('\\', "\\\\").replace('"', "\\\"");
    text.find(needle)
        .or_else(|| text.find(&escaped))
        .map(|off| line_of(text, off))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One requirement with one example; shared with the integration tests.
    const MINI: &str = include_str!("../tests/data/mini-catalog.toml");

    #[test]
    fn builtin_catalog_loads_with_thirteen_requirements() {
        let c = Catalog::builtin().unwrap();
        let ids: Vec<&str> = c.requirements.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "notice-a", "notice-b",
                "notice-c"
            ]
        );
        assert!(c.requirements.iter().all(|r| !r.examples.is_empty()));
    }

    #[test]
    fn minimal_catalog_loads() {
        let c = Catalog::from_toml_str("mini.toml", MINI).unwrap();
        assert_eq!(c.requirements.len(), 1);
        assert_eq!(c.requirements[0].examples[0].status, Some(Status::Covered));
    }

    fn err(text: &str) -> String {
        Catalog::from_toml_str("bad.toml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_fields_are_errors_with_a_line() {
        let msg = err(&MINI.replace(
            "standard = \"backups\"",
            "standard = \"backups\"\ncolour = \"red\"",
        ));
        assert!(msg.starts_with("catalog bad.toml, line 10"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn duplicate_ids_and_empty_cues_are_errors() {
        let dup = format!("{MINI}\n{}", &MINI[MINI.find("[[requirement]]").unwrap()..]);
        let msg = err(&dup);
        assert!(
            msg.contains("requirement 'i'") && msg.contains("duplicate"),
            "{msg}"
        );
        let msg = err(&MINI.replace(r#"cues = ["backup", "back up"]"#, "cues = []"));
        assert!(msg.contains("empty cue list"), "{msg}");
        let msg = err(&MINI.replace(r#"cues = ["backup", "back up"]"#, r#"cues = ["  "]"#));
        assert!(msg.contains("empty cue phrase"), "{msg}");
    }

    #[test]
    fn bad_group_and_bad_status_are_errors() {
        assert!(
            err(&MINI.replace("group = \"provision\"", "group = \"other\"")).contains("line 8")
        );
        assert!(err(&MINI.replace("status = \"covered\"", "status = \"great\"")).contains("great"));
    }

    #[test]
    fn example_without_expectation_is_an_error() {
        let msg = err(&MINI.replace("status = \"covered\"", ""));
        assert!(msg.contains("example needs"), "{msg}");
    }
}
