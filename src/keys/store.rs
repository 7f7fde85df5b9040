//! The key store: maps `selector._domainkey.domain` to every candidate key known for it, each
//! with its provenance (the bundled archive, a file, a key the user added), parsed once, on the
//! first lookup that needs it (a batch touches few of the bundled archive's keys, and an RSA key
//! costs its Montgomery set-up). Verification tries every candidate.
//!
//! Conversions between a store and the archive format ([`KeyStore::add_archive`], and the
//! entries behind [`Archive::from_store`]) live here, so that the archive format knows nothing of
//! stores.

use super::archive::{Archive, ArchiveEntry, ArchiveError, ArchiveSource};
use super::provenance::{BUNDLED_ORIGIN, KeyFlag, Provenance};
use super::record::{KeyRecord, KeyRecordError, record_name, split_record_name};
use super::zone::{self, ZoneError, normalize_name};
use crate::budget::{Exceeded, Limit, MAX_KEYS_PER_NAME, Work, count};
use crate::l10n::Phrase;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// One candidate key for a name.
#[derive(Debug, Clone)]
pub struct KeyEntry {
    /// `selector._domainkey.domain`, lower-case.
    pub name: String,
    /// The TXT record as published.
    pub record: String,
    /// Where it came from.
    pub provenance: Provenance,
    /// The record parsed on first use (see [`KeyEntry::parsed`]).
    parsed: OnceLock<Result<Arc<KeyRecord>, KeyRecordError>>,
}

impl KeyEntry {
    /// A candidate key; its record is parsed when first needed.
    pub fn new(name: String, record: String, provenance: Provenance) -> KeyEntry {
        KeyEntry { name, record, provenance, parsed: OnceLock::new() }
    }

    /// The record parsed (once, on the first call, from any thread), or why it is unusable.
    pub fn parsed(&self) -> &Result<Arc<KeyRecord>, KeyRecordError> {
        self.parsed.get_or_init(|| KeyRecord::parse(self.record.as_bytes()).map(Arc::new))
    }
}

/// The answer to a key lookup.
#[derive(Debug)]
pub enum Lookup<'a> {
    /// One or more candidate records.
    Found(&'a [KeyEntry]),
    /// No record. `authoritative` is true when the store stands for all of DNS (the name does
    /// not exist) and false when it only means no key is known here.
    NotFound {
        /// Whether absence means the name does not exist.
        authoritative: bool,
    },
    /// A temporary failure (simulated DNS failure).
    TempFail(String),
}

/// Keys by DNS name.
#[derive(Debug, Clone, Default)]
pub struct KeyStore {
    by_name: HashMap<String, Vec<KeyEntry>>,
    /// `(name, record without whitespace)` of every entry, to refuse duplicates in one lookup.
    records: HashSet<(String, String)>,
    /// Fingerprints of keys flagged compromised under any name.
    compromised: std::collections::HashSet<[u8; 32]>,
    temp_failures: HashMap<String, String>,
    authoritative: bool,
}

impl KeyStore {
    /// An empty, non-authoritative store.
    pub fn new() -> Self {
        KeyStore::default()
    }

    /// A store holding the bundled key archive.
    pub fn with_bundled_archive() -> Self {
        let mut store = KeyStore::new();
        // The bundled archive is checked by tests: it stays within every budget.
        let _ = store.add_archive(&Archive::bundled(), BUNDLED_ORIGIN);
        store
    }

    /// Makes absence mean "the name does not exist" (`permerror`) instead of "no key is known
    /// here" (`neutral`). For test zones that stand for the whole DNS.
    pub fn set_authoritative(&mut self, authoritative: bool) {
        self.authoritative = authoritative;
    }

    /// Makes lookups of `name` fail temporarily (for tests of `temperror`).
    pub fn set_temp_failure(&mut self, name: &str, why: &str) {
        self.temp_failures.insert(normalize_name(name), why.to_string());
    }

