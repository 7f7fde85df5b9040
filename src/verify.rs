//! The top of the library: raw message bytes and keys in, a [`MessageReport`] out. Reads the
//! message, evaluates every DKIM signature, and hands the results to the report layer for the
//! verdict and its wording.

use crate::arc::{self, ArcContext, ArcReport, FailedSignature};
use crate::budget::MAX_DOMAINKEY_SIGNATURES;
use crate::dkim::MAX_SIGNATURES;
use crate::dkim::body_hash::{self, BodyCache, ProvidedBodyHash};
use crate::dkim::evaluate::{Context, evaluate};
pub use crate::dkim::judging::Judging;
use crate::dkim::judging::JudgingMode;
use crate::domainkeys;
use crate::keys::KeyStore;
use crate::l10n::Phrase;
use crate::message::summary::Summary;
use crate::message::{HeaderField, Message, input};
use crate::report::assess::{Assessment, Status, assess_domainkey, assess_message, assess_signature, coverages};
use crate::report::headers::field_marks;
use crate::report::{self, MAX_HEADER_VIEWS, MessageReport, SignatureReport, Verdict, header_views};
use sha2::{Digest, Sha256};

/// How to verify.
#[derive(Debug, Clone)]
pub struct Options {
    /// The caller's current time (unix seconds): the core reads no clock.
    pub now: u64,
    /// When signatures are judged: as of signing (each at its `t=`, else the message's Date,
    /// else `now`), or all at one given time.
    pub judging: Judging,
    /// Include the plain-text body in the report.
    pub with_body: bool,
    /// Name of the input, for the report.
    pub source: String,
    /// Compute the SHA-256 of the input for the report. A browser caller may turn this off and
    /// compute it with WebCrypto, which uses the CPU's SHA instructions; `sha256` is then empty.
    pub hash_input: bool,
    /// Body hashes the caller computed (see [`crate::dkim::body_hash`]); others are computed here.
    pub body_hashes: Vec<ProvidedBodyHash>,
    /// Fill in what only a full view of the report shows: every header field as text
    /// (`headers`), the receiving servers' claims (`authentication_results`) and the evidence
    /// (`evidence`: the keys used, the input's hash). A batch that prints one line per message
    /// turns this off; everything else, verdict, assessment and headline included, is the same
    /// either way.
    pub full_report: bool,
    /// Read every displayed field of the message's summary (From, To, Cc, Date, Subject,
    /// Sender, Reply-To). Without it, only what the verdict and its wording need is read (From,
    /// Sender, Date; the body is then never read): for a batch that prints only verdict lines.
    pub display_summary: bool,
}

impl Options {
    /// Options judging every signature at `at` (unix seconds), which is also taken as now,
    /// without body text: a receiver's view at that moment.
    pub fn at(at: u64) -> Self {
        Options::new(at, Judging::At(at))
    }

    /// Options judging each signature as of its signing, the caller's time being `now`,
    /// without body text.
    pub fn as_of_signing(now: u64) -> Self {
        Options::new(now, Judging::AsOfSigning)
    }

    fn new(now: u64, judging: Judging) -> Self {
        Options {
            now,
            judging,
            with_body: false,
            source: String::new(),
            hash_input: true,
            body_hashes: Vec::new(),
            full_report: true,
            display_summary: true,
        }
    }
}

