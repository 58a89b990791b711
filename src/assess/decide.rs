//! From the judgements of many sentences to one status per requirement,
//! with SPEC's precedence (the strongest provider statement wins:
//! covered > partial > disclaimed > missing), a confidence, the excerpts
//! that decide it (best first) and a notice period where one is stated.

use std::sync::Arc;

use super::judge::Judgement;
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

/// Decides a requirement from its judged sentences (in document order).
/// With `disclaimer_outranks_mentions`, an express disclaimer beats a
/// partial that rests only on mentions.
pub fn decide(judged: &[Judged], disclaimer_outranks_mentions: bool) -> Decision {
    let mut status = judged
        .iter()
        .map(|j| j.judgement.status)
        .max()
        .unwrap_or(Status::Missing);
    if disclaimer_outranks_mentions
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
        .filter(|(_, j)| j.judgement.status == status)
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
