//! Keys for the page: previewing pasted key text, turning a TXT value into a zone line, and
//! the bundled archive.

use super::convert::{js_error, lang_of, to_js};
use crate::catalog;
use crate::keys::archive::{Archive, ArchiveEntry};
use crate::keys::period::seen_period;
use crate::keys::record::KeyRecord;
use crate::keys::{self, KeyStore, split_record_name};
use crate::l10n::Phrase;
use crate::text::dns_name::is_domain_name;
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
            let (selector, domain) = split_record_name(&e.name);
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

/// An archive entry for the Keys panel: its fields, and the period it was seen in words.
#[derive(Serialize)]
struct ListedKey<'a> {
    #[serde(flatten)]
    entry: &'a ArchiveEntry,
    seen: Option<Phrase>,
}

/// The bundled key archive's entries, each with `seen`: the period it was seen in public
/// sources, as a message (`None` when no date is known).
#[wasm_bindgen]
pub fn archive() -> Result<JsValue, JsError> {
    let archive = Archive::bundled();
    let keys: Vec<ListedKey> = archive
        .keys
        .iter()
        .map(|entry| ListedKey { entry, seen: seen_period(entry.first_seen.as_deref(), entry.last_seen.as_deref()) })
        .collect();
    to_js(&keys)
}
