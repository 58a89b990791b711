//! Stance and status rules: the judgement of clausemap.
//!
//! [`mod@lexicon`] holds the language of obligation shared by all requirements,
//! [`judge()`] reads one candidate sentence for one requirement, and
//! [`decide()`] turns a requirement's judged sentences into its status;
//! [`SectionContext`] is what the headings above a sentence tell.

pub mod decide;
pub mod judge;
pub mod lexicon;
pub mod probe;
pub mod section;

pub use decide::{decide, Decision, Judged, Precedence, MAX_EXCERPTS};
pub use judge::{heading_lends_topic, judge, Judgement, SentenceView, Subject};
pub use lexicon::{Lexicon, Modality};
pub use section::SectionContext;
