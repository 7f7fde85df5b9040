//! DKIM key records (RFC 6376 §3.6.1, RFC 8463 §4.2): the TXT value at
//! `selector._domainkey.domain`, parsed once into a key ready to verify with.

use crate::crypto::{KeyError, KeyType, PublicKey, RsaPublicKey};
use crate::l10n::Phrase;
use crate::text::base64::decode as decode_base64;
use crate::text::tag_list::{TagList, TagListError, trim_fws};
use std::fmt;
use std::sync::OnceLock;

/// A usable key record.
#[derive(Debug, Clone)]
pub struct KeyRecord {
    /// `k=` (default rsa).
    pub key_type: KeyType,
    /// `h=`: acceptable hash algorithms, lower-cased; `None` = any.
    pub hashes: Option<Vec<String>>,
    /// `s=` includes `email` or `*`.
    pub email_service: bool,
    /// `t=y`: the domain is testing DKIM.
    pub testing: bool,
    /// `t=s`: `i=` must be exactly in the `d=` domain, not a subdomain.
    pub strict_identity: bool,
    /// `n=`: notes for humans.
    pub notes: Option<String>,
    /// `g=`: the granularity of a DomainKeys key (RFC 4870 §3.2.3), the local part the key is
    /// restricted to; `None` when absent. DKIM ignores it (RFC 6376 dropped the tag).
    pub granularity: Option<String>,
    /// The public key.
    pub key: PublicKey,
    /// `key`'s fingerprint and SPKI SHA-256, computed once, on first use (every signature
    /// checked with the key reports them).
    ids: OnceLock<([u8; 32], String)>,
}

/// Why a key record cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyRecordError {
    /// Not a tag-list.
    Syntax(#[from] TagListError),
    /// `v=` is present but is not `DKIM1` or is not the first tag.
    Version(String),
    /// No `p=` tag.
    MissingKey,
    /// `p=` is empty: the key was revoked.
    Revoked,
    /// `p=` is not base64.
    Base64,
    /// `k=` names an unknown key type.
    KeyType(String),
    /// The key bytes are unusable.
    Key(#[from] KeyError),
}

impl KeyRecordError {
    /// What is wrong with the record, in words (technical: tags are named).
    pub fn phrase(&self) -> Phrase {
        match self {
            KeyRecordError::Syntax(e) => Phrase::new("key-record-error-syntax").phrase("error", e.phrase()),
            KeyRecordError::Version(v) => Phrase::new("key-record-error-version").arg("v", v.as_str()),
            KeyRecordError::MissingKey => Phrase::new("key-record-error-no-key"),
            KeyRecordError::Revoked => Phrase::new("key-record-error-revoked"),
            KeyRecordError::Base64 => Phrase::new("key-record-error-base64"),
            KeyRecordError::KeyType(k) => Phrase::new("key-record-error-key-type").arg("k", k.as_str()),
            KeyRecordError::Key(e) => e.phrase(),
        }
    }

    /// Stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            KeyRecordError::Revoked => "key_revoked",
            KeyRecordError::Key(KeyError::TooLarge(_)) => "key_too_large",
            KeyRecordError::Key(KeyError::ExponentTooLarge(_)) => "key_exponent_too_large",
            _ => "bad_key",
        }
    }
}

impl fmt::Display for KeyRecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

