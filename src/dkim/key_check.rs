//! Step 4 of evaluating a signature: its key. Every candidate key known for the name is tried;
//! the one that verifies wins, with its provenance and what is known of it.

use super::algorithm::Algorithm;
use super::result::{Category, KeyUsed, Verdict};
use super::signature::Signature;
use crate::crypto::{KeyError, KeyType, MAX_RSA_BITS};
use crate::keys::record::{KeyRecord, KeyRecordError};
use crate::keys::store::{KeyEntry, KeyStore, Lookup};
use crate::keys::{KeyFlag, Provenance};
use crate::l10n::Phrase;
use crate::text::civil_date::unix_to_date;

/// What the key step found.
pub enum KeyOutcome {
    /// A usable key was found and the header signature checked with it.
    Checked {
        /// The key, with what is known of it.
        key: KeyUsed,
        /// Whether the header signature verified with it.
        valid: bool,
    },
    /// No usable key: the result, reason code, step and detail.
    Error(Verdict, &'static str, Category, Phrase),
}

/// What the key step needs to know of a signature: a DKIM signature, and equally an ARC
/// signature or seal or a DomainKeys signature, which use the same keys.
#[derive(Debug, Clone)]
pub struct KeyRequest<'s> {
    /// `selector._domainkey.domain` (see [`super::signature::key_name`]).
    pub name: String,
    /// The signing algorithm: the key type and hash the key must allow.
    pub algorithm: Algorithm,
    /// The signature value (`b=`, decoded).
    pub signature: &'s [u8],
    /// `d=`, lower-case.
    pub domain: &'s str,
    /// The identity (`i=`), checked against keys with `t=s`.
    pub identity: Option<&'s str>,
}

/// A further condition a key record must meet for one kind of signature (for example the
/// DomainKeys `g=` granularity): `Err((reason code, detail))` when it does not.
pub type ExtraKeyRule<'r> = &'r dyn Fn(&KeyRecord) -> Result<(), (&'static str, Phrase)>;

impl<'s> KeyRequest<'s> {
    /// What the key step needs of a DKIM signature.
    pub fn for_signature(sig: &'s Signature) -> Self {
        KeyRequest {
            name: sig.key_name(),
            algorithm: sig.algorithm,
            signature: &sig.signature,
            domain: &sig.domain,
            identity: sig.identity.as_deref(),
        }
    }
}

/// Step 4: looks up the signature's key and checks the header signature (`digest`) with every
/// candidate.
pub fn check_key(keys: &KeyStore, sig: &Signature, digest: &[u8], message_date: Option<i64>) -> KeyOutcome {
    check_key_for(keys, &KeyRequest::for_signature(sig), digest, message_date, &|_| Ok(()))
}

/// Looks up the key `request` names and checks the signature over `digest` with every candidate
/// that meets the DKIM key rules and `extra`.
pub fn check_key_for(
    keys: &KeyStore,
    request: &KeyRequest<'_>,
    digest: &[u8],
    message_date: Option<i64>,
    extra: ExtraKeyRule<'_>,
) -> KeyOutcome {
    match keys.lookup(&request.name) {
        Lookup::TempFail(why) => KeyOutcome::Error(
            Verdict::Temperror,
            "key_lookup_failed",
            Category::Dns,
            Phrase::new("detail-as-given").arg("text", why),
        ),
        Lookup::NotFound { authoritative } => KeyOutcome::Error(
            if authoritative { Verdict::Permerror } else { Verdict::Neutral },
            "no_key",
            Category::Dns,
            Phrase::new(if authoritative { "detail-no-key-record" } else { "detail-no-key-known" })
                .arg("name", request.name.as_str()),
        ),
        Lookup::Found(entries) => match try_keys(entries, request, digest, extra) {
            Tried::Checked { entry, record, valid } => {
                let mut key = key_used(entry, record, entries.len(), message_date);
                if keys.is_compromised(record) && !key.compromised() {
                    key.provenance.flags.push(KeyFlag::Compromised);
                }
                KeyOutcome::Checked { key, valid }
            }
            Tried::Error(code, why) => KeyOutcome::Error(Verdict::Permerror, code, Category::Key, why),
        },
    }
}

/// What trying the candidate keys gave.
enum Tried<'k> {
    /// A usable key, and whether the header signature verified with it.
    Checked { entry: &'k KeyEntry, record: &'k KeyRecord, valid: bool },
    /// No usable key: the reason code and detail.
    Error(&'static str, Phrase),
}

/// Tries every candidate key: the first that verifies wins; otherwise the first usable one is
/// reported; otherwise the first key's problem.
fn try_keys<'k>(entries: &'k [KeyEntry], sig: &KeyRequest<'_>, digest: &[u8], extra: ExtraKeyRule<'_>) -> Tried<'k> {
    let mut first_usable: Option<(&KeyEntry, &KeyRecord)> = None;
    let mut first_error: Option<(&'static str, Phrase)> = None;
    for entry in entries {
        let record = match entry.parsed() {
            Ok(r) => r.as_ref(),
            Err(e) => {
                first_error.get_or_insert_with(|| (e.code(), e.phrase()));
                continue;
            }
        };
        if let Err((code, why)) = key_fits(record, sig).and_then(|()| extra(record)) {
            first_error.get_or_insert((code, why));
            continue;
        }
        if record.key.verify(sig.algorithm.hash(), digest, sig.signature) {
            return Tried::Checked { entry, record, valid: true };
        }
        first_usable.get_or_insert((entry, record));
    }
    match (first_usable, first_error) {
        (Some((entry, record)), _) => Tried::Checked { entry, record, valid: false },
        (None, Some((code, why))) => Tried::Error(code, why),
        (None, None) => Tried::Error("bad_key", Phrase::new("detail-no-usable-key")),
    }
}

