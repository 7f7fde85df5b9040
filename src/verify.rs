//! Evaluation of every signature on a message (RFC 6376 §6). For each signature both the body
//! hash and the header signature are computed, so the report can say what changed.

use crate::body_jobs::ProvidedBodyHash;
use crate::canon::{self, BodyHash, Hasher};
use crate::explain;
use crate::input;
use crate::key_record::{KeyRecord, KeyRecordError};
use crate::keys::{KeyEntry, KeyFlag, KeyStore, Lookup, Provenance};
use crate::message::{HeaderField, Message};
use crate::report::{Category, HeaderView, KeyUsed, MessageReport, SignatureReport, Verdict, Warning};
use crate::signature::{Canonicalization, HashAlgorithm, KeyType, Signature, SignatureLabel, is_same_or_subdomain};
use crate::summary::Summary;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// At most this many signatures are evaluated per message; the rest are reported as skipped.
pub const MAX_SIGNATURES: usize = 50;

/// Header fields whose absence from `h=` is worth a warning.
const IMPORTANT_HEADERS: &[&str] =
    &["from", "to", "cc", "subject", "date", "reply-to", "sender", "message-id", "content-type"];

/// Header fields that relays add on the way; more instances than signed is normal for them.
const TRACE_HEADERS: &[&str] =
    &["received", "return-path", "delivered-to", "authentication-results", "dkim-signature", "received-spf"];

/// How to verify.
#[derive(Debug, Clone)]
pub struct Options {
    /// The time at which `t=` and `x=` are judged (unix seconds).
    pub at: u64,
    /// Include the plain-text body in the report.
    pub with_body: bool,
    /// Name of the input, for the report.
    pub source: String,
    /// Compute the SHA-256 of the input for the report. A browser caller may turn this off and
    /// compute it with WebCrypto, which uses the CPU's SHA instructions; `sha256` is then empty.
    pub hash_input: bool,
    /// Body hashes the caller computed (see [`crate::body_jobs`]); others are computed here.
    pub body_hashes: Vec<ProvidedBodyHash>,
}

impl Options {
    /// Options judging time at `at` (unix seconds), without body text.
    pub fn at(at: u64) -> Self {
        Options { at, with_body: false, source: String::new(), hash_input: true, body_hashes: Vec::new() }
    }
}

