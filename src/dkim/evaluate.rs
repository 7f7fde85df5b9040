//! Evaluation of one `DKIM-Signature` field (RFC 6376 §6.1), one function per step: the
//! signature's syntax, the body hash (and `l=`), the header hash, the key and the header
//! signature, then the result. The body hash and the header signature are both always
//! computed, so a failure can say what changed; a failed signature then tries the named repairs
//! (see [`super::repair`]).

use super::body_hash::BodyCache;
use super::canon;
use super::copied_headers;
use super::judging::{JudgedAt, Judging};
use super::key_check::{KeyOutcome, check_key};
use super::repair::{self, Attempt};
use super::result::{Category, MAX_UNSIGNED_TAIL_CHARS, SignatureReport, Verdict};
use super::signature::{Signature, SignatureLabel};
use super::warnings::warnings;
use crate::crypto::Hasher;
use crate::keys::KeyStore;
use crate::l10n::Phrase;
use crate::message::{HeaderField, Message};

/// What one signature is evaluated against.
pub struct Context<'m, 'a, 'k, 'b> {
    /// The message.
    pub message: &'m Message<'a>,
    /// The keys.
    pub keys: &'k KeyStore,
    /// How the time at which `t=` and `x=` are judged is chosen.
    pub judging: Judging,
    /// The caller's current time (unix seconds).
    pub now: u64,
    /// The message's Date (unix seconds), if it has a readable one.
    pub message_date: Option<i64>,
    /// Body hashes shared by the message's signatures.
    pub bodies: &'b mut BodyCache,
}

/// Evaluates the signature `field` (the message's header field number `field_index`, the
/// `index`-th DKIM-Signature). The report carries codes and facts; the report layer words them.
pub fn evaluate(
    mut ctx: Context<'_, '_, '_, '_>,
    index: usize,
    field_index: usize,
    field: &HeaderField<'_>,
) -> SignatureReport {
    let sig = match Signature::parse(field) {
        Ok(sig) => sig,
        Err(err) => {
            // What can be read of d=, s=, a= and c= all the same (a valid signature's come
            // from it, below).
            let mut report = SignatureReport::unevaluated(index, SignatureLabel::read(field));
            report.set_error(Verdict::Permerror, err.code(), Category::Syntax, err.phrase());
            return report;
        }
    };
    let mut report = SignatureReport::unevaluated(index, SignatureLabel::default());
    report.record_tags(&sig);
    let judged = JudgedAt::choose(ctx.judging, ctx.now, sig.timestamp, ctx.message_date);
    report.judged_at = Some(judged);
    let Some(body) = check_body(&mut ctx, &sig, &mut report) else { return report };
    let header_digest = hash_headers(ctx.message, &sig, field_index, &mut report);
    report.copied_headers = copied_headers::compare(ctx.message, &sig, &report.covered_fields);
    let outcome = check_key(ctx.keys, &sig, &header_digest, ctx.message_date);
    decide(&ctx, &sig, judged, outcome, body.matches, &mut report);
    if report.result == Verdict::Fail {
        let mut attempt = Attempt {
            message: ctx.message,
            keys: ctx.keys,
            bodies: &mut *ctx.bodies,
            message_date: ctx.message_date,
            field_index,
            covered: &report.covered_fields,
            canonical_len: body.canonical_len,
        };
        let header_ok = report.header_signature_valid == Some(true);
        report.repair = repair::find(&mut attempt, &sig, body.matches, header_ok);
    }
    report.warnings = warnings(ctx.message, &sig, &report, body.canonical_len, (ctx.now, ctx.judging));
    report
}

/// The outcome of the body step.
struct BodyCheck {
    /// The body hash matches `bh=`.
    matches: bool,
    /// Length of the whole canonical body.
    canonical_len: u64,
}

/// Step 2: the body hash (needed before the rest: `l=` is checked against the canonical body
/// length). `None` when `l=` is longer than the body, a permanent error.
fn check_body(ctx: &mut Context<'_, '_, '_, '_>, sig: &Signature, report: &mut SignatureReport) -> Option<BodyCheck> {
    let (hash, limit) = (sig.algorithm.hash(), sig.body_length);
    let body = ctx.bodies.get(ctx.message.body_bytes(), sig.body_canon, hash, limit);
    let check = BodyCheck { matches: body.digest == sig.body_hash, canonical_len: body.canonical_len };
    report.body_hash_matches = Some(check.matches);
    if let Some(l) = sig.body_length {
        if l > check.canonical_len {
            report.body_hash_matches = None;
            let detail = Phrase::new("detail-body-length-exceeds-body")
                .arg("l", l.to_string())
                .number("length", check.canonical_len);
            report.set_error(Verdict::Permerror, "body_length_exceeds_body", Category::Syntax, detail);
            return None;
        }
        report.body_unsigned_bytes = check.canonical_len - l;
        if report.body_unsigned_bytes > 0 {
            report.unsigned_body_tail = Some(unsigned_tail(ctx.message.body_bytes(), sig, l));
        }
    }
    Some(check)
}

