//! A message's headline: its assessment in words (DKIM or DomainKeys), then every caveat it must say.

use super::key::window;
use super::phrasing::{bits, sentences, with_domain};
use super::signature::expired;
use crate::keys::provenance::ADDED_BY_YOU;
use crate::keys::record_name;
use crate::l10n::Phrase;
use crate::report::assess::{Assessment, Basis, Caveat, FieldStatus, Status};
use crate::report::message_report::{Headline, MessageReport};
use crate::report::outcome::Outcome;
use crate::report::{DomainKeyReport, KeyUsed, SignatureReport, Verdict};

/// The headline of a message: its assessment in words, then the caveats it must say. A message
/// that is not verified also says what a validated ARC chain corroborates (a hop reported a
/// failing signature valid on receipt): never as verification.
pub fn headline(r: &MessageReport) -> Headline {
    let mut h = assessment_headline(r);
    if !r.assessment.status.is_verified() {
        h.caveats.extend(r.arc.corroborations.iter().map(|c| c.explanation.clone()));
    }
    h.note = verdict_note(&r.assessment);
    h.fields = fields_note(&r.assessment);
    h
}

/// What an assessment does not mean, in one line said right under it: what a verified (or
/// consistent) signature does not show, and that a failed one is not proof of forgery.
fn verdict_note(a: &Assessment) -> Option<Phrase> {
    let id = match Outcome::of(a) {
        Outcome::Verified => "verdict-note-verified",
        Outcome::Consistent => "verdict-note-consistent",
        Outcome::Failed => "verdict-note-failed",
        _ => return None,
    };
    Some(with_domain(Phrase::new(id), a.domain.as_deref()))
}

/// Why none of the message's header fields is confirmed, in the assessment's own terms (said
/// above From, To, ...); `None` when a signature verified or the input could not be read.
fn fields_note(a: &Assessment) -> Option<Phrase> {
    Some(Phrase::new(match Outcome::of(a) {
        Outcome::Verified | Outcome::Error => return None,
        Outcome::Consistent => "fields-unconfirmed-consistent",
        Outcome::ProvesNothing => "fields-unconfirmed-proves-nothing",
        Outcome::Failed => "fields-unconfirmed-failed",
        Outcome::NoKey => "fields-unconfirmed-no-key",
        Outcome::Expired => "fields-unconfirmed-expired",
        Outcome::Invalid => "fields-unconfirmed-invalid",
        Outcome::Unsigned => "fields-unconfirmed-unsigned",
    }))
}

/// The headline of the message's assessment alone.
pub(super) fn assessment_headline(r: &MessageReport) -> Headline {
    let plain = |main: Phrase| Headline { main, ..Headline::default() };
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
            ..Headline::default()
        },
    }
}

/// The headline of a message that is not verified.
pub(super) fn unverified_headline(a: &Assessment, best: &SignatureReport) -> Phrase {
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
                Phrase::new("headline-no-key").arg("name", record_name(sel, dom))
            }
            _ => Phrase::new("headline-not-checked").phrase("explanation", best.explanation.clone()),
        },
        Status::Verified | Status::Invalid | Status::Unsigned | Status::Error => {
            Phrase::new("headline-not-verified").phrase("explanation", best.explanation.clone())
        }
    }
}

/// The headline of a verified message: who signed, then every caveat.
pub(super) fn verified_headline(r: &MessageReport, a: &Assessment, best: &SignatureReport) -> Headline {
    let m = |id| with_domain(Phrase::new(id), best.domain.as_deref());
    let main = match (a.has(Caveat::Misaligned), r.from_domain.as_deref()) {
        (true, Some(from)) => m("headline-verified-misaligned").arg("from", from),
        _ => m("headline-verified"),
    };
    let on_behalf = best.identity.as_ref().map(|i| Phrase::new("caveat-identity").arg("identity", i.as_str()));
    let caveats = verified_caveats(r, a, on_behalf, best.key.as_ref(), best.body_unsigned_bytes);
    Headline { main, caveats, ..Headline::default() }
}

/// The caveat sentences of a verified message (DKIM or DomainKeys): `on_behalf` says whom the
/// signature says it was made for (its `i=`, or the DomainKeys sending address), `unsigned_bytes`
/// what `l=` leaves unsigned.
pub(super) fn verified_caveats(
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
            (*k.origin_words).clone()
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

/// The headline of a message whose deciding signature is a DomainKeys one: verified only by
/// DomainKeys is a weaker kind of verified, and the headline says so.
pub(super) fn domainkeys_headline(r: &MessageReport, a: &Assessment, k: &DomainKeyReport) -> Headline {
    let m = |id| with_domain(Phrase::new(id), k.domain.as_deref());
    let dkim = Phrase::new(if r.signatures.is_empty() { "dk-headline-no-dkim" } else { "dk-headline-dkim-fails" });
    let plain = |main: Phrase| Headline { main: sentences([dkim.clone(), main]), ..Headline::default() };
    match a.status {
        Status::Verified => {
            let on_behalf =
                k.sending_address.as_ref().map(|s| Phrase::new("caveat-sending-address").arg("address", s.as_str()));
            Headline {
                main: m("dk-headline-verified"),
                caveats: verified_caveats(r, a, on_behalf, k.key.as_ref(), 0),
                ..Headline::default()
            }
        }
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => plain(m("dk-headline-proves-nothing-compromised")),
        Status::ProvesNothing => {
            plain(m("dk-headline-proves-nothing-weak").arg("bits", k.key.as_ref().map_or(0, |k| k.bits).to_string()))
        }
        Status::Failed => plain(m("dk-headline-failed")),
        Status::NoKey => match (&k.selector, &k.domain) {
            (Some(sel), Some(dom)) if k.result == Verdict::Neutral => {
                plain(Phrase::new("dk-headline-no-key").arg("name", record_name(sel, dom)))
            }
            _ => plain(Phrase::new("dk-headline-not-checked").phrase("explanation", k.explanation.clone())),
        },
        _ => plain(Phrase::new("dk-headline-not-verified").phrase("explanation", k.explanation.clone())),
    }
}
