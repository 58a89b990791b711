//! From the judgements of many sentences to one status per requirement,
//! with SPEC's precedence (the strongest provider statement wins:
//! covered > partial > disclaimed > missing), a confidence, the excerpts
//! that decide it (best first) and a notice period where one is stated.

use std::sync::Arc;

use super::judge::Judgement;
use super::lexicon::Modality;
use crate::status::Status;

/// Excerpts cited per finding at most.
pub const MAX_EXCERPTS: usize = 3;

/// One judged sentence: which candidate, and the judgement.
#[derive(Debug, Clone)]
pub struct Judged {
    /// Index of the candidate sentence.
    pub candidate: usize,
    /// What it says about the requirement (shared by every occurrence of
    /// the same sentence in the same context).
    pub judgement: Arc<Judgement>,
}

/// The outcome for one requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The status.
    pub status: Status,
    /// How sure, in [0, 1].
    pub confidence: f64,
    /// Indexes into the judged list of the cited sentences, best first.
    pub cited: Vec<usize>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// How a requirement's judgements combine beyond "the strongest wins"
/// (catalog options of the same names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Precedence {
    /// An express disclaimer beats a partial that rests only on mentions.
    pub disclaimer_outranks_mentions: bool,
    /// An express disclaimer makes coverage that rests only on
    /// present-tense statements (no modal) partial.
    pub disclaimer_qualifies_statements: bool,
}

/// Decides a requirement from its judged sentences (in document order).
pub fn decide(judged: &[Judged], precedence: Precedence) -> Decision {
    let mut status = judged
        .iter()
        .map(|j| j.judgement.status)
        .max()
        .unwrap_or(Status::Missing);
    // "Our servers are in Germany" beside "we may process your data in any
    // country where we operate" states where things are today, not where
    // they will stay. Such coverage cites the statements it rests on.
    let qualified = precedence.disclaimer_qualifies_statements
        && status == Status::Covered
        && judged
            .iter()
            .filter(|j| j.judgement.status == Status::Covered)
            .all(|j| j.judgement.modality == Modality::Assurance)
        && judged
            .iter()
            .any(|j| j.judgement.status == Status::Disclaimed && j.judgement.rule == "disclaimer");
    if qualified {
        status = Status::Partial;
    } else if precedence.disclaimer_outranks_mentions
        && status == Status::Partial
        && judged
            .iter()
            .any(|j| j.judgement.status == Status::Disclaimed)
        && judged
            .iter()
            .filter(|j| j.judgement.status == Status::Partial)
            .all(|j| j.judgement.is_mention_level())
    {
        status = Status::Disclaimed;
    }
    if status == Status::Missing {
        // Nothing relevant, or only mentions (customer obligations,
        // definitions): the fewer near-misses, the surer.
        let near = judged.len();
        let confidence = match near {
            0 => 0.9,
            1 => 0.75,
            2..=3 => 0.65,
            _ => 0.55,
        };
        return Decision {
            status,
            confidence,
            cited: Vec::new(),
        };
    }
    let mut support: Vec<usize> = judged
        .iter()
        .enumerate()
        .filter(|(_, j)| {
            j.judgement.status == status || (qualified && j.judgement.status == Status::Covered)
        })
        .map(|(i, _)| i)
        .collect();
    // Best first; ties keep document order (the sort is stable).
    support.sort_by(|&a, &b| {
        let sa = judged.get(a).map_or(0.0, |j| j.judgement.score);
        let sb = judged.get(b).map_or(0.0, |j| j.judgement.score);
        sb.total_cmp(&sa)
    });
    let best = support.first().and_then(|&i| judged.get(i));
    let explicit = best.is_some_and(|j| j.judgement.explicit);
    let strong_rule = best.is_some_and(|j| {
        matches!(
            j.judgement.rule,
            "core" | "protective" | "disclaimer" | "customer-right" | "customer-duty"
        )
    });
    let weaker_conflicts = judged
        .iter()
        .filter(|j| j.judgement.status != status && j.judgement.status != Status::Missing)
        .count();
    let mut confidence = 0.5;
    if explicit {
        confidence += 0.15;
    }
    if strong_rule {
        confidence += 0.15;
    }
    confidence += 0.04 * (support.len().saturating_sub(1).min(3)) as f64;
    if weaker_conflicts > 0 && status != Status::Covered {
        confidence -= 0.1;
    }
    support.truncate(MAX_EXCERPTS);
    Decision {
        status,
        confidence: round2(confidence.clamp(0.05, 0.97)),
        cited: support,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::judge::Subject;
    use crate::status::Stance;

    fn judged(status: Status, modality: Modality, rule: &'static str) -> Judged {
        Judged {
            candidate: 0,
            judgement: Arc::new(Judgement {
                status,
                stance: Stance::Commitment,
                subject: Subject::Impersonal,
                subject_text: String::new(),
                modality,
                modal_text: String::new(),
                topic_text: String::new(),
                rule,
                score: 1.0,
                explicit: true,
            }),
        }
    }

    #[test]
    fn a_disclaimer_qualifies_statements_only_where_the_catalog_says_so() {
        let located = judged(Status::Covered, Modality::Assurance, "core");
        let anywhere = judged(Status::Disclaimed, Modality::Permission, "disclaimer");
        let both = [located.clone(), anywhere.clone()];
        let qualifying = Precedence {
            disclaimer_qualifies_statements: true,
            ..Precedence::default()
        };
        let d = decide(&both, qualifying);
        assert_eq!(d.status, Status::Partial);
        assert_eq!(d.cited, vec![0], "the statement is cited");
        assert_eq!(decide(&both, Precedence::default()).status, Status::Covered);
        // A commitment with a modal is not a mere statement.
        let promised = judged(Status::Covered, Modality::Obligation, "core");
        assert_eq!(
            decide(&[promised, anywhere], qualifying).status,
            Status::Covered
        );
        // Without a disclaimer the statement covers.
        assert_eq!(decide(&[located], qualifying).status, Status::Covered);
    }
}
