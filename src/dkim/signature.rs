//! The `DKIM-Signature` header field (RFC 6376 §3.5, RFC 8463, RFC 8301): parsing and every
//! validation rule of §3.5 and §6.1.1. A signature that breaks a rule is a [`SignatureError`],
//! reported as `permerror` with a precise reason.

use super::algorithm::{Algorithm, Canonicalization, parse_canonicalization};
use crate::l10n::Phrase;
use crate::message::HeaderField;
use crate::text::base64::decode as decode_base64;
use crate::text::dns_name::{is_domain_name, is_same_or_subdomain};
use crate::text::punycode;
use crate::text::tag_list::{TagList, TagListError, is_fws, trim_fws};
use std::fmt;
use std::ops::Range;

/// A valid DKIM signature.
#[derive(Debug, Clone)]
pub struct Signature {
    /// `a=`
    pub algorithm: Algorithm,
    /// Header canonicalization (`c=` first part).
    pub header_canon: Canonicalization,
    /// Body canonicalization (`c=` second part; default simple).
    pub body_canon: Canonicalization,
    /// `d=`, the signing domain, lower-cased.
    pub domain: String,
    /// `s=`, the selector.
    pub selector: String,
    /// `i=` decoded, or `None` when absent (it then defaults to `@d`).
    pub identity: Option<String>,
    /// `h=`: signed header field names, as written.
    pub signed_headers: Vec<String>,
    /// `bh=` decoded.
    pub body_hash: Vec<u8>,
    /// `b=` decoded.
    pub signature: Vec<u8>,
    /// `l=`: body length limit.
    pub body_length: Option<u64>,
    /// `t=`: signing time (unix seconds).
    pub timestamp: Option<u64>,
    /// `x=`: expiry time (unix seconds).
    pub expires: Option<u64>,
    /// Where the raw `b=` value sits inside the header field's raw bytes.
    pub b_range: Range<usize>,
    /// `z=`: the header fields as the signer copied them (name, decoded value), read leniently
    /// (a malformed copy is left out; `z=` never changes a result).
    pub copied_headers: Vec<(String, Vec<u8>)>,
}

