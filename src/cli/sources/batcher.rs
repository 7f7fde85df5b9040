//! Where a file's items go: in batches of at most so many messages and bytes.

use super::item::{Content, Item};
use dkimcheck::catalog;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::message::input::looks_like_keys;
use dkimcheck::report::explain;

/// What is said on stderr, in `lang`, of a file skipped because it is not a message.
/// `keys_like`: its first bytes look like DKIM keys.
pub fn skipped_line(lang: Lang, source: &str, keys_like: bool) -> String {
    format!("dkimcheck: {}", catalog::render(lang, &explain::skipped_not_message(source, keys_like)))
}

/// Messages per batch.
const BATCH_ITEMS: usize = 256;

/// Bytes per batch (of messages held in memory).
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Where a file's items go, in batches.
pub(super) struct Batcher<'f> {
    pub(super) items: Vec<Item>,
    pub(super) bytes: usize,
    pub(super) errors: usize,
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
    /// A file that is not a message, skipped: said on stderr in its place among the reports
    /// (see [`skipped_line`]), never counted.
    /// `head`: its first bytes.
    pub(super) fn skip(&mut self, source: &str, head: &[u8]) {
        let keys_like = looks_like_keys(head);
        self.push(Item { source: source.to_string(), content: Ok(Content::NotMessage { keys_like }) });
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
