//! What to say about assessments, results and warnings, for people who are not DKIM experts: as
//! [`Phrase`]s (catalog ids and arguments, worded in `locales/*.ftl`), chosen from codes and
//! parameters. Wording never overstates: a verified signature says which domain signed and
//! which parts are covered, not who wrote the message or whether it is true; a headline says
//! every caveat of its assessment (see [`super::assess`]).

use super::assess::{Assessment, Basis, Caveat, FieldStatus, Status};
use super::message_report::{Headline, MessageReport};
use super::{
    ArcReport, ArcSetReport, ArcStep, Corroboration, DomainKeyReport, KeyUsed, ServerClaim, SignatureReport, Verdict,
    WarningKind,
};
use crate::arc::auth_results::AuthResult;
use crate::budget::Exceeded;
use crate::dkim::judging::{JudgedAt, JudgingMode, TimeSource};
use crate::dkim::repair::RepairKind;
use crate::keys::provenance::{ADDED_BY_YOU, BUNDLED_ORIGIN, KEYS_FILE_ORIGIN, RECOVERED_HERE_ORIGIN};
use crate::l10n::Phrase;

/// Capitalizes a lower-case header name for display (`reply-to` → `Reply-To`).
pub fn display_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

/// `message` with the domain `d` as its `domain` argument ("an unknown domain" without one).
fn with_domain(message: Phrase, d: Option<&str>) -> Phrase {
    match d {
        Some(d) => message.arg("domain", d),
        None => message.phrase("domain", Phrase::new("unknown-domain")),
    }
}

/// `message` with `selector._domainkey.domain` of `s` as its `name` argument ("its key" when
/// either is unknown).
fn with_key_name(message: Phrase, s: &SignatureReport) -> Phrase {
    match (&s.selector, &s.domain) {
        (Some(sel), Some(dom)) => message.arg("name", format!("{sel}._domainkey.{dom}")),
        _ => message.phrase("name", Phrase::new("unknown-key-name")),
    }
}

/// `message` with the technical detail `detail` as its `detail` argument.
fn with_detail(message: Phrase, detail: &Option<Phrase>) -> Phrase {
    match detail {
        Some(d) => message.phrase("detail", d.clone()),
        None => message.arg("detail", ""),
    }
}

/// Sentences one after the other, as one phrase.
fn sentences(items: impl IntoIterator<Item = Phrase>) -> Phrase {
    items.into_iter().reduce(|a, b| Phrase::new("two-sentences").phrase("a", a).phrase("b", b)).unwrap_or_default()
}

/// Bits of the key a signature was checked with (0 if none).
fn bits(s: &SignatureReport) -> u32 {
    s.key.as_ref().map_or(0, |k| k.bits)
}

/// The period a key was seen in public sources: "from 2012-01 to 2016-03", "on 2019-05-01"...
pub fn window(key: &KeyUsed) -> Phrase {
    match (&key.provenance.first_seen, &key.provenance.last_seen) {
        (Some(a), Some(b)) if a == b => Phrase::new("window-on").arg("date", a.as_str()),
        (Some(a), Some(b)) => Phrase::new("window-from-to").arg("first", a.as_str()).arg("last", b.as_str()),
        (Some(a), None) => Phrase::new("window-from").arg("first", a.as_str()),
        (None, Some(b)) => Phrase::new("window-until").arg("last", b.as_str()),
        (None, None) => Phrase::new("window-unknown"),
    }
}

/// Where a key came from, for a person: the bundled archive, "added by you", a keys file, or
/// the origin label as given.
pub fn origin(label: &str) -> Phrase {
    if label == BUNDLED_ORIGIN {
        Phrase::new("key-origin-bundled")
    } else if label == ADDED_BY_YOU {
        Phrase::new("key-origin-added")
    } else if label == RECOVERED_HERE_ORIGIN {
        Phrase::new("key-origin-recovered-here")
    } else if let Some(file) = label.strip_prefix(KEYS_FILE_ORIGIN) {
        Phrase::new("key-origin-file").arg("file", file)
    } else {
        Phrase::new("key-origin-other").arg("origin", label)
    }
}

/// Words a signature's result and warnings: fills `explanation` and each warning's message.
pub fn fill_signature_text(s: &mut SignatureReport) {
    let d = s.domain.as_deref();
    if let Some(r) = &mut s.repair {
        r.description = repair(&r.args, d);
    }
    s.explanation = sentences(
        std::iter::once(signature(s)).chain(s.repair.as_ref().map(|r| r.description.clone())).chain(copied_headers(s)),
    );
    let key = s.key.clone();
    for w in &mut s.warnings {
        w.message = warning(&w.kind, key.as_ref());
    }
}

