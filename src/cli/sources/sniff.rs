//! A file opened and its first bytes read: a zip, something read whole (an mbox, a pipe), or
//! one message (too large, not a message, or handed over open). One reading of a file for the
//! thread that walks (zips and mboxes) and for the worker that opens a listed file.

use super::error::{io_error, too_large};
use super::item::{Content, MessageFile, SNIFF};
use dkimcheck::l10n::Phrase;
use dkimcheck::message::input::not_a_message;
use dkimcheck::message::mbox;
use std::io::Read;
use std::path::Path;

/// What a file is, from its first bytes.
pub(super) enum Kind {
    /// A zip: read member by member.
    Zip,
    /// An mbox (many messages), or not a regular file (a pipe: its size is not known before it
    /// is read): read whole, then split.
    Whole,
    /// One message.
    Message,
}

/// Opens `path`, reads its size and first bytes, and tells what it is.
pub(super) fn sniff(path: &Path) -> Result<(MessageFile, Kind), Phrase> {
    let (file, meta) = open(path)?;
    sniff_open(file, &meta)
}

/// As [`sniff`], for a file opened already.
pub(super) fn sniff_open(mut file: std::fs::File, meta: &std::fs::Metadata) -> Result<(MessageFile, Kind), Phrase> {
    let mut head = [0u8; SNIFF];
    let head_len = read_up_to(&mut file, &mut head).map_err(|e| io_error(&e))?;
    let kind = kind(&head[..head_len], meta.is_file());
    Ok((MessageFile { file, head, head_len, size: meta.len() }, kind))
}

/// Opens `path` and reads its metadata.
pub(super) fn open(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), Phrase> {
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    Ok((file, meta))
}

/// What a file is, from its first bytes; `regular`: a regular file (its size is known).
pub(super) fn kind(head: &[u8], regular: bool) -> Kind {
    if is_zip(head) {
        Kind::Zip
    } else if mbox::is_mbox(head) || !regular {
        Kind::Whole
    } else {
        Kind::Message
    }
}

/// Whether a file holding one message, of `size` bytes starting with `head`, is verified: an
/// error when it is over `max_message` bytes; false when it was `listed` in a directory (not
/// named by the user) and is not a message (it is skipped).
pub(super) fn is_verified(size: u64, head: &[u8], name: &str, max_message: u64, listed: bool) -> Result<bool, Phrase> {
    if size > max_message {
        return Err(too_large(size, max_message));
    }
    Ok(!(listed && not_a_message(name, &head[..head.len().min(SNIFF)])))
}

/// A file holding one message, as an item's content (see [`is_verified`]); `None` when it is
/// skipped.
pub(super) fn message(f: MessageFile, name: &str, max_message: u64, listed: bool) -> Option<Result<Content, Phrase>> {
    match is_verified(f.size, &f.head[..f.head_len], name, max_message, listed) {
        Ok(true) => Some(Ok(Content::File(Box::new(f)))),
        Ok(false) => None,
        Err(why) => Some(Err(why)),
    }
}

/// Reads `file`, of `size` bytes when opened, into `buffer` (which only grows, as in
/// [`Content::bytes`]): one read for a whole file. Returns the bytes read (fewer when the file
/// got shorter since).
pub(super) fn read_whole(mut file: &std::fs::File, size: usize, buffer: &mut Vec<u8>) -> Result<usize, Phrase> {
    if buffer.len() < size {
        buffer.resize(size, 0);
    }
    read_up_to(&mut file, &mut buffer[..size]).map_err(|e| io_error(&e))
}

/// A zip's first bytes.
pub(super) fn is_zip(magic: &[u8]) -> bool {
    magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06")
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
