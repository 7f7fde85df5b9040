//! Paths → items: `-` (stdin), a directory walked in name order, a file sniffed as a zip, an
//! mbox or one message.

use super::batcher::Batcher;
use super::error::{io_error, too_large};
use super::item::{Content, Item, MessageFile, SNIFF};
use super::unpack::{Budgets, expand_bytes, expand_zip, is_zip};
use super::window::{Backing, Source};
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::message::input::not_a_message;
use dkimcheck::message::mbox;
use std::cell::RefCell;
use std::io::{Read, Seek};
use std::path::Path;
use std::rc::Rc;

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
        .map(|e| (e.file_name(), e.path(), e.file_type().map_err(|e| io_error(&e))))
        .collect();
    // The entries share their parent: by name is path order (and cheaper to compare).
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, entry, kind) in entries {
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
        out.skip(&name, &head[..head_len]);
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
