//! What a DomainKeys signature covers (RFC 4870 §3.3, §3.4.2): the header fields below the
//! signature (with `h=`, those it names, in its order), then the empty line and the body, in one
//! RSA-SHA1 hash. Two canonicalizations: `simple` (every line as it is) and `nofws` (every space,
//! tab, CR and LF removed from each unfolded header field and each body line). Both ignore
//! trailing empty lines, and the empty line after the header is hashed only when a body line
//! follows.
//!
//! `simple` header fields and the trimming of the simple body are DKIM's ([`crate::dkim::canon`]).

use crate::crypto::Hasher;
use crate::dkim::algorithm::Canonicalization;
use crate::dkim::canon::{header_into, without_trailing_empty_lines};
use crate::message::Message;
use std::collections::HashMap;

/// A DomainKeys canonicalization (`c=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DkCanonicalization {
    /// `simple`: no change.
    Simple,
    /// `nofws`: no folding whitespace at all.
    Nofws,
}

impl DkCanonicalization {
    /// The `c=` spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DkCanonicalization::Simple => "simple",
            DkCanonicalization::Nofws => "nofws",
        }
    }

    /// Reads a `c=` value (case-insensitive).
    pub fn parse(value: &str) -> Option<Self> {
        match value.to_ascii_lowercase().as_str() {
            "simple" => Some(DkCanonicalization::Simple),
            "nofws" => Some(DkCanonicalization::Nofws),
            _ => None,
        }
    }
}

/// The indexes of the header fields a DomainKeys signature at `sig_index` covers, in the order
/// they are presented to the hash: every field below the signature in message order, or with
/// `h=`, in `h=` order. A name listed once takes every field of that name below the signature
/// (RFC 4870 §3.3); a name listed k times gives its last k-1 listings the last k-1 such fields,
/// and its first listing the rest (the reading of Mail::DKIM, which verifies real Gmail mail).
pub fn presented_fields(message: &Message<'_>, sig_index: usize, names: Option<&[String]>) -> Vec<usize> {
    let below = (sig_index + 1).min(message.headers.len())..message.headers.len();
    let Some(names) = names else { return below.collect() };
    // Fields below the signature, grouped by name as listed, with how often each is listed: one
    // lookup per listed name in a set and in the message's name index (linear in h=).
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<(Vec<usize>, usize)> = Vec::new();
    let listed: Vec<usize> = names
        .iter()
        .map(|name| {
            let g = *group_of.entry(name.as_str()).or_insert_with(|| {
                let found = message.instances(name).iter().copied().filter(|i| below.contains(i)).collect();
                groups.push((found, 0));
                groups.len() - 1
            });
            groups[g].1 += 1;
            g
        })
        .collect();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(names.len());
    for &g in listed.iter().rev() {
        let (fields, listed_left) = &mut groups[g];
        *listed_left -= 1;
        if *listed_left > 0 {
            out.push(fields.pop().into_iter().collect());
        } else {
            out.push(std::mem::take(fields));
        }
    }
    out.into_iter().rev().flatten().collect()
}

/// Feeds the canonical header fields `fields` of `message`, then the canonical body, to `hasher`.
pub fn hash_message(hasher: &mut Hasher, message: &Message<'_>, fields: &[usize], canon: DkCanonicalization) {
    let mut line = Vec::with_capacity(256);
    for &i in fields {
        let field = &message.headers[i];
        line.clear();
        match canon {
            DkCanonicalization::Simple => header_into(&mut line, field, Canonicalization::Simple),
            DkCanonicalization::Nofws => {
                line.extend(field.raw.iter().copied().filter(|b| !is_fws(*b)));
                line.extend_from_slice(b"\r\n");
            }
        }
        hasher.update(&line);
    }
    let body = message.body_bytes();
    match canon {
        DkCanonicalization::Simple => {
            let body = without_trailing_empty_lines(body);
            if !body.is_empty() {
                hasher.update(b"\r\n");
                hasher.update(body);
                hasher.update(b"\r\n");
            }
        }
        DkCanonicalization::Nofws => nofws_body(hasher, body),
    }
}