/// Why a `DKIM-Signature` field is not a valid signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The field value is not a tag-list.
    TagList(#[from] TagListError),
    /// A required tag is missing.
    MissingTag(&'static str),
    /// `v=` is not `1`.
    Version(String),
    /// `a=` names an algorithm this verifier does not know.
    Algorithm(String),
    /// `c=` is malformed or names an unknown canonicalization.
    Canonicalization(String),
    /// A base64 value does not decode.
    Base64(&'static str),
    /// `d=` is not a domain name.
    Domain(String),
    /// `s=` is not a valid selector.
    Selector(String),
    /// `h=` is malformed: it lists this, which is not a header field name.
    HeaderList(String),
    /// `h=` does not include From.
    FromNotSigned,
    /// `i=` is malformed.
    Identity(String),
    /// `i=` is not in the `d=` domain or a subdomain of it.
    IdentityOutsideDomain(String, String),
    /// A numeric tag (`l=`, `t=`, `x=`) is not a number.
    Number(&'static str),
    /// `x=` is not after `t=`.
    ExpiryBeforeTimestamp,
    /// `q=` does not include `dns/txt`.
    QueryMethod(String),
}

impl SignatureError {
    /// What is wrong, in words (technical: tags are named).
    pub fn phrase(&self) -> Phrase {
        let p = Phrase::new;
        match self {
            SignatureError::TagList(e) => p("sig-error-tag-list").phrase("error", e.phrase()),
            SignatureError::MissingTag(tag) => p("sig-error-missing-tag").arg("tag", *tag),
            SignatureError::Version(v) => p("sig-error-version").arg("v", v.as_str()),
            SignatureError::Algorithm(a) => p("sig-error-algorithm").arg("a", a.as_str()),
            SignatureError::Canonicalization(c) => p("sig-error-canonicalization").arg("c", c.as_str()),
            SignatureError::Base64(tag) => p("sig-error-base64").arg("tag", *tag),
            SignatureError::Domain(d) => p("sig-error-domain").arg("d", d.as_str()),
            SignatureError::Selector(sel) => p("sig-error-selector").arg("s", sel.as_str()),
            SignatureError::HeaderList(name) => p("sig-error-header-list").arg("name", name.as_str()),
            SignatureError::FromNotSigned => p("sig-error-from-not-signed"),
            SignatureError::Identity(i) => p("sig-error-identity").arg("i", i.as_str()),
            SignatureError::IdentityOutsideDomain(i, d) => {
                p("sig-error-identity-outside-domain").arg("i", i.as_str()).arg("d", d.as_str())
            }
            SignatureError::Number(tag) => p("sig-error-number").arg("tag", *tag),
            SignatureError::ExpiryBeforeTimestamp => p("sig-error-expiry-before-timestamp"),
            SignatureError::QueryMethod(q) => p("sig-error-query-method").arg("q", q.as_str()),
        }
    }

    /// Stable machine code for the reason.
    pub fn code(&self) -> &'static str {
        match self {
            SignatureError::TagList(_) => "malformed_signature",
            SignatureError::MissingTag(_) => "missing_tag",
            SignatureError::Version(_) => "unsupported_version",
            SignatureError::Algorithm(_) => "unsupported_algorithm",
            SignatureError::Canonicalization(_) => "bad_canonicalization",
            SignatureError::Base64(_) => "bad_base64",
            SignatureError::Domain(_) => "bad_domain",
            SignatureError::Selector(_) => "bad_selector",
            SignatureError::HeaderList(_) => "bad_header_list",
            SignatureError::FromNotSigned => "from_not_signed",
            SignatureError::Identity(_) => "bad_identity",
            SignatureError::IdentityOutsideDomain(..) => "identity_outside_domain",
            SignatureError::Number(_) => "bad_number",
            SignatureError::ExpiryBeforeTimestamp => "expiry_before_timestamp",
            SignatureError::QueryMethod(_) => "unsupported_query_method",
        }
    }
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// What is known of a signature's `d=` and `s=` even when it is invalid, for reporting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureLabel {
    /// `d=` as written, if it could be read.
    pub domain: Option<String>,
    /// `s=` as written, if it could be read.
    pub selector: Option<String>,
    /// `a=` as written, if it could be read.
    pub algorithm: Option<String>,
    /// `c=` as written, if it could be read.
    pub canonicalization: Option<String>,
}

/// Which header field a signature's tags come from. An `ARC-Message-Signature` (RFC 8617
/// §4.1.2) has the syntax and semantics of a `DKIM-Signature` except that it has no `v=` and
/// its `i=` is the ARC instance number, not an identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureField {
    /// `DKIM-Signature`.
    Dkim,
    /// `ARC-Message-Signature`: `v=` ignored, `i=` left to the ARC code, no identity.
    ArcMessageSignature,
}

impl Signature {
    /// Parses and validates the `DKIM-Signature` header field `field`.
    pub fn parse(field: &HeaderField<'_>) -> Result<Signature, SignatureError> {
        Signature::parse_as(field, SignatureField::Dkim)
    }

    /// Parses and validates `field`, a `DKIM-Signature` or an `ARC-Message-Signature`.
    pub fn parse_as(field: &HeaderField<'_>, kind: SignatureField) -> Result<Signature, SignatureError> {
        let value_offset = field.value.as_ptr() as usize - field.raw.as_ptr() as usize;
        let tags = TagList::parse(field.value)?;
        let lossy = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
        let required = |name: &'static str| -> Result<&[u8], SignatureError> {
            tags.get(name).ok_or(SignatureError::MissingTag(name))
        };

        // v= first: a pre-standard signature is rejected before anything else.
        if kind == SignatureField::Dkim {
            let version = required("v")?;
            if version != b"1" {
                return Err(SignatureError::Version(lossy(version)));
            }
        }
        let algorithm_raw = required("a")?;
        let b64_b = required("b")?;
        let b64_bh = required("bh")?;
        let domain_raw = String::from_utf8_lossy(required("d")?).into_owned();
        let h = required("h")?;
        let selector_raw = String::from_utf8_lossy(required("s")?).into_owned();

        // Read without a copy; copied only to say what is wrong.
        let algorithm = std::str::from_utf8(algorithm_raw)
            .ok()
            .and_then(Algorithm::parse)
            .ok_or_else(|| SignatureError::Algorithm(lossy(algorithm_raw)))?;
        let (header_canon, body_canon) = match tags.get("c") {
            None => (Canonicalization::Simple, Canonicalization::Simple),
            Some(c) => std::str::from_utf8(c)
                .ok()
                .and_then(parse_canonicalization)
                .ok_or_else(|| SignatureError::Canonicalization(lossy(c)))?,
        };
        let signature = decode_base64(b64_b).ok_or(SignatureError::Base64("b"))?;
        let body_hash = decode_base64(b64_bh).ok_or(SignatureError::Base64("bh"))?;
        if signature.is_empty() {
            return Err(SignatureError::Base64("b"));
        }
        // base64string (RFC 6376 §2.4) has at least one character.
        if body_hash.is_empty() {
            return Err(SignatureError::Base64("bh"));
        }
        if !is_domain_name(&domain_raw) {
            return Err(SignatureError::Domain(domain_raw));
        }
        // Lower-cased in place when ASCII (as `to_lowercase` would), without a copy.
        let domain = if domain_raw.is_ascii() {
            let mut d = domain_raw;
            d.make_ascii_lowercase();
            d
        } else {
            domain_raw.to_lowercase()
        };
        if !is_domain_name(&selector_raw) {
            return Err(SignatureError::Selector(selector_raw));
        }
        let signed_headers = parse_header_list(h)?;
        if !signed_headers.iter().any(|n| n.eq_ignore_ascii_case("from")) {
            return Err(SignatureError::FromNotSigned);
        }
        let identity = match tags.get("i").filter(|_| kind == SignatureField::Dkim) {
            None => None,
            Some(raw) => {
                let shown = String::from_utf8_lossy(raw).into_owned();
                let decoded =
                    decode_dkim_quoted_printable(raw).ok_or_else(|| SignatureError::Identity(shown.clone()))?;
                let decoded = String::from_utf8(decoded).map_err(|_| SignatureError::Identity(shown.clone()))?;
                let at = decoded.rfind('@').ok_or_else(|| SignatureError::Identity(shown.clone()))?;
                let i_domain = decoded[at + 1..].to_lowercase();
                if !is_domain_name(&i_domain) {
                    return Err(SignatureError::Identity(shown));
                }
                if !is_same_or_subdomain(&i_domain, &domain) {
                    return Err(SignatureError::IdentityOutsideDomain(decoded, domain));
                }
                Some(decoded)
            }
        };
        let body_length = tags.get("l").map(|v| parse_number(v, 76, "l", true)).transpose()?;
        let timestamp = tags.get("t").map(|v| parse_number(v, 20, "t", false)).transpose()?;
        let expires = tags.get("x").map(|v| parse_number(v, 20, "x", false)).transpose()?;
        if let (Some(t), Some(x)) = (timestamp, expires)
            && x <= t
        {
            return Err(SignatureError::ExpiryBeforeTimestamp);
        }
        if let Some(q) = tags.get("q") {
            let ok = q.split(|&b| b == b':').any(|m| trim_fws(m).eq_ignore_ascii_case(b"dns/txt"));
            if !ok {
                return Err(SignatureError::QueryMethod(String::from_utf8_lossy(q).into_owned()));
            }
        }
        let b_tag = tags.tag("b").ok_or(SignatureError::MissingTag("b"))?;
        let b_range = value_offset + b_tag.raw_value.start..value_offset + b_tag.raw_value.end;

        Ok(Signature {
            algorithm,
            header_canon,
            body_canon,
            domain,
            selector: selector_raw,
            identity,
            signed_headers,
            body_hash,
            signature,
            body_length,
            timestamp,
            expires,
            b_range,
            copied_headers: tags.get("z").map(parse_copied_headers).unwrap_or_default(),
        })
    }

    /// The DNS name of the key: `selector._domainkey.domain`, lower-cased, internationalized
    /// labels as A-labels.
    pub fn key_name(&self) -> String {
        key_name(&self.selector, &self.domain)
    }

    /// `c=` in the `header/body` form.
    pub fn canonicalization(&self) -> String {
        format!("{}/{}", self.header_canon.as_str(), self.body_canon.as_str())
    }
}

