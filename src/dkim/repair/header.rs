//! Repairs of the signed header fields: a list's `[tag]` removed from the Subject, field names'
//! case and whitespace inside fields restored (both only under `c=simple` header
//! canonicalization, which keeps them). Each is tried only when the body hash matches and the
//! header signature fails; each candidate is one pass over the signed fields, one hash and one
//! check of the header signature.

use super::attempt::Attempt;
use super::kind::{NameChange, RepairKind};
use crate::crypto::Hasher;
use crate::dkim::algorithm::Canonicalization;
use crate::dkim::canon;
use crate::dkim::key_check::{KeyOutcome, check_key};
use crate::dkim::signature::Signature;
use crate::message::{HeaderField, Message};

/// A `[tag]` longer than this is not taken for a list's tag.
const MAX_TAG_BYTES: usize = 64;

/// A way to spell a field's name: `None` when it has none.
type NameScheme<'s> = dyn Fn(&HeaderField<'_>) -> Option<String> + 's;

/// Spellings of field names that title case does not give.
const SPELLINGS: &[&str] = &["Message-ID", "MIME-Version", "Content-ID", "DKIM-Signature", "In-Reply-To"];

/// The whitespace changes tried, each a set of changes applied to every signed field at once
/// (a list rewrites every field the same way): the few likely originals, not every combination.
const WHITESPACE_CANDIDATES: &[&[Whitespace]] = &[
    &[Whitespace::ColonSpace],
    &[Whitespace::IndentTab],
    &[Whitespace::ColonSpace, Whitespace::IndentTab],
    &[Whitespace::ColonNoSpace],
    &[Whitespace::Unfold],
    &[Whitespace::IndentSpace],
];

/// One whitespace change undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whitespace {
    /// The spaces and tabs after the colon made one space.
    ColonSpace,
    /// The spaces and tabs after the colon removed.
    ColonNoSpace,
    /// A continuation line indented with two or more spaces indented with one tab.
    IndentTab,
    /// A continuation line indented with a tab indented with one space.
    IndentSpace,
    /// Folds removed (the CRLF before a continuation line).
    Unfold,
}

impl Whitespace {
    fn code(self) -> &'static str {
        match self {
            Whitespace::ColonSpace => "colon_space",
            Whitespace::ColonNoSpace => "colon_no_space",
            Whitespace::IndentTab => "indent_tab",
            Whitespace::IndentSpace => "indent_space",
            Whitespace::Unfold => "unfold",
        }
    }
}

/// The first header repair that makes the header signature verify.
pub fn repair(attempt: &mut Attempt<'_, '_, '_, '_>, sig: &Signature) -> Option<RepairKind> {
    if let Some(tag) = try_rewrite(attempt, sig, &|f| without_subject_tag(f).map(|(raw, tag)| (raw, tag.to_vec())))
        .and_then(|found| found.first().map(|(_, tag)| tag.clone()))
    {
        return Some(RepairKind::ListSubjectTag { tag: String::from_utf8_lossy(&tag).into_owned() });
    }
    if sig.header_canon != Canonicalization::Simple {
        return None;
    }
    let schemes: [&NameScheme<'_>; 3] = [
        &|f| Some(conventional_spelling(&f.name_str())),
        &|f| sig.signed_headers.iter().find(|h| h.as_bytes().eq_ignore_ascii_case(f.name)).cloned(),
        &|f| Some(f.name_str().to_ascii_lowercase()),
    ];
    for scheme in schemes {
        let rename = |f: &HeaderField<'_>| {
            let name = scheme(f).filter(|n| n.as_bytes() != f.name)?;
            Some(([name.as_bytes(), &f.raw[f.name.len()..]].concat(), name.into_bytes()))
        };
        if let Some(found) = try_rewrite(attempt, sig, &rename) {
            let fields = found
                .into_iter()
                .map(|(f, signed)| NameChange { received: f, signed: String::from_utf8_lossy(&signed).into_owned() })
                .collect();
            return Some(RepairKind::HeaderNameCase { fields });
        }
    }
    for changes in WHITESPACE_CANDIDATES {
        let rewrite = |f: &HeaderField<'_>| Some((with_whitespace(f, changes)?, Vec::new()));
        if let Some(found) = try_rewrite(attempt, sig, &rewrite) {
            return Some(RepairKind::HeaderWhitespace {
                changes: changes.iter().map(|c| c.code()).collect(),
                fields: found.into_iter().map(|(name, _)| name).collect(),
            });
        }
    }
    None
}

