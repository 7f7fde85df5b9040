//! Inputs → messages: a path is a message file, an mbox, a zip (nested zips too), a directory
//! (walked in name order) or `-` for stdin. Messages are handed over in bounded batches so a
//! large archive never sits in memory whole. A file holding one message is handed over open,
//! not read: the thread that verifies it reads it into a buffer it keeps (see [`Content`]).
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
use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::message::input::not_a_message;
use dkimcheck::message::mbox;
use dkimcheck::report::explain;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

/// Messages per batch.
const BATCH_ITEMS: usize = 256;
/// Bytes per batch (of messages held in memory).
const BATCH_BYTES: usize = 64 * 1024 * 1024;
/// Largest buffer kept from one message to the next.
const KEEP: usize = 64 * 1024 * 1024;
/// Bytes read from a file to tell a message from a zip (`PK\x03\x04`) or an mbox (`From `).
const SNIFF: usize = 1024;

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
            Content::Part(whole, range) => return Ok(whole.get(range.clone()).unwrap_or_default()),
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

    /// The message's size in bytes (a file's when it was opened).
    #[allow(dead_code)] // the CLI reads the bytes; the fuzz target and tests count them
    pub fn size(&self) -> u64 {
        match self {
            Content::Bytes(bytes) => bytes.len() as u64,
            Content::Part(_, range) => range.len() as u64,
            Content::File(f) => f.size,
        }
    }

    /// Bytes held in memory.
    fn held(&self) -> usize {
        match self {
            Content::Bytes(bytes) => bytes.len(),
            Content::Part(_, range) => range.len(),
            Content::File(_) => 0,
        }
    }
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
    /// The language of what is said on stderr.
    lang: Lang,
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
    /// A file that is not a message, skipped: said on stderr, never counted.
    fn skip(&self, source: &str) {
        eprintln!("dkimcheck: {}", catalog::render(self.lang, &explain::skipped_not_message(source)));
    }
    fn error(&mut self, source: String, why: Phrase) {
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
/// Files that are not messages, in a directory or a zip, are skipped and said so in `lang`.
pub fn for_each_batch(path: &str, max_message: u64, lang: Lang, mut f: impl FnMut(Vec<Item>)) -> Result<usize, Phrase> {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, lang, sink: &mut f };
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
        let mut budgets = Budgets::new(max_message, bytes.len() as u64);
        expand_bytes("-".into(), bytes, &mut batcher, &mut budgets, 0);
    } else {
        expand_path(Path::new(path), path.to_string(), &mut batcher, max_message)?;
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
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, lang: Lang::default(), sink: &mut sink };
    let mut budgets = Budgets::new(max_message, bytes.len() as u64);
    expand_bytes(name.to_string(), bytes, &mut batcher, &mut budgets, 0);
    batcher.flush();
    batcher.errors
}

fn expand_path(path: &Path, name: String, out: &mut Batcher<'_>, max_message: u64) -> Result<(), Phrase> {
    if std::fs::metadata(path).map_err(|e| io_error(&e))?.is_dir() {
        expand_dir(path, out, max_message)
    } else {
        expand_file(path, name, out, max_message, false)
    }
}

/// A directory, walked in name order. An entry's type comes with the listing (no stat call
/// per file); links are not followed: a link to a parent would loop.
fn expand_dir(path: &Path, out: &mut Batcher<'_>, max_message: u64) -> Result<(), Phrase> {
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| io_error(&e))?
        .flatten()
        .map(|e| (e.path(), e.file_type().map_err(|e| io_error(&e))))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (entry, kind) in entries {
        let child = entry.to_string_lossy().into_owned();
        let expanded = match kind {
            Ok(kind) if kind.is_symlink() => continue,
            Ok(kind) if kind.is_dir() => expand_dir(&entry, out, max_message),
            Ok(_) => expand_file(&entry, child.clone(), out, max_message, true),
            Err(e) => Err(e),
        };
        if let Err(e) = expanded {
            out.error(child, e);
        }
    }
    Ok(())
}