/// What a named repair undid and what that does and does not show (`d`: the signing domain).
pub fn repair(kind: &RepairKind, d: Option<&str>) -> Phrase {
    let undone = match kind {
        RepairKind::ListFooter { signed_lines, appended_lines, .. } => {
            Phrase::new("repair-list-footer").number("appended", *appended_lines).number("signed", *signed_lines)
        }
        RepairKind::ListSubjectTag { tag } => Phrase::new("repair-list-subject-tag").arg("tag", tag.as_str()),
        RepairKind::HeaderWhitespace { fields, .. } => Phrase::new("repair-header-whitespace")
            .arg("fields", fields.iter().map(|f| display_name(f)).collect::<Vec<_>>().join(", "))
            .number("count", fields.len()),
        RepairKind::HeaderNameCase { fields } => Phrase::new("repair-header-name-case")
            .phrase(
                "changes",
                Phrase::list(fields.iter().map(|f| {
                    Phrase::new("repair-name-change")
                        .arg("received", f.received.as_str())
                        .arg("signed", f.signed.as_str())
                }))
                .unwrap_or_default(),
            )
            .number("count", fields.len()),
        RepairKind::BodyTrailingWhitespace { change: "removed", lines } => {
            Phrase::new("repair-separator-space").number("lines", *lines)
        }
        RepairKind::BodyTrailingWhitespace { lines, .. } => {
            Phrase::new("repair-trailing-whitespace").number("lines", *lines)
        }
        RepairKind::MboxQuoting { lines } => Phrase::new("repair-mbox-quoting").number("lines", *lines),
    };
    sentences([with_domain(undone, d), with_domain(Phrase::new("repair-closing"), d)])
}

/// The sentence for a warning (`key`: the key the signature was checked with, if any).
pub fn warning(kind: &WarningKind, key: Option<&KeyUsed>) -> Phrase {
    match kind {
        WarningKind::Sha1 => Phrase::new("warning-sha1"),
        WarningKind::CompromisedKey => Phrase::new("warning-compromised-key"),
        WarningKind::RecoveredKey => match key.and_then(|k| k.provenance.recovered_from_messages) {
            Some(_) => Phrase::new("warning-recovered-key-here"),
            None => Phrase::new("warning-recovered-key"),
        },
        WarningKind::TestingKey => Phrase::new("warning-testing-key"),
        WarningKind::UnsignedHeader { names } => {
            let list: Vec<String> = names.iter().map(|n| display_name(n)).collect();
            Phrase::new("warning-unsigned-header").arg("names", list.join(", ")).number("count", names.len())
        }
        WarningKind::ExtraHeaderInstance { name, present, listed } => Phrase::new("warning-extra-header-instance")
            .arg("name", display_name(name))
            .number("present", *present)
            .number("listed", *listed),
        WarningKind::PartialBody { signed, unsigned } => Phrase::new("warning-partial-body")
            .number("signed", *signed)
            .number("unsigned", *unsigned)
            .arg("l", signed.to_string()),
        WarningKind::KeyDateWindow => match key {
            Some(k) => Phrase::new("warning-key-date-window").phrase("window", window(k)),
            None => Phrase::new("warning-key-date-window").phrase("window", Phrase::new("window-unknown")),
        },
        WarningKind::FutureTimestamp => Phrase::new("warning-future-timestamp"),
        WarningKind::ExpiredSince { expires } => Phrase::new("warning-expired-since").date("expires", *expires),
    }
}

