//! What the JavaScript API (`wasm`) accepts from JavaScript: the verifier's options and the
//! body hashes a caller computed, with their conversions. Plain Rust and serde, compiled on
//! every target, so that the tests and the fuzz target `wasm_json` (fuzz/) exercise natively
//! the same code the page runs: a page may hand over anything.

use crate::crypto::HashAlgorithm;
use crate::dkim::algorithm::Canonicalization;
use crate::dkim::body_hash::{BodyJob, ProvidedBodyHash};
use crate::keys::KeyStore;
use crate::keys::provenance::ADDED_BY_YOU;
use crate::keys::store::ImportError;
use serde::{Deserialize, Serialize};

/// Options accepted by `new Verifier(options)` and `verify(bytes, options)`.
#[derive(Debug, Default, Deserialize)]
pub struct JsOptions {
    /// Extra keys as zone / dig text, archive JSON or zk-email JSON.
    #[serde(default)]
    pub keys: Option<String>,
    /// Judge every signature at this time: unix seconds, or "now". Default: each signature as
    /// of its signing.
    #[serde(default)]
    pub at: Option<JsAt>,
    /// Use the bundled archive (default true).
    #[serde(default)]
    pub bundled: Option<bool>,
    /// Include the body text in reports (default true).
    #[serde(default)]
    pub body: Option<bool>,
    /// Compute the input's SHA-256 in wasm (default true); a worker may do it with WebCrypto.
    #[serde(default, rename = "hashInput")]
    pub hash_input: Option<bool>,
    /// The language of the texts: "en" (default) or "fr".
    #[serde(default)]
    pub lang: Option<String>,
    /// Render the texts (default true); `false` leaves only ids and arguments.
    #[serde(default)]
    pub text: Option<bool>,
}

impl JsOptions {
    /// The keys these options ask for: the bundled archive unless `bundled: false`, plus `keys`.
    pub fn key_store(&self) -> Result<KeyStore, ImportError> {
        let mut keys = if self.bundled.unwrap_or(true) { KeyStore::with_bundled_archive() } else { KeyStore::new() };
        if let Some(text) = self.keys.as_deref().filter(|t| !t.trim().is_empty()) {
            keys.import(text, ADDED_BY_YOU)?;
        }
        Ok(keys)
    }

    /// When to judge: `None` as of signing, `Some(None)` now, `Some(Some(t))` at unix seconds
    /// `t` (negative, NaN: 0). An error for a word other than "now".
    pub fn judging_at(&self) -> Result<Option<Option<u64>>, String> {
        match &self.at {
            None => Ok(None),
            Some(JsAt::Seconds(t)) => Ok(Some(Some(t.max(0.0) as u64))),
            Some(JsAt::Word(w)) if w == "now" => Ok(Some(None)),
            Some(JsAt::Word(w)) => Err(format!("invalid options: at must be unix seconds or \"now\", not \"{w}\"")),
        }
    }
}

/// `at`: unix seconds or the word "now".
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum JsAt {
    /// Unix seconds.
    Seconds(f64),
    /// "now".
    Word(String),
}

/// A body hash job as exchanged with JavaScript: `{canon, hash, limit}` out, with `digest`
/// (hex) and `length` (of the whole canonical body) filled in by the caller.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsBodyJob {
    /// `"simple"` or `"relaxed"`.
    pub canon: String,
    /// `"sha256"` or `"sha1"`.
    pub hash: String,
    /// `l=`, if any.
    pub limit: Option<f64>,
    /// The digest, hex.
    #[serde(default)]
    pub digest: String,
    /// The length of the whole canonical body.
    #[serde(default)]
    pub length: f64,
}

impl From<BodyJob> for JsBodyJob {
    fn from(j: BodyJob) -> Self {
        JsBodyJob {
            canon: j.canon.as_str().to_string(),
            hash: j.hash.as_str().to_string(),
            limit: j.limit.map(|l| l as f64),
            digest: String::new(),
            length: 0.0,
        }
    }
}

impl JsBodyJob {
    /// The body hash the caller computed, or `None` if it is not one (unknown hash, bad hex).
    pub fn provided(&self) -> Option<ProvidedBodyHash> {
        let hash = match self.hash.as_str() {
            "sha256" => HashAlgorithm::Sha256,
            "sha1" => HashAlgorithm::Sha1,
            _ => return None,
        };
        let digest = (0..self.digest.len() / 2)
            .map(|i| u8::from_str_radix(self.digest.get(2 * i..2 * i + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        let job = BodyJob { canon: parse_canon(&self.canon), hash, limit: self.limit.map(|l| l as u64) };
        Some(ProvidedBodyHash { job, digest, canonical_len: self.length as u64 })
    }
}

/// `"relaxed"` → relaxed; anything else → simple.
pub fn parse_canon(canon: &str) -> Canonicalization {
    if canon == "relaxed" { Canonicalization::Relaxed } else { Canonicalization::Simple }
}
