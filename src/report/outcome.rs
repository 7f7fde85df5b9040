//! One vocabulary for what became of a message, used everywhere a person reads a result: the
//! CLI's labels and tally, the page's counts, table and filters, and the exports. An outcome is
//! the message's assessment status, with `expired` told apart from the other `invalid`s (a
//! signature judged at a time after its `x=`): the catalogs word each code once
//! (`outcome-<code>`), and nothing else names outcomes.

use super::assess::{Assessment, Status};
use crate::l10n::Phrase;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What became of a message (or a signature), best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Assessment `verified`.
    Verified,
    /// Assessment `consistent`: verifies only with a key recovered from the messages.
    Consistent,
    /// Assessment `proves_nothing`: verifies only with a key anyone can sign with.
    ProvesNothing,
    /// Assessment `failed`.
    Failed,
    /// Assessment `no_key`: no key known for the signature (see the keys needed).
    NoKey,
    /// Assessment `invalid` only because `x=` had passed at the time the user chose.
    Expired,
    /// Assessment `invalid` for any other reason: cannot be evaluated.
    Invalid,
    /// Assessment `unsigned`.
    Unsigned,
    /// Assessment `error`: not readable as a message.
    #[default]
    Error,
}

impl Outcome {
    /// Every outcome, best first (the order of counts and tallies).
    pub const ALL: [Outcome; 9] = [
        Outcome::Verified,
        Outcome::Consistent,
        Outcome::ProvesNothing,
        Outcome::Failed,
        Outcome::NoKey,
        Outcome::Expired,
        Outcome::Invalid,
        Outcome::Unsigned,
        Outcome::Error,
    ];

    /// The outcome of an assessment.
    pub fn of(a: &Assessment) -> Outcome {
        match a.status {
            Status::Verified => Outcome::Verified,
            Status::Consistent => Outcome::Consistent,
            Status::ProvesNothing => Outcome::ProvesNothing,
            Status::Failed => Outcome::Failed,
            Status::NoKey => Outcome::NoKey,
            Status::Invalid if a.reason == Some("expired") => Outcome::Expired,
            Status::Invalid => Outcome::Invalid,
            Status::Unsigned => Outcome::Unsigned,
            Status::Error => Outcome::Error,
        }
    }

    /// The code used in JSON, CSV, the page's `data-outcome` and the catalogs' ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Verified => "verified",
            Outcome::Consistent => "consistent",
            Outcome::ProvesNothing => "proves_nothing",
            Outcome::Failed => "failed",
            Outcome::NoKey => "no_key",
            Outcome::Expired => "expired",
            Outcome::Invalid => "invalid",
            Outcome::Unsigned => "unsigned",
            Outcome::Error => "error",
        }
    }

    /// The CLI's label (a short tag: `PASS`, `FAIL`, ... in English), from the catalogs.
    pub fn label(self) -> Phrase {
        Phrase::new(match self {
            Outcome::Verified => "label-verified",
            Outcome::Consistent => "label-consistent",
            Outcome::ProvesNothing => "label-proves-nothing",
            Outcome::Failed => "label-failed",
            Outcome::NoKey => "label-no-key",
            Outcome::Expired => "label-expired",
            Outcome::Invalid => "label-invalid",
            Outcome::Unsigned => "label-unsigned",
            Outcome::Error => "label-error",
        })
    }

    /// Its name for people (`Verified`, `No key`, ...: the page's counts and table, the
    /// evidence report), from the catalogs.
    pub fn name(self) -> Phrase {
        Phrase::new(match self {
            Outcome::Verified => "assessment-verified",
            Outcome::Consistent => "assessment-consistent",
            Outcome::ProvesNothing => "assessment-proves-nothing",
            Outcome::Failed => "assessment-failed",
            Outcome::NoKey => "assessment-no-key",
            Outcome::Expired => "assessment-expired",
            Outcome::Invalid => "assessment-invalid",
            Outcome::Unsigned => "assessment-unsigned",
            Outcome::Error => "assessment-error",
        })
    }

    /// Position in [`Outcome::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_an_outcome_and_expired_is_told_apart() {
        for s in Status::ALL {
            let o = Outcome::of(&Assessment::without_signature(s));
            assert_eq!(o.as_str(), s.as_str());
            assert_eq!(Outcome::ALL[o.index()], o);
        }
        let mut a = Assessment::without_signature(Status::Invalid);
        a.reason = Some("expired");
        assert_eq!(Outcome::of(&a), Outcome::Expired);
        assert_eq!(Outcome::of(&a).label().id, "label-expired");
    }
}
