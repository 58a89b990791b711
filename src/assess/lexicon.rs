//! The language of obligation, shared by every requirement: modal verbs and
//! their negations, passive voice, definitions, clause boundaries and
//! notice periods. Requirement-specific language lives in the catalog.

use regex::bytes::{Regex, RegexBuilder};

use crate::error::{CatalogLocation, Error, Result};

/// What a modal expression does to a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// shall, will, must, agrees to, is responsible for, ensures...
    Obligation,
    /// may, can, reserves the right, at its discretion...
    Permission,
    /// shall not, does not, no obligation, not liable, never...
    Negation,
    /// No modal: a present-tense statement ("Provider maintains...").
    Assurance,
}

impl Modality {
    /// Lowercase name for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Obligation => "obligation",
            Modality::Permission => "permission",
            Modality::Negation => "negation",
            Modality::Assurance => "assurance",
        }
    }
}

/// A modal expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modal {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// What it does.
    pub modality: Modality,
}

const NEGATION: &str = r"\b(?:shall|will|must|may|can|could|would|should|does|do|did|is|are|was|were|has|have|had)(?:\s+not\b|n't\b)|\bcannot\b|\bwon't\b|\bnever\b|\b(?:will|shall|may|can|could|would)\s+no\s+longer\b|\b(?:keeps?|retains?|holds?|stores?|makes?|maintains?|performs?|takes?|provides?|offers?|runs?|operates?|uses?|employs?|deploys?|installs?)\s+no\b|\b(?:shall|will|may)\s+in\s+no\s+(?:event|case)\b|\bin\s+no\s+event\b|\bunder\s+no\s+circumstances\b|\b(?:has|have|bears?|assumes?|accepts?|takes?|is\s+under|are\s+under|shall\s+have|will\s+have|shall\s+bear|will\s+bear|shall\s+be\s+under|will\s+be\s+under)\s+no\s+(?:\w+\s+)?(?:obligation|responsibility|liability|duty)\b|\bno\s+(?:obligation|responsibility|duty)\b|\bmakes?\s+no\s+(?:\w+\s+)?(?:representations?|warrant\w*|guarantees?|commitments?|promises?)\b|\bdisclaims?\b|\bnot\s+(?:be\s+)?(?:responsible|liable|obligated|obliged|required)\b|\bnothing\s+in\s+(?:this|these)\b|\bnone\s+of\s+(?:them|these|those|the)\b|^\W*(?:\S+\s+)?no\s+(?:\S+\s+){0,9}(?:included|provided|offered|performed|made|kept|available|owed|due|given|supplied|guaranteed)\b";

/// Restrictions read as obligations: "may only", "can only", "may solely",
/// "Only authorised staff can ...".
const RESTRICTION: &str = r"(?:^|[,;:]\s)\W{0,3}only\s+(?:[a-z][\w-]*\s+){1,4}(?:may|can)\b|\b(?:may|can)\s+(?:only|solely|exclusively)\b|\b(?:may|can)\s+(?:\w+\s+)?only\s+be\b|\b(?:may|can)\s+(?:\w+\s+){1,6}only\s+(?:to|for|as|if|where|when|with|in|on|upon)\b";

const PERMISSION: &str = r"\bmay\b|\bmight\b|\bcan\b|\bcould\b|\b(?:is|are)\s+able\s+to\b|\breserves?\s+(?:the|its|their|our)\s+right\b|\bretains?\s+the\s+right\b|\b(?:is|are)\s+(?:entitled|permitted|authori[sz]ed|free|allowed)\s+to\b|\b(?:has|have)\s+the\s+(?:right|option|opportunity|ability)\b|\bat\s+(?:its|our|their|[a-z]+'s)\s+(?:sole\s+|absolute\s+|reasonable\s+|own\s+|complete\s+)*(?:discretion|option|election)\b|\bin\s+(?:its|our|their)\s+(?:sole\s+|absolute\s+)?discretion\b|\boptionally\b";

const OBLIGATION: &str = r"\bshall\b|\bwill\b|'ll\b|\bmust\b|\bagrees?\s+to\b|\bundertakes?\b|\bcommits?\s+to\b|\b(?:is|are)\s+(?:required|obliged|obligated|bound|committed)\s+to\b|(?:\b(?:is|are|remains?|remain)\s+|'re\s+)(?:fully\s+|solely\s+|exclusively\s+|entirely\s+|primarily\s+|ultimately\s+)?(?:responsible|liable|accountable)\s+(?:to\s+(?:\S+\s+){1,3})?for\b|\bensures?\b|\bguarantees?\b|\bwarrants?\b|\b(?:has|have)\s+to\b|\bendeavou?rs?\s+to\b|\bneeds?\s+to\b|\bis\s+obligated\b|\b(?:uses?|using|make|makes|making)\s+(?:all\s+)?(?:commercially\s+)?(?:reasonable|best|good[- ]faith)\s+efforts\s+to\b|(?:\b(?:is|are|remains?)\s+|'re\s+)(?:\w+\s+)?responsible\s+to\b";

const PARTICIPLE: &str = r"(?:\w+ed|\w+en|kept|held|made|given|sent|told|done|set|put|built|run|shown|known|taken|stored|hosted|located|bound|found|paid|sold|left|lost|met|read|spent|won|brought|bought|caught|taught|thought|sought)";

