//! What is known about where a key came from: its origin, source, the dates it was seen in
//! public sources, and flags that change what a signature under it proves.

use super::period::seen_period;
use crate::l10n::Phrase;
use serde::{Deserialize, Serialize};

/// A flag on an archived key that changes what a signature made with it proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyFlag {
    /// The private key is public (published or factored): anyone can sign with it.
    Compromised,
    /// Under 1024 bits: cheap to factor.
    Weak,
    /// Rebuilt from signatures, never seen in DNS.
    Recovered,
}

/// The origin label of keys from the bundled archive.
pub const BUNDLED_ORIGIN: &str = "bundled archive";
/// The origin label of keys a person added (pasted in the page, `--txt`).
pub const ADDED_BY_YOU: &str = "added by you";
/// The start of the origin label of keys read from a keys file (`keys file extra.zone`).
pub const KEYS_FILE_ORIGIN: &str = "keys file ";
/// The origin of keys recovered from the messages being checked (`--recover-keys`).
pub const RECOVERED_HERE_ORIGIN: &str = "recovered from these messages";

/// Where a key came from and what is known about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// Short origin label: "bundled archive", "added by you", "keys file tests.zone", ...
    pub origin: String,
    /// Where the record was found (repository, URL, ...), if known.
    pub source: Option<String>,
    /// First date the key is known to have been published (YYYY or YYYY-MM-DD).
    pub first_seen: Option<String>,
    /// Last date the key is known to have been published.
    pub last_seen: Option<String>,
    /// Flags.
    pub flags: Vec<KeyFlag>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// For a key recovered from the very messages being checked (`--recover-keys`): from how
    /// many of them. Such a key is known from no public source; it only shows that those
    /// messages were signed with one key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovered_from_messages: Option<usize>,
}

impl Provenance {
    /// A provenance with only an origin label.
    pub fn origin(label: impl Into<String>) -> Self {
        Provenance { origin: label.into(), ..Provenance::default() }
    }

    /// The key comes from the bundled archive (not from the user: a pasted record, a keys file).
    pub fn is_bundled(&self) -> bool {
        self.origin == BUNDLED_ORIGIN
    }

    /// The period the key was seen in public sources, in words ("from January 2012 to March
    /// 2016"); `None` when no date is known.
    pub fn seen(&self) -> Option<Phrase> {
        seen_period(self.first_seen.as_deref(), self.last_seen.as_deref())
    }

    /// Where the key came from, for a person: the bundled archive, "added by you", a keys file,
    /// the messages being checked, or the origin label as given.
    pub fn origin_words(&self) -> Phrase {
        let label = self.origin.as_str();
        if label == BUNDLED_ORIGIN {
            Phrase::new("key-origin-bundled")
        } else if label == ADDED_BY_YOU {
            Phrase::new("key-origin-added")
        } else if label == RECOVERED_HERE_ORIGIN {
            Phrase::new("key-origin-recovered-here")
        } else if let Some(file) = label.strip_prefix(KEYS_FILE_ORIGIN) {
            Phrase::new("key-origin-file").arg("file", file)
        } else {
            Phrase::new("key-origin-other").arg("origin", label)
        }
    }
}