/// The `nofws` body, the empty line after the header included: each line without its
/// whitespace, followed by CRLF; empty lines are held back until a non-empty line follows.
fn nofws_body(hasher: &mut Hasher, body: &[u8]) {
    let mut pending_empty_lines = 1usize; // the line that ends the header block
    let mut line = Vec::with_capacity(256);
    let mut rest = body;
    while !rest.is_empty() {
        let (content, next) = match crate::message::find_crlf(rest) {
            Some(p) => (&rest[..p], &rest[p + 2..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = next;
        line.clear();
        line.extend(content.iter().copied().filter(|b| !is_fws(*b)));
        if line.is_empty() {
            pending_empty_lines += 1;
            continue;
        }
        for _ in 0..std::mem::take(&mut pending_empty_lines) {
            hasher.update(b"\r\n");
        }
        line.extend_from_slice(b"\r\n");
        hasher.update(&line);
    }
}

/// SP, HTAB, CR, LF: RFC 4870's folding whitespace.
fn is_fws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::HashAlgorithm;

    fn canonical(raw: &[u8], canon: DkCanonicalization) -> Vec<u8> {
        // SHA-1 of the data is compared with SHA-1 of the expected bytes.
        let m = Message::parse(raw);
        let mut h = Hasher::new(HashAlgorithm::Sha1);
        hash_message(&mut h, &m, &presented_fields(&m, 0, None), canon);
        h.finish()
    }

    fn sha1(data: &[u8]) -> Vec<u8> {
        let mut h = Hasher::new(HashAlgorithm::Sha1);
        h.update(data);
        h.finish()
    }

    #[test]
    fn simple_and_nofws_of_a_small_message() {
        let raw = b"DomainKey-Signature: x=y\r\nFrom: Joe <joe@example.net>\r\nSubject: a\r\n  b\r\n\r\n\r\nHi  there \r\n\r\n \r\n\r\n";
        assert_eq!(
            canonical(raw, DkCanonicalization::Simple),
            sha1(b"From: Joe <joe@example.net>\r\nSubject: a\r\n  b\r\n\r\n\r\nHi  there \r\n\r\n \r\n")
        );
        assert_eq!(
            canonical(raw, DkCanonicalization::Nofws),
            sha1(b"From:Joe<joe@example.net>\r\nSubject:ab\r\n\r\n\r\nHithere\r\n")
        );
    }

    #[test]
    fn an_empty_body_adds_nothing() {
        let raw = b"DomainKey-Signature: x=y\r\nFrom: a@b\r\n\r\n\r\n \r\n";
        assert_eq!(canonical(raw, DkCanonicalization::Nofws), sha1(b"From:a@b\r\n"));
        assert_eq!(
            canonical(b"DomainKey-Signature: x=y\r\nFrom: a@b\r\n\r\n\r\n", DkCanonicalization::Simple),
            sha1(b"From: a@b\r\n")
        );
    }

    #[test]
    fn h_order_and_repeated_names() {
        let raw = b"Received: r0\r\nDomainKey-Signature: x=y\r\nReceived: r1\r\nFrom: f\r\nReceived: r2\r\nTo: t\r\nReceived: r3\r\n\r\n";
        let m = Message::parse(raw);
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        assert_eq!(presented_fields(&m, 1, Some(&names(&["to", "from"]))), vec![5, 3]);
        assert_eq!(presented_fields(&m, 1, Some(&names(&["from", "received"]))), vec![3, 2, 4, 6]);
        assert_eq!(presented_fields(&m, 1, Some(&names(&["received", "from", "received"]))), vec![2, 4, 3, 6]);
        assert_eq!(presented_fields(&m, 1, None), vec![2, 3, 4, 5, 6]);
    }
}
