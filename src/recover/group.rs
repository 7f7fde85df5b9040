//! Recovering the keys of one (`d=`, `s=`) group. Signatures are sorted by date (keys rotate
//! over time, so neighbours most likely share a key) and split by size (the key's byte length is
//! the signatures' length). Pairs are tried neighbours first: the GCD of a pair, its small
//! factors removed and further signatures folded in, is a candidate when it has the expected
//! size; a candidate counts only when it verifies the pair (with the library's own RSA
//! verification), and it is then credited with every signature of the group it verifies. The
//! search goes on with the signatures left, so a rotation yields each of its keys and a pair of
//! different keys, or an altered message, yields nothing.

use super::collect::Group;
use super::entry::RecoveredKey;
use super::limits::{EXPONENTS, MAX_BITS, MAX_PAIRS};
use super::modulus::{self, Equation};
use super::sample::Sample;
use crate::crypto::{PublicKey, RsaPublicKey, pkcs1v15_encoding};
use crate::keys::record_name;
use std::collections::HashSet;

/// Why some signatures of a group gave no key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrecovered {
    /// Fewer than two signatures of this size: at least two are needed.
    TooFew,
    /// No pair of these signatures shares a key (different keys, or messages changed after
    /// signing), within the pairs tried.
    NoCommonKey,
    /// Signatures of keys over [`MAX_BITS`] bits are not recovered.
    TooLarge,
    /// The signatures are too short to hold a PKCS#1 v1.5 encoding.
    TooSmall,
}

impl Unrecovered {
    /// Stable code: `too_few`, `no_common_key`, `too_large`, `too_small`.
    pub fn code(self) -> &'static str {
        match self {
            Unrecovered::TooFew => "too_few",
            Unrecovered::NoCommonKey => "no_common_key",
            Unrecovered::TooLarge => "too_large",
            Unrecovered::TooSmall => "too_small",
        }
    }
}

/// What recovery made of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupOutcome {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// Signatures kept (distinct `b=` values), see also [`Group::over_cap`].
    pub signatures: usize,
    /// Every distinct key found.
    pub keys: Vec<RecoveredKey>,
    /// Signatures no key was found for, and why (one entry per reason, with its count).
    pub unrecovered: Vec<(Unrecovered, usize)>,
    /// Full GCDs computed.
    pub pairs_tried: usize,
    /// Signatures not kept because a cap was reached ([`Group::over_cap`]).
    pub over_cap: usize,
}

impl GroupOutcome {
    /// `selector._domainkey.domain`.
    pub fn key_name(&self) -> String {
        record_name(&self.selector, &self.domain)
    }
}

/// Recovers every key it can from the group's signatures.
pub fn recover(group: &Group) -> GroupOutcome {
    let mut outcome = GroupOutcome {
        domain: group.domain.clone(),
        selector: group.selector.clone(),
        signatures: group.samples.len(),
        keys: Vec::new(),
        unrecovered: Vec::new(),
        pairs_tried: 0,
        over_cap: group.over_cap,
    };
    for (k, members) in by_size(&group.samples) {
        let why = if k * 8 > MAX_BITS {
            Some(Unrecovered::TooLarge)
        } else if members.len() < 2 {
            Some(Unrecovered::TooFew)
        } else {
            None
        };
        if let Some(why) = why {
            note(&mut outcome.unrecovered, why, members.len());
            continue;
        }
        let Some(encoded) = members
            .iter()
            .map(|&i| pkcs1v15_encoding(group.samples[i].hash, &group.samples[i].header_hash, k))
            .collect::<Option<Vec<Vec<u8>>>>()
        else {
            note(&mut outcome.unrecovered, Unrecovered::TooSmall, members.len());
            continue;
        };
        let bucket = Bucket { samples: &group.samples, members: &members, encoded: &encoded, k };
        let left = bucket.search(&mut outcome);
        if left > 0 {
            let why = if left == 1 { Unrecovered::TooFew } else { Unrecovered::NoCommonKey };
            note(&mut outcome.unrecovered, why, left);
        }
    }
    outcome
}

fn note(list: &mut Vec<(Unrecovered, usize)>, why: Unrecovered, count: usize) {
    match list.iter_mut().find(|(w, _)| *w == why) {
        Some((_, n)) => *n += count,
        None => list.push((why, count)),
    }
}