/// Checks that a key record may verify this signature (§3.6.1, §6.1.2).
fn key_fits(record: &KeyRecord, sig: &KeyRequest<'_>) -> Result<(), (&'static str, Phrase)> {
    if record.key_type != sig.algorithm.key_type() {
        return Err((
            "key_type_mismatch",
            Phrase::new("detail-key-type-mismatch")
                .arg("key_type", record.key_type.as_str())
                .arg("algorithm", sig.algorithm.as_str()),
        ));
    }
    if let Some(hashes) = &record.hashes
        && !hashes.iter().any(|h| h == sig.algorithm.hash().as_str())
    {
        return Err(("key_hash_not_allowed", Phrase::new("detail-key-hash-not-allowed").arg("h", hashes.join(":"))));
    }
    if !record.email_service {
        return Err(("key_not_for_email", Phrase::new("detail-key-not-for-email")));
    }
    if record.strict_identity {
        let i_domain = sig.identity.and_then(|i| i.rsplit_once('@')).map(|(_, d)| d.to_lowercase());
        if i_domain.is_some_and(|d| d != sig.domain) {
            return Err(("key_strict_identity", Phrase::new("detail-key-strict-identity")));
        }
    }
    if let (KeyType::Rsa, bits) = (record.key_type, record.bits())
        && bits > MAX_RSA_BITS
    {
        return Err(("key_too_large", KeyRecordError::Key(KeyError::TooLarge(bits)).phrase()));
    }
    Ok(())
}

/// What is known of the key that was used, for the report.
fn key_used(entry: &KeyEntry, record: &KeyRecord, candidates: usize, message_date: Option<i64>) -> KeyUsed {
    let p = &entry.provenance;
    let date = message_date.map(unix_to_date);
    // A window needs two different dates; a single sighting says nothing about the period of use.
    let date_in_window = date.as_deref().and_then(|d| {
        if p.first_seen.is_none() || p.last_seen.is_none() || p.first_seen == p.last_seen {
            return None;
        }
        let after_first = p.first_seen.as_deref().is_none_or(|f| d[..f.len().min(d.len())] >= *f);
        let before_last = p.last_seen.as_deref().is_none_or(|l| d[..l.len().min(d.len())] <= *l);
        Some(after_first && before_last)
    });
    let mut flags = p.flags.clone();
    if record.key_type == KeyType::Rsa && record.bits() < 1024 && !flags.contains(&KeyFlag::Weak) {
        flags.push(KeyFlag::Weak);
    }
    KeyUsed {
        name: entry.name.clone(),
        key_type: record.key_type.as_str(),
        bits: record.bits(),
        spki_sha256: record.spki_sha256().to_string(),
        provenance: Provenance { flags, ..p.clone() },
        seen: p.seen().map(Box::new),
        origin_words: Box::new(p.origin_words()),
        date_in_window,
        testing: record.testing,
        candidates,
    }
}
