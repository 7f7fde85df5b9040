//! Public-key cryptography: RSA PKCS#1 v1.5 verification (RFC 8017 §8.2.2) and Ed25519
//! (RFC 8032, as used by RFC 8463).
//!
//! The RSA public operation is Montgomery arithmetic ([`montgomery`]), with the Montgomery
//! parameters computed once when a key is parsed. The exponent is public, so the
//! exponentiation runs in variable time (16 squarings and one multiply for e = 65537). The
//! padding is checked by comparing with the expected encoding, never by parsing it.

mod hash;
mod montgomery;
mod rsa;

pub use hash::{HashAlgorithm, Hasher};
pub use rsa::{RsaPublicKey, pkcs1v15_encoding, spki_der};

use crate::l10n::Phrase;
use std::fmt;

/// Largest RSA modulus accepted, in bits.
pub const MAX_RSA_BITS: u32 = 8192;
/// Largest RSA public exponent accepted, in bits (e < 2^64).
pub const MAX_RSA_EXPONENT_BITS: u32 = 64;

/// Public-key type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// RSA
    Rsa,
    /// Ed25519
    Ed25519,
}

impl KeyType {
    /// The `k=` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::Rsa => "rsa",
            KeyType::Ed25519 => "ed25519",
        }
    }
}

/// Why a public key could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The DER structure is not an RSA SubjectPublicKeyInfo or RSAPublicKey.
    Der(&'static str),
    /// The SubjectPublicKeyInfo is for another algorithm.
    NotRsa(String),
    /// The modulus is even, zero or otherwise unusable.
    Modulus,
    /// The public exponent is unusable.
    Exponent,
    /// A public exponent of more than [`MAX_RSA_EXPONENT_BITS`] bits: each verification would
    /// cost one modular multiplication per bit (RFC 8301 keys use small exponents, usually
    /// 65537).
    ExponentTooLarge(u32),
    /// Larger than [`MAX_RSA_BITS`].
    TooLarge(u32),
    /// An Ed25519 key that is not 32 raw bytes.
    Ed25519Length(usize),
    /// 32 bytes that are not a valid Ed25519 point.
    Ed25519Point,
}

impl KeyError {
    /// What is wrong with the key, in words (technical).
    pub fn phrase(&self) -> Phrase {
        match self {
            KeyError::Der(what) => Phrase::new("key-error-der").arg("what", *what),
            KeyError::NotRsa(oid) => Phrase::new("key-error-not-rsa").arg("oid", oid.as_str()),
            KeyError::Modulus => Phrase::new("key-error-modulus"),
            KeyError::Exponent => Phrase::new("key-error-exponent"),
            KeyError::ExponentTooLarge(bits) => {
                Phrase::new("key-error-exponent-too-large").arg("bits", bits.to_string())
            }
            KeyError::TooLarge(bits) => Phrase::new("key-error-too-large").arg("bits", bits.to_string()),
            KeyError::Ed25519Length(n) => Phrase::new("key-error-ed25519-length").number("length", *n),
            KeyError::Ed25519Point => Phrase::new("key-error-ed25519-point"),
        }
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// A parsed public key, ready to verify many signatures.
#[derive(Clone)]
pub enum PublicKey {
    /// RSA key.
    Rsa(RsaPublicKey),
    /// Ed25519 key.
    Ed25519(ed25519_dalek::VerifyingKey),
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublicKey::Rsa(k) => write!(f, "RsaPublicKey({} bits)", k.bits()),
            PublicKey::Ed25519(_) => write!(f, "Ed25519PublicKey"),
        }
    }
}

impl PublicKey {
    /// Key strength in bits (RSA modulus size; 256 for Ed25519).
    pub fn bits(&self) -> u32 {
        match self {
            PublicKey::Rsa(k) => k.bits(),
            PublicKey::Ed25519(_) => 256,
        }
    }

    /// SHA-256 of the key material (the RSA modulus, or the Ed25519 point), so that one key is
    /// recognized however its record is written.
    pub fn fingerprint(&self) -> [u8; 32] {
        use sha2::Digest;
        let digest = match self {
            PublicKey::Rsa(k) => sha2::Sha256::digest(k.modulus()),
            PublicKey::Ed25519(k) => sha2::Sha256::digest(k.as_bytes()),
        };
        digest.into()
    }

    /// Parses an Ed25519 key: exactly 32 raw bytes.
    pub fn ed25519(bytes: &[u8]) -> Result<Self, KeyError> {
        let raw: &[u8; 32] = bytes.try_into().map_err(|_| KeyError::Ed25519Length(bytes.len()))?;
        ed25519_dalek::VerifyingKey::from_bytes(raw).map(PublicKey::Ed25519).map_err(|_| KeyError::Ed25519Point)
    }

    /// Verifies `signature` over the already computed `digest` of the signed data.
    pub fn verify(&self, hash: HashAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
        match self {
            PublicKey::Rsa(k) => k.verify_pkcs1v15(hash, digest, signature),
            PublicKey::Ed25519(k) => match ed25519_dalek::Signature::from_slice(signature) {
                Ok(sig) => k.verify_strict(digest, &sig).is_ok(),
                Err(_) => false,
            },
        }
    }
}
