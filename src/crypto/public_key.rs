//! A parsed public key (RSA or Ed25519) and its type.

use super::error::KeyError;
use super::hash::HashAlgorithm;
use super::rsa::RsaPublicKey;

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
