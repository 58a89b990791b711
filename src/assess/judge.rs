//! The stance of one candidate sentence towards one requirement.
//!
//! A sentence is first confirmed as being about the requirement (its
//! `topic` patterns), then read like a reviewer would: which clause holds
//! the topic, which modal expression governs it (obligation, permission,
//! negation, or a bare present-tense assurance), whose it is (provider,
//! customer, both, a sub-contractor, or nobody named: passive voice), and
//! whether the requirement's own patterns (core, weak, disclaimer,
//! protective) apply. The result is a [`Judgement`]: the status this
//! sentence alone supports and why.

use std::ops::Range;

use serde::Serialize;

use super::lexicon::{Lexicon, Modal, Modality};
use crate::catalog::{CustomerDuty, CustomerRight};
use crate::matcher::CompiledRequirement;
use crate::parties::{Mention, Role, Roles};
use crate::status::{Stance, Status};

/// Words that may follow a party name without making it a compound noun
/// ("Customer Data" is a thing, not the customer).
const COMPOUND_NOUNS: &[&str] = &[
    "data", "content", "contents", "materials", "material", "information", "account", "accounts",
    "personal", "property", "confidential", "credentials", "instance", "instances", "environment",
    "users", "user", "end", "responsibilities", "obligations", "configuration", "files", "records",
    "equipment", "systems", "system", "applications", "application", "portal", "console",
    "identifiers", "domain", "dashboard", "region", "regions", "policy", "policies", "request",
    "requests", "instructions", "list", "support", "personnel", "staff", "employees", "network",
    "infrastructure", "platform", "services", "service", "products", "product", "site", "website",
    "group", "entities", "entity", "affiliates", "security", "code", "software", "agreement",
    "terms", "documentation", "dpa", "premises", "facilities", "properties", "ip", "owned",
    "managed", "provided", "selected", "specific", "side", "environments", "location", "locations",
];

/// Words that end the search for a clause's subject: what follows them is
/// a subordinate clause with its own subject.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whether", "if", "when", "where", "because", "unless", "until",
    "while", "so", "whereby", "once",
];

/// Words after a provider name that do not make a present-tense assurance.
const NOT_A_VERB: &[&str] = &[
    "and", "or", "of", "in", "the", "to", "for", "with", "by", "on", "at", "as", "from", "a", "an",
    "its", "their", "is", "are", "was", "were", "has", "have", "had", "nor", "if", "any", "all",
    "that", "which", "who", "personnel", "group",
];

/// Section titles under which unattributed sentences are the customer's.
const CUSTOMER_SECTIONS: &[&str] = &[
    "your responsibilities", "customer responsibilities", "customer obligations", "your obligations",
    "obligations of the customer", "obligations of customer", "obligations of the client",
    "client obligations", "client responsibilities", "acceptable use", "prohibited", "restrictions",
    "subscriber obligations", "subscriber responsibilities", "your account", "customer's responsibilities",
    "customer’s responsibilities", "use restrictions",
];

/// Whose a clause is, once the sentence has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    /// A named party or pronoun with this role.
    Party(Role),
    /// Nobody named (passive voice, "Backups are taken daily").
    Impersonal,
}

impl Subject {
    /// Short name for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Subject::Party(Role::Provider) => "provider",
            Subject::Party(Role::Customer) => "customer",
            Subject::Party(Role::Mutual) => "mutual",
            Subject::Party(Role::ThirdParty) => "third-party",
            Subject::Impersonal => "impersonal",
        }
    }
}

/// Everything that is decided once per candidate sentence, whatever the
/// requirement.
#[derive(Debug, Clone)]
pub struct SentenceView<'a> {
    /// Lead-in (for enumeration items) followed by the sentence.
    pub text: &'a str,
    /// Where the sentence itself starts in `text`.
    pub offset: usize,
    mentions: Vec<Mention>,
    modals: Vec<Modal>,
    bounds: Vec<usize>,
    definition: bool,
    conditional: bool,
    customer_section: bool,
}

impl<'a> SentenceView<'a> {
    /// Reads a sentence (with its lead-in, if any) once.
    pub fn new(text: &'a str, offset: usize, section_path: &str, lexicon: &Lexicon, roles: &Roles) -> Self {
        let sentence = text.get(offset..).unwrap_or("");
        let section = section_path.to_lowercase();
        let last_title = section.rsplit(" > ").next().unwrap_or("");
        let in_definitions = section.contains("definition") || section.contains("interpretation");
        SentenceView {
            text,
            offset,
            mentions: roles.mentions(text),
            modals: lexicon.modals(text),
            bounds: lexicon.clause_bounds(text),
            definition: lexicon.is_definition(sentence)
                || (in_definitions && (sentence.contains(" means ") || sentence.contains(" refers to "))),
            conditional: lexicon.starts_conditional(sentence),
            customer_section: CUSTOMER_SECTIONS.iter().any(|s| last_title.contains(s)),
        }
    }

    /// The sentence without its lead-in.
    pub fn sentence(&self) -> &'a str {
        self.text.get(self.offset..).unwrap_or("")
    }
}

