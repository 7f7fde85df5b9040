//! Inputs → messages: a path is a message file, an mbox, a zip (nested zips too), a directory
//! (walked in name order) or `-` for stdin. Messages are handed over in bounded batches so a
//! large archive never sits in memory whole.
//!
//! Zips are hostile input like the rest, and every read is within a budget (src/budget.rs),
//! per file given (the zips inside it included): the members counted from the central
//! directory before anything is read, the bytes their headers say they inflate to (a zip whose
//! members would inflate beyond the budget is refused before any is inflated, and a member that
//! inflates beyond its header is cut off one byte past it), members whose data overlap
//! (a zip bomb's trick) refused, the nesting depth, and the bytes of nested zips held in
//! memory. A stored nested zip is read in place, through a window on its parent, never copied.
//! A budget hit ends that file with one error naming the limit; the other files go on.

use dkimcheck::budget::{self, Exceeded, Limit};
use dkimcheck::message::input::not_a_message;
use dkimcheck::message::mbox;
use dkimcheck::report::explain;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::rc::Rc;

/// Messages per batch.
const BATCH_ITEMS: usize = 256;
/// Bytes per batch.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// One message to verify, or why it could not be read.
pub struct Item {
    /// Name for the report (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// The bytes, or what went wrong reading them.
    pub content: Result<Vec<u8>, String>,
}

/// The budgets that apply while one given file is read.
#[derive(Debug, Clone, Copy)]
pub struct Budgets {
    /// Largest message (and nested compressed zip) read into memory.
    pub message_bytes: u64,
    /// Bytes this file may inflate to.
    inflated_max: u64,
    /// Bytes that may still be inflated from this file.
    inflated_left: u64,
    /// Members that may still be listed.
    members_left: u64,
    /// Bytes of nested zips that may still be held in memory.
    held_left: u64,
}

impl Budgets {
    /// The budgets of one file of `file_size` bytes, with the largest message `message_bytes`.
    pub fn new(message_bytes: u64, file_size: u64) -> Self {
        Budgets {
            message_bytes,
            inflated_max: budget::max_zip_inflated_bytes(file_size),
            inflated_left: budget::max_zip_inflated_bytes(file_size),
            members_left: budget::MAX_ZIP_MEMBERS,
            held_left: message_bytes,
        }
    }
}

/// Where a file's items go, in batches.
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
    fn error(&mut self, source: String, why: String) {
        self.push(Item { source, content: Err(why) });
    }
    fn flush(&mut self) {
        if !self.items.is_empty() {
            self.bytes = 0;
            (self.sink)(std::mem::take(&mut self.items));
        }
    }
}

/// Expands `path` into messages and calls `f` with batches of them, in order. Messages over
/// `max_message` bytes are error items. Returns an error when the path itself cannot be read;
/// problems inside directories and archives become error items, and their number is returned.
pub fn for_each_batch(path: &str, max_message: u64, mut f: impl FnMut(Vec<Item>)) -> Result<usize, String> {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut f };
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let mut budgets = Budgets::new(max_message, bytes.len() as u64);
        expand_bytes("-".into(), bytes, &mut batcher, &mut budgets, 0);
    } else {
        expand_path(Path::new(path), path.to_string(), &mut batcher, max_message, false)?;
    }
    batcher.flush();
    Ok(batcher.errors)
}

/// Expands bytes held in memory (a message, an mbox or a zip) named `name`, calling `f` with
/// each item, within the budgets of one file. The fuzz target for zips (fuzz/) and the tests
/// of the zip budgets call this.
#[allow(dead_code)] // the CLI itself reads files and stdin
pub fn for_each_in_bytes(name: &str, bytes: Vec<u8>, max_message: u64, mut f: impl FnMut(Item)) -> usize {
    let mut sink = |items: Vec<Item>| items.into_iter().for_each(&mut f);
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut sink };
    let mut budgets = Budgets::new(max_message, bytes.len() as u64);
    expand_bytes(name.to_string(), bytes, &mut batcher, &mut budgets, 0);
    batcher.flush();
    batcher.errors
}

