//! One message to verify: where its bytes are, or why it could not be read.

use dkimcheck::l10n::Phrase;
use std::io::Read;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Largest buffer kept from one message to the next.
const KEEP: usize = 64 * 1024 * 1024;

/// Bytes read from a file to tell a message from a zip (`PK\x03\x04`) or an mbox (`From `).
pub(super) const SNIFF: usize = 1024;

/// One message to verify, or why it could not be read.
pub struct Item {
    /// Name for the report (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// Where the bytes are, or what went wrong reading them.
    pub content: Result<Content, Phrase>,
}

/// Where a message's bytes are.
pub enum Content {
    /// In memory: a zip member, stdin.
    Bytes(Vec<u8>),
    /// One message of an mbox held in memory: a range of the whole, shared by its messages
    /// (never copied out).
    Part(Arc<Vec<u8>>, Range<usize>),
    /// A file holding one message, open, its first bytes already read.
    File(Box<MessageFile>),
    /// A file read whole by the worker that verifies it, in one read: its bytes are the first
    /// so many of that worker's buffer (the one given to [`Content::bytes`]).
    InBuffer(usize),
    /// A file found in a directory, not opened yet: the worker that verifies it opens and
    /// sniffs it (see [`super::open_listed`]), so the thread that walks only lists names.
    Listed(Box<ListedFile>),
    /// A file inside a zip that is not a message: skipped and said so, in its place among the
    /// reports, never counted. `keys_like`: its first bytes look like DKIM keys (the line then
    /// says that keys are read only from `--keys`).
    NotMessage { keys_like: bool },
}

/// A file found in a directory, not opened yet.
pub struct ListedFile {
    pub(super) path: PathBuf,
    /// The largest message read.
    pub(super) max_message: u64,
}

/// A file holding one message, not read yet.
pub struct MessageFile {
    pub(super) file: std::fs::File,
    pub(super) head: [u8; SNIFF],
    pub(super) head_len: usize,
    /// The size when it was opened: what is read.
    pub(super) size: u64,
}

impl Content {
    /// The message's bytes (an error for a file not opened yet or not a message). A file is read into `buf`, which keeps its memory from message to
    /// message: its bytes stay initialized and it only grows, so a batch of files is read with
    /// no fresh allocation (no new pages to fault in) and nothing to zero. A file is read up to
    /// the size it had when it was opened (a file cut shorter since gives fewer bytes).
    pub fn bytes<'a>(&'a self, buf: &'a mut Vec<u8>) -> std::io::Result<&'a [u8]> {
        let f = match self {
            Content::Bytes(bytes) => return Ok(bytes),
            Content::Part(whole, range) => return Ok(whole.get(range.clone()).unwrap_or_default()),
            Content::File(f) => f,
            Content::InBuffer(len) => return buf.get(..*len).ok_or_else(|| std::io::ErrorKind::InvalidInput.into()),
            Content::Listed(_) | Content::NotMessage { .. } => return Err(std::io::ErrorKind::InvalidInput.into()),
        };
        let size = usize::try_from(f.size).unwrap_or(usize::MAX).max(f.head_len);
        if buf.len() > KEEP && size <= KEEP {
            *buf = Vec::new(); // a huge message's memory is not kept
        }
        if buf.len() < size {
            buf.resize(size, 0);
        }
        buf[..f.head_len].copy_from_slice(&f.head[..f.head_len]);
        let mut filled = f.head_len;
        while filled < size {
            match (&f.file).read(&mut buf[filled..size]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(&buf[..filled])
    }

    /// A file holding one message and its size when opened (for mapping it rather than
    /// reading it); `None` for bytes in memory.
    #[allow(dead_code)] // the CLI maps large files; the fuzz target and tests read them
    pub fn file(&self) -> Option<(&std::fs::File, u64)> {
        match self {
            Content::File(f) => Some((&f.file, f.size)),
            _ => None,
        }
    }

    /// The message's size in bytes (a file's when it was opened).
    #[allow(dead_code)] // the CLI sizes its runs of messages; the fuzz target and tests count them
    pub fn size(&self) -> u64 {
        match self {
            Content::Bytes(bytes) => bytes.len() as u64,
            Content::Part(_, range) => range.len() as u64,
            Content::File(f) => f.size,
            Content::InBuffer(len) => *len as u64,
            Content::Listed(_) | Content::NotMessage { .. } => 0,
        }
    }

    /// Bytes held in memory.
    pub(super) fn held(&self) -> usize {
        match self {
            Content::Bytes(bytes) => bytes.len(),
            Content::Part(_, range) => range.len(),
            Content::File(_) | Content::InBuffer(_) | Content::Listed(_) | Content::NotMessage { .. } => 0,
        }
    }
}
