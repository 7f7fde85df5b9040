//! ARC, the Authenticated Received Chain (RFC 8617): what mailing lists and forwarders add when
//! they pass a message on — a copy of what their server verified on receipt
//! (`ARC-Authentication-Results`), a signature over the message as they sent it on
//! (`ARC-Message-Signature`) and a seal over the chain so far (`ARC-Seal`). Validating the chain
//! proves who added each set and that the chain is intact; it does not prove the original author:
//! what each hop says it saw is that hop's word.
//!
//! Message signatures and seals are checked with DKIM's parsing, canonicalization, body hashes,
//! key lookup and crypto.
//!
//! | step | module |
//! |---|---|
//! | fields → ARC sets, instance numbers, structure | [`sets`] |
//! | the ARC-Seal and what it signs | [`seal`] |
//! | the ARC-Message-Signature | [`message_signature`] |
//! | reading Authentication-Results values (RFC 8601) | [`auth_results`] |
//! | chain validation, RFC 8617 §5.2 | [`validate`] |
//! | what other servers said, and signatures a validated chain corroborates | [`claims`] |
//! | what validation yields | [`result`] |

pub mod auth_results;
pub mod claims;
pub mod message_signature;
pub mod result;
pub mod seal;
pub mod sets;
pub mod validate;

pub use claims::{FailedSignature, ServerClaim, corroborations, server_claims};
pub use result::{ArcReport, ArcSetReport, ArcStep, Corroboration};
pub use validate::{ArcContext, validate};