/// The shared language, compiled once per analyser.
#[derive(Debug, Clone)]
pub struct Lexicon {
    modal: Regex,
    passive_after_modal: Regex,
    present_passive: Regex,
    customer_receives: Regex,
    customer_right_after_modal: Regex,
    duty_passive_after_modal: Regex,
    possibility: Regex,
    provider_discretion: Regex,
    no_degradation: Regex,
    definition: Regex,
    clause_bound: Regex,
    notice_period: Regex,
    notice_word: Regex,
    conditional_start: Regex,
    customer_responsibility: Regex,
    lost_right: Regex,
    grant_before: Regex,
    confidentiality: Regex,
    customer_data: Regex,
    relative: Regex,
    savings: Regex,
    carve_out: Regex,
    measures_leadin: Regex,
    bare_reference: Regex,
    customer_choice: Regex,
    liability_exclusion: Regex,
    subject_bound: Regex,
    opening_clause: Regex,
    disowned_result: Regex,
    sole_responsibility: Regex,
    disowned_duty: Regex,
    provider_thing: Regex,
}

fn build(name: &str, pattern: &str) -> Result<Regex> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .case_insensitive(true)
        .build()
        .map_err(|e| {
            Error::catalog(
                CatalogLocation {
                    file: "<built-in lexicon>".into(),
                    line: None,
                    requirement: None,
                    pattern: Some(name.into()),
                },
                e.to_string(),
            )
        })
}

/// Plural nouns that follow "service", "platform" or "system" in noun
/// compounds and would otherwise pass for verbs in -s.
const PLURAL_NOUNS: &[&str] = &[
    "attacks",
    "providers",
    "levels",
    "credits",
    "fees",
    "charges",
    "features",
    "updates",
    "outages",
    "requests",
    "accounts",
    "users",
    "customers",
    "partners",
    "terms",
    "agreements",
    "descriptions",
    "plans",
    "costs",
    "limits",
    "components",
    "interruptions",
    "failures",
    "issues",
    "errors",
    "records",
    "settings",
    "credentials",
    "orders",
    "packages",
    "tiers",
    "options",
    "changes",
    "names",
    "documents",
    "administrators",
    "owners",
    "operators",
    "integrations",
];

/// True when `text` ends in "anything", "everything", "something" or
/// "nothing": words ending in "-ing" that name no task.
fn is_thing_word(text: &str) -> bool {
    let last = text
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    last.ends_with("thing")
}

/// True when a negation is the "(is) not limited to" of an open list
/// ("This includes, but is not limited to, phishing ..."), which negates
/// nothing the sentence says.
fn not_limited_to(text: &str, neg_end: usize) -> bool {
    let after = text.get(neg_end..).unwrap_or("").trim_start();
    after
        .get(..10)
        .is_some_and(|w| w.eq_ignore_ascii_case("limited to"))
}

/// True when a clause separator is the "but" of "but (is|are) not
/// limited to".
fn opens_open_list(text: &str, start: usize, end: usize) -> bool {
    let sep = text.get(start..end).unwrap_or("");
    if !sep
        .trim_start_matches(',')
        .trim()
        .eq_ignore_ascii_case("but")
    {
        return false;
    }
    let after = text.get(end..).unwrap_or("").trim_start();
    let after = ["is ", "are ", "IS ", "ARE "]
        .iter()
        .find_map(|v| after.strip_prefix(v))
        .unwrap_or(after);
    after
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("not"))
        && not_limited_to(after, 3)
}

fn apostrophes(p: &str) -> String {
    p.replace('\'', "(?:'|’)")
}

