//! Why a requirement got its status: every candidate sentence with the cue
//! that found it, the pattern that confirmed it, the subject, modality and
//! stance read from it, and which one won.

use std::fmt::Write as _;

use serde::Serialize;

use crate::assess::Judgement;
use crate::parties::Parties;
use crate::report::text::sanitize;
use crate::status::Status;

/// The explanation of one requirement in one agreement.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// Requirement id.
    pub id: String,
    /// Requirement title.
    pub title: String,
    /// The standard's wording.
    pub standard: String,
    /// The final status.
    pub status: Status,
    /// Its confidence.
    pub confidence: f64,
    /// The parties the sentences were read against.
    pub parties: Parties,
    /// Every sentence a cue of the requirement found, in document order.
    pub candidates: Vec<ExplainedCandidate>,
}

/// One candidate sentence and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedCandidate {
    /// The sentence.
    pub text: String,
    /// The lead-in it was read with (enumeration items).
    pub leadin: String,
    /// 1-based line.
    pub line: u64,
    /// Heading path.
    pub section: String,
    /// Cue phrases of the requirement found in it.
    pub cues: Vec<String>,
    /// The topic pattern that confirmed it, if any did.
    pub topic_pattern: Option<String>,
    /// The exclude pattern that ruled it out, if any did.
    pub excluded_by: Option<String>,
    /// The reading, if the sentence was judged.
    pub judgement: Option<Judgement>,
    /// The catalog pattern that decided (core, weak, partial, disclaimer,
    /// reserved or protective), if a pattern did.
    pub decided_by: Option<String>,
    /// Whether the report cites it.
    pub cited: bool,
}

impl Explanation {
    /// A readable account for the terminal.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {}: {} (confidence {:.2})",
            self.id, self.title, self.status, self.confidence
        );
        let _ = writeln!(out, "standard: {}", self.standard);
        let _ = writeln!(
            out,
            "parties: provider = {}; customer = {}\n",
            sanitize(&self.parties.provider.join(", ")),
            sanitize(&self.parties.customer.join(", "))
        );
        if self.candidates.is_empty() {
            out.push_str("no sentence contains a cue of this requirement, so it is missing.\n");
            return out;
        }
        for (i, c) in self.candidates.iter().enumerate() {
            let _ = writeln!(
                out,
                "[{}] line {}{}{}",
                i + 1,
                c.line,
                if c.section.is_empty() { "" } else { " · " },
                sanitize(&c.section)
            );
            if !c.leadin.is_empty() {
                let _ = writeln!(out, "    lead-in: {}", sanitize(&c.leadin));
            }
            let _ = writeln!(out, "    {}", sanitize(&c.text));
            let _ = writeln!(out, "    cues: {}", c.cues.join(", "));
            match (&c.judgement, &c.topic_pattern, &c.excluded_by) {
                (None, _, Some(ex)) => {
                    let _ = writeln!(
                        out,
                        "    -> not about this requirement (exclude pattern: {ex})"
                    );
                }
                (None, None, None) => {
                    out.push_str("    -> no topic pattern matched: not about this requirement\n");
                }
                (None, Some(_), None) => {
                    out.push_str("    -> not judged\n");
                }
                (Some(j), topic, excluded) => {
                    if let Some(ex) = excluded {
                        // The pattern matched away from the topic's clause.
                        let _ = writeln!(out, "    exclude pattern {ex} matched outside the topic's clause: not applied");
                    }
                    let _ = writeln!(
                        out,
                        "    topic: {:?}{}",
                        j.topic_text,
                        topic
                            .as_deref()
                            .map(|t| format!(" (pattern {t})"))
                            .unwrap_or_default()
                    );
                    let _ = writeln!(
                        out,
                        "    subject: {}{} · modality: {}{}",
                        j.subject.name(),
                        if j.subject_text.is_empty() {
                            String::new()
                        } else {
                            format!(" ({:?})", j.subject_text)
                        },
                        j.modality.name(),
                        if j.modal_text.is_empty() {
                            String::new()
                        } else {
                            format!(" ({:?})", j.modal_text)
                        },
                    );
                    let _ = writeln!(
                        out,
                        "    -> {} / {} by rule '{}'{}{}",
                        j.stance,
                        j.status,
                        j.rule,
                        c.decided_by
                            .as_deref()
                            .map(|p| format!(" (pattern {p})"))
                            .unwrap_or_default(),
                        if c.cited { " [cited]" } else { "" }
                    );
                }
            }
        }
        let winners = self
            .candidates
            .iter()
            .filter(|c| {
                c.judgement
                    .as_ref()
                    .is_some_and(|j| j.status == self.status)
            })
            .count();
        let _ = writeln!(
            out,
            "\n{} wins: the strongest provider statement decides (covered > partial > disclaimed > missing); {} sentence(s) support it.",
            self.status, winners
        );
        out
    }
}
