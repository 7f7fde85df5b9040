//! What evaluating one `DKIM-Signature` yields: an RFC 8601 result, a stable reason code, the
//! step that decided it, what was checked, the key used, and warnings. The report layer adds
//! the wording.

use super::assessment::{Assessment, Status};
use super::copied_headers::CopiedHeader;
use super::judging::JudgedAt;
use super::repair::Repair;
use super::signature::{Signature, SignatureLabel};
use crate::keys::{KeyFlag, Provenance};
use crate::l10n::Phrase;
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
    /// Stable code: `sha1`, `compromised_key`, `recovered_key`, `testing_key`,
    /// `unsigned_header`, `extra_header_instance`, `partial_body`, `future_timestamp`,
    /// `key_date_window`, `expired_since`.
    pub code: &'static str,
    /// One plain sentence (chosen by the report layer): `id`, `args` and, once rendered, `text`.
    #[serde(flatten)]
    pub message: Phrase,
    /// What the warning is about, with the facts its wording needs.
    #[serde(skip)]
    pub kind: WarningKind,
}

impl Warning {
    /// A warning of this kind, not yet worded.
    pub fn new(kind: WarningKind) -> Self {
        Warning { code: kind.code(), message: Phrase::default(), kind }
    }
}

/// What a warning is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The signature uses rsa-sha1.
    Sha1,
    /// The key's private half is public.
    CompromisedKey,
    /// The key was rebuilt from signatures.
    RecoveredKey,
    /// The key record has `t=y`.
    TestingKey,
    /// Important header fields present but not signed.
    UnsignedHeader {
        /// Their lower-case names.
        names: Vec<&'static str>,
    },
    /// A signed field is present more times than signed.
    ExtraHeaderInstance {
        /// Lower-case name.
        name: String,
        /// Instances in the message.
        present: usize,
        /// Instances signed.
        listed: usize,
    },
    /// `l=` leaves part of the body unsigned.
    PartialBody {
        /// Bytes signed.
        signed: u64,
        /// Bytes after the limit.
        unsigned: u64,
    },
    /// The message's Date is outside the key's known window.
    KeyDateWindow,
    /// `t=` is in the future.
    FutureTimestamp,
    /// `x=` has passed since the signature was judged (as of signing): information, not a
    /// failure.
    ExpiredSince {
        /// `x=` (unix seconds).
        expires: u64,
    },
}

impl WarningKind {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            WarningKind::Sha1 => "sha1",
            WarningKind::CompromisedKey => "compromised_key",
            WarningKind::RecoveredKey => "recovered_key",
            WarningKind::TestingKey => "testing_key",
            WarningKind::UnsignedHeader { .. } => "unsigned_header",
            WarningKind::ExtraHeaderInstance { .. } => "extra_header_instance",
            WarningKind::PartialBody { .. } => "partial_body",
            WarningKind::KeyDateWindow => "key_date_window",
            WarningKind::FutureTimestamp => "future_timestamp",
            WarningKind::ExpiredSince { .. } => "expired_since",
        }
    }
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
    /// SHA-256 of the key as a DER SubjectPublicKeyInfo, hex: the key's fingerprint.
    pub spki_sha256: String,
    /// Where it came from, when it was seen, flags and notes (flattened into the JSON).
    #[serde(flatten)]
    pub provenance: Provenance,
    /// The period the key was seen in public sources, in words (from `first_seen` and
    /// `last_seen`: "from January 2012 to March 2016"); `None` when no date is known. Boxed:
    /// a key is in every key step's outcome, which stays small.
    pub seen: Option<Box<Phrase>>,
    /// Where the key came from, in words (from `origin`: "the bundled archive of public keys",
    /// "added by you"...). Boxed like `seen`.
    pub origin_words: Box<Phrase>,
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
        self.provenance.flags.contains(&KeyFlag::Compromised)
    }

    /// An RSA key under 1024 bits: cheap to factor; RFC 8301 §3.2 forbids treating a
    /// signature under it as valid.
    pub fn short(&self) -> bool {
        self.key_type == "rsa" && self.bits < 1024
    }
}

/// At most this many characters of an unsigned body tail are kept in a report.
pub const MAX_UNSIGNED_TAIL_CHARS: usize = 4_000;

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
    pub explanation: Phrase,
    /// The precise technical reason, when there is one.
    pub detail: Option<Phrase>,
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
    /// The time `t=` and `x=` were judged at, and where it came from (`None`: not parsed).
    pub judged_at: Option<JudgedAt>,
    /// `l=`.
    pub body_length: Option<u64>,
    /// Canonical body bytes after the `l=` limit, not covered by the signature.
    pub body_unsigned_bytes: u64,
    /// Those bytes as text (canonical form, at most [`MAX_UNSIGNED_TAIL_CHARS`] characters), so
    /// that a reader can see where the signed part of the body ends.
    pub unsigned_body_tail: Option<String>,
    /// For a failed signature: the known, harmless change whose undoing makes it verify (the
    /// result stays `fail`).
    pub repair: Option<Repair>,
    /// The key used, if one was.
    pub key: Option<KeyUsed>,
    /// Warnings that change what the result means.
    pub warnings: Vec<Warning>,
    /// `z=`: the header fields as the signer copied them, compared with the current ones.
    pub copied_headers: Vec<CopiedHeader>,
    /// What a person may conclude from this signature (filled in by the report layer).
    pub assessment: Assessment,
    /// Indexes (into the message's header fields) of the fields this signature covers.
    #[serde(skip)]
    pub covered_fields: Vec<usize>,
}

impl SignatureReport {
    /// The report of a signature not evaluated yet: what could be read of its label, and a
    /// `permerror` until a step decides otherwise.
    pub fn unevaluated(index: usize, label: SignatureLabel) -> Self {
        SignatureReport {
            index,
            domain: label.domain,
            selector: label.selector,
            algorithm: label.algorithm,
            canonicalization: label.canonicalization,
            result: Verdict::Permerror,
            reason: "",
            category: None,
            explanation: Phrase::default(),
            detail: None,
            body_hash_matches: None,
            header_signature_valid: None,
            signed_headers: Vec::new(),
            unsigned_headers: Vec::new(),
            identity: None,
            timestamp: None,
            expires: None,
            valid_at_message_date: None,
            judged_at: None,
            body_length: None,
            body_unsigned_bytes: 0,
            unsigned_body_tail: None,
            repair: None,
            key: None,
            warnings: Vec::new(),
            copied_headers: Vec::new(),
            assessment: Assessment::without_signature(Status::Invalid),
            covered_fields: Vec::new(),
        }
    }

    /// Records the tags of a signature that parsed.
    pub fn record_tags(&mut self, sig: &Signature) {
        self.domain = Some(sig.domain.clone());
        self.selector = Some(sig.selector.clone());
        self.algorithm = Some(sig.algorithm.as_str().to_string());
        self.canonicalization = Some(sig.canonicalization());
        self.signed_headers = sig.signed_headers.iter().map(|h| h.to_ascii_lowercase()).collect();
        self.identity = sig.identity.clone();
        self.timestamp = sig.timestamp;
        self.expires = sig.expires;
        self.body_length = sig.body_length;
    }

    /// Sets a non-pass result with its reason code, deciding step and technical detail.
    pub fn set_error(&mut self, verdict: Verdict, code: &'static str, category: Category, detail: Phrase) {
        self.result = verdict;
        self.reason = code;
        self.category = Some(category);
        self.detail = Some(detail);
    }
}
