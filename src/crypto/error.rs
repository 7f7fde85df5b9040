//! Why a public key could not be used, and the size limits that reject one.

use crate::l10n::Phrase;
use std::fmt;

/// Largest RSA modulus accepted, in bits.
pub const MAX_RSA_BITS: u32 = 8192;
/// Largest RSA public exponent accepted, in bits (e < 2^64).
pub const MAX_RSA_EXPONENT_BITS: u32 = 64;

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