/// Verifies every DKIM signature of the raw message `raw` against the keys in `keys`.
pub fn verify_message(raw: &[u8], keys: &KeyStore, options: &Options) -> MessageReport {
    let normalized = input::normalize(raw);
    let bytes: &[u8] = &normalized.bytes;
    let message = Message::parse(bytes);
    let mut notes = normalized.normalization.notes();
    if message.malformed_lines() > 0 {
        notes.push(format!(
            "{} line(s) in the header block are not header fields (no colon); they cannot be signed.",
            message.malformed_lines()
        ));
    }
    let summary = Summary::read(bytes, &message, options.with_body);
    let mut report = MessageReport {
        source: options.source.clone(),
        sha256: if options.hash_input { hex(&Sha256::digest(raw)) } else { String::new() },
        size: raw.len(),
        verdict: Verdict::None,
        summary: String::new(),
        error: None,
        from_domain: summary.from_domain.clone(),
        aligned: None,
        notes,
        message: summary,
        headers: Vec::new(),
        signatures: Vec::new(),
        skipped_signatures: 0,
    };
    if !message.headers.iter().any(|h| h.well_formed) {
        report.error = Some(if raw.is_empty() {
            "The file is empty.".to_string()
        } else {
            "No email header fields were found: this does not look like an email message.".to_string()
        });
        report.summary = explain::message_summary(&report);
        return report;
    }

    let sig_fields: Vec<(usize, &HeaderField<'_>)> = message.fields("dkim-signature").collect();
    report.skipped_signatures = sig_fields.len().saturating_sub(MAX_SIGNATURES);
    if report.skipped_signatures > 0 {
        report.notes.push(format!(
            "The message has {} DKIM signatures; only the first {MAX_SIGNATURES} were checked.",
            sig_fields.len()
        ));
    }
    let mut bodies = BodyCache::default();
    for provided in &options.body_hashes {
        let j = provided.job;
        bodies.0.insert((j.canon, j.hash, j.limit), provided.body_hash());
    }
    let date = report.message.date_unix;
    for (index, &(field_index, field)) in sig_fields.iter().take(MAX_SIGNATURES).enumerate() {
        let ctx = Context { message: &message, keys, at: options.at, message_date: date, bodies: &mut bodies };
        report.signatures.push(evaluate(ctx, index, field_index, field));
    }

    report.verdict = report.signatures.iter().map(|s| s.result).min_by_key(|v| v.rank()).unwrap_or(Verdict::None);
    report.aligned = report.from_domain.as_ref().and_then(|from| {
        let passing: Vec<&SignatureReport> = report.signatures.iter().filter(|s| s.result == Verdict::Pass).collect();
        (!passing.is_empty()).then(|| passing.iter().any(|s| s.domain.as_deref().is_some_and(|d| aligned(d, from))))
    });
    report.headers = header_views(&message, &report.signatures);
    if message.headers.len() > MAX_HEADER_VIEWS {
        report.notes.push(format!(
            "The message has {} header lines; only the first {MAX_HEADER_VIEWS} are listed.",
            message.headers.len()
        ));
    }
    report.summary = explain::message_summary(&report);
    report
}

/// True when `d` and the From domain are the same or one is a subdomain of the other.
pub fn aligned(d: &str, from: &str) -> bool {
    let (d, from) = (d.to_lowercase(), from.to_lowercase());
    is_same_or_subdomain(&from, &d) || is_same_or_subdomain(&d, &from)
}

struct Context<'m, 'a, 'k, 'b> {
    message: &'m Message<'a>,
    keys: &'k KeyStore,
    at: u64,
    message_date: Option<i64>,
    bodies: &'b mut BodyCache,
}

/// Body hashes shared by signatures with the same canonicalization, hash and limit.
#[derive(Default)]
struct BodyCache(HashMap<(Canonicalization, HashAlgorithm, Option<u64>), BodyHash>);

impl BodyCache {
    fn get(&mut self, body: &[u8], canon: Canonicalization, hash: HashAlgorithm, limit: Option<u64>) -> &BodyHash {
        self.0.entry((canon, hash, limit)).or_insert_with(|| canon::body_hash(body, canon, hash, limit))
    }
}

fn evaluate(
    ctx: Context<'_, '_, '_, '_>,
    index: usize,
    field_index: usize,
    field: &HeaderField<'_>,
) -> SignatureReport {
    let label = SignatureLabel::read(field);
    let mut report = SignatureReport {
        index,
        domain: label.domain.clone(),
        selector: label.selector.clone(),
        algorithm: label.algorithm.clone(),
        canonicalization: label.canonicalization.clone(),
        result: Verdict::Permerror,
        reason: "",
        category: None,
        explanation: String::new(),
        detail: None,
        body_hash_matches: None,
        header_signature_valid: None,
        signed_headers: Vec::new(),
        unsigned_headers: Vec::new(),
        identity: None,
        timestamp: None,
        expires: None,
        valid_at_message_date: None,
        body_length: None,
        body_unsigned_bytes: 0,
        mbox_unquoted: false,
        key: None,
        warnings: Vec::new(),
        covered_fields: Vec::new(),
    };
    let sig = match Signature::parse(field) {
        Ok(sig) => sig,
        Err(err) => {
            set_error(&mut report, Verdict::Permerror, err.code(), Category::Syntax, &err);
            report.explanation = explain::signature(&report);
            return report;
        }
    };
    report.domain = Some(sig.domain.clone());
    report.selector = Some(sig.selector.clone());
    report.algorithm = Some(sig.algorithm.as_str().to_string());
    report.canonicalization = Some(sig.canonicalization());
    report.signed_headers = sig.signed_headers.iter().map(|h| h.to_ascii_lowercase()).collect();
    report.identity = sig.identity.clone();
    report.timestamp = sig.timestamp;
    report.expires = sig.expires;
    report.body_length = sig.body_length;

    // Body hash (needed first: l= is checked against the canonical body length).
    let body = ctx.bodies.get(ctx.message.body_bytes(), sig.body_canon, sig.algorithm.hash(), sig.body_length);
    let mut body_ok = body.digest == sig.body_hash;
    let mut canonical_len = body.canonical_len;
    if !body_ok {
        // A message kept in an mbox has its body lines "From ..." stored as ">From ...".
        if let Some(unquoted) = mbox_unquoted(ctx.message.body_bytes()) {
            let retry = canon::body_hash(&unquoted, sig.body_canon, sig.algorithm.hash(), sig.body_length);
            if retry.digest == sig.body_hash {
                body_ok = true;
                canonical_len = retry.canonical_len;
                report.mbox_unquoted = true;
            }
        }
    }
    report.body_hash_matches = Some(body_ok);
    if let Some(l) = sig.body_length {
        if l > canonical_len {
            report.body_hash_matches = None;
            let detail = format!("l={l} is longer than the body ({canonical_len} bytes after canonicalization)");
            set_error(&mut report, Verdict::Permerror, "body_length_exceeds_body", Category::Syntax, &detail);
            report.explanation = explain::signature(&report);
            return report;
        }
        report.body_unsigned_bytes = canonical_len - l;
    }

    // Header hash; the fields it covers are recorded for the report.
    let (header_digest, covered) = header_hash(ctx.message, &sig, field_index);
    report.covered_fields = covered;
    report.unsigned_headers = unsigned_headers(ctx.message, &report.signed_headers);
    let expired = sig.expires.is_some_and(|x| x < ctx.at);

    // Key lookup and the header signature.
    let outcome = match ctx.keys.lookup(&sig.key_name()) {
        Lookup::TempFail(why) => KeyOutcome::Error(Verdict::Temperror, "key_lookup_failed", Category::Dns, why),
        Lookup::NotFound { authoritative } => KeyOutcome::Error(
            if authoritative { Verdict::Permerror } else { Verdict::Neutral },
            "no_key",
            Category::Dns,
            if authoritative {
                format!("no key record exists at {}", sig.key_name())
            } else {
                format!("no key for {} is known here", sig.key_name())
            },
        ),
        Lookup::Found(entries) => try_keys(entries, &sig, &header_digest),
    };

    let header_ok = match &outcome {
        KeyOutcome::Checked { valid, .. } => Some(*valid),
        KeyOutcome::Error(..) => None,
    };
    report.header_signature_valid = header_ok;
    if let KeyOutcome::Checked { entry, record, candidates, .. } = &outcome {
        let mut key = key_used(entry, record, *candidates, ctx.message_date);
        if ctx.keys.is_compromised(record) && !key.compromised() {
            key.provenance.flags.push(KeyFlag::Compromised);
        }
        report.key = Some(key);
    }

    if expired {
        let x = sig.expires.unwrap_or_default();
        let crypto_ok = header_ok == Some(true) && body_ok;
        report.valid_at_message_date = ctx.message_date.map(|d| crypto_ok && u64::try_from(d).is_ok_and(|d| d <= x));
        let detail = format!("the signature expired at {} (x={x})", crate::summary::unix_to_date(x as i64));
        set_error(&mut report, Verdict::Permerror, "expired", Category::Expired, &detail);
    } else {
        match outcome {
            KeyOutcome::Error(verdict, code, category, detail) => {
                set_error(&mut report, verdict, code, category, &detail)
            }
            KeyOutcome::Checked { valid, .. } => match (body_ok, valid) {
                (true, true) => {
                    report.result = Verdict::Pass;
                    report.reason = "verified";
                }
                (false, true) => set_error(
                    &mut report,
                    Verdict::Fail,
                    "body_changed",
                    Category::Body,
                    &"the body hash does not match the body",
                ),
                (true, false) => set_error(
                    &mut report,
                    Verdict::Fail,
                    "headers_changed",
                    Category::Header,
                    &"the header signature does not verify with this key",
                ),
                (false, false) => set_error(
                    &mut report,
                    Verdict::Fail,
                    "body_and_headers_changed",
                    Category::Body,
                    &"neither the body hash nor the header signature matches",
                ),
            },
        }
    }
    report.warnings = warnings(ctx.message, &sig, &report, canonical_len, ctx.at);
    report.explanation = explain::signature(&report);
    report
}

fn set_error(
    report: &mut SignatureReport,
    verdict: Verdict,
    code: &'static str,
    category: Category,
    detail: &dyn std::fmt::Display,
) {
    report.result = verdict;
    report.reason = code;
    report.category = Some(category);
    report.detail = Some(detail.to_string());
}

enum KeyOutcome<'k> {
    /// A usable key was found and the header signature checked with it.
    Checked { entry: &'k KeyEntry, record: &'k KeyRecord, valid: bool, candidates: usize },
    /// No usable key.
    Error(Verdict, &'static str, Category, String),
}

/// Tries every candidate key: the first that verifies wins; otherwise the first usable one is
/// reported; otherwise the first key's problem.
fn try_keys<'k>(entries: &'k [KeyEntry], sig: &Signature, digest: &[u8]) -> KeyOutcome<'k> {
    let mut first_usable: Option<(&KeyEntry, &KeyRecord)> = None;
    let mut first_error: Option<(&'static str, String)> = None;
    for entry in entries {
        let record = match &entry.parsed {
            Ok(r) => r.as_ref(),
            Err(e) => {
                first_error.get_or_insert_with(|| (e.code(), e.to_string()));
                continue;
            }
        };
        if let Err((code, why)) = key_fits(record, sig) {
            first_error.get_or_insert((code, why));
            continue;
        }
        if record.key.verify(sig.algorithm.hash(), digest, &sig.signature) {
            return KeyOutcome::Checked { entry, record, valid: true, candidates: entries.len() };
        }
        first_usable.get_or_insert((entry, record));
    }
    match (first_usable, first_error) {
        (Some((entry, record)), _) => KeyOutcome::Checked { entry, record, valid: false, candidates: entries.len() },
        (None, Some((code, why))) => KeyOutcome::Error(Verdict::Permerror, code, Category::Key, why),
        (None, None) => KeyOutcome::Error(Verdict::Permerror, "bad_key", Category::Key, "no usable key".into()),
    }
}

