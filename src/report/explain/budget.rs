//! What a budget against hostile input did to a message, in words: not checked, body not shown.

use crate::budget::Exceeded;
use crate::l10n::Phrase;

/// Why a message was not checked: a budget against hostile input was hit.
pub fn not_checked(exceeded: &Exceeded) -> Phrase {
    Phrase::new("error-not-checked").phrase("why", exceeded.phrase())
}

/// Note when a message's body and attachments are not shown: a budget was hit.
pub fn body_not_shown(exceeded: &Exceeded) -> Phrase {
    Phrase::new("note-body-not-shown").phrase("why", exceeded.phrase())
}
