//! Paths → items: `-` (stdin), a directory walked in name order (its files listed, not
//! opened), a file sniffed as a zip, an mbox or one message.

use super::batcher::{Batcher, skipped_line};
use super::error::io_error;
use super::item::{Content, Item, ListedFile};
use super::sniff::{Kind, message, sniff};
use super::unpack::{Budgets, expand_bytes, expand_zip};
use super::window::{Backing, Source};
use dkimcheck::l10n::{Lang, Phrase};
use std::cell::RefCell;
use std::io::{Read, Seek};
use std::path::Path;
use std::rc::Rc;

/// Expands `path` into messages and calls `f` with batches of them, in order. Messages over
/// `max_message` bytes are error items. Returns an error when the path itself cannot be read;
/// problems inside directories and archives become error items, and their number is returned.
/// Files found in a directory are handed over unopened ([`Content::Listed`]: see
/// [`super::open_listed`]); files in a zip that are not messages, as [`Content::NotMessage`].
pub fn for_each_batch(path: &str, max_message: u64, mut f: impl FnMut(Vec<Item>)) -> Result<usize, Phrase> {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut f };
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

/// Expands a file found in a directory that its worker found to be a zip or an mbox
/// ([`super::Opened::Container`]), as [`for_each_batch`] would have in its place. Returns the
/// number of problems (error items).
pub fn for_each_in_container(item: Item, mut f: impl FnMut(Vec<Item>)) -> usize {
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut f };
    match item.content {
        Ok(Content::Listed(listed)) => {
            if let Err(e) = expand_file(&listed.path, item.source.clone(), &mut batcher, listed.max_message, true) {
                batcher.error(item.source, e);
            }
        }
        _ => batcher.push(item),
    }
    batcher.flush();
    batcher.errors
}

/// Expands bytes held in memory (a message, an mbox or a zip) named `name`, calling `f` with
/// each item, within the budgets of one file. Files that are not messages are said on stderr,
/// not handed to `f`. The fuzz target for zips (fuzz/) and the tests of the zip budgets call this.
#[allow(dead_code)] // the CLI itself reads files and stdin
pub fn for_each_in_bytes(name: &str, bytes: Vec<u8>, max_message: u64, mut f: impl FnMut(Item)) -> usize {
    let mut sink = |items: Vec<Item>| {
        for item in items {
            match item.content {
                Ok(Content::NotMessage { keys_like }) => {
                    eprintln!("{}", skipped_line(Lang::default(), &item.source, keys_like))
                }
                _ => f(item),
            }
        }
    };
    let mut batcher = Batcher { items: Vec::new(), bytes: 0, errors: 0, sink: &mut sink };
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
/// per file); links are not followed: a link to a parent would loop. Files are not opened
/// here: the worker that verifies one opens it.
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
            Ok(_) => {
                let listed = ListedFile { path: entry, max_message };
                out.push(Item { source: child, content: Ok(Content::Listed(Box::new(listed))) });
                continue;
            }
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
    let (mut f, kind) = sniff(path)?;
    let mut budgets = Budgets::new(max_message, f.size);
    match kind {
        Kind::Zip => {
            f.file.rewind().map_err(|e| io_error(&e))?;
            let source =
                Source { backing: Rc::new(Backing::File(RefCell::new(f.file))), start: 0, len: f.size, pos: 0 };
            expand_zip(source, &name, out, &mut budgets, 0);
        }
        Kind::Whole => {
            // An mbox holds many messages: it is read whole and split (each message within the
            // budget).
            let mut bytes = f.head[..f.head_len].to_vec();
            f.file.read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
            expand_bytes(name, bytes, out, &mut budgets, 0);
        }
        Kind::Message => {
            let (head, head_len) = (f.head, f.head_len);
            match message(f, &name, max_message, listed) {
                Some(Ok(content)) => out.push(Item { source: name, content: Ok(content) }),
                Some(Err(why)) => out.error(name, why),
                None => out.skip(&name, &head[..head_len]),
            }
        }
    }
    Ok(())
}
