//! Reading the files a person drops: mbox splitting, at once or in pieces, and what is not a
//! message.

use crate::message::{mbox, zip_member};
use wasm_bindgen::prelude::*;

/// The messages of an mbox file, as pairs `[start0, end0, start1, end1, ...]`.
#[wasm_bindgen]
pub fn split_mbox(bytes: &[u8]) -> Vec<u32> {
    mbox::split(bytes).into_iter().flat_map(|r| [r.start as u32, r.end as u32]).collect()
}

/// Whether a file named `name` found in a zip or folder is not a message, by its name alone
/// (`keys.zone`, `notes.pdf`): skipped unread.
#[wasm_bindgen]
pub fn not_a_message_by_name(name: &str) -> bool {
    crate::message::input::not_a_message_by_name(name)
}

/// Whether a file named `name` found in a zip or folder, starting with `head` (a kilobyte is
/// enough), is not a message: skipped and listed, never counted.
#[wasm_bindgen]
pub fn not_a_message(name: &str, head: &[u8]) -> bool {
    crate::message::input::not_a_message(name, head)
}

/// Inflates a zip member's raw-deflate `data` to at most `limit` bytes (see
/// `message::inflate`). Errors (as a string code): `"inflates-more"` when it inflates past
/// `limit`, `"broken"` when the data is not valid deflate.
#[wasm_bindgen]
pub fn inflate_raw(data: &[u8], limit: usize) -> Result<Vec<u8>, JsValue> {
    crate::message::inflate::inflate_raw(data, limit).map_err(|e| JsValue::from_str(e.code()))
}

/// The CRC-32 of `bytes`, as zip records it (see `message::zip_member`): the workers check a
/// member's with it when its message does not verify.
#[wasm_bindgen]
pub fn crc32(bytes: &[u8]) -> u32 {
    zip_member::crc32(bytes)
}

/// Splits an mbox file fed in pieces (see `message::mbox::Splitter`): `feed(bytes)` and
/// `finish()` return the messages found as `[start0, end0, start1, end1, ...]` (absolute offsets).
#[wasm_bindgen(js_name = MboxSplitter)]
#[derive(Default)]
pub struct JsMboxSplitter {
    inner: mbox::Splitter,
}

#[wasm_bindgen(js_class = MboxSplitter)]
impl JsMboxSplitter {
    /// A splitter at the start of a file.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsMboxSplitter {
        JsMboxSplitter::default()
    }

    /// Feeds the next piece of the file.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<f64> {
        self.inner.feed(bytes).into_iter().flat_map(|r| [r.start as f64, r.end as f64]).collect()
    }

    /// Ends the file.
    pub fn finish(&mut self) -> Vec<f64> {
        self.inner.finish().into_iter().flat_map(|r| [r.start as f64, r.end as f64]).collect()
    }
}
