//! The JavaScript API (wasm-bindgen). Reports are plain JS objects shaped like the CLI's JSON.
//!
//! ```js
//! import init, { Verifier, verify, archive } from './pkg/dkimcheck.js';
//! await init();
//! const v = new Verifier({ keys: 'sel._domainkey.example.org. IN TXT "v=DKIM1; p=..."' });
//! // options also: at (unix seconds or "now": judge every signature then; default: each as of
//! // its signing), bundled (default true), body (default true), hashInput (default true)
//! const report = v.verify(new Uint8Array(buffer), 'message.eml');
//! console.log(report.verdict, report.summary);
//! ```

use crate::dkim::body_hash as body_jobs;
use crate::keys::archive::Archive;
use crate::keys::record::KeyRecord;
use crate::keys::{self, KeyStore};
use crate::message::mbox;
use crate::report::csv::{self, CSV_COLUMNS};
use crate::report::{KeysNeeded, Row};
use crate::text::dns_name::is_domain_name;
use crate::verify::{Judging, Options, verify_message};
use crate::wasm_input::{JsBodyJob, JsOptions, parse_canon};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The caller's current time, unix seconds.
fn now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A verifier holding parsed keys, for verifying many messages.
#[wasm_bindgen]
pub struct Verifier {
    keys: KeyStore,
    /// `None`: as of signing; `Some(None)`: at the current time; `Some(Some(t))`: at `t`.
    at: Option<Option<u64>>,
    with_body: bool,
    hash_input: bool,
}

#[wasm_bindgen]
impl Verifier {
    /// Creates a verifier. `options`: `{keys?: string, at?: number | "now", bundled?: boolean,
    /// body?: boolean, hashInput?: boolean}`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Verifier, JsError> {
        let opts: JsOptions = if options.is_undefined() || options.is_null() {
            JsOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
        };
        let keys = opts.key_store().map_err(|e| JsError::new(&e.to_string()))?;
        let at = opts.judging_at().map_err(|e| JsError::new(&e))?;
        Ok(Verifier { keys, at, with_body: opts.body.unwrap_or(true), hash_input: opts.hash_input.unwrap_or(true) })
    }

    /// Adds keys (zone / dig text, archive JSON or zk-email JSON); returns how many were added.
    #[wasm_bindgen(js_name = addKeys)]
    pub fn add_keys(&mut self, text: &str) -> Result<usize, JsError> {
        self.keys.import(text, "added by you").map(|(added, _)| added).map_err(|e| JsError::new(&e.to_string()))
    }

    fn options(&self, source: String) -> Options {
        let now = now();
        let judging = match self.at {
            None => Judging::AsOfSigning,
            Some(at) => Judging::At(at.unwrap_or(now)),
        };
        Options {
            now,
            judging,
            with_body: self.with_body,
            source,
            hash_input: self.hash_input,
            body_hashes: Vec::new(),
        }
    }

    /// Verifies one message; returns its report.
    pub fn verify(&self, bytes: &[u8], source: String) -> Result<JsValue, JsError> {
        to_js(&verify_message(bytes, &self.keys, &self.options(source)))
    }

    /// Verifies one message; returns its report as a JSON string (faster to hand over than
    /// an object for large batches: `JSON.parse` it).
    #[wasm_bindgen(js_name = verifyJson)]
    pub fn verify_json(&self, bytes: &[u8], source: String) -> String {
        verify_message(bytes, &self.keys, &self.options(source)).to_json_line()
    }

    /// The body hashes `bytes` needs, for a caller that hashes with WebCrypto:
    /// `[{canon: "relaxed"|"simple", hash: "sha256"|"sha1", limit: number|null}]`.
    #[wasm_bindgen(js_name = bodyHashJobs)]
    pub fn body_hash_jobs(&self, bytes: &[u8]) -> Result<JsValue, JsError> {
        let jobs: Vec<JsBodyJob> = body_jobs::body_hash_jobs(bytes).into_iter().map(JsBodyJob::from).collect();
        to_js(&jobs)
    }

    /// The whole canonical body of `bytes` for `canon` ("simple" or "relaxed").
    #[wasm_bindgen(js_name = canonicalBody)]
    pub fn canonical_body(&self, bytes: &[u8], canon: &str) -> Vec<u8> {
        body_jobs::canonical_body(bytes, parse_canon(canon))
    }

    /// Verifies with body hashes computed by the caller: `hashes` is the `bodyHashJobs` list
    /// with `digest` (hex) and `length` (the whole canonical body's length) filled in.
    #[wasm_bindgen(js_name = verifyWithBodyHashes)]
    pub fn verify_with_body_hashes(&self, bytes: &[u8], source: String, hashes: JsValue) -> Result<JsValue, JsError> {
        let jobs: Vec<JsBodyJob> =
            serde_wasm_bindgen::from_value(hashes).map_err(|e| JsError::new(&format!("invalid body hashes: {e}")))?;
        let mut options = self.options(source);
        options.body_hashes = jobs.iter().filter_map(JsBodyJob::provided).collect();
        to_js(&verify_message(bytes, &self.keys, &options))
    }

    /// Verifies one message; returns its compact row (see `report::row`), for batches.
    #[wasm_bindgen(js_name = verifyRow)]
    pub fn verify_row(&self, bytes: &[u8], source: String) -> Result<JsValue, JsError> {
        to_js(&Row::from_report(&verify_message(bytes, &self.keys, &self.options(source))))
    }

    /// `verifyWithBodyHashes`, returning the compact row.
    #[wasm_bindgen(js_name = verifyRowWithBodyHashes)]
    pub fn verify_row_with_body_hashes(
        &self,
        bytes: &[u8],
        source: String,
        hashes: JsValue,
    ) -> Result<JsValue, JsError> {
        let jobs: Vec<JsBodyJob> =
            serde_wasm_bindgen::from_value(hashes).map_err(|e| JsError::new(&format!("invalid body hashes: {e}")))?;
        let mut options = self.options(source);
        options.body_hashes = jobs.iter().filter_map(JsBodyJob::provided).collect();
        to_js(&Row::from_report(&verify_message(bytes, &self.keys, &options)))
    }

    /// Number of keys held.
    #[wasm_bindgen(js_name = keyCount)]
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }
}

