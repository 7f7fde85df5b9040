//! # dkimcheck
//!
//! DKIM verification (RFC 6376, RFC 8463, RFC 8301), with DomainKeys (RFC 4870) and ARC
//! (RFC 8617), of email as people have it: leaked `.eml`
//! files, mbox archives, zips. The core does no I/O, spawns no threads and reads no clock: the
//! caller passes the raw bytes, the keys and the time. The same code runs natively (the
//! `dkimcheck` CLI) and as WebAssembly in the browser.
//!
//! The modules follow the data path; a module only uses modules above it in this table:
//!
//! | layer | module |
//! |---|---|
//! | sentences in no language yet: catalog ids and arguments; languages | [`l10n`] |
//! | budgets against hostile input (limits, the error naming one), counted work | [`budget`] |
//! | byte-level syntax: tag lists, base64, DNS names, dates | [`text`] |
//! | the message catalogs (`locales/*.ftl`) and rendering in a language | [`catalog`] |
//! | raw input → message bytes → header fields and body (zero-copy); mbox; display summary | [`message`] |
//! | hashes, RSA PKCS#1 v1.5, Ed25519 | [`crypto`] |
//! | key records, the key store and provenance, zone text, the bundled archive | [`keys`] |
//! | `DKIM-Signature`: parsing, canonicalization, body hashes, evaluation of each signature | [`dkim`] |
//! | `DomainKey-Signature` (RFC 4870, legacy), with DKIM's keys, hashing and crypto | [`domainkeys`] |
//! | ARC chains (RFC 8617), with DKIM's parsing, canonicalization, keys and crypto | [`arc`] |
//! | RSA keys recovered from the signed messages themselves (native only) | `recover` |
//! | the message's report: verdict, header table, plain-language wording | [`report`] |
//! | message in, report out | [`verify`] |
//! | what the JavaScript API accepts (options, body hashes), on every target | [`wasm_input`] |
//! | the JavaScript API (wasm only) | `wasm` |
//!
//! ```no_run
//! use dkimcheck::{keys::KeyStore, verify::{verify_message, Options}};
//! let raw = std::fs::read("message.eml").unwrap(); // ok: example
//! let keys = KeyStore::with_bundled_archive();
//! let mut report = verify_message(&raw, &keys, &Options::at(1_700_000_000));
//! report.render(dkimcheck::Lang::En); // words every sentence (report.summary, ...) in a language
//! println!("{}: {}", report.verdict, report.summary);
//! ```

pub mod arc;
pub mod budget;
pub mod catalog;
pub mod crypto;
pub mod dkim;
pub mod domainkeys;
pub mod keys;
pub mod l10n;
pub mod message;
#[cfg(not(target_arch = "wasm32"))]
pub mod recover;
pub mod report;
pub mod text;
pub mod verify;
pub mod wasm_input;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use keys::KeyStore;
pub use l10n::{Lang, Phrase};
pub use report::{MessageReport, SignatureReport, Verdict};
pub use verify::{Options, verify_message};
