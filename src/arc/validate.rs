//! ARC chain validation, RFC 8617 §5.2, step by step: the sets and their structure (steps 1, 3.1,
//! 3.2), the `cv=` values (steps 2, 3.3), the newest message signature (step 4), the oldest
//! message signature that still verifies (step 5), every seal from the newest down (step 6).
//!
//! A key that is not known here (offline) does not fail the chain: if nothing else fails, the
//! result is `neutral` (cannot be checked), as for DKIM.

use super::auth_results;
use super::message_signature::{self, MessageSignatureCheck, arc_key_rule};
use super::result::{ArcReport, ArcSetReport, ArcStep};
use super::seal::Seal;
use super::sets::{ArcSet, BrokenStructure, Structure, authentication_results_payload, collect, tag_values};
use crate::dkim::body_hash::BodyCache;
use crate::dkim::key_check::{KeyOutcome, KeyRequest, check_key_for};
use crate::dkim::result::{KeyUsed, Verdict};
use crate::dkim::signature::key_name;
use crate::keys::KeyStore;
use crate::l10n::Phrase;
use crate::message::Message;

/// What chain validation is done against.
pub struct ArcContext<'m, 'a, 'k, 'b> {
    /// The message.
    pub message: &'m Message<'a>,
    /// The keys.
    pub keys: &'k KeyStore,
    /// The message's Date (unix seconds), for the keys' known windows.
    pub message_date: Option<i64>,
    /// Body hashes, shared with the DKIM signatures.
    pub bodies: &'b mut BodyCache,
}

/// A failure found while validating: the result, reason, step, instance and detail.
struct Failure {
    result: Verdict,
    reason: &'static str,
    step: ArcStep,
    instance: Option<u32>,
    detail: Phrase,
}

/// Validates the message's ARC chain.
pub fn validate(ctx: ArcContext<'_, '_, '_, '_>) -> ArcReport {
    let message = ctx.message;
    let sets = match collect(message) {
        Structure::None => return ArcReport::none(),
        Structure::Broken(broken) => return broken_report(message, broken),
        Structure::Sets(sets) => sets,
    };
    let n = sets.len() as u32;
    let mut report = ArcReport { instances: n, ..ArcReport::none() };
    report.sets =
        sets.iter().map(|s| set_report(message, s.instance, Some(s.seal), Some(s.authentication_results))).collect();

    let mut failure = check_cv(message, &sets);
    // Step 4 and step 5: every message signature, the newest first.
    let mut oldest_pass = 0;
    let mut unknown_key: Option<Failure> = None;
    for (k, set) in sets.iter().enumerate().rev() {
        let check = message_signature::check(message, set.message_signature, ctx.keys, ctx.bodies, ctx.message_date);
        let entry = &mut report.sets[k];
        let valid = matches!(check, MessageSignatureCheck::Valid { .. });
        entry.message_signature_valid = match &check {
            MessageSignatureCheck::Key(..) => None,
            _ => Some(valid),
        };
        entry.body_hash_matches = match &check {
            MessageSignatureCheck::Valid { .. } => Some(true),
            MessageSignatureCheck::BodyChanged { .. } => Some(false),
            _ => None,
        };
        match &check {
            MessageSignatureCheck::Valid { domain, key } => {
                entry.signer = Some(domain.clone());
                entry.message_signature_key = Some(KeyUsed::clone(key));
            }
            MessageSignatureCheck::BodyChanged { domain } => entry.signer = Some(domain.clone()),
            _ => {}
        }
        if !valid && oldest_pass == 0 && k + 1 < sets.len() {
            oldest_pass = set.instance + 1;
        }
        if k + 1 == sets.len() {
            let fail =
                |result, reason, step, detail: Phrase| Failure { result, reason, step, instance: Some(n), detail };
            let newest = match check {
                MessageSignatureCheck::Valid { .. } => None,
                MessageSignatureCheck::BodyChanged { .. } => Some(fail(
                    Verdict::Fail,
                    "body_changed",
                    ArcStep::AmsBody,
                    Phrase::new("arc-detail-newest-body-changed"),
                )),
                MessageSignatureCheck::Invalid(code, detail) => {
                    Some(fail(Verdict::Fail, code, ArcStep::AmsHeader, detail))
                }
                MessageSignatureCheck::Key(Verdict::Permerror, code, detail) => {
                    Some(fail(Verdict::Fail, code, ArcStep::Key, detail))
                }
                MessageSignatureCheck::Key(result, code, detail) => {
                    unknown_key = Some(fail(result, code, ArcStep::Key, detail));
                    None
                }
            };
            if failure.is_none() {
                failure = newest;
            }
        }
    }
    // Step 6: every seal, the newest first.
    for (k, set) in sets.iter().enumerate().rev() {
        let outcome = check_seal(&ctx, &sets, k);
        let entry = &mut report.sets[k];
        let instance = Some(set.instance);
        let found = match outcome {
            SealCheck::Valid(key) => {
                entry.seal_valid = Some(true);
                entry.seal_key = Some(key);
                None
            }
            SealCheck::Mismatch(key, detail) => {
                entry.seal_valid = Some(false);
                entry.seal_key = Some(key);
                Some(Failure { result: Verdict::Fail, reason: "seal_mismatch", step: ArcStep::Seal, instance, detail })
            }
            SealCheck::Invalid(code, detail) => {
                entry.seal_valid = Some(false);
                Some(Failure { result: Verdict::Fail, reason: code, step: ArcStep::Seal, instance, detail })
            }
            SealCheck::Key(Verdict::Permerror, code, detail) => {
                Some(Failure { result: Verdict::Fail, reason: code, step: ArcStep::Key, instance, detail })
            }
            SealCheck::Key(result, code, detail) => {
                unknown_key.get_or_insert(Failure { result, reason: code, step: ArcStep::Key, instance, detail });
                None
            }
        };
        if failure.is_none() {
            failure = found;
        }
    }
    match failure.or(unknown_key) {
        Some(f) => {
            report.result = f.result;
            report.reason = f.reason;
            report.category = Some(f.step);
            report.failed_instance = f.instance;
            report.detail = Some(f.detail);
        }
        None => {
            report.result = Verdict::Pass;
            report.reason = "verified";
            report.oldest_pass = Some(oldest_pass);
        }
    }
    report
}