/// Verifies one message with a one-off verifier.
#[wasm_bindgen]
pub fn verify(bytes: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let source = js_sys::Reflect::get(&options, &JsValue::from_str("source"))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    Verifier::new(options)?.verify(bytes, source)
}

#[derive(Serialize)]
struct ParsedKey {
    name: String,
    selector: String,
    domain: String,
    key_type: Option<&'static str>,
    bits: Option<u32>,
    record: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct ParsedKeys {
    keys: Vec<ParsedKey>,
    errors: Vec<String>,
}

/// Parses key text without keeping it: `{keys: [...], errors: [...]}`, for previews.
#[wasm_bindgen]
pub fn parse_keys(text: &str) -> Result<JsValue, JsError> {
    let mut store = KeyStore::new();
    let errors: Vec<String> = if text.trim_start().starts_with(['{', '[']) {
        match store.import(text, "preview") {
            Ok(_) => Vec::new(),
            Err(e) => vec![e.to_string()],
        }
    } else {
        store.add_zone(text, "preview").1.iter().map(ToString::to_string).collect()
    };
    let keys = store
        .entries()
        .into_iter()
        .map(|e| {
            let (selector, domain) = e.name.split_once("._domainkey.").unwrap_or((&e.name, ""));
            ParsedKey {
                name: e.name.clone(),
                selector: selector.to_string(),
                domain: domain.to_string(),
                key_type: e.parsed.as_ref().ok().map(|r| r.key_type.as_str()),
                bits: e.parsed.as_ref().ok().map(|r| r.bits()),
                record: e.record.clone(),
                error: e.parsed.as_ref().err().map(ToString::to_string),
            }
        })
        .collect();
    to_js(&ParsedKeys { keys, errors })
}

/// Turns a bare TXT value published at `selector._domainkey.domain` into one zone line,
/// after checking that it is a usable key record.
#[wasm_bindgen]
pub fn add_key_for(selector: &str, domain: &str, txt: &str) -> Result<String, JsError> {
    let record = txt.trim().trim_matches('"');
    KeyRecord::parse(record.as_bytes()).map_err(|e| JsError::new(&e.to_string()))?;
    if !is_domain_name(selector.trim()) || !is_domain_name(domain.trim().trim_end_matches('.')) {
        return Err(JsError::new("the selector and domain must be DNS names"));
    }
    Ok(keys::zone_line(selector, domain, record))
}

/// The bundled key archive's entries.
#[wasm_bindgen]
pub fn archive() -> Result<JsValue, JsError> {
    to_js(&Archive::bundled().keys)
}

/// The messages of an mbox file, as pairs `[start0, end0, start1, end1, ...]`.
#[wasm_bindgen]
pub fn split_mbox(bytes: &[u8]) -> Vec<u32> {
    mbox::split(bytes).into_iter().flat_map(|r| [r.start as u32, r.end as u32]).collect()
}

/// The keys a batch needs (`report::keys_needed`): count each message's `missing_keys` with
/// `add`, read the list, most-needed first, with `list`.
#[wasm_bindgen(js_name = KeysNeeded)]
#[derive(Default)]
pub struct JsKeysNeeded {
    inner: KeysNeeded,
}

#[wasm_bindgen(js_class = KeysNeeded)]
impl JsKeysNeeded {
    /// An empty tally.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsKeysNeeded {
        JsKeysNeeded::default()
    }