/// Checks that a key record may verify this signature (§3.6.1, §6.1.2).
fn key_fits(record: &KeyRecord, sig: &Signature) -> Result<(), (&'static str, String)> {
    if record.key_type != sig.algorithm.key_type() {
        return Err((
            "key_type_mismatch",
            format!("the key is {} but the signature uses {}", record.key_type.as_str(), sig.algorithm.as_str()),
        ));
    }
    if let Some(hashes) = &record.hashes
        && !hashes.iter().any(|h| h == sig.algorithm.hash().as_str())
    {
        return Err(("key_hash_not_allowed", format!("the key only allows h={}", hashes.join(":"))));
    }
    if !record.email_service {
        return Err(("key_not_for_email", "the key's s= tag does not include email".into()));
    }
    if record.strict_identity {
        let i_domain = sig.identity.as_deref().and_then(|i| i.rsplit_once('@')).map(|(_, d)| d.to_lowercase());
        if i_domain.is_some_and(|d| d != sig.domain) {
            return Err(("key_strict_identity", "the key has t=s but i= is in a subdomain of d=".into()));
        }
    }
    if let (KeyType::Rsa, bits) = (record.key_type, record.bits())
        && bits > crate::crypto::MAX_RSA_BITS
    {
        return Err(("key_too_large", KeyRecordError::Key(crate::crypto::KeyError::TooLarge(bits)).to_string()));
    }
    Ok(())
}

