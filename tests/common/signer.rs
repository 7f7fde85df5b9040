//! A DKIM, DomainKeys and ARC signer for tests and the benchmark, built on the library's
//! canonicalization, with keys generated on the spot. It is deliberately simple: it signs what it
//! is told to sign.

#![allow(dead_code)]

use base64::Engine;
use dkimcheck::arc::seal::Seal;
use dkimcheck::arc::sets::Structure;
use dkimcheck::crypto::{HashAlgorithm, Hasher};
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use dkimcheck::dkim::canon;
use dkimcheck::domainkeys::canon::{self as dk_canon, DkCanonicalization};
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

    /// SHA-256 of the public key's DER SubjectPublicKeyInfo as the `rsa` crate encodes it, hex
    /// (RSA keys only: an encoder independent of the one under test).
    pub fn rsa_spki_sha256(&self) -> Option<String> {
        match self {
            TestKey::Rsa(k) => {
                let der = k.to_public_key().to_public_key_der().expect("SPKI");
                Some(sha2::Sha256::digest(der.as_bytes()).iter().map(|b| format!("{b:02x}")).collect())
            }
            TestKey::Ed25519(_) => None,
        }
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
    /// Add `z=` with a copy of the signed header fields.
    pub copy_headers: bool,
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
            copy_headers: false,
        }
    }

    /// The zone line publishing `key` for this spec's selector and domain.
    pub fn zone_line(&self, key: &TestKey) -> String {
        dkimcheck::keys::zone_line(&self.selector, &self.domain, &key.record())
    }
}

/// Returns `message` (CRLF) with a DKIM-Signature field for `spec` prepended.
pub fn sign(message: &[u8], key: &TestKey, spec: &Spec) -> Vec<u8> {
    sign_field(message, key, spec, "DKIM-Signature", "v=1")
}

/// Returns `message` with a signature field `field_name` (DKIM-Signature or
/// ARC-Message-Signature) prepended, its tags starting with `first_tag` (`v=1`, `i=2`).
fn sign_field(message: &[u8], key: &TestKey, spec: &Spec, field_name: &str, first_tag: &str) -> Vec<u8> {
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
        "{first_tag}; a={}; c={}/{}; d={}; s={};\r\n\th={};",
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
    if spec.copy_headers {
        let mut copies = Vec::new();
        let mut used = Vec::new();
        for name in &spec.headers {
            let found = parsed.headers.iter().enumerate().rev().find(|(i, h)| h.is(name) && !used.contains(i));
            if let Some((i, h)) = found {
                used.push(i);
                copies.push(format!(
                    "{}:{}",
                    String::from_utf8_lossy(h.name),
                    dkim_quoted_printable(h.value.trim_ascii())
                ));
            }
        }
        tags.push_str(&format!("\r\n\tz={};", copies.join("|\r\n\t ")));
    }
    tags.push_str(&format!("\r\n\tbh={}; b=", b64(&bh)));
    let unsigned_field = format!("{field_name}: {tags}\r\n");
    let own = Message::parse(unsigned_field.as_bytes());
    let (data, _) = canon::signed_header_data(&parsed, &spec.headers, spec.header_canon, &own.headers[0]);
    let digest = match spec.algorithm.hash() {
        HashAlgorithm::Sha1 => sha1::Sha1::digest(&data).to_vec(),
        HashAlgorithm::Sha256 => sha2::Sha256::digest(&data).to_vec(),
    };
    let signature = b64(&key.sign_digest(spec.algorithm, &digest));
    let mut out = format!("{field_name}: {tags}{}\r\n", fold(&signature)).into_bytes();
    out.extend_from_slice(message);
    out
}

/// A base64 value folded across lines, as signers do.
fn fold(value: &str) -> String {
    let parts: Vec<&str> = value.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or("")).collect();
    parts.join("\r\n\t ")
}

/// Returns `message` with a DomainKey-Signature (RFC 4870, rsa-sha1) by `selector`/`domain`
/// prepended: canonicalization `canon`, with `h=` when `headers` is given.
pub fn sign_domainkeys(
    message: &[u8],
    key: &TestKey,
    domain: &str,
    selector: &str,
    canon: DkCanonicalization,
    headers: Option<&[&str]>,
) -> Vec<u8> {
    let mut tags = format!("a=rsa-sha1; q=dns; c={}; d={domain}; s={selector};", canon.as_str());
    if let Some(h) = headers {
        tags.push_str(&format!("\r\n\th={};", h.join(":")));
    }
    // What the signature covers is what follows it: hash the message as a verifier sees it.
    let mut with_placeholder = b"DomainKey-Signature: x=y\r\n".to_vec();
    with_placeholder.extend_from_slice(message);
    let parsed = Message::parse(&with_placeholder);
    let names: Option<Vec<String>> = headers.map(|h| h.iter().map(|n| n.to_ascii_lowercase()).collect());
    let fields = dk_canon::presented_fields(&parsed, 0, names.as_deref());
    let mut hasher = Hasher::new(HashAlgorithm::Sha1);
    dk_canon::hash_message(&mut hasher, &parsed, &fields, canon);
    let signature = b64(&key.sign_digest(Algorithm::RsaSha1, &hasher.finish()));
    let mut out = format!("DomainKey-Signature: {tags}\r\n\tb={};\r\n", fold(&signature)).into_bytes();
    out.extend_from_slice(message);
    out
}

