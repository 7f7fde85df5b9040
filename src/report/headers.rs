//! The header table of a report: every header field, shortened for display, with whether a
//! verified signature covers it (see [`super::assess::field_statuses`]).

use super::assess::{Coverage, FieldStatus, MARKED_FIELDS, field_statuses, name_status};
use super::message_report::HeaderView;
use crate::message::Message;
use std::collections::BTreeMap;

/// At most this many header fields are listed in a report.
pub const MAX_HEADER_VIEWS: usize = 500;
/// Each value is cut to at most this many characters.
pub const MAX_HEADER_VALUE_CHARS: usize = 2_000;

/// The header fields of `message` for display, each with its status: covered by a verified
/// signature, only by signatures that did not verify, or by none.
pub fn header_views(message: &Message<'_>, signatures: &[Coverage<'_>]) -> Vec<HeaderView> {
    // Every field's status in one pass (not one search of every signature per field).
    let statuses = field_statuses(message.headers.len().min(MAX_HEADER_VIEWS), signatures);
    message
        .headers
        .iter()
        .zip(statuses)
        .map(|(h, status)| {
            let (value, omitted_chars) = shorten(h.value_unfolded());
            HeaderView { name: shorten(h.name_str()).0, value, omitted_chars, status }
        })
        .collect()
}

/// The status of each of [`MARKED_FIELDS`] present in `message`: the weakest of its instances.
pub fn field_marks(message: &Message<'_>, signatures: &[Coverage<'_>]) -> BTreeMap<String, FieldStatus> {
    let statuses = field_statuses(message.headers.len(), signatures);
    MARKED_FIELDS
        .iter()
        .filter_map(|&name| {
            let status = name_status(message.instances(name).iter().copied(), &statuses)?;
            Some((name.to_string(), status))
        })
        .collect()
}

/// Cuts display text to [`MAX_HEADER_VALUE_CHARS`]; also returns how many characters were left
/// out (the views say it in words).
fn shorten(text: String) -> (String, usize) {
    let total = text.chars().count();
    if total <= MAX_HEADER_VALUE_CHARS {
        return (text, 0);
    }
    (text.chars().take(MAX_HEADER_VALUE_CHARS).collect(), total - MAX_HEADER_VALUE_CHARS)
}
