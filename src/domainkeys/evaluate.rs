//! Evaluation of one `DomainKey-Signature` (RFC 4870 §3.7), in the order of its steps: the
//! signature's syntax, the sending address and `d=`, the key (DKIM's key step, with the `g=`
//! rule added), then the RSA-SHA1 signature over the canonical message.

use super::canon::{hash_message, presented_fields};
use super::result::{DomainKeyReport, DomainKeyStep};
use super::signature::DomainKeySignature;
use crate::budget::MAX_DOMAINKEY_SIGNATURES;
use crate::crypto::{HashAlgorithm, Hasher};
use crate::dkim::algorithm::Algorithm;
use crate::dkim::key_check::{KeyOutcome, KeyRequest, check_key_for};
use crate::dkim::result::{Category, Verdict, Warning, WarningKind};
use crate::dkim::signature::{SignatureLabel, key_name};
use crate::dkim::warnings::{IMPORTANT_HEADERS, key_warnings};
use crate::keys::KeyStore;
use crate::keys::record::KeyRecord;
use crate::l10n::Phrase;
use crate::message::summary::first_address;
use crate::message::{HeaderField, Message};
use crate::text::dns_name::is_same_or_subdomain;

/// Evaluates the first [`MAX_DOMAINKEY_SIGNATURES`] `DomainKey-Signature` fields of `message`,
/// top first.
pub fn evaluate_all(message: &Message<'_>, keys: &KeyStore, message_date: Option<i64>) -> Vec<DomainKeyReport> {
    message
        .fields("domainkey-signature")
        .take(MAX_DOMAINKEY_SIGNATURES)
        .enumerate()
        .map(|(index, (field_index, field))| evaluate(message, keys, message_date, index, field_index, field))
        .collect()
}

/// Evaluates the DomainKeys signature `field` (header field number `field_index`, the
/// `index`-th DomainKey-Signature).
pub fn evaluate(
    message: &Message<'_>,
    keys: &KeyStore,
    message_date: Option<i64>,
    index: usize,
    field_index: usize,
    field: &HeaderField<'_>,
) -> DomainKeyReport {
    let mut report = DomainKeyReport::unevaluated(index, SignatureLabel::read(field));
    let sig = match DomainKeySignature::parse(field) {
        Ok(sig) => sig,
        Err(err) => {
            report.set_error(Verdict::Permerror, err.code(), DomainKeyStep::Syntax, err.phrase());
            return report;
        }
    };
    report.domain = Some(sig.domain.clone());
    report.selector = Some(sig.selector.clone());
    report.canonicalization = Some(sig.canonicalization.as_str().to_string());
    let fields = presented_fields(message, field_index, sig.headers.as_deref());
    report.signed_headers = fields.iter().map(|&i| message.headers[i].name_str().to_ascii_lowercase()).collect();
    report.covered_fields = fields.clone();

    let Some((local_part, sending_domain)) = sending_address(message, &fields, &mut report) else { return report };
    if !is_same_or_subdomain(&sending_domain, &sig.domain) {
        let detail =
            Phrase::new("dk-detail-domain-mismatch").arg("d", sig.domain.as_str()).arg("sending", sending_domain);
        report.set_error(Verdict::Permerror, "domain_mismatch", DomainKeyStep::Domain, detail);
        return report;
    }

    let mut hasher = Hasher::new(HashAlgorithm::Sha1);
    hash_message(&mut hasher, message, &fields, sig.canonicalization);
    let digest = hasher.finish();
    let request = KeyRequest {
        name: key_name(&sig.selector, &sig.domain),
        algorithm: Algorithm::RsaSha1,
        signature: &sig.signature,
        domain: &sig.domain,
        identity: None,
    };
    let granularity = |record: &KeyRecord| match record.granularity.as_deref() {
        Some(g) if !g.is_empty() && g != local_part => {
            Err(("key_granularity", Phrase::new("dk-detail-granularity").arg("g", g).arg("local", local_part.as_str())))
        }
        _ => Ok(()),
    };
    match check_key_for(keys, &request, &digest, message_date, &granularity) {
        KeyOutcome::Error(verdict, code, category, detail) => {
            let step = match (category, code) {
                (Category::Dns, _) => DomainKeyStep::Dns,
                (_, "key_granularity") => DomainKeyStep::Granularity,
                _ => DomainKeyStep::Key,
            };
            report.set_error(verdict, code, step, detail);
        }
        KeyOutcome::Checked { key, valid } => {
            report.warnings = warnings(message, &fields, &key);
            report.signature_valid = Some(valid);
            let short = key.short().then_some(key.bits);
            report.key = Some(key);
            if let Some(bits) = short {
                // As for DKIM (RFC 8301 §3.2): a key anyone can factor proves nothing; the
                // signature was still checked, and `signature_valid` says whether it matched.
                let detail = Phrase::new("dk-detail-weak-key").arg("bits", bits.to_string());
                report.set_error(Verdict::Permerror, "weak_key", DomainKeyStep::Key, detail);
            } else if valid {
                report.result = Verdict::Pass;
                report.reason = "verified";
            } else {
                let detail = Phrase::new("dk-detail-message-changed");
                report.set_error(Verdict::Fail, "message_changed", DomainKeyStep::Signature, detail);
            }
        }
    }
    report
}

/// The sending address (RFC 4870 §3.1): the first Sender field among the signed fields, else
/// the first From field, split into local part and lower-case domain. Sets the error when there
/// is none.
fn sending_address(message: &Message<'_>, fields: &[usize], report: &mut DomainKeyReport) -> Option<(String, String)> {
    let first = |name: &str| fields.iter().map(|&i| &message.headers[i]).find(|h| h.is(name));
    let Some(field) = first("sender").or_else(|| first("from")) else {
        let detail = Phrase::new("dk-detail-no-sending-field");
        report.set_error(Verdict::Permerror, "no_sending_address", DomainKeyStep::Domain, detail);
        return None;
    };
    let Some((local, domain)) =
        first_address(field).and_then(|a| a.rsplit_once('@').map(|(l, d)| (l.to_string(), d.to_lowercase())))
    else {
        let detail = Phrase::new("dk-detail-no-address").arg("field", field.name_str());
        report.set_error(Verdict::Permerror, "no_sending_address", DomainKeyStep::Domain, detail);
        return None;
    };
    report.sending_address = Some(format!("{local}@{domain}"));
    Some((local, domain))
}

/// SHA-1 always, the key's own warnings, and the important header fields present but not signed.
fn warnings(message: &Message<'_>, fields: &[usize], key: &crate::dkim::result::KeyUsed) -> Vec<Warning> {
    let mut kinds = vec![WarningKind::Sha1];
    kinds.extend(key_warnings(key));
    let mut signed = vec![false; message.headers.len()];
    for &i in fields {
        signed[i] = true;
    }
    let unsigned: Vec<&'static str> =
        IMPORTANT_HEADERS.iter().copied().filter(|name| message.instances(name).iter().any(|&i| !signed[i])).collect();
    if !unsigned.is_empty() {
        kinds.push(WarningKind::UnsignedHeader { names: unsigned });
    }
    kinds.into_iter().map(Warning::new).collect()
}