/// Signature indexes by key size in bytes, each sorted by date (undated last). A signature one
/// byte shorter than others is counted with them (a signer that dropped a leading zero byte).
fn by_size(samples: &[Sample]) -> Vec<(usize, Vec<usize>)> {
    let lengths: HashSet<usize> = samples.iter().map(|s| s.signature.len()).collect();
    let mut sizes: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, s) in samples.iter().enumerate() {
        let len = s.signature.len();
        let k = if lengths.contains(&(len + 1)) { len + 1 } else { len };
        match sizes.iter_mut().find(|(size, _)| *size == k) {
            Some((_, members)) => members.push(i),
            None => sizes.push((k, vec![i])),
        }
    }
    sizes.sort_by_key(|(k, _)| *k);
    for (_, members) in &mut sizes {
        members.sort_by_key(|&i| (samples[i].message.date_unix.is_none(), samples[i].message.date_unix));
    }
    sizes
}

/// The signatures of one size.
struct Bucket<'g> {
    samples: &'g [Sample],
    /// Indexes into `samples`, by date.
    members: &'g [usize],
    /// The encoding of each member's digest (same order as `members`).
    encoded: &'g [Vec<u8>],
    /// Key size in bytes.
    k: usize,
}

impl Bucket<'_> {
    fn equation(&self, m: usize) -> Equation<'_> {
        Equation { signature: &self.samples[self.members[m]].signature, encoded: &self.encoded[m] }
    }

    /// Tries pairs of the members not yet credited to a key, neighbours first, until fewer than
    /// two are left or [`MAX_PAIRS`] GCDs were computed. Returns how many are left.
    fn search(&self, outcome: &mut GroupOutcome) -> usize {
        let mut left: Vec<usize> = (0..self.members.len()).collect();
        let mut tried: HashSet<(usize, usize)> = HashSet::new();
        'next_key: while left.len() >= 2 {
            for j in 1..left.len() {
                for i in (0..j).rev() {
                    let (a, b) = (left[i], left[j]);
                    if !tried.insert((a, b)) {
                        continue;
                    }
                    if outcome.pairs_tried >= MAX_PAIRS {
                        break 'next_key;
                    }
                    outcome.pairs_tried += 1;
                    let others: Vec<usize> = left.iter().copied().filter(|&m| m != a && m != b).collect();
                    if let Some(key) = self.try_pair(a, b, &others) {
                        let credited: Vec<usize> = left.iter().copied().filter(|&m| self.verifies(&key, m)).collect();
                        left.retain(|m| !credited.contains(m));
                        if let Some(recovered) = self.recovered(&key, &credited) {
                            outcome.keys.push(recovered);
                        }
                        continue 'next_key;
                    }
                }
            }
            break;
        }
        left.len()
    }

    /// The key of members `a` and `b`, if they share one: for each exponent, the GCD, folded
    /// with `others` while it is larger than a key of this size, kept if it verifies both.
    fn try_pair(&self, a: usize, b: usize, others: &[usize]) -> Option<(PublicKey, u32)> {
        let (min_bits, max_bits) = ((self.k as u64 - 1) * 8 + 1, self.k as u64 * 8);
        for &e in EXPONENTS {
            let Some(mut g) = modulus::common_divisor(self.equation(a), self.equation(b), e, 2 * max_bits) else {
                continue;
            };
            for &o in others.iter().take(64) {
                if modulus::bits(&g) <= max_bits {
                    break;
                }
                let folded = modulus::fold(&g, self.equation(o), e);
                // A signature of another key (or an altered one) shrinks the GCD below a key's
                // size: leave it out.
                if modulus::bits(&folded) >= min_bits {
                    g = folded;
                }
            }
            if !(min_bits..=max_bits).contains(&modulus::bits(&g)) {
                continue;
            }
            let Ok(rsa) = RsaPublicKey::from_components(&modulus::to_bytes(&g), &e.to_be_bytes()) else { continue };
            let key = (PublicKey::Rsa(rsa), e);
            if self.verifies(&key, a) && self.verifies(&key, b) {
                return Some(key);
            }
        }
        None
    }

    /// Whether member `m`'s signature verifies with `key` (RFC 8017 §8.2.2, as verification).
    fn verifies(&self, key: &(PublicKey, u32), m: usize) -> bool {
        let s = &self.samples[self.members[m]];
        key.0.verify(s.hash, &s.header_hash, &s.signature)
    }

    /// The key credited with members `credited` (`None` if none, which `try_pair` rules out).
    fn recovered(&self, key: &(PublicKey, u32), credited: &[usize]) -> Option<RecoveredKey> {
        let first = &self.samples[self.members[*credited.first()?]];
        let PublicKey::Rsa(rsa) = &key.0 else { return None };
        let (modulus, bits) = (rsa.modulus().to_vec(), rsa.bits());
        Some(RecoveredKey {
            domain: first.domain.clone(),
            selector: first.selector.clone(),
            modulus,
            exponent: key.1,
            bits,
            messages: credited.iter().map(|&m| self.samples[self.members[m]].message.clone()).collect(),
        })
    }
}
