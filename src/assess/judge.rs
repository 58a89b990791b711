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
use super::probe::Probe;
use crate::catalog::{CustomerDuty, CustomerRight, NegationReads, TopicOnly};
use crate::literals::IndexHits;
use crate::matcher::CompiledRequirement;
use crate::parties::{Mention, Role, Roles};
use crate::scan::Facts;
use crate::status::{Stance, Status};

use super::section::SectionContext;

/// Words that may follow a party name without making it a compound noun
/// ("Customer Data" is a thing, not the customer).
const COMPOUND_NOUNS: &[&str] = &[
    "data",
    "content",
    "contents",
    "materials",
    "material",
    "information",
    "account",
    "accounts",
    "personal",
    "property",
    "confidential",
    "credentials",
    "instance",
    "instances",
    "environment",
    "users",
    "user",
    "end",
    "responsibilities",
    "obligations",
    "configuration",
    "files",
    "records",
    "equipment",
    "systems",
    "system",
    "database",
    "databases",
    "documents",
    "workspace",
    "workspaces",
    "projects",
    "project",
    "applications",
    "application",
    "portal",
    "console",
    "identifiers",
    "domain",
    "dashboard",
    "region",
    "regions",
    "policy",
    "policies",
    "request",
    "requests",
    "instructions",
    "list",
    "support",
    "personnel",
    "staff",
    "employees",
    "network",
    "infrastructure",
    "platform",
    "services",
    "service",
    "products",
    "product",
    "site",
    "website",
    "group",
    "entities",
    "entity",
    "affiliates",
    "security",
    "code",
    "software",
    "agreement",
    "terms",
    "documentation",
    "dpa",
    "premises",
    "facilities",
    "properties",
    "ip",
    "owned",
    "managed",
    "provided",
    "selected",
    "specific",
    "side",
    "environments",
    "location",
    "locations",
];

/// Words that end the search for a clause's subject: what follows them is
/// a subordinate clause with its own subject.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whether", "if", "when", "where", "because", "unless", "until",
    "while", "so", "whereby", "once",
];

/// Words after a provider name that do not make a present-tense assurance.
const NOT_A_VERB: &[&str] = &[
    "and",
    "or",
    "of",
    "in",
    "the",
    "to",
    "for",
    "with",
    "by",
    "on",
    "at",
    "as",
    "from",
    "a",
    "an",
    "its",
    "their",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "nor",
    "if",
    "any",
    "all",
    "that",
    "which",
    "who",
    "personnel",
    "group",
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

/// True when a section heading names a requirement's topic without its
/// weakening words: "Service Changes" lends `notice-a` its topic, "Changes
/// to these Terms" does not. Sentences under it that state the core need
/// not name the topic again.
pub fn heading_lends_topic(req: &CompiledRequirement, heading: &str) -> bool {
    !heading.is_empty() && req.topic.is_match(heading) && !req.weak.is_match(heading)
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
    /// The sentence is a run of links (a site's navigation or footer), not
    /// agreement text.
    navigation: bool,
    conditional: bool,
    customer_section: bool,
    /// The sentence is a table cell long enough to state something.
    table_row: bool,
    /// The sentence is an item under a lead-in that announces measures in
    /// place ("The following measures exist: ...").
    measures_item: bool,
    /// The sentence sits in a section of security measures.
    measures_section: bool,
    /// The innermost heading title, lower-cased.
    heading: String,
    /// The provider (or both parties) is named as a subject somewhere.
    provider_speaks: bool,
    /// The sentence protects "Confidential Information" without naming
    /// customer data, in an agreement that takes customer data out of its
    /// confidential information: it says nothing about customer data.
    confidentiality_only: bool,
    /// Pattern-list searches on `text`, literals found once per list.
    probe: Probe<'a>,
}

impl<'a> SentenceView<'a> {
    /// Reads a sentence (with its lead-in, if any) once.
    pub fn new(
        text: &'a str,
        offset: usize,
        context: &SectionContext,
        lexicon: &Lexicon,
        roles: &Roles,
        facts: Facts,
        table_cell: bool,
    ) -> Self {
        let sentence = text.get(offset..).unwrap_or("");
        let in_definitions = context.in_definitions;
        let mentions = roles.mentions(text);
        let provider_speaks = mentions.iter().any(|m| {
            matches!(m.role, Role::Provider | Role::Mutual)
                && !m.possessive
                && !COMPOUND_NOUNS.contains(&next_word(text, m.end).as_str())
        });
        let bounds = lexicon.clause_bounds(text);
        // Items under a lead-in that announces measures, in their own
        // blocks or inline ("Such measures include the following: (i) ...").
        let inline_leadin = bounds
            .iter()
            .find(|&&b| b > offset && text.get(b..).is_some_and(|t| t.starts_with('(')))
            .and_then(|&b| text.get(..b));
        let measures_item = (offset > 0
            && lexicon.announces_measures(text.get(..offset).unwrap_or("")))
            || inline_leadin.is_some_and(|l| lexicon.announces_measures(l));
        SentenceView {
            text,
            offset,
            table_row: table_cell && sentence.split_whitespace().count() >= 6,
            measures_item,
            measures_section: context.measures_section,
            heading: context.heading.clone(),
            provider_speaks,
            mentions,
            modals: lexicon.modals(text),
            bounds,
            definition: lexicon.is_definition(sentence)
                || (in_definitions
                    && [" means ", " shall mean ", " refers to "]
                        .iter()
                        .any(|w| sentence.contains(w))),
            navigation: is_navigation(sentence),
            conditional: lexicon.starts_conditional(sentence),
            customer_section: context.customer_section,
            confidentiality_only: facts.customer_data_not_confidential
                && lexicon.confidentiality_only(sentence),
            probe: Probe::new(text, IndexHits::default()),
        }
    }

    /// Gives the view the literals [`crate::matcher::Matcher::literal_hits`]
    /// found in its text, so that pattern lists are searched behind their
    /// literal gates (without them every pattern runs).
    pub fn with_literals(mut self, literals: IndexHits) -> Self {
        self.probe = Probe::new(self.text, literals);
        self
    }

    /// The sentence without its lead-in.
    pub fn sentence(&self) -> &'a str {
        self.text.get(self.offset..).unwrap_or("")
    }
}