impl SignatureLabel {
    /// Reads what it can of `d=`, `s=`, `a=`, `c=` from a field, even a malformed one.
    pub fn read(field: &HeaderField<'_>) -> SignatureLabel {
        let get = |name: &str| -> Option<String> {
            // Lenient scan: split on ';' and look for name=.
            field.value.split(|&b| b == b';').find_map(|spec| {
                let eq = spec.iter().position(|&b| b == b'=')?;
                (trim_fws(&spec[..eq]) == name.as_bytes())
                    .then(|| String::from_utf8_lossy(trim_fws(&spec[eq + 1..])).into_owned())
            })
        };
        SignatureLabel { domain: get("d"), selector: get("s"), algorithm: get("a"), canonicalization: get("c") }
    }
}

/// The DNS name of a key: `selector._domainkey.domain`, lower-cased, internationalized labels as
/// A-labels. DKIM, ARC and DomainKeys keys all live there.
pub fn key_name(selector: &str, domain: &str) -> String {
    let name = crate::keys::record_name(selector, domain);
    punycode::to_ascii(&name).unwrap_or_else(|| name.to_lowercase())
}

/// At most this many `z=` copies are read.
const MAX_COPIED_HEADERS: usize = 64;

/// Reads `z=` (RFC 6376 §3.5): `name:value|name:value`, each value dkim-quoted-printable.
fn parse_copied_headers(z: &[u8]) -> Vec<(String, Vec<u8>)> {
    z.split(|&b| b == b'|')
        .filter_map(|copy| {
            let colon = copy.iter().position(|&b| b == b':')?;
            let name = trim_fws(&copy[..colon]);
            if name.is_empty() || !name.iter().all(|&b| (0x21..=0x7e).contains(&b)) {
                return None;
            }
            let value = decode_dkim_quoted_printable(&copy[colon + 1..])?;
            Some((String::from_utf8_lossy(name).into_owned(), value))
        })
        .take(MAX_COPIED_HEADERS)
        .collect()
}

