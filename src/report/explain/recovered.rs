//! Keys recovered from the messages, in words: the consistent wording, a recovered key's archive entry, why a group gave no key.

use crate::l10n::Phrase;

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
