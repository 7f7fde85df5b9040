//! A zip, an mbox or a message held in memory (or a zip in a file) → items, within the budgets
//! of the file given.

use super::batcher::Batcher;
use super::error::{io_error, too_large};
use super::item::{Content, Item, SNIFF};
use super::sniff::is_zip;
use super::window::{Backing, Source};
use dkimcheck::budget::{self, Exceeded, Limit};
use dkimcheck::l10n::Phrase;
use dkimcheck::message::inflate::{InflateError, output_room};
use dkimcheck::message::input::not_a_message;
use dkimcheck::message::mbox;
use dkimcheck::message::zip_member::{self, MemberError};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::rc::Rc;
use std::sync::Arc;

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

/// A message, an mbox, or a zip held in memory.
pub(super) fn expand_bytes(name: String, bytes: Vec<u8>, out: &mut Batcher<'_>, budgets: &mut Budgets, depth: usize) {
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
    let head = &bytes[..bytes.len().min(SNIFF)];
    if depth > 0 && not_a_message(&name, head) {
        out.skip(&name, head);
        return;
    }
    out.push(Item { source: name, content: Ok(Content::Bytes(bytes)) });
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

pub(super) fn expand_zip(source: Source, name: &str, out: &mut Batcher<'_>, budgets: &mut Budgets, depth: usize) {
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
        // Sizes that cannot be true are refused before anything is read, as the page does.
        let method = member.compression();
        if matches!(method, zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated)
            && let Err(e) = zip_member::check_sizes(
                method == zip::CompressionMethod::Deflated,
                member.compressed_size(),
                member.size(),
            )
            .and_then(|()| zip_member::check_in_file(member.data_start(), member.compressed_size(), source.len))
        {
            out.error(source_name, e.phrase());
            continue;
        }
        let size = member.size();
        let crc = member.crc32();
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
        // Never more than the header says (plus one byte, to notice a lie); room reserved for no
        // more than the data can inflate to, as the page's inflater does.
        let compressed = usize::try_from(member.compressed_size()).unwrap_or(usize::MAX);
        let mut bytes = Vec::with_capacity(output_room(compressed, usize::try_from(size).unwrap_or(usize::MAX)));
        match (&mut member).take(size + 1).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > size => {
                // The page's words for it (one vocabulary): the same error as its inflater's.
                let limit = usize::try_from(size).unwrap_or(usize::MAX);
                out.error(source_name, InflateError::InflatesMore { limit }.phrase())
            }
            Ok(_) if nested_zip => {
                drop(member);
                budgets.held_left -= bytes.len() as u64;
                let held = bytes.len() as u64;
                expand_bytes(source_name, bytes, out, budgets, depth + 1);
                budgets.held_left += held;
            }
            Ok(_) => expand_bytes(source_name, bytes, out, budgets, depth + 1),
            Err(e) => out.error(source_name, read_error(&e, &bytes, crc)),
        }
        if budgets.members_left == 0 && budgets.inflated_left == 0 {
            return Ok(()); // a nested zip hit a budget of the whole file
        }
    }
    Ok(())
}

/// Why a member could not be read, in words. The zip crate checks the CRC-32 once it has given
/// every byte: a mismatch (the bytes read do not match the CRC-32 the archive records) is a
/// damaged member, and a deflate stream that is not one is broken, with the page's words.
fn read_error(e: &std::io::Error, bytes: &[u8], crc: u32) -> Phrase {
    match e.kind() {
        std::io::ErrorKind::InvalidData if zip_member::check_crc(bytes, crc).is_err() => MemberError::Damaged.phrase(),
        std::io::ErrorKind::InvalidInput => InflateError::Broken.phrase(),
        _ => Phrase::new("cli-zip-decompress").arg("error", e.to_string()),
    }
}

/// Directories and macOS metadata are skipped.
fn is_junk(name: &str, is_dir: bool) -> bool {
    let base = name.rsplit('/').next().unwrap_or("");
    is_dir || name.starts_with("__MACOSX/") || base.starts_with("._") || base == ".DS_Store"
}