/// One plain sentence (or two) for a signature's assessment and result.
pub fn signature(s: &SignatureReport) -> Phrase {
    let d = s.domain.as_deref();
    let compromised = s.key.as_ref().is_some_and(KeyUsed::compromised);
    let headers_ok = s.header_signature_valid == Some(true);
    let recovered_here = s.key.as_ref().and_then(|k| k.provenance.recovered_from_messages);
    let m = |id| with_domain(Phrase::new(id), d);
    match (s.assessment.status, s.reason) {
        (Status::Consistent, _) => consistent(recovered_here.unwrap_or(0)),
        (_, "body_changed") if recovered_here.is_some() => {
            Phrase::new("sig-body-changed-recovered").number("count", recovered_here.unwrap_or(0))
        }
        (Status::ProvesNothing, _) if compromised => m("sig-proves-nothing-compromised"),
        (Status::ProvesNothing, _) => m("sig-proves-nothing-weak").arg("bits", bits(s).to_string()),
        (Status::Verified, _) => match &s.key {
            Some(k) => m("sig-verified-with-key").phrase("key", key_phrase(k)),
            None => m("sig-verified"),
        },
        (_, "weak_key") if headers_ok => m("sig-weak-key-headers-match").arg("bits", bits(s).to_string()),
        (_, "weak_key") => with_key_name(Phrase::new("sig-weak-key"), s).arg("bits", bits(s).to_string()),
        (_, "body_changed") if compromised => m("sig-body-changed-compromised"),
        (_, "body_changed") => m("sig-body-changed"),
        (_, "headers_changed") => with_key_name(m("sig-headers-changed"), s),
        (_, "body_and_headers_changed") => with_key_name(m("sig-body-and-headers-changed"), s),
        (_, "no_key") if s.result == Verdict::Neutral => with_key_name(Phrase::new("sig-no-key-here"), s),
        (_, "no_key") => with_key_name(Phrase::new("sig-no-key-published"), s),
        (_, "key_lookup_failed") => with_key_name(Phrase::new("sig-key-lookup-failed"), s),
        (_, "key_revoked") => with_key_name(m("sig-key-revoked"), s),
        (_, "expired") => {
            let h = expired(s);
            h.caveats.into_iter().fold(h.main, |a, b| Phrase::new("two-sentences").phrase("a", a).phrase("b", b))
        }
        (_, code) if code.starts_with("key_") || code == "bad_key" => {
            with_detail(with_key_name(Phrase::new("sig-bad-key"), s), &s.detail)
        }
        _ => with_detail(Phrase::new("sig-malformed"), &s.detail),
    }
}

/// A signature expired at the time it was judged: the headline, and what else is known of it.
fn expired(s: &SignatureReport) -> Headline {
    let main = match (s.judged_at, s.expires) {
        (Some(j), Some(x)) => {
            Phrase::new("expired-judged").date("judged", j.time).phrase("source", judged_source(j)).date("expires", x)
        }
        _ => with_detail(Phrase::new("expired-plain"), &s.detail),
    };
    let verifies = s.header_signature_valid == Some(true) && s.body_hash_matches == Some(true);
    let more = match s.valid_at_message_date {
        Some(true) => Some("expired-valid-at-date"),
        Some(false) if verifies => Some("expired-verifies-expired-at-date"),
        Some(false) => Some("expired-does-not-verify"),
        None if verifies => Some("expired-verifies"),
        None => None,
    };
    Headline { main, caveats: more.map(Phrase::new).into_iter().collect() }
}

/// Where a judging time came from, in words.
fn judged_source(j: JudgedAt) -> Phrase {
    Phrase::new(match j.from {
        TimeSource::SignatureTimestamp => "time-source-signature",
        TimeSource::MessageDate => "time-source-message-date",
        TimeSource::Now => "time-source-now",
        TimeSource::Given => "time-source-given",
    })
}

/// The key a signature was checked with, in words: its kind, where it came from, when it was
/// seen and whether the message's Date falls in that period.
fn key_phrase(k: &KeyUsed) -> Phrase {
    let kind = if k.key_type == "ed25519" {
        Phrase::new("key-kind-ed25519")
    } else {
        Phrase::new("key-kind-rsa").arg("bits", k.bits.to_string())
    };
    let from = if k.provenance.is_bundled() {
        Phrase::new("key-from-bundled")
    } else if k.provenance.origin == ADDED_BY_YOU {
        Phrase::new("key-from-added")
    } else {
        Phrase::new("key-from-origin").phrase("origin", origin(&k.provenance.origin))
    };
    let seen = k.provenance.first_seen.is_some() || k.provenance.last_seen.is_some();
    let id = match (seen, k.date_in_window) {
        (_, Some(true)) => "key-phrase-seen-inside",
        (_, Some(false)) => "key-phrase-seen-outside",
        (true, None) => "key-phrase-seen",
        (false, None) => "key-phrase",
    };
    Phrase::new(id).phrase("kind", kind).phrase("from", from).phrase("window", window(k))
}

/// The headline of a message: its assessment in words, then the caveats it must say. A message
/// that is not verified also says what a validated ARC chain corroborates (a hop reported a
/// failing signature valid on receipt): never as verification.
pub fn headline(r: &MessageReport) -> Headline {
    let mut h = assessment_headline(r);
    if !r.assessment.status.is_verified() {
        h.caveats.extend(r.arc.corroborations.iter().map(|c| c.explanation.clone()));
    }
    h
}

