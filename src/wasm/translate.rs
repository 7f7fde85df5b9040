//! The catalogs' messages, rendered for a caller that words texts itself.

use super::convert::lang_of;
use crate::catalog::{self, Value};
use crate::l10n::Lang;
use wasm_bindgen::prelude::*;

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
