//! A recovered key, and the key as an entry of the archive format (`keys/README.md`): `provenance:
//! gcd_recovered`, flag `recovered`, the record built as `v=DKIM1; k=rsa; p=...`, the messages
//! it came from, and its dates (the earliest and latest signing date of those messages). The
//! sentences (`source`, `derived`, `notes`) are given by the caller, which words them.

use crate::crypto::spki_der;
use crate::keys::KeyFlag;
use crate::keys::archive::{ArchiveEntry, RecoveredMessage};
use crate::keys::provenance::Provenance;
use crate::keys::record_name;
use base64::Engine;

/// A key recovered from a group's signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveredKey {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// The modulus, big-endian.
    pub modulus: Vec<u8>,
    /// The public exponent.
    pub exponent: u32,
    /// Modulus size in bits.
    pub bits: u32,
    /// The messages whose signature it verifies, by date.
    pub messages: Vec<RecoveredMessage>,
}

/// The sentences of an entry, worded by the caller.
#[derive(Debug, Clone, Default)]
pub struct EntryText {
    /// Where the key comes from (the archive's `source`).
    pub source: String,
    /// How the record was built (the archive's `derived`).
    pub derived: String,
    /// What the key shows and does not show (the archive's `notes`).
    pub notes: String,
}

impl RecoveredKey {
    /// `selector._domainkey.domain`.
    pub fn key_name(&self) -> String {
        record_name(&self.selector, &self.domain)
    }

    /// The key's `p=` value: a base64 SubjectPublicKeyInfo.
    pub fn p(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(spki_der(&self.modulus, &self.exponent.to_be_bytes()))
    }

    /// The key record: `v=DKIM1; k=rsa; p=...`.
    pub fn record(&self) -> String {
        format!("v=DKIM1; k=rsa; p={}", self.p())
    }

    /// The earliest and latest signing dates of its messages (YYYY-MM-DD).
    pub fn dates(&self) -> (Option<String>, Option<String>) {
        let dated = || self.messages.iter().filter_map(|m| Some((m.date_unix?, m.date.clone()?)));
        (dated().min().map(|(_, d)| d), dated().max().map(|(_, d)| d))
    }

    /// The archive entry for this key.
    pub fn archive_entry(&self, text: EntryText) -> ArchiveEntry {
        let (first_seen, last_seen) = self.dates();
        ArchiveEntry {
            domain: self.domain.clone(),
            selector: self.selector.clone(),
            record: self.record(),
            key_type: "rsa".into(),
            bits: self.bits,
            first_seen,
            last_seen,
            source: Some(text.source),
            flags: vec![KeyFlag::Recovered],
            provenance: Some("gcd_recovered".into()),
            derived: Some(text.derived),
            found_as: Some(serde_json::json!({ "kind": "p_only", "value": self.p() })),
            notes: Some(text.notes),
            recovered_from: self.messages.clone(),
            ..ArchiveEntry::default()
        }
    }

    /// The provenance under which a batch verifies with this key (`--recover-keys`): origin
    /// `origin`, flag `recovered`, and the number of messages it was recovered from.
    pub fn provenance(&self, origin: &str, text: EntryText) -> Provenance {
        let (first_seen, last_seen) = self.dates();
        Provenance {
            origin: origin.to_string(),
            source: Some(text.source),
            first_seen,
            last_seen,
            flags: vec![KeyFlag::Recovered],
            notes: Some(text.notes),
            recovered_from_messages: Some(self.messages.len()),
        }
    }
}
