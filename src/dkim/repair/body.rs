//! Repairs of the body: mbox quoting undone, a list footer cut off, trailing whitespace at line
//! ends undone. Each is tried only when the body hash fails and the header signature verifies.

use super::attempt::Attempt;
use super::kind::RepairKind;
use crate::dkim::algorithm::Canonicalization;
use crate::dkim::body_hash::{self, BodyForm, BodyJob};
use crate::dkim::canon;
use crate::dkim::result::MAX_UNSIGNED_TAIL_CHARS;
use crate::dkim::signature::Signature;

/// The first body repair that makes the body hash match `bh=`.
pub fn repair(attempt: &mut Attempt<'_, '_, '_, '_>, sig: &Signature) -> Option<RepairKind> {
    let body = attempt.message.body_bytes();
    let job = BodyJob { canon: sig.body_canon, hash: sig.algorithm.hash(), limit: sig.body_length };
    let mut matches =
        |form: BodyForm| attempt.bodies.get_form(body, form, job).is_some_and(|h| h.digest == sig.body_hash);
    if matches(BodyForm::MboxUnquoted) {
        return Some(RepairKind::MboxQuoting { lines: body_hash::changed_lines(body, BodyForm::MboxUnquoted) });
    }
    if sig.body_canon == Canonicalization::Simple {
        for (form, change) in
            [(BodyForm::TrailingWhitespaceRemoved, "added"), (BodyForm::SeparatorSpaceRestored, "removed")]
        {
            if matches(form) {
                return Some(RepairKind::BodyTrailingWhitespace {
                    change,
                    lines: body_hash::changed_lines(body, form),
                });
            }
        }
    }
    if sig.body_length.is_none() {
        return list_footer(attempt, sig);
    }
    None
}

/// The signed body as a prefix of the body: the digests of the prefixes ending in the last
/// [`body_hash::FOOTER_WINDOW`] bytes are computed in one pass per message, canonicalization and
/// hash (see [`crate::dkim::body_hash::BodyCache::signed_prefix`]).
fn list_footer(attempt: &mut Attempt<'_, '_, '_, '_>, sig: &Signature) -> Option<RepairKind> {
    let (body, canonical_len) = (attempt.message.body_bytes(), attempt.canonical_len);
    let found =
        attempt.bodies.signed_prefix(body, sig.body_canon, sig.algorithm.hash(), canonical_len, &sig.body_hash)?;
    // The canonical forms keep the body's lines: the signed part ends after the same line here.
    let lines = usize::try_from(found.lines).ok()?;
    let end = memchr::memmem::find_iter(body, b"\r\n").nth(lines.checked_sub(1)?).map(|p| p + 2)?;
    // Empty lines at the end of the signed part and at the end of the body are not counted.
    let mut tail = canon::without_trailing_empty_lines(&body[end..]);
    while let Some(rest) = tail.strip_prefix(b"\r\n") {
        tail = rest;
    }
    let appended_lines = if tail.is_empty() { 0 } else { memchr::memmem::find_iter(tail, b"\r\n").count() as u64 + 1 };
    Some(RepairKind::ListFooter {
        signed_lines: found.lines,
        signed_bytes: found.canonical_len,
        appended_lines,
        appended_bytes: canonical_len.saturating_sub(found.canonical_len),
        appended_text: String::from_utf8_lossy(tail).chars().take(MAX_UNSIGNED_TAIL_CHARS).collect(),
    })
}