/// `listed`: the path was found in a directory (not named by the user): a file in it that is
/// not a message is skipped.
fn expand_path(path: &Path, name: String, out: &mut Batcher<'_>, max_message: u64, listed: bool) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        let mut entries: Vec<_> =
            std::fs::read_dir(path).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
        entries.sort();
        for entry in entries {
            let child = entry.to_string_lossy().into_owned();
            // Links inside a directory are not followed: a link to a parent would loop.
            if std::fs::symlink_metadata(&entry).is_ok_and(|m| m.file_type().is_symlink()) {
                continue;
            }
            if let Err(e) = expand_path(&entry, child.clone(), out, max_message, true) {
                out.error(child, e);
            }
        }
        return Ok(());
    }
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut head = [0u8; 1024];
    let n = read_up_to(&mut file, &mut head).map_err(|e| e.to_string())?;
    file.rewind().map_err(|e| e.to_string())?;
    let mut budgets = Budgets::new(max_message, meta.len());
    if is_zip(&head[..n]) {
        // Read the zip from the file, member by member.
        let len = meta.len();
        let source = Source { backing: Rc::new(Backing::File(RefCell::new(file))), start: 0, len, pos: 0 };
        expand_zip(source, &name, out, &mut budgets, 0);
        return Ok(());
    }
    // An mbox holds many messages: it is read whole and split. Anything else is one message.
    if meta.len() > max_message && !mbox::is_mbox(&head[..n]) {
        out.error(name, too_large(meta.len(), max_message));
        return Ok(());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    expand_bytes(name, bytes, out, &mut budgets, if listed { 1 } else { 0 });
    Ok(())
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn is_zip(magic: &[u8]) -> bool {
    magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06")
}

/// The error for a message over the size budget, with how to raise it.
fn too_large(size: u64, max: u64) -> String {
    let e = Exceeded { limit: Limit::MessageBytes, max, found: Some(size) };
    format!("{e}; --max-message-size raises it")
}

/// A message, an mbox, or a zip held in memory.
fn expand_bytes(name: String, bytes: Vec<u8>, out: &mut Batcher<'_>, budgets: &mut Budgets, depth: usize) {
    if is_zip(&bytes) {
        let len = bytes.len() as u64;
        expand_zip(
            Source { backing: Rc::new(Backing::Memory(bytes)), start: 0, len, pos: 0 },
            &name,
            out,
            budgets,
            depth,
        );
        return;
    }
    if mbox::is_mbox(&bytes) {
        let parts = mbox::split(&bytes);
        if parts.len() > 1 || name.to_ascii_lowercase().ends_with(".mbox") {
            for (i, range) in parts.into_iter().enumerate() {
                let source = format!("{name}#{}", i + 1);
                if range.len() as u64 > budgets.message_bytes {
                    out.error(source, too_large(range.len() as u64, budgets.message_bytes));
                } else {
                    out.push(Item { source, content: Ok(bytes[range].to_vec()) });
                }
            }
            return;
        }
    }
    if bytes.len() as u64 > budgets.message_bytes {
        out.error(name, too_large(bytes.len() as u64, budgets.message_bytes));
        return;
    }
    // Inside a zip or a directory, a file that is not a message (a keys file, notes, JSON) is
    // skipped and said so, never counted, and never read as keys.
    if depth > 0 && not_a_message(&name, &bytes[..bytes.len().min(1024)]) {
        eprintln!("dkimcheck: {}", explain::skipped_not_message(&name));
        return;
    }
    out.push(Item { source: name, content: Ok(bytes) });
}

/// What a zip is read from: a file, or bytes in memory.
enum Backing {
    File(RefCell<std::fs::File>),
    Memory(Vec<u8>),
}

/// A window `[start, start + len)` on a backing, read and seeked like a file. Nested stored
/// zips are windows on their parent's backing: nothing is copied, however deep.
struct Source {
    backing: Rc<Backing>,
    start: u64,
    len: u64,
    pos: u64,
}

impl Source {
    /// The window `[offset, offset + len)` of this one.
    fn window(&self, offset: u64, len: u64) -> Source {
        let offset = offset.min(self.len);
        Source {
            backing: Rc::clone(&self.backing),
            start: self.start + offset,
            len: len.min(self.len - offset),
            pos: 0,
        }
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let n = usize::try_from(left).map_or(buf.len(), |l| l.min(buf.len()));
        if n == 0 {
            return Ok(0);
        }
        let at = self.start + self.pos;
        let got = match &*self.backing {
            Backing::File(file) => {
                let mut file = file.borrow_mut();
                file.seek(SeekFrom::Start(at))?;
                file.read(&mut buf[..n])?
            }
            Backing::Memory(bytes) => {
                let from = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
                let chunk = &bytes[from..(from + n).min(bytes.len())];
                buf[..chunk.len()].copy_from_slice(chunk);
                chunk.len()
            }
        };
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for Source {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let target =
            target.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek outside the zip"))?;
        self.pos = target;
        Ok(target)
    }
}

/// The member count and central directory size a zip's end record declares, read from its
/// last 64 KiB (ZIP64 too), before the zip crate reads the directory.
fn declared_directory(source: &mut Source) -> Result<(u64, u64), String> {
    let tail_len = source.len.min(22 + 0xffff + 20);
    let mut tail = vec![0u8; tail_len as usize];
    source.seek(SeekFrom::Start(source.len - tail_len)).map_err(|e| e.to_string())?;
    source.read_exact(&mut tail).map_err(|e| e.to_string())?;
    let eocd = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
        .ok_or("not a readable zip file (no end-of-archive record)")?;
    let u16_at = |b: &[u8], i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let u32_at = |b: &[u8], i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |b: &[u8], i: usize| u32_at(b, i) | (u32_at(b, i + 4) << 32);
    let (count, size) = (u16_at(&tail, eocd + 10), u32_at(&tail, eocd + 12));
    if (count == 0xffff || size == 0xffff_ffff) && eocd >= 20 && tail[eocd - 20..].starts_with(b"PK\x06\x07") {
        let record = u64_at(&tail, eocd - 20 + 8);
        let mut rec = [0u8; 56];
        source.seek(SeekFrom::Start(record)).map_err(|e| e.to_string())?;
        if source.read_exact(&mut rec).is_ok() && rec.starts_with(b"PK\x06\x06") {
            return Ok((u64_at(&rec, 32), u64_at(&rec, 40)));
        }
    }
    Ok((count, size))
}

/// Why reading a zip stopped early.
enum Stop {
    /// A budget of the whole file was hit: nothing more of it is read.
    Budget(String),
}

fn expand_zip(source: Source, name: &str, out: &mut Batcher<'_>, budgets: &mut Budgets, depth: usize) {
    if let Err(Stop::Budget(why)) = read_zip(source, name, out, budgets, depth) {
        out.error(name.to_string(), why);
        // Every enclosing zip stops too.
        budgets.inflated_left = 0;
        budgets.members_left = 0;
    }
}

fn read_zip(
    mut source: Source,
    name: &str,
    out: &mut Batcher<'_>,
    budgets: &mut Budgets,
    depth: usize,
) -> Result<(), Stop> {
    if budgets.members_left == 0 && budgets.inflated_left == 0 {
        return Ok(()); // an enclosing zip already hit a budget
    }
    if depth > budget::MAX_ZIP_NESTING {
        out.error(name.to_string(), format!("not read: {}", Exceeded::new(Limit::ZipNesting, None)));
        return Ok(());
    }
    let (count, directory) = match declared_directory(&mut source) {
        Ok(d) => d,
        Err(e) => {
            out.error(name.to_string(), e);
            return Ok(());
        }
    };
    if count > budgets.members_left {
        return Err(Stop::Budget(format!("not read: {}", Exceeded::new(Limit::ZipMembers, Some(count)))));
    }
    budgets.members_left -= count;
    if directory > source.len {
        out.error(name.to_string(), "not a readable zip file (its directory is larger than the file)".into());
        return Ok(());
    }
    let _ = source.rewind();
    let mut zip = match zip::ZipArchive::new(source.window(0, source.len)) {
        Ok(z) => z,
        Err(e) => {
            out.error(name.to_string(), format!("not a readable zip file: {e}"));
            return Ok(());
        }
    };
    // What the members say they inflate to, all together, before any is inflated.
    let declared: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|m| if is_junk(m.name(), m.is_dir()) { 0 } else { m.size() }))
        .fold(0u64, u64::saturating_add);
    if declared > budgets.inflated_left {
        let total = (budgets.inflated_max - budgets.inflated_left).saturating_add(declared);
        let e = Exceeded { limit: Limit::ZipInflatedBytes, max: budgets.inflated_max, found: Some(total) };
        return Err(Stop::Budget(format!("not read (a zip bomb?): {e}")));
    }
    budgets.inflated_left -= declared;
    // Data ranges read so far, start → end, to refuse members whose data overlap.
    let mut ranges: BTreeMap<u64, u64> = BTreeMap::new();
    for i in 0..zip.len() {
        let mut member = match zip.by_index(i) {
            Ok(m) => m,
            Err(e) => {
                out.error(format!("{name}!#{i}"), format!("unreadable zip member: {e}"));
                continue;
            }
        };
        let member_name = member.name().to_string();
        if is_junk(&member_name, member.is_dir()) {
            continue;
        }
        let source_name = format!("{name}!{member_name}");
        let (start, end) = (member.header_start(), member.data_start().saturating_add(member.compressed_size()));
        let before = ranges.range(..=start).next_back().is_some_and(|(_, &e)| e > start);
        let after = ranges.range(start..).next().is_some_and(|(&s, _)| s < end);
        if before || after {
            return Err(Stop::Budget(format!(
                "not read (a zip bomb?): its member {member_name} overlaps another (the same data listed twice)"
            )));
        }
        ranges.insert(start, end);
        let size = member.size();
        let nested_zip = member_name.to_ascii_lowercase().ends_with(".zip");
        if nested_zip && member.compression() == zip::CompressionMethod::Stored && !member.encrypted() {
            // Read in place: a window on this zip.
            let (data_start, len) = (member.data_start(), member.compressed_size());
            drop(member);
            expand_zip(source.window(data_start, len), &source_name, out, budgets, depth + 1);
            continue;
        }
        let limit = if nested_zip { budgets.held_left.min(budgets.message_bytes) } else { budgets.message_bytes };
        if size > limit {
            let why = if nested_zip {
                format!(
                    "a compressed zip inside a zip, of {} bytes: more than the {} that may be held in memory (limit message_size); unzip it first",
                    budget::group(size),
                    budget::group(limit)
                )
            } else {
                too_large(size, budgets.message_bytes)
            };
            out.error(source_name, why);
            continue;
        }
        // Never more than the header says (plus one byte, to notice a lie).
        let mut bytes = Vec::with_capacity(size as usize);
        match (&mut member).take(size + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > size => out.error(
                source_name,
                format!("the member inflates to more than the {} bytes its header says; skipped", budget::group(size)),
            ),
            Ok(_) if nested_zip => {
                drop(member);
                budgets.held_left -= bytes.len() as u64;
                let held = bytes.len() as u64;
                expand_bytes(source_name, bytes, out, budgets, depth + 1);
                budgets.held_left += held;
            }
            Ok(_) => expand_bytes(source_name, bytes, out, budgets, depth + 1),
            Err(e) => out.error(source_name, format!("could not decompress: {e}")),
        }
        if budgets.members_left == 0 && budgets.inflated_left == 0 {
            return Ok(()); // a nested zip hit a budget of the whole file
        }
    }
    Ok(())
}

/// Directories and macOS metadata are skipped.
fn is_junk(name: &str, is_dir: bool) -> bool {
    let base = name.rsplit('/').next().unwrap_or("");
    is_dir || name.starts_with("__MACOSX/") || base.starts_with("._") || base == ".DS_Store"
}
