//! Canonicalization (RFC 6376 §3.4) and the hashes computed over it.
//!
//! Header fields are canonicalized into a small buffer (`header.rs`). Bodies are never copied
//! (`body.rs`): the simple algorithm hashes a slice of the input, and the relaxed one hashes the
//! input between the few places where it changes bytes, in long slices.

mod body;
mod header;
#[cfg(test)]
mod tests;

pub use body::{
    BodyHash, PrefixMatch, body_canonical, body_hash, body_hashes, prefix_digests, without_trailing_empty_lines,
};
pub use header::{header_into, own_field_into, signed_header_data, without_range};
