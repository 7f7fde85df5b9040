//! The sentence for each warning of a signature.

use super::key::window;
use super::phrasing::display_name;
use crate::l10n::Phrase;
use crate::report::{KeyUsed, WarningKind};

/// The sentence for a warning (`key`: the key the signature was checked with, if any).
pub fn warning(kind: &WarningKind, key: Option<&KeyUsed>) -> Phrase {
    match kind {
        WarningKind::Sha1 => Phrase::new("warning-sha1"),
        WarningKind::CompromisedKey => Phrase::new("warning-compromised-key"),
        WarningKind::RecoveredKey => match key.and_then(|k| k.provenance.recovered_from_messages) {
            Some(_) => Phrase::new("warning-recovered-key-here"),
            None => Phrase::new("warning-recovered-key"),
        },
        WarningKind::TestingKey => Phrase::new("warning-testing-key"),
        WarningKind::UnsignedHeader { names } => {
            let list: Vec<String> = names.iter().map(|n| display_name(n)).collect();
            Phrase::new("warning-unsigned-header").arg("names", list.join(", ")).number("count", names.len())
        }
        WarningKind::ExtraHeaderInstance { name, present, listed } => Phrase::new("warning-extra-header-instance")
            .arg("name", display_name(name))
            .number("present", *present)
            .number("listed", *listed),
        WarningKind::PartialBody { signed, unsigned } => Phrase::new("warning-partial-body")
            .number("signed", *signed)
            .number("unsigned", *unsigned)
            .arg("l", signed.to_string()),
        WarningKind::KeyDateWindow => match key {
            Some(k) => Phrase::new("warning-key-date-window").phrase("window", window(k)),
            None => Phrase::new("warning-key-date-window").phrase("window", Phrase::new("window-unknown")),
        },
        WarningKind::FutureTimestamp => Phrase::new("warning-future-timestamp"),
        WarningKind::ExpiredSince { expires } => Phrase::new("warning-expired-since").date("expires", *expires),
    }
}