/// What one sentence says about one requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    /// The status this sentence alone supports (`missing` for a mention).
    pub status: Status,
    /// The stance reported with the excerpt.
    pub stance: Stance,
    /// Whose clause it is.
    pub subject: Subject,
    /// The words naming the subject, if any.
    pub subject_text: String,
    /// The governing modality.
    pub modality: Modality,
    /// The modal words, if any.
    pub modal_text: String,
    /// The text that confirmed the topic.
    pub topic_text: String,
    /// Which rule decided.
    pub rule: &'static str,
    /// Ranking score among a requirement's judgements (higher is better
    /// evidence).
    pub score: f32,
    /// Whether the subject and modality were read from explicit words.
    pub explicit: bool,
}

fn words_between(text: &str, r: Range<usize>) -> Vec<&str> {
    text.get(r).unwrap_or("").split_whitespace().collect()
}

fn next_word(text: &str, pos: usize) -> String {
    text.get(pos..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a mention can be the subject of a clause.
fn subject_like(view: &SentenceView<'_>, m: &Mention) -> bool {
    if m.possessive {
        return false;
    }
    let next = next_word(view.text, m.end);
    !COMPOUND_NOUNS.contains(&next.as_str())
}

/// The subject governing a modal at `modal_start`: the nearest preceding
/// party mention, unless a subordinate clause intervenes.
fn subject_before(view: &SentenceView<'_>, modal_start: usize) -> Option<Mention> {
    let m = view
        .mentions
        .iter()
        .rev()
        .filter(|m| m.end <= modal_start)
        .find(|m| subject_like(view, m))?;
    let gap = words_between(view.text, m.end..modal_start);
    let blocked = gap.len() > 8
        || gap.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            SUBORDINATORS.contains(&w.as_str())
        })
        || gap.iter().any(|w| w.ends_with('.') || w.ends_with(';'));
    (!blocked).then_some(*m)
}

/// The clause `[start, end)` of `view.text` holding position `pos`.
fn clause_of(view: &SentenceView<'_>, pos: usize) -> (usize, usize) {
    let start = view.bounds.iter().rev().find(|&&b| b <= pos).copied().unwrap_or(0);
    let end = view
        .bounds
        .iter()
        .find(|&&b| b > pos)
        .copied()
        .unwrap_or(view.text.len());
    (start, end)
}

/// The reading of the clause around `pos`: modal, subject, passive.
struct Reading {
    modal: Option<Modal>,
    subject: Option<Mention>,
    passive: bool,
    after_modal: String,
}

fn read_clause(view: &SentenceView<'_>, lexicon: &Lexicon, pos: usize) -> Reading {
    let (c_start, c_end) = clause_of(view, pos);
    let before = view
        .modals
        .iter()
        .rev()
        .find(|m| m.start >= c_start && m.start < pos)
        .copied();
    let modal = before
        .or_else(|| view.modals.iter().find(|m| m.start >= pos && m.start < c_end).copied())
        .or_else(|| view.modals.iter().rev().find(|m| m.start < c_start).copied());
    let Some(modal) = modal else {
        // No modal: a present-tense statement, if its subject is named.
        let subject = view
            .mentions
            .iter()
            .rev()
            .filter(|m| m.end <= pos.max(c_start) && m.start >= c_start.min(pos))
            .find(|m| subject_like(view, m))
            .or_else(|| {
                view.mentions
                    .iter()
                    .filter(|m| m.start >= c_start && m.end <= c_end)
                    .find(|m| subject_like(view, m))
            })
            .copied();
        return Reading {
            modal: None,
            subject,
            passive: false,
            after_modal: String::new(),
        };
    };
    let after = view.text.get(modal.end..).unwrap_or("");
    let after_modal: String = after.chars().take(80).collect();
    Reading {
        subject: subject_before(view, modal.start),
        passive: lexicon.is_passive_after(after),
        modal: Some(modal),
        after_modal,
    }
}

/// The agent of a passive: "... by Provider".
fn agent_after(view: &SentenceView<'_>, from: usize, to: usize) -> Option<Role> {
    view.mentions
        .iter()
        .filter(|m| m.start >= from && m.end <= to && !m.possessive)
        .find(|m| {
            view.text
                .get(..m.start)
                .is_some_and(|before| before.trim_end().to_ascii_lowercase().ends_with(" by"))
        })
        .map(|m| m.role)
}

/// Level of a provider-side commitment: covered if the requirement's core
/// is met (or it has none) and nothing weakens it.
fn commitment_level(req: &CompiledRequirement, sentence: &str) -> (Status, &'static str) {
    if req.weak.is_match(sentence) {
        return (Status::Partial, "weak");
    }
    if req.core.is_empty() || req.core.is_match(sentence) {
        (Status::Covered, "core")
    } else {
        (Status::Partial, "topic-only")
    }
}

fn stance_of(status: Status) -> Stance {
    match status {
        Status::Covered => Stance::Commitment,
        Status::Partial => Stance::Qualified,
        Status::Disclaimed => Stance::Disclaimer,
        Status::Missing => Stance::Mention,
    }
}