/// The headline of the message's assessment alone.
fn assessment_headline(r: &MessageReport) -> Headline {
    let plain = |main: Phrase| Headline { main, caveats: Vec::new() };
    if let Some(e) = &r.error {
        return plain(e.clone());
    }
    let a = &r.assessment;
    if a.basis == Some(Basis::DomainKeys)
        && let Some(k) = a.signature.and_then(|i| r.domainkeys.iter().find(|k| k.index == i))
    {
        return domainkeys_headline(r, a, k);
    }
    let best = a.signature.filter(|_| a.basis == Some(Basis::Dkim));
    let Some(best) = best.and_then(|i| r.signatures.iter().find(|s| s.index == i)) else {
        return plain(Phrase::new("headline-unsigned"));
    };
    match (a.status, best.reason) {
        (Status::Verified, _) => verified_headline(r, a, best),
        (Status::Invalid, "expired") => expired(best),
        _ => Headline {
            main: unverified_headline(a, best),
            caveats: best.repair.iter().filter(|_| a.has(Caveat::Repaired)).map(|r| r.description.clone()).collect(),
        },
    }
}

/// The headline of a message that is not verified.
fn unverified_headline(a: &Assessment, best: &SignatureReport) -> Phrase {
    let m = |id| with_domain(Phrase::new(id), best.domain.as_deref());
    match a.status {
        Status::Consistent => m("headline-consistent")
            .number("count", best.key.as_ref().and_then(|k| k.provenance.recovered_from_messages).unwrap_or(0)),
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => m("headline-proves-nothing-compromised"),
        Status::ProvesNothing => m("headline-proves-nothing-weak").arg("bits", bits(best).to_string()),
        Status::Failed => match best.reason {
            "body_changed" if best.key.as_ref().is_some_and(|k| k.provenance.recovered_from_messages.is_some()) => {
                Phrase::new("headline-body-changed-recovered")
            }
            "body_changed" if a.has(Caveat::CompromisedKey) => m("headline-body-changed-compromised"),
            "weak_key" if best.header_signature_valid == Some(true) => {
                m("headline-body-changed-weak").arg("bits", bits(best).to_string())
            }
            "body_changed" => m("headline-body-changed"),
            _ => m("headline-failed"),
        },
        Status::NoKey => match (best.result, &best.selector, &best.domain) {
            (Verdict::Neutral, Some(sel), Some(dom)) => {
                Phrase::new("headline-no-key").arg("name", format!("{sel}._domainkey.{dom}"))
            }
            _ => Phrase::new("headline-not-checked").phrase("explanation", best.explanation.clone()),
        },
        Status::Verified | Status::Invalid | Status::Unsigned | Status::Error => {
            Phrase::new("headline-not-verified").phrase("explanation", best.explanation.clone())
        }
    }
}

/// The headline of a verified message: who signed, then every caveat.
fn verified_headline(r: &MessageReport, a: &Assessment, best: &SignatureReport) -> Headline {
    let m = |id| with_domain(Phrase::new(id), best.domain.as_deref());
    let main = match (a.has(Caveat::Misaligned), r.from_domain.as_deref()) {
        (true, Some(from)) => m("headline-verified-misaligned").arg("from", from),
        _ => m("headline-verified"),
    };
    let on_behalf = best.identity.as_ref().map(|i| Phrase::new("caveat-identity").arg("identity", i.as_str()));
    let caveats = verified_caveats(r, a, on_behalf, best.key.as_ref(), best.body_unsigned_bytes);
    Headline { main, caveats }
}

