//! What verification returns: a [`MessageReport`] per message with a [`SignatureReport`] per
//! `DKIM-Signature`, serializable as the CLI's JSON Lines and the page's objects.

use crate::keys::Provenance;
use crate::summary::Summary;
use serde::Serialize;
use std::fmt;

/// An RFC 8601 DKIM result (`none` only for a message without signatures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The signature verified.
    Pass,
    /// The signature did not verify: something signed changed (or another key was used).
    Fail,
    /// The signature could not be checked here (no key known offline).
    Neutral,
    /// Signed, but not acceptable under a policy (not produced by this verifier).
    Policy,
    /// A temporary error (key lookup failed); trying again may succeed.
    Temperror,
    /// A permanent error: malformed or expired signature, unusable or missing key.
    Permerror,
    /// No DKIM signature.
    None,
}

impl Verdict {
    /// The RFC 8601 word.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Neutral => "neutral",
            Verdict::Policy => "policy",
            Verdict::Temperror => "temperror",
            Verdict::Permerror => "permerror",
            Verdict::None => "none",
        }
    }

    /// Rank for choosing a message's overall verdict: lower is better.
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
            Verdict::Neutral => 2,
            Verdict::Policy => 3,
            Verdict::Temperror => 4,
            Verdict::Permerror => 5,
            Verdict::None => 6,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which step of verification decided a non-pass result (RFC 6376 §6.1 order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The signature itself is malformed or unsupported.
    Syntax,
    /// The signature expired (`x=`).
    Expired,
    /// The key could not be found or fetched.
    Dns,
    /// The key record is unusable.
    Key,
    /// The body hash does not match.
    Body,
    /// The header signature does not verify.
    Header,
}

/// A warning that changes what a result means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable code: `sha1`, `weak_key`, `compromised_key`, `recovered_key`, `testing_key`,
    /// `unsigned_header`, `extra_header_instance`, `partial_body`, `future_timestamp`,
    /// `key_date_window`, `mbox_quoting`.
    pub code: &'static str,
    /// One plain sentence.
    pub text: String,
}

/// The key a signature was checked with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyUsed {
    /// `selector._domainkey.domain`.
    pub name: String,
    /// `rsa` or `ed25519`.
    pub key_type: &'static str,
    /// Key size in bits.
    pub bits: u32,
    /// Where it came from, when it was seen, flags and notes (flattened into the JSON).
    #[serde(flatten)]
    pub provenance: Provenance,
    /// Whether the message's Date falls in the key's known window (`None`: unknown).
    pub date_in_window: Option<bool>,
    /// The record has `t=y` (testing).
    pub testing: bool,
    /// How many candidate keys were known for this name.
    pub candidates: usize,
}

impl KeyUsed {
    /// The private half of this key is public: a signature under it proves nothing.
    pub fn compromised(&self) -> bool {
        self.provenance.flags.contains(&crate::keys::KeyFlag::Compromised)
    }

    /// An RSA key under 1024 bits: cheap to factor.
    pub fn short(&self) -> bool {
        self.key_type == "rsa" && self.bits < 1024
    }
}

/// The result for one `DKIM-Signature` field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignatureReport {
    /// Position among the message's DKIM-Signature fields (0 = top).
    pub index: usize,
    /// `d=` (as far as it could be read).
    pub domain: Option<String>,
    /// `s=`.
    pub selector: Option<String>,
    /// `a=`.
    pub algorithm: Option<String>,
    /// `c=` as `header/body`.
    pub canonicalization: Option<String>,
    /// The RFC 8601 result.
    pub result: Verdict,
    /// Stable machine reason code (`verified`, `body_changed`, `no_key`, `expired`, ...).
    pub reason: &'static str,
    /// The step that decided a non-pass result.
    pub category: Option<Category>,
    /// One plain sentence for a non-expert.
    pub explanation: String,
    /// The precise technical reason, when there is one.
    pub detail: Option<String>,
    /// Whether the body hash (`bh=`) matches the body (`None`: not computed).
    pub body_hash_matches: Option<bool>,
    /// Whether the header signature (`b=`) verifies with the key (`None`: not checked).
    pub header_signature_valid: Option<bool>,
    /// `h=`: the signed header field names, lower-case, as listed.
    pub signed_headers: Vec<String>,
    /// Header fields present in the message but not signed (lower-case, distinct).
    pub unsigned_headers: Vec<String>,
    /// `i=`.
    pub identity: Option<String>,
    /// `t=`.
    pub timestamp: Option<u64>,
    /// `x=`.
    pub expires: Option<u64>,
    /// For an expired signature: whether it verified and had not yet expired at the message's Date.
    pub valid_at_message_date: Option<bool>,
    /// `l=`.
    pub body_length: Option<u64>,
    /// Canonical body bytes after the `l=` limit, not covered by the signature.
    pub body_unsigned_bytes: u64,
    /// The body matched only after undoing mbox `>From ` quoting.
    pub mbox_unquoted: bool,
    /// The key used, if one was.
    pub key: Option<KeyUsed>,
    /// Warnings that change what the result means.
    pub warnings: Vec<Warning>,
    /// Indexes (into the message's header fields) of the fields this signature covers.
    #[serde(skip)]
    pub covered_fields: Vec<usize>,
}

/// One header field, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderView {
    /// Field name as written.
    pub name: String,
    /// Value, unfolded.
    pub value: String,
    /// Covered by a passing signature (or, when none passes, by the first valid one).
    pub signed: bool,
}

/// The result for one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageReport {
    /// Where the message came from (`leak.zip!folder/1.eml`, `-` for stdin).
    pub source: String,
    /// SHA-256 of the input bytes, hex.
    pub sha256: String,
    /// Input size in bytes.
    pub size: usize,
    /// Overall result: the best signature result, `none` without signatures.
    pub verdict: Verdict,
    /// One plain sentence for the banner.
    pub summary: String,
    /// Why the input could not be read as a message, if it could not.
    pub error: Option<String>,
    /// Domain of the From address.
    pub from_domain: Option<String>,
    /// Whether a passing signature's `d=` is the From domain or a parent/subdomain of it.
    pub aligned: Option<bool>,
    /// Notes on how the input was read (LF converted, mbox line skipped, ...).
    pub notes: Vec<String>,
    /// From, To, Date, Subject, body text, attachments.
    pub message: Summary,
    /// Every header field, in order, with whether it is signed.
    pub headers: Vec<HeaderView>,
    /// One entry per DKIM-Signature field, top first.
    pub signatures: Vec<SignatureReport>,
    /// Signatures beyond the limit, not evaluated.
    pub skipped_signatures: usize,
}

impl MessageReport {
    /// The report as one line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// True when the message has a passing signature.
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Pass
    }

    /// True when the message passes only through keys that prove little: keys whose private
    /// half is public, or RSA keys under 1024 bits.
    pub fn passes_only_with_weak_keys(&self) -> bool {
        self.passed()
            && self
                .signatures
                .iter()
                .filter(|s| s.result == Verdict::Pass)
                .all(|s| s.key.as_ref().is_some_and(|k| k.compromised() || k.short()))
    }
}
