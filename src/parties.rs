//! Who is the provider and who is the customer.
//!
//! Agreements name their parties in the preamble and the definitions:
//! `Nimbus Harbor Ltd ("Nimbus", "we", "us")`, `the entity agreeing to these
//! terms ("Customer")`, `"Cirrolake" means Cirrolake GmbH and its
//! affiliates`. Data processing agreements speak of Processor and
//! Controller (or data importer and data exporter). Consumer terms use
//! "we/us/our" against "you/your". Where nothing is defined, the name that
//! most often opens an obligation ("Acme will", "Acme shall") is taken to be
//! the provider.
//!
//! [`PartyFinder`] collects this evidence while blocks stream past;
//! [`Roles`] then classifies any mention in a sentence.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The aliases each party goes by in one agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parties {
    /// Names and pronouns of the cloud service provider.
    pub provider: Vec<String>,
    /// Names and pronouns of the cloud service customer.
    pub customer: Vec<String>,
}

/// The role of a party mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The provider (or the processor / data importer).
    Provider,
    /// The customer (or the controller / data exporter).
    Customer,
    /// Both or either party: "each party", "the recipient".
    Mutual,
    /// Sub-contractors, sub-processors, other third parties.
    ThirdParty,
}

/// Role words every agreement is read with, besides its defined names.
const CUSTOMER_WORDS: &[&str] = &[
    "customer",
    "client",
    "subscriber",
    "licensee",
    "you",
    "controller",
    "data exporter",
    "the organization",
    "the organisation",
    "buyer",
    "purchaser",
];
const PROVIDER_WORDS: &[&str] = &[
    "provider",
    "service provider",
    "supplier",
    "vendor",
    "processor",
    "data importer",
    "licensor",
    "we",
    "us",
    "contractor",
    "the company",
];
const MUTUAL_WORDS: &[&str] = &[
    "each party",
    "either party",
    "both parties",
    "the parties",
    "each of the parties",
    "recipient",
    "receiving party",
    "the receiving party",
    "disclosing party",
    "the disclosing party",
    "each of us",
    "a party",
    "the party",
];
const THIRD_WORDS: &[&str] = &[
    "sub-processor",
    "sub-processors",
    "subprocessor",
    "subprocessors",
    "sub processor",
    "sub processors",
    "subcontractor",
    "subcontractors",
    "sub-contractor",
    "sub-contractors",
    "third party",
    "third parties",
    "third-party",
    "vendors",
    "suppliers",
    "affiliates",
];
/// Possessives: never the subject of a clause.
const POSSESSIVES: &[&str] = &["your", "yours", "our", "ours"];

/// Defined terms that are not parties (besides any whose head noun is one
/// of [`THINGS`]).
const NOT_PARTIES: &[&str] = &[
    "effective date",
    "services",
    "service",
    "party",
    "parties",
    "contract",
    "order",
    "order form",
    "affiliate",
    "affiliates",
    "documentation",
    "content",
    "terms of service",
    "sla",
    "msa",
    "website",
    "site",
];

/// Head nouns of defined things that are never a party.
const THINGS: &[&str] = &[
    "data",
    "dpa",
    "sccs",
    "clauses",
    "agreement",
    "addendum",
    "terms",
    "information",
    "policy",
    "measures",
];

/// How far before a parenthesis a company name is looked for, in bytes.
const PAREN_REACH: usize = 120;

/// How far before "hereinafter" the name it abbreviates is looked for, in
/// bytes: French and German contracts put the legal form, capital,
/// register and address between the two.
const HEREINAFTER_REACH: usize = 400;

/// How much evidence text is kept at most.
const EVIDENCE_CAP: usize = 128 * 1024;
/// How many leading blocks count as the preamble.
const PREAMBLE_BLOCKS: usize = 40;

/// How much of a definition is read, in characters.
const DEFINITION_CHARS: usize = 200;

/// How much candidate-sentence text is kept for counting names.
const OBSERVED_CAP: usize = 256 * 1024;

