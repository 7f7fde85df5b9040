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

    /// The key as a DER SubjectPublicKeyInfo (RFC 5280; RFC 8410 for Ed25519), canonically
    /// encoded: its SHA-256 is the usual fingerprint of a public key.
    pub fn spki_der(&self) -> Vec<u8> {
        match self {
            PublicKey::Rsa(k) => k.spki_der(),
            PublicKey::Ed25519(k) => {
                let prefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
                [&prefix[..], k.as_bytes()].concat()
            }
        }
    }

    /// SHA-256 of [`Self::spki_der`], lower-case hex.
    pub fn spki_sha256(&self) -> String {
        use sha2::Digest;
        sha2::Sha256::digest(self.spki_der()).iter().map(|b| format!("{b:02x}")).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    /// RFC 8410 §10.1: the example Ed25519 public key and its SubjectPublicKeyInfo.
    #[test]
    fn ed25519_spki_is_rfc_8410s_example() {
        let raw: Vec<u8> = (0..32)
            .map(|i| {
                u8::from_str_radix(
                    &"19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1"[2 * i..2 * i + 2],
                    16,
                )
            })
            .collect::<Result<_, _>>()
            .expect("hex"); // ok: test
        let key = PublicKey::ed25519(&raw).expect("key"); // ok: test
        let expected = base64::engine::general_purpose::STANDARD
            .decode("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=")
            .expect("base64"); // ok: test
        assert_eq!(key.spki_der(), expected);
    }
}
