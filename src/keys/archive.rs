//! The bundled key archive (`keys/archive.json`): historical DKIM keys with provenance, built
//! into the library so that old mail can be checked offline. Also reads the zk-email archive's
//! JSON (`[{"domain", "selector", "firstSeenAt", "lastSeenAt", "value"}]`) and writes the
//! archive format back out.

use super::provenance::{KeyFlag, Provenance};
use super::record::{KeyRecord, record_name};
use crate::crypto::KeyType;
use crate::l10n::Phrase;
use crate::text::civil_date::unix_to_date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The archive as shipped.
const BUNDLED: &str = include_str!("../../keys/archive.json");

/// The format name in `keys/archive.json`.
pub const FORMAT: &str = "dkimcheck-key-archive";

/// A key archive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Archive {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// What this archive is.
    #[serde(default)]
    pub description: String,
    /// The keys.
    pub keys: Vec<ArchiveEntry>,
}

/// One archived key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ArchiveEntry {
    /// Signing domain.
    pub domain: String,
    /// Selector.
    pub selector: String,
    /// The TXT value as published.
    pub record: String,
    /// `rsa` or `ed25519`.
    pub key_type: String,
    /// Key size in bits.
    pub bits: u32,
    /// First date the key is known to have been published (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default)]
    pub first_seen: Option<String>,
    /// Last date it is known to have been published.
    #[serde(default)]
    pub last_seen: Option<String>,
    /// Where the record was found.
    #[serde(default)]
    pub source: Option<String>,
    /// Other places it was found.
    #[serde(default)]
    pub also_found_in: Vec<String>,
    /// Other names that serve the identical key.
    #[serde(default)]
    pub same_key_as: Vec<String>,
    /// Flags.
    #[serde(default)]
    pub flags: Vec<KeyFlag>,
    /// How the key was obtained: `"published"` (a published record, read from DNS or a copy of
    /// one) or `"gcd_recovered"` (rebuilt from DKIM signatures, never read from DNS; then `flags`
    /// has `recovered`). `None` when the source does not say (imports).
    #[serde(default)]
    pub provenance: Option<String>,
    /// How the record was rebuilt, when it was not found as a TXT record.
    #[serde(default)]
    pub derived: Option<String>,
    /// The original form, when it was not a TXT record.
    #[serde(default)]
    pub found_as: Option<serde_json::Value>,
    /// Free-text notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// For a key rebuilt by `dkimcheck keys recover`: the messages it was rebuilt from, all of
    /// which it verifies. Absent from other entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recovered_from: Vec<RecoveredMessage>,
}

/// A message a key was recovered from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct RecoveredMessage {
    /// Where the message was read (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// SHA-256 of the message's bytes, hex.
    pub sha256: String,
    /// When it was signed (YYYY-MM-DD, UTC): the signature's `t=`, else the message's Date.
    #[serde(default)]
    pub date: Option<String>,
    /// The same as unix seconds.
    #[serde(default)]
    pub date_unix: Option<i64>,
    /// Where the date comes from: `"t="` or `"Date"`; `None` without a date.
    #[serde(default)]
    pub date_from: Option<String>,
}

/// An entry of the zk-email archive's JSON.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ZkEmailEntry {
    domain: String,
    selector: String,
    #[serde(default)]
    first_seen_at: Option<serde_json::Value>,
    #[serde(default)]
    last_seen_at: Option<serde_json::Value>,
    value: String,
}

/// Why archive JSON could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// Not JSON, or JSON of another shape.
    Json(#[from] serde_json::Error),
    /// The format name or version is unknown.
    Format(String, u32),
}

impl ArchiveError {
    /// What is wrong, in words.
    pub fn phrase(&self) -> Phrase {
        match self {
            ArchiveError::Json(e) => Phrase::new("archive-error-json").arg("error", e.to_string()),
            ArchiveError::Format(name, version) => {
                Phrase::new("archive-error-format").arg("format", name.as_str()).arg("version", version.to_string())
            }
        }
    }
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// What holds keys that can be written out as an archive: the key store implements it (in
/// `store.rs`), so that the archive format knows nothing of stores.
pub trait ArchiveSource {
    /// Every key held, as archive entries.
    fn archive_entries(&self) -> Vec<ArchiveEntry>;
}

impl Archive {
    /// Builds an archive from every key in a store (for export).
    pub fn from_store(store: &impl ArchiveSource) -> Archive {
        Archive { keys: store.archive_entries(), ..Archive::empty() }
    }

    /// The archive bundled with this build.
    pub fn bundled() -> Archive {
        // The bundled archive is checked by tests; should it ever fail to parse, verification
        // goes on with no bundled keys rather than crashing.
        Archive::from_json(BUNDLED).unwrap_or_else(|_| Archive::empty())
    }

    /// An empty archive.
    pub fn empty() -> Archive {
        Archive { format: FORMAT.into(), version: 1, description: String::new(), keys: Vec::new() }
    }

    /// Reads the archive format, or the zk-email JSON list (converted).
    pub fn from_json(text: &str) -> Result<Archive, ArchiveError> {
        if text.trim_start().starts_with('[') {
            let list: Vec<ZkEmailEntry> = serde_json::from_str(text)?;
            let keys = list.into_iter().map(ArchiveEntry::from_zk_email).collect();
            return Ok(Archive { keys, description: "imported from zk-email archive JSON".into(), ..Archive::empty() });
        }
        let archive: Archive = serde_json::from_str(text)?;
        if archive.format != FORMAT || archive.version != 1 {
            return Err(ArchiveError::Format(archive.format, archive.version));
        }
        Ok(archive)
    }

