//! The named repairs: what each undid, with the facts its wording needs.

use crate::l10n::Phrase;
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
