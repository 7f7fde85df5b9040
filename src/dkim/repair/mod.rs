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

mod attempt;
pub mod body;
pub mod header;
mod kind;

use super::signature::Signature;
pub use attempt::Attempt;
pub use kind::{NameChange, Repair, RepairKind};

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