/// Steps 2 and 3.3: the newest seal must not say `cv=fail`; the first must say `none` and every
/// later one `pass`.
fn check_cv(message: &Message<'_>, sets: &[ArcSet]) -> Option<Failure> {
    let cv = |set: &ArcSet| -> Option<String> {
        tag_values(message.headers[set.seal].value, "cv")
            .first()
            .map(|v| String::from_utf8_lossy(v).to_ascii_lowercase())
    };
    let newest = sets.last()?;
    if cv(newest).as_deref() == Some("fail") {
        return Some(Failure {
            result: Verdict::Fail,
            reason: "chain_marked_failed",
            step: ArcStep::Cv,
            instance: Some(newest.instance),
            detail: Phrase::new("arc-detail-cv-fail").arg("i", newest.instance.to_string()),
        });
    }
    sets.iter().find_map(|set| {
        let want = if set.instance == 1 { "none" } else { "pass" };
        let got = cv(set);
        (got.as_deref() != Some(want)).then(|| Failure {
            result: Verdict::Fail,
            reason: "bad_cv",
            step: ArcStep::Cv,
            instance: Some(set.instance),
            detail: match got {
                Some(v) => {
                    Phrase::new("arc-detail-bad-cv").arg("i", set.instance.to_string()).arg("cv", v).arg("want", want)
                }
                None => Phrase::new("arc-detail-no-cv").arg("i", set.instance.to_string()),
            },
        })
    })
}

/// What checking one seal gave.
enum SealCheck {
    Valid(KeyUsed),
    /// The seal is well formed but does not verify with this key.
    Mismatch(KeyUsed, Phrase),
    Invalid(&'static str, Phrase),
    Key(Verdict, &'static str, Phrase),
}

/// Step 6 for the seal of `sets[k]`.
fn check_seal(ctx: &ArcContext<'_, '_, '_, '_>, sets: &[ArcSet], k: usize) -> SealCheck {
    let field = &ctx.message.headers[sets[k].seal];
    let seal = match Seal::parse(field) {
        Ok(seal) => seal,
        Err(e) => return SealCheck::Invalid(e.code(), e.phrase()),
    };
    let digest = seal.digest(ctx.message, sets, k);
    let request = KeyRequest {
        name: key_name(&seal.selector, &seal.domain),
        algorithm: seal.algorithm,
        signature: &seal.signature,
        domain: &seal.domain,
        identity: None,
    };
    match check_key_for(ctx.keys, &request, &digest, ctx.message_date, &arc_key_rule) {
        KeyOutcome::Error(verdict, code, _, detail) => SealCheck::Key(verdict, code, detail),
        KeyOutcome::Checked { key, valid: true } => SealCheck::Valid(key),
        KeyOutcome::Checked { key, valid: false } => {
            SealCheck::Mismatch(key, Phrase::new("arc-detail-seal-mismatch").arg("i", sets[k].instance.to_string()))
        }
    }
}

/// The report of a chain whose structure is broken: what can be read of each set, unchecked.
fn broken_report(message: &Message<'_>, broken: BrokenStructure) -> ArcReport {
    ArcReport {
        result: Verdict::Fail,
        reason: broken.reason,
        category: Some(ArcStep::Structure),
        instances: broken.instances,
        failed_instance: broken.failed_instance,
        detail: Some(broken.detail),
        sets: broken
            .partial
            .iter()
            .zip(1..)
            .map(|(p, i)| set_report(message, i, p.seal, p.authentication_results))
            .collect(),
        ..ArcReport::none()
    }
}

/// What can be read of a set without checking anything: the sealer, `cv=`, the recorded results.
fn set_report(message: &Message<'_>, instance: u32, seal: Option<usize>, aar: Option<usize>) -> ArcSetReport {
    let seal_tag = |name: &str| {
        seal.and_then(|i| {
            tag_values(message.headers[i].value, name).first().map(|v| String::from_utf8_lossy(v).into_owned())
        })
    };
    ArcSetReport {
        instance,
        sealer: seal_tag("d").map(|d| d.to_lowercase()),
        seal_selector: seal_tag("s"),
        cv: seal_tag("cv"),
        authentication_results: aar
            .map(|i| auth_results::parse(authentication_results_payload(message.headers[i].value))),
        ..ArcSetReport::default()
    }
}
