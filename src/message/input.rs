//! Raw input → the bytes that are verified.
//!
//! Files are checked as people have them. Two repairs are made, each reported as a note:
//! a leading mbox `From ` separator line is dropped, and a file with LF-only line endings
//! (no CRLF anywhere) is checked as if every LF were CRLF, as it was when it was sent over SMTP.
//! Nothing else is changed: a CRLF file with stray bare LFs is verified byte for byte.

use crate::budget::{Work, count};
use crate::l10n::Phrase;
use memchr::memchr;
use std::borrow::Cow;

/// What was done to the input before verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Normalization {
    /// A leading mbox `From ` line was removed.
    pub mbox_line_skipped: bool,
    /// The file had LF-only line endings and was converted to CRLF.
    pub lf_converted: bool,
}

impl Normalization {
    /// Notes describing the repairs made.
    pub fn notes(&self) -> Vec<Phrase> {
        let mut notes = Vec::new();
        if self.mbox_line_skipped {
            notes.push(Phrase::new("note-mbox-line-skipped"));
        }
        if self.lf_converted {
            notes.push(Phrase::new("note-lf-converted"));
        }
        notes
    }
}

/// The message bytes to verify, borrowed where nothing had to change.
pub struct Normalized<'a> {
    /// Phrase bytes with CRLF line endings.
    pub bytes: Cow<'a, [u8]>,
    /// The repairs that were made.
    pub normalization: Normalization,
}

/// Normalizes raw input: drops a leading mbox `From ` line and converts LF-only files to CRLF.
pub fn normalize(raw: &[u8]) -> Normalized<'_> {
    let mut normalization = Normalization::default();
    let mut bytes = raw;
    if bytes.starts_with(b"From ")
        && let Some(end) = memchr(b'\n', bytes)
    {
        bytes = &bytes[end + 1..];
        normalization.mbox_line_skipped = true;
    }
    let has_crlf = memchr::memmem::find(bytes, b"\r\n").is_some();
    let has_lf = memchr(b'\n', bytes).is_some();
    if has_lf && !has_crlf {
        normalization.lf_converted = true;
        return Normalized { bytes: Cow::Owned(lf_to_crlf(bytes)), normalization };
    }
    Normalized { bytes: Cow::Borrowed(bytes), normalization }
}

/// Replaces every LF not preceded by CR with CRLF (one copy, the only one made of a message).
pub fn lf_to_crlf(bytes: &[u8]) -> Vec<u8> {
    let extra = memchr::memchr_iter(b'\n', bytes).count();
    let mut out = Vec::with_capacity(bytes.len() + extra);
    let mut from = 0;
    for lf in memchr::memchr_iter(b'\n', bytes) {
        out.extend_from_slice(&bytes[from..lf]);
        if lf == 0 || bytes[lf - 1] != b'\r' {
            out.push(b'\r');
        }
        out.push(b'\n');
        from = lf + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    count(Work::BytesCopied, out.len() as u64);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_only_file_is_converted_and_noted() {
        let n = normalize(b"From: a@b\nSubject: x\n\nbody\n");
        assert_eq!(&*n.bytes, b"From: a@b\r\nSubject: x\r\n\r\nbody\r\n");
        assert!(n.normalization.lf_converted);
        assert!(!n.normalization.mbox_line_skipped);
    }

    #[test]
    fn crlf_file_is_borrowed_unchanged_even_with_bare_lf_in_body() {
        let raw = b"From: a@b\r\n\r\nbinary\nstuff\r\n";
        let n = normalize(raw);
        assert!(matches!(n.bytes, Cow::Borrowed(_)));
        assert_eq!(&*n.bytes, &raw[..]);
    }

    #[test]
    fn mbox_separator_is_skipped() {
        let n = normalize(b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\r\nFrom: a@b\r\n\r\nx\r\n");
        assert!(n.normalization.mbox_line_skipped);
        assert!(n.bytes.starts_with(b"From: a@b"));
    }
}
