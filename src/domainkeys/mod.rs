//! DomainKeys (RFC 4870, historic): the `DomainKey-Signature` field that Yahoo, Gmail and others
//! added to mail from about 2004 to 2012, before and beside DKIM. A legacy mechanism: always
//! RSA-SHA1, no separate body hash (a failure cannot say whether the body or a header changed),
//! and a `nofws` canonicalization that ignores every space. Its keys live where DKIM's do
//! (`selector._domainkey.domain`); key lookup, RSA and hashing are DKIM's.
//!
//! | step | module |
//! |---|---|
//! | parsing the field (tags `a b c d h q s`) | [`signature`] |
//! | which header fields are signed, and in what order; `simple` and `nofws` | [`canon`] |
//! | evaluating one signature, RFC 4870 §3.7 | [`evaluate`] |
//! | what evaluation yields | [`result`] |

pub mod canon;
pub mod evaluate;
pub mod result;
pub mod signature;

pub use evaluate::evaluate_all;
pub use result::{DomainKeyReport, DomainKeyStep};
