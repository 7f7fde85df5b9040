//! Where a file's items go: in batches of at most so many messages and bytes.

use super::item::{Content, Item};
use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::message::input::looks_like_keys;
use dkimcheck::report::explain;

/// Messages per batch.
const BATCH_ITEMS: usize = 256;

/// Bytes per batch (of messages held in memory).
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Where a file's items go, in batches.
pub(super) struct Batcher<'f> {
    pub(super) items: Vec<Item>,
    pub(super) bytes: usize,
    pub(super) errors: usize,
    /// The language of what is said on stderr.
    pub(super) lang: Lang,
    pub(super) sink: &'f mut dyn FnMut(Vec<Item>),
}

impl Batcher<'_> {
    pub(super) fn push(&mut self, item: Item) {
        self.bytes += item.content.as_ref().map_or(0, Content::held);
        self.errors += usize::from(item.content.is_err());
        self.items.push(item);
        if self.items.len() >= BATCH_ITEMS || self.bytes >= BATCH_BYTES {
            self.flush();
        }
    }
    /// A file that is not a message (its first bytes: `head`), skipped: said on stderr (with
    /// that keys are read only from `--keys` when it looks like keys), never counted.
    pub(super) fn skip(&self, source: &str, head: &[u8]) {
        let why = explain::skipped_not_message(source, looks_like_keys(head));
        eprintln!("dkimcheck: {}", catalog::render(self.lang, &why));
    }
    pub(super) fn error(&mut self, source: String, why: Phrase) {
        self.push(Item { source, content: Err(why) });
    }
    pub(super) fn flush(&mut self) {
        if !self.items.is_empty() {
            self.bytes = 0;
            (self.sink)(std::mem::take(&mut self.items));
        }
    }
}