/// Judges one sentence for one requirement. `None` when the sentence is not
/// about the requirement at all.
pub fn judge(req: &CompiledRequirement, view: &SentenceView<'_>, lexicon: &Lexicon) -> Option<Judgement> {
    let sentence = view.sentence();
    let topic = if req.topic.is_empty() {
        0..0
    } else {
        req.topic.find(sentence)?
    };
    if req.exclude.is_match(sentence) {
        return None;
    }
    let topic_text = sentence.get(topic.clone()).unwrap_or("").to_string();
    let pos = view.offset + topic.start;
    let reading = read_clause(view, lexicon, pos);
    let modality = reading.modal.map_or(Modality::Assurance, |m| m.modality);
    let modal_text = reading
        .modal
        .and_then(|m| view.text.get(m.start..m.end))
        .unwrap_or("")
        .to_string();
    let subject_text = reading
        .subject
        .and_then(|m| view.text.get(m.start..m.end))
        .unwrap_or("")
        .to_string();
    let mut subject = reading
        .subject
        .map_or(Subject::Impersonal, |m| Subject::Party(m.role));
    let explicit = reading.subject.is_some() && reading.modal.is_some();

    let make = |status: Status, rule: &'static str, subject: Subject, stance: Option<Stance>| {
        let mut score = match status {
            Status::Covered => 30.0,
            Status::Partial => 20.0,
            Status::Disclaimed => 10.0,
            Status::Missing => 0.0,
        };
        if explicit {
            score += 2.0;
        }
        if rule == "core" || rule == "protective" || rule == "disclaimer" {
            score += 3.0;
        }
        if req.core.is_match(sentence) {
            score += 1.0;
        }
        score -= (sentence.len() as f32 / 400.0).min(3.0);
        Judgement {
            status,
            stance: stance.unwrap_or_else(|| stance_of(status)),
            subject,
            subject_text: subject_text.clone(),
            modality,
            modal_text: modal_text.clone(),
            topic_text: topic_text.clone(),
            rule,
            score,
            explicit,
        }
    };

    if view.definition {
        return Some(make(Status::Missing, "definition", subject, None));
    }
    if req.disclaimer.is_match(sentence) {
        return Some(make(Status::Disclaimed, "disclaimer", subject, None));
    }

    // Passive voice: the grammatical subject is not the actor.
    if reading.passive {
        let to = clause_of(view, pos).1;
        let from = reading.modal.map_or(pos, |m| m.end);
        subject = match agent_after(view, from, to) {
            Some(role) => Subject::Party(role),
            None if subject == Subject::Party(Role::Customer) => Subject::Impersonal,
            None => subject,
        };
    }
    // "Customer will receive notice": the provider acts.
    if subject == Subject::Party(Role::Customer)
        && modality == Modality::Obligation
        && lexicon.customer_receives(&reading.after_modal)
    {
        subject = Subject::Impersonal;
    }
    if subject == Subject::Impersonal && view.customer_section {
        subject = Subject::Party(Role::Customer);
    }

    if subject == Subject::Party(Role::Customer) {
        let right = modality == Modality::Permission
            || (modality == Modality::Obligation && lexicon.customer_right_after(&reading.after_modal));
        return Some(match (modality, req.customer_right, req.customer_duty) {
            (Modality::Negation, CustomerRight::Commitment, _) => {
                make(Status::Disclaimed, "customer-loses-right", subject, None)
            }
            (_, CustomerRight::Commitment, _) if right => {
                let (status, rule) = commitment_level(req, sentence);
                make(status, if rule == "core" { "customer-right" } else { rule }, subject, None)
            }
            (_, CustomerRight::Qualified, _) if right => make(Status::Partial, "customer-feature", subject, None),
            (Modality::Obligation, _, CustomerDuty::Disclaimer) => {
                make(Status::Disclaimed, "customer-duty", subject, None)
            }
            _ => make(Status::Missing, "customer-obligation", subject, None),
        });
    }

    // Provider, both parties, a sub-contractor, or nobody named.
    Some(match modality {
        Modality::Negation => {
            if req.protective.is_match(sentence) {
                let status = if req.weak.is_match(sentence) {
                    Status::Partial
                } else {
                    Status::Covered
                };
                make(status, "protective", subject, None)
            } else {
                make(Status::Disclaimed, "negated", subject, None)
            }
        }
        Modality::Permission => make(Status::Partial, "permission", subject, None),
        Modality::Obligation => {
            let (status, rule) = commitment_level(req, sentence);
            make(status, rule, subject, None)
        }
        Modality::Assurance => {
            let named_actor = reading.subject.is_some_and(|m| {
                m.role != Role::Customer && !NOT_A_VERB.contains(&next_word(view.text, m.end).as_str())
            });
            if view.conditional && !named_actor {
                make(Status::Missing, "conditional", subject, None)
            } else if named_actor || lexicon.has_present_passive(sentence) {
                let (status, rule) = commitment_level(req, sentence);
                make(status, rule, subject, None)
            } else {
                make(Status::Missing, "no-statement", subject, None)
            }
        }
    })
}
