//! Base64 as DKIM writes it (RFC 6376 §2.4): folding whitespace may appear anywhere in the
//! value and is removed before decoding.

use crate::text::tag_list::{is_fws, strip_fws};
use base64::Engine;

/// Values up to this long are compacted on the stack (a 4096-bit RSA signature is 684
/// characters), others in a copy.
const ON_STACK: usize = 1024;

/// Decodes base64 after removing folding whitespace; `None` when invalid.
pub fn decode(value: &[u8]) -> Option<Vec<u8>> {
    let engine = &base64::engine::general_purpose::STANDARD;
    if value.len() > ON_STACK {
        return engine.decode(strip_fws(value)).ok();
    }
    let mut stack = [0u8; ON_STACK];
    let mut len = 0;
    for &b in value.iter().filter(|&&b| !is_fws(b)) {
        stack[len] = b;
        len += 1;
    }
    engine.decode(&stack[..len]).ok()
}