    /// Checks the archive: every record parses, type and bits match, no duplicates, flags are
    /// consistent. Returns one line per problem.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut fingerprints: std::collections::HashMap<String, Vec<[u8; 32]>> = std::collections::HashMap::new();
        for e in &self.keys {
            if let Ok(r) = KeyRecord::parse(e.record.as_bytes()) {
                fingerprints.entry(e.name()).or_default().push(r.key.fingerprint());
            }
        }
        for e in &self.keys {
            let name = e.name();
            if !seen.insert((name.clone(), e.record.split_whitespace().collect::<String>())) {
                problems.push(format!("{name}: the same record is listed twice"));
            }
            match KeyRecord::parse(e.record.as_bytes()) {
                Err(err) => problems.push(format!("{name}: the record does not parse: {err}")),
                Ok(r) => {
                    if r.key_type.as_str() != e.key_type {
                        problems.push(format!(
                            "{name}: key_type says {} but the record is {}",
                            e.key_type,
                            r.key_type.as_str()
                        ));
                    }
                    if r.bits() != e.bits {
                        problems.push(format!("{name}: bits says {} but the key has {}", e.bits, r.bits()));
                    }
                    let weak = r.key_type == KeyType::Rsa && r.bits() < 1024;
                    if weak != e.flags.contains(&KeyFlag::Weak) {
                        problems
                            .push(format!("{name}: the weak flag must be set exactly for RSA keys under 1024 bits"));
                    }
                    let fingerprint = r.key.fingerprint();
                    for other in &e.same_key_as {
                        if let Some(keys) = fingerprints.get(&other.to_lowercase())
                            && !keys.contains(&fingerprint)
                        {
                            problems.push(format!("{name}: same_key_as {other}, but that name holds another key"));
                        }
                    }
                }
            }
            match e.provenance.as_deref() {
                None | Some("published") => {}
                Some("gcd_recovered") => {
                    if !e.flags.contains(&KeyFlag::Recovered) {
                        problems.push(format!("{name}: provenance gcd_recovered needs the recovered flag"));
                    }
                }
                Some(other) => problems.push(format!("{name}: unknown provenance \"{other}\"")),
            }
            if e.provenance.as_deref() == Some("published") && e.flags.contains(&KeyFlag::Recovered) {
                problems.push(format!("{name}: a published key cannot be flagged recovered"));
            }
            for item in &e.also_found_in {
                if let Some(marker) = item.strip_suffix(']').and_then(|s| s.rsplit_once(" [")).map(|(_, m)| m)
                    && !ALSO_FOUND_MARKERS.contains(&marker)
                {
                    problems.push(format!("{name}: unknown also_found_in marker [{marker}]"));
                }
            }
            for date in [&e.first_seen, &e.last_seen].into_iter().flatten() {
                if !is_date(date) {
                    problems.push(format!("{name}: \"{date}\" is not a YYYY, YYYY-MM or YYYY-MM-DD date"));
                }
            }
            if let (Some(a), Some(b)) = (&e.first_seen, &e.last_seen)
                && a > b
            {
                problems.push(format!("{name}: first_seen {a} is after last_seen {b}"));
            }
            if e.source.as_deref().is_none_or(str::is_empty) {
                problems.push(format!("{name}: no source"));
            }
        }
        problems
    }

    /// The archive as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl ArchiveEntry {
    /// `selector._domainkey.domain`.
    pub fn name(&self) -> String {
        record_name(&self.selector, &self.domain).to_lowercase()
    }

    /// The provenance of this entry for a key store.
    pub fn provenance(&self, origin: &str) -> Provenance {
        Provenance {
            origin: origin.to_string(),
            source: self.source.clone(),
            first_seen: self.first_seen.clone(),
            last_seen: self.last_seen.clone(),
            flags: self.flags.clone(),
            notes: self.notes.clone(),
            // A key from `keys recover`, given back with --keys: worded as recovered from messages.
            recovered_from_messages: (!self.recovered_from.is_empty()).then_some(self.recovered_from.len()),
        }
    }

    fn from_zk_email(z: ZkEmailEntry) -> ArchiveEntry {
        let date = |v: Option<serde_json::Value>| -> Option<String> {
            match v? {
                serde_json::Value::String(s) => Some(s.chars().take(10).collect()),
                serde_json::Value::Number(n) => n.as_i64().map(unix_to_date),
                _ => None,
            }
        };
        let (key_type, bits) = match KeyRecord::parse(z.value.as_bytes()) {
            Ok(r) => (r.key_type.as_str().to_string(), r.bits()),
            Err(_) => ("unknown".into(), 0),
        };
        let mut flags = Vec::new();
        if key_type == "rsa" && bits > 0 && bits < 1024 {
            flags.push(KeyFlag::Weak);
        }
        ArchiveEntry {
            domain: z.domain.to_lowercase(),
            selector: z.selector,
            record: z.value,
            key_type,
            bits,
            first_seen: date(z.first_seen_at),
            last_seen: date(z.last_seen_at),
            source: Some("zk-email archive".into()),
            flags,
            ..ArchiveEntry::default()
        }
    }
}

/// The markers that may end an `also_found_in` item: in which form that copy holds the key
/// (`gcd_recovered`: rebuilt from signed messages there; `signature_verified`: messages there
/// verify with it).
const ALSO_FOUND_MARKERS: &[&str] =
    &["p_only", "pem", "rsa_modulus_hex", "rsa_modulus_decimal", "gcd_recovered", "signature_verified"];

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}
