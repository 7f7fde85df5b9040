//! When signatures were judged, in words: the judging mode, where a judging time came from.

use crate::dkim::judging::{JudgedAt, JudgingMode, TimeSource};
use crate::l10n::Phrase;

/// How the signatures were judged, in words.
pub fn judging(mode: &JudgingMode) -> Phrase {
    match mode.time {
        Some(t) => Phrase::new("judging-at").date("date", t),
        None => Phrase::new("judging-as-of-signing"),
    }
}

/// Where a judging time came from, in words.
pub(super) fn judged_source(j: JudgedAt) -> Phrase {
    Phrase::new(match j.from {
        TimeSource::SignatureTimestamp => "time-source-signature",
        TimeSource::MessageDate => "time-source-message-date",
        TimeSource::Now => "time-source-now",
        TimeSource::Given => "time-source-given",
    })
}
