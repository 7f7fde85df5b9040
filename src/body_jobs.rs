//! Body hashes computed by the caller. In a browser, WebCrypto hashes with the CPU's SHA
//! instructions, which WebAssembly cannot use; for large bodies that is several times faster.
//! The caller asks which body hashes a message needs ([`body_hash_jobs`]), gets the canonical
//! body for each canonicalization ([`canonical_body`]), hashes it (the first `limit` bytes when
//! there is one), and passes the results in [`crate::verify::Options::body_hashes`].

use crate::canon::{self, BodyHash};
use crate::input;
use crate::message::Message;
use crate::signature::{Canonicalization, HashAlgorithm, Signature};
use crate::verify::MAX_SIGNATURES;

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

/// The distinct body hashes the valid signatures of `raw` need.
pub fn body_hash_jobs(raw: &[u8]) -> Vec<BodyJob> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    let mut jobs = Vec::new();
    for (_, field) in message.fields("dkim-signature").take(MAX_SIGNATURES) {
        if let Ok(sig) = Signature::parse(field) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyStore;
    use crate::verify::{Options, verify_message};
    use sha2::Digest;

    #[test]
    fn provided_hashes_give_the_same_report() {
        let raw = b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=example.org; s=s; h=from; l=3; bh=AAAA; b=AAAA\r\n\
DKIM-Signature: v=1; a=rsa-sha1; d=example.org; s=s; h=from; bh=AAAA; b=AAAA\r\nFrom: a@example.org\r\n\r\nhello  world \r\n\r\n";
        let jobs = body_hash_jobs(raw);
        assert_eq!(jobs.len(), 2);
        let provided: Vec<ProvidedBodyHash> = jobs
            .iter()
            .map(|&job| {
                let body = canonical_body(raw, job.canon);
                let data = &body[..job.limit.map_or(body.len(), |l| (l as usize).min(body.len()))];
                let digest = match job.hash {
                    HashAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
                    HashAlgorithm::Sha1 => sha1::Sha1::digest(data).to_vec(),
                };
                ProvidedBodyHash { job, digest, canonical_len: body.len() as u64 }
            })
            .collect();
        let keys = KeyStore::new();
        let plain = verify_message(raw, &keys, &Options::at(0));
        let with = verify_message(raw, &keys, &Options { body_hashes: provided, ..Options::at(0) });
        assert_eq!(plain, with);
    }
}