/// The canonical body after the `l=` limit, as text, cut to [`MAX_UNSIGNED_TAIL_CHARS`].
fn unsigned_tail(body: &[u8], sig: &Signature, limit: u64) -> String {
    let canonical = canon::body_canonical(body, sig.body_canon);
    let start = usize::try_from(limit).unwrap_or(usize::MAX).min(canonical.len());
    String::from_utf8_lossy(&canonical[start..]).chars().take(MAX_UNSIGNED_TAIL_CHARS).collect()
}

/// Step 3: the header hash (§3.7); records the fields it covers and those it leaves unsigned.
fn hash_headers(message: &Message<'_>, sig: &Signature, field_index: usize, report: &mut SignatureReport) -> Vec<u8> {
    let (digest, covered) = header_hash(message, sig, field_index);
    report.covered_fields = covered;
    report.unsigned_headers = unsigned_headers(message, &report.signed_headers);
    digest
}

/// The header hash of signature `sig`, read from the message's header field number
/// `field_index` (§3.7): the digest its `b=` signs, and the indexes of the header fields it
/// covers.
pub fn header_hash(message: &Message<'_>, sig: &Signature, field_index: usize) -> (Vec<u8>, Vec<usize>) {
    // The signature field itself, with the b= value removed.
    let field = &message.headers[field_index];
    let blanked = canon::without_range(field, &sig.b_range);
    let own = Message::first_field(&blanked).unwrap_or(*field);
    let (data, covered) = canon::signed_header_data(message, &sig.signed_headers, sig.header_canon, &own);
    let mut hasher = Hasher::new(sig.algorithm.hash());
    hasher.update(&data);
    (hasher.finish(), covered)
}

/// The distinct names (lower-case) of well-formed fields that `h=` does not list, in order of
/// first appearance. One lookup in the message's name index per name of `h=`, then the
/// index's names in order: linear in the header block and `h=`.
fn unsigned_headers(message: &Message<'_>, signed: &[String]) -> Vec<String> {
    // Names are marked at the index of their first instance.
    let mut listed = vec![false; message.headers.len()];
    for name in signed {
        if let Some(&first) = message.instances(name).first() {
            listed[first] = true;
        }
    }
    message
        .first_instances()
        .filter(|&i| !listed[i])
        .filter_map(|i| message.headers.get(i))
        .filter(|h| !h.is("dkim-signature"))
        .map(|h| String::from_utf8_lossy(h.name).to_ascii_lowercase())
        .collect()
}

/// Step 5: the result, from the expiry (at the judging time `judged`), the key outcome, the
/// key's size (RFC 8301) and the body check.
fn decide(
    ctx: &Context<'_, '_, '_, '_>,
    sig: &Signature,
    judged: JudgedAt,
    outcome: KeyOutcome,
    body_ok: bool,
    report: &mut SignatureReport,
) {
    let key_error = match outcome {
        KeyOutcome::Checked { key, valid } => {
            report.key = Some(key);
            report.header_signature_valid = Some(valid);
            None
        }
        KeyOutcome::Error(verdict, code, category, detail) => Some((verdict, code, category, detail)),
    };
    if let Some(x) = sig.expires.filter(|&x| x < judged.time) {
        let crypto_ok = report.header_signature_valid == Some(true) && body_ok;
        report.valid_at_message_date = ctx.message_date.map(|d| crypto_ok && u64::try_from(d).is_ok_and(|d| d <= x));
        let detail = Phrase::new("detail-expired").date("expires", x).arg("x", x.to_string());
        report.set_error(Verdict::Permerror, "expired", Category::Expired, detail);
        return;
    }
    if let Some((verdict, code, category, detail)) = key_error {
        report.set_error(verdict, code, category, detail);
        return;
    }
    // RFC 8301 §3.2: "Verifiers MUST NOT consider signatures using RSA keys of less than 1024
    // bits as valid signatures." The body hash and header signature stay recorded, so the
    // report can say whether the arithmetic matched a key anyone can factor.
    if let Some(bits) = report.key.as_ref().filter(|k| k.short()).map(|k| k.bits) {
        let detail = Phrase::new("detail-weak-key").arg("bits", bits.to_string());
        report.set_error(Verdict::Permerror, "weak_key", Category::Key, detail);
        return;
    }
    match (body_ok, report.header_signature_valid == Some(true)) {
        (true, true) => {
            report.result = Verdict::Pass;
            report.reason = "verified";
        }
        (false, true) => {
            report.set_error(Verdict::Fail, "body_changed", Category::Body, Phrase::new("detail-body-changed"))
        }
        (true, false) => {
            report.set_error(Verdict::Fail, "headers_changed", Category::Header, Phrase::new("detail-headers-changed"))
        }
        (false, false) => report.set_error(
            Verdict::Fail,
            "body_and_headers_changed",
            Category::Body,
            Phrase::new("detail-body-and-headers-changed"),
        ),
    }
}
