//! A DKIM signature's result in words: its explanation, an expired signature's headline, what its `z=` copy says changed.

use super::judging::judged_source;
use super::key::key_phrase;
use super::phrasing::{bits, display_name, sentences, with_detail, with_domain, with_key_name};
use super::recovered::consistent;
use super::repair::repair;
use super::warning::warning;
use crate::l10n::Phrase;
use crate::report::assess::Status;
use crate::report::message_report::Headline;
use crate::report::{KeyUsed, SignatureReport, Verdict};

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
pub(super) fn expired(s: &SignatureReport) -> Headline {
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
    Headline { main, caveats: more.map(Phrase::new).into_iter().collect(), ..Headline::default() }
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
