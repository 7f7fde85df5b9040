//! Base64 as DKIM writes it (RFC 6376 §2.4): folding whitespace may appear anywhere in the
//! value and is removed before decoding.

use crate::text::tag_list::strip_fws;
use base64::Engine;

/// Decodes base64 after removing folding whitespace; `None` when invalid.
pub fn decode(value: &[u8]) -> Option<Vec<u8>> {
    let compact = strip_fws(value);
    base64::engine::general_purpose::STANDARD.decode(&compact).ok()
}
