//! The one assessment of the core: what a person may conclude from each signature and from the
//! message, in one word with its caveats, and which header fields that makes verified. Every
//! reader of a report uses it: the CLI's labels, tallies and exit status, the JSON, the page,
//! the widget and their exports. Nothing else decides whether something is "verified".
//!
//! | signature | assessment |
//! |---|---|
//! | `pass` with a key neither compromised nor weak | `verified` |
//! | `pass` with a key recovered from the messages themselves (`--recover-keys`) | `consistent` |
//! | `pass` with a key whose private half is public | `proves_nothing` |
//! | `permerror` `weak_key` (RSA under 1024 bits, RFC 8301 §3.2) whose arithmetic matched | `proves_nothing` |
//! | `permerror` `weak_key` whose arithmetic did not match, `fail` | `failed` |
//! | `fail` that verifies once a named repair is undone | `failed`, caveat `repaired` (never verified) |
//! | `neutral` / `permerror` `no_key`, `temperror` | `no_key` |
//! | any other `permerror` (syntax, key record, `expired` at the judging time) | `invalid` |
//!
//! DomainKey-Signature fields (RFC 4870) are assessed the same way with `basis: domainkeys`: a
//! verified one is a weaker kind of verified, which the headline says. ARC never counts.
//!
//! A message takes the best of its signatures (a verified one aligned with the From domain and
//! with the fewest caveats first, DKIM before DomainKeys); without signatures it is `unsigned`,
//! unreadable `error`.

pub use crate::dkim::assessment::{Assessment, Basis, Caveat, Status};
use crate::dkim::result::{KeyUsed, SignatureReport, Verdict};
use crate::domainkeys::DomainKeyReport;
use crate::text::dns_name::is_same_or_subdomain;
use serde::Serialize;

/// Whether a header field is covered by a signature that verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldStatus {
    /// Not covered by any signature.
    Unsigned,
    /// Named in `h=` of a signature that did not verify, or that verified only with a key anyone
    /// can sign with: never shown as verified.
    CoveredUnverified,
    /// Covered by a verified signature.
    Verified,
}

impl FieldStatus {
    /// The word used in JSON and in the page's `data-field-status`.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldStatus::Unsigned => "unsigned",
            FieldStatus::CoveredUnverified => "covered_unverified",
            FieldStatus::Verified => "verified",
        }
    }
}

/// Header fields whose status a report gives by name (`fields` in the JSON).
pub const MARKED_FIELDS: &[&str] = &["from", "to", "cc", "date", "subject", "sender", "reply-to"];

/// True when `d` and the From domain are the same or one is a subdomain of the other.
pub fn aligned(d: &str, from: &str) -> bool {
    // Both are lower case already as a rule (`d=` and the From domain are lower-cased when
    // read): copied only when they are not.
    fn lower(s: &str) -> std::borrow::Cow<'_, str> {
        if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { s.into() } else { s.to_lowercase().into() }
    }
    let (d, from) = (lower(d), lower(from));
    is_same_or_subdomain(&from, &d) || is_same_or_subdomain(&d, &from)
}

/// The status of one evaluated DKIM signature.
pub fn signature_status(s: &SignatureReport) -> Status {
    let arithmetic_matched = s.header_signature_valid == Some(true) && s.body_hash_matches == Some(true);
    status_of(s.result, s.reason, s.key.as_ref(), arithmetic_matched)
}

/// The status of a DKIM or DomainKeys signature from its result, reason, key and whether its
/// arithmetic matched.
fn status_of(result: Verdict, reason: &str, key: Option<&KeyUsed>, arithmetic_matched: bool) -> Status {
    match (result, reason) {
        (Verdict::Pass, _) if key.is_some_and(|k| k.compromised() || k.short()) => Status::ProvesNothing,
        (Verdict::Pass, _) if key.is_some_and(|k| k.provenance.recovered_from_messages.is_some()) => Status::Consistent,
        (Verdict::Pass, _) => Status::Verified,
        (Verdict::Permerror, "weak_key") if arithmetic_matched => Status::ProvesNothing,
        (Verdict::Permerror, "weak_key") | (Verdict::Fail, _) => Status::Failed,
        (Verdict::Neutral | Verdict::Temperror, _) | (Verdict::Permerror, "no_key") => Status::NoKey,
        (Verdict::None, _) => Status::Unsigned,
        (Verdict::Permerror | Verdict::Policy, _) => Status::Invalid,
    }
}

/// The assessment of one evaluated DKIM signature of a message whose From domain is
/// `from_domain`.
pub fn assess_signature(s: &SignatureReport, from_domain: Option<&str>) -> Assessment {
    let status = signature_status(s);
    let aligned = alignment(s.domain.as_deref(), from_domain);
    Assessment {
        status,
        basis: Some(Basis::Dkim),
        signature: Some(s.index),
        domain: s.domain.clone(),
        aligned,
        reason: Some(s.reason),
        caveats: {
            let mut c = caveats(status, aligned, s.key.as_ref(), s.body_unsigned_bytes > 0);
            if status == Status::Failed && s.repair.is_some() {
                c.push(Caveat::Repaired);
            }
            c
        },
    }
}

