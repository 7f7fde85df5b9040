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
    #[error("the RSA key is not valid DER ({0})")]
    Der(&'static str),
    /// The SubjectPublicKeyInfo is for another algorithm.
    #[error("the key is not an RSA key (algorithm identifier {0})")]
    NotRsa(String),
    /// The modulus is even, zero or otherwise unusable.
    #[error("the RSA modulus is invalid")]
    Modulus,
    /// The public exponent is unusable.
    #[error("the RSA public exponent is invalid")]
    Exponent,
    /// A public exponent of more than [`MAX_RSA_EXPONENT_BITS`] bits: each verification would
    /// cost one modular multiplication per bit (RFC 8301 keys use small exponents, usually
    /// 65537).
    #[error("the RSA public exponent has {0} bits; exponents above 2^64 are refused")]
    ExponentTooLarge(u32),
    /// Larger than [`MAX_RSA_BITS`].
    #[error("the RSA key has {0} bits; keys over 8192 bits are refused")]
    TooLarge(u32),
    /// An Ed25519 key that is not 32 raw bytes.
    #[error("an Ed25519 key must be 32 raw bytes (RFC 8463), this one is {0} bytes")]
    Ed25519Length(usize),
    /// 32 bytes that are not a valid Ed25519 point.
    #[error("the Ed25519 key is not a valid curve point")]
    Ed25519Point,
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