fn parse_header_list(h: &[u8]) -> Result<Vec<String>, SignatureError> {
    h.split(|&b| b == b':')
        .map(|name| {
            let name = trim_fws(name);
            if name.is_empty() || !name.iter().all(|&b| (0x21..=0x7e).contains(&b)) {
                Err(SignatureError::HeaderList(String::from_utf8_lossy(name).into_owned()))
            } else {
                Ok(String::from_utf8_lossy(name).into_owned())
            }
        })
        .collect()
}

/// Reads a decimal tag value of at most `max_digits` digits; with `saturate`, a value too large
/// for `u64` reads as `u64::MAX` (for `l=`), otherwise it is an error.
pub fn parse_number(v: &[u8], max_digits: usize, tag: &'static str, saturate: bool) -> Result<u64, SignatureError> {
    if v.is_empty() || v.len() > max_digits || !v.iter().all(u8::is_ascii_digit) {
        return Err(SignatureError::Number(tag));
    }
    let mut n: u64 = 0;
    for &d in v {
        match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(d - b'0'))) {
            Some(next) => n = next,
            None if saturate => return Ok(u64::MAX),
            None => return Err(SignatureError::Number(tag)),
        }
    }
    Ok(n)
}

/// Decodes dkim-quoted-printable (RFC 6376 §2.11): `=XX` hex escapes, whitespace ignored.
pub fn decode_dkim_quoted_printable(value: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        match value[i] {
            b'=' => {
                let hex = value.get(i + 1..i + 3)?;
                let digit = |c: u8| match c {
                    b'0'..=b'9' => Some(c - b'0'),
                    b'A'..=b'F' => Some(c - b'A' + 10),
                    _ => None,
                };
                out.push(digit(hex[0])? * 16 + digit(hex[1])?);
                i += 3;
            }
            b if is_fws(b) => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
