//! What a sentence's section headings tell about it: a definitions
//! section, the customer's duties, a section of security measures.

/// Headings of a section of security measures (substrings, lower case).
const MEASURES_SECTIONS: &[&str] = &[
    "technical and organisational measures",
    "technical and organizational measures",
    "security measures",
];

/// Section titles under which unattributed sentences are the customer's.
const CUSTOMER_SECTIONS: &[&str] = &[
    "your responsibilities",
    "customer responsibilities",
    "customer obligations",
    "your obligations",
    "obligations of the customer",
    "obligations of customer",
    "obligations of the client",
    "client obligations",
    "client responsibilities",
    "acceptable use",
    "prohibited",
    "restrictions",
    "subscriber obligations",
    "subscriber responsibilities",
    "your account",
    "customer's responsibilities",
    "customer’s responsibilities",
    "use restrictions",
];

/// Words of a heading about someone's duties.
const DUTY_WORDS: &[&str] = &[
    "obligation",
    "duties",
    "duty",
    "responsibilit",
    "undertaking",
    "commitments of",
];

/// The customer as a heading names it.
const CUSTOMER_HEADING_WORDS: &[&str] = &[
    "user",
    "customer",
    "client",
    "subscriber",
    "licensee",
    "member",
    "you",
    "buyer",
];

/// The provider as a heading names it.
const PROVIDER_HEADING_WORDS: &[&str] = &[
    "provider",
    "supplier",
    "vendor",
    "licensor",
    "processor",
    "our",
    "we",
    "company",
    "host",
];

/// True for a heading about the customer's duties in any words: "Rights and
/// duties of Users", "Obligations of the Subscriber", "Client
/// undertakings". A heading that also names the provider ("Obligations of
/// the Parties", "Provider and Customer responsibilities") is not.
fn names_customer_duties(heading: &str) -> bool {
    // Whole words, singular or plural.
    let has = |words: &[&str]| {
        heading.split(|c: char| !c.is_alphanumeric()).any(|w| {
            words
                .iter()
                .any(|x| w == *x || w.strip_suffix('s') == Some(x))
        })
    };
    DUTY_WORDS.iter().any(|w| heading.contains(w))
        && has(CUSTOMER_HEADING_WORDS)
        && !has(PROVIDER_HEADING_WORDS)
        && !heading.contains("parties")
}

/// What a sentence's heading path tells about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SectionContext {
    /// The innermost heading, lower-cased.
    pub heading: String,
    /// The sentence sits in a definitions section.
    pub in_definitions: bool,
    /// The sentence sits under a heading about the customer's duties.
    pub customer_section: bool,
    /// The sentence sits in a section (or annex) of security measures
    /// ("Annex II: Technical and Organisational Measures"), where verbless
    /// lines are measures the provider states.
    pub measures_section: bool,
}

impl SectionContext {
    /// The context of a heading path such as `"7. Security > 7.2 Backups"`.
    pub fn from_path(section_path: &str) -> SectionContext {
        SectionContext::from_titles(&section_path.split(" > ").collect::<Vec<_>>())
    }

    /// The context of a section given its titles, outermost first.
    pub fn from_titles(titles: &[&str]) -> SectionContext {
        let heading = titles.last().map_or_else(String::new, |t| t.to_lowercase());
        let lower: Vec<String> = titles.iter().map(|t| t.to_ascii_lowercase()).collect();
        let any_title = |words: &[&str]| lower.iter().any(|t| words.iter().any(|w| t.contains(w)));
        SectionContext {
            in_definitions: any_title(&["definition", "interpretation"]),
            customer_section: CUSTOMER_SECTIONS.iter().any(|s| heading.contains(s))
                || names_customer_duties(&heading),
            measures_section: any_title(MEASURES_SECTIONS),
            heading,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_about_the_customers_duties() {
        for h in [
            "article 11.1 rights and duties of users",
            "obligations of the subscriber",
            "client undertakings",
        ] {
            assert!(names_customer_duties(h), "{h}");
        }
        for h in [
            "obligations of the parties",
            "provider and customer responsibilities",
            "user accounts",
            "our obligations to you as a website user",
        ] {
            assert!(!names_customer_duties(h), "{h}");
        }
    }
}
