//! What recovery needs of one signature, read from a message: the signature's bytes, the hash
//! it signs (the header hash, computed as verification computes it), and where and when the
//! message was signed. Only RSA signatures whose key is not known are taken.

use crate::crypto::{HashAlgorithm, KeyType};
use crate::dkim::MAX_SIGNATURES;
use crate::dkim::evaluate::header_hash;
use crate::dkim::signature::Signature;
use crate::keys::archive::RecoveredMessage;
use crate::keys::record_name;
use crate::keys::store::{KeyStore, Lookup};
use crate::message::summary::date_unix;
use crate::message::{Message, input};
use crate::text::civil_date::unix_to_date;
use crate::text::hex;
use sha2::{Digest, Sha256};

/// One RSA signature with no known key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// `d=`, lower-case.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// The hash of `a=`.
    pub hash: HashAlgorithm,
    /// `b=` decoded.
    pub signature: Vec<u8>,
    /// The header hash `b=` signs.
    pub header_hash: Vec<u8>,
    /// The message it came from.
    pub message: RecoveredMessage,
}

impl Sample {
    /// `selector._domainkey.domain`.
    pub fn key_name(&self) -> String {
        record_name(&self.selector, &self.domain)
    }
}

/// The RSA signatures of the raw message `raw` (read from `source`) whose key `keys` does not
/// know (up to [`MAX_SIGNATURES`], as verification). Malformed signatures are skipped.
pub fn samples(raw: &[u8], source: &str, keys: &KeyStore) -> Vec<Sample> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    let mut out = Vec::new();
    let mut sha256 = None;
    let mut message_date = None;
    for (field_index, field) in message.fields("dkim-signature").take(MAX_SIGNATURES) {
        let Ok(sig) = Signature::parse(field) else { continue };
        if sig.algorithm.key_type() != KeyType::Rsa || sig.signature.is_empty() {
            continue;
        }
        if matches!(keys.lookup(&sig.key_name()), Lookup::Found(_)) {
            continue;
        }
        let (digest, _) = header_hash(&message, &sig, field_index);
        let (unix, from) = match sig.timestamp.and_then(|t| i64::try_from(t).ok()) {
            Some(t) => (Some(t), Some("t=")),
            None => {
                let date = *message_date.get_or_insert_with(|| date_unix(&message));
                (date, date.map(|_| "Date"))
            }
        };
        out.push(Sample {
            domain: sig.domain.clone(),
            selector: sig.selector.clone(),
            hash: sig.algorithm.hash(),
            signature: sig.signature,
            header_hash: digest,
            message: RecoveredMessage {
                source: source.to_string(),
                sha256: sha256.get_or_insert_with(|| hex::encode(&Sha256::digest(raw))).clone(),
                date: unix.map(unix_to_date),
                date_unix: unix,
                date_from: from.map(str::to_string),
            },
        });
    }
    out
}
