//! Inputs → messages: a path is a message file, an mbox, a zip (nested zips too), a directory
//! (walked in name order) or `-` for stdin. Messages are handed over in bounded batches so a
//! large archive never sits in memory whole. A file holding one message is handed over open,
//! not read: the thread that verifies it reads it into a buffer it keeps (see [`Content`]).

use dkimcheck::message::mbox;
use std::io::{Read, Seek};
use std::path::Path;

/// Largest message or nested archive read from a zip, in bytes.
const MAX_MEMBER: u64 = 512 * 1024 * 1024;
/// Messages per batch.
const BATCH_ITEMS: usize = 256;
/// Bytes per batch (of messages held in memory).
const BATCH_BYTES: usize = 64 * 1024 * 1024;
/// Largest buffer kept from one message to the next.
const KEEP: usize = 64 * 1024 * 1024;
/// Bytes read from a file to tell a message from a zip (`PK\x03\x04`) or an mbox (`From `).
const SNIFF: usize = 5;

/// One message to verify, or why it could not be read.
pub struct Item {
    /// Name for the report (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// Where the bytes are, or what went wrong reading them.
    pub content: Result<Content, String>,
}

/// Where a message's bytes are.
pub enum Content {
    /// In memory: a zip member, a message of an mbox, stdin.
    Bytes(Vec<u8>),
    /// A file holding one message, open, its first bytes already read.
    File(MessageFile),
}

/// A file holding one message, not read yet.
pub struct MessageFile {
    file: std::fs::File,
    head: [u8; SNIFF],
    head_len: usize,
    /// The size when it was opened: what is read.
    size: u64,
}

impl Content {
    /// The message's bytes. A file is read into `buf`, which keeps its memory from message to
    /// message: its bytes stay initialized and it only grows, so a batch of files is read with
    /// no fresh allocation (no new pages to fault in) and nothing to zero. A file is read up to
    /// the size it had when it was opened (a file cut shorter since gives fewer bytes).
    pub fn bytes<'a>(&'a self, buf: &'a mut Vec<u8>) -> std::io::Result<&'a [u8]> {
        let f = match self {
            Content::Bytes(bytes) => return Ok(bytes),
            Content::File(f) => f,
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

    /// Bytes held in memory.
    fn held(&self) -> usize {
        match self {
            Content::Bytes(bytes) => bytes.len(),
            Content::File(_) => 0,
        }
    }
}

struct Batcher<'f> {
    items: Vec<Item>,
    bytes: usize,
    errors: usize,
    sink: &'f mut dyn FnMut(Vec<Item>),
}

impl Batcher<'_> {
    fn push(&mut self, item: Item) {
        self.bytes += item.content.as_ref().map_or(0, Content::held);
        self.errors += usize::from(item.content.is_err());
        self.items.push(item);
        if self.items.len() >= BATCH_ITEMS || self.bytes >= BATCH_BYTES {
            self.flush();
        }
    }
    fn flush(&mut self) {
        if !self.items.is_empty() {
            self.bytes = 0;
            (self.sink)(std::mem::take(&mut self.items));
        }
    }
}

/// Expands `path` into messages and calls `f` with batches of them, in order. Returns an error
/// when the path itself cannot be read; problems inside directories and archives become error
/// items, and their number is returned.
pub fn for_each_batch(path: &str, mut f: impl FnMut(Vec<Item>)) -> Result<usize, String> {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut f };
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        expand_bytes("-".into(), bytes, &mut batcher, 0);
    } else {
        expand_path(Path::new(path), path.to_string(), &mut batcher)?;
    }
    batcher.flush();
    Ok(batcher.errors)
}

fn expand_path(path: &Path, name: String, out: &mut Batcher<'_>) -> Result<(), String> {
    if std::fs::metadata(path).map_err(|e| e.to_string())?.is_dir() {
        expand_dir(path, out)
    } else {
        expand_file(path, name, out)
    }
}

