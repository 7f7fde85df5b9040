//! Byte-level syntax shared by every layer: the tag=value lists of signatures and key records
//! (RFC 6376 §3.2), base64 with folding whitespace, DNS names (internationalized ones as
//! A-labels), civil dates and hex. Nothing here knows about messages, keys or signatures.

pub mod base64;
pub mod civil_date;
pub mod dns_name;
pub mod hex;
pub mod punycode;
pub mod tag_list;
