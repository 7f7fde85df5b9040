//! Building blocks of the wording: header names for display, the domain, key name and detail arguments every sentence takes, sentences joined into one phrase.

use crate::keys::record_name;
use crate::l10n::Phrase;
use crate::report::SignatureReport;

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
pub(super) fn with_domain(message: Phrase, d: Option<&str>) -> Phrase {
    match d {
        Some(d) => message.arg("domain", d),
        None => message.phrase("domain", Phrase::new("unknown-domain")),
    }
}

/// `message` with `selector._domainkey.domain` of `s` as its `name` argument ("its key" when
/// either is unknown).
pub(super) fn with_key_name(message: Phrase, s: &SignatureReport) -> Phrase {
    match (&s.selector, &s.domain) {
        (Some(sel), Some(dom)) => message.arg("name", record_name(sel, dom)),
        _ => message.phrase("name", Phrase::new("unknown-key-name")),
    }
}

/// `message` with the technical detail `detail` as its `detail` argument.
pub(super) fn with_detail(message: Phrase, detail: &Option<Phrase>) -> Phrase {
    match detail {
        Some(d) => message.phrase("detail", d.clone()),
        None => message.arg("detail", ""),
    }
}

/// Sentences one after the other, as one phrase.
pub(super) fn sentences(items: impl IntoIterator<Item = Phrase>) -> Phrase {
    items.into_iter().reduce(|a, b| Phrase::new("two-sentences").phrase("a", a).phrase("b", b)).unwrap_or_default()
}

/// Bits of the key a signature was checked with (0 if none).
pub(super) fn bits(s: &SignatureReport) -> u32 {
    s.key.as_ref().map_or(0, |k| k.bits)
}
