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

use crate::catalog::{self, Value};
use crate::dkim::body_hash as body_jobs;
use crate::keys::archive::Archive;
use crate::keys::provenance::ADDED_BY_YOU;
use crate::keys::record::KeyRecord;
use crate::keys::{self, KeyStore};
use crate::l10n::{Lang, Phrase};
use crate::message::mbox;
use crate::report::csv::{self, CSV_COLUMNS};
use crate::report::evidence_html::{EvidenceInputs, evidence_html};
use crate::report::{KeysNeeded, MessageReport, Row};
use crate::text::dns_name::is_domain_name;
use crate::verify::{Judging, Options, verify_message};
use crate::wasm_input::{JsBodyJob, JsOptions, parse_canon};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The language named by `tag` ("en", "fr-FR"...), English for anything else.
fn lang_of(tag: Option<&str>) -> Lang {
    tag.and_then(Lang::from_tag).unwrap_or_default()
}

/// An error for JavaScript, worded in `lang`.
fn js_error(lang: Lang, phrase: &Phrase) -> JsError {
    JsError::new(&catalog::render(lang, phrase))
}

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
    /// The language of the texts; `None`: not rendered.
    lang: Option<Lang>,
}

#[wasm_bindgen]
impl Verifier {
    /// Creates a verifier. `options`: `{keys?: string, at?: number | "now", bundled?: boolean,
    /// body?: boolean, hashInput?: boolean, lang?: "en" | "fr", text?: boolean}`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Verifier, JsError> {
        let opts: JsOptions = if options.is_undefined() || options.is_null() {
            JsOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
        };
        let lang = lang_of(opts.lang.as_deref());
        let keys = opts.key_store().map_err(|e| js_error(lang, &e.phrase()))?;
        let at = opts.judging_at().map_err(|e| JsError::new(&e))?;
        Ok(Verifier {
            keys,
            at,
            with_body: opts.body.unwrap_or(true),
            hash_input: opts.hash_input.unwrap_or(true),
            lang: opts.text.unwrap_or(true).then_some(lang),
        })
    }

    /// Adds keys (zone / dig text, archive JSON or zk-email JSON); returns how many were added.
    #[wasm_bindgen(js_name = addKeys)]
    pub fn add_keys(&mut self, text: &str) -> Result<usize, JsError> {
        let lang = self.lang.unwrap_or_default();
        self.keys.import(text, ADDED_BY_YOU).map(|(added, _)| added).map_err(|e| js_error(lang, &e.phrase()))
    }

    /// Verifies and renders the texts (unless the verifier was made with `text: false`).
    fn report(&self, bytes: &[u8], options: &Options) -> MessageReport {
        let mut report = verify_message(bytes, &self.keys, options);
        if let Some(lang) = self.lang {
            report.render(lang);
        }
        report
    }

    /// A message's compact row, its summary in the verifier's language (with `text: false`, the
    /// page words its `headline` itself).
    fn row(&self, bytes: &[u8], options: &Options) -> Row {
        Row::from_report(&verify_message(bytes, &self.keys, options), self.lang)
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
            full_report: true,
        }
    }

    /// Verifies one message; returns its report.
    pub fn verify(&self, bytes: &[u8], source: String) -> Result<JsValue, JsError> {
        to_js(&self.report(bytes, &self.options(source)))
    }

    /// Verifies one message; returns its report as a JSON string (faster to hand over than
    /// an object for large batches: `JSON.parse` it).
    #[wasm_bindgen(js_name = verifyJson)]
    pub fn verify_json(&self, bytes: &[u8], source: String) -> String {
        self.report(bytes, &self.options(source)).to_json_line()
    }

    /// The evidence report of one message: a self-contained HTML file (see
    /// `report::evidence_html`). The message is verified again here, as by `verify`;
    /// `wasm_sha256` is the SHA-256 (hex) of the WebAssembly module the caller runs; `lang`
    /// ("en" or "fr") the language of its words (default: the verifier's, else English).
    #[wasm_bindgen(js_name = evidenceReport)]
    pub fn evidence_report(
        &self,
        bytes: &[u8],
        source: String,
        wasm_sha256: Option<String>,
        lang: Option<String>,
    ) -> String {
        let options = Options { with_body: false, hash_input: true, ..self.options(source) };
        let report = verify_message(bytes, &self.keys, &options);
        let lang = lang.as_deref().map_or(self.lang.unwrap_or_default(), |l| lang_of(Some(l)));
        evidence_html(&report, bytes, &EvidenceInputs { wasm_sha256, lang })
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
        to_js(&self.report(bytes, &options))
    }

    /// Verifies one message; returns its compact row (see `report::row`), for batches.
    #[wasm_bindgen(js_name = verifyRow)]
    pub fn verify_row(&self, bytes: &[u8], source: String) -> Result<JsValue, JsError> {
        to_js(&self.row(bytes, &self.options(source)))
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
        to_js(&self.row(bytes, &options))
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

/// Parses key text without keeping it: `{keys: [...], errors: [...]}`, for previews; errors
/// are worded in `lang` ("en" or "fr", default "en").
#[wasm_bindgen]
pub fn parse_keys(text: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang_of(lang.as_deref());
    let mut store = KeyStore::new();
    let errors: Vec<String> = if text.trim_start().starts_with(['{', '[']) {
        match store.import(text, "preview") {
            Ok(_) => Vec::new(),
            Err(e) => vec![catalog::render(lang, &e.phrase())],
        }
    } else {
        store.add_zone(text, "preview").1.iter().map(|e| catalog::render(lang, &e.phrase())).collect()
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
                key_type: e.parsed().as_ref().ok().map(|r| r.key_type.as_str()),
                bits: e.parsed().as_ref().ok().map(|r| r.bits()),
                record: e.record.clone(),
                error: e.parsed().as_ref().err().map(|e| catalog::render(lang, &e.phrase())),
            }
        })
        .collect();
    to_js(&ParsedKeys { keys, errors })
}

