//! The key a signature was checked with, in words: its kind, where it came from, the period it was seen in public sources.

use crate::keys::provenance::ADDED_BY_YOU;
use crate::l10n::Phrase;
use crate::report::KeyUsed;

/// The period a key was seen in public sources, in the language's words (the key's `seen`
/// phrase, worded in [`crate::keys::period`]), or "at an unknown time".
pub fn window(key: &KeyUsed) -> Phrase {
    key.seen.as_deref().cloned().unwrap_or_else(|| Phrase::new("window-unknown"))
}

/// The key a signature was checked with, in words: its kind, where it came from, when it was
/// seen and whether the message's Date falls in that period.
pub(super) fn key_phrase(k: &KeyUsed) -> Phrase {
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
        Phrase::new("key-from-origin").phrase("origin", (*k.origin_words).clone())
    };
    let seen = k.seen.is_some();
    let id = match (seen, k.date_in_window) {
        (_, Some(true)) => "key-phrase-seen-inside",
        (_, Some(false)) => "key-phrase-seen-outside",
        (true, None) => "key-phrase-seen",
        (false, None) => "key-phrase",
    };
    Phrase::new(id).phrase("kind", kind).phrase("from", from).phrase("window", window(k))
}

/// "Checked with the 2048-bit RSA key from …": the key a signature was checked with, as a
/// sentence (a DomainKeys signature's explanation; the CLI's `-v` line for a DKIM signature
/// whose explanation does not name its key).
pub fn checked_with(k: &KeyUsed) -> Phrase {
    Phrase::new("key-checked-with").phrase("key", key_phrase(k))
}
