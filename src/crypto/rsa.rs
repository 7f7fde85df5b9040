//! RSA public keys: DER parsing (SubjectPublicKeyInfo or bare PKCS#1) and RSASSA-PKCS1-v1_5
//! verification (RFC 8017 §8.2.2), the public operation done in [`super::montgomery`].

use super::montgomery::{Exponent, Modulus};
use super::{HashAlgorithm, KeyError, MAX_RSA_BITS, MAX_RSA_EXPONENT_BITS};

/// An RSA public key with precomputed Montgomery parameters.
#[derive(Clone)]
pub struct RsaPublicKey {
    bits: u32,
    /// Big-endian modulus without leading zeros.
    modulus: Vec<u8>,
    /// Big-endian public exponent without leading zeros.
    public_exponent: Vec<u8>,
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
        let e_bits = (e.len() as u32) * 8 - e[0].leading_zeros();
        if e_bits > MAX_RSA_EXPONENT_BITS {
            return Err(KeyError::ExponentTooLarge(e_bits));
        }
        let montgomery = Modulus::new(n).ok_or(KeyError::Modulus)?;
        let exponent = montgomery.exponent(e);
        Ok(RsaPublicKey { bits, modulus: n.to_vec(), public_exponent: e.to_vec(), montgomery, exponent })
    }

    /// Big-endian modulus without leading zeros.
    pub fn modulus(&self) -> &[u8] {
        &self.modulus
    }

    /// The key as a DER SubjectPublicKeyInfo (RFC 3279 §2.3.1), encoded canonically from the
    /// modulus and exponent, however the record wrote it.
    pub fn spki_der(&self) -> Vec<u8> {
        let pkcs1 = der(0x30, &[der_uint(&self.modulus), der_uint(&self.public_exponent)].concat());
        let algorithm = der(0x30, &[der(0x06, RSA_OID), vec![0x05, 0x00]].concat());
        der(0x30, &[algorithm, der(0x03, &[&[0u8][..], &pkcs1].concat())].concat())
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// RSASSA-PKCS1-v1_5 verification of `signature` over `digest`. The signature must be
    /// exactly k bytes, the modulus's length (RFC 8017 §8.2.2 step 1: a signature with extra
    /// leading zero bytes, or missing its zero top byte, is invalid), and below the modulus.
    pub fn verify_pkcs1v15(&self, hash: HashAlgorithm, digest: &[u8], signature: &[u8]) -> bool {
        let k = self.modulus.len();
        if signature.len() != k || signature >= self.modulus.as_slice() {
            return false;
        }
        let em = self.montgomery.pow(signature, &self.exponent, k);
        let prefix = match hash {
            HashAlgorithm::Sha256 => SHA256_PREFIX,
            HashAlgorithm::Sha1 => SHA1_PREFIX,
        };
        expected_encoding_matches(&em, prefix, digest)
    }
}

/// A DER element: tag, definite length, content.
fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(content);
    out
}

/// A DER INTEGER of a non-negative big-endian number without leading zeros.
fn der_uint(n: &[u8]) -> Vec<u8> {
    if n.first().is_some_and(|&b| b >= 0x80) { der(0x02, &[&[0u8][..], n].concat()) } else { der(0x02, n) }
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

    #[test]
    fn exponents_above_2_to_the_64_are_refused() {
        let n = [0xffu8; 128];
        assert!(RsaPublicKey::from_components(&n, &[0xff; 8]).is_ok());
        assert_eq!(
            RsaPublicKey::from_components(&n, &[1, 0, 0, 0, 0, 0, 0, 0, 1]).err(),
            Some(KeyError::ExponentTooLarge(65))
        );
    }
}