/// The assessment of one evaluated DomainKeys signature: `verified` is then a weaker kind of
/// verified (`basis: domainkeys`), which the headline says.
pub fn assess_domainkey(k: &DomainKeyReport, from_domain: Option<&str>) -> Assessment {
    let status = status_of(k.result, k.reason, k.key.as_ref(), k.signature_valid == Some(true));
    let aligned = alignment(k.domain.as_deref(), from_domain);
    Assessment {
        status,
        basis: Some(Basis::DomainKeys),
        signature: Some(k.index),
        domain: k.domain.clone(),
        aligned,
        reason: Some(k.reason),
        caveats: caveats(status, aligned, k.key.as_ref(), false),
    }
}

fn alignment(d: Option<&str>, from_domain: Option<&str>) -> Option<bool> {
    match (d, from_domain) {
        (Some(d), Some(from)) => Some(aligned(d, from)),
        _ => None,
    }
}

/// The caveats a signature's headline must say.
fn caveats(status: Status, aligned: Option<bool>, key: Option<&KeyUsed>, partial_body: bool) -> Vec<Caveat> {
    let mut caveats = Vec::new();
    if matches!(status, Status::Verified | Status::Consistent) {
        if aligned == Some(false) {
            caveats.push(Caveat::Misaligned);
        }
        if key.is_some_and(|k| k.testing) {
            caveats.push(Caveat::TestingKey);
        }
        if key.is_some_and(|k| !k.provenance.is_bundled()) {
            caveats.push(Caveat::UserKey);
        }
        if key.is_some_and(|k| k.date_in_window == Some(false)) {
            caveats.push(Caveat::KeyDateWindow);
        }
        if partial_body {
            caveats.push(Caveat::PartialBody);
        }
    }
    if key.is_some_and(|k| k.compromised()) {
        caveats.push(Caveat::CompromisedKey);
    }
    if key.is_some_and(|k| k.short()) {
        caveats.push(Caveat::WeakKey);
    }
    caveats
}

/// The assessment of a message from its signatures (already assessed): that of the best one,
/// a DKIM signature before a DomainKeys one of the same status, or `unsigned` without
/// signatures, `error` when the input could not be read.
pub fn assess_message(unreadable: bool, signatures: &[SignatureReport], domainkeys: &[DomainKeyReport]) -> Assessment {
    if unreadable {
        return Assessment::without_signature(Status::Error);
    }
    signatures
        .iter()
        .map(|s| &s.assessment)
        .chain(domainkeys.iter().map(|k| &k.assessment))
        .min_by_key(|a| {
            // Of failed signatures, one with a named repair says the most.
            let unrepaired = a.status == Status::Failed && !a.has(Caveat::Repaired);
            (a.status, unrepaired, a.basis == Some(Basis::DomainKeys), a.aligned != Some(true), a.caveats.len())
        })
        .cloned()
        .unwrap_or_else(|| Assessment::without_signature(Status::Unsigned))
}

/// What one signature (DKIM or DomainKeys) covers, and whether it counts as verified.
#[derive(Debug, Clone, Copy)]
pub struct Coverage<'s> {
    /// Indexes of the header fields it covers.
    pub fields: &'s [usize],
    /// Its assessment is `verified`.
    pub verified: bool,
}

/// The coverage of every signature of a message.
pub fn coverages<'s>(signatures: &'s [SignatureReport], domainkeys: &'s [DomainKeyReport]) -> Vec<Coverage<'s>> {
    let dkim =
        signatures.iter().map(|s| Coverage { fields: &s.covered_fields, verified: s.assessment.status.is_verified() });
    let dk =
        domainkeys.iter().map(|k| Coverage { fields: &k.covered_fields, verified: k.assessment.status.is_verified() });
    dkim.chain(dk).collect()
}

impl Coverage<'_> {
    /// The status it gives the fields it covers.
    fn status(&self) -> FieldStatus {
        if self.verified { FieldStatus::Verified } else { FieldStatus::CoveredUnverified }
    }
}

/// The status of the message's header field number `index`: covered by a verified signature,
/// only by signatures that did not verify (or proved nothing), or by none.
pub fn field_status(index: usize, coverages: &[Coverage<'_>]) -> FieldStatus {
    coverages.iter().filter(|c| c.fields.contains(&index)).map(Coverage::status).max().unwrap_or(FieldStatus::Unsigned)
}

/// The status of header fields `0..n` at once ([`field_status`] of each), in one pass over each
/// signature's covered fields: asking field by field searches every list once per field, which
/// a hostile message (thousands of fields, fifty signatures) makes quadratic.
pub fn field_statuses(n: usize, coverages: &[Coverage<'_>]) -> Vec<FieldStatus> {
    let mut out = vec![FieldStatus::Unsigned; n];
    for c in coverages {
        let status = c.status();
        for &i in c.fields {
            if let Some(x) = out.get_mut(i) {
                *x = (*x).max(status);
            }
        }
    }
    out
}

/// The status of a field name with instances at `indexes`, given every field's status (see
/// [`field_statuses`]): the weakest of them (one verified From beside an added one is not a
/// verified From). `None` when the field is absent.
pub fn name_status(indexes: impl IntoIterator<Item = usize>, statuses: &[FieldStatus]) -> Option<FieldStatus> {
    indexes.into_iter().map(|i| statuses.get(i).copied().unwrap_or(FieldStatus::Unsigned)).min()
}
