//! Reading the files a person drops: mbox splitting, at once or in pieces, and what is not a
//! message.

use crate::message::mbox;
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

/// Inflates a zip member's raw-deflate `data` to at most `limit` bytes. Errors (as a string
/// code): `"inflates-more"` when it inflates past `limit`, `"broken"` when the data is not
/// valid deflate.
///
/// zlib-rs (pure Rust, with wasm SIMD copies) takes ~40% less time than miniz_oxide did on the
/// leak benchmark's members (README, "Inflating with zlib-rs"), into one buffer sized up front.
#[wasm_bindgen]
pub fn inflate_raw(data: &[u8], limit: usize) -> Result<Vec<u8>, JsValue> {
    use zlib_rs::{InflateConfig, ReturnCode, decompress_slice};
    // One byte more than allowed, so that a member of exactly `limit` bytes never looks cut.
    // Deflate inflates at most 1032 times: a header claiming far more than the data can give
    // costs no more than that.
    let room = limit.saturating_add(1).min(data.len().saturating_mul(1032).saturating_add(1));
    let mut out = vec![0u8; room];
    // Negative window bits: raw deflate, no zlib header or checksum.
    let (inflated, status) = decompress_slice(&mut out, data, InflateConfig { window_bits: -15 });
    let len = inflated.len();
    match status {
        ReturnCode::Ok if len <= limit => {
            out.truncate(len);
            Ok(out)
        }
        // The data ended just past `limit`, or filled the buffer with more to come (BufError;
        // past 1032 times its size it cannot be deflate).
        ReturnCode::Ok => Err(JsValue::from_str("inflates-more")),
        ReturnCode::BufError if room > limit => Err(JsValue::from_str("inflates-more")),
        _ => Err(JsValue::from_str("broken")),
    }
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
