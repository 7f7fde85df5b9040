//! The hash functions DKIM uses (SHA-256, and SHA-1 for old signatures), behind one type.

use crate::budget::{Work, count};
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// Hash function of an algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashAlgorithm {
    /// SHA-256
    Sha256,
    /// SHA-1
    Sha1,
}

impl HashAlgorithm {
    /// The name used in key records' `h=` tag.
    pub fn as_str(self) -> &'static str {
        match self {
            HashAlgorithm::Sha256 => "sha256",
            HashAlgorithm::Sha1 => "sha1",
        }
    }
}

/// A running hash of either algorithm.
#[derive(Clone)]
pub enum Hasher {
    /// SHA-256
    Sha256(Sha256),
    /// SHA-1
    Sha1(Sha1),
}

impl Hasher {
    /// A new hasher for `algorithm`.
    pub fn new(algorithm: HashAlgorithm) -> Self {
        match algorithm {
            HashAlgorithm::Sha256 => Hasher::Sha256(Sha256::new()),
            HashAlgorithm::Sha1 => Hasher::Sha1(Sha1::new()),
        }
    }
    /// Feeds bytes.
    pub fn update(&mut self, data: &[u8]) {
        count(Work::BytesHashed, data.len() as u64);
        match self {
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha1(h) => h.update(data),
        }
    }
    /// The digest.
    pub fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
        }
    }
}
