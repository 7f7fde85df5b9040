//! Warnings that change what a signature's result means: weak algorithms and keys, key flags,
//! important header fields left unsigned or present more often than signed, an `l=` limit,
//! a timestamp in the future, an expiry passed since signing.

use super::judging::Judging;
use super::result::{KeyUsed, SignatureReport, Warning, WarningKind};
use super::signature::Signature;
use crate::crypto::HashAlgorithm;
use crate::keys::KeyFlag;
use crate::message::Message;

/// Header fields whose absence from `h=` is worth a warning.
pub const IMPORTANT_HEADERS: &[&str] =
    &["from", "to", "cc", "subject", "date", "reply-to", "sender", "message-id", "content-type"];

/// Header fields that relays add on the way; more instances than signed is normal for them.
const TRACE_HEADERS: &[&str] =
    &["received", "return-path", "delivered-to", "authentication-results", "dkim-signature", "received-spf"];

/// The warnings a key itself brings (compromised, recovered, testing, outside its known
/// dates), whatever kind of signature it checked.
pub fn key_warnings(key: &KeyUsed) -> Vec<WarningKind> {
    let mut w = Vec::new();
    if key.compromised() {
        w.push(WarningKind::CompromisedKey);
    }
    if key.provenance.flags.contains(&KeyFlag::Recovered) {
        w.push(WarningKind::RecoveredKey);
    }
    if key.testing {
        w.push(WarningKind::TestingKey);
    }
    if key.date_in_window == Some(false) {
        w.push(WarningKind::KeyDateWindow);
    }
    w
}

/// The warnings for a signature already evaluated into `report`; `now` is the caller's time.
pub fn warnings(
    message: &Message<'_>,
    sig: &Signature,
    report: &SignatureReport,
    canonical_len: u64,
    (now, judging): (u64, Judging),
) -> Vec<Warning> {
    let mut w = Vec::new();
    let mut push = |kind: WarningKind| w.push(Warning::new(kind));
    if sig.algorithm.hash() == HashAlgorithm::Sha1 {
        push(WarningKind::Sha1);
    }
    if let Some(key) = &report.key {
        key_warnings(key).into_iter().for_each(&mut push);
    }
    // How often each name is listed in h= (lower-case): two binary searches in the sorted list.
    let mut sorted: Vec<&str> = report.signed_headers.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let listed = |name: &str| sorted.partition_point(|n| *n <= name) - sorted.partition_point(|n| *n < name);
    let present = |name: &str| message.instances(name).len();
    let unsigned: Vec<&str> = IMPORTANT_HEADERS.iter().copied().filter(|h| present(h) > 0 && listed(h) == 0).collect();
    if !unsigned.is_empty() {
        push(WarningKind::UnsignedHeader { names: unsigned });
    }
    // Each name present once at most, marked at the index of its first instance.
    let mut seen = vec![false; message.headers.len()];
    for name in &report.signed_headers {
        // Trace fields are added on the way by design; an extra one says nothing.
        let trace = TRACE_HEADERS.contains(&name.as_str()) || name.starts_with("x-") || name.starts_with("arc-");
        let instances = message.instances(name);
        let Some(&first) = instances.first() else { continue };
        if trace || std::mem::replace(&mut seen[first], true) {
            continue;
        }
        let (p, l) = (instances.len(), listed(name));
        if p > l {
            push(WarningKind::ExtraHeaderInstance { name: name.clone(), present: p, listed: l });
        }
    }
    if let Some(l) = sig.body_length
        && canonical_len > l
    {
        push(WarningKind::PartialBody { signed: l, unsigned: canonical_len - l });
    }
    if sig.timestamp.is_some_and(|t| t > now.saturating_add(300)) {
        push(WarningKind::FutureTimestamp);
    }
    // Judged as of signing, an expiry that has passed since is information, never a failure.
    if let Some(expires) =
        sig.expires.filter(|&x| x < now && judging == Judging::AsOfSigning && report.reason != "expired")
    {
        push(WarningKind::ExpiredSince { expires });
    }
    w
}