/// Turns a bare TXT value published at `selector._domainkey.domain` into one zone line,
/// after checking that it is a usable key record; errors are worded in `lang`.
#[wasm_bindgen]
pub fn add_key_for(selector: &str, domain: &str, txt: &str, lang: Option<String>) -> Result<String, JsError> {
    let lang = lang_of(lang.as_deref());
    let record = txt.trim().trim_matches('"');
    KeyRecord::parse(record.as_bytes()).map_err(|e| js_error(lang, &e.phrase()))?;
    if !is_domain_name(selector.trim()) || !is_domain_name(domain.trim().trim_end_matches('.')) {
        return Err(js_error(lang, &Phrase::new("key-error-names")));
    }
    Ok(keys::zone_line(selector, domain, record))
}

/// One message of the catalogs in `lang`: `args` maps names to strings, numbers, `{date:
/// unixSeconds}` or other messages `{id, args}` (as in reports). An unknown id renders as itself.
#[wasm_bindgen]
pub fn translate(lang: &str, id: &str, args: JsValue) -> Result<String, JsError> {
    let args: serde_json::Map<String, serde_json::Value> = if args.is_undefined() || args.is_null() {
        serde_json::Map::new()
    } else {
        serde_wasm_bindgen::from_value(args).map_err(|e| JsError::new(&format!("invalid arguments: {e}")))?
    };
    Ok(render_json(lang_of(Some(lang)), id, &args))
}

/// Renders message `id` with arguments as JSON values (see [`translate`]).
fn render_json(lang: Lang, id: &str, args: &serde_json::Map<String, serde_json::Value>) -> String {
    use serde_json::Value as J;
    let values: Vec<(&str, Value<'_>)> = args
        .iter()
        .map(|(name, v)| {
            let value = match v {
                J::String(s) => Value::Text(s.as_str().into()),
                J::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
                J::Object(o) => match (o.get("date").and_then(J::as_u64), o.get("id").and_then(J::as_str)) {
                    (Some(secs), _) => Value::Date(secs),
                    (None, Some(inner)) => {
                        let empty = serde_json::Map::new();
                        let inner_args = o.get("args").and_then(J::as_object).unwrap_or(&empty);
                        Value::Text(render_json(lang, inner, inner_args).into())
                    }
                    (None, None) => Value::Text("".into()),
                },
                other => Value::Text(other.to_string().into()),
            };
            (name.as_str(), value)
        })
        .collect();
    catalog::render_id(lang, id, &values)
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
