//! What a person may conclude from a signature or a message: one word ([`Status`]), what it
//! rests on ([`Basis`]) and the caveats a headline must say ([`Caveat`]). These are the data
//! only; `report::assess` computes them, once, for everything a person reads (the CLI's labels,
//! tallies and exit status, the JSON, the page and the widget).

use serde::Serialize;
use std::fmt;

/// One word for what a signature or a message shows. Declared best first: a message takes the
/// best status among its signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A signature verified with a key that is neither compromised nor weak: the signing domain
    /// signed these bytes (see [`Basis`] for the mechanism).
    Verified,
    /// The signature verifies with a key recovered from the messages themselves, known from no
    /// public source (`--recover-keys`, or a `keys recover` output given back with `--keys`): the
    /// messages are consistent with one key, which is never "verified".
    Consistent,
    /// The arithmetic matches, but only with a key anyone can sign with: its private half is
    /// public, or it is an RSA key under 1024 bits (RFC 8301 §3.2).
    ProvesNothing,
    /// The signature does not verify: something signed changed, or it was never made with the key.
    Failed,
    /// The signature could not be checked: no key is known (or the lookup failed).
    NoKey,
    /// The signature cannot be evaluated: malformed, unsupported, unusable key, expired at the
    /// time it was judged.
    Invalid,
    /// The message has no signature.
    Unsigned,
    /// The input could not be read as a message.
    Error,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Status; 8] = [
        Status::Verified,
        Status::Consistent,
        Status::ProvesNothing,
        Status::Failed,
        Status::NoKey,
        Status::Invalid,
        Status::Unsigned,
        Status::Error,
    ];

    /// The word used in JSON and in the page's `data-assessment`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Consistent => "consistent",
            Status::ProvesNothing => "proves_nothing",
            Status::Failed => "failed",
            Status::NoKey => "no_key",
            Status::Invalid => "invalid",
            Status::Unsigned => "unsigned",
            Status::Error => "error",
        }
    }

    /// Only `verified` counts as verified (exit status 0, the "verified" tally, green marks).
    pub fn is_verified(self) -> bool {
        self == Status::Verified
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The mechanism a status rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A DKIM signature (RFC 6376).
    Dkim,
    /// A DomainKeys signature (RFC 4870): a weaker kind of verified (sha1, no body hash), said
    /// in the headline. (Produced once DomainKeys verification lands.)
    #[serde(rename = "domainkeys")]
    DomainKeys,
}

/// Something a headline must say beside the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Caveat {
    /// The signing domain (`d=`) is not the From domain, nor a parent or subdomain of it.
    Misaligned,
    /// The key record has `t=y`: the domain marked it as in testing.
    TestingKey,
    /// The key was added by the user (pasted, a keys file), not taken from the bundled archive:
    /// it is only as good as where it came from.
    UserKey,
    /// The message's Date is outside the period the key was seen in public sources.
    KeyDateWindow,
    /// `l=` leaves the end of the body unsigned.
    PartialBody,
    /// The key's private half is public.
    CompromisedKey,
    /// An RSA key under 1024 bits: anyone can factor it.
    WeakKey,
    /// A failed signature verifies once a known, harmless change is undone (a named repair): still
    /// failed.
    Repaired,
}

/// The assessment of one signature, or of a message (then that of its deciding signature).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The word.
    pub status: Status,
    /// The mechanism of the deciding signature; `null` without one (unsigned, error).
    pub basis: Option<Basis>,
    /// The deciding signature's index (on a signature: its own).
    pub signature: Option<usize>,
    /// The deciding signature's `d=`.
    pub domain: Option<String>,
    /// Whether that `d=` is the From domain or a parent or subdomain of it (`null`: unknown).
    pub aligned: Option<bool>,
    /// The deciding signature's reason code (`verified`, `body_changed`, `weak_key`, `expired`...).
    pub reason: Option<&'static str>,
    /// What the headline must say beside the status.
    pub caveats: Vec<Caveat>,
}

impl Assessment {
    /// An assessment that rests on no signature (`unsigned`, `error`, or not assessed yet).
    pub fn without_signature(status: Status) -> Self {
        Assessment {
            status,
            basis: None,
            signature: None,
            domain: None,
            aligned: None,
            reason: None,
            caveats: Vec::new(),
        }
    }

    /// Whether the headline must say `caveat`.
    pub fn has(&self, caveat: Caveat) -> bool {
        self.caveats.contains(&caveat)
    }
}
