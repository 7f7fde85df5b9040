//! Public-key cryptography: RSA PKCS#1 v1.5 verification (RFC 8017 §8.2.2) and Ed25519
//! (RFC 8032, as used by RFC 8463).
//!
//! The RSA public operation is Montgomery arithmetic ([`montgomery`]), with the Montgomery
//! parameters computed once when a key is parsed. The exponent is public, so the
//! exponentiation runs in variable time (16 squarings and one multiply for e = 65537). The
//! padding is checked by comparing with the expected encoding, never by parsing it.

mod montgomery;

use crate::signature::HashAlgorithm;
use montgomery::{Exponent, Modulus};

/// Largest RSA modulus accepted, in bits.
pub const MAX_RSA_BITS: u32 = 8192;

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
            PublicKey::Rsa(k) => write!(f, "RsaPublicKey({} bits)", k.bits),
            PublicKey::Ed25519(_) => write!(f, "Ed25519PublicKey"),
        }
    }
}

impl PublicKey {
    /// Key strength in bits (RSA modulus size; 256 for Ed25519).
    pub fn bits(&self) -> u32 {
        match self {
            PublicKey::Rsa(k) => k.bits,
            PublicKey::Ed25519(_) => 256,
        }
    }

    /// SHA-256 of the key material (the RSA modulus, or the Ed25519 point), so that one key is
    /// recognized however its record is written.
    pub fn fingerprint(&self) -> [u8; 32] {
        use sha2::Digest;
        let digest = match self {
            PublicKey::Rsa(k) => sha2::Sha256::digest(&k.modulus),
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

/// An RSA public key with precomputed Montgomery parameters.
#[derive(Clone)]
pub struct RsaPublicKey {
    bits: u32,
    /// Big-endian modulus without leading zeros.
    modulus: Vec<u8>,
    montgomery: Modulus,
    exponent: Exponent,
}

const SHA256_PREFIX: &[u8] =
    &[0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
const SHA1_PREFIX: &[u8] = &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14];
const RSA_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

impl RsaPublicKey {
    /// Parses a DER SubjectPublicKeyInfo or a bare PKCS#1 RSAPublicKey.
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        let mut outer = Der::new(der);
        let seq = outer.read(0x30)?;
        let mut inner = Der::new(seq);
        // SubjectPublicKeyInfo starts with an AlgorithmIdentifier SEQUENCE; PKCS#1 with an INTEGER.
        if inner.peek_tag() == Some(0x30) {
            let mut alg = Der::new(inner.read(0x30)?);
            let oid = alg.read(0x06)?;
            if oid != RSA_OID {
                return Err(KeyError::NotRsa(oid.iter().map(|b| format!("{b:02x}")).collect()));
            }
            let bits = inner.read(0x03)?;
            let (&unused, key) = bits.split_first().ok_or(KeyError::Der("empty bit string"))?;
            if unused != 0 {
                return Err(KeyError::Der("bit string with unused bits"));
            }
            let mut pkcs1 = Der::new(key);
            return Self::from_pkcs1_sequence(pkcs1.read(0x30)?);
        }
        Self::from_pkcs1_sequence(seq)
    }

    fn from_pkcs1_sequence(seq: &[u8]) -> Result<Self, KeyError> {
        let mut d = Der::new(seq);
        let n = unsigned(d.read(0x02)?).ok_or(KeyError::Modulus)?;
        let e = unsigned(d.read(0x02)?).ok_or(KeyError::Exponent)?;
        Self::from_components(n, e)
    }

    /// Builds a key from big-endian modulus and exponent bytes.
    pub fn from_components(n: &[u8], e: &[u8]) -> Result<Self, KeyError> {
        let n = n.iter().position(|&b| b != 0).map_or(&n[n.len()..], |i| &n[i..]);
        if n.len() < 2 {
            return Err(KeyError::Modulus);
        }
        if n.len() > (MAX_RSA_BITS / 8) as usize {
            return Err(KeyError::TooLarge(u32::try_from(n.len()).map_or(u32::MAX, |l| l.saturating_mul(8))));
        }
        let bits = (n.len() as u32) * 8 - n[0].leading_zeros();
        if bits > MAX_RSA_BITS {
            return Err(KeyError::TooLarge(bits));
        }
        if bits < 16 {
            return Err(KeyError::Modulus);
        }
        let e = e.iter().position(|&b| b != 0).map_or(&e[e.len()..], |i| &e[i..]);
        if e.is_empty() || e.len() > n.len() || e.last().is_some_and(|b| b % 2 == 0) || e == [1] {
            return Err(KeyError::Exponent);
        }
        let montgomery = Modulus::new(n).ok_or(KeyError::Modulus)?;
        let exponent = montgomery.exponent(e);
        Ok(RsaPublicKey { bits, modulus: n.to_vec(), montgomery, exponent })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// RSASSA-PKCS1-v1_5 verification of `signature` over `digest`.
    pub fn verify_pkcs1v15(&self, hash: HashAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
        let k = self.modulus.len();
        // The signature as a k-byte integer, which must be below the modulus.
        let sig = signature.iter().position(|&b| b != 0).map_or(&signature[signature.len()..], |i| &signature[i..]);
        if signature.is_empty() || sig.len() > k || (sig.len() == k && sig >= self.modulus.as_slice()) {
            return false;
        }
        let em = self.montgomery.pow(sig, &self.exponent, k);
        let prefix = match hash {
            HashAlgorithm::Sha256 => SHA256_PREFIX,
            HashAlgorithm::Sha1 => SHA1_PREFIX,
        };
        expected_encoding_matches(&em, prefix, digest)
    }
}

/// Compares `em` with `0x00 0x01 FF…FF 0x00 || prefix || digest` without building a copy.
fn expected_encoding_matches(em: &[u8], prefix: &[u8], digest: &[u8]) -> bool {
    let t_len = prefix.len() + digest.len();
    if em.len() < t_len + 11 {
        return false;
    }
    let ps_end = em.len() - t_len - 1;
    em[0] == 0
        && em[1] == 1
        && em[2..ps_end].iter().all(|&b| b == 0xff)
        && em[ps_end] == 0
        && &em[ps_end + 1..ps_end + 1 + prefix.len()] == prefix
        && &em[ps_end + 1 + prefix.len()..] == digest
}

/// Strips the sign byte of a DER INTEGER; `None` for a negative or empty integer.
fn unsigned(int: &[u8]) -> Option<&[u8]> {
    match int {
        [] => None,
        [first, ..] if first & 0x80 != 0 => None,
        [0, rest @ ..] => Some(rest),
        all => Some(all),
    }
}

/// A minimal DER reader (definite lengths only).
struct Der<'a> {
    rest: &'a [u8],
}

impl<'a> Der<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Der { rest: bytes }
    }
    fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }
    fn read(&mut self, tag: u8) -> Result<&'a [u8], KeyError> {
        let (&t, rest) = self.rest.split_first().ok_or(KeyError::Der("truncated"))?;
        if t != tag {
            return Err(KeyError::Der("unexpected tag"));
        }
        let (&l0, mut rest) = rest.split_first().ok_or(KeyError::Der("truncated"))?;
        let len = if l0 < 0x80 {
            usize::from(l0)
        } else {
            let n = usize::from(l0 & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return Err(KeyError::Der("bad length"));
            }
            let len = rest[..n].iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            rest = &rest[n..];
            len
        };
        if rest.len() < len {
            return Err(KeyError::Der("truncated"));
        }
        let (value, after) = rest.split_at(len);
        self.rest = after;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_keys_are_refused_not_panicking() {
        // SEQUENCE { INTEGER 0, INTEGER 65537 }
        assert_eq!(
            RsaPublicKey::from_der(&[0x30, 0x08, 0x02, 0x01, 0x00, 0x02, 0x03, 0x01, 0x00, 0x01]).err(),
            Some(KeyError::Modulus)
        );
        assert_eq!(RsaPublicKey::from_components(&[0, 0, 7], &[3]).err(), Some(KeyError::Modulus));
        assert_eq!(RsaPublicKey::from_components(&[0xff, 0xfe], &[3]).err(), Some(KeyError::Modulus));
        assert_eq!(RsaPublicKey::from_components(&[0xff, 0xfd], &[2]).err(), Some(KeyError::Exponent));
    }
}