    /// Adds a record under `name`. A record identical to one already held for the name is not
    /// added twice, nor one beyond [`MAX_KEYS_PER_NAME`]. Returns whether it was added.
    pub fn add(&mut self, name: &str, record: &str, provenance: Provenance) -> bool {
        self.try_add(name, record, provenance).unwrap_or(false)
    }

    /// As [`KeyStore::add`], with the budget hit as an error: `Ok(false)` for a duplicate.
    /// Duplicates are found with a set, so adding n keys under one name is linear in n.
    pub fn try_add(&mut self, name: &str, record: &str, provenance: Provenance) -> Result<bool, Exceeded> {
        let name = normalize_name(name);
        let compact: String = record.split_whitespace().collect();
        count(Work::KeyComparisons, 1);
        if self.records.contains(&(name.clone(), compact.clone())) {
            return Ok(false);
        }
        let entries = self.by_name.entry(name.clone()).or_default();
        if entries.len() >= MAX_KEYS_PER_NAME {
            return Err(Exceeded::new(Limit::KeysPerName, None));
        }
        let entry = KeyEntry::new(name.clone(), record.to_string(), provenance);
        // A key flagged compromised is parsed now: its fingerprint marks it under every name.
        if entry.provenance.flags.contains(&KeyFlag::Compromised)
            && let Ok(r) = entry.parsed()
        {
            self.compromised.insert(r.fingerprint());
        }
        entries.push(entry);
        self.records.insert((name, compact));
        Ok(true)
    }

    /// Adds one record, turning a budget hit into a problem to report.
    fn add_reporting(
        &mut self,
        name: &str,
        record: &str,
        provenance: Provenance,
        line: usize,
    ) -> Result<bool, ZoneError> {
        self.try_add(name, record, provenance).map_err(|e| ZoneError {
            line,
            message: Phrase::new("key-skipped").arg("name", normalize_name(name)).phrase("why", e.phrase()),
        })
    }

    /// True when this key is flagged compromised under any name held here (the same private
    /// key can be published under many names).
    pub fn is_compromised(&self, record: &KeyRecord) -> bool {
        !self.compromised.is_empty() && self.compromised.contains(&record.fingerprint())
    }

    /// Adds every entry of `archive` with the given origin label; returns the entries skipped
    /// by a budget.
    pub fn add_archive(&mut self, archive: &Archive, origin: &str) -> Vec<ZoneError> {
        archive
            .keys
            .iter()
            .filter_map(|e| self.add_reporting(&e.name(), &e.record, e.provenance(origin), 0).err())
            .collect()
    }

    /// Adds every TXT record of zone / `dig` text. Returns how many were added and the lines
    /// that could not be read.
    pub fn add_zone(&mut self, text: &str, origin: &str) -> (usize, Vec<ZoneError>) {
        let (records, mut errors) = zone::parse(text);
        let (added, problems) = self.add_records(records, origin);
        errors.extend(problems);
        (added, errors)
    }

    /// Adds zone records; returns how many were added and the budget hits.
    fn add_records(&mut self, records: Vec<zone::TxtRecord>, origin: &str) -> (usize, Vec<ZoneError>) {
        let (mut added, mut problems) = (0, Vec::new());
        for r in records {
            match self.add_reporting(&r.name, &String::from_utf8_lossy(&r.data), Provenance::origin(origin), r.line) {
                Ok(new) => added += usize::from(new),
                Err(problem) => problems.push(problem),
            }
        }
        (added, problems)
    }