impl Lexicon {
    /// Compiles the lexicon.
    ///
    /// # Errors
    ///
    /// Only if a built-in pattern were broken, which the tests rule out.
    pub fn new() -> Result<Lexicon> {
        let modal = format!(
            "(?P<neg>{})|(?P<res>{})|(?P<perm>{})|(?P<obl>{})",
            apostrophes(NEGATION),
            RESTRICTION,
            apostrophes(PERMISSION),
            apostrophes(OBLIGATION)
        );
        Ok(Lexicon {
            modal: build("modal", &modal)?,
            passive_after_modal: build(
                "passive",
                &format!(
                    r"^\s*(?:not\s+)?(?:\w+ly\s+)?(?:also\s+)?be\s+(?:\w+ly\s+)?{PARTICIPLE}\b"
                ),
            )?,
            present_passive: build(
                "present-passive",
                &format!(
                    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+|also\s+)?(?:{PARTICIPLE}|available|redundant|encrypted|isolated|protected|secured|certified|compliant|in\s+place|subject\s+to)\b|\bgets?\s+(?:\w+ly\s+)?{PARTICIPLE}\b|\btakes?\s+place\b|\b(?:stays|remains|lives|resides)\s+(?:\S+\s+){{0,2}}(?:in|within|inside)\b"
                ),
            )?,
            customer_receives: build(
                "customer-receives",
                r"^\s*(?:\w+ly\s+)?(?:receive|get|be\s+(?:notified|informed|given|provided|told|sent|alerted|advised))\b",
            )?,
            customer_right_after_modal: build(
                "customer-right",
                r"^\s*(?:continue\s+to\s+)?(?:have\s+(?:(?:the|a)\s+)?(?:\w+\s+){0,3}(?:right|access|ability|opportunity|option|\d+|one|two|three|seven|ten|fourteen|fifteen|thirty|sixty|ninety|days?)|be\s+(?:able|entitled|permitted|allowed)\s+to)\b",
            )?,
            // "Your account may be compromised", "delays may occur": what
            // may happen, not what anyone may do.
            possibility: build(
                "possibility",
                r"^\s+(?:\w+ly\s+)?(?:(?:be|become|have\s+been)\s+(?:\w+ly\s+)?(?:compromised|lost|damaged|corrupted|interrupted|delayed|unavailable|inaccurate|incomplete|exposed|breached|affected)|occur|arise|happen|result|harm|damage|endanger|impair|jeopardi[sz]e)\b",
            )?,
            // "..., provided that such updates do not materially reduce the
            // security of the Service": a bounded right to change.
            no_degradation: build(
                "no-degradation",
                r"\bprovided\s+(?:that\s+)?(?:\S+\s+){0,6}(?:not|no)\s+(?:\S+\s+){0,4}(?:materially\s+|significantly\s+)?(?:reduc|decreas|degrad|lower|diminish|result\s+in\s+(?:a\s+|any\s+)?(?:material\s+)?(?:reduction|decrease|degradation))|\bprovided\s+(?:that\s+)?(?:\S+\s+){0,6}(?:maintain|preserve|keep)\s+(?:\S+\s+){0,2}(?:adequate|equivalent|same|comparable|at\s+least)\b",
            )?,
            // "will notify ... where it, in its sole discretion, determines
            // that notification is appropriate": a promise hollowed out.
            provider_discretion: build(
                "provider-discretion",
                r"\b(?:in|at)\s+(?:its|our|their)\s+(?:sole\s+|absolute\s+|own\s+|reasonable\s+)*discretion\b|\bas\s+(?:it|we|they)\s+(?:sees?|deems?|considers?)\s+(?:fit|appropriate)\b|\bif\s+(?:it|we|they)\s+(?:so\s+)?(?:chooses?|elects?|decides?|wishes?)\b",
            )?,
            duty_passive_after_modal: build(
                "duty-passive",
                r"^\s*(?:\w+ly\s+)?(?:also\s+)?be\s+(?:\w+ly\s+)?(?:required|asked|expected|obliged|obligated|requested)\s+to\b",
            )?,
            definition: build(
                "definition",
                r#"^\W{0,4}(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:"|“|”)[^.;:]{1,80}?(?:"|“|”)\s*(?:\([^)]{0,40}\)\s*)?(?:means|shall\s+mean|refers\s+to|is\s+defined\s+as|has\s+the\s+meaning|includes|shall\s+include|:)|^\W{0,4}(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?-i:[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|and|or|the|for|to)){0,6})\s+(?:shall\s+mean|has\s+the\s+meaning)\b"#,
            )?,
            clause_bound: build(
                "clause",
                r"; |: |\s\((?:[a-z]{1,2}|[ivx]{1,5}|[0-9]{1,2})\)\s|,? but |, except |, unless |, provided\b|, whereas |,? so that |, (?:after|following|upon|at\s+the\s+end\s+of)\s+which\b|, whereupon\b|\. ",
            )?,
            notice_period: build(
                "notice-period",
                r"\b(?:(\d{1,4})|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty-five|forty|sixty|ninety|hundred\s+and\s+eighty|one\s+hundred\s+eighty))\s*(?:\(\s*\d{1,4}\s*\)\s*)?(?:calendar\s+|business\s+|working\s+|full\s+)?(day|week|month|year)s?\b",
            )?,
            notice_word: build(
                "notice-word",
                r"\b(?:notice|notif\w*|inform\w*|advance|prior|before|announce\w*)\b",
            )?,
            conditional_start: build(
                "conditional",
                r"^\W{0,3}(?:if|where|when|whenever|in\s+the\s+event|should|unless|to\s+the\s+extent)\b",
            )?,
            grant_before: build(
                "grant",
                r"\b(?:allows?|enables?|lets|permits?|gives?|provides?|offers?|grants?|helps?|authori[sz]es?)\s+(?:\S+\s+){0,2}$",
            )?,
            customer_choice: build(
                "customer-choice",
                r"\b(?:customer|client|controller|subscriber|exporter|your|you)\b",
            )?,
            liability_exclusion: build(
                "liability-exclusion",
                r"\b(?:neither|in\s+no\s+event|under\s+no\s+circumstances|no\s+party)\b[^.;]{0,400}$",
            )?,
            disowned_result: build(
                "disowned-result",
                r"\b(?:no|not|n't)\s+(?:\S+\s+){0,3}(?:guarantee|warrant|promise|assurance|representation)\w*\s+(?:\S+\s+){0,3}(?:about|as\s+to|that|regarding|of|for)\b",
            )?,
            // "is solely responsible for installing anti-virus software",
            // "it alone is responsible for retaining copies", "bears sole
            // responsibility for configuring": a protective task put wholly
            // on someone. The task is a verb, so "solely responsible for
            // any content you upload" (conduct, not a measure) is not it.
            sole_responsibility: build(
                "sole-responsibility",
                r"\b(?:(?:solely|exclusively|entirely|wholly|alone)\s+(?:(?:is|are|remains?|shall\s+be|will\s+be)\s+)?(?:responsible|liable|accountable)|\bsole\s+(?:and\s+exclusive\s+)?(?:responsibility|obligation))\s+(?:for\s+(?:\S+\s+){0,2}?[a-z]{2,}ing\b|to\s+(?:\w+ly\s+)?[a-z]{3,}\b)",
            )?,
            // "disclaims any duty to inform", "shall be under no duty to
            // deliver", "is not obliged to furnish", "assumes no
            // responsibility for": the speaker disowns a duty outright.
            disowned_duty: build(
                "disowned-duty",
                &apostrophes(
                    r"\b(?:disclaims?|disclaiming|(?:assumes?|accepts?|bears?|has|have|takes?|undertakes?)\s+no|(?:is|are|be|shall\s+be|will\s+be)\s+under\s+no|nothing\s+(?:\S+\s+){0,6}(?:shall|will|does)\s+(?:oblige|obligate|require))\s*(?:\w+\s+)?(?:duty|duties|obligations?|responsibility|liability|commitment)\b|\b(?:not|n't|never)\s+(?:be\s+)?(?:obliged|obligated|required|bound|responsible|liable)\s+(?:to|for)\b",
                ),
            )?,
            // "Our platform backs up ...", "The Service scans ...", "Staff
            // access to production systems requires ...": the provider's
            // service, systems or people as the subject of a present-tense
            // verb. A singular verb ends in -s; plural subjects take the
            // verbs listed.
            provider_thing: build(
                "provider-thing",
                r"^\W{0,3}(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:(?:our|the|all|each|every)\s+)?(?:[\w-]+\s+){0,4}?(?:service|services|platform|systems?|infrastructure|network|servers?|data\s*cent(?:er|re)s?|facilit(?:y|ies)|hosting|product|software|application|solution|plan|staff|personnel|employees|team|engineers|tools?|environment)\s+(?:\w+ly\s+)?(?:[a-z]+[^s\W]s|hold|run|use|scan|keep|store|encrypt|protect|replicate|restrict|require|log|monitor|maintain|provide|support|include|apply|perform|comply|meet|follow|undergo|operate|host|retain|detect|block|prevent|enforce|isolate|limit|have)\b",
            )?,
            opening_clause: build(
                "opening-clause",
                r"(?:^|[.:;]\s)\W{0,3}(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:while|whilst|although|though|even\s+though)\s[^,;.]{3,200}(,\s)",
            )?,
            subject_bound: build(
                "subject-bound",
                r",?\s(?:and|but|while|whereas)\s+((?:you|we|it|they|the\s+customer|customer|the\s+provider|provider|the\s+client|client|the\s+supplier|supplier|the\s+subscriber|subscriber)\s+(?:\S+\s+)?(?:shall|will|must|may|should|can|are|is|agree|undertake)\b)",
            )?,
            bare_reference: build(
                "bare-reference",
                r"^\W{0,3}(?:please\s+)?(?:refer\s+to|see|consult|visit|read)\s+(?:\S+\s+){0,3}(?:our|the)\s+(?:\S+\s+){0,4}(?:page|policy|overview|documentation|addendum|website|site|center|centre|portal|statement)\b",
            )?,
            relative: build(
                "relative",
                r"\b(?:which|that|who|whom|whose)\s+(?:\S+\s+){0,6}$",
            )?,
            savings: build(
                "savings",
                r"^\s*(?:\w+ly\s+)?(?:affect|limit|prejudice|restrict|impair|derogate\s+from|diminish|reduce)\s+(?:\S+\s+){0,2}(?:rights?|obligations?|remedies|entitlements?)",
            )?,
            carve_out: build(
                "carve-out",
                r"^\s*(?:\w+ly\s+)?(?:prevent|restrict|prohibit|preclude|bar|stop)\s+(?:\S+\s+){0,4}from\s+\w+ing\b",
            )?,
            measures_leadin: build(
                "measures-lead-in",
                r"\b(?:measures|controls|safeguards|precautions)\b[^:]{0,80}\b(?:exist|are\s+in\s+place|include|are\s+(?:implemented|taken|maintained|applied))\b[^:]{0,80}:\s*$|\b(?:has|have)\s+(?:\w+\s+){0,2}(?:taken|implemented|adopted|put\s+in\s+place|established)\s+(?:the\s+)?following\b[^:]{0,120}:\s*$|\bthe\s+following\s+(?:\S+\s+){0,4}(?:measures|controls|safeguards)\b[^:]{0,120}:\s*$",
            )?,
            confidentiality: build("confidentiality", r"\bconfidential\s+information\b")?,
            customer_data: build(
                "customer-data",
                r"\b(?:customer|client|subscriber|your|personal|service|user)\S{0,3}\s+(?:data|content|information|files)\b|\bprocessed\s+data\b",
            )?,
            lost_right: build(
                "lost-right",
                &apostrophes(
                    r"^(?:\w+\s+){0,2}(?:no\s+longer|not\s+(?:be\s+able|have\s+(?:any\s+)?(?:access|the\s+right|the\s+ability)|be\s+(?:permitted|entitled|allowed)))|^(?:cannot|can't|may\s+not|will\s+not|won't|shall\s+not)\s+(?:\w+\s+)?(?:access|retrieve|export|download|recover|obtain)\b",
                ),
            )?,
            customer_responsibility: build(
                "customer-responsibility",
                &apostrophes(
                    r"\b(?:your|the\s+customer's|customer's|the\s+client's|client's|subscriber's|the\s+subscriber's|licensee's)\s+(?:sole\s+|own\s+|entire\s+|exclusive\s+)?(?:responsibility|risk|obligation|duty)\b|\bat\s+(?:your|its|the\s+customer's)\s+(?:own\s+|sole\s+)?risk\b|\b(?:responsibility|risk)\s+(?:\w+\s+){0,3}(?:lies|rests|remains)\s+(?:\w+\s+){0,2}with\s+(?:you|the\s+customer|customer|the\s+client|client)\b|\b(?:is|are|remains?)\s+(?:entirely\s+|solely\s+|wholly\s+)?up\s+to\s+(?:you|the\s+customer|customer|the\s+client|client|the\s+subscriber|subscriber)\b",
                ),
            )?,
        })
    }

    /// Every modal expression in `text`, in order. "At the Customer's
    /// option" is the customer's choice, not the provider's discretion, so
    /// it is not a permission.
    pub fn modals(&self, text: &str) -> Vec<Modal> {
        let mut out = Vec::new();
        for caps in self.modal.captures_iter(text.as_bytes()) {
            let (m, modality) = if let Some(m) = caps.name("neg") {
                // "may, but is not obliged to, keep copies": the permission
                // stands; the negation only says it is not a duty.
                if may_but_need_not(text, m.start()) || not_limited_to(text, m.end()) {
                    continue;
                }
                (m, Modality::Negation)
            } else if let Some(m) = caps.name("res") {
                (m, Modality::Obligation)
            } else if let Some(m) = caps.name("perm") {
                if self.customer_choice.is_match(m.as_bytes())
                    || self
                        .possibility
                        .is_match(text.as_bytes().get(m.end()..).unwrap_or(b""))
                {
                    continue;
                }
                (m, Modality::Permission)
            } else if let Some(m) = caps.name("obl") {
                // "in order to ensure", "steps to guarantee": an infinitive
                // of purpose, governed by whatever verb comes before it.
                if is_infinitive(text, m.start(), m.as_bytes()) {
                    continue;
                }
                (m, Modality::Obligation)
            } else {
                continue;
            };
            out.push(Modal {
                start: m.start(),
                end: m.end(),
                modality,
            });
        }
        out
    }

    /// True when `after` (the text after a customer's modal) puts a duty on
    /// the customer in the passive: "may be required to", "will be asked to".
    pub fn duty_passive_after(&self, after: &str) -> bool {
        self.duty_passive_after_modal.is_match(after.as_bytes())
    }

    /// True when a right to change is bounded by a promise not to make
    /// things worse: "provided that the updates do not materially reduce
    /// the overall security".
    pub fn bounded_by_no_degradation(&self, sentence: &str) -> bool {
        self.no_degradation.is_match(sentence.as_bytes())
    }

    /// True when a sentence leaves what it promises to the provider's own
    /// discretion ("in its sole discretion", "as it sees fit").
    pub fn at_provider_discretion(&self, sentence: &str) -> bool {
        self.provider_discretion.is_match(sentence.as_bytes())
    }

    /// True when `after` (the text after a modal) is a passive: "be backed up".
    pub fn is_passive_after(&self, after: &str) -> bool {
        self.passive_after_modal.is_match(after.as_bytes())
    }

    /// True when `text` holds a present passive ("is backed up daily",
    /// "gets scanned") or a present statement of where or how a thing is
    /// ("takes place in Germany", "stays in the EU").
    pub fn has_present_passive(&self, text: &str) -> bool {
        self.present_passive.is_match(text.as_bytes())
    }

    /// True when `after` (the text after a customer's modal) is something
    /// the customer receives: "will receive notice", "will be notified".
    pub fn customer_receives(&self, after: &str) -> bool {
        self.customer_receives.is_match(after.as_bytes())
    }

    /// True when `after` (the text after a customer's modal) grants the
    /// customer a right: "will have 30 days", "will be able to export".
    pub fn customer_right_after(&self, after: &str) -> bool {
        self.customer_right_after_modal.is_match(after.as_bytes())
    }

    /// True for a definition: `"Security Incident" means ...`.
    pub fn is_definition(&self, sentence: &str) -> bool {
        self.definition.is_match(sentence.as_bytes())
    }

    /// Where `text` puts a matter on the customer without naming them as the
    /// subject: "is your responsibility", "at your own risk", "is up to
    /// you".
    pub fn customer_responsibility(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.customer_responsibility
            .find(text.as_bytes())
            .map(|m| m.start()..m.end())
    }

    /// True when a customer's negated modal (with what follows) takes away
    /// a right: "may no longer access", "will not be able to retrieve".
    pub fn lost_right(&self, modal_and_after: &str) -> bool {
        self.lost_right.is_match(modal_and_after.as_bytes())
    }

    /// True for a sentence that only points to another document: "Please
    /// refer to our Security Response page for how to ...".
    pub fn bare_reference(&self, sentence: &str) -> bool {
        self.bare_reference.is_match(sentence.as_bytes())
    }

    /// True when `between` (from a topic to a modal) ends inside a relative
    /// clause ("copies from which data can be recovered"), whose modal does
    /// not govern the main clause.
    pub fn in_relative_clause(&self, between: &str) -> bool {
        self.relative.is_match(between.as_bytes())
    }

    /// True when the text after a negated modal is a savings clause:
    /// "shall not affect the rights of ...".
    pub fn savings(&self, after_modal: &str) -> bool {
        self.savings.is_match(after_modal.as_bytes())
    }

    /// True when the text after a negated modal carves out a permission:
    /// "shall not prevent either party from disclosing ..." lets the party
    /// disclose.
    pub fn carve_out(&self, after_modal: &str) -> bool {
        self.carve_out.is_match(after_modal.as_bytes())
    }

    /// True when a lead-in announces measures in place ("The following
    /// measures exist:", "The Processor has implemented the following
    /// controls:"): its verbless items are measures the provider states.
    pub fn announces_measures(&self, leadin: &str) -> bool {
        self.measures_leadin.is_match(leadin.trim_end().as_bytes())
    }

    /// True when the text before a customer mention ends with a grant
    /// ("allows", "enables ... the").
    pub fn grant_before(&self, before: &str) -> bool {
        self.grant_before.is_match(before.as_bytes())
    }

    /// True when a sentence speaks of "Confidential Information" without
    /// naming customer data.
    pub fn confidentiality_only(&self, sentence: &str) -> bool {
        let s = sentence.as_bytes();
        self.confidentiality.is_match(s) && !self.customer_data.is_match(s)
    }

    /// True when the sentence opens with a condition ("If", "Where").
    pub fn starts_conditional(&self, sentence: &str) -> bool {
        self.conditional_start.is_match(sentence.as_bytes())
    }

    /// Start positions of clause boundaries in `text`: separators (";",
    /// ", unless", ...), item labels, a conjunction that opens a clause
    /// with its own subject ("..., and you shall ..."), and the end of an
    /// opening concession ("While ..., ").
    pub fn clause_bounds(&self, text: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .clause_bound
            .find_iter(text.as_bytes())
            // "include, but are not limited to, ...": an open list goes on
            // in the same clause.
            .filter(|m| !opens_open_list(text, m.start(), m.end()))
            .map(|m| {
                // Clauses begin after the separator, or at an item label.
                let s = text.get(m.start()..m.end()).unwrap_or("");
                if s.trim_start().starts_with('(') {
                    m.start() + (s.len() - s.trim_start().len())
                } else {
                    m.end()
                }
            })
            .collect();
        out.extend(
            self.subject_bound
                .captures_iter(text.as_bytes())
                .filter_map(|c| c.get(1).map(|m| m.start())),
        );
        // "While backups are kept for disaster recovery, we make no
        // guarantee ...": the opening concession states a fact of its own.
        out.extend(
            self.opening_clause
                .captures_iter(text.as_bytes())
                .filter_map(|c| c.get(1).map(|m| m.end())),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when a clause disowns what something delivers: "we make no
    /// guarantee about the integrity of any backup", "does not warrant
    /// that ...".
    pub fn disowns_result(&self, clause: &str) -> bool {
        self.disowned_result.is_match(clause.as_bytes())
    }

    /// Where a clause puts a task wholly on its subject: "is solely
    /// responsible for backing up", "bears sole responsibility for
    /// configuring". The task must be a verb: "solely responsible for any
    /// content" is conduct, not a measure.
    /// Returns where the task begins: the white space before its verb.
    pub fn sole_responsibility(&self, clause: &str) -> Option<usize> {
        self.sole_responsibility
            .find_iter(clause.as_bytes())
            .find(|m| !is_thing_word(clause.get(..m.end()).unwrap_or("")))
            .map(|m| {
                let phrase = clause.get(m.range()).unwrap_or("");
                m.start() + phrase.rfind([' ', '\t', '\n']).unwrap_or(0)
            })
    }

    /// Where the subject of a present-tense clause ends when the subject is
    /// the provider's service, systems or people: "Our platform backs up",
    /// "The Service scans", "Staff access to production systems requires".
    /// Noun compounds are not clauses: the verb must be lower case and not
    /// a plural noun ("Service Providers", "service credits"), and a
    /// capitalised noun must follow "the" or "our" ("The Service scans",
    /// not "Denial of Service attacks").
    pub fn provider_thing_subject(&self, clause: &str) -> Option<usize> {
        let m = self.provider_thing.find(clause.as_bytes())?;
        let mut words = clause.get(..m.end())?.split_whitespace().rev();
        let verb = words.next()?;
        let mut noun = words.next()?;
        if noun.ends_with("ly") {
            noun = words.next()?;
        }
        let before = words.next().unwrap_or("").to_ascii_lowercase();
        let capitalised = noun.starts_with(|c: char| c.is_ascii_uppercase());
        (verb.starts_with(|c: char| c.is_ascii_lowercase())
            && !PLURAL_NOUNS.contains(&verb)
            && (!capitalised || before == "the" || before == "our"))
            .then_some(m.end())
    }

    /// True when a clause disowns a duty outright: "disclaims any duty to",
    /// "shall be under no obligation to", "is not obliged to", "assumes no
    /// responsibility for", "nothing in this Agreement shall oblige".
    pub fn disowns_duty(&self, clause: &str) -> bool {
        self.disowned_duty.is_match(clause.as_bytes())
    }

    /// True when the text before an obligation to "be liable" negates it:
    /// "Neither party nor its suppliers shall be liable", "In no event
    /// shall we be liable".
    pub fn excludes_liability(&self, before_modal: &str, after_modal: &str) -> bool {
        let after = after_modal.trim_start().to_ascii_lowercase();
        (after.starts_with("be liable")
            || after.starts_with("be responsible")
            || after.starts_with("have any liability"))
            && self.liability_exclusion.is_match(before_modal.as_bytes())
    }

    /// True when `text` speaks of notice at all ("notify", "in advance",
    /// "prior", "announce").
    pub fn speaks_of_notice(&self, text: &str) -> bool {
        self.notice_word.is_match(text.as_bytes())
    }

    /// A notice period stated in `text`, in days ("thirty (30) days",
    /// "90 days' notice", "six months"), if the text speaks of notice.
    pub fn notice_days(&self, text: &str) -> Option<u32> {
        if !self.speaks_of_notice(text) {
            return None;
        }
        let caps = self.notice_period.captures(text.as_bytes())?;
        let n: u32 = if let Some(d) = caps.get(1) {
            std::str::from_utf8(d.as_bytes()).ok()?.parse().ok()?
        } else {
            let w = std::str::from_utf8(caps.get(2)?.as_bytes())
                .ok()?
                .to_ascii_lowercase();
            word_number(&w)?
        };
        let unit = caps
            .get(3)?
            .as_bytes()
            .first()
            .copied()?
            .to_ascii_lowercase();
        let days = match unit {
            b'd' => n,
            b'w' => n.saturating_mul(7),
            b'm' => n.saturating_mul(30),
            b'y' => n.saturating_mul(365),
            _ => return None,
        };
        (days > 0).then_some(days)
    }
}

fn word_number(w: &str) -> Option<u32> {
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "forty-five" => 45,
        "sixty" => 60,
        "ninety" => 90,
        "hundred and eighty" | "one hundred eighty" => 180,
        _ => return None,
    })
}

