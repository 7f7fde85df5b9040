//! Inputs → messages: a path is a message file, an mbox, a zip (nested zips too), a directory
//! (walked in name order) or `-` for stdin. Messages are handed over in bounded batches so a
//! large archive never sits in memory whole.

use super::io_error;
use dkimcheck::l10n::Phrase;
use dkimcheck::message::mbox;
use std::io::{Read, Seek};
use std::path::Path;

/// Largest message or nested archive read from a zip, in bytes.
const MAX_MEMBER: u64 = 512 * 1024 * 1024;
/// Messages per batch.
const BATCH_ITEMS: usize = 256;
/// Bytes per batch.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// One message to verify, or why it could not be read.
pub struct Item {
    /// Name for the report (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// The bytes, or what went wrong reading them.
    pub content: Result<Vec<u8>, Phrase>,
}

struct Batcher<'f> {
    items: Vec<Item>,
    bytes: usize,
    errors: usize,
    sink: &'f mut dyn FnMut(Vec<Item>),
}

impl Batcher<'_> {
    fn push(&mut self, item: Item) {
        self.bytes += item.content.as_ref().map_or(0, Vec::len);
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
pub fn for_each_batch(path: &str, mut f: impl FnMut(Vec<Item>)) -> Result<usize, Phrase> {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut f };
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
        expand_bytes("-".into(), bytes, &mut batcher, 0);
    } else {
        expand_path(Path::new(path), path.to_string(), &mut batcher)?;
    }
    batcher.flush();
    Ok(batcher.errors)
}

fn expand_path(path: &Path, name: String, out: &mut Batcher<'_>) -> Result<(), Phrase> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
    if meta.is_dir() {
        let mut entries: Vec<_> =
            std::fs::read_dir(path).map_err(|e| io_error(&e))?.flatten().map(|e| e.path()).collect();
        entries.sort();
        for entry in entries {
            let child = entry.to_string_lossy().into_owned();
            // Links inside a directory are not followed: a link to a parent would loop.
            if std::fs::symlink_metadata(&entry).is_ok_and(|m| m.file_type().is_symlink()) {
                continue;
            }
            if let Err(e) = expand_path(&entry, child.clone(), out) {
                out.push(Item { source: child, content: Err(e) });
            }
        }
        return Ok(());
    }
    let mut file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(|e| io_error(&e))?;
    file.rewind().map_err(|e| io_error(&e))?;
    if is_zip(&magic[..n]) {
        // Read the zip from the file, member by member.
        return expand_zip(file, &name, out, 0);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
    expand_bytes(name, bytes, out, 0);
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
                out.push(Item { source: format!("{name}#{}", i + 1), content: Ok(bytes[range].to_vec()) });
            }
            return;
        }
    }
    out.push(Item { source: name, content: Ok(bytes) });
}

fn expand_zip<R: Read + Seek>(reader: R, name: &str, out: &mut Batcher<'_>, depth: usize) -> Result<(), Phrase> {
    if depth > 8 {
        return Err(Phrase::new("cli-zip-too-deep").number("depth", 8u32));
    }
    let mut zip =
        zip::ZipArchive::new(reader).map_err(|e| Phrase::new("cli-zip-unreadable").arg("error", e.to_string()))?;
    for i in 0..zip.len() {
        let mut member = match zip.by_index(i) {
            Ok(m) => m,
            Err(e) => {
                let error = Phrase::new("cli-zip-member-unreadable").arg("error", e.to_string());
                out.push(Item { source: format!("{name}!#{i}"), content: Err(error) });
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
                content: Err(Phrase::new("cli-zip-member-too-large")
                    .number("size", member.size())
                    .number("max", MAX_MEMBER)),
            });
            continue;
        }
        let mut bytes = Vec::with_capacity(member.size() as usize);
        match (&mut member).take(MAX_MEMBER + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > MAX_MEMBER => {
                out.push(Item { source, content: Err(Phrase::new("cli-zip-member-larger-than-said")) })
            }
            Ok(_) => expand_bytes(source, bytes, out, depth + 1),
            Err(e) => {
                out.push(Item { source, content: Err(Phrase::new("cli-zip-decompress").arg("error", e.to_string())) })
            }
        }
    }
    Ok(())
}