/// Collects party evidence from a document as it streams.
#[derive(Debug, Default)]
pub struct PartyFinder {
    evidence: String,
    observed: String,
    blocks_seen: usize,
    we: usize,
    you: usize,
    subjects: BTreeMap<String, usize>,
}

struct PartyPatterns {
    company: Regex,
    paren: Regex,
    quoted: Regex,
    means: Regex,
    hereinafter: Regex,
    subject: Regex,
}

/// The patterns party detection uses; `None` only if a constant pattern
/// failed to compile, which the unit tests rule out.
fn patterns() -> Option<&'static PartyPatterns> {
    static P: std::sync::OnceLock<Option<PartyPatterns>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        Some(PartyPatterns {
            company: Regex::new(
                r"(?-u:\b)(?:[A-Z][\w&'’.-]*,?\s+){1,5}(?:Inc\.?|Ltd\.?|LLC|L\.L\.C\.|Limited|LIMITED|GmbH|PBC|Corp\.?|Corporation|SAS|S\.A\.S\.|S\.A\.|AG|plc|PLC|B\.V\.|BV|SARL|Pty|LP|L\.P\.|SE|Oy|AB|S\.r\.l\.|N\.V\.|INC\.?|LTD\.?)(?:\s|,|\(|$)",
            )
            .ok()?,
            paren: Regex::new(r"\([^()]{1,300}\)").ok()?,
            quoted: Regex::new(r#"["“][^"“”]{1,60}["”]"#).ok()?,
            means: Regex::new(
                r#"["“][A-Z][^"“”]{0,50}["”]\s+(?:means|shall mean|refers to|is defined as|has the meaning)\s+"#,
            )
            .ok()?,
            hereinafter: Regex::new(
                r#"(?i:hereinafter|hereafter)\s+(?:(?i:referred\s+to\s+as|called|designated\s+as|named)\s+)?(?:the\s+)?["“][^"“”]{1,60}["”]"#,
            )
            .ok()?,
            subject: Regex::new(
                r"(?:^|[.;:,] )(?:[Tt]he )?([A-Z0-9][A-Za-z0-9&]+(?: [A-Z][A-Za-z0-9&]+)?) (?:will|shall|may|must|agrees|undertakes|reserves|is responsible|maintains|uses)(?-u:\b)",
            )
            .ok()?,
        })
    })
    .as_ref()
}

/// Whether a block defines terms: "... means ...", "hereinafter", or a
/// quoted term in parentheses.
fn is_definition_like(text: &str) -> bool {
    use memchr::memmem::Finder;
    static MEANS: std::sync::LazyLock<Finder<'static>> =
        std::sync::LazyLock::new(|| Finder::new(" means "));
    static HEREINAFTER: std::sync::LazyLock<Finder<'static>> =
        std::sync::LazyLock::new(|| Finder::new("hereinafter"));
    let bytes = text.as_bytes();
    MEANS.find(bytes).is_some()
        || HEREINAFTER.find(bytes).is_some()
        || memchr::memchr_iter(b'(', bytes).any(|i| {
            let next = bytes.get(i + 1..).unwrap_or(&[]);
            next.starts_with(b"\"") || next.starts_with("“".as_bytes())
        })
}

/// Whole-word occurrences of every word of a text, counted once so that
/// many names can be looked up cheaply.
struct WordCounts<'t> {
    text: &'t str,
    counts: std::collections::HashMap<&'t str, usize>,
}