/// The caveat sentences of a verified message (DKIM or DomainKeys): `on_behalf` says whom the
/// signature says it was made for (its `i=`, or the DomainKeys sending address), `unsigned_bytes`
/// what `l=` leaves unsigned.
fn verified_caveats(
    r: &MessageReport,
    a: &Assessment,
    on_behalf: Option<Phrase>,
    key: Option<&KeyUsed>,
    unsigned_bytes: u64,
) -> Vec<Phrase> {
    let mut caveats = Vec::new();
    if a.has(Caveat::Misaligned) {
        caveats.extend(on_behalf);
        if let Some(sender) = &r.message.sender {
            caveats.push(match r.fields.get("sender") {
                Some(FieldStatus::Verified) => Phrase::new("caveat-sender-signed").arg("sender", sender.as_str()),
                _ => Phrase::new("caveat-sender-unsigned").arg("sender", sender.as_str()),
            });
        }
    }
    if a.has(Caveat::TestingKey) {
        caveats.push(Phrase::new("caveat-testing-key"));
    }
    if let Some(k) = key.filter(|_| a.has(Caveat::UserKey)) {
        let origin = if k.provenance.origin == ADDED_BY_YOU {
            Phrase::new("caveat-user-key-added")
        } else {
            origin(&k.provenance.origin)
        };
        caveats.push(Phrase::new("caveat-user-key").phrase("origin", origin));
    }
    if let Some(k) = key.filter(|_| a.has(Caveat::KeyDateWindow)) {
        caveats.push(Phrase::new("caveat-key-date-window").phrase("window", window(k)));
    }
    if a.has(Caveat::PartialBody) {
        caveats.push(Phrase::new("caveat-partial-body").number("bytes", unsigned_bytes));
    }
    caveats
}

/// The CLI's label for an assessment (`PASS`, `FAIL`, ... in English; from the one vocabulary,
/// [`super::Outcome`]).
pub fn label(a: &Assessment) -> Phrase {
    super::Outcome::of(a).label()
}

/// How many messages of a tally had a status, in words ("2 failed").
pub fn status_count(status: Status, n: usize) -> Phrase {
    Phrase::new(match status {
        Status::Verified => "tally-verified",
        Status::Consistent => "tally-consistent",
        Status::ProvesNothing => "tally-proves-nothing",
        Status::Failed => "tally-failed",
        Status::NoKey => "tally-no-key",
        Status::Invalid => "tally-invalid",
        Status::Unsigned => "tally-unsigned",
        Status::Error => "tally-error",
    })
    .number("count", n)
}

/// The closing tally of a batch: `counts[i]` messages had status `Status::ALL[i]`, of which
/// `expired` were `invalid` only because they had expired at the time the user chose.
pub fn tally(counts: &[usize; 8], expired: usize) -> Phrase {
    let total: usize = counts.iter().sum();
    let main = Phrase::new("tally-main").number("verified", counts[0]).number("total", total);
    let mut rest = Vec::new();
    for (&status, &n) in Status::ALL.iter().zip(counts).skip(1) {
        let n = if status == Status::Invalid { n.saturating_sub(expired) } else { n };
        if status == Status::Invalid && expired > 0 {
            rest.push(Phrase::new("tally-expired").number("count", expired));
        }
        if n > 0 {
            rest.push(status_count(status, n));
        }
    }
    match Phrase::list(rest) {
        Some(rest) => Phrase::new("tally-with-rest").phrase("main", main).phrase("rest", rest),
        None => main,
    }
}

/// How the signatures were judged, in words.
pub fn judging(mode: &JudgingMode) -> Phrase {
    match mode.time {
        Some(t) => Phrase::new("judging-at").date("date", t),
        None => Phrase::new("judging-as-of-signing"),
    }
}

/// The wording for a signature that verifies only with a key recovered from the messages being
/// checked: never "verified", never "signed by".
pub fn consistent(messages: usize) -> Phrase {
    Phrase::new("sig-consistent").number("count", messages)
}

/// Where a recovered key comes from (an archive entry's `source`).
pub fn recovered_source(messages: usize) -> Phrase {
    Phrase::new("recovered-source").number("count", messages)
}

/// How a recovered key's record was built (an archive entry's `derived`).
pub fn recovered_derived(messages: usize, exponent: u32) -> Phrase {
    Phrase::new("recovered-derived").number("count", messages).arg("exponent", exponent.to_string())
}

/// What a recovered key shows and does not show (an archive entry's `notes`).
pub fn recovered_notes(messages: usize) -> Phrase {
    Phrase::new("recovered-notes").number("count", messages)
}

/// Why some signatures of a group gave no key, for `keys recover` and `--recover-keys`.
pub fn unrecovered(code: &str, count: usize, name: &str) -> Phrase {
    let id = match code {
        "too_few" => "recover-too-few",
        "no_common_key" => "recover-no-common-key",
        "too_large" => "recover-too-large",
        _ => "recover-too-short",
    };
    Phrase::new(id).arg("name", name).number("count", count)
}

/// One line for a key recovered from a group.
pub fn recovered_line(name: &str, bits: u32, exponent: u32, verified: usize, signatures: usize) -> Phrase {
    Phrase::new("recover-line")
        .arg("name", name)
        .arg("bits", bits.to_string())
        .arg("exponent", exponent.to_string())
        .number("verified", verified)
        .number("signatures", signatures)
}