/// True for a run of links: three or more web addresses that, with their
/// link texts, make up most of the sentence ("[Products](https://...)
/// [Pricing](https://...) [Trust](https://...)"). Scraped agreements carry
/// a site's menus and footers, whose words ("FedRAMP", "Backup") are not
/// commitments.
fn is_navigation(sentence: &str) -> bool {
    let links = sentence.matches("](").count();
    let urls = sentence.matches("://").count();
    if links.max(urls) < 3 {
        return false;
    }
    // Bytes inside link targets "(...)" and link texts "[...]".
    let mut inside = 0usize;
    let mut depth_open: Option<u8> = None;
    for b in sentence.bytes() {
        match (depth_open, b) {
            (None, b'[') | (None, b'(') => depth_open = Some(b),
            (Some(b'['), b']') | (Some(b'('), b')') => depth_open = None,
            (Some(_), _) => inside += 1,
            _ => {}
        }
    }
    inside * 10 >= sentence.len() * 6
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

impl Judgement {
    /// A partial that rests on a mention (a permission, a description, a
    /// feature offered) rather than on a weak commitment.
    pub fn is_mention_level(&self) -> bool {
        self.status == Status::Partial
            && matches!(self.rule, "permission" | "assurance" | "customer-feature")
    }
}

fn words_between(text: &str, r: Range<usize>) -> Vec<&str> {
    text.get(r).unwrap_or("").split_whitespace().collect()
}

fn next_word(text: &str, pos: usize) -> String {
    bare_word(
        text.get(pos..)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or(""),
    )
}

/// A word without surrounding punctuation, lower-cased.
fn bare_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Words before a noun that make it an object, not a subject.
const PREPOSITIONS: &[&str] = &[
    "of", "to", "for", "with", "by", "from", "in", "on", "at", "about", "between", "among",
    "under", "upon", "against", "via", "through", "into",
];

/// Conjunctions that open a clause of time or condition.
const TIME_CONDITION: &[&str] = &["before", "after", "until", "unless", "once", "when", "if"];

/// True when a present-tense clause's subject is the provider's service,
/// systems or people ("Our platform backs up your data nightly"), not the
/// customer's ("Customer systems run ...", "Your staff use ...").
fn provider_thing_states(view: &SentenceView<'_>, lexicon: &Lexicon, r: &Resolved) -> bool {
    let clause = view.text.get(r.clause.clone()).unwrap_or("");
    let Some(end) = lexicon.provider_thing_subject(clause) else {
        return false;
    };
    let subject = r.clause.start..r.clause.start + end;
    !view
        .mentions
        .iter()
        .any(|m| m.role == Role::Customer && subject.contains(&m.start))
}

/// Pronouns that can be the subject of a clause of time or condition.
const CLAUSE_PRONOUNS: &[&str] = &[
    "anyone", "anybody", "someone", "somebody", "everyone", "nobody", "it", "they", "we", "you",
    "he", "she", "one",
];

/// True when the text before a modal ends by opening a clause of time or
/// condition whose modal it is: in "is scanned for viruses before anyone
/// can open it", "can" is not the scan's modal. "after termination we
/// will delete" is a phrase, not such a clause: the conjunction must be
/// followed by a pronoun subject and then the modal.
fn opens_subordinate(before_modal: &str) -> bool {
    let mut words = before_modal.split_whitespace().rev();
    let (Some(subject), Some(conjunction)) = (words.next(), words.next()) else {
        return false;
    };
    CLAUSE_PRONOUNS.contains(&subject.to_ascii_lowercase().as_str())
        && TIME_CONDITION.contains(&conjunction.to_ascii_lowercase().as_str())
}

/// The subject of the main clause when the topic lies in a leading
/// time or condition clause: in "When your paid period expires, we delete
/// your files" the clause that says what happens is "we delete your
/// files", and its subject is the party that opens it (after an optional
/// "then"). Only a provider-side subject is taken: what the customer gets
/// after such a clause ("..., you get fourteen days to export") is read as
/// before, from the topic on.
fn main_clause_subject(
    view: &SentenceView<'_>,
    c_start: usize,
    pos: usize,
    c_end: usize,
) -> Option<Mention> {
    let lead = words_between(view.text, c_start..pos);
    let first = lead.first().map(|w| bare_word(w))?;
    if !TIME_CONDITION.contains(&first.as_str()) {
        return None;
    }
    let rest = view.text.get(pos..c_end)?;
    let main = pos + rest.find(", ")? + 2;
    view.mentions
        .iter()
        .find(|m| m.start >= main && m.start < c_end)
        .filter(|m| {
            let gap = words_between(view.text, main..m.start);
            match gap.as_slice() {
                [] => true,
                [word] => bare_word(word) == "then",
                _ => false,
            }
        })
        .filter(|m| m.role != Role::Customer && subject_like(view, m))
        .copied()
}

/// Determiners that open a noun phrase a relative clause without "that"
/// can follow: "The files you upload are backed up nightly".
const DETERMINERS: &[&str] = &[
    "the", "any", "all", "every", "each", "such", "those", "these", "this", "that", "no", "other",
    "some",
];

/// Nouns of time: "Each month you will receive an invoice" has "you" as
/// its subject, not a relative clause after "month".
const TIME_NOUNS: &[&str] = &[
    "time", "times", "day", "days", "week", "weeks", "month", "months", "year", "years", "moment",
    "occasion", "hour", "hours", "night", "morning", "period", "date",
];

/// True when a pronoun opens a relative clause without "that" after the
/// noun phrase that starts its clause: in "The files you upload are backed
/// up" or "Any content we host is scanned for malware", "you" and "we"
/// are not the subject; the files and the content are.
fn in_contact_relative(view: &SentenceView<'_>, m: &Mention) -> bool {
    let pronoun = view.text.get(m.start..m.end).unwrap_or("");
    if !["you", "we", "they"]
        .iter()
        .any(|p| pronoun.eq_ignore_ascii_case(p))
    {
        return false;
    }
    let (c_start, _) = clause_of(view, m.start);
    let words = words_between(view.text, c_start..m.start);
    // An item marker ("(a)", "2.") does not count as a word.
    let words: Vec<String> = words
        .iter()
        .map(|w| bare_word(w))
        .skip_while(|w| w.len() <= 4 && (w.chars().all(|c| c.is_ascii_digit()) || w.len() == 1))
        .collect();
    let next = next_word(view.text, m.end);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (2..=4).contains(&words.len())
        && DETERMINERS.contains(&first.as_str())
        && !TIME_NOUNS.contains(&last.as_str())
        && !view.text.get(c_start..m.start).unwrap_or("").contains(',')
        && next.chars().all(|c| c.is_ascii_alphabetic())
        && !next.is_empty()
}

/// Possessive determiners: a party named after one modifies a noun ("your
/// Zulip administrators") and is not the subject.
const POSSESSIVES: &[&str] = &["your", "our", "its", "their", "his", "her", "my"];

/// Whether a mention can be the subject of a clause.
fn subject_like(view: &SentenceView<'_>, m: &Mention) -> bool {
    if m.possessive || in_contact_relative(view, m) {
        return false;
    }
    let before = view
        .text
        .get(..m.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    if PREPOSITIONS.contains(&before.as_str()) || POSSESSIVES.contains(&bare_word(&before).as_str())
    {
        return false;
    }
    let next = next_word(view.text, m.end);
    !COMPOUND_NOUNS.contains(&next.as_str())
}

/// The subject governing a modal at `modal_start`: the nearest preceding
/// party mention, unless a subordinate clause intervenes. In an
/// enumeration item ("Customer will (a) ...; (b) use ...") without a
/// subject of its own, the lead-in's subject governs.
fn subject_before(view: &SentenceView<'_>, modal_start: usize) -> Option<Mention> {
    subject_nearby(view, modal_start).or_else(|| {
        let (c_start, _) = clause_of(view, modal_start);
        let first_item = first_item_start(view, c_start)?;
        let lead_modal = view.modals.iter().rev().find(|m| m.end <= first_item)?;
        subject_nearby(view, lead_modal.start)
    })
}

/// The subject of a modal coordinated with an earlier one ("Customer must
/// ensure that ... and must promptly notify ..."): the earlier modal's.
fn coordinated_subject(view: &SentenceView<'_>, modal_start: usize) -> Option<Mention> {
    let before = view.text.get(..modal_start)?.trim_end();
    let last = before.rsplit(char::is_whitespace).next()?;
    let conj = if last.ends_with("ly") {
        let rest = before.get(..before.len() - last.len())?.trim_end();
        rest.rsplit(char::is_whitespace).next()?
    } else {
        last
    };
    if !matches!(conj.to_ascii_lowercase().as_str(), "and" | "or") {
        return None;
    }
    let earlier = view.modals.iter().rev().find(|m| m.end <= before.len())?;
    subject_nearby(view, earlier.start)
}

/// Where the first enumeration item starts, if the clause at `c_start` is
/// an item ("(b) ...").
fn first_item_start(view: &SentenceView<'_>, c_start: usize) -> Option<usize> {
    let is_item = |b: usize| {
        view.text
            .get(b..)
            .is_some_and(|t| t.starts_with('(') && t.get(1..6).is_some_and(|s| s.contains(')')))
    };
    if !is_item(c_start) {
        return None;
    }
    view.bounds.iter().copied().find(|&b| is_item(b))
}

/// Verbs that report what their subject accepts: in "Customer
/// acknowledges that it is responsible", "it" is the customer.
const REPORTING_VERBS: &[&str] = &[
    "acknowledges",
    "acknowledge",
    "agrees",
    "agree",
    "accepts",
    "accept",
    "understands",
    "understand",
    "confirms",
    "confirm",
    "represents",
    "represent",
    "recognises",
    "recognizes",
    "recognise",
    "recognize",
    "declares",
    "declare",
];

/// Nouns for people that a possessive makes a party's own: "your
/// administrators may export ..." is the customer acting.
const PEOPLE: &[&str] = &[
    "administrators",
    "administrator",
    "admins",
    "admin",
    "users",
    "employees",
    "staff",
    "personnel",
    "agents",
    "representatives",
    "members",
    "owners",
    "owner",
];

fn subject_nearby(view: &SentenceView<'_>, modal_start: usize) -> Option<Mention> {
    let m = view
        .mentions
        .iter()
        .rev()
        .filter(|m| m.end <= modal_start)
        .find(|m| subject_like(view, m) || people_of(view, m, modal_start))?;
    let gap = words_between(view.text, m.end..modal_start);
    if m.possessive {
        // A party's people ("Your Organization Administrators may ...").
        return Some(*m);
    }
    let reported = matches!(gap.as_slice(), [verb, that, pronoun]
        if REPORTING_VERBS.contains(&bare_word(verb).as_str())
            && bare_word(that) == "that"
            && matches!(bare_word(pronoun).as_str(), "it" | "they"));
    let blocked = gap.len() > 8
        || gap
            .iter()
            .any(|w| SUBORDINATORS.contains(&bare_word(w).as_str()))
        || gap.iter().any(|w| w.ends_with('.') || w.ends_with(';'));
    (reported || !blocked).then_some(*m)
}

/// True when a possessive mention opens a noun phrase naming the party's
/// people that runs up to the modal: "Your [Zulip Organization]
/// Administrators may ...".
fn people_of(view: &SentenceView<'_>, m: &Mention, modal_start: usize) -> bool {
    if !m.possessive {
        return false;
    }
    let gap = words_between(view.text, m.end..modal_start);
    gap.len() <= 4
        && gap
            .last()
            .is_some_and(|w| PEOPLE.contains(&bare_word(w).as_str()))
        && gap.iter().all(|w| !w.ends_with(',') && !w.ends_with(';'))
}

/// The clause `[start, end)` of `view.text` holding position `pos`.
fn clause_of(view: &SentenceView<'_>, pos: usize) -> (usize, usize) {
    let start = view
        .bounds
        .iter()
        .rev()
        .find(|&&b| b <= pos)
        .copied()
        .unwrap_or(0);
    let end = view
        .bounds
        .iter()
        .find(|&&b| b > pos)
        .copied()
        .unwrap_or(view.text.len());
    (start, end)
}

/// True when the clause starting at `c_start` opens with a party named as
/// its subject, followed by a verb, before `pos`. The party may follow an
/// introductory phrase set off by a comma ("As a company based in Canada,
/// we keep ...").
fn has_own_subject(view: &SentenceView<'_>, c_start: usize, pos: usize) -> bool {
    view.mentions
        .iter()
        .filter(|m| m.start >= c_start && m.end <= pos)
        .find(|m| subject_like(view, m))
        .is_some_and(|m| {
            let opening = view.text.get(c_start..m.start).unwrap_or("");
            (words_between(view.text, c_start..m.start).len() <= 2
                || opening.trim_end().ends_with(','))
                && !NOT_A_VERB.contains(&next_word(view.text, m.end).as_str())
        })
}

/// True when the modal at `modal_start` lies in a consequence set off by
/// a comma: ", which means (that) ...", ", meaning ...".
fn in_consequence(text: &str, modal_start: usize) -> bool {
    let before = text.get(..modal_start).unwrap_or("");
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    let tail = before.get(comma + 1..).unwrap_or("").trim_start();
    let lower = tail
        .get(..tail.len().min(14))
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.starts_with("which means")
        || lower.starts_with("meaning ")
        || lower.starts_with("which implies")
}

/// True when the word before `modal_start` is a relative pronoun ("who
/// may", "which can", "that will").
fn opens_relative_clause(text: &str, modal_start: usize) -> bool {
    let before = text.get(..modal_start).unwrap_or("");
    let word = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        bare_word(word).as_str(),
        "who" | "which" | "that" | "whom" | "whoever"
    )
}

/// The reading of the clause around `pos`: modal, subject, passive.
struct Reading {
    /// The customer is granted something by a provider-side actor.
    granted: bool,
    /// The subject comes from a lead-in, not from the clause itself.
    inherited: bool,
    clause: (usize, usize),
    modal: Option<Modal>,
    subject: Option<Mention>,
    passive: bool,
    after_modal: String,
    /// The modal words and what follows them (bounded).
    modal_and_after: String,
}

fn read_clause(view: &SentenceView<'_>, lexicon: &Lexicon, pos: usize) -> Reading {
    let (c_start, c_end) = clause_of(view, pos);
    // A modal that opens a relative clause ("any employee who may have
    // access to the data") governs that clause only: an earlier modal of
    // the main clause ("Processor shall ensure ...") reads the sentence.
    let in_clause = || {
        view.modals
            .iter()
            .rev()
            .filter(|m| m.start >= c_start && m.start < pos)
    };
    // A modal in a consequence the sentence draws (", which means that
    // your service will be exposed") states no commitment: the clause's
    // own modal reads it.
    let in_clause = || in_clause().filter(|m| !in_consequence(view.text, m.start));
    let before = in_clause()
        .find(|m| !opens_relative_clause(view.text, m.start))
        .or_else(|| in_clause().next())
        .copied();
    let modal = before
        .or_else(|| {
            view.modals
                .iter()
                .filter(|m| m.start >= pos && m.start < c_end)
                .filter(|m| !in_consequence(view.text, m.start))
                .find(|m| {
                    let between = view.text.get(pos..m.start).unwrap_or("");
                    !lexicon.in_relative_clause(between) && !opens_subordinate(between)
                })
                .copied()
        })
        .or_else(|| {
            // An enumeration item without a modal of its own is governed by
            // the lead-in ("Client is responsible for (a) ...; (c) backup"),
            // not by a modal inside another item. A clause with a subject
            // and verb of its own ("...; the party provides notice") is not
            // governed by an earlier clause's modal.
            let item = first_item_start(view, c_start);
            if item.is_none() && has_own_subject(view, c_start, pos) {
                return None;
            }
            // Items under "The following measures are in place to control
            // who can reach data:" state measures; the lead-in's "can"
            // belongs to its purpose clause.
            if view.measures_item && c_start >= view.offset {
                return None;
            }
            // The lead-in's main modal governs, not one opening a relative
            // clause ("Customer is responsible for ... which may include:").
            let limit = item.unwrap_or(c_start);
            let earlier = || {
                view.modals
                    .iter()
                    .rev()
                    .filter(|m| m.start < limit && !in_consequence(view.text, m.start))
            };
            earlier()
                .find(|m| !opens_relative_clause(view.text, m.start))
                .or_else(|| earlier().next())
                .copied()
        });
    // "do not commit to", "don't warrant", "may no longer": a negation
    // next to another modal negates it.
    let modal = modal.map(|m| {
        let negated = view.modals.iter().any(|n| {
            n.modality == Modality::Negation
                && ((n.end <= m.start && words_between(view.text, n.end..m.start).len() <= 2)
                    || (n.start >= m.end && words_between(view.text, m.end..n.start).len() <= 1))
        });
        if negated && m.modality != Modality::Negation {
            Modal {
                modality: Modality::Negation,
                ..m
            }
        } else {
            m
        }
    });
    let Some(modal) = modal else {
        // No modal: a present-tense statement, if its subject is named.
        // The clause's first party is its subject ("GitHub maintains ...",
        // not "... protect the Services and third parties from malware").
        // A party named only inside a relative clause ("stored in the
        // region in which the Customer is located") is not the subject.
        let subject = view
            .mentions
            .iter()
            .filter(|m| m.end <= pos && m.start >= c_start)
            .find(|m| subject_like(view, m))
            .filter(|m| {
                let gap = words_between(view.text, c_start..m.start);
                !gap.iter()
                    .rev()
                    .take(3)
                    .any(|w| matches!(bare_word(w).as_str(), "which" | "whom" | "whose"))
            })
            .copied()
            .or_else(|| main_clause_subject(view, c_start, pos, c_end));
        // "The Service allows the Client to configure ...": a grant makes
        // the customer a beneficiary with a right.
        // So does "you have thirty days to download ...".
        let granted = subject.is_some_and(|m| {
            m.role == Role::Customer
                && (lexicon.grant_before(view.text.get(c_start..m.start).unwrap_or(""))
                    || lexicon.customer_right_after(view.text.get(m.end..).unwrap_or("")))
        });
        return Reading {
            granted,
            inherited: false,
            clause: (c_start, c_end),
            modal: None,
            subject,
            passive: false,
            after_modal: String::new(),
            modal_and_after: String::new(),
        };
    };
    let after = view.text.get(modal.end..).unwrap_or("");
    let after_modal: String = after.chars().take(80).collect();
    let modal_and_after: String = view
        .text
        .get(modal.start..)
        .unwrap_or("")
        .chars()
        .take(100)
        .collect();
    let own_subject = subject_before(view, modal.start);
    let inherited = own_subject.is_none();
    let subject = own_subject
        .or_else(|| coordinated_subject(view, modal.start))
        .or_else(|| {
            // An enumeration item in its own block: the block lead-in's subject
            // ("The data exporter agrees and warrants: ..."), unless the item
            // has a subject of its own before its modal ("Once the term
            // ends, all of your data will be deleted").
            let opening = words_between(view.text, c_start.max(view.offset)..modal.start);
            if opening.len() > ITEM_OPENING_WORDS {
                return None;
            }
            let lead = view.modals.iter().rev().find(|m| m.end <= view.offset)?;
            subject_nearby(view, lead.start)
        });
    Reading {
        granted: false,
        inherited,
        modal_and_after,
        clause: (c_start, c_end),
        subject,
        passive: lexicon.is_passive_after(after),
        modal: Some(modal),
        after_modal,
    }
}

/// True when the verb after a subject ending at `end` recommends
/// something ("we recommend ...", "we strongly encourage ...").
fn recommends(text: &str, end: usize) -> bool {
    let mut words = text.get(end..).unwrap_or("").split_whitespace();
    let mut verb = words.next().map(bare_word).unwrap_or_default();
    if verb.ends_with("ly") {
        verb = words.next().map(bare_word).unwrap_or_default();
    }
    matches!(
        verb.as_str(),
        "recommend"
            | "recommends"
            | "encourage"
            | "encourages"
            | "suggest"
            | "suggests"
            | "urge"
            | "urges"
    )
}

/// Most words an enumeration item may open with before its modal and still
/// take the lead-in's subject: a label and an adverb ("(b) also will ...").
const ITEM_OPENING_WORDS: usize = 2;

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

/// True when the requirement's core appears in the sentence outside a
/// negated clause: in "access will end, and Provider has no obligation to
/// offer transition services", the transition services are refused, not
/// offered. A negation bound by "without", "unless" or "except" ("will not
/// discontinue it without 90 days' notice") still states the core.
fn core_in_force(req: &CompiledRequirement, view: &SentenceView<'_>, lexicon: &Lexicon) -> bool {
    let sentence = view.sentence();
    view.probe.find_all(&req.core, sentence).iter().any(|core| {
        let pos = view.offset + core.start;
        let reading = read_clause(view, lexicon, pos);
        match reading.modal {
            Some(m) if m.modality == Modality::Negation && m.end <= pos => {
                let between = view.text.get(m.end..pos).unwrap_or("").to_ascii_lowercase();
                ["without", "unless", "except", "other than"]
                    .iter()
                    .any(|w| between.contains(w))
            }
            _ => true,
        }
    })
}

/// Level of a provider-side commitment: covered if the requirement's core
/// is met (or it has none) and nothing weakens it; partial for a shape that
/// is partial on its own; otherwise what a topic-only commitment amounts to.
fn commitment_level(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
    sentence: &str,
) -> (Status, &'static str) {
    if req.core.is_empty() || core_in_force(req, view, lexicon) {
        if view.probe.is_match(&req.weak, sentence) && !view.probe.is_match(&req.strong, sentence) {
            (Status::Partial, "weak")
        } else {
            (Status::Covered, "core")
        }
    } else if view.probe.is_match(&req.partial, sentence) {
        (Status::Partial, "partial")
    } else if view.probe.is_match(&req.reserved, sentence) {
        // All the sentence says is of a reserved shape ("will delete all
        // data when the subscription ends"): nothing for the customer.
        (Status::Disclaimed, "reserved")
    } else if req.topic_only == TopicOnly::Mention {
        (Status::Missing, "topic-only")
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

/// Whose clause it is and what it does, once passives, "you will be
/// notified" and "is your responsibility" have been resolved.
struct Resolved {
    subject: Subject,
    modality: Modality,
    /// The clause reads as something the customer may do or will have.
    customer_right: bool,
    /// A named provider-side actor states something in the present tense.
    named_actor: bool,
    clause: Range<usize>,
}

fn resolve(view: &SentenceView<'_>, lexicon: &Lexicon, reading: &Reading, pos: usize) -> Resolved {
    let mut modality = reading.modal.map_or(Modality::Assurance, |m| m.modality);
    let mut subject = reading
        .subject
        .map_or(Subject::Impersonal, |m| Subject::Party(m.role));
    let (c_start, c_end) = reading.clause;
    // Passive voice: the grammatical subject is not the actor.
    // "You may be required to sign up": a duty on the customer.
    let customer_duty = subject == Subject::Party(Role::Customer)
        && !reading.inherited
        && lexicon.duty_passive_after(&reading.after_modal);
    if customer_duty {
        modality = Modality::Obligation;
    } else if reading.passive {
        let from = reading.modal.map_or(pos, |m| m.end);
        subject = match agent_after(view, from, c_end) {
            Some(role) => Subject::Party(role),
            None if subject == Subject::Party(Role::Customer) && !reading.inherited => {
                Subject::Impersonal
            }
            None => subject,
        };
    }
    // "Customer will receive notice": the provider acts.
    if subject == Subject::Party(Role::Customer)
        && !reading.inherited
        && modality == Modality::Obligation
        && lexicon.customer_receives(&reading.after_modal)
    {
        subject = Subject::Impersonal;
    }
    if subject == Subject::Impersonal && view.customer_section {
        subject = Subject::Party(Role::Customer);
    }
    // "We recommend using software firewalls": advice to the customer, whose
    // matter it stays; the provider does not say it does anything.
    if reading.modal.is_none()
        && reading
            .subject
            .is_some_and(|m| m.role == Role::Provider && recommends(view.text, m.end))
    {
        subject = Subject::Party(Role::Customer);
        modality = Modality::Obligation;
    }
    // "Keeping copies is your responsibility": a duty put on the customer.
    let clause = view.text.get(c_start..c_end).unwrap_or("");
    if subject != Subject::Party(Role::Provider)
        && lexicon.customer_responsibility(clause).is_some()
    {
        subject = Subject::Party(Role::Customer);
        modality = Modality::Obligation;
    }
    if reading.granted {
        modality = Modality::Permission;
    }
    // "Neither party nor its suppliers shall be liable": excluded.
    if modality == Modality::Obligation {
        if let Some(m) = reading.modal {
            let before = view.text.get(c_start.min(m.start)..m.start).unwrap_or("");
            if lexicon.excludes_liability(before, &reading.after_modal) {
                modality = Modality::Negation;
            }
        }
    }
    // "shall not affect the rights of ...": a savings clause preserves.
    if modality == Modality::Negation && lexicon.savings(&reading.after_modal) {
        modality = Modality::Obligation;
    }
    // "will not restrict a party from disclosing ...": a carve-out permits.
    if modality == Modality::Negation && lexicon.carve_out(&reading.after_modal) {
        modality = Modality::Permission;
    }
    let customer_right = subject == Subject::Party(Role::Customer)
        && (modality == Modality::Permission
            || (modality == Modality::Obligation
                && lexicon.customer_right_after(&reading.after_modal)));
    let named_actor = reading.subject.is_some_and(|m| {
        m.role != Role::Customer && !NOT_A_VERB.contains(&next_word(view.text, m.end).as_str())
    });
    Resolved {
        subject,
        modality,
        customer_right,
        named_actor,
        clause: c_start..c_end,
    }
}

/// Judges one sentence for one requirement. `None` when the sentence is not
/// about the requirement at all.
///
/// A long sentence can hold several clauses ("may disclose ... and will
/// notify ..."): the sentence is read at its topic and, where the
/// requirement's core appears elsewhere, there too; the stronger reading
/// stands.
pub fn judge(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
) -> Option<Judgement> {
    let sentence = view.sentence();
    let topic = if req.topic.is_empty() {
        0..0
    } else {
        match view.probe.find(&req.topic, sentence) {
            Some(t) => t,
            // Under a heading that names the topic ("2.7 Service Changes"),
            // a sentence stating the core ("we will tell you of material
            // changes with reasonable notice") is on it.
            None if heading_lends_topic(req, &view.heading) => {
                view.probe.find(&req.core, sentence)?
            }
            None => return None,
        }
    };
    // An exclusion counts where it touches the topic's clause.
    let (t_start, t_end) = clause_of(view, view.offset + topic.start);
    let topic_clause = view.text.get(t_start..t_end).unwrap_or("");
    // For an enumeration item, its lead-in counts too ("In no event shall
    // we be liable for ... (iii) any unauthorised access").
    let lead_in = first_item_start(view, t_start)
        .and_then(|first| view.text.get(..first))
        .or_else(|| view.text.get(..view.offset))
        .unwrap_or("");
    if view.probe.is_match(&req.exclude, topic_clause) || view.probe.is_match(&req.exclude, lead_in)
    {
        return None;
    }
    let first = judge_at(req, view, lexicon, topic.clone(), topic.start);
    // Re-read the sentence at each place its core appears (at most a few).
    let mut best = first;
    let mut undercut = false;
    // A match that runs across a clause boundary ("... court order,
    // provided it notifies ...") is read at both ends.
    let anchors = view
        .probe
        .find_all(&req.core, sentence)
        .into_iter()
        .take(4)
        .flat_map(|core| {
            let last = core.end.saturating_sub(1);
            let first = (core.start, clause_of(view, view.offset + core.start));
            let end = (last, clause_of(view, view.offset + last));
            std::iter::once(first).chain((end.1 != first.1).then_some(end))
        });
    for (anchor, clause) in anchors {
        if anchor == topic.start {
            continue;
        }
        if req
            .exclude
            .is_match(view.text.get(clause.0..clause.1).unwrap_or(""))
        {
            continue;
        }
        let j = judge_at(req, view, lexicon, topic.clone(), anchor);
        if j.status == Status::Disclaimed && j.rule == "negated" {
            let text = view.text.get(clause.0..clause.1).unwrap_or("");
            undercut |= lexicon.disowns_result(text);
        }
        if (j.status, j.score) > (best.status, best.score) && j.status != Status::Disclaimed {
            best = j;
        }
    }
    // "While backups are kept for disaster recovery, we make no guarantee
    // that any backup can be restored": the statement stands, but the
    // sentence disowns what it would deliver.
    if undercut && best.status == Status::Covered {
        best.status = Status::Partial;
        best.stance = Stance::Qualified;
        best.rule = "undercut";
    }
    Some(best)
}

fn judge_at(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
    topic: Range<usize>,
    anchor: usize,
) -> Judgement {
    let sentence = view.sentence();
    let pos = view.offset + anchor;
    let reading = read_clause(view, lexicon, pos);
    let r = resolve(view, lexicon, &reading, pos);
    let explicit = reading.subject.is_some() && reading.modal.is_some();
    let core_match = view.probe.is_match(&req.core, sentence);
    let topic_hits = view.probe.find_all(&req.topic, sentence).len();
    let heading_on_topic =
        !view.heading.is_empty() && view.probe.is_match(&req.topic, &view.heading);

    let make = |status: Status, rule: &'static str| {
        let mut score = match status {
            Status::Covered => 30.0,
            Status::Partial => 20.0,
            Status::Disclaimed => 10.0,
            Status::Missing => 0.0,
        };
        if explicit {
            score += 2.0;
        }
        if matches!(rule, "core" | "protective" | "disclaimer") {
            score += 3.0;
        }
        if core_match {
            score += 1.0;
        }
        // Evidence that is about the topic ranks first: several topic
        // matches, a heading that names the topic, the topic near the
        // modal that governs it.
        score += 0.5 * (topic_hits.min(3) as f32 - 1.0);
        if heading_on_topic {
            score += 1.5;
        }
        if let Some(m) = reading.modal {
            let distance = m.start.abs_diff(pos) as f32;
            score -= (distance / 200.0).min(1.5);
        }
        score -= (sentence.len() as f32 / 400.0).min(3.0);
        Judgement {
            status,
            stance: stance_of(status),
            subject: r.subject,
            subject_text: reading
                .subject
                .and_then(|m| view.text.get(m.start..m.end))
                .unwrap_or("")
                .to_string(),
            modality: r.modality,
            modal_text: reading
                .modal
                .and_then(|m| view.text.get(m.start..m.end))
                .unwrap_or("")
                .to_string(),
            topic_text: sentence.get(topic.clone()).unwrap_or("").to_string(),
            rule,
            score,
            explicit,
        }
    };

    if view.definition {
        return make(Status::Missing, "definition");
    }
    if view.navigation {
        return make(Status::Missing, "navigation");
    }
    if view.confidentiality_only {
        return make(Status::Missing, "confidentiality-only");
    }
    // A protective negation ("will not transfer ... without consent")
    // is read before any disclaimer shape it resembles.
    if r.modality == Modality::Negation
        && r.subject != Subject::Party(Role::Customer)
        && view.probe.is_match(&req.protective, sentence)
    {
        return make(protective_status(req, view, sentence), "protective");
    }
    // A requirement's own partial shape outranks a disclaimer in the same
    // sentence ("download your data before the term ends, because access
    // ends then" is export-until-termination: partial).
    if !req.precedence.disclaimer_outranks_mentions
        && view.probe.is_match(&req.partial, sentence)
        && view.probe.is_match(&req.disclaimer, sentence)
    {
        return make(Status::Partial, "partial");
    }
    if let Some(disc) = view.probe.find(&req.disclaimer, sentence) {
        // A disclaimer in another clause with its own subject ("we back up
        // nightly, and you should keep copies too") does not silence this
        // clause: read it, and keep the stronger outcome.
        let d_start = view.offset + disc.start;
        let separate = d_start >= r.clause.end || view.offset + disc.end <= r.clause.start;
        if !separate {
            return make(Status::Disclaimed, "disclaimer");
        }
        let own = judge_reading(req, view, lexicon, &reading, &r, &make);
        // A mere permission or mention in the other clause ("Features may
        // be withdrawn, and we are under no obligation to tell you") is no
        // commitment for the disclaimer to yield to.
        return if own.status > Status::Disclaimed && !own.is_mention_level() {
            own
        } else {
            make(Status::Disclaimed, "disclaimer")
        };
    }
    judge_reading(req, view, lexicon, &reading, &r, &make)
}

/// A protective negation covers unless a weak shape qualifies it. A weak
/// shape that runs across the negation's first word misreads it: in "may
/// not transfer the data outside the EEA without consent", "may ...
/// transfer" (a weak permission shape) spans the "not", while in "will not
/// transfer it outside the EEA except under the standard contractual
/// clauses" the safeguard is a weakness in its own right (partial), as is
/// what a negation only half promises ("will not knowingly introduce
/// malicious code").
fn protective_status(req: &CompiledRequirement, view: &SentenceView<'_>, sentence: &str) -> Status {
    let guarded = view.probe.find_all(&req.protective, sentence);
    let weakened = view
        .probe
        .find_all(&req.weak, sentence)
        .into_iter()
        .any(|w| !guarded.iter().any(|g| w.start < g.start && g.start < w.end));
    if weakened {
        Status::Partial
    } else {
        Status::Covered
    }
}

/// True when a permission clause reserves, by its own modal, a right of
/// the requirement's `reserved` shape and the sentence says nothing of
/// notice, of the terms (a weak shape) or of any partial measure.
fn reserves_right(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
    reading: &Reading,
    r: &Resolved,
) -> bool {
    let sentence = view.sentence();
    let clause = view.text.get(r.clause.clone()).unwrap_or("");
    // The clause's own modal reserves the right, not a lead-in's ("The
    // processing may include: ... update the Services").
    let own_modal = reading
        .modal
        .is_some_and(|m| r.clause.start <= m.start && m.end <= r.clause.end);
    own_modal
        && view.probe.is_match(&req.reserved, clause)
        && !lexicon.speaks_of_notice(sentence)
        && !lexicon.bounded_by_no_degradation(sentence)
        && !view.probe.is_match(&req.core, sentence)
        && !view.probe.is_match(&req.weak, sentence)
        && !view.probe.is_match(&req.partial, sentence)
}

/// Most bytes between "solely responsible for" and the topic it puts on
/// the customer: the topic must be the task itself, not a word in a
/// clause that hangs from it.
const SOLE_TASK_REACH: usize = 80;

/// True when a clause puts on its subject, wholly, a task that names the
/// requirement's topic (or core): "Client is solely responsible for
/// installing anti-virus software". "Client is solely responsible for
/// ensuring that backups are made before any updates of the Services"
/// puts backups on the client, not the notice of service updates.
fn sole_task_on_topic(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
    clause: &str,
) -> bool {
    let Some(task) = lexicon.sole_responsibility(clause) else {
        return false;
    };
    let list = if req.topic.is_empty() {
        &req.core
    } else {
        &req.topic
    };
    view.probe
        .find_all(list, clause)
        .iter()
        .any(|m| m.start >= task && m.start <= task + SOLE_TASK_REACH)
}

/// True when a clause is a proviso that binds what precedes it ("...,
/// provided that ...", "on condition that ..."), given the text before it.
fn is_proviso(before: &str, clause: &str) -> bool {
    const OPENERS: &[&str] = &[
        "provided",
        "provided that",
        "on condition that",
        "so long as",
    ];
    let before = before.trim_end().to_ascii_lowercase();
    let clause = clause.trim_start().to_ascii_lowercase();
    OPENERS
        .iter()
        .any(|p| before.ends_with(p) || clause.starts_with(p))
}

/// The stance of a clause once its reading is known and no sentence-level
/// shape (definition, protective negation, disclaimer) has decided it.
fn judge_reading(
    req: &CompiledRequirement,
    view: &SentenceView<'_>,
    lexicon: &Lexicon,
    reading: &Reading,
    r: &Resolved,
    make: &dyn Fn(Status, &'static str) -> Judgement,
) -> Judgement {
    let sentence = view.sentence();
    let clause = view.text.get(r.clause.clone()).unwrap_or("");
    // A commitment's level, with the rule named `from` reported as `to`
    // where the clause's shape says more (a customer right that meets the
    // core is rule "customer-right").
    let commit = |from: &'static str, to: &'static str| {
        let (status, rule) = commitment_level(req, view, lexicon, sentence);
        make(status, if rule == from { to } else { rule })
    };

    if r.subject == Subject::Party(Role::Customer) {
        // What the customer can see or do that the requirement counts as a
        // partial measure: "you can see a list of sub-processors", "download
        // your data before the term ends".
        if view.probe.is_match(&req.partial, sentence) && r.modality != Modality::Negation {
            return make(Status::Partial, "partial");
        }
        return match (r.modality, req.customer_right, req.customer_duty) {
            (Modality::Negation, CustomerRight::Commitment, _)
                if lexicon.lost_right(&reading.modal_and_after) =>
            {
                make(Status::Disclaimed, "customer-loses-right")
            }
            (_, CustomerRight::Commitment, _) if r.customer_right => {
                commit("core", "customer-right")
            }
            (_, CustomerRight::Qualified, _) if r.customer_right => {
                make(Status::Partial, "customer-feature")
            }
            (Modality::Obligation, _, CustomerDuty::Disclaimer) => {
                make(Status::Disclaimed, "customer-duty")
            }
            // SPEC: a disclaimer "expressly puts the matter on the
            // customer": "Customer is solely responsible for installing
            // anti-virus software on its machines".
            (Modality::Obligation, _, _) if sole_task_on_topic(req, view, lexicon, clause) => {
                make(Status::Disclaimed, "customer-sole-duty")
            }
            _ => make(Status::Missing, "customer-obligation"),
        };
    }

    // "may disclose ..., provided that it first notifies the other party":
    // the permission is bound to what the proviso requires.
    let before = view.text.get(..r.clause.start).unwrap_or("");
    if matches!(r.modality, Modality::Permission | Modality::Assurance)
        && is_proviso(before, clause)
        && view
            .probe
            .is_match(&req.core, view.text.get(r.clause.start..).unwrap_or(""))
    {
        return commit("topic-only", "proviso");
    }
    // Provider, both parties, a sub-contractor, or nobody named.
    match r.modality {
        Modality::Negation => {
            if view.probe.is_match(&req.protective, sentence) {
                make(protective_status(req, view, sentence), "protective")
            } else if req.negation == NegationReads::Mention
                && !(lexicon.disowns_duty(clause) && view.probe.is_match(&req.core, clause))
            {
                // Only the requirement's express disclaimer shapes
                // disclaim, or a duty disowned outright where the clause
                // states the core ("disclaims any duty to inform the
                // customer of a breach"); other negations are about
                // something else.
                make(Status::Missing, "negated-mention")
            } else {
                make(Status::Disclaimed, "negated")
            }
        }
        Modality::Permission if r.subject == Subject::Party(Role::ThirdParty) => {
            // What third parties may do is not the provider's statement.
            make(Status::Missing, "third-party-permission")
        }
        Modality::Permission if reserves_right(req, view, lexicon, reading, r) => {
            // "We may modify the Services from time to time": a reserved
            // right that names no notice keeps the provider's hands free.
            make(Status::Disclaimed, "reserved-right")
        }
        Modality::Permission => {
            // A permission is a partial measure; for notice requirements only
            // if it speaks of notice at all ("may notify you in advance").
            let about_it = req.topic_only == TopicOnly::Partial
                || view.probe.is_match(&req.core, sentence)
                || view.probe.is_match(&req.partial, sentence);
            if reading.passive && req.customer_right == CustomerRight::Commitment {
                // "Your data can be exported for 45 days": what the
                // customer is able to do.
                commit("core", "customer-right")
            } else if req.topic_only == TopicOnly::Mention && core_in_force(req, view, lexicon) {
                // "We reserve the right, after prior notice, to discontinue":
                // the permission is bound to advance notice.
                commit("core", "notice-bound")
            } else if about_it {
                make(Status::Partial, "permission")
            } else {
                make(Status::Missing, "permission-mention")
            }
        }
        Modality::Obligation => {
            let j = commit("core", "core");
            if j.status == Status::Covered && lexicon.at_provider_discretion(sentence) {
                make(Status::Partial, "discretion")
            } else {
                j
            }
        }
        Modality::Assurance => {
            if view.conditional && !r.named_actor {
                make(Status::Missing, "conditional")
            } else if lexicon.bare_reference(sentence) {
                // SPEC: "only a bare reference to another document" is partial.
                make(Status::Partial, "reference")
            } else if r.named_actor
                || view.measures_item
                || view.measures_section
                || lexicon.has_present_passive(clause)
                || provider_thing_states(view, lexicon, r)
                || view.probe.is_match(&req.partial, clause)
                || (view.probe.is_match(&req.core, clause)
                    && (view.table_row || view.provider_speaks))
            {
                commit("topic-only", "assurance")
            } else {
                make(Status::Missing, "no-statement")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_runs_are_navigation_and_prose_with_links_is_not() {
        assert!(is_navigation(
            "[Products](https://x.test/p) [Backup](https://x.test/b) [Trust](https://x.test/t)"
        ));
        assert!(!is_navigation(
            "We keep backups for thirty days, as described at https://x.test/a, \
             https://x.test/b and https://x.test/c, and restore them on request."
        ));
        assert!(!is_navigation(
            "We back up [your data](https://x.test/d) daily."
        ));
    }

    #[test]
    fn relative_pronouns_open_relative_clauses() {
        let t = "Staff who may see data, and data that will be kept";
        assert!(opens_relative_clause(t, t.find("may").unwrap()));
        assert!(opens_relative_clause(t, t.find("will").unwrap()));
        let t = "Staff may see data";
        assert!(!opens_relative_clause(t, t.find("may").unwrap()));
    }

    #[test]
    fn provisos_are_recognised_before_or_at_the_clause() {
        assert!(is_proviso(
            "may disclose it, provided",
            " (if lawful) it notifies"
        ));
        assert!(is_proviso("may disclose it, ", "provided that it notifies"));
        assert!(is_proviso("may act ", "on condition that it tells you"));
        assert!(!is_proviso("We will notify you", " and keep records"));
    }
}
