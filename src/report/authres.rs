//! A report as an RFC 8601 `Authentication-Results` header field, for mail tools: one `dkim=`
//! result per DKIM signature (`dkim=none` without one) with `header.d`, `header.s` and
//! `header.b` (the first 8 characters of `b=`, RFC 6008), one `domainkeys=` per
//! DomainKey-Signature, and `arc=`. The authserv-id is `dkimcheck`: the field says what this
//! check found, not what a receiving server did.

use super::{MessageReport, Verdict};
use crate::message::{Message, input};
use crate::text::tag_list::TagList;

/// The authserv-id of the fields written here.
pub const AUTHSERV_ID: &str = "dkimcheck";

/// The `Authentication-Results` field of a report (one line, no final line break). `raw` is the
/// message, for the first characters of each signature's `b=`; without it `header.b` is left
/// out.
pub fn authentication_results(report: &MessageReport, raw: Option<&[u8]>) -> String {
    let mut resinfos: Vec<String> = Vec::new();
    if report.error.is_some() {
        resinfos.push("dkim=permerror reason=\"not readable as an email\"".into());
    } else if report.signatures.is_empty() {
        resinfos.push("dkim=none".into());
    }
    let b_prefixes = raw.map(signature_b_prefixes).unwrap_or_default();
    for s in &report.signatures {
        let mut r = format!("dkim={}", s.result.as_str());
        if s.result != Verdict::Pass {
            let reason = match &s.repair {
                Some(repair) => format!("{}; verifies after repair {}", s.reason, repair.code),
                None => s.reason.to_string(),
            };
            r.push_str(&format!(" reason={}", quoted(&reason)));
        }
        property(&mut r, "header.d", s.domain.as_deref());
        property(&mut r, "header.i", s.identity.as_deref());
        property(&mut r, "header.s", s.selector.as_deref());
        property(&mut r, "header.a", s.algorithm.as_deref());
        property(&mut r, "header.b", b_prefixes.get(s.index).map(String::as_str));
        resinfos.push(r);
    }
    for k in &report.domainkeys {
        let mut r = format!("domainkeys={}", k.result.as_str());
        if k.result != Verdict::Pass {
            r.push_str(&format!(" reason={}", quoted(k.reason)));
        }
        property(&mut r, "header.d", k.domain.as_deref());
        property(&mut r, "header.s", k.selector.as_deref());
        resinfos.push(r);
    }
    if report.error.is_none() {
        let mut r = format!("arc={}", report.arc.result.as_str());
        if let Some(i) = report.arc.oldest_pass.filter(|_| report.arc.result == Verdict::Pass) {
            r.push_str(&format!(" header.oldest-pass={i}"));
        }
        resinfos.push(r);
    }
    format!("Authentication-Results: {AUTHSERV_ID}; {}", resinfos.join("; "))
}

/// Appends ` name=value` when there is a value (quoted unless it is a plain token).
fn property(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        let v = if v.bytes().all(token_byte) || is_dot_atom_address(v) { v.to_string() } else { quoted(v) };
        out.push_str(&format!(" {name}={v}"));
    }
}

/// An RFC 2045 token character: printable ASCII except SP and tspecials.
fn token_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b)
}

/// `local@domain` whose parts are tokens: a pvalue may be written so (RFC 8601 §2.2).
fn is_dot_atom_address(v: &str) -> bool {
    v.split_once('@').is_some_and(|(l, d)| !d.is_empty() && l.bytes().all(token_byte) && d.bytes().all(token_byte))
}

/// An RFC 5322 quoted-string (control characters dropped).
fn quoted(v: &str) -> String {
    let mut out = String::from("\"");
    for c in v.chars().filter(|c| !c.is_control()) {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The first 8 characters of each DKIM-Signature's `b=` (folding removed), top first.
fn signature_b_prefixes(raw: &[u8]) -> Vec<String> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    message
        .fields("dkim-signature")
        .take(crate::dkim::MAX_SIGNATURES)
        .map(|(_, field)| {
            TagList::parse(field.value)
                .ok()
                .and_then(|list| list.tags.iter().find(|t| t.name == "b").map(|t| t.value.to_vec()))
                .map(|b| b.iter().filter(|c| !c.is_ascii_whitespace()).take(8).map(|&c| c as char).collect())
                .unwrap_or_default()
        })
        .collect()
}
