//! What to say about assessments, results and warnings, for people who are not DKIM experts: as
//! [`Phrase`]s (catalog ids and arguments, worded in `locales/*.ftl`), chosen from codes and
//! parameters. Wording never overstates: a verified signature says which domain signed and
//! which parts are covered, not who wrote the message or whether it is true; a headline says
//! every caveat of its assessment (see [`super::assess`]).

use super::assess::{Assessment, Basis, Caveat, FieldStatus, Status};
use super::{Headline, KeyUsed, MessageReport, SignatureReport, Verdict, WarningKind};
use crate::dkim::judging::{JudgedAt, JudgingMode, TimeSource};
use crate::keys::provenance::{ADDED_BY_YOU, BUNDLED_ORIGIN, KEYS_FILE_ORIGIN};
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

/// `message` with the technical detail of `s` as its `detail` argument.
fn with_detail(message: Phrase, s: &SignatureReport) -> Phrase {
    match &s.detail {
        Some(d) => message.phrase("detail", d.clone()),
        None => message.arg("detail", ""),
    }
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
    } else if let Some(file) = label.strip_prefix(KEYS_FILE_ORIGIN) {
        Phrase::new("key-origin-file").arg("file", file)
    } else {
        Phrase::new("key-origin-other").arg("origin", label)
    }
}

/// Words a signature's result and warnings: fills `explanation` and each warning's message.
pub fn fill_signature_text(s: &mut SignatureReport) {
    s.explanation = signature(s);
    let key = s.key.clone();
    for w in &mut s.warnings {
        w.message = warning(&w.kind, key.as_ref());
    }
}

/// The sentence for a warning (`key`: the key the signature was checked with, if any).
pub fn warning(kind: &WarningKind, key: Option<&KeyUsed>) -> Phrase {
    match kind {
        WarningKind::Sha1 => Phrase::new("warning-sha1"),
        WarningKind::CompromisedKey => Phrase::new("warning-compromised-key"),
        WarningKind::RecoveredKey => Phrase::new("warning-recovered-key"),
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
        WarningKind::MboxQuoting => Phrase::new("warning-mbox-quoting"),
        WarningKind::FutureTimestamp => Phrase::new("warning-future-timestamp"),
        WarningKind::ExpiredSince { expires } => Phrase::new("warning-expired-since").date("expires", *expires),
    }
}

/// One plain sentence (or two) for a signature's assessment and result.
pub fn signature(s: &SignatureReport) -> Phrase {
    let d = s.domain.as_deref();
    let compromised = s.key.as_ref().is_some_and(KeyUsed::compromised);
    let headers_ok = s.header_signature_valid == Some(true);
    let m = |id| with_domain(Phrase::new(id), d);
    match (s.assessment.status, s.reason) {
        (Status::ProvesNothing, _) if compromised => m("sig-proves-nothing-compromised"),
        (Status::ProvesNothing, _) => m("sig-proves-nothing-weak").arg("bits", bits(s).to_string()),
        (Status::Verified | Status::Consistent, _) => match &s.key {
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
            with_detail(with_key_name(Phrase::new("sig-bad-key"), s), s)
        }
        _ => with_detail(Phrase::new("sig-malformed"), s),
    }
}

/// A signature expired at the time it was judged: the headline, and what else is known of it.
fn expired(s: &SignatureReport) -> Headline {
    let main = match (s.judged_at, s.expires) {
        (Some(j), Some(x)) => {
            Phrase::new("expired-judged").date("judged", j.time).phrase("source", judged_source(j)).date("expires", x)
        }
        _ => with_detail(Phrase::new("expired-plain"), s),
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

/// The headline of a message: its assessment in words, then the caveats it must say.
pub fn headline(r: &MessageReport) -> Headline {
    let plain = |main: Phrase| Headline { main, caveats: Vec::new() };
    if let Some(e) = &r.error {
        return plain(e.clone());
    }
    let a = &r.assessment;
    let Some(best) = a.signature.and_then(|i| r.signatures.iter().find(|s| s.index == i)) else {
        return plain(Phrase::new("headline-unsigned"));
    };
    match (a.status, best.reason) {
        (Status::Verified, _) => verified_headline(r, a, best),
        (Status::Invalid, "expired") => expired(best),
        _ => plain(unverified_headline(a, best)),
    }
}

/// The headline of a message that is not verified.
fn unverified_headline(a: &Assessment, best: &SignatureReport) -> Phrase {
    let m = |id| with_domain(Phrase::new(id), best.domain.as_deref());
    match a.status {
        Status::Consistent => m("headline-consistent"),
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => m("headline-proves-nothing-compromised"),
        Status::ProvesNothing => m("headline-proves-nothing-weak").arg("bits", bits(best).to_string()),
        Status::Failed => match best.reason {
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
    let main = match (a.basis, a.has(Caveat::Misaligned), r.from_domain.as_deref()) {
        (Some(Basis::DomainKeys), _, _) => m("headline-verified-domainkeys"),
        (_, true, Some(from)) => m("headline-verified-misaligned").arg("from", from),
        _ => m("headline-verified"),
    };
    let mut caveats = Vec::new();
    if a.has(Caveat::Misaligned) {
        if let Some(i) = &best.identity {
            caveats.push(Phrase::new("caveat-identity").arg("identity", i.as_str()));
        }
        if let Some(sender) = &r.message.sender {
            caveats.push(match r.fields.get("sender") {
                Some(FieldStatus::Verified) => Phrase::new("caveat-sender-signed").arg("sender", sender.as_str()),
                _ => Phrase::new("caveat-sender-unsigned").arg("sender", sender.as_str()),
            });
        }
    }
    let key = best.key.as_ref();
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
        caveats.push(Phrase::new("caveat-partial-body").number("bytes", best.body_unsigned_bytes));
    }
    Headline { main, caveats }
}

/// The CLI's label for an assessment (`PASS`, `FAIL`, ... in English).
pub fn label(a: &Assessment) -> Phrase {
    Phrase::new(match a.status {
        Status::Verified => "label-verified",
        Status::Consistent => "label-consistent",
        Status::ProvesNothing => "label-proves-nothing",
        Status::Failed => "label-failed",
        Status::NoKey => "label-no-key",
        Status::Invalid if a.reason == Some("expired") => "label-expired",
        Status::Invalid => "label-invalid",
        Status::Unsigned => "label-unsigned",
        Status::Error => "label-error",
    })
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