/// A file: a zip (read member by member), an mbox (read whole and split), or one message
/// (handed over open, read by the thread that verifies it). `listed`: the file was found in a
/// directory (not named by the user): if it is not a message, it is skipped.
fn expand_file(path: &Path, name: String, out: &mut Batcher<'_>, max_message: u64, listed: bool) -> Result<(), Phrase> {
    let mut file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    let mut head = [0u8; SNIFF];
    let head_len = read_up_to(&mut file, &mut head).map_err(|e| io_error(&e))?;
    let mut budgets = Budgets::new(max_message, meta.len());
    if is_zip(&head[..head_len]) {
        file.rewind().map_err(|e| io_error(&e))?;
        let len = meta.len();
        let source = Source { backing: Rc::new(Backing::File(RefCell::new(file))), start: 0, len, pos: 0 };
        expand_zip(source, &name, out, &mut budgets, 0);
        return Ok(());
    }
    if mbox::is_mbox(&head[..head_len]) || !meta.is_file() {
        // An mbox holds many messages: it is read whole and split (each message within the
        // budget); a pipe's size is not known before it is read.
        let mut bytes = head[..head_len].to_vec();
        file.read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
        expand_bytes(name, bytes, out, &mut budgets, 0);
        return Ok(());
    }
    if meta.len() > max_message {
        out.error(name, too_large(meta.len(), max_message));
        return Ok(());
    }
    if listed && not_a_message(&name, &head[..head_len]) {
        out.skip(&name);
        return Ok(());
    }
    let size = meta.len();
    out.push(Item { source: name, content: Ok(Content::File(Box::new(MessageFile { file, head, head_len, size }))) });
    Ok(())
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

fn is_zip(magic: &[u8]) -> bool {
    magic.starts_with(b"PK\x03\x04") || magic.starts_with(b"PK\x05\x06")
}

/// The error for a message over the size budget, with how to raise it.
fn too_large(size: u64, max: u64) -> Phrase {
    let e = Exceeded { limit: Limit::MessageBytes, max, found: Some(size) };
    Phrase::new("cli-too-large").phrase("why", e.phrase())
}

/// An I/O error in words: the common kinds in the reader's language, others as the system says.
pub fn io_error(e: &std::io::Error) -> Phrase {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Phrase::new("cli-io-not-found"),
        ErrorKind::PermissionDenied => Phrase::new("cli-io-permission-denied"),
        ErrorKind::IsADirectory => Phrase::new("cli-io-is-a-directory"),
        ErrorKind::InvalidData => Phrase::new("cli-io-not-text"),
        _ => Phrase::new("detail-as-given").arg("text", e.to_string()),
    }
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
            let whole = Arc::new(bytes);
            for (i, range) in parts.into_iter().enumerate() {
                let source = format!("{name}#{}", i + 1);
                if range.len() as u64 > budgets.message_bytes {
                    out.error(source, too_large(range.len() as u64, budgets.message_bytes));
                } else {
                    out.push(Item { source, content: Ok(Content::Part(Arc::clone(&whole), range)) });
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
    if depth > 0 && not_a_message(&name, &bytes[..bytes.len().min(SNIFF)]) {
        out.skip(&name);
        return;
    }
    out.push(Item { source: name, content: Ok(Content::Bytes(bytes)) });
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
fn declared_directory(source: &mut Source) -> Result<(u64, u64), Phrase> {
    let tail_len = source.len.min(22 + 0xffff + 20);
    let mut tail = vec![0u8; tail_len as usize];
    source.seek(SeekFrom::Start(source.len - tail_len)).map_err(|e| io_error(&e))?;
    source.read_exact(&mut tail).map_err(|e| io_error(&e))?;
    let eocd = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| Phrase::new("cli-zip-no-end"))?;
    let u16_at = |b: &[u8], i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let u32_at = |b: &[u8], i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let u64_at = |b: &[u8], i: usize| u32_at(b, i) | (u32_at(b, i + 4) << 32);
    let (count, size) = (u16_at(&tail, eocd + 10), u32_at(&tail, eocd + 12));
    if (count == 0xffff || size == 0xffff_ffff) && eocd >= 20 && tail[eocd - 20..].starts_with(b"PK\x06\x07") {
        let record = u64_at(&tail, eocd - 20 + 8);
        let mut rec = [0u8; 56];
        source.seek(SeekFrom::Start(record)).map_err(|e| io_error(&e))?;
        if source.read_exact(&mut rec).is_ok() && rec.starts_with(b"PK\x06\x06") {
            return Ok((u64_at(&rec, 32), u64_at(&rec, 40)));
        }
    }
    Ok((count, size))
}

/// Why reading a zip stopped early.
enum Stop {
    /// A budget of the whole file was hit: nothing more of it is read.
    Budget(Phrase),
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
        out.error(
            name.to_string(),
            Phrase::new("cli-not-read").phrase("why", Exceeded::new(Limit::ZipNesting, None).phrase()),
        );
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
        let why = Exceeded::new(Limit::ZipMembers, Some(count)).phrase();
        return Err(Stop::Budget(Phrase::new("cli-not-read").phrase("why", why)));
    }
    budgets.members_left -= count;
    if directory > source.len {
        out.error(name.to_string(), Phrase::new("cli-zip-directory-too-large"));
        return Ok(());
    }
    let _ = source.rewind();
    let mut zip = match zip::ZipArchive::new(source.window(0, source.len)) {
        Ok(z) => z,
        Err(e) => {
            out.error(name.to_string(), Phrase::new("cli-zip-unreadable").arg("error", e.to_string()));
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
        return Err(Stop::Budget(Phrase::new("cli-zip-bomb").phrase("why", e.phrase())));
    }
    budgets.inflated_left -= declared;
    // Data ranges read so far, start → end, to refuse members whose data overlap.
    let mut ranges: BTreeMap<u64, u64> = BTreeMap::new();
    for i in 0..zip.len() {
        let mut member = match zip.by_index(i) {
            Ok(m) => m,
            Err(e) => {
                out.error(format!("{name}!#{i}"), Phrase::new("cli-zip-member-unreadable").arg("error", e.to_string()));
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
            return Err(Stop::Budget(Phrase::new("cli-zip-overlap").arg("member", member_name)));
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
                Phrase::new("cli-zip-nested-too-large").number("size", size).number("max", limit)
            } else {
                too_large(size, budgets.message_bytes)
            };
            out.error(source_name, why);
            continue;
        }
        // Never more than the header says (plus one byte, to notice a lie).
        let mut bytes = Vec::with_capacity(size as usize);
        match (&mut member).take(size + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > size => {
                out.error(source_name, Phrase::new("cli-zip-member-larger-than-said").number("size", size))
            }
            Ok(_) if nested_zip => {
                drop(member);
                budgets.held_left -= bytes.len() as u64;
                let held = bytes.len() as u64;
                expand_bytes(source_name, bytes, out, budgets, depth + 1);
                budgets.held_left += held;
            }
            Ok(_) => expand_bytes(source_name, bytes, out, budgets, depth + 1),
            Err(e) => out.error(source_name, Phrase::new("cli-zip-decompress").arg("error", e.to_string())),
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