/// Computes the header hash (§3.7) and the indexes of the fields it covers.
fn header_hash(message: &Message<'_>, sig: &Signature, field_index: usize) -> (Vec<u8>, Vec<usize>) {
    // The signature field itself, with the b= value removed.
    let field = &message.headers[field_index];
    let mut blanked = Vec::with_capacity(field.raw.len());
    blanked.extend_from_slice(&field.raw[..sig.b_range.start]);
    blanked.extend_from_slice(&field.raw[sig.b_range.end..]);
    let parsed = Message::parse(&blanked);
    let own = parsed.headers.first().copied().unwrap_or(*field);
    let (data, covered) = canon::signed_header_data(message, &sig.signed_headers, sig.header_canon, &own);
    let mut hasher = Hasher::new(sig.algorithm.hash());
    hasher.update(&data);
    (hasher.finish(), covered)
}

fn unsigned_headers(message: &Message<'_>, signed: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in message.headers.iter().filter(|h| h.well_formed && !h.is("dkim-signature")) {
        let listed = |names: &[String]| names.iter().any(|n| h.name.eq_ignore_ascii_case(n.as_bytes()));
        if !listed(signed) && !listed(&out) {
            out.push(h.name_str().to_ascii_lowercase());
        }
    }
    out
}

fn key_used(entry: &KeyEntry, record: &KeyRecord, candidates: usize, message_date: Option<i64>) -> KeyUsed {
    let p = &entry.provenance;
    let date = message_date.map(crate::summary::unix_to_date);
    // A window needs two different dates; a single sighting says nothing about the period of use.
    let date_in_window = date.as_deref().and_then(|d| {
        if p.first_seen.is_none() || p.last_seen.is_none() || p.first_seen == p.last_seen {
            return None;
        }
        let after_first = p.first_seen.as_deref().is_none_or(|f| d[..f.len().min(d.len())] >= *f);
        let before_last = p.last_seen.as_deref().is_none_or(|l| d[..l.len().min(d.len())] <= *l);
        Some(after_first && before_last)
    });
    let mut flags = p.flags.clone();
    if record.key_type == KeyType::Rsa && record.bits() < 1024 && !flags.contains(&KeyFlag::Weak) {
        flags.push(KeyFlag::Weak);
    }
    KeyUsed {
        name: entry.name.clone(),
        key_type: record.key_type.as_str(),
        bits: record.bits(),
        provenance: Provenance { flags, ..p.clone() },
        date_in_window,
        testing: record.testing,
        candidates,
    }
}

