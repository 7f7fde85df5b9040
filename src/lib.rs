//! # dkimcheck
//!
//! DKIM verification (RFC 6376, RFC 8463, RFC 8301) of email as people have it: leaked `.eml`
//! files, mbox archives, zips. The core does no I/O, spawns no threads and reads no clock: the
//! caller passes the raw bytes, the keys and the time. The same code runs natively (the
//! `dkimcheck` CLI) and as WebAssembly in the browser.
//!
//! The modules follow the data path:
//!
//! | step | module |
//! |---|---|
//! | raw input → normalized message bytes (mbox `From ` line, LF → CRLF) | [`input`], [`mbox`] |
//! | message bytes → header fields and body (zero-copy) | [`message`], [`summary`] (human-facing fields via mail-parser) |
//! | `DKIM-Signature` fields → validated signatures | [`tag_list`], [`signature`] |
//! | canonicalization (simple / relaxed) and hashing | [`canon`], [`body_jobs`] (hashes computed by the caller) |
//! | key records and where keys come from | [`key_record`], [`keys`], [`zone`], [`archive`], [`punycode`] (IDN names) |
//! | cryptography (RSA PKCS#1 v1.5, Ed25519) | [`crypto`] |
//! | evaluation of each signature | [`verify`] |
//! | verdicts, reasons, warnings and plain-language explanations | [`report`], [`explain`] |
//!
//! ```no_run
//! use dkimcheck::{keys::KeyStore, verify::{verify_message, Options}};
//! let raw = std::fs::read("message.eml").unwrap(); // ok: example
//! let keys = KeyStore::with_bundled_archive();
//! let report = verify_message(&raw, &keys, &Options::at(1_700_000_000));
//! println!("{}: {}", report.verdict, report.summary);
//! ```

pub mod archive;
pub mod body_jobs;
pub mod canon;
pub mod crypto;
pub mod explain;
pub mod input;
pub mod key_record;
pub mod keys;
pub mod mbox;
pub mod message;
pub mod punycode;
pub mod report;
pub mod signature;
pub mod summary;
pub mod tag_list;
pub mod verify;
pub mod zone;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use keys::KeyStore;
pub use report::{MessageReport, SignatureReport, Verdict};
pub use verify::{Options, verify_message};
