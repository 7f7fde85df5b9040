//! What a batch needs beside each message's row: the tally of missing keys and the CSV export.

use super::convert::to_js;
use crate::report::csv::{self, CSV_COLUMNS};
use crate::report::{KeysNeeded, Row};
use wasm_bindgen::prelude::*;

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
