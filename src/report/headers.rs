//! The header table of a report: every header field, shortened for display, with whether a
//! signature covers it.

use super::HeaderView;
use crate::dkim::result::{SignatureReport, Verdict};
use crate::message::Message;

/// At most this many header fields are listed in a report.
pub const MAX_HEADER_VIEWS: usize = 500;
/// Each value is cut to at most this many characters.
const MAX_HEADER_VALUE_CHARS: usize = 2_000;

/// The header fields of `message` for display, each marked signed when a passing signature
/// covers it (or, when none passes, the first signature that selected any field).
pub fn header_views(message: &Message<'_>, signatures: &[SignatureReport]) -> Vec<HeaderView> {
    let passing: Vec<&SignatureReport> = signatures.iter().filter(|s| s.result == Verdict::Pass).collect();
    let basis: Vec<&SignatureReport> = if passing.is_empty() {
        signatures.iter().filter(|s| !s.covered_fields.is_empty()).take(1).collect()
    } else {
        passing
    };
    // Which of the listed fields are covered, marked once (not one search per field).
    let shown = message.headers.len().min(MAX_HEADER_VIEWS);
    let mut signed = vec![false; shown];
    for &i in basis.iter().flat_map(|s| &s.covered_fields) {
        if let Some(mark) = signed.get_mut(i) {
            *mark = true;
        }
    }
    message
        .headers
        .iter()
        .zip(signed)
        .map(|(h, signed)| HeaderView { name: shorten(h.name_str()), value: shorten(h.value_unfolded()), signed })
        .collect()
}

/// Cuts display text to [`MAX_HEADER_VALUE_CHARS`], saying how much was left out.
fn shorten(text: String) -> String {
    let total = text.chars().count();
    if total <= MAX_HEADER_VALUE_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_HEADER_VALUE_CHARS).collect();
    cut.push_str(&format!(" [… {} more characters not shown]", total - MAX_HEADER_VALUE_CHARS));
    cut
}
