//! The `DomainKey-Signature` header field (RFC 4870 §3.3): tags `a` (only `rsa-sha1`, the
//! default), `b`, `c` (`simple` or `nofws`), `d`, `h`, `q` (only `dns`) and `s`. `b`, `c`, `d`,
//! `q` and `s` must be present and non-empty. Errors reuse DKIM's [`SignatureError`] so that the
//! reason codes are the same words.

use super::canon::DkCanonicalization;
use crate::dkim::signature::SignatureError;
use crate::message::HeaderField;
use crate::text::base64::decode as decode_base64;
use crate::text::dns_name::is_domain_name;
use crate::text::tag_list::{TagList, trim_fws};

/// A valid DomainKeys signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainKeySignature {
    /// `c=`.
    pub canonicalization: DkCanonicalization,
    /// `d=`, lower-cased.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// `h=`: the signed header field names in the order presented, or `None` (every field below
    /// the signature, in message order).
    pub headers: Option<Vec<String>>,
    /// `b=` decoded.
    pub signature: Vec<u8>,
}

impl DomainKeySignature {
    /// Parses and validates a `DomainKey-Signature` field.
    pub fn parse(field: &HeaderField<'_>) -> Result<Self, SignatureError> {
        let tags = TagList::parse(field.value)?;
        let required = |name: &'static str| -> Result<String, SignatureError> {
            tags.get(name)
                .filter(|v| !v.is_empty())
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .ok_or(SignatureError::MissingTag(name))
        };
        let b = tags.get("b").filter(|v| !v.is_empty()).ok_or(SignatureError::MissingTag("b"))?;
        let c = required("c")?;
        let domain = required("d")?;
        let q = required("q")?;
        let selector = required("s")?;
        if let Some(a) = tags.get("a") {
            let a = String::from_utf8_lossy(a).into_owned();
            if !a.eq_ignore_ascii_case("rsa-sha1") {
                return Err(SignatureError::Algorithm(a));
            }
        }
        let canonicalization = DkCanonicalization::parse(&c).ok_or(SignatureError::Canonicalization(c))?;
        if !q.eq_ignore_ascii_case("dns") {
            return Err(SignatureError::QueryMethod(q));
        }
        let signature = decode_base64(b).filter(|s| !s.is_empty()).ok_or(SignatureError::Base64("b"))?;
        if !is_domain_name(&domain) {
            return Err(SignatureError::Domain(domain));
        }
        if !is_domain_name(&selector) {
            return Err(SignatureError::Selector(selector));
        }
        let headers = match tags.get("h") {
            None => None,
            Some(h) => Some(
                h.split(|&b| b == b':')
                    .map(|name| {
                        let name = trim_fws(name);
                        if name.is_empty() || !name.iter().all(|&b| (0x21..=0x7e).contains(&b)) {
                            return Err(SignatureError::HeaderList(String::from_utf8_lossy(name).into_owned()));
                        }
                        Ok(String::from_utf8_lossy(name).to_ascii_lowercase())
                    })
                    .collect::<Result<Vec<String>, SignatureError>>()?,
            ),
        };
        Ok(DomainKeySignature { canonicalization, domain: domain.to_lowercase(), selector, headers, signature })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Message;

    fn parse(value: &str) -> Result<DomainKeySignature, SignatureError> {
        let raw = format!("DomainKey-Signature: {value}\r\n");
        DomainKeySignature::parse(&Message::parse(raw.as_bytes()).headers[0])
    }

    #[test]
    fn reads_the_rfc_example_and_its_defaults() {
        let sig = parse("a=rsa-sha1; s=brisbane; d=Example.net; c=nofws; q=dns; h=From:To; b=dzdV yOfA").unwrap(); // ok: test
        assert_eq!(sig.canonicalization, DkCanonicalization::Nofws);
        assert_eq!(sig.domain, "example.net");
        assert_eq!(sig.headers, Some(vec!["from".to_string(), "to".to_string()]));
        assert!(parse("s=brisbane; d=example.net; c=simple; q=dns; b=dzdV").is_ok());
    }

    #[test]
    fn every_rule_gives_its_error() {
        let cases: &[(&str, &str)] = &[
            ("s=x; d=example.net; c=simple; b=AAAA", "missing_tag"),
            ("s=x; d=example.net; c=simple; q=; b=AAAA", "missing_tag"),
            ("s=x; d=example.net; q=dns; b=AAAA", "missing_tag"),
            ("s=x; d=example.net; c=simple; q=dns; b=", "missing_tag"),
            ("a=rsa-sha256; s=x; d=example.net; c=simple; q=dns; b=AAAA", "unsupported_algorithm"),
            ("s=x; d=example.net; c=relaxed; q=dns; b=AAAA", "bad_canonicalization"),
            ("s=x; d=example.net; c=simple; q=dns/txt; b=AAAA", "unsupported_query_method"),
            ("s=x; d=example.net; c=simple; q=dns; b=A!AA", "bad_base64"),
            ("s=x; d=exa(mple.net; c=simple; q=dns; b=AAAA", "bad_domain"),
            ("s=x; d=example.net; c=simple; q=dns; h=from::to; b=AAAA", "bad_header_list"),
            ("s=x; s=y; d=example.net; c=simple; q=dns; b=AAAA", "malformed_signature"),
        ];
        for (value, code) in cases {
            assert_eq!(parse(value).unwrap_err().code(), *code, "{value}");
        }
    }
}
