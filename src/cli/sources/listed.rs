//! A file found in a directory, opened and sniffed by the worker that verifies it: the thread
//! that walks only lists names (opening, sizing and sniffing every file there kept the workers
//! waiting for it).

use super::item::SNIFF;
use super::item::{Content, Item};
use super::sniff::{Kind, is_verified, kind, message, open, read_whole, sniff_open};
use dkimcheck::message::input::looks_like_keys;

/// What an item turned out to be once its file was opened.
pub enum Opened {
    /// A message to verify, or an error item made before (already counted).
    Message(Item),
    /// An error item: the file could not be read, or is too large (counts as unreadable).
    Unreadable(Item),
    /// Not a message (named here): skipped and said so, never counted. `keys_like`: its first
    /// bytes look like DKIM keys.
    Skipped { source: String, keys_like: bool },
    /// A zip or an mbox, given back unopened: the thread that walks expands it in its place
    /// (see [`super::for_each_in_container`]).
    Container(Item),
}

/// Opens `item` if it is a file found in a directory (see [`Content::Listed`]); other items
/// are as they were, but for files inside zips that are not messages. A regular file under
/// `whole_below` bytes is read whole into `buffer`, in one read ([`Content::InBuffer`]: the
/// same buffer must be given to [`Content::bytes`]); a larger one is handed over open, its
/// first bytes read.
pub fn open_listed(item: Item, buffer: &mut Vec<u8>, whole_below: u64) -> Opened {
    let Item { source, content } = item;
    let listed = match content {
        Ok(Content::Listed(listed)) => listed,
        Ok(Content::NotMessage { keys_like }) => return Opened::Skipped { source, keys_like },
        content => return Opened::Message(Item { source, content }),
    };
    let unreadable = |source, why| Opened::Unreadable(Item { source, content: Err(why) });
    let container = |source, listed| Opened::Container(Item { source, content: Ok(Content::Listed(listed)) });
    let (file, meta) = match open(&listed.path) {
        Ok(opened) => opened,
        Err(why) => return unreadable(source, why),
    };
    if meta.is_file() && meta.len() < whole_below {
        let read = match read_whole(&file, meta.len() as usize, buffer) {
            Ok(read) => read,
            Err(why) => return unreadable(source, why),
        };
        let bytes = &buffer[..read];
        return match kind(&bytes[..read.min(SNIFF)], true) {
            Kind::Zip | Kind::Whole => container(source, listed),
            Kind::Message => match is_verified(read as u64, bytes, &source, listed.max_message, true) {
                Ok(true) => Opened::Message(Item { source, content: Ok(Content::InBuffer(read)) }),
                Ok(false) => Opened::Skipped { keys_like: looks_like_keys(&bytes[..read.min(SNIFF)]), source },
                Err(why) => unreadable(source, why),
            },
        };
    }
    match sniff_open(file, &meta) {
        Ok((_, Kind::Zip | Kind::Whole)) => container(source, listed),
        Ok((f, Kind::Message)) => {
            let keys_like = looks_like_keys(&f.head[..f.head_len]);
            match message(f, &source, listed.max_message, true) {
                Some(Ok(content)) => Opened::Message(Item { source, content: Ok(content) }),
                Some(Err(why)) => unreadable(source, why),
                None => Opened::Skipped { source, keys_like },
            }
        }
        Err(why) => unreadable(source, why),
    }
}
