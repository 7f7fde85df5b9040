//! `z=` copied header fields (RFC 6376 §3.5): the signer's copy of header fields as they were
//! when signed, compared with the fields as they are now, so that a failed header signature can
//! say what changed. The copy sits inside the signature: when the signature fails, it may be as
//! altered as anything else, so it is a hint, never proof.

use super::signature::Signature;
use crate::message::Message;
use crate::message::summary::display_value;
use serde::Serialize;

/// One copied header field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopiedHeader {
    /// The field name as copied.
    pub name: String,
    /// The value when signed (decoded for display).
    pub when_signed: String,
    /// The value now (decoded for display), or `None` when the message no longer has the field.
    pub now: Option<String>,
    /// The two differ (compared as bytes, whitespace runs counted as one space).
    pub changed: bool,
}

/// Compares a signature's `z=` copies with the message's fields: the k-th copy of a name with
/// the k-th field of that name the signature covers (`covered`, in `h=` order), else with the
/// bottom-most field of that name.
pub fn compare(message: &Message<'_>, sig: &Signature, covered: &[usize]) -> Vec<CopiedHeader> {
    let mut used: Vec<usize> = Vec::new();
    sig.copied_headers
        .iter()
        .map(|(name, when_signed)| {
            let current = covered
                .iter()
                .copied()
                .find(|&i| message.headers[i].is(name) && !used.contains(&i))
                .or_else(|| message.fields(name).map(|(i, _)| i).filter(|i| !used.contains(i)).last());
            if let Some(i) = current {
                used.push(i);
            }
            let now = current.map(|i| message.headers[i].value);
            CopiedHeader {
                name: name.clone(),
                when_signed: display_value(name, when_signed),
                now: now.map(|v| display_value(name, v)),
                changed: now.is_none_or(|v| normalized(v) != normalized(when_signed)),
            }
        })
        .collect()
}

/// The value unfolded, whitespace runs as one space, trimmed.
fn normalized(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    let mut space = false;
    for &b in value {
        if matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            space = !out.is_empty();
        } else {
            if space {
                out.push(b' ');
                space = false;
            }
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_changed() {
        let raw = "DKIM-Signature: v=1; a=rsa-sha256; d=example.fr; s=s; h=from:subject; bh=AAAA; b=AAAA;\r\n z=From:a@example.fr|Subject:=3D?utf-8?q?R=3DC3=3DA9union_lundi?=3D|To:b@example.fr\r\nFrom:  a@example.fr\r\nSubject: =?utf-8?q?R=C3=A9union_mardi?=\r\n\r\n";
        let m = Message::parse(raw.as_bytes());
        let sig = Signature::parse(&m.headers[0]).unwrap(); // ok: test
        let c = compare(&m, &sig, &[1, 2]);
        assert_eq!(c.len(), 3);
        assert!(!c[0].changed);
        assert_eq!(
            (c[1].when_signed.as_str(), c[1].now.as_deref(), c[1].changed),
            ("Réunion lundi", Some("Réunion mardi"), true)
        );
        assert_eq!((c[2].now.as_deref(), c[2].changed), (None, true));
    }
}
