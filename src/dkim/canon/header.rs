//! Header canonicalization (RFC 6376 §3.4.1, §3.4.2) and the data a header signature covers.

use crate::dkim::algorithm::Canonicalization;
use crate::message::{HeaderField, Message};

/// Appends the canonical form of one header field, with its final CRLF.
pub fn header_into(out: &mut Vec<u8>, field: &HeaderField<'_>, canon: Canonicalization) {
    match canon {
        Canonicalization::Simple => {
            out.extend_from_slice(field.raw);
            if !field.raw.ends_with(b"\r\n") {
                out.extend_from_slice(b"\r\n");
            }
        }
        Canonicalization::Relaxed => {
            let start = out.len();
            out.extend_from_slice(field.name);
            out[start..].make_ascii_lowercase();
            out.push(b':');
            relaxed_value_into(out, field.value);
            out.extend_from_slice(b"\r\n");
        }
    }
}

/// The data a header signature covers (RFC 6376 §3.7, §5.4.2): the fields named in `names`,
/// each name taking the next instance from the bottom up (names with no instance left add
/// nothing), canonicalized, then `own_field` (the DKIM-Signature field with an empty `b=`)
/// canonicalized without its final CRLF. Also returns the indexes of the fields selected.
/// Each name costs one lookup in the message's name index: linear in `names` and the header.
pub fn signed_header_data(
    message: &Message<'_>,
    names: &[String],
    canon: Canonicalization,
    own_field: &HeaderField<'_>,
) -> (Vec<u8>, Vec<usize>) {
    let mut data = Vec::with_capacity(1024);
    let mut covered = Vec::with_capacity(names.len().min(message.headers.len()));
    // Per name (at the index of its first instance), how many instances are already taken.
    let mut taken = vec![0usize; message.headers.len()];
    for name in names {
        let instances = message.instances(name);
        let Some(&first) = instances.first() else { continue };
        if taken[first] < instances.len() {
            taken[first] += 1;
            let i = instances[instances.len() - taken[first]];
            header_into(&mut data, &message.headers[i], canon);
            covered.push(i);
        }
    }
    own_field_into(&mut data, own_field, canon);
    (data, covered)
}

/// Appends a signature's own field (its `b=` value already removed, see [`without_range`]),
/// canonicalized, without its final CRLF: the last thing a header signature covers (RFC 6376
/// §3.7; the same for ARC seals and message signatures).
pub fn own_field_into(data: &mut Vec<u8>, own_field: &HeaderField<'_>, canon: Canonicalization) {
    let start = data.len();
    header_into(data, own_field, canon);
    if data[start..].ends_with(b"\r\n") {
        data.truncate(data.len() - 2);
    }
}

/// The raw bytes of `field` with `range` (a tag's raw value inside `field.raw`, such as `b=`)
/// removed; parse them with [`Message::parse`] to get the field a signature covers itself as.
pub fn without_range(field: &HeaderField<'_>, range: &std::ops::Range<usize>) -> Vec<u8> {
    let (start, end) = (range.start.min(field.raw.len()), range.end.min(field.raw.len()));
    let mut out = Vec::with_capacity(field.raw.len());
    out.extend_from_slice(&field.raw[..start]);
    out.extend_from_slice(&field.raw[end.max(start)..]);
    out
}

/// Relaxed header value: unfolded, whitespace runs as one space, trimmed at both ends.
///
/// RFC 6376 §3.4.2: unfolding removes the CRLF of each fold; only SP and HTAB are whitespace.
/// A CR or LF that is not part of a CRLF pair is an ordinary byte of the value and is kept (a
/// tampered field must not pass, nor a genuine one fail, by dropping it).
fn relaxed_value_into(out: &mut Vec<u8>, value: &[u8]) {
    out.reserve(value.len());
    let mut pending_space = false;
    let mut started = false;
    let mut rest = value;
    // Runs of ordinary bytes are copied whole (a byte at a time was most of the header hash's
    // own time): memchr finds the next SP, HTAB or CR.
    loop {
        let at = memchr::memchr3(b' ', b'\t', b'\r', rest).unwrap_or(rest.len());
        // A CR that does not start a CRLF is an ordinary byte, copied with the run before it.
        let lone_cr = rest.get(at) == Some(&b'\r') && rest.get(at + 1) != Some(&b'\n');
        let (run, tail) = rest.split_at(if lone_cr { at + 1 } else { at });
        if !run.is_empty() {
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            out.extend_from_slice(run);
            started = true;
        }
        rest = match tail {
            [] => return,
            _ if lone_cr => tail,
            // The CRLF of a fold: removed.
            [b'\r', b'\n', after @ ..] => after,
            // SP or HTAB.
            [_, after @ ..] => {
                pending_space = started;
                after
            }
        };
    }
}