/// True when a negation at `start` follows "may, but" ("may, but is not
/// obliged to", "may but need not").
fn may_but_need_not(text: &str, start: usize) -> bool {
    let words: Vec<&str> = text
        .get(..start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| w.trim_matches(','))
        .collect();
    let but = words.iter().position(|w| w.eq_ignore_ascii_case("but"));
    but.is_some_and(|i| {
        words
            .get(i + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("can"))
    })
}

/// True when an obligation word at `start` ("ensure", "guarantee",
/// "warrant") follows "to": an infinitive of purpose, not a modal.
fn is_infinitive(text: &str, start: usize, word: &[u8]) -> bool {
    let letters = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let verb = word.get(..letters).unwrap_or(b"");
    [&b"ensure"[..], b"guarantee", b"warrant"]
        .iter()
        .any(|v| verb.eq_ignore_ascii_case(v))
        && text
            .get(..start)
            .and_then(|t| t.split_whitespace().next_back())
            .is_some_and(|w| w.eq_ignore_ascii_case("to"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new().unwrap()
    }

    fn classes(text: &str) -> Vec<(&str, Modality)> {
        lex()
            .modals(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.modality))
            .collect()
    }

    #[test]
    fn modal_classes() {
        assert_eq!(
            classes("We will back up data"),
            vec![("will", Modality::Obligation)]
        );
        assert_eq!(
            classes("We will not back up data"),
            vec![("will not", Modality::Negation)]
        );
        assert_eq!(
            classes("We may notify you"),
            vec![("may", Modality::Permission)]
        );
        assert_eq!(
            classes("Staff may only access data"),
            vec![("may only", Modality::Obligation)]
        );
        assert_eq!(
            classes("The recipient may disclose it only to employees"),
            vec![("may disclose it only to", Modality::Obligation)]
        );
        assert_eq!(
            classes("It uses commercially reasonable efforts to notify"),
            vec![(
                "uses commercially reasonable efforts to",
                Modality::Obligation
            )]
        );
        assert_eq!(
            classes("You are solely responsible for backups"),
            vec![("are solely responsible for", Modality::Obligation)]
        );
        assert_eq!(
            classes("Acme shall have no obligation to"),
            vec![("shall have no obligation", Modality::Negation)]
        );
        assert_eq!(
            classes("we reserve the right to"),
            vec![("reserve the right", Modality::Permission)]
        );
        assert_eq!(
            classes("Customer may no longer access"),
            vec![("may no longer", Modality::Negation)]
        );
        assert_eq!(classes("access is revoked when no longer needed"), vec![]);
        assert_eq!(classes("We use encryption to ensure privacy"), vec![]);
        assert_eq!(
            classes("we'll let you know"),
            vec![("'ll", Modality::Obligation)]
        );
        assert_eq!(classes("your account may be compromised"), vec![]);
        assert_eq!(classes("delays may occur"), vec![]);
        assert_eq!(
            classes("We may, but are not obliged to, scan files"),
            vec![("may", Modality::Permission)]
        );
        assert_eq!(classes("activities that may harm the network"), vec![]);
        assert_eq!(
            classes("data may be deleted"),
            vec![("may", Modality::Permission)]
        );
        assert_eq!(
            classes("We shall take steps to ensure privacy"),
            vec![("shall", Modality::Obligation)]
        );
        assert_eq!(
            classes("We ensure privacy"),
            vec![("ensure", Modality::Obligation)]
        );
        assert_eq!(
            classes("Acme keeps no copy"),
            vec![("keeps no", Modality::Negation)]
        );
        assert_eq!(
            classes("Acme won’t sell data"),
            vec![("won’t", Modality::Negation)]
        );
        assert_eq!(
            classes("You’re responsible for your password"),
            vec![("’re responsible for", Modality::Obligation)]
        );
        assert!(lex()
            .customer_responsibility("Keeping copies is entirely your responsibility.")
            .is_some());
        assert!(lex()
            .customer_responsibility("You use it at your own risk.")
            .is_some());
    }

    #[test]
    fn passives_rights_and_definitions() {
        let l = lex();
        assert!(l.is_passive_after(" be backed up daily"));
        assert!(l.is_passive_after(" not be kept"));
        assert!(!l.is_passive_after(" back up data"));
        assert!(l.customer_receives(" be notified by email"));
        assert!(l.customer_right_after(" have thirty (30) days to retrieve"));
        assert!(l.customer_right_after(" be able to export"));
        assert!(l.is_definition("“Security Incident” means a breach of security."));
        assert!(l.is_definition("(i) Applicable Data Protection Law shall mean any privacy law."));
        assert!(l.has_present_passive("Processing takes place only in Germany."));
        assert!(!l.is_definition("This means that we keep backups."));
        assert!(l.duty_passive_after(" be required to sign up for an account"));
        assert!(l.at_provider_discretion(
            "We will tell you where we, in our sole discretion, think it useful."
        ));
        assert!(!l.at_provider_discretion("Restores happen at the Customer's discretion."));
        assert!(l.bounded_by_no_degradation(
            "We may update the measures, provided that such updates do not materially decrease security."
        ));
        assert!(!l.bounded_by_no_degradation("We may update the measures at any time."));
        assert!(l.bounded_by_no_degradation(
            "We may modify them provided that the modifications maintain an adequate level of protection."
        ));
        assert!(!l.duty_passive_after(" be notified by email"));
        assert!(l.is_definition("(b) \"Backup\" means a copy."));
        assert!(!l.is_definition("We back up \"Customer Data\" daily."));
        assert!(l.starts_conditional("If we change the Services, we will notify you."));
    }

    #[test]
    fn open_lists_negate_nothing_and_split_no_clause() {
        // "(but) is not limited to" neither negates nor starts a clause.
        assert_eq!(
            classes("This includes, but is not limited to, phishing."),
            vec![]
        );
        let l = lex();
        let text = "Forbidden uses include, but are not limited to, malware.";
        assert!(
            l.clause_bounds(text).is_empty(),
            "{:?}",
            l.clause_bounds(text)
        );
        let text = "We keep logs, but we do not keep backups.";
        assert_eq!(l.clause_bounds(text).len(), 1);
    }

    #[test]
    fn notice_periods() {
        let l = lex();
        assert_eq!(
            l.notice_days("at least thirty (30) days' prior notice"),
            Some(30)
        );
        assert_eq!(l.notice_days("give 90 days notice"), Some(90));
        assert_eq!(l.notice_days("notify you six months before"), Some(180));
        assert_eq!(
            l.notice_days("at least 12 months before discontinuing"),
            Some(360)
        );
        assert_eq!(l.notice_days("within 30 days of the invoice"), None);
    }

    #[test]
    fn carve_outs_and_measure_lead_ins() {
        let l = lex();
        assert!(l.carve_out(" prevent either party from disclosing information"));
        assert!(l.carve_out(" restrict a Party from making a disclosure"));
        assert!(!l.carve_out(" disclose Customer Data to anyone"));
        assert!(l.announces_measures("The following measures exist to restore availability:"));
        assert!(l.announces_measures("The Processor has implemented the following controls:"));
        assert!(!l.announces_measures("The Customer shall:"));
        assert!(!l.announces_measures("The following measures exist."));
    }

    #[test]
    fn an_opening_concession_ends_at_its_comma() {
        let l = lex();
        for t in [
            "While we keep backups, we make no guarantee about them.",
            "8.1 Although copies are kept, we make no guarantee about them.",
        ] {
            let b = l.clause_bounds(t);
            assert!(b.iter().any(|&i| t[i..].starts_with("we make")), "{t}");
        }
        let t = "We keep backups, while you keep copies.";
        assert!(!l
            .clause_bounds(t)
            .iter()
            .any(|&i| t[i..].starts_with("while")));
    }

    #[test]
    fn disowning_what_is_delivered() {
        let l = lex();
        assert!(l.disowns_result("we make no guarantee about the integrity of any backup"));
        assert!(l.disowns_result("it does not warrant that restores will succeed"));
        assert!(!l.disowns_result("we will not charge for restores"));
    }

    #[test]
    fn clause_bounds_split_items_and_semicolons() {
        let l = lex();
        let t = "Provider shall: (a) back up data; (b) notify Customer, unless prohibited.";
        let b = l.clause_bounds(t);
        let starts: Vec<&str> = b.iter().map(|&i| &t[i..i + 3]).collect();
        assert_eq!(starts, vec!["(a)", "(b)", "pro"]);
    }

    #[test]
    fn a_task_put_wholly_on_someone_starts_at_its_verb() {
        let l = lex();
        let t = "The client is solely responsible for patching its own servers";
        assert_eq!(
            l.sole_responsibility(t).map(|i| &t[i..i + 9]),
            Some(" patching")
        );
        let t = "it alone is responsible for keeping copies";
        assert!(l.sole_responsibility(t).is_some());
        let t = "Licensee bears sole responsibility for configuring alerts";
        assert!(l.sole_responsibility(t).is_some());
        // Conduct or a thing, not a task; and responsibility not sole.
        assert!(l
            .sole_responsibility("you are solely responsible for anything you post")
            .is_none());
        assert!(l
            .sole_responsibility("you are solely responsible for your content")
            .is_none());
        assert!(l
            .sole_responsibility("you are responsible for keeping copies")
            .is_none());
    }

    #[test]
    fn duties_disowned_outright() {
        let l = lex();
        for t in [
            "the vendor disclaims any duty to tell the client of an intrusion",
            "we shall be under no obligation to hand over any files",
            "the host is not obliged to give notice of new hosting partners",
            "the vendor assumes no responsibility for its suppliers",
        ] {
            assert!(l.disowns_duty(t), "{t}");
        }
        assert!(!l.disowns_duty("we will not disclose your data without consent"));
    }

    #[test]
    fn the_providers_things_as_subjects() {
        let l = lex();
        for t in [
            "Our platform backs up your data every night",
            "The Service scans uploads for malware",
            "Our data centres hold ISO 27001 certification",
            "Staff access to production systems requires two factors",
        ] {
            assert!(l.provider_thing_subject(t).is_some(), "{t}");
        }
        for t in [
            "Service Providers and Partners",
            "Effects of Denial of Service attacks",
            "The service credits are your only remedy",
            "Backups help you recover",
        ] {
            assert!(l.provider_thing_subject(t).is_none(), "{t}");
        }
    }
}