impl<'t> WordCounts<'t> {
    fn new(text: &'t str) -> WordCounts<'t> {
        let mut counts = std::collections::HashMap::new();
        for w in words(text) {
            *counts.entry(w).or_insert(0) += 1;
        }
        WordCounts { text, counts }
    }

    /// Whole-word occurrences of `name` (several words: searched).
    fn count(&self, name: &str) -> usize {
        if !name.is_empty() && name.chars().all(char::is_alphanumeric) {
            self.counts.get(name).copied().unwrap_or(0)
        } else {
            word_count(self.text, name)
        }
    }
}

/// The runs of alphanumeric characters of a text.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A quoted term without its quotes (straight or curly).
fn strip_quotes(quoted: &str) -> Option<&str> {
    let open = quoted.chars().next()?;
    let close = quoted.chars().next_back()?;
    quoted.get(open.len_utf8()..quoted.len().checked_sub(close.len_utf8())?)
}

fn word_count(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
        .filter(|&i| {
            let before = text.get(..i).and_then(|s| s.chars().next_back());
            let after = text.get(i + word.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// The last company name ("Acme Cloud Ltd", "OVH HOSTING LIMITED") in the
/// text before a parenthetical.
fn company_before(text: &str, company: &Regex) -> Option<String> {
    company
        .find_iter(text)
        .last()
        .map(|m| m.as_str().trim().trim_end_matches(',').to_string())
        .filter(|n| n.len() >= 3 && !is_generic(n))
}

fn is_generic(term: &str) -> bool {
    let t = term.to_lowercase();
    let t = t.trim_start_matches("the ");
    // A defined thing, whatever its modifiers: "Relevant Personal Data",
    // "This DPA", "the SCCs".
    let head = t.rsplit(' ').next().unwrap_or("");
    NOT_PARTIES.contains(&t) || THINGS.contains(&head) || t.len() < 2
}

fn classify_terms(terms: &[String]) -> Option<Role> {
    let lower: Vec<String> = terms.iter().map(|t| t.to_lowercase()).collect();
    let has = |words: &[&str]| {
        lower.iter().any(|t| {
            words
                .iter()
                .any(|w| t == w || t.trim_start_matches("the ") == *w)
        })
    };
    if has(CUSTOMER_WORDS) || lower.iter().any(|t| t == "your") {
        Some(Role::Customer)
    } else if has(PROVIDER_WORDS) || lower.iter().any(|t| t == "our") {
        Some(Role::Provider)
    } else {
        None
    }
}

impl PartyFinder {
    /// A new, empty finder.
    pub fn new() -> PartyFinder {
        PartyFinder::default()
    }

    /// Observes one block's text.
    pub fn observe_block(&mut self, text: &str) {
        self.blocks_seen += 1;
        if self.blocks_seen > PREAMBLE_BLOCKS && self.evidence.len() >= EVIDENCE_CAP {
            return;
        }
        let definition_like = self.blocks_seen > PREAMBLE_BLOCKS && is_definition_like(text);
        if (self.blocks_seen <= PREAMBLE_BLOCKS || definition_like)
            && self.evidence.len() < EVIDENCE_CAP
        {
            let room = EVIDENCE_CAP - self.evidence.len();
            let mut end = text.len().min(room);
            while end > 0 && !text.is_char_boundary(end) {
                end -= 1;
            }
            self.evidence.push_str(text.get(..end).unwrap_or(""));
            self.evidence.push('\n');
        }
    }

    /// Observes a candidate sentence (for pronouns and frequent subjects).
    pub fn observe_sentence(&mut self, text: &str) {
        if self.observed.len() + text.len() < OBSERVED_CAP {
            self.observed.push_str(text);
            self.observed.push('\n');
        }
        self.count_sentence(text);
    }

    fn count_sentence(&mut self, text: &str) {
        for w in words(text) {
            match w {
                "we" | "We" | "our" | "Our" => self.we += 1,
                "you" | "You" | "your" | "Your" => self.you += 1,
                _ => {}
            }
        }
        let Some(p) = patterns() else { return };
        for cap in p.subject.captures_iter(text) {
            if let Some(m) = cap.get(1) {
                let name = m.as_str().trim_start_matches("The ").to_string();
                if !is_generic(&name) {
                    *self.subjects.entry(name).or_insert(0) += 1;
                }
            }
        }
    }

    /// Decides the parties from what was observed.
    pub fn finish(mut self) -> Parties {
        let evidence = std::mem::take(&mut self.evidence);
        self.count_sentence(&evidence);
        let Some(p) = patterns() else {
            return Parties::default();
        };
        let observed = format!("{evidence}\n{}", self.observed);
        let counts = WordCounts::new(&observed);
        // Candidate provider names come in groups: a company and its short
        // names. Customer names are kept as found.
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut customer: Vec<String> = Vec::new();
        // Where names are given: in parentheses ("Acme Ltd (\"Acme\")"), or
        // after "hereinafter" without them ("Acme SAS, ..., hereinafter
        // referred to as \"Acme\"").
        let given = p
            .paren
            .find_iter(&evidence)
            .map(|m| {
                (
                    m.start(),
                    m.as_str().get(1..m.len() - 1).unwrap_or(""),
                    false,
                )
            })
            .chain(
                p.hereinafter
                    .find_iter(&evidence)
                    .map(|m| (m.start(), m.as_str(), true)),
            );
        for (start, inner, hereinafter) in given {
            // Inside each pair of quotes. Plain finds: no capture groups
            // needed.
            let terms: Vec<String> = p
                .quoted
                .find_iter(inner)
                .filter_map(|m| strip_quotes(m.as_str()).map(|t| t.trim().to_string()))
                .filter(|t| !is_generic(t))
                .collect();
            if terms.is_empty() {
                continue;
            }
            let reach = if hereinafter {
                HEREINAFTER_REACH
            } else {
                PAREN_REACH
            };
            let mut from = start.saturating_sub(reach);
            while from > 0 && !evidence.is_char_boundary(from) {
                from -= 1;
            }
            let before = evidence.get(from..start).unwrap_or("");
            let company = company_before(before, &p.company);
            match classify_terms(&terms) {
                Some(Role::Customer) => {
                    for t in terms.iter().filter(|t| !is_pronoun(t)) {
                        push_unique(&mut customer, t);
                    }
                }
                Some(_) => {
                    let mut group: Vec<String> = company.into_iter().collect();
                    group.extend(
                        terms
                            .into_iter()
                            .filter(|t| !is_pronoun(t) && !is_role_word(t)),
                    );
                    groups.push(group);
                }
                // "published by Acme.io, ..., hereinafter \"Acme.io\"": the
                // name itself opens the text before, with no company form.
                None if company.is_none() && hereinafter => {
                    let named: Vec<String> = terms
                        .into_iter()
                        .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
                        .filter(|t| word_count(before, t) > 0)
                        .collect();
                    if !named.is_empty() {
                        groups.push(named);
                    }
                }
                None => {
                    let Some(company) = company else { continue };
                    let short: Vec<String> = terms
                        .into_iter()
                        .filter(|t| resembles(t, &company))
                        .collect();
                    if !short.is_empty() {
                        let mut group = vec![company];
                        group.extend(short);
                        groups.push(group);
                    }
                }
            }
        }
        let mut from = 0;
        while let Some(m) = p.means.find_at(&evidence, from) {
            // The definition: up to 200 characters on the same line.
            let rest = evidence.get(m.end()..).unwrap_or("");
            let def_len = rest
                .char_indices()
                .take_while(|&(_, c)| c != '\n')
                .take(DEFINITION_CHARS)
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            // A run of definitions on one line (plain text joins lines)
            // ends each definition where the next one starts.
            let def_len = p
                .means
                .find(rest.get(..def_len).unwrap_or(""))
                .map_or(def_len, |next| next.start());
            let def = rest.get(..def_len).unwrap_or("");
            from = m.end() + def_len;
            // The term: inside the opening quote, up to the closing one.
            let quoted = m.as_str();
            let open = quoted.chars().next().map_or(0, char::len_utf8);
            let term = quoted
                .get(open..)
                .and_then(|t| t.split(['"', '”']).next())
                .unwrap_or("");
            if is_generic(term) {
                continue;
            }
            let dl = def.to_lowercase();
            let customerish = [
                "the entity",
                "the person",
                "the individual",
                "the organisation",
                "the organization",
                "you ",
                "the customer",
                "the client",
                "any person",
                "a person",
                "any natural",
                "a natural",
                "any legal",
                "any individual",
                "an individual",
                "any entity",
                "an entity",
                "any user",
                "the user",
                "any company",
                "any organisation",
                "any organization",
            ]
            .iter()
            .any(|s| dl.starts_with(s));
            match classify_terms(&[term.to_string()]) {
                Some(Role::Customer) => push_unique(&mut customer, term),
                Some(_) => groups.push(vec![term.to_string()]),
                None if customerish => push_unique(&mut customer, term),
                None => {
                    if let Some(m) = p.company.find(def).filter(|m| m.start() < 40) {
                        let company = m
                            .as_str()
                            .trim()
                            .trim_end_matches([',', '('])
                            .trim()
                            .to_string();
                        if resembles(term, &company) {
                            groups.push(vec![term.to_string(), company]);
                        }
                    }
                }
            }
        }
        // The name that most often opens an obligation ("Acme will").
        if let Some((name, _)) = self
            .subjects
            .iter()
            .filter(|(name, &n)| {
                n >= 2
                    && classify_terms(std::slice::from_ref(*name)).is_none()
                    && !names_customer(name, &customer)
                    && !is_other_party_word(name)
                    && is_proper_noun(name, &counts)
            })
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        {
            groups.push(vec![name.clone()]);
        }
        // Keep the groups the agreement actually uses.
        let scores: Vec<usize> = groups
            .iter()
            .map(|g| g.iter().map(|a| counts.count(a)).max().unwrap_or(0))
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        let mut provider: Vec<String> = Vec::new();
        for (g, &score) in groups.iter().zip(&scores) {
            let keep = g.iter().any(|a| is_role_word(a)) || (score >= 2 && score * 10 >= best * 3);
            if keep {
                for a in g {
                    if !customer.iter().any(|c| c.eq_ignore_ascii_case(a)) {
                        push_unique(&mut provider, a);
                    }
                }
            }
        }
        // Role words the agreement uses as names.
        for word in ["Provider", "Supplier", "Vendor", "Licensor", "Processor"] {
            if counts.count(word) >= 2 {
                push_unique(&mut provider, word);
            }
        }
        for word in ["Customer", "Client", "Subscriber", "Licensee", "Controller"] {
            if counts.count(word) >= 2 {
                push_unique(&mut customer, word);
            }
        }
        if self.we > 0 {
            for w in ["we", "us", "our"] {
                push_unique(&mut provider, w);
            }
        }
        if self.you > 0 {
            for w in ["you", "your"] {
                push_unique(&mut customer, w);
            }
        }
        Parties { provider, customer }
    }
}

/// True when `name` is one of the customer's names, or its plural ("Users"
/// for a defined "User").
fn names_customer(name: &str, customer: &[String]) -> bool {
    let singular = name.strip_suffix('s').unwrap_or(name);
    customer
        .iter()
        .any(|c| c.eq_ignore_ascii_case(name) || c.eq_ignore_ascii_case(singular))
}

/// A proper noun keeps its capital letter inside sentences; a common noun
/// ("Termination will...") is mostly written in lower case.
fn is_proper_noun(name: &str, counts: &WordCounts<'_>) -> bool {
    let lower = name.to_lowercase();
    lower != name && counts.count(&lower) * 2 <= counts.count(name)
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    let s = s.trim().trim_end_matches(',').trim();
    if !s.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(s)) {
        list.push(s.to_string());
    }
}

fn is_pronoun(t: &str) -> bool {
    matches!(
        t.to_lowercase().as_str(),
        "we" | "us" | "our" | "ours" | "you" | "your" | "yours"
    )
}

fn is_role_word(t: &str) -> bool {
    let l = t.to_lowercase();
    PROVIDER_WORDS.contains(&l.as_str()) || CUSTOMER_WORDS.contains(&l.as_str())
}

fn is_other_party_word(t: &str) -> bool {
    let l = t.to_lowercase();
    MUTUAL_WORDS.contains(&l.as_str())
        || THIRD_WORDS.contains(&l.as_str())
        || CUSTOMER_WORDS.contains(&l.as_str())
}

/// Whether a short name stands for a company: "Acme" for "Acme Cloud
/// Ltd", "OVHcloud" for "OVH HOSTING LIMITED", "AWS" for "Amazon Web
/// Services".
fn resembles(short: &str, company: &str) -> bool {
    let s = short.to_lowercase();
    let c = company.to_lowercase();
    let first = c.split_whitespace().next().unwrap_or("");
    if first.len() >= 3 && (s.starts_with(first) || first.starts_with(&s)) {
        return true;
    }
    if s.len() >= 3 && c.contains(&s) {
        return true;
    }
    let initials: String = c
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|ch| ch.is_alphabetic())
        .collect();
    s.len() >= 2 && initials.starts_with(&s)
}

/// How strictly an alias must match in case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Pronouns and role words: any case but ALL CAPS for two-letter words
    /// ("US" is a country, not "us").
    Word,
    /// Names: as written, or in ALL CAPS.
    Name,
}

impl CaseRule {
    /// The rule for a generic role word or pronoun, or else for a name.
    fn of(generic: bool) -> CaseRule {
        if generic {
            CaseRule::Word
        } else {
            CaseRule::Name
        }
    }
}

/// A party mention found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Whose it is.
    pub role: Role,
    /// A possessive ("your", "our", "Customer's"): never a subject.
    pub possessive: bool,
}

/// Classifies party mentions in sentences of one agreement.
#[derive(Debug, Clone)]
pub struct Roles {
    ac: Option<AhoCorasick>,
    aliases: Vec<(String, Role, CaseRule)>,
}

impl Roles {
    /// Builds the matcher for these parties plus the generic role words.
    pub fn new(parties: &Parties) -> Roles {
        let mut aliases: Vec<(String, Role, CaseRule)> = Vec::new();
        let mut add = |s: &str, role: Role, rule: CaseRule| {
            if !s.is_empty() && !aliases.iter().any(|(a, _, _)| a.eq_ignore_ascii_case(s)) {
                aliases.push((s.to_string(), role, rule));
            }
        };
        for a in &parties.provider {
            let generic = PROVIDER_WORDS.contains(&a.to_lowercase().as_str()) || a == "our";
            add(a, Role::Provider, CaseRule::of(generic));
        }
        for a in &parties.customer {
            let generic = CUSTOMER_WORDS.contains(&a.to_lowercase().as_str()) || a == "your";
            add(a, Role::Customer, CaseRule::of(generic));
            // A defined "User" or "Member" is also spoken of as "Users".
            if !generic
                && !a.ends_with('s')
                && a.chars().all(|c| c.is_ascii_alphabetic())
                && a.starts_with(|c: char| c.is_ascii_uppercase())
            {
                add(&format!("{a}s"), Role::Customer, CaseRule::Name);
            }
        }
        for w in CUSTOMER_WORDS.iter().chain(POSSESSIVES.iter().take(2)) {
            add(w, Role::Customer, CaseRule::Word);
        }
        for w in PROVIDER_WORDS.iter().chain(POSSESSIVES.iter().skip(2)) {
            add(w, Role::Provider, CaseRule::Word);
        }
        for w in MUTUAL_WORDS {
            add(w, Role::Mutual, CaseRule::Word);
        }
        for w in THIRD_WORDS {
            add(w, Role::ThirdParty, CaseRule::Word);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(aliases.iter().map(|(a, _, _)| a.as_str()))
            .ok();
        Roles { ac, aliases }
    }

    /// Every party mention in `text`, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let Some((alias, role, rule)) = self.aliases.get(m.pattern().as_usize()) else {
                continue;
            };
            let before_ok = m.start() == 0
                || !bytes
                    .get(m.start() - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let after = bytes.get(m.end()).copied();
            let plural_s = after == Some(b's')
                && !bytes
                    .get(m.end() + 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let after_ok = !after.is_some_and(|b| b.is_ascii_alphanumeric()) || plural_s;
            if !before_ok || !after_ok || plural_s && *rule == CaseRule::Name {
                continue;
            }
            let found = text.get(m.start()..m.end()).unwrap_or("");
            let case_ok = match rule {
                CaseRule::Word => {
                    !(found.len() <= 3
                        && found.len() >= 2
                        && found.bytes().all(|b| b.is_ascii_uppercase())
                        && found != "WE")
                }
                CaseRule::Name => found == alias || found.chars().all(|c| !c.is_lowercase()),
            };
            if !case_ok {
                continue;
            }
            let rest = text.get(m.end()..).unwrap_or("");
            let lower = found.to_ascii_lowercase();
            let possessive = POSSESSIVES.contains(&lower.as_str())
                || rest.starts_with("'s")
                || rest.starts_with("’s")
                || rest.starts_with("s'")
                || rest.starts_with("s’");
            let end = if plural_s { m.end() + 1 } else { m.end() };
            out.push(Mention {
                start: m.start(),
                end,
                role: *role,
                possessive,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(texts: &[&str]) -> Parties {
        let mut f = PartyFinder::new();
        for t in texts {
            f.observe_block(t);
            f.observe_sentence(t);
        }
        f.finish()
    }

    #[test]
    fn patterns_compile() {
        assert!(patterns().is_some());
    }

    #[test]
    fn preamble_defined_terms() {
        let p = find(&[
            "This agreement is between Nimbus Harbor Ltd (\"Nimbus\", \"we\", \"us\") and the entity accepting it (\"Customer\").",
        ]);
        assert_eq!(p.provider[..4], ["Nimbus Harbor Ltd", "Nimbus", "we", "us"]);
        assert!(p.customer.contains(&"Customer".to_string()));
    }

    #[test]
    fn defined_things_are_not_parties() {
        assert!(is_generic("Relevant Personal Data"));
        assert!(is_generic("This DPA"));
        assert!(is_generic("the SCCs"));
        assert!(!is_generic("Larchgate Systems GmbH"));
        assert!(!is_generic("Customer"));
    }

    #[test]
    fn definitions_and_frequent_subjects() {
        let p = find(&[
            "“Cirrolake” means Cirrolake GmbH and its affiliates.",
            "You agree to pay.",
        ]);
        assert!(p.provider.contains(&"Cirrolake".to_string()));
        assert!(p.customer.contains(&"you".to_string()));
        let p = find(&[
            "Stratus will notify Customer.",
            "Stratus shall back up data.",
            "Customer must pay.",
        ]);
        assert!(p.provider.contains(&"Stratus".to_string()), "{p:?}");
    }

    #[test]
    fn names_given_after_hereinafter_and_definitions_on_one_line() {
        let p = find(&[
            "The Kestrelnet service is run by Kestrelnet, a limited company with a capital of 10,000 euros, registered in Lyon, hereinafter referred to as “Kestrelnet”.",
            "“Member” means any person using the service; “Team Member” means any person invited by a Member; “Content” means files uploaded.",
            "Members must keep their passwords secret. Members must not share accounts.",
        ]);
        assert!(p.provider.contains(&"Kestrelnet".to_string()), "{p:?}");
        assert!(p.customer.contains(&"Member".to_string()), "{p:?}");
        assert!(!p.provider.contains(&"Members".to_string()), "{p:?}");
        let roles = Roles::new(&p);
        let text = "Members must back up their files.";
        let m = roles.mentions(text);
        assert_eq!(
            m.first().map(|m| (&text[m.start..m.end], m.role)),
            Some(("Members", Role::Customer))
        );
    }

    #[test]
    fn processor_and_controller() {
        let p = find(&["The Processor shall process Personal Data on behalf of the Controller."]);
        assert!(p.provider.contains(&"Processor".to_string()));
        assert!(p.customer.contains(&"Controller".to_string()));
    }

    #[test]
    fn mentions_respect_words_case_and_possessives() {
        let p = find(&["Acme Cloud Ltd (\"Acme\", \"we\") serves you."]);
        let roles = Roles::new(&p);
        let text = "As a US company, we keep your data and Acme's logs; the Customer and each party agree.";
        let m: Vec<(&str, Role, bool)> = roles
            .mentions(text)
            .iter()
            .map(|m| (&text[m.start..m.end], m.role, m.possessive))
            .collect();
        assert_eq!(
            m,
            vec![
                ("we", Role::Provider, false),
                ("your", Role::Customer, true),
                ("Acme", Role::Provider, true),
                ("Customer", Role::Customer, false),
                ("each party", Role::Mutual, false),
            ]
        );
    }
}