/// Verifies every DKIM signature of the raw message `raw` against the keys in `keys`. The
/// report's sentences are ids and arguments: [`MessageReport::render`] words them.
pub fn verify_message(raw: &[u8], keys: &KeyStore, options: &Options) -> MessageReport {
    let normalized = input::normalize(raw);
    let bytes: &[u8] = &normalized.bytes;
    let message = Message::parse(bytes);
    let mut notes = normalized.normalization.notes();
    if message.malformed_lines() > 0 {
        notes.push(Phrase::new("note-malformed-lines").number("count", message.malformed_lines()));
    }
    let over_budget = message.over_budget();
    // A message over the header budget is not checked; its summary is read from the header only.
    let summary = if options.display_summary {
        Summary::read(bytes, &message, options.with_body && over_budget.is_none())
    } else {
        Summary::read_for_verdict(bytes, &message)
    };
    if let Some(exceeded) = &summary.body_skipped {
        notes.push(report::explain::body_not_shown(exceeded));
    }
    let mut report = MessageReport {
        source: options.source.clone(),
        sha256: if options.hash_input { hex(&Sha256::digest(raw)) } else { String::new() },
        size: raw.len(),
        verdict: Verdict::None,
        assessment: Assessment::without_signature(Status::Unsigned),
        judged_at: JudgingMode::new(options.judging, options.now),
        summary: String::new(),
        headline: Default::default(),
        error: None,
        from_domain: summary.from_domain.clone(),
        aligned: None,
        notes,
        message: summary,
        fields: Default::default(),
        headers: Vec::new(),
        signatures: Vec::new(),
        skipped_signatures: 0,
        domainkeys: Vec::new(),
        arc: ArcReport::none(),
        authentication_results: Vec::new(),
        evidence: Default::default(),
    };
    let unreadable = if let Some(exceeded) = over_budget {
        Some(report::explain::not_checked(&exceeded))
    } else if !message.headers.iter().any(|h| h.well_formed) {
        Some(Phrase::new(if raw.is_empty() { "error-empty-file" } else { "error-not-email" }))
    } else {
        None
    };
    if unreadable.is_some() {
        report.error = unreadable;
        // Input that is not a message was not "checked as CRLF": how it was read says nothing.
        report.notes.clear();
        report.assessment = assess_message(true, &[], &[]);
        report.headline = report::headline(&report);
        if options.full_report {
            report.evidence = report.evidence_at(options.now);
        }
        return report;
    }
    let mut bodies = BodyCache::with_provided(&options.body_hashes);
    if message.fields("dkim-signature").chain(message.fields("arc-message-signature")).nth(1).is_some() {
        // Several signatures (DKIM and ARC): their body hashes of one canonicalization are
        // computed together, one pass over each form of the body.
        bodies.plan(body_hash::jobs(&message));
    }
    report.signatures = evaluate_signatures(&message, keys, options, &mut bodies, &mut report);
    for signature in &mut report.signatures {
        signature.assessment = assess_signature(signature, report.from_domain.as_deref());
        report::fill_signature_text(signature);
    }
    let date = report.message.date_unix;
    report.domainkeys = domainkeys::evaluate_all(&message, keys, date);
    let dk_fields = message.fields("domainkey-signature").count();
    if dk_fields > MAX_DOMAINKEY_SIGNATURES {
        report.notes.push(
            Phrase::new("note-domainkeys-skipped").number("count", dk_fields).number("max", MAX_DOMAINKEY_SIGNATURES),
        );
    }
    for k in &mut report.domainkeys {
        k.assessment = assess_domainkey(k, report.from_domain.as_deref());
        report::fill_domainkey_text(k);
    }
    report.arc = arc::validate(ArcContext { message: &message, keys, message_date: date, bodies: &mut bodies });
    let failed: Vec<FailedSignature<'_>> = report
        .signatures
        .iter()
        .filter(|s| s.result == Verdict::Fail)
        .filter_map(|s| Some(FailedSignature { mechanism: "dkim", index: s.index, domain: s.domain.as_deref()? }))
        .chain(report.domainkeys.iter().filter(|k| k.result == Verdict::Fail).filter_map(|k| {
            Some(FailedSignature { mechanism: "domainkeys", index: k.index, domain: k.domain.as_deref()? })
        }))
        .collect();
    report.arc.corroborations = arc::corroborations(&report.arc, &failed);
    report::fill_arc_text(&mut report.arc);
    if options.full_report {
        report.authentication_results = arc::server_claims(&message, &report.arc);
        report.authentication_results.iter_mut().for_each(report::fill_claim_text);
    }
    report.verdict = report.signatures.iter().map(|s| s.result).min_by_key(|v| v.rank()).unwrap_or(Verdict::None);
    report.assessment = assess_message(false, &report.signatures, &report.domainkeys);
    // Aligned when any verified signature aligns (None < Some(false) < Some(true)).
    let assessments =
        report.signatures.iter().map(|s| &s.assessment).chain(report.domainkeys.iter().map(|k| &k.assessment));
    report.aligned = assessments.filter(|a| a.status.is_verified()).map(|a| a.aligned).max().flatten();
    let coverages = coverages(&report.signatures, &report.domainkeys);
    if options.full_report {
        report.headers = header_views(&message, &coverages);
    }
    report.fields = field_marks(&message, &coverages);
    if message.headers.len() > MAX_HEADER_VIEWS {
        report.notes.push(
            Phrase::new("note-header-lines-cut").number("count", message.headers.len()).number("max", MAX_HEADER_VIEWS),
        );
    }
    report.headline = report::headline(&report);
    if options.full_report {
        report.evidence = report.evidence_at(options.now);
    }
    report
}