/// A directory, walked in name order. An entry's type comes with the listing (no stat call
/// per file); links are not followed: a link to a parent would loop.
fn expand_dir(path: &Path, out: &mut Batcher<'_>) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| (e.path(), e.file_type().map_err(|e| e.to_string())))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (entry, kind) in entries {
        let child = entry.to_string_lossy().into_owned();
        let expanded = match kind {
            Ok(kind) if kind.is_symlink() => continue,
            Ok(kind) if kind.is_dir() => expand_dir(&entry, out),
            Ok(_) => expand_file(&entry, child.clone(), out),
            Err(e) => Err(e),
        };
        if let Err(e) = expanded {
            out.push(Item { source: child, content: Err(e) });
        }
    }
    Ok(())
}

/// A file: a zip, an mbox, or one message.
fn expand_file(path: &Path, name: String, out: &mut Batcher<'_>) -> Result<(), String> {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut head = [0u8; SNIFF];
    let mut head_len = 0;
    while head_len < SNIFF {
        match file.read(&mut head[head_len..]) {
            Ok(0) => break,
            Ok(n) => head_len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    if is_zip(&head[..head_len]) {
        // Read the zip from the file, member by member.
        file.rewind().map_err(|e| e.to_string())?;
        return expand_zip(file, &name, out, 0);
    }
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if head[..head_len].starts_with(b"From ") || !meta.is_file() {
        // Perhaps an mbox, read whole and split; or a pipe, whose size is not known.
        let mut bytes = head[..head_len].to_vec();
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        expand_bytes(name, bytes, out, 0);
        return Ok(());
    }
    let size = meta.len();
    out.push(Item { source: name, content: Ok(Content::File(MessageFile { file, head, head_len, size })) });
    Ok(())
}

fn is_zip(magic: &[u8]) -> bool {
    magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06")
}

/// A message, an mbox, or a zip held in memory.
fn expand_bytes(name: String, bytes: Vec<u8>, out: &mut Batcher<'_>, depth: usize) {
    if is_zip(&bytes) {
        if let Err(e) = expand_zip(std::io::Cursor::new(bytes), &name, out, depth) {
            out.push(Item { source: name, content: Err(e) });
        }
        return;
    }
    if mbox::is_mbox(&bytes) {
        let parts = mbox::split(&bytes);
        if parts.len() > 1 || name.to_ascii_lowercase().ends_with(".mbox") {
            for (i, range) in parts.into_iter().enumerate() {
                out.push(Item {
                    source: format!("{name}#{}", i + 1),
                    content: Ok(Content::Bytes(bytes[range].to_vec())),
                });
            }
            return;
        }
    }
    out.push(Item { source: name, content: Ok(Content::Bytes(bytes)) });
}

fn expand_zip<R: Read + Seek>(reader: R, name: &str, out: &mut Batcher<'_>, depth: usize) -> Result<(), String> {
    if depth > 8 {
        return Err("zip files nested more than 8 deep".into());
    }
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| format!("not a readable zip file: {e}"))?;
    for i in 0..zip.len() {
        let mut member = match zip.by_index(i) {
            Ok(m) => m,
            Err(e) => {
                out.push(Item { source: format!("{name}!#{i}"), content: Err(format!("unreadable zip member: {e}")) });
                continue;
            }
        };
        let member_name = member.name().to_string();
        let base = member_name.rsplit('/').next().unwrap_or("");
        if member.is_dir() || member_name.starts_with("__MACOSX/") || base.starts_with("._") || base == ".DS_Store" {
            continue;
        }
        let source = format!("{name}!{member_name}");
        if member.size() > MAX_MEMBER {
            out.push(Item {
                source,
                content: Err(format!("member is {} bytes; members over {MAX_MEMBER} bytes are skipped", member.size())),
            });
            continue;
        }
        let mut bytes = Vec::with_capacity(member.size() as usize);
        match (&mut member).take(MAX_MEMBER + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > MAX_MEMBER => {
                out.push(Item { source, content: Err("member is larger than its header says; skipped".into()) })
            }
            Ok(_) => expand_bytes(source, bytes, out, depth + 1),
            Err(e) => out.push(Item { source, content: Err(format!("could not decompress: {e}")) }),
        }
    }
    Ok(())
}