/// A group with more signatures than recovery keeps (at most `max` per key name).
pub fn over_cap(name: &str, count: usize, max: usize) -> Phrase {
    Phrase::new("recover-over-cap").arg("name", name).number("count", count).number("max", max)
}

/// Words a DomainKeys signature's result and warnings.
pub fn fill_domainkey_text(r: &mut DomainKeyReport) {
    r.explanation = domainkey(r);
    let key = r.key.clone();
    for w in &mut r.warnings {
        w.message = warning(&w.kind, key.as_ref());
    }
}

/// `message` with `selector._domainkey.domain` of a DomainKeys signature as its `name` argument.
fn with_dk_key_name(message: Phrase, r: &DomainKeyReport) -> Phrase {
    match (&r.selector, &r.domain) {
        (Some(sel), Some(dom)) => message.arg("name", format!("{sel}._domainkey.{dom}")),
        _ => message.phrase("name", Phrase::new("unknown-key-name")),
    }
}

/// One plain sentence (or a few) for a DomainKeys signature's result.
pub fn domainkey(r: &DomainKeyReport) -> Phrase {
    let m = |id| with_domain(Phrase::new(id), r.domain.as_deref());
    let nofws = r.canonicalization.as_deref() == Some("nofws");
    match r.reason {
        "verified" if r.key.as_ref().is_some_and(|k| k.compromised()) => m("dk-proves-nothing-compromised"),
        "verified" => {
            let mut parts = vec![m("dk-verified")];
            if let Some(k) = &r.key {
                parts.push(Phrase::new("dk-checked-with").phrase("key", key_phrase(k)));
            }
            if let Some(a) = &r.sending_address {
                parts.push(Phrase::new("dk-vouches-for").arg("address", a.as_str()));
            }
            parts.push(Phrase::new(if nofws { "dk-legacy-nofws" } else { "dk-legacy" }));
            parts.push(Phrase::new("dk-weaker"));
            sentences(parts)
        }
        "message_changed" => with_dk_key_name(m("dk-message-changed"), r),
        "domain_mismatch" | "no_sending_address" => with_detail(Phrase::new("dk-does-not-count"), &r.detail),
        "key_granularity" => with_detail(with_dk_key_name(Phrase::new("dk-key-granularity"), r), &r.detail),
        "no_key" if r.result == Verdict::Neutral => with_dk_key_name(Phrase::new("dk-no-key-here"), r),
        "no_key" => with_dk_key_name(Phrase::new("dk-no-key-published"), r),
        "key_lookup_failed" => with_dk_key_name(Phrase::new("sig-key-lookup-failed"), r),
        "key_revoked" => with_dk_key_name(m("sig-key-revoked"), r),
        "weak_key" => {
            let bits = r.key.as_ref().map_or(0, |k| k.bits).to_string();
            let id = if r.signature_valid == Some(true) { "dk-weak-key-matched" } else { "dk-weak-key-unmatched" };
            with_dk_key_name(m(id), r).arg("bits", bits)
        }
        code if code.starts_with("key_") || code == "bad_key" => {
            with_detail(with_dk_key_name(Phrase::new("dk-bad-key"), r), &r.detail)
        }
        _ => with_detail(Phrase::new("dk-malformed"), &r.detail),
    }
}

/// The headline of a message whose deciding signature is a DomainKeys one: verified only by
/// DomainKeys is a weaker kind of verified, and the headline says so.
fn domainkeys_headline(r: &MessageReport, a: &Assessment, k: &DomainKeyReport) -> Headline {
    let m = |id| with_domain(Phrase::new(id), k.domain.as_deref());
    let dkim = Phrase::new(if r.signatures.is_empty() { "dk-headline-no-dkim" } else { "dk-headline-dkim-fails" });
    let plain = |main: Phrase| Headline { main: sentences([dkim.clone(), main]), caveats: Vec::new() };
    match a.status {
        Status::Verified => {
            let on_behalf =
                k.sending_address.as_ref().map(|s| Phrase::new("caveat-sending-address").arg("address", s.as_str()));
            Headline { main: m("dk-headline-verified"), caveats: verified_caveats(r, a, on_behalf, k.key.as_ref(), 0) }
        }
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => plain(m("dk-headline-proves-nothing-compromised")),
        Status::ProvesNothing => {
            plain(m("dk-headline-proves-nothing-weak").arg("bits", k.key.as_ref().map_or(0, |k| k.bits).to_string()))
        }
        Status::Failed => plain(m("dk-headline-failed")),
        Status::NoKey => match (&k.selector, &k.domain) {
            (Some(sel), Some(dom)) if k.result == Verdict::Neutral => {
                plain(Phrase::new("dk-headline-no-key").arg("name", format!("{sel}._domainkey.{dom}")))
            }
            _ => plain(Phrase::new("dk-headline-not-checked").phrase("explanation", k.explanation.clone())),
        },
        _ => plain(Phrase::new("dk-headline-not-verified").phrase("explanation", k.explanation.clone())),
    }
}

