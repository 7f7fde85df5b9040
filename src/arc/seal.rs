//! The `ARC-Seal` header field (RFC 8617 §4.1.3): tags `i`, `a`, `b`, `cv`, `d`, `s` (required)
//! and `t`; no `h=` (its presence fails the seal) and no body hash. A seal signs, for every
//! instance up to its own, the ARC-Authentication-Results, ARC-Message-Signature and ARC-Seal
//! fields, relaxed, with its own `b=` emptied (§5.1.1). Canonicalization, hashing and tag rules
//! are DKIM's.

use super::sets::ArcSet;
use crate::crypto::Hasher;
use crate::dkim::algorithm::{Algorithm, Canonicalization};
use crate::dkim::canon::{header_into, own_field_into, without_range};
use crate::dkim::signature::{SignatureError, parse_number};
use crate::l10n::Phrase;
use crate::message::{HeaderField, Message};
use crate::text::base64::decode as decode_base64;
use crate::text::dns_name::is_domain_name;
use crate::text::tag_list::TagList;
use std::fmt;
use std::ops::Range;

/// A valid ARC-Seal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// `a=`.
    pub algorithm: Algorithm,
    /// `d=`, lower-case.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// `b=` decoded.
    pub signature: Vec<u8>,
    /// Where the raw `b=` value sits inside the field's raw bytes.
    pub b_range: Range<usize>,
}

/// Why an ARC-Seal is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// A rule shared with DKIM signatures.
    Signature(#[from] SignatureError),
    /// The seal has an `h=` tag (RFC 8617 §4.1.3: it must fail).
    HeaderTag,
    /// `a=rsa-sha1` (RFC 8301 forbids it).
    Sha1,
}

impl SealError {
    /// What is wrong, in words (technical).
    pub fn phrase(&self) -> Phrase {
        match self {
            SealError::Signature(e) => e.phrase(),
            SealError::HeaderTag => Phrase::new("arc-detail-seal-header-tag"),
            SealError::Sha1 => Phrase::new("arc-detail-seal-sha1"),
        }
    }

    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            SealError::Signature(e) => e.code(),
            SealError::HeaderTag => "seal_has_header_list",
            SealError::Sha1 => "sha1_not_allowed",
        }
    }
}

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

impl Seal {
    /// Parses and validates an ARC-Seal field (its `i=` and `cv=` are read before, leniently).
    pub fn parse(field: &HeaderField<'_>) -> Result<Seal, SealError> {
        let value_offset = field.value.as_ptr() as usize - field.raw.as_ptr() as usize;
        let tags = TagList::parse(field.value).map_err(SignatureError::from)?;
        let required = |name: &'static str| tags.get(name).ok_or(SignatureError::MissingTag(name));
        for name in ["i", "cv"] {
            required(name)?;
        }
        let algorithm_text = String::from_utf8_lossy(required("a")?).into_owned();
        let b = required("b")?;
        let domain = String::from_utf8_lossy(required("d")?).into_owned();
        let selector = String::from_utf8_lossy(required("s")?).into_owned();
        if tags.get("h").is_some() {
            return Err(SealError::HeaderTag);
        }
        let algorithm = Algorithm::parse(&algorithm_text).ok_or(SignatureError::Algorithm(algorithm_text))?;
        if algorithm == Algorithm::RsaSha1 {
            return Err(SealError::Sha1);
        }
        let signature = decode_base64(b).filter(|s| !s.is_empty()).ok_or(SignatureError::Base64("b"))?;
        if !is_domain_name(&domain) {
            return Err(SignatureError::Domain(domain).into());
        }
        if !is_domain_name(&selector) {
            return Err(SignatureError::Selector(selector).into());
        }
        if let Some(t) = tags.get("t") {
            parse_number(t, 20, "t", false)?;
        }
        let b_tag = tags.tag("b").ok_or(SignatureError::MissingTag("b"))?;
        let b_range = value_offset + b_tag.raw_value.start..value_offset + b_tag.raw_value.end;
        Ok(Seal { algorithm, domain: domain.to_lowercase(), selector, signature, b_range })
    }

    /// The hash of what the seal of `sets[last]` signs: the three fields of every set up to it,
    /// relaxed, its own seal last with `b=` emptied and without the final CRLF.
    pub fn digest(&self, message: &Message<'_>, sets: &[ArcSet], last: usize) -> Vec<u8> {
        let mut data = Vec::with_capacity(2048);
        for (j, set) in sets.iter().enumerate().take(last + 1) {
            header_into(&mut data, &message.headers[set.authentication_results], Canonicalization::Relaxed);
            header_into(&mut data, &message.headers[set.message_signature], Canonicalization::Relaxed);
            let seal = &message.headers[set.seal];
            if j < last {
                header_into(&mut data, seal, Canonicalization::Relaxed);
            } else {
                let blanked = without_range(seal, &self.b_range);
                let own = Message::first_field(&blanked).unwrap_or(*seal);
                own_field_into(&mut data, &own, Canonicalization::Relaxed);
            }
        }
        let mut hasher = Hasher::new(self.algorithm.hash());
        hasher.update(&data);
        hasher.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<Seal, SealError> {
        let raw = format!("ARC-Seal: {value}\r\n");
        Seal::parse(&Message::parse(raw.as_bytes()).headers[0])
    }

    #[test]
    fn seal_rules() {
        assert!(parse("i=1; a=rsa-sha256; cv=none; d=example.org; s=s; t=12345; b=AAAA").is_ok());
        let code = |v: &str| parse(v).map(|_| "ok").unwrap_or_else(|e| e.code());
        assert_eq!(code("i=1; a=rsa-sha256; cv=none; d=example.org; s=s; h=from; b=AAAA"), "seal_has_header_list");
        assert_eq!(code("i=1; a=rsa-sha1; cv=none; d=example.org; s=s; b=AAAA"), "sha1_not_allowed");
        assert_eq!(code("i=1; a=rsa-sha256; cv=none; d=example.org; b=AAAA"), "missing_tag");
        assert_eq!(code("i=1; a=rsa-sha256; cv=none; d=example.org; s=s; t=; b=AAAA"), "bad_number");
        assert_eq!(code("i=1; a=rsa-sha256; cv=none; d=***; s=s; b=AAAA"), "bad_domain");
        assert_eq!(code("i=1; a=rsa-sha256; cv=none; d=example.org; s=s; b="), "bad_base64");
        assert_eq!(code("i=1; _x=1; a=rsa-sha256; cv=none; d=example.org; s=s; b=AAAA"), "malformed_signature");
    }
}