/// Evaluates the first [`MAX_SIGNATURES`] DKIM signatures, top first; notes the rest as skipped.
fn evaluate_signatures(
    message: &Message<'_>,
    keys: &KeyStore,
    options: &Options,
    bodies: &mut BodyCache,
    report: &mut MessageReport,
) -> Vec<SignatureReport> {
    let sig_fields: Vec<(usize, &HeaderField<'_>)> = message.fields("dkim-signature").collect();
    report.skipped_signatures = sig_fields.len().saturating_sub(MAX_SIGNATURES);
    if report.skipped_signatures > 0 {
        report.notes.push(
            Phrase::new("note-signatures-skipped").number("count", sig_fields.len()).number("max", MAX_SIGNATURES),
        );
    }
    let date = report.message.date_unix;
    sig_fields
        .iter()
        .take(MAX_SIGNATURES)
        .enumerate()
        .map(|(index, &(field_index, field))| {
            let ctx = Context {
                message,
                keys,
                judging: options.judging,
                now: options.now,
                message_date: date,
                bodies: &mut *bodies,
            };
            evaluate(ctx, index, field_index, field)
        })
        .collect()
}

/// Lower-case hex.
pub use crate::text::hex::encode as hex;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::HashAlgorithm;
    use crate::dkim::body_hash::{ProvidedBodyHash, body_hash_jobs, canonical_body};
    use crate::keys::KeyStore;
    use sha2::Digest;

    #[test]
    fn provided_hashes_give_the_same_report() {
        let raw = b"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=example.org; s=s; h=from; l=3; bh=AAAA; b=AAAA\r\n\
DKIM-Signature: v=1; a=rsa-sha1; d=example.org; s=s; h=from; bh=AAAA; b=AAAA\r\nFrom: a@example.org\r\n\r\nhello  world \r\n\r\n";
        let jobs = body_hash_jobs(raw);
        assert_eq!(jobs.len(), 2);
        let provided: Vec<ProvidedBodyHash> = jobs
            .iter()
            .map(|&job| {
                let body = canonical_body(raw, job.canon);
                let data = &body[..job.limit.map_or(body.len(), |l| (l as usize).min(body.len()))];
                let digest = match job.hash {
                    HashAlgorithm::Sha256 => sha2::Sha256::digest(data).to_vec(),
                    HashAlgorithm::Sha1 => sha1::Sha1::digest(data).to_vec(),
                };
                ProvidedBodyHash { job, digest, canonical_len: body.len() as u64 }
            })
            .collect();
        let keys = KeyStore::new();
        let plain = verify_message(raw, &keys, &Options::at(0));
        let with = verify_message(raw, &keys, &Options { body_hashes: provided, ..Options::at(0) });
        assert_eq!(plain, with);
    }

    #[test]
    fn a_brief_report_leaves_out_only_header_views_claims_and_evidence() {
        let raw = b"Authentication-Results: mx.example.net; dkim=pass header.d=example.org\r\n\
DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s; h=from; bh=AAAA; b=AAAA\r\n\
From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n";
        let keys = KeyStore::new();
        let full = verify_message(raw, &keys, &Options::at(0));
        let brief = verify_message(raw, &keys, &Options { full_report: false, ..Options::at(0) });
        assert_eq!(full.headers.len(), 4);
        assert_eq!(full.authentication_results.len(), 1);
        assert!(brief.headers.is_empty() && brief.authentication_results.is_empty());
        let views_cleared = MessageReport {
            headers: Vec::new(),
            authentication_results: Vec::new(),
            evidence: Default::default(),
            ..full
        };
        assert_eq!(views_cleared, brief);
    }
}
