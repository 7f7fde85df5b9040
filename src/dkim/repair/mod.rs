//! Named repairs of a failed signature: a small, fixed set of known, harmless changes that
//! mailing lists, archives and mail programs make after signing, each undone on its own. When
//! undoing one makes a failed signature verify, the signature stays `fail` and its report names
//! the repair ([`Repair`]): the message as received is not what the domain signed, but it differs
//! from it only by that change.
//!
//! | code | what was undone | when tried |
//! |---|---|---|
//! | `mbox_quoting` | `>From ` quoting of an mbox file ([`body`]) | body hash fails |
//! | `list_footer` | lines appended to the body ([`body`]) | body hash fails, no `l=` |
//! | `body_trailing_whitespace` | spaces or tabs added or removed at line ends ([`body`]) | body hash fails, `c=…/simple` |
//! | `list_subject_tag` | a `[tag] ` inserted in the Subject ([`header`]) | header signature fails |
//! | `header_name_case` | a field name's case changed ([`header`]) | header signature fails, `c=simple/…` |
//! | `header_whitespace` | re-folded lines, re-indented continuations, padding after the colon ([`header`]) | header signature fails, `c=simple/…` |
//!
//! A body repair is claimed only when the header signature verifies as received, a header repair
//! only when the body hash matches as received: after the repair, both must hold. The cost is
//! bounded: each code makes at most one extra pass over the body (building a form of it at most
//! once per message, see [`super::body_hash::BodyCache`]) or over the signed header fields per
//! candidate, from a fixed list of a few candidates, and only for failed signatures. The footer
//! search is one pass per message, canonicalization and hash, shared by its signatures.

pub mod body;
pub mod header;

use super::body_hash::BodyCache;
use super::signature::Signature;
use crate::keys::KeyStore;
use crate::l10n::Phrase;
use crate::message::Message;
use serde::Serialize;

/// A repair that makes a failed signature verify.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// Stable code: `list_footer`, `list_subject_tag`, `header_whitespace`, `header_name_case`,
    /// `body_trailing_whitespace`, `mbox_quoting`.
    pub code: &'static str,
    /// The facts the wording needs.
    pub args: RepairKind,
    /// What was undone and what that does and does not show, in plain words (filled in by the
    /// report layer).
    pub description: Phrase,
}

impl Repair {
    /// A repair of this kind, not yet worded.
    pub fn new(kind: RepairKind) -> Self {
        Repair { code: kind.code(), args: kind, description: Phrase::default() }
    }
}

/// What a repair undid, with the facts its wording needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RepairKind {
    /// Lines appended to the body after signing: the body up to `signed_lines` is what was
    /// signed.
    ListFooter {
        /// Lines of the body that were signed (the signed part ends after this line).
        signed_lines: u64,
        /// Canonical bytes signed.
        signed_bytes: u64,
        /// Lines appended after them (trailing empty lines not counted).
        appended_lines: u64,
        /// Canonical bytes appended.
        appended_bytes: u64,
        /// The appended lines as text, at most `MAX_UNSIGNED_TAIL_CHARS` characters.
        appended_text: String,
    },
    /// A `[tag]` inserted in a signed Subject.
    ListSubjectTag {
        /// The tag, brackets included (`[list-name]`).
        tag: String,
    },
    /// Whitespace changed inside signed header fields (`c=simple` headers).
    HeaderWhitespace {
        /// What was undone: `colon_space` (padding after the colon made one space),
        /// `colon_no_space` (the space after the colon removed), `indent_tab` (continuation lines
        /// indented with spaces re-indented with a tab), `indent_space` (a tab made a space),
        /// `unfold` (folded lines joined).
        changes: Vec<&'static str>,
        /// The fields changed, names as received.
        fields: Vec<String>,
    },
    /// The case of signed field names changed (`c=simple` headers).
    HeaderNameCase {
        /// Each field changed: its name as received and as signed.
        fields: Vec<NameChange>,
    },
    /// Spaces or tabs at line ends added or removed (`simple` body).
    BodyTrailingWhitespace {
        /// `added` (removed again here) or `removed` (the space of a `-- ` separator restored).
        change: &'static str,
        /// Lines changed.
        lines: u64,
    },
    /// mbox `>From ` quoting undone.
    MboxQuoting {
        /// Lines unquoted.
        lines: u64,
    },
}

/// A field name whose case was changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameChange {
    /// As received.
    pub received: String,
    /// As signed.
    pub signed: String,
}

impl RepairKind {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            RepairKind::ListFooter { .. } => "list_footer",
            RepairKind::ListSubjectTag { .. } => "list_subject_tag",
            RepairKind::HeaderWhitespace { .. } => "header_whitespace",
            RepairKind::HeaderNameCase { .. } => "header_name_case",
            RepairKind::BodyTrailingWhitespace { .. } => "body_trailing_whitespace",
            RepairKind::MboxQuoting { .. } => "mbox_quoting",
        }
    }
}

/// What the repairs of one failed signature are tried against.
pub struct Attempt<'m, 'a, 'k, 'b> {
    /// The message.
    pub message: &'m Message<'a>,
    /// The keys (a header repair checks the header signature again).
    pub keys: &'k KeyStore,
    /// Body hashes and forms of the body, shared by the message's signatures.
    pub bodies: &'b mut BodyCache,
    /// The message's Date (unix seconds), for the key step.
    pub message_date: Option<i64>,
    /// The signature field's index among the message's header fields.
    pub field_index: usize,
    /// The header fields the signature covers, in `h=` order.
    pub covered: &'m [usize],
    /// The length of the canonical body as received.
    pub canonical_len: u64,
}

/// The first repair that makes `sig` verify, given that as received its body hash matched
/// (`body_ok`) and its header signature verified (`header_ok`), not both. Only one side is
/// repaired: a signature whose body and header both fail gets no repair.
pub fn find(attempt: &mut Attempt<'_, '_, '_, '_>, sig: &Signature, body_ok: bool, header_ok: bool) -> Option<Repair> {
    let kind = match (body_ok, header_ok) {
        (false, true) => body::repair(attempt, sig),
        (true, false) => header::repair(attempt, sig),
        _ => None,
    };
    kind.map(Repair::new)
}
