//! The algorithms a signature names: `a=` (signing algorithm: key type and hash) and `c=`
//! (canonicalization of the header and the body).

use crate::crypto::{HashAlgorithm, KeyType};

/// Signing algorithm (`a=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// `rsa-sha256`
    RsaSha256,
    /// `rsa-sha1` (RFC 8301 forbids signing with it; verified and flagged)
    RsaSha1,
    /// `ed25519-sha256` (RFC 8463)
    Ed25519Sha256,
}

impl Algorithm {
    /// The `a=` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 => "rsa-sha256",
            Algorithm::RsaSha1 => "rsa-sha1",
            Algorithm::Ed25519Sha256 => "ed25519-sha256",
        }
    }
    /// The hash function.
    pub fn hash(self) -> HashAlgorithm {
        match self {
            Algorithm::RsaSha1 => HashAlgorithm::Sha1,
            _ => HashAlgorithm::Sha256,
        }
    }
    /// The key type it needs.
    pub fn key_type(self) -> KeyType {
        match self {
            Algorithm::Ed25519Sha256 => KeyType::Ed25519,
            _ => KeyType::Rsa,
        }
    }
    /// Reads `a=`. Case-sensitive (RFC 6376 §3.2: values are, unless the tag says otherwise).
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "rsa-sha256" => Some(Algorithm::RsaSha256),
            "rsa-sha1" => Some(Algorithm::RsaSha1),
            "ed25519-sha256" => Some(Algorithm::Ed25519Sha256),
            _ => None,
        }
    }
}

/// Canonicalization algorithm (`c=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Canonicalization {
    /// `simple`
    Simple,
    /// `relaxed`
    Relaxed,
}

impl Canonicalization {
    /// The `c=` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Canonicalization::Simple => "simple",
            Canonicalization::Relaxed => "relaxed",
        }
    }
    /// Reads one half of `c=`. Case-sensitive (RFC 6376 §3.2).
    pub(super) fn parse(value: &str) -> Option<Self> {
        match value {
            "simple" => Some(Canonicalization::Simple),
            "relaxed" => Some(Canonicalization::Relaxed),
            _ => None,
        }
    }
}

/// Reads `c=`: `header/body`, the body part defaulting to simple (RFC 6376 §3.5).
pub(super) fn parse_canonicalization(text: &str) -> Option<(Canonicalization, Canonicalization)> {
    let mut parts = text.split('/');
    let header = parts.next().and_then(Canonicalization::parse);
    let body = match parts.next() {
        None => Some(Canonicalization::Simple),
        Some(b) => Canonicalization::parse(b),
    };
    match (header, body, parts.next()) {
        (Some(h), Some(b), None) => Some((h, b)),
        _ => None,
    }
}