/// Rewrites every covered field that `rewrite` changes (it returns the new raw field and a fact
/// for the report), hashes the header data once and checks the header signature. Returns the
/// changed fields' names (as received) and facts when it then verifies; `None` when nothing
/// changed or it still does not verify.
#[allow(clippy::type_complexity)]
fn try_rewrite(
    attempt: &Attempt<'_, '_, '_, '_>,
    sig: &Signature,
    rewrite: &dyn Fn(&HeaderField<'_>) -> Option<(Vec<u8>, Vec<u8>)>,
) -> Option<Vec<(String, Vec<u8>)>> {
    let message = attempt.message;
    let own_raw = canon::without_range(message.headers.get(attempt.field_index)?, &sig.b_range);
    let own = Message::first_field(&own_raw)?;
    let mut data = Vec::with_capacity(1024);
    let mut changed = Vec::new();
    for &i in attempt.covered {
        let field = message.headers.get(i)?;
        match rewrite(field) {
            Some((raw, fact)) => {
                canon::header_into(&mut data, &Message::first_field(&raw)?, sig.header_canon);
                changed.push((field.name_str(), fact));
            }
            None => canon::header_into(&mut data, field, sig.header_canon),
        }
    }
    if changed.is_empty() {
        return None;
    }

    canon::own_field_into(&mut data, &own, sig.header_canon);
    let mut hasher = Hasher::new(sig.algorithm.hash());
    hasher.update(&data);
    match check_key(attempt.keys, sig, &hasher.finish(), attempt.message_date) {
        KeyOutcome::Checked { valid: true, .. } => Some(changed),
        _ => None,
    }
}

/// A Subject field without the first `[tag]` of its value (after any `Re:`, `Fwd:`, `Fw:`), and
/// the tag; `None` for other fields, or when there is no tag.
fn without_subject_tag<'f>(field: &HeaderField<'f>) -> Option<(Vec<u8>, &'f [u8])> {
    if !field.is("subject") {
        return None;
    }
    let raw = field.raw;
    let value_start = raw.len() - field.value.len() - raw_line_end(raw);
    let mut at = value_start;
    loop {
        at += raw[at..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let rest = &raw[at..];
        let prefix = ["re:", "fwd:", "fw:", "aw:", "tr:"]
            .iter()
            .find(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        match prefix {
            Some(p) => at += p.len(),
            None => break,
        }
    }
    if raw.get(at) != Some(&b'[') {
        return None;
    }
    let close = raw[at..].iter().take(MAX_TAG_BYTES).position(|&b| b == b']')? + at;
    let tag = &raw[at..=close];
    let inner = &tag[1..tag.len() - 1];
    if inner.is_empty() || inner.iter().any(|&b| matches!(b, b'\r' | b'\n' | b'[')) {
        return None;
    }
    let end = close + 1 + usize::from(raw.get(close + 1) == Some(&b' '));
    Some(([&raw[..at], &raw[end..]].concat(), tag))
}

/// 2 when the raw field ends with CRLF, else 0.
fn raw_line_end(raw: &[u8]) -> usize {
    if raw.ends_with(b"\r\n") { 2 } else { 0 }
}

/// The usual spelling of a field name: a known one (`Message-ID`), else title case.
fn conventional_spelling(name: &str) -> String {
    if let Some(known) = SPELLINGS.iter().find(|s| s.eq_ignore_ascii_case(name)) {
        return known.to_string();
    }
    // Field names are ASCII (RFC 5322 §2.2).
    let mut out = name.to_ascii_lowercase().into_bytes();
    let mut start = true;
    for b in &mut out {
        if start {
            b.make_ascii_uppercase();
        }
        start = *b == b'-';
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The raw field with `changes` undone; `None` when they change nothing.
fn with_whitespace(field: &HeaderField<'_>, changes: &[Whitespace]) -> Option<Vec<u8>> {
    let raw = field.raw;
    let end = raw.len() - raw_line_end(raw);
    let colon = field.name.len() + raw[field.name.len()..].iter().position(|&b| b == b':')?;
    let mut out = Vec::with_capacity(raw.len());
    out.extend_from_slice(&raw[..=colon]);
    let mut i = colon + 1;
    let pad = raw[i..end].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let value_follows = i + pad < end && !raw[i + pad..].starts_with(b"\r\n");
    if changes.contains(&Whitespace::ColonSpace) && value_follows {
        out.push(b' ');
        i += pad;
    } else if changes.contains(&Whitespace::ColonNoSpace) && value_follows {
        i += pad;
    }
    while i < end {
        if raw[i..end].starts_with(b"\r\n") {
            let indent = raw[i + 2..end].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
            let spaces = raw[i + 2..i + 2 + indent].iter().all(|&b| b == b' ');
            if changes.contains(&Whitespace::Unfold) && indent > 0 {
                i += 2;
                continue;
            }
            if changes.contains(&Whitespace::IndentTab) && spaces && indent >= 2 {
                out.extend_from_slice(b"\r\n\t");
                i += 2 + indent;
                continue;
            }
            if changes.contains(&Whitespace::IndentSpace) && raw.get(i + 2) == Some(&b'\t') {
                out.extend_from_slice(b"\r\n ");
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out.extend_from_slice(&raw[end..]);
    (out != raw).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(raw: &[u8]) -> Vec<u8> {
        raw.to_vec()
    }

    #[test]
    fn subject_tags_are_found_after_reply_prefixes() {
        type Case<'c> = (&'c [u8], Option<(&'c [u8], &'c [u8])>);
        let cases: &[Case<'_>] = &[
            (b"Subject: [list] Hello\r\n", Some((b"Subject: Hello\r\n", b"[list]"))),
            (b"Subject: Re: [list] Hello\r\n", Some((b"Subject: Re: Hello\r\n", b"[list]"))),
            (b"Subject: Hello [list]\r\n", None),
            (b"Subject: [unclosed Hello\r\n", None),
            (b"To: [list] x\r\n", None),
        ];
        for (raw, expect) in cases {
            let raw = field(raw);
            let m = Message::parse(&raw);
            let got = without_subject_tag(&m.headers[0]);
            assert_eq!(got.as_ref().map(|(r, t)| (r.as_slice(), *t)), *expect, "{}", String::from_utf8_lossy(&raw));
        }
    }

    #[test]
    fn whitespace_changes_undo_what_vger_did() {
        let raw = b"From:   Alice <alice@example.org>\r\nTo: a@example.org,\r\n        b@example.org\r\n";
        let m = Message::parse(raw);
        let both = [Whitespace::ColonSpace, Whitespace::IndentTab];
        assert_eq!(with_whitespace(&m.headers[0], &both).as_deref(), Some(&b"From: Alice <alice@example.org>\r\n"[..]));
        assert_eq!(
            with_whitespace(&m.headers[1], &both).as_deref(),
            Some(&b"To: a@example.org,\r\n\tb@example.org\r\n"[..])
        );
        assert_eq!(with_whitespace(&m.headers[1], &[Whitespace::ColonSpace]), None);
        assert_eq!(
            with_whitespace(&m.headers[1], &[Whitespace::Unfold]).as_deref(),
            Some(&b"To: a@example.org,        b@example.org\r\n"[..])
        );
        assert_eq!(conventional_spelling("message-id"), "Message-ID");
        assert_eq!(conventional_spelling("SUBJECT"), "Subject");
    }
}