/// One hop that adds an ARC set.
pub struct ArcHop<'k> {
    /// The sealer's key (used for the message signature and the seal).
    pub key: &'k TestKey,
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// The Authentication-Results payload this hop records (`mx.example; dkim=pass header.d=...`).
    pub results: String,
    /// `cv=`; `None`: what the chain requires (`none` for the first set, `pass` after).
    pub cv: Option<String>,
    /// The algorithm of the message signature and the seal.
    pub algorithm: Algorithm,
}

impl<'k> ArcHop<'k> {
    /// A hop by `domain` with selector `arc`, rsa-sha256, recording `results`.
    pub fn new(key: &'k TestKey, domain: &str, results: &str) -> Self {
        ArcHop {
            key,
            domain: domain.into(),
            selector: "arc".into(),
            results: results.into(),
            cv: None,
            algorithm: Algorithm::RsaSha256,
        }
    }

    /// The zone line publishing this hop's key.
    pub fn zone_line(&self) -> String {
        dkimcheck::keys::zone_line(&self.selector, &self.domain, &self.key.record())
    }
}

/// Returns `message` with the next ARC set by `hop` on top (ARC-Seal, ARC-Message-Signature,
/// ARC-Authentication-Results), signed over the message as it is.
pub fn arc_seal(message: &[u8], hop: &ArcHop<'_>) -> Vec<u8> {
    let instance = match dkimcheck::arc::sets::collect(&Message::parse(message)) {
        Structure::Sets(sets) => sets.len() as u32 + 1,
        Structure::None => 1,
        Structure::Broken(b) => b.instances + 1,
    };
    let aar = format!("ARC-Authentication-Results: i={instance}; {}\r\n", hop.results);
    let mut with_aar = aar.into_bytes();
    with_aar.extend_from_slice(message);
    let mut spec = Spec::new(hop.algorithm);
    spec.domain = hop.domain.clone();
    spec.selector = hop.selector.clone();
    spec.headers = ["from", "to", "subject", "date", "dkim-signature"].iter().map(|s| s.to_string()).collect();
    let with_ams = sign_field(&with_aar, hop.key, &spec, "ARC-Message-Signature", &format!("i={instance}"));
    let cv = hop.cv.clone().unwrap_or_else(|| if instance == 1 { "none".into() } else { "pass".into() });
    let tags = format!(
        "i={instance}; a={}; cv={cv}; d={}; s={}; t=1600000000;\r\n\tb=",
        hop.algorithm.as_str(),
        hop.domain,
        hop.selector
    );
    let mut placeholder = format!("ARC-Seal: {tags}AAAA\r\n").into_bytes();
    placeholder.extend_from_slice(&with_ams);
    let parsed = Message::parse(&placeholder);
    let digest = match dkimcheck::arc::sets::collect(&parsed) {
        Structure::Sets(sets) => {
            let seal = Seal::parse(&parsed.headers[0]).expect("the seal placeholder parses");
            let last = sets.iter().position(|s| s.seal == 0).expect("the new seal is a set");
            seal.digest(&parsed, &sets, last)
        }
        // A chain the test broke on purpose: seal what is there (the seal itself will not count).
        _ => vec![0; 32],
    };
    let signature = b64(&hop.key.sign_digest(hop.algorithm, &digest));
    let mut out = format!("ARC-Seal: {tags}{}\r\n", fold(&signature)).into_bytes();
    out.extend_from_slice(&with_ams);
    out
}

/// dkim-quoted-printable (RFC 6376 §2.11) for `z=`: everything but plain printable characters
/// as `=XX`.
fn dkim_quoted_printable(value: &[u8]) -> String {
    value
        .iter()
        .map(|&b| match b {
            b'!'..=b'~' if !matches!(b, b';' | b'|' | b'=' | b':') => (b as char).to_string(),
            _ => format!("={b:02X}"),
        })
        .collect()
}
