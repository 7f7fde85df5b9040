//! A DKIM signer for tests and the benchmark, built on the library's canonicalization, with keys
//! generated on the spot. It is deliberately simple: it signs what it is told to sign.

#![allow(dead_code)]

use base64::Engine;
use dkimcheck::crypto::HashAlgorithm;
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use dkimcheck::dkim::canon;
use dkimcheck::message::Message;
use rsa::pkcs8::EncodePublicKey;
use sha2::Digest;

/// A private key of either type.
pub enum TestKey {
    /// RSA.
    Rsa(rsa::PrivateKey),
    /// Ed25519.
    Ed25519(ed25519_dalek::SigningKey),
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl TestKey {
    /// A fresh RSA key of `bits` bits (under 1024 allowed, for weak-key tests).
    pub fn rsa(bits: usize) -> TestKey {
        let mut rng = getrandom::SysRng;
        let key = if bits < 1024 {
            rsa::PrivateKey::new_unchecked(&mut rng, bits)
        } else {
            rsa::PrivateKey::new(&mut rng, bits)
        };
        TestKey::Rsa(key.expect("RSA key generation"))
    }

    /// A fresh Ed25519 key.
    pub fn ed25519() -> TestKey {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).expect("random seed");
        TestKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
    }

    /// The DNS TXT record publishing this key.
    pub fn record(&self) -> String {
        match self {
            TestKey::Rsa(k) => {
                let der = k.to_public_key().to_public_key_der().expect("SPKI");
                format!("v=DKIM1; k=rsa; p={}", b64(der.as_bytes()))
            }
            TestKey::Ed25519(k) => format!("v=DKIM1; k=ed25519; p={}", b64(k.verifying_key().as_bytes())),
        }
    }

    fn sign_digest(&self, algorithm: Algorithm, digest: &[u8]) -> Vec<u8> {
        match (self, algorithm) {
            (TestKey::Rsa(k), Algorithm::RsaSha1) => k.pkcs1v15_sign_prehash::<sha1::Sha1>(digest).expect("sign"),
            (TestKey::Rsa(k), _) => k.pkcs1v15_sign_prehash::<sha2::Sha256>(digest).expect("sign"),
            (TestKey::Ed25519(k), _) => {
                use ed25519_dalek::Signer;
                k.sign(digest).to_bytes().to_vec()
            }
        }
    }
}

/// What to sign and how.
#[derive(Clone)]
pub struct Spec {
    pub algorithm: Algorithm,
    pub header_canon: Canonicalization,
    pub body_canon: Canonicalization,
    pub domain: String,
    pub selector: String,
    pub headers: Vec<String>,
    /// `Some(None)`: l= the whole body; `Some(Some(n))`: l=n; `None`: no l=.
    pub body_length: Option<Option<u64>>,
    pub timestamp: Option<u64>,
    pub expires: Option<u64>,
    pub identity: Option<String>,
}

impl Spec {
    /// rsa-sha256, relaxed/relaxed, d=example.org, s=test, h=from:to:subject:date.
    pub fn new(algorithm: Algorithm) -> Spec {
        Spec {
            algorithm,
            header_canon: Canonicalization::Relaxed,
            body_canon: Canonicalization::Relaxed,
            domain: "example.org".into(),
            selector: "test".into(),
            headers: ["from", "to", "subject", "date"].iter().map(|s| s.to_string()).collect(),
            body_length: None,
            timestamp: Some(1_600_000_000),
            expires: None,
            identity: None,
        }
    }

    /// The zone line publishing `key` for this spec's selector and domain.
    pub fn zone_line(&self, key: &TestKey) -> String {
        dkimcheck::keys::zone_line(&self.selector, &self.domain, &key.record())
    }
}

/// Returns `message` (CRLF) with a DKIM-Signature field for `spec` prepended.
pub fn sign(message: &[u8], key: &TestKey, spec: &Spec) -> Vec<u8> {
    let parsed = Message::parse(message);
    let body = parsed.body_bytes();
    let full = canon::body_hash(body, spec.body_canon, spec.algorithm.hash(), None);
    let limit = match spec.body_length {
        Some(None) => Some(full.canonical_len),
        Some(Some(n)) => Some(n),
        None => None,
    };
    let bh = canon::body_hash(body, spec.body_canon, spec.algorithm.hash(), limit).digest;
    let mut tags = format!(
        "v=1; a={}; c={}/{}; d={}; s={};\r\n\th={};",
        spec.algorithm.as_str(),
        spec.header_canon.as_str(),
        spec.body_canon.as_str(),
        spec.domain,
        spec.selector,
        spec.headers.join(":")
    );
    if let Some(i) = &spec.identity {
        tags.push_str(&format!(" i={i};"));
    }
    if let Some(l) = limit {
        tags.push_str(&format!(" l={l};"));
    }
    if let Some(t) = spec.timestamp {
        tags.push_str(&format!(" t={t};"));
    }
    if let Some(x) = spec.expires {
        tags.push_str(&format!(" x={x};"));
    }
    tags.push_str(&format!("\r\n\tbh={}; b=", b64(&bh)));
    let unsigned_field = format!("DKIM-Signature: {tags}\r\n");
    let own = Message::parse(unsigned_field.as_bytes());
    let (data, _) = canon::signed_header_data(&parsed, &spec.headers, spec.header_canon, &own.headers[0]);
    let digest = match spec.algorithm.hash() {
        HashAlgorithm::Sha1 => sha1::Sha1::digest(&data).to_vec(),
        HashAlgorithm::Sha256 => sha2::Sha256::digest(&data).to_vec(),
    };
    let signature = b64(&key.sign_digest(spec.algorithm, &digest));
    // Fold the signature value across lines, as signers do.
    let folded: Vec<&str> = signature.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or("")).collect();
    let mut out = format!("DKIM-Signature: {tags}{}\r\n", folded.join("\r\n\t ")).into_bytes();
    out.extend_from_slice(message);
    out
}
