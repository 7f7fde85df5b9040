//! The errors of reading inputs, in words.

use dkimcheck::budget::{Exceeded, Limit};
use dkimcheck::l10n::Phrase;

/// The error for a message over the size budget, with how to raise it.
pub(super) fn too_large(size: u64, max: u64) -> Phrase {
    let e = Exceeded { limit: Limit::MessageBytes, max, found: Some(size) };
    Phrase::new("cli-too-large").phrase("why", e.phrase())
}

/// An I/O error in words: the common kinds in the reader's language, others as the system says.
pub fn io_error(e: &std::io::Error) -> Phrase {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Phrase::new("cli-io-not-found"),
        ErrorKind::PermissionDenied => Phrase::new("cli-io-permission-denied"),
        ErrorKind::IsADirectory => Phrase::new("cli-io-is-a-directory"),
        ErrorKind::InvalidData => Phrase::new("cli-io-not-text"),
        ErrorKind::UnexpectedEof => Phrase::new("cli-io-shortened"),
        _ => Phrase::new("detail-as-given").arg("text", e.to_string()),
    }
}
