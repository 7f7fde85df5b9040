//! Budgets against hostile input: every limit in one place, the typed error that names the one
//! that was hit, and (for tests) a count of the work done.
//!
//! A leak is hostile input by nature. Every step of verification is linear in its input, and
//! these limits bound the input itself, so that no file can make the CLI or the page run for
//! minutes or run out of memory. A budget hit skips that input (or that signature, or that key)
//! with an error naming the limit, and a batch goes on with the next input.
//!
//! The limits on reading files (message size, zips) are enforced where files are read: the
//! CLI (`src/cli/sources/`) and the page (`www/js/input/`, whose `budgets.js` repeats the
//! values; a test keeps them equal). The others are enforced by the library.
//!
//! [`count`] adds to per-thread counters of work (header name lookups, bytes hashed, modular
//! multiplications...). They exist only with the `work-counters` feature, which the tests turn
//! on: tests bound the work done on hostile input with them, never with a clock. Without the
//! feature, [`count`] compiles to nothing.

use crate::l10n::Phrase;

/// Largest message checked, in bytes (256 MiB). The CLI's `--max-message-size` and the page's
/// Limits panel raise it.
pub const MAX_MESSAGE_BYTES: u64 = 256 * 1024 * 1024;
/// Most header fields in a message that is checked.
pub const MAX_HEADER_FIELDS: usize = 10_000;
/// Most tags in one tag list (a signature or a key record).
pub const MAX_TAGS: usize = 100;
/// Most keys held under one name (`selector._domainkey.domain`).
pub const MAX_KEYS_PER_NAME: usize = 32;
/// Most signatures evaluated per message; the rest are reported as skipped.
pub const MAX_SIGNATURES: usize = 50;
/// Most DomainKeys signatures evaluated per message: each hashes the whole message again (its
/// hash covers the header fields, then the body, so nothing can be shared); the rest are noted.
pub const MAX_DOMAINKEY_SIGNATURES: usize = 5;
/// Most MIME parts and nested messages read to show a message's body and attachments.
pub const MAX_MIME_PARTS: usize = 10_000;
/// Bytes one zip file may inflate to, the zips inside it included: this many times its own
/// size, plus [`ZIP_INFLATION_ALLOWANCE`]. Mail compresses a few times; zip bombs, a thousand.
pub const MAX_ZIP_INFLATION_RATIO: u64 = 100;
/// Bytes any zip may inflate to beyond [`MAX_ZIP_INFLATION_RATIO`] times its size (64 MiB).
pub const ZIP_INFLATION_ALLOWANCE: u64 = 64 * 1024 * 1024;
/// Most members in one zip file, the zips inside it included.
pub const MAX_ZIP_MEMBERS: u64 = 1_000_000;
/// Deepest nesting of zips inside zips.
pub const MAX_ZIP_NESTING: usize = 8;

/// The bytes a zip file of `zip_size` bytes may inflate to, the zips inside it included.
pub fn max_zip_inflated_bytes(zip_size: u64) -> u64 {
    ZIP_INFLATION_ALLOWANCE.saturating_add(zip_size.saturating_mul(MAX_ZIP_INFLATION_RATIO))
}

/// One of the budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// [`MAX_MESSAGE_BYTES`] (or the raised value).
    MessageBytes,
    /// [`MAX_HEADER_FIELDS`].
    HeaderFields,
    /// [`MAX_TAGS`].
    Tags,
    /// [`MAX_KEYS_PER_NAME`].
    KeysPerName,
    /// [`MAX_SIGNATURES`].
    Signatures,
    /// [`MAX_MIME_PARTS`].
    MimeParts,
    /// [`max_zip_inflated_bytes`].
    ZipInflatedBytes,
    /// [`MAX_ZIP_MEMBERS`].
    ZipMembers,
    /// [`MAX_ZIP_NESTING`].
    ZipNesting,
}

impl Limit {
    /// The default maximum.
    pub fn max(self) -> u64 {
        match self {
            Limit::MessageBytes => MAX_MESSAGE_BYTES,
            Limit::HeaderFields => MAX_HEADER_FIELDS as u64,
            Limit::Tags => MAX_TAGS as u64,
            Limit::KeysPerName => MAX_KEYS_PER_NAME as u64,
            Limit::Signatures => MAX_SIGNATURES as u64,
            Limit::MimeParts => MAX_MIME_PARTS as u64,
            Limit::ZipInflatedBytes => ZIP_INFLATION_ALLOWANCE,
            Limit::ZipMembers => MAX_ZIP_MEMBERS,
            Limit::ZipNesting => MAX_ZIP_NESTING as u64,
        }
    }