    /// Counts one message needing the keys `names`, dated `date_unix` (seconds, or null).
    pub fn add(&mut self, names: Vec<String>, date_unix: Option<f64>) {
        self.inner.add(&names, date_unix.filter(|d| d.is_finite()).map(|d| d as i64));
    }

    /// `[{missing_key, count, first, last}]`, most-needed first; dates `YYYY-MM-DD`.
    pub fn list(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.list())
    }
}

/// The CSV columns of the rows, in order.
#[wasm_bindgen]
pub fn csv_columns() -> Vec<String> {
    CSV_COLUMNS.iter().map(|c| c.to_string()).collect()
}

/// Rows (as returned by `verifyRow`) as a CSV file: byte-order mark, header, CRLF lines;
/// `separator` "," or ";".
#[wasm_bindgen]
pub fn csv_document(rows: JsValue, separator: &str) -> Result<String, JsError> {
    let rows: Vec<Row> =
        serde_wasm_bindgen::from_value(rows).map_err(|e| JsError::new(&format!("invalid rows: {e}")))?;
    let sep = if separator == ";" { ';' } else { ',' };
    Ok(csv::csv_document(&rows, sep))
}

/// Whether a file named `name` found in a zip or folder is not a message, by its name alone
/// (`keys.zone`, `notes.pdf`): skipped unread.
#[wasm_bindgen]
pub fn not_a_message_by_name(name: &str) -> bool {
    crate::message::input::not_a_message_by_name(name)
}

/// Whether a file named `name` found in a zip or folder, starting with `head` (a kilobyte is
/// enough), is not a message: skipped and listed, never counted.
#[wasm_bindgen]
pub fn not_a_message(name: &str, head: &[u8]) -> bool {
    crate::message::input::not_a_message(name, head)
}

/// Splits an mbox file fed in pieces (see `message::mbox::Splitter`): `feed(bytes)` and
/// `finish()` return the messages found as `[start0, end0, start1, end1, ...]` (absolute offsets).
#[wasm_bindgen(js_name = MboxSplitter)]
#[derive(Default)]
pub struct JsMboxSplitter {
    inner: mbox::Splitter,
}

#[wasm_bindgen(js_class = MboxSplitter)]
impl JsMboxSplitter {
    /// A splitter at the start of a file.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsMboxSplitter {
        JsMboxSplitter::default()
    }

    /// Feeds the next piece of the file.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<f64> {
        self.inner.feed(bytes).into_iter().flat_map(|r| [r.start as f64, r.end as f64]).collect()
    }

    /// Ends the file.
    pub fn finish(&mut self) -> Vec<f64> {
        self.inner.finish().into_iter().flat_map(|r| [r.start as f64, r.end as f64]).collect()
    }
}
