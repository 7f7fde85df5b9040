//! What a named repair undid, and what that does and does not show, in words.

use super::phrasing::{display_name, sentences, with_domain};
use crate::dkim::repair::RepairKind;
use crate::l10n::Phrase;

/// What a named repair undid and what that does and does not show (`d`: the signing domain).
pub fn repair(kind: &RepairKind, d: Option<&str>) -> Phrase {
    let undone = match kind {
        RepairKind::ListFooter { signed_lines, appended_lines, .. } => {
            Phrase::new("repair-list-footer").number("appended", *appended_lines).number("signed", *signed_lines)
        }
        RepairKind::ListSubjectTag { tag } => Phrase::new("repair-list-subject-tag").arg("tag", tag.as_str()),
        RepairKind::HeaderWhitespace { fields, .. } => Phrase::new("repair-header-whitespace")
            .arg("fields", fields.iter().map(|f| display_name(f)).collect::<Vec<_>>().join(", "))
            .number("count", fields.len()),
        RepairKind::HeaderNameCase { fields } => Phrase::new("repair-header-name-case")
            .phrase(
                "changes",
                Phrase::list(fields.iter().map(|f| {
                    Phrase::new("repair-name-change")
                        .arg("received", f.received.as_str())
                        .arg("signed", f.signed.as_str())
                }))
                .unwrap_or_default(),
            )
            .number("count", fields.len()),
        RepairKind::BodyTrailingWhitespace { change: "removed", lines } => {
            Phrase::new("repair-separator-space").number("lines", *lines)
        }
        RepairKind::BodyTrailingWhitespace { lines, .. } => {
            Phrase::new("repair-trailing-whitespace").number("lines", *lines)
        }
        RepairKind::MboxQuoting { lines } => Phrase::new("repair-mbox-quoting").number("lines", *lines),
    };
    sentences([with_domain(undone, d), with_domain(Phrase::new("repair-closing"), d)])
}
