//! The verifier: one message at a time, as a full report, a compact row for batches, or an
//! evidence report; and the one-off `verify`.

use super::convert::{js_error, lang_of, now, to_js};
use super::members::Members;
use crate::dkim::body_hash as body_jobs;
use crate::keys::KeyStore;
use crate::keys::provenance::ADDED_BY_YOU;
use crate::l10n::Lang;
use crate::report::evidence_html::{EvidenceInputs, evidence_html};
use crate::report::{MessageReport, Row};
use crate::verify::{Judging, Options, verify_message};
use crate::wasm_input::{JsBodyJob, JsOptions, parse_canon};
use wasm_bindgen::prelude::*;

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
    /// page words its `headline` itself). `options` leave out what a row does not show (see
    /// `row_options`).
    fn row(&self, bytes: &[u8], options: &Options) -> Row {
        Row::from_report(&verify_message(bytes, &self.keys, options), self.lang)
    }

    /// The options for a row: no header views, server claims or evidence, which a row does not
    /// carry (the rest of the report, everything a row holds, is the same either way).
    fn row_options(&self, source: String) -> Options {
        Options { full_report: false, ..self.options(source) }
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
            display_summary: true,
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
        to_js(&self.row(bytes, &self.row_options(source)))
    }

    /// `verifyRow`, as a JSON string: cheaper to build than an object, and to post from a
    /// worker to the page (a string is copied, an object cloned field by field); `JSON.parse`
    /// it.
    #[wasm_bindgen(js_name = verifyRowJson)]
    pub fn verify_row_json(&self, bytes: &[u8], source: String) -> String {
        self.row(bytes, &self.row_options(source)).to_json()
    }

    /// `verifyRowJson` of a member held in `members` (see `wasm::members`), verified in place:
    /// its bytes are not copied. The member stays held (its CRC-32 may be wanted next); the caller
    /// frees it.
    #[wasm_bindgen(js_name = verifyMemberRowJson)]
    pub fn verify_member_row_json(&self, members: &Members, handle: u32, source: String) -> String {
        self.row(members.get(handle), &self.row_options(source)).to_json()
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
        let mut options = self.row_options(source);
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
