//! RSA public keys: DER parsing (SubjectPublicKeyInfo or bare PKCS#1) and RSASSA-PKCS1-v1_5
//! verification (RFC 8017 §8.2.2), the public operation done in [`super::montgomery`].

use super::error::{KeyError, MAX_RSA_BITS, MAX_RSA_EXPONENT_BITS};
use super::hash::HashAlgorithm;
use super::montgomery::{Exponent, Modulus};

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
        spki_der(&self.modulus, &self.public_exponent)
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
        expected_encoding_matches(&em, digest_info_prefix(hash), digest)
    }
}

/// The DER prefix of the DigestInfo for `hash` (RFC 8017 §9.2, note 1).
fn digest_info_prefix(hash: HashAlgorithm) -> &'static [u8] {
    match hash {
        HashAlgorithm::Sha256 => SHA256_PREFIX,
        HashAlgorithm::Sha1 => SHA1_PREFIX,
    }
}

/// The EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2) of `digest` for a `k`-byte modulus:
/// `0x00 0x01 FF…FF 0x00 || DigestInfo`. `None` when `k` is too short for it (§9.2 step 3).
pub fn pkcs1v15_encoding(hash: HashAlgorithm, digest: &[u8], k: usize) -> Option<Vec<u8>> {
    let prefix = digest_info_prefix(hash);
    let t_len = prefix.len() + digest.len();
    if k < t_len + 11 {
        return None;
    }
    let mut em = Vec::with_capacity(k);
    em.extend_from_slice(&[0x00, 0x01]);
    em.resize(k - t_len - 1, 0xff);
    em.push(0x00);
    em.extend_from_slice(prefix);
    em.extend_from_slice(digest);
    Some(em)
}

/// A DER SubjectPublicKeyInfo (rsaEncryption) for the big-endian modulus `n` and exponent `e`:
/// what a DKIM key record's `p=` holds (RFC 6376 §3.6.1). The inverse of
/// [`RsaPublicKey::from_der`].
pub fn spki_der(n: &[u8], e: &[u8]) -> Vec<u8> {
    let mut rsa_key = Vec::new();
    der_write(&mut rsa_key, 0x02, &der_unsigned(n));
    der_write(&mut rsa_key, 0x02, &der_unsigned(e));
    let mut pkcs1 = Vec::new();
    der_write(&mut pkcs1, 0x30, &rsa_key);
    let mut algorithm = Vec::new();
    der_write(&mut algorithm, 0x06, RSA_OID);
    der_write(&mut algorithm, 0x05, &[]);
    let mut bits = vec![0u8];
    bits.extend_from_slice(&pkcs1);
    let mut body = Vec::new();
    der_write(&mut body, 0x30, &algorithm);
    der_write(&mut body, 0x03, &bits);
    let mut out = Vec::new();
    der_write(&mut out, 0x30, &body);
    out
}

/// A DER INTEGER's content for an unsigned big-endian number: no leading zeros, then a zero
/// byte when the top bit is set.
fn der_unsigned(n: &[u8]) -> Vec<u8> {
    let n = n.iter().position(|&b| b != 0).map_or(&[0u8][..], |i| &n[i..]);
    let mut out = Vec::with_capacity(n.len() + 1);
    if n[0] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(n);
    out
}

/// Appends a DER tag, definite length and value.
fn der_write(out: &mut Vec<u8>, tag: u8, value: &[u8]) {
    out.push(tag);
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(value);
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
    fn spki_der_is_read_back_with_the_same_modulus() {
        // An odd 2048-bit number whose top bit is set (DER then needs a leading zero byte).
        let n: Vec<u8> = (0..256).map(|i| if i == 0 { 0xc3 } else { (i * 7) as u8 | 1 }).collect();
        let key = RsaPublicKey::from_der(&spki_der(&n, &[1, 0, 1])).expect("parses"); // ok: test
        assert_eq!((key.modulus(), key.bits()), (n.as_slice(), 2048));
        // The bundled RFC 8463 key, rebuilt from its modulus, is byte-identical.
        let p = crate::text::base64::decode(b"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB").expect("base64"); // ok: test
        let key = RsaPublicKey::from_der(&p).expect("parses"); // ok: test
        assert_eq!(spki_der(key.modulus(), &[1, 0, 1]), p);
    }

    #[test]
    fn the_encoding_is_what_verification_expects() {
        assert_eq!(pkcs1v15_encoding(HashAlgorithm::Sha256, &[7; 32], 61), None);
        let em = pkcs1v15_encoding(HashAlgorithm::Sha256, &[7; 32], 128).expect("fits"); // ok: test
        assert_eq!(em.len(), 128);
        assert!(expected_encoding_matches(&em, SHA256_PREFIX, &[7; 32]));
        let em = pkcs1v15_encoding(HashAlgorithm::Sha1, &[9; 20], 64).expect("fits"); // ok: test
        assert!(expected_encoding_matches(&em, SHA1_PREFIX, &[9; 20]));
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