fn warnings(
    message: &Message<'_>,
    sig: &Signature,
    report: &SignatureReport,
    canonical_len: u64,
    at: u64,
) -> Vec<Warning> {
    let mut w = Vec::new();
    let mut push = |code: &'static str, text: String| w.push(Warning { code, text });
    if sig.algorithm.hash() == HashAlgorithm::Sha1 {
        push("sha1", explain::SHA1.to_string());
    }
    if let Some(key) = &report.key {
        if key.compromised() {
            push("compromised_key", explain::COMPROMISED.to_string());
        }
        if key.short() {
            push("weak_key", explain::weak_key(key.bits));
        }
        if key.provenance.flags.contains(&KeyFlag::Recovered) {
            push("recovered_key", explain::RECOVERED.to_string());
        }
        if key.testing {
            push("testing_key", explain::TESTING.to_string());
        }
        if key.date_in_window == Some(false) {
            push("key_date_window", explain::date_window(key, report));
        }
    }
    let present = |name: &str| message.fields(name).count();
    let listed = |name: &str| report.signed_headers.iter().filter(|h| *h == name).count();
    let unsigned: Vec<&str> = IMPORTANT_HEADERS.iter().copied().filter(|h| present(h) > 0 && listed(h) == 0).collect();
    if !unsigned.is_empty() {
        push("unsigned_header", explain::unsigned_headers(&unsigned));
    }
    let mut seen = Vec::new();
    for name in &report.signed_headers {
        // Trace fields are added on the way by design; an extra one says nothing.
        let trace = TRACE_HEADERS.contains(&name.as_str()) || name.starts_with("x-") || name.starts_with("arc-");
        if seen.contains(name) || trace {
            continue;
        }
        seen.push(name.clone());
        let (p, l) = (present(name), listed(name));
        if p > l {
            push("extra_header_instance", explain::extra_instances(name, p, l));
        }
    }
    if let Some(l) = sig.body_length
        && canonical_len > l
    {
        push("partial_body", explain::partial_body(l, canonical_len - l));
    }
    if report.mbox_unquoted {
        push("mbox_quoting", explain::MBOX_QUOTING.to_string());
    }
    if sig.timestamp.is_some_and(|t| t > at.saturating_add(300)) {
        push("future_timestamp", explain::FUTURE.to_string());
    }
    w
}

/// At most this many header fields are listed in a report, each value at most this many characters.
const MAX_HEADER_VIEWS: usize = 500;
const MAX_HEADER_VALUE_CHARS: usize = 2_000;

fn header_views(message: &Message<'_>, signatures: &[SignatureReport]) -> Vec<HeaderView> {
    let passing: Vec<&SignatureReport> = signatures.iter().filter(|s| s.result == Verdict::Pass).collect();
    let basis: Vec<&SignatureReport> = if passing.is_empty() {
        signatures.iter().filter(|s| !s.covered_fields.is_empty()).take(1).collect()
    } else {
        passing
    };
    message
        .headers
        .iter()
        .enumerate()
        .take(MAX_HEADER_VIEWS)
        .map(|(i, h)| HeaderView {
            name: shorten(h.name_str()),
            value: shorten(h.value_unfolded()),
            signed: basis.iter().any(|s| s.covered_fields.contains(&i)),
        })
        .collect()
}

/// The body with one `>` removed from every line that starts with `>From ` (`>>From `, ...),
/// undoing mbox quoting; `None` when no line is quoted.
fn mbox_unquoted(body: &[u8]) -> Option<Vec<u8>> {
    let quoted = |line: &[u8]| {
        let from = line.iter().position(|&b| b != b'>').unwrap_or(line.len());
        from > 0 && line[from..].starts_with(b"From ")
    };
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    for line in body.split_inclusive(|&b| b == b'\n') {
        if quoted(line) {
            out.extend_from_slice(&line[1..]);
            changed = true;
        } else {
            out.extend_from_slice(line);
        }
    }
    changed.then_some(out)
}

/// Cuts display text to [`MAX_HEADER_VALUE_CHARS`], saying how much was left out.
fn shorten(text: String) -> String {
    let total = text.chars().count();
    if total <= MAX_HEADER_VALUE_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_HEADER_VALUE_CHARS).collect();
    cut.push_str(&format!(" [… {} more characters not shown]", total - MAX_HEADER_VALUE_CHARS));
    cut
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