impl KeyRecord {
    /// Parses a TXT record value (the character-strings already joined).
    pub fn parse(txt: &[u8]) -> Result<KeyRecord, KeyRecordError> {
        let tags = TagList::parse(txt)?;
        if let Some((i, v)) = tags.tags.iter().enumerate().find(|(_, t)| t.name == "v")
            && (i != 0 || v.value != b"DKIM1")
        {
            return Err(KeyRecordError::Version(String::from_utf8_lossy(v.value).into_owned()));
        }
        // RFC 6376 §3.2: values are case-sensitive unless the tag says otherwise; none of k=,
        // h=, s=, t= does (k=RSA is not rsa).
        let list = |name: &str| -> Option<Vec<String>> {
            tags.get(name).map(|v| {
                v.split(|&b| b == b':')
                    .map(|s| String::from_utf8_lossy(trim_fws(s)).into_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
        };
        let key_type = match tags.get("k") {
            None => KeyType::Rsa,
            Some(b"rsa") => KeyType::Rsa,
            Some(b"ed25519") => KeyType::Ed25519,
            Some(k) => return Err(KeyRecordError::KeyType(String::from_utf8_lossy(k).into_owned())),
        };
        let flags = list("t").unwrap_or_default();
        let email_service = list("s").is_none_or(|s| s.iter().any(|x| x == "email" || x == "*"));
        let p = tags.get("p").ok_or(KeyRecordError::MissingKey)?;
        let key_bytes = decode_base64(p).ok_or(KeyRecordError::Base64)?;
        if key_bytes.is_empty() {
            return Err(KeyRecordError::Revoked);
        }
        let key = match key_type {
            KeyType::Rsa => PublicKey::Rsa(RsaPublicKey::from_der(&key_bytes)?),
            KeyType::Ed25519 => PublicKey::ed25519(&key_bytes)?,
        };
        Ok(KeyRecord {
            key_type,
            hashes: list("h"),
            email_service,
            testing: flags.iter().any(|f| f == "y"),
            strict_identity: flags.iter().any(|f| f == "s"),
            notes: tags.get("n").map(|n| String::from_utf8_lossy(n).into_owned()),
            granularity: tags.get("g").map(|g| String::from_utf8_lossy(g).into_owned()),
            key,
            ids: OnceLock::new(),
        })
    }

    /// [`PublicKey::fingerprint`] of the key, computed once per record.
    pub fn fingerprint(&self) -> [u8; 32] {
        self.ids().0
    }

    /// [`PublicKey::spki_sha256`] of the key, computed once per record.
    pub fn spki_sha256(&self) -> &str {
        &self.ids().1
    }

    fn ids(&self) -> &([u8; 32], String) {
        self.ids.get_or_init(|| (self.key.fingerprint(), self.key.spki_sha256()))
    }

    /// Key size in bits.
    pub fn bits(&self) -> u32 {
        self.key.bits()
    }
}

/// The DNS name of a key record: `selector._domainkey.domain`, as given (no case folding or
/// trimming).
pub fn record_name(selector: &str, domain: &str) -> String {
    format!("{selector}._domainkey.{domain}")
}

/// The inverse of [`record_name`]: `(selector, domain)` of `selector._domainkey.domain`. A name
/// without `._domainkey.` is all selector, with an empty domain.
pub fn split_record_name(name: &str) -> (&str, &str) {
    name.split_once("._domainkey.").unwrap_or((name, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC8463_RSA: &str = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    #[test]
    fn parses_rsa_and_ed25519_records() {
        let rsa = KeyRecord::parse(RFC8463_RSA.as_bytes()).unwrap(); // ok: test
        assert_eq!((rsa.key_type, rsa.bits()), (KeyType::Rsa, 1024));
        let ed = KeyRecord::parse(b"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").unwrap(); // ok: test
        assert_eq!((ed.key_type, ed.bits()), (KeyType::Ed25519, 256));
    }

    #[test]
    fn rejects_what_the_rfc_rejects() {
        assert_eq!(KeyRecord::parse(b"v=DKIM1; p=").unwrap_err(), KeyRecordError::Revoked);
        assert!(matches!(KeyRecord::parse(b"k=rsa; v=DKIM1; p=AAAA"), Err(KeyRecordError::Version(_))));
        assert!(matches!(KeyRecord::parse(b"v=DKIM2; p=AAAA"), Err(KeyRecordError::Version(_))));
        assert!(matches!(KeyRecord::parse(b"k=dsa; p=AAAA"), Err(KeyRecordError::KeyType(_))));
        // RFC 6376 §3.2: tag values are case-sensitive unless the tag says otherwise (k= does not).
        let upper = RFC8463_RSA.replace("k=rsa", "k=RSA");
        assert!(matches!(KeyRecord::parse(upper.as_bytes()), Err(KeyRecordError::KeyType(_))));
        // RFC 6376 §3.2: an empty tag-spec (";;", a leading ";") is a syntax error.
        let doubled = RFC8463_RSA.replace("v=DKIM1;", "v=DKIM1;;");
        assert!(matches!(KeyRecord::parse(doubled.as_bytes()), Err(KeyRecordError::Syntax(_))));
        let leading = format!(";{}", &RFC8463_RSA["v=DKIM1;".len()..]);
        assert!(matches!(KeyRecord::parse(leading.as_bytes()), Err(KeyRecordError::Syntax(_))));
        assert!(KeyRecord::parse(format!("{RFC8463_RSA};").as_bytes()).is_ok());
        assert!(matches!(KeyRecord::parse(b"\"\""), Err(KeyRecordError::Syntax(_))));
        assert!(matches!(
            KeyRecord::parse(b"k=ed25519; p=MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="),
            Err(KeyRecordError::Key(KeyError::Ed25519Length(44)))
        ));
    }
}
