//! Inflating a zip member's raw-deflate data, never past the size its header gives: what the
//! page's workers call (the wasm export `inflate_raw`) for each deflated member. The CLI reads
//! zips with the zip crate instead (`src/cli/sources/unpack.rs`), bounded the same way: one
//! byte past the header's size and the member is refused.
//!
//! zlib-rs (pure Rust, with wasm SIMD copies) takes ~40% less time than miniz_oxide did on the
//! leak benchmark's members (README, "Inflating with zlib-rs"), into one buffer sized up front.

use crate::l10n::Phrase;
use zlib_rs::{InflateConfig, ReturnCode, decompress_slice};

/// The most one byte of deflate data can inflate to: a 258-byte match coded in 2 bits (a length
/// code and a distance code of one bit each), 258 × 8 ÷ 2 = 1032 bytes per byte.
pub const MAX_DEFLATE_RATIO: usize = 1032;

/// Why a member was not inflated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The data inflates to more than `limit` bytes (the size the member's header gives): a
    /// lying header, or a zip bomb. Nothing past `limit + 1` bytes was inflated.
    InflatesMore {
        /// The size the header gives.
        limit: usize,
    },
    /// The data is not valid raw deflate (cut short, or not deflate at all).
    Broken,
}

impl InflateError {
    /// The stable code the wasm export throws: `"inflates-more"` or `"broken"`.
    pub fn code(self) -> &'static str {
        match self {
            InflateError::InflatesMore { .. } => "inflates-more",
            InflateError::Broken => "broken",
        }
    }

    /// The error in words, as the page shows it (www/js/input/zip.js maps the codes to the same
    /// catalog ids).
    pub fn phrase(self) -> Phrase {
        match self {
            InflateError::InflatesMore { limit } => Phrase::new("input-zip-member-inflates-more").number("size", limit),
            InflateError::Broken => Phrase::new("input-zip-member-corrupt"),
        }
    }
}

/// The bytes [`inflate_raw`] allocates for its output (at once, before inflating): one byte
/// more than `limit`, so that a member of exactly `limit` bytes never looks cut, and never more
/// than deflate can inflate `compressed` bytes to (plus that byte), so that a header claiming
/// far more than the data can give costs no more than the data can. zlib-rs's own state comes
/// on top (a fixed size, under 64 KiB, whatever the input).
pub fn output_room(compressed: usize, limit: usize) -> usize {
    limit.saturating_add(1).min(compressed.saturating_mul(MAX_DEFLATE_RATIO).saturating_add(1))
}

/// Inflates raw-deflate `data` (no zlib header, no checksum) to at most `limit` bytes, into one
/// buffer of [`output_room`] bytes. Bytes after the end of the deflate stream are ignored.
pub fn inflate_raw(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let room = output_room(data.len(), limit);
    let mut out = vec![0u8; room];
    // Negative window bits: raw deflate.
    let (inflated, status) = decompress_slice(&mut out, data, InflateConfig { window_bits: -15 });
    let len = inflated.len();
    match status {
        ReturnCode::Ok if len <= limit => {
            out.truncate(len);
            Ok(out)
        }
        // The data ended just past `limit`, or filled the buffer with more to come (BufError;
        // past MAX_DEFLATE_RATIO times its size it cannot be deflate).
        ReturnCode::Ok => Err(InflateError::InflatesMore { limit }),
        ReturnCode::BufError if room > limit => Err(InflateError::InflatesMore { limit }),
        _ => Err(InflateError::Broken),
    }
}
