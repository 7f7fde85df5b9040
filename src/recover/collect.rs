//! Signatures grouped by `d=` and `s=` for recovery, in bounded memory: a group keeps at most
//! [`MAX_SAMPLES_PER_GROUP`] signatures and the collector at most [`MAX_SAMPLES`]; the rest are
//! counted. A signature seen twice (the same message twice in a leak) is kept once: it adds
//! nothing to the arithmetic.

use super::limits::{MAX_SAMPLES, MAX_SAMPLES_PER_GROUP};
use super::sample::Sample;
use crate::keys::record_name;
use std::collections::{BTreeMap, HashSet};

/// The signatures of one `selector._domainkey.domain`.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// The signatures kept, in the order they were read.
    pub samples: Vec<Sample>,
    /// Signatures seen again (same `b=`), not kept.
    pub duplicates: usize,
    /// Signatures not kept because a cap was reached.
    pub over_cap: usize,
    /// Fingerprints of the `b=` values seen.
    seen: HashSet<u64>,
}

impl Group {
    /// `selector._domainkey.domain`.
    pub fn key_name(&self) -> String {
        record_name(&self.selector, &self.domain)
    }
}

/// Collects signatures from many messages into groups.
#[derive(Debug, Default)]
pub struct Collector {
    groups: BTreeMap<(String, String), Group>,
    kept: usize,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Self {
        Collector::default()
    }

    /// Adds one signature to its group.
    pub fn add(&mut self, sample: Sample) {
        let key = (sample.domain.clone(), sample.selector.clone());
        let group = self.groups.entry(key).or_insert_with(|| Group {
            domain: sample.domain.clone(),
            selector: sample.selector.clone(),
            ..Group::default()
        });
        let fingerprint = fingerprint(&sample.signature);
        if group.seen.contains(&fingerprint) {
            group.duplicates += 1;
        } else if group.samples.len() >= MAX_SAMPLES_PER_GROUP || self.kept >= MAX_SAMPLES {
            group.over_cap += 1;
        } else {
            group.seen.insert(fingerprint);
            group.samples.push(sample);
            self.kept += 1;
        }
    }

    /// Number of signatures kept.
    pub fn len(&self) -> usize {
        self.kept
    }

    /// True when no signature was kept.
    pub fn is_empty(&self) -> bool {
        self.kept == 0
    }

    /// The groups, by domain then selector.
    pub fn into_groups(self) -> Vec<Group> {
        self.groups.into_values().collect()
    }
}

/// A 64-bit fingerprint of a signature value (two different values sharing one only lose a
/// signature, never make a key).
fn fingerprint(signature: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    signature.hash(&mut h);
    h.finish()
}
