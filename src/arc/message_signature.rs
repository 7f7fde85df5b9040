//! The `ARC-Message-Signature` (RFC 8617 §4.1.2): a DKIM signature in all but name (no `v=`,
//! `i=` is the instance), checked with DKIM's own parsing, body hashes, header selection and key
//! step. ARC adds three rules: the signature may not cover ARC-Seal fields, rsa-sha1 is refused
//! (RFC 8301), and so are RSA keys under 1024 bits.

use crate::crypto::{Hasher, KeyType};
use crate::dkim::algorithm::Algorithm;
use crate::dkim::body_hash::BodyCache;
use crate::dkim::canon::{signed_header_data, without_range};
use crate::dkim::key_check::{ExtraKeyRule, KeyOutcome, KeyRequest, check_key_for};
use crate::dkim::result::{KeyUsed, Verdict};
use crate::dkim::signature::{Signature, SignatureField};
use crate::keys::KeyStore;
use crate::keys::record::KeyRecord;
use crate::l10n::Phrase;
use crate::message::{HeaderField, Message};

/// What checking one ARC-Message-Signature gave.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageSignatureCheck {
    /// It verifies.
    Valid {
        /// The `d=` domain.
        domain: String,
        /// The key used (boxed: it is much larger than the other variants).
        key: Box<KeyUsed>,
    },
    /// The body hash does not match the body (the signature is otherwise well formed).
    BodyChanged {
        /// The `d=` domain.
        domain: String,
    },
    /// Invalid for a reason other than its key: the reason code and detail.
    Invalid(&'static str, Phrase),
    /// Its key is missing or unusable: the result it implies (`permerror` for a key that does
    /// not exist or cannot be used, `neutral` when no key is known here, `temperror`), the
    /// reason code and detail.
    Key(Verdict, &'static str, Phrase),
}

/// The ARC key rule: RSA keys of at least 1024 bits (RFC 8301 §3.2).
pub fn arc_key_rule(record: &KeyRecord) -> Result<(), (&'static str, Phrase)> {
    match (record.key_type, record.bits()) {
        (KeyType::Rsa, bits) if bits < 1024 => {
            Err(("key_too_short", Phrase::new("arc-detail-key-too-short").arg("bits", bits.to_string())))
        }
        _ => Ok(()),
    }
}

/// Checks the ARC-Message-Signature `field`, header field number `field_index` of `message`.
pub fn check(
    message: &Message<'_>,
    field_index: usize,
    keys: &KeyStore,
    bodies: &mut BodyCache,
    message_date: Option<i64>,
) -> MessageSignatureCheck {
    let field: &HeaderField<'_> = &message.headers[field_index];
    let sig = match Signature::parse_as(field, SignatureField::ArcMessageSignature) {
        Ok(sig) => sig,
        Err(e) => return MessageSignatureCheck::Invalid(e.code(), e.phrase()),
    };
    if sig.algorithm == Algorithm::RsaSha1 {
        let detail = Phrase::new("arc-detail-sha1");
        return MessageSignatureCheck::Invalid("sha1_not_allowed", detail);
    }
    if sig.signed_headers.iter().any(|h| h.eq_ignore_ascii_case("arc-seal")) {
        let detail = Phrase::new("arc-detail-signs-seal");
        return MessageSignatureCheck::Invalid("signs_arc_seal", detail);
    }
    let body = bodies.get(message.body_bytes(), sig.body_canon, sig.algorithm.hash(), sig.body_length);
    if sig.body_length.is_some_and(|l| l > body.canonical_len) {
        let detail = Phrase::new("arc-detail-body-length").number("length", body.canonical_len);
        return MessageSignatureCheck::Invalid("body_length_exceeds_body", detail);
    }
    if body.digest != sig.body_hash {
        return MessageSignatureCheck::BodyChanged { domain: sig.domain };
    }
    let blanked = without_range(field, &sig.b_range);
    let own = Message::first_field(&blanked).unwrap_or(*field);
    let (data, _) = signed_header_data(message, &sig.signed_headers, sig.header_canon, &own);
    let mut hasher = Hasher::new(sig.algorithm.hash());
    hasher.update(&data);
    let rule: ExtraKeyRule<'_> = &arc_key_rule;
    match check_key_for(keys, &KeyRequest::for_signature(&sig), &hasher.finish(), message_date, rule) {
        KeyOutcome::Error(verdict, code, _, detail) => MessageSignatureCheck::Key(verdict, code, detail),
        KeyOutcome::Checked { key, valid: true } => {
            MessageSignatureCheck::Valid { domain: sig.domain, key: Box::new(key) }
        }
        KeyOutcome::Checked { valid: false, .. } => {
            MessageSignatureCheck::Invalid("headers_changed", Phrase::new("arc-detail-headers-changed"))
        }
    }
}