    /// Stable machine code, as in reports and the README.
    pub fn code(self) -> &'static str {
        match self {
            Limit::MessageBytes => "message_size",
            Limit::HeaderFields => "header_fields",
            Limit::Tags => "tags_per_tag_list",
            Limit::KeysPerName => "keys_per_name",
            Limit::Signatures => "signatures_per_message",
            Limit::MimeParts => "mime_parts",
            Limit::ZipInflatedBytes => "zip_inflated_bytes",
            Limit::ZipMembers => "zip_members",
            Limit::ZipNesting => "zip_nesting",
        }
    }

    /// The catalog id of what is counted, in plural ("header fields in a message").
    fn what(self) -> &'static str {
        match self {
            Limit::MessageBytes => "budget-what-message-bytes",
            Limit::HeaderFields => "budget-what-header-fields",
            Limit::Tags => "budget-what-tags",
            Limit::KeysPerName => "budget-what-keys-per-name",
            Limit::Signatures => "budget-what-signatures",
            Limit::MimeParts => "budget-what-mime-parts",
            Limit::ZipInflatedBytes => "budget-what-zip-inflated-bytes",
            Limit::ZipMembers => "budget-what-zip-members",
            Limit::ZipNesting => "budget-what-zip-nesting",
        }
    }
}

/// A budget was hit: which one, its maximum, and how much was found (when known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.phrase())]
pub struct Exceeded {
    /// The budget.
    pub limit: Limit,
    /// Its maximum, as enforced.
    pub max: u64,
    /// How much was found, when known (reading may stop as soon as the budget is passed).
    pub found: Option<u64>,
}

impl Exceeded {
    /// The budget `limit` at its default maximum, with what was `found`.
    pub fn new(limit: Limit, found: Option<u64>) -> Self {
        Exceeded { limit, max: limit.max(), found }
    }

    /// What was hit, in words: "123,456 header fields in a message: more than the 10,000
    /// allowed (limit header_fields)".
    pub fn phrase(&self) -> Phrase {
        let what = Phrase::new(self.limit.what());
        let code = self.limit.code();
        match self.found {
            Some(found) => Phrase::new("budget-exceeded-found")
                .number("found", found)
                .phrase("what", what)
                .number("max", self.max)
                .arg("code", code),
            None => Phrase::new("budget-exceeded").number("max", self.max).phrase("what", what).arg("code", code),
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Kinds of work counted by [`count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Header field names compared or looked up (selecting signed fields, unsigned fields,
    /// warnings).
    HeaderLookups,
    /// Tag names checked for duplicates or looked up.
    TagLookups,
    /// Key records compared when a key is added.
    KeyComparisons,
    /// Bytes fed to a hash function.
    BytesHashed,
    /// Bytes of the body copied (LF → CRLF, mbox unquoting).
    BytesCopied,
    /// Modular multiplications (RSA).
    ModularMultiplications,
}

#[cfg(feature = "work-counters")]
const KINDS: usize = 6;

#[cfg(feature = "work-counters")]
thread_local! {
    static COUNTERS: [std::cell::Cell<u64>; KINDS] = const { [const { std::cell::Cell::new(0) }; KINDS] };
}

/// Adds `n` to the counter of `work` on this thread (only with the `work-counters` feature).
#[inline(always)]
pub fn count(work: Work, n: u64) {
    #[cfg(feature = "work-counters")]
    COUNTERS.with(|c| c[work as usize].set(c[work as usize].get().saturating_add(n)));
    #[cfg(not(feature = "work-counters"))]
    let _ = (work, n);
}

/// The work counted on this thread since the last [`reset_work`] (all zero without the
/// `work-counters` feature).
pub fn work(kind: Work) -> u64 {
    #[cfg(feature = "work-counters")]
    return COUNTERS.with(|c| c[kind as usize].get());
    #[cfg(not(feature = "work-counters"))]
    {
        let _ = kind;
        0
    }
}

/// Sets this thread's work counters to zero.
pub fn reset_work() {
    #[cfg(feature = "work-counters")]
    COUNTERS.with(|c| c.iter().for_each(|x| x.set(0)));
}

/// True when work is counted (the `work-counters` feature).
pub const COUNTING: bool = cfg!(feature = "work-counters");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_limit() {
        let e = Exceeded::new(Limit::HeaderFields, Some(123_456));
        assert_eq!(
            e.to_string(),
            "123,456 header fields in a message: more than the 10,000 allowed (limit header_fields)"
        );
        assert_eq!(group(0), "0");
        assert_eq!(group(1_000), "1,000");
    }
}
