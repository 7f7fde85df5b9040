//! DKIM signatures (RFC 6376, RFC 8463 Ed25519, RFC 8301): the `DKIM-Signature` field and its
//! rules, canonicalization, body hashing, and the evaluation of each signature against the
//! keys.
//!
//! | step | module |
//! |---|---|
//! | `a=` and `c=` | [`algorithm`] |
//! | parsing the field, every rule of §3.5 and §6.1.1 | [`signature`] |
//! | canonicalization (simple / relaxed) of header fields and bodies | [`canon`] |
//! | body hashes, shared per message or computed by the caller | [`body_hash`] |
//! | evaluating one signature, step by step | [`evaluate`] |
//! | the key and the header signature | [`key_check`] |
//! | named repairs of a failed signature (a list footer, a Subject tag, ...) | [`repair`] |
//! | warnings that change what a result means | [`warnings`] |
//! | `z=` copied header fields compared with the current ones | [`copied_headers`] |
//! | what evaluation yields | [`result`] |
//! | when a signature is judged (as of signing, or at a given time) | [`judging`] |
//! | what a person may conclude: the data of an assessment (computed by `report::assess`) | [`assessment`] |

pub mod algorithm;
pub mod assessment;
pub mod body_hash;
pub mod canon;
pub mod copied_headers;
pub mod evaluate;
pub mod judging;
pub mod key_check;
pub mod repair;
pub mod result;
pub mod signature;
pub mod warnings;

/// At most this many signatures are evaluated per message; the rest are reported as skipped.
pub use crate::budget::MAX_SIGNATURES;
