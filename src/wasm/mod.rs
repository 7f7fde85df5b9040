//! The JavaScript API (wasm-bindgen). Reports are plain JS objects shaped like the CLI's JSON.
//!
//! ```js
//! import init, { Verifier, verify, archive } from './pkg/dkimcheck.js';
//! await init();
//! const v = new Verifier({ keys: 'sel._domainkey.example.org. IN TXT "v=DKIM1; p=..."' });
//! // options also: at (unix seconds or "now": judge every signature then; default: each as of
//! // its signing), bundled (default true), body (default true), hashInput (default true),
//! // lang ("en" or "fr": the language of the texts, default "en"), text (default true; false:
//! // ids and arguments only, for a caller that renders them itself)
//! const report = v.verify(new Uint8Array(buffer), 'message.eml');
//! console.log(report.verdict, report.summary);
//! translate('fr', 'headline-verified', { domain: 'gmail.com' });   // one catalog message
//! ```
//!
//! One file per job: `verifier` (one message: report, row, evidence report), `batch` (keys a
//! batch needs, CSV), `keys` (key text, the archive), `input` (mbox, not-a-message),
//! `members` (inflated zip members kept in wasm, by handle),
//! `translate` (catalog messages); `convert` holds what they share.

mod batch;
mod convert;
mod input;
mod keys;
mod members;
mod translate;
mod verifier;

pub use batch::{JsKeysNeeded, csv_columns, csv_document};
pub use input::{JsMboxSplitter, not_a_message, not_a_message_by_name, split_mbox};
pub use keys::{add_key_for, archive, parse_keys};
pub use members::Members;
pub use translate::translate;
pub use verifier::{Verifier, verify, version};
