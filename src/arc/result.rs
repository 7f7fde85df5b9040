//! What ARC chain validation yields: the chain's result (RFC 8617 §4.4) with the step that
//! decided a failure, and per ARC set the sealing domain, whether its seal and message signature
//! verify, and what its `ARC-Authentication-Results` said. The report layer adds the wording.

use super::auth_results::AuthResults;
use crate::dkim::result::{KeyUsed, Verdict};
use crate::l10n::Phrase;
use serde::Serialize;

/// The step of RFC 8617 §5.2 that failed (the `why` of the test vectors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArcStep {
    /// Steps 1 and 3.1–3.2: an unreadable instance number, a set without exactly one of each
    /// field, a gap in 1..N, more than 50 sets.
    Structure,
    /// Steps 2 and 3.3: the newest seal says `cv=fail`, or a `cv=` is not what its place in the
    /// chain requires.
    Cv,
    /// Step 4: the newest message signature's body hash does not match the body.
    AmsBody,
    /// Step 4: the newest message signature is invalid or does not verify.
    AmsHeader,
    /// Steps 4 and 6: a key is missing or unusable.
    Key,
    /// Step 6: a seal is invalid or does not verify.
    Seal,
}

/// The chain as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArcReport {
    /// `pass`, `fail` or `none` (no ARC header field); `neutral` when a key it needs is not
    /// known here (offline), `temperror` when a key lookup failed.
    pub result: Verdict,
    /// Stable reason code: `verified`, `no_arc`, and for failures the precise cause
    /// (`incomplete_set`, `chain_marked_failed`, `body_changed`, `seal_mismatch`, `no_key`, ...).
    pub reason: &'static str,
    /// The step that decided a failure.
    pub category: Option<ArcStep>,
    /// N, the highest valid instance number (0 without ARC).
    pub instances: u32,
    /// The instance where the deciding step failed, when it has one.
    pub failed_instance: Option<u32>,
    /// RFC 8617 §5.2 step 5, for a passing chain: 0 when every message signature verifies,
    /// otherwise the oldest instance from which they all do.
    pub oldest_pass: Option<u32>,
    /// Plain sentences for a non-expert (chosen by the report layer).
    pub explanation: Phrase,
    /// The precise technical reason, when there is one.
    pub detail: Option<Phrase>,
    /// One entry per instance, 1 first.
    pub sets: Vec<ArcSetReport>,
    /// Signatures that fail here but that a hop of this (validated) chain reported valid.
    pub corroborations: Vec<Corroboration>,
}

impl ArcReport {
    /// The report for a message without ARC header fields.
    pub fn none() -> Self {
        ArcReport {
            result: Verdict::None,
            reason: "no_arc",
            category: None,
            instances: 0,
            failed_instance: None,
            oldest_pass: None,
            explanation: Phrase::default(),
            detail: None,
            sets: Vec::new(),
            corroborations: Vec::new(),
        }
    }

    /// True when the chain validated.
    pub fn passed(&self) -> bool {
        self.result == Verdict::Pass
    }
}

/// One ARC set (instance).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArcSetReport {
    /// The instance number `i=`.
    pub instance: u32,
    /// The sealing domain (`d=` of the ARC-Seal).
    pub sealer: Option<String>,
    /// The seal's selector.
    pub seal_selector: Option<String>,
    /// The seal's `cv=` as written.
    pub cv: Option<String>,
    /// Whether the seal verifies (`None`: not checked).
    pub seal_valid: Option<bool>,
    /// The key the seal was checked with.
    pub seal_key: Option<KeyUsed>,
    /// The message signature's domain (`d=` of the ARC-Message-Signature).
    pub signer: Option<String>,
    /// Whether the message signature verifies over the message as it is now (`None`: not checked).
    pub message_signature_valid: Option<bool>,
    /// Whether its body hash matches the body as it is now (`None`: not computed).
    pub body_hash_matches: Option<bool>,
    /// The key the message signature was checked with.
    pub message_signature_key: Option<KeyUsed>,
    /// What this hop's authentication service recorded (its ARC-Authentication-Results).
    pub authentication_results: Option<AuthResults>,
    /// One plain sentence about this hop (chosen by the report layer).
    pub summary: Phrase,
}

/// A signature that fails here, reported valid by a hop of a validated ARC chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corroboration {
    /// `dkim` or `domainkeys`.
    pub mechanism: &'static str,
    /// The signature's position among the message's signatures of that mechanism.
    pub signature_index: usize,
    /// The signing domain.
    pub domain: String,
    /// The ARC instance whose record says it was valid (the earliest one).
    pub instance: u32,
    /// That set's sealing domain.
    pub sealer: Option<String>,
    /// The server that recorded it.
    pub authserv_id: String,
    /// The hop's own ARC message signature still matches the message: the hop changed the
    /// message itself before passing it on. `false`: it changed after the hop.
    pub changed_by_this_hop: bool,
    /// Plain sentences (chosen by the report layer).
    pub explanation: Phrase,
}
