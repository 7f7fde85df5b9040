//! What every export shares: the language of a call, its errors, the time, and values handed
//! to JavaScript.

use crate::catalog;
use crate::l10n::{Lang, Phrase};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The language named by `tag` ("en", "fr-FR"...), English for anything else.
pub(super) fn lang_of(tag: Option<&str>) -> Lang {
    tag.and_then(Lang::from_tag).unwrap_or_default()
}

/// An error for JavaScript, worded in `lang`.
pub(super) fn js_error(lang: Lang, phrase: &Phrase) -> JsError {
    JsError::new(&catalog::render(lang, phrase))
}

/// The caller's current time, unix seconds.
pub(super) fn now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// `value` as a plain JavaScript value (objects, not maps).
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}