    /// Adds keys from text in any supported format: the archive's JSON, the zk-email archive's
    /// JSON, or zone / `dig` lines. Returns how many keys were added and the zone lines that
    /// could not be read; fails when nothing usable is found.
    pub fn import(&mut self, text: &str, origin: &str) -> Result<(usize, Vec<ZoneError>), ImportError> {
        let trimmed = text.trim_start();
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            let archive = Archive::from_json(text)?;
            let before = self.len();
            let problems = self.add_archive(&archive, origin);
            return Ok((self.len() - before, problems));
        }
        let (records, mut errors) = zone::parse(text);
        if records.is_empty() {
            return Err(if errors.is_empty() { ImportError::NoRecords } else { ImportError::Zone(errors) });
        }
        let (added, problems) = self.add_records(records, origin);
        errors.extend(problems);
        Ok((added, errors))
    }

    /// Looks up `selector._domainkey.domain`.
    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        let name = normalize_name(name);
        if let Some(why) = self.temp_failures.get(&name) {
            return Lookup::TempFail(why.clone());
        }
        match self.by_name.get(&name) {
            Some(entries) if !entries.is_empty() => Lookup::Found(entries),
            _ => Lookup::NotFound { authoritative: self.authoritative },
        }
    }

    /// Number of records held.
    pub fn len(&self) -> usize {
        self.by_name.values().map(Vec::len).sum()
    }

    /// True when no record is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, sorted by name.
    pub fn entries(&self) -> Vec<&KeyEntry> {
        let mut all: Vec<&KeyEntry> = self.by_name.values().flatten().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }
}

/// Why imported key text could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// JSON that is neither the archive format nor the zk-email format.
    Archive(#[from] ArchiveError),
    /// Zone text in which no record could be read.
    Zone(Vec<ZoneError>),
    /// Text with no key record in it.
    NoRecords,
}

impl ImportError {
    /// What is wrong, in words.
    pub fn phrase(&self) -> Phrase {
        match self {
            ImportError::Archive(e) => e.phrase(),
            ImportError::Zone(errors) => Phrase::new("import-error-zone")
                .phrase("errors", Phrase::list(errors.iter().map(ZoneError::phrase)).unwrap_or_default()),
            ImportError::NoRecords => Phrase::new("import-error-no-records"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.phrase().fmt(f)
    }
}

/// Builds one zone line for a bare TXT value published at `selector._domainkey.domain`.
pub fn zone_line(selector: &str, domain: &str, txt: &str) -> String {
    let name = format!("{}.", record_name(selector.trim(), domain.trim().trim_end_matches('.')));
    let escaped: String = txt
        .trim()
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect();
    format!("{} IN TXT \"{}\"", name.to_lowercase(), escaped)
}

impl ArchiveSource for KeyStore {
    /// Every key held, sorted by name, as archive entries (for export).
    fn archive_entries(&self) -> Vec<ArchiveEntry> {
        self.entries()
            .into_iter()
            .map(|e| {
                let (selector, domain) = split_record_name(&e.name);
                let (key_type, bits) = match e.parsed() {
                    Ok(r) => (r.key_type.as_str().to_string(), r.bits()),
                    Err(_) => ("unknown".to_string(), 0),
                };
                ArchiveEntry {
                    domain: domain.to_string(),
                    selector: selector.to_string(),
                    record: e.record.clone(),
                    key_type,
                    bits,
                    first_seen: e.provenance.first_seen.clone(),
                    last_seen: e.provenance.last_seen.clone(),
                    source: e.provenance.source.clone().or_else(|| Some(e.provenance.origin.clone())),
                    flags: e.provenance.flags.clone(),
                    notes: e.provenance.notes.clone(),
                    ..ArchiveEntry::default()
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ED: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    #[test]
    fn lookup_is_case_insensitive_and_dedupes() {
        let mut store = KeyStore::new();
        assert!(store.add("Brisbane._domainkey.Football.Example.com.", ED, Provenance::origin("test")));
        assert!(!store.add("brisbane._domainkey.football.example.com", ED, Provenance::origin("again")));
        match store.lookup("BRISBANE._domainkey.football.example.com") {
            Lookup::Found(e) => assert_eq!(e.len(), 1),
            other => panic!("{other:?}"),
        }
        assert!(matches!(store.lookup("x._domainkey.y"), Lookup::NotFound { authoritative: false }));
    }

    #[test]
    fn zone_line_round_trips_through_the_zone_parser() {
        let mut store = KeyStore::new();
        let line = zone_line("brisbane", "football.example.com", ED);
        assert_eq!(store.add_zone(&line, "pasted").0, 1);
        assert!(matches!(store.lookup("brisbane._domainkey.football.example.com"), Lookup::Found(_)));
    }
}