/// Words the ARC chain's result and each of its sets.
pub fn fill_arc_text(a: &mut ArcReport) {
    a.explanation = arc(a);
    for set in &mut a.sets {
        set.summary = arc_set(set);
    }
    for c in &mut a.corroborations {
        c.explanation = corroboration(c);
    }
}

/// What a validated ARC chain says of a signature that fails here: reported valid on the way,
/// then changed. Never "verified".
pub fn corroboration(c: &Corroboration) -> Phrase {
    let p = match &c.sealer {
        Some(s) => Phrase::new("arc-corroboration").arg("sealer", s.as_str()),
        None => Phrase::new("arc-corroboration").phrase("sealer", Phrase::new("arc-an-intermediary")),
    };
    p.arg("server", c.authserv_id.as_str())
        .arg("has_server", if c.authserv_id.is_empty() { "no" } else { "yes" })
        .arg("kind", if c.mechanism == "domainkeys" { "domainkeys" } else { "dkim" })
        .arg("changed", if c.changed_by_this_hop { "hop" } else { "after" })
        .arg("domain", c.domain.as_str())
}

/// Words a receiving server's Authentication-Results field.
pub fn fill_claim_text(c: &mut ServerClaim) {
    c.explanation = claim(c);
}

/// One plain sentence for an Authentication-Results field.
pub fn claim(c: &ServerClaim) -> Phrase {
    let id = match (&c.sealed_by, c.results.authserv_id.is_empty()) {
        (Some(_), false) => "arc-claim-sealed",
        (Some(_), true) => "arc-claim-sealed-anonymous",
        (None, false) => "arc-claim",
        (None, true) => "arc-claim-anonymous",
    };
    Phrase::new(id)
        .arg("server", c.results.authserv_id.as_str())
        .arg("sealer", c.sealed_by.clone().unwrap_or_default())
        .arg("said", if c.results.results.is_empty() { "none" } else { "some" })
        .arg("results", results_phrase(&c.results.results))
}

/// The plain sentences for an ARC chain's result, then what ARC proves.
pub fn arc(a: &ArcReport) -> Phrase {
    let detail = || a.detail.clone().unwrap_or_default();
    let hop = |i: Option<u32>| {
        let n = i.unwrap_or(0).to_string();
        match i.and_then(|i| a.sets.iter().find(|s| s.instance == i)).and_then(|s| s.sealer.clone()) {
            Some(d) => Phrase::new("arc-hop-named").arg("sealer", d).arg("n", n),
            None => Phrase::new("arc-hop").arg("n", n),
        }
    };
    let text = match (a.result, a.category) {
        (Verdict::None, _) => return Phrase::default(),
        (Verdict::Pass, _) => {
            let sealers: Vec<String> = a.sets.iter().filter_map(|s| s.sealer.clone()).collect();
            let list = sealers
                .iter()
                .map(|d| Phrase::new("arc-sealer").arg("domain", d.as_str()))
                .reduce(|list, item| Phrase::new("arc-sealers-then").phrase("list", list).phrase("item", item));
            let pass = Phrase::new("arc-pass")
                .phrase("sealers", list.unwrap_or_else(|| Phrase::new("arc-sealers-none")))
                .number("count", sealers.len());
            match a.oldest_pass.filter(|&o| o > 0) {
                Some(o) => sentences([pass, Phrase::new("arc-changed-on-the-way").arg("n", o.to_string())]),
                None => pass,
            }
        }
        (Verdict::Neutral, _) => Phrase::new("arc-neutral").phrase("detail", detail()),
        (Verdict::Temperror, _) => Phrase::new("arc-temperror").phrase("detail", detail()),
        (_, Some(ArcStep::Cv)) if a.reason == "chain_marked_failed" => {
            Phrase::new("arc-cv-fail").phrase("hop", hop(a.failed_instance))
        }
        (_, Some(ArcStep::AmsBody)) => Phrase::new("arc-ams-body").phrase("hop", hop(a.failed_instance)),
        (_, Some(ArcStep::AmsHeader)) => {
            Phrase::new("arc-ams-header").phrase("hop", hop(a.failed_instance)).phrase("detail", detail())
        }
        (_, Some(ArcStep::Seal)) => {
            Phrase::new("arc-seal-fails").phrase("hop", hop(a.failed_instance)).phrase("detail", detail())
        }
        (_, Some(ArcStep::Key)) => Phrase::new("arc-key").phrase("detail", detail()),
        _ => Phrase::new("arc-malformed").phrase("detail", detail()),
    };
    sentences([text, Phrase::new("arc-scope")])
}

