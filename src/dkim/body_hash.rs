//! Body hashes: computed once per (canonicalization, hash, limit) and shared by a message's
//! signatures ([`BodyCache`]), or computed by the caller.
//!
//! In a browser, WebCrypto hashes with the CPU's SHA instructions, which WebAssembly cannot
//! use; for large bodies that is several times faster. The caller asks which body hashes a
//! message needs ([`body_hash_jobs`]), gets the canonical body for each canonicalization
//! ([`canonical_body`]), hashes it (the first `limit` bytes when there is one), and passes the
//! results to the verifier (`Options::body_hashes` of the library's top module).

use super::MAX_SIGNATURES;
use super::algorithm::Canonicalization;
use super::canon::{self, BodyHash};
use super::signature::{Signature, SignatureField};
use crate::crypto::HashAlgorithm;
use crate::message::{Message, input};
use std::collections::HashMap;

/// Body hashes shared by signatures with the same canonicalization, hash and limit.
#[derive(Default)]
pub struct BodyCache(HashMap<BodyJob, BodyHash>);

impl BodyCache {
    /// A cache holding the hashes the caller computed.
    pub fn with_provided(provided: &[ProvidedBodyHash]) -> Self {
        BodyCache(provided.iter().map(|p| (p.job, p.body_hash())).collect())
    }

    /// The hash of `body` for this canonicalization, hash and limit, computed on first use.
    pub fn get(&mut self, body: &[u8], canon: Canonicalization, hash: HashAlgorithm, limit: Option<u64>) -> &BodyHash {
        self.0.entry(BodyJob { canon, hash, limit }).or_insert_with(|| canon::body_hash(body, canon, hash, limit))
    }
}

/// One body hash a message's signatures need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyJob {
    /// Body canonicalization.
    pub canon: Canonicalization,
    /// Hash function.
    pub hash: HashAlgorithm,
    /// `l=`, if any.
    pub limit: Option<u64>,
}

/// A body hash computed by the caller for a [`BodyJob`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvidedBodyHash {
    /// What was hashed.
    pub job: BodyJob,
    /// The digest of the canonical body (of its first `limit` bytes when there is a limit).
    pub digest: Vec<u8>,
    /// The length of the whole canonical body.
    pub canonical_len: u64,
}

/// The distinct body hashes the valid signatures of `raw` need (DKIM signatures and ARC
/// message signatures).
pub fn body_hash_jobs(raw: &[u8]) -> Vec<BodyJob> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    let mut jobs = Vec::new();
    let dkim = message.fields("dkim-signature").take(MAX_SIGNATURES).map(|(_, f)| (f, SignatureField::Dkim));
    let arc = message
        .fields("arc-message-signature")
        .take(MAX_SIGNATURES)
        .map(|(_, f)| (f, SignatureField::ArcMessageSignature));
    for (field, kind) in dkim.chain(arc) {
        if let Ok(sig) = Signature::parse_as(field, kind) {
            let job = BodyJob { canon: sig.body_canon, hash: sig.algorithm.hash(), limit: sig.body_length };
            if !jobs.contains(&job) {
                jobs.push(job);
            }
        }
    }
    jobs
}

/// The whole canonical body of `raw` (normalized as for verification).
pub fn canonical_body(raw: &[u8], canon: Canonicalization) -> Vec<u8> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    canon::body_canonical(message.body_bytes(), canon)
}

impl ProvidedBodyHash {
    /// As the verifier's own body hash.
    pub(crate) fn body_hash(&self) -> BodyHash {
        BodyHash { digest: self.digest.clone(), canonical_len: self.canonical_len }
    }
}

/// The body with one `>` removed from every line that starts with `>From ` (`>>From `, ...),
/// undoing mbox quoting; `None` when no line is quoted.
pub fn mbox_unquoted(body: &[u8]) -> Option<Vec<u8>> {
    let quoted = |line: &[u8]| {
        let from = line.iter().position(|&b| b != b'>').unwrap_or(line.len());
        from > 0 && line[from..].starts_with(b"From ")
    };
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    for line in body.split_inclusive(|&b| b == b'\n') {
        if quoted(line) {
            out.extend_from_slice(&line[1..]);
            changed = true;
        } else {
            out.extend_from_slice(line);
        }
    }
    changed.then_some(out)
}
