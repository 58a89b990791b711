//! The verdicts clausemap gives: a [`Status`] per requirement and a
//! [`Stance`] per cited excerpt (SPEC "Status of one requirement" and
//! "Stance of one excerpt").

use std::fmt;

use serde::{Deserialize, Serialize};

/// How well an agreement covers one requirement.
///
/// Ordered by strength for precedence: `Covered > Partial > Disclaimed >
/// Missing`; the strongest provider statement wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The agreement says nothing relevant.
    Missing,
    /// No provider commitment; the matter is put on the customer or the
    /// provider's responsibility is excluded.
    Disclaimed,
    /// The provider addresses the topic, but weakly or incompletely.
    Partial,
    /// A provider commitment satisfies the requirement's core.
    Covered,
}

impl Status {
    /// All statuses, strongest first.
    pub const ALL: [Status; 4] = [
        Status::Covered,
        Status::Partial,
        Status::Disclaimed,
        Status::Missing,
    ];

    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::Partial => "partial",
            Status::Disclaimed => "disclaimed",
            Status::Missing => "missing",
        }
    }

    /// Parses a lowercase status name.
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What one excerpt says about its requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The topic is named, with no obligation either way.
    Mention,
    /// The matter is shifted to the customer or excluded.
    Disclaimer,
    /// The provider speaks to it, but weakened (a permission, a partial
    /// measure, notice after the fact).
    Qualified,
    /// The provider is obliged.
    Commitment,
}

impl Stance {
    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Stance::Commitment => "commitment",
            Stance::Qualified => "qualified",
            Stance::Disclaimer => "disclaimer",
            Stance::Mention => "mention",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_order() {
        assert!(Status::Covered > Status::Partial);
        assert!(Status::Partial > Status::Disclaimed);
        assert!(Status::Disclaimed > Status::Missing);
        assert_eq!(Status::from_name("partial"), Some(Status::Partial));
        assert_eq!(
            serde_json::to_string(&Stance::Qualified).unwrap(),
            "\"qualified\""
        );
    }
}