/// One plain sentence about one ARC set.
pub fn arc_set(s: &ArcSetReport) -> Phrase {
    let id = match s.seal_valid {
        Some(true) => "arc-set-sealed",
        Some(false) => "arc-set-seal-fails",
        None => "arc-set-named",
    };
    let who = match &s.sealer {
        Some(d) => Phrase::new(id).arg("who", d.as_str()),
        None => Phrase::new(id).phrase("who", Phrase::new("arc-an-unnamed-intermediary")),
    };
    let hop = who.arg("n", s.instance.to_string());
    let Some(ar) = &s.authentication_results else { return hop };
    let recorded = match ar.authserv_id.is_empty() {
        true => Phrase::new("arc-set-recorded").phrase("server", Phrase::new("arc-its-server")),
        false => Phrase::new("arc-set-recorded").arg("server", ar.authserv_id.as_str()),
    };
    let recorded = recorded
        .arg("said", if ar.results.is_empty() { "none" } else { "some" })
        .arg("results", results_phrase(&ar.results));
    sentences([hop, recorded])
}

/// `DKIM pass (gmail.com), SPF pass, DMARC pass`: recorded results in a few words (RFC 8601
/// method and result names, the same in every language).
pub fn results_phrase(results: &[AuthResult]) -> String {
    results
        .iter()
        .map(|r| {
            let method = match r.method.as_str() {
                "domainkeys" => "DomainKeys".to_string(),
                m => m.to_uppercase(),
            };
            match r.signing_domain().filter(|_| r.method == "dkim" || r.method == "domainkeys") {
                Some(d) => format!("{method} {} ({d})", r.result),
                None => format!("{method} {}", r.result),
            }
        })
        .collect::<Vec<String>>()
        .join(", ")
}

/// For a header signature that fails, what its `z=` copy says changed.
pub fn copied_headers(s: &SignatureReport) -> Option<Phrase> {
    if s.copied_headers.is_empty() || s.header_signature_valid != Some(false) {
        return None;
    }
    let changes = s.copied_headers.iter().filter(|c| c.changed).map(|c| {
        let name = display_name(&c.name.to_ascii_lowercase());
        match &c.now {
            Some(now) => {
                Phrase::new("z-changed").arg("name", name).arg("was", c.when_signed.as_str()).arg("now", now.as_str())
            }
            None => Phrase::new("z-missing").arg("name", name).arg("was", c.when_signed.as_str()),
        }
    });
    let list =
        changes.reduce(|list, item| Phrase::new("list-more-semicolon").phrase("list", list).phrase("item", item));
    Some(match list {
        None => Phrase::new("z-matches"),
        Some(changes) => Phrase::new("z-changes").phrase("changes", changes),
    })
}

/// Why a message was not checked: a budget against hostile input was hit.
pub fn not_checked(exceeded: &Exceeded) -> Phrase {
    Phrase::new("error-not-checked").phrase("why", exceeded.phrase())
}

/// Note when a message's body and attachments are not shown: a budget was hit.
pub fn body_not_shown(exceeded: &Exceeded) -> Phrase {
    Phrase::new("note-body-not-shown").phrase("why", exceeded.phrase())
}

/// The heading of the CLI's list of keys needed (`--missing-keys`), `n` names, with the columns'
/// names when there is any.
pub fn keys_needed_heading(n: usize) -> Phrase {
    if n == 0 { Phrase::new("cli-keys-needed-none") } else { Phrase::new("cli-keys-needed-heading").number("count", n) }
}

/// The names of the columns of the CLI's list of keys needed.
pub fn keys_needed_columns() -> Phrase {
    Phrase::new("cli-keys-needed-columns")
}

/// A file found in a zip or a folder that is not a message, skipped.
pub fn skipped_not_message(source: &str) -> Phrase {
    Phrase::new("cli-skipped-not-message").arg("source", source)
}
