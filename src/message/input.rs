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

/// Whether `bytes` start like an email: a header field (`Name:` with a name of letters, digits,
/// `-` and `_`, as real field names are), or an mbox `From ` line (a byte-order mark and blank lines before
/// either are allowed). Batches skip files found in a zip or a folder that do not (keys files,
/// JSON, notes): they are listed as skipped, never counted, never read as keys.
pub fn looks_like_message(bytes: &[u8]) -> bool {
    let mut b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    while let Some(rest) = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n")) {
        b = rest;
    }
    if b.starts_with(b"From ") {
        return true;
    }
    let line = &b[..b.len().min(1000)];
    match memchr(b':', line) {
        Some(colon) if colon > 0 => line[..colon].iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
        _ => false,
    }
}

/// Extensions of files that are never messages (keys and certificates, documents, images,
/// data, archives this checker does not open): skipped from a batch by name, unread.
const NOT_MESSAGE_EXTENSIONS: &[&str] = &[
    "zone", "json", "jsonl", "csv", "tsv", "pem", "key", "pub", "der", "crt", "cer", "asc", "gpg", "sig", "p7s", "pdf",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "jpg", "jpeg", "png", "gif", "bmp", "tif",
    "tiff", "svg", "webp", "ico", "heic", "mp3", "mp4", "m4a", "mov", "avi", "wav", "ogg", "html", "htm", "css", "js",
    "md", "xml", "yaml", "yml", "toml", "ini", "cfg", "exe", "dll", "so", "bin", "iso", "tar", "gz", "tgz", "7z",
    "rar", "bz2", "xz", "sqlite", "db", "pst", "ost",
];

/// Extensions that say a file is a message: one that does not look like one is reported as
/// unreadable rather than skipped.
const MESSAGE_EXTENSIONS: &[&str] = &["eml", "msg", "mbox"];

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(dot) if dot > 0 => base[dot + 1..].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// A file found in a zip or a folder that is not a message by its name alone (`keys.zone`,
/// `notes.pdf`): skipped unread.
pub fn not_a_message_by_name(name: &str) -> bool {
    NOT_MESSAGE_EXTENSIONS.contains(&extension(name).as_str())
}

/// A file found in a zip or a folder that is not a message: by its name, or because its first
/// bytes (`head`, a kilobyte is enough) do not start like one and its name does not say it is
/// one (a `.eml` that is not a message is reported as unreadable instead).
pub fn not_a_message(name: &str, head: &[u8]) -> bool {
    not_a_message_by_name(name)
        || (!looks_like_message(head) && !MESSAGE_EXTENSIONS.contains(&extension(name).as_str()))
}

/// Whether a file that is not a message (its first bytes, `head`) looks like DKIM keys: a DNS
/// name under `_domainkey` or a `v=DKIM1` record. Said when such a file is skipped from a batch,
/// since keys are read only from the files given as keys.
pub fn looks_like_keys(head: &[u8]) -> bool {
    let finder = |needle: &[u8]| head.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle));
    finder(b"_domainkey") || finder(b"v=DKIM1")
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
    fn files_that_are_not_messages_are_told_apart() {
        assert!(looks_like_message(b"Received: from x\r\n"));
        assert!(looks_like_message(b"\xef\xbb\xbf\nFrom: a@b\n"));
        assert!(looks_like_message(b"From a@b Mon Jan 1 00:00:00 2001\n"));
        assert!(!looks_like_message(b"sel._domainkey.x.org. IN TXT \"v=DKIM1; p=...\""));
        assert!(!looks_like_message(b"{\"keys\": []}"));
        assert!(!looks_like_message(b"Notes about the leak: see below"));
        assert!(looks_like_keys(b"sel._domainkey.x.org. IN TXT \"v=DKIM1; p=...\""));
        assert!(looks_like_keys(b"{\"keys\": [{\"name\": \"s._DomainKey.x.org\"}]}"));
        assert!(!looks_like_keys(b"Notes about the leak: see below"));
        assert!(not_a_message("leak.zip!keys.zone", b"From: a@b\n"));
        assert!(not_a_message("leak.zip!notes.txt", b"Notes about the leak"));
        assert!(!not_a_message("leak.zip!1.txt", b"From: a@b\n"));
        assert!(!not_a_message("leak.zip!broken.eml", b"not an email"));
        assert!(!not_a_message("leak.zip!12345", b"Return-Path: <a@b>\n"));
    }

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
