//! A DomainKeys signature's result in words.

use super::key::checked_with;
use super::phrasing::{sentences, with_detail, with_domain};
use super::warning::warning;
use crate::keys::record_name;
use crate::l10n::Phrase;
use crate::report::{DomainKeyReport, Verdict};

/// Words a DomainKeys signature's result and warnings.
pub fn fill_domainkey_text(r: &mut DomainKeyReport) {
    r.explanation = domainkey(r);
    let key = r.key.clone();
    for w in &mut r.warnings {
        w.message = warning(&w.kind, key.as_ref());
    }
}

/// `message` with `selector._domainkey.domain` of a DomainKeys signature as its `name` argument.
pub(super) fn with_dk_key_name(message: Phrase, r: &DomainKeyReport) -> Phrase {
    match (&r.selector, &r.domain) {
        (Some(sel), Some(dom)) => message.arg("name", record_name(sel, dom)),
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
                parts.push(checked_with(k));
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
