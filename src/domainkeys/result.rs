//! What evaluating one `DomainKey-Signature` yields: an RFC 8601 result and a stable reason code
//! (the same vocabulary as DKIM's where the idea is the same), the step that decided it, the key
//! used and warnings. The report layer adds the wording.

use crate::dkim::assessment::{Assessment, Status};
use crate::dkim::result::{KeyUsed, Verdict, Warning};
use crate::dkim::signature::SignatureLabel;
use crate::l10n::Phrase;
use serde::Serialize;

/// Which step of RFC 4870 §3.7 decided a result other than pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DomainKeyStep {
    /// The signature is malformed or unsupported.
    Syntax,
    /// No sending address, or `d=` is not its domain or a parent of it.
    Domain,
    /// No key record (or the lookup failed).
    Dns,
    /// The key record is unusable.
    Key,
    /// The key's `g=` does not allow the sending address.
    Granularity,
    /// The RSA-SHA1 signature does not verify.
    Signature,
}

/// The result for one `DomainKey-Signature` field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainKeyReport {
    /// Position among the message's DomainKey-Signature fields (0 = top).
    pub index: usize,
    /// `d=` (as far as it could be read).
    pub domain: Option<String>,
    /// `s=`.
    pub selector: Option<String>,
    /// `c=`: `simple` or `nofws`.
    pub canonicalization: Option<String>,
    /// The RFC 8601 result: pass, fail, neutral (no key known here), temperror, permerror.
    pub result: Verdict,
    /// Stable reason code: `verified`, `message_changed`, `no_sending_address`,
    /// `domain_mismatch`, `key_granularity`, `weak_key` (an RSA key under 1024 bits: the
    /// signature is checked, `signature_valid` says whether it matched, but never counts),
    /// `no_key`, and DKIM's syntax and key codes.
    pub reason: &'static str,
    /// The step that decided a non-pass result.
    pub category: Option<DomainKeyStep>,
    /// One plain sentence for a non-expert.
    pub explanation: Phrase,
    /// The precise technical reason, when there is one.
    pub detail: Option<Phrase>,
    /// The sending address the signature vouches for (Sender, else From, among the signed fields).
    pub sending_address: Option<String>,
    /// The names of the signed header fields, lower-case, in the order they were hashed.
    pub signed_headers: Vec<String>,
    /// Whether the RSA-SHA1 signature verifies with the key (`None`: not checked).
    pub signature_valid: Option<bool>,
    /// The key used, if one was.
    pub key: Option<KeyUsed>,
    /// Warnings that change what the result means.
    pub warnings: Vec<Warning>,
    /// What a person may conclude from this signature (filled in by the report layer).
    pub assessment: Assessment,
    /// Indexes (into the message's header fields) of the fields this signature covers.
    #[serde(skip)]
    pub covered_fields: Vec<usize>,
}

impl DomainKeyReport {
    /// The report of a signature not evaluated yet: a `permerror` until a step decides otherwise.
    pub fn unevaluated(index: usize, label: SignatureLabel) -> Self {
        DomainKeyReport {
            index,
            domain: label.domain,
            selector: label.selector,
            canonicalization: label.canonicalization,
            result: Verdict::Permerror,
            reason: "",
            category: None,
            explanation: Phrase::default(),
            detail: None,
            sending_address: None,
            signed_headers: Vec::new(),
            signature_valid: None,
            key: None,
            warnings: Vec::new(),
            assessment: Assessment::without_signature(Status::Invalid),
            covered_fields: Vec::new(),
        }
    }

    /// Sets a non-pass result with its reason code, deciding step and technical detail.
    pub fn set_error(&mut self, verdict: Verdict, code: &'static str, step: DomainKeyStep, detail: Phrase) {
        self.result = verdict;
        self.reason = code;
        self.category = Some(step);
        self.detail = Some(detail);
    }
}
