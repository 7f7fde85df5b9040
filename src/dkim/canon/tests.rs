//! Tests of header and body canonicalization.

use super::*;
use crate::crypto::HashAlgorithm;
use crate::dkim::algorithm::Canonicalization;
use crate::message::{HeaderField, Message};
use Canonicalization::{Relaxed, Simple};
use sha2::{Digest, Sha256};

/// RFC 6376 §3.4.2: only the CRLF of a fold is removed; a bare CR (or LF) inside a value is
/// not whitespace and stays.
#[test]
fn relaxed_header_keeps_a_bare_cr() {
    let relaxed = |raw: &[u8]| {
        let mut out = Vec::new();
        header_into(&mut out, &Message::parse(raw).headers[0], Relaxed);
        out
    };
    assert_eq!(relaxed(b"Subject: a\rb\r\n"), b"subject:a\rb\r\n");
    assert_eq!(relaxed(b"Subject: a \r b\r\n"), b"subject:a \r b\r\n");
    assert_eq!(relaxed(b"Subject: a\nb\r\n"), b"subject:a\nb\r\n");
    assert_ne!(relaxed(b"Subject: ab\r\n"), relaxed(b"Subject: a\rb\r\n"));
    // A fold is still unfolded, its whitespace compressed.
    assert_eq!(relaxed(b"Subject: a\r\n \t b\r\n"), b"subject:a b\r\n");
}

/// The relaxed header value written a byte at a time, straight from RFC 6376 §3.4.2.
fn relaxed_value_reference(value: &[u8]) -> Vec<u8> {
    let (mut out, mut pending_space, mut started) = (Vec::new(), false, false);
    let mut bytes = value.iter().copied().peekable();
    while let Some(b) = bytes.next() {
        match b {
            b'\r' if bytes.peek() == Some(&b'\n') => {
                bytes.next();
            }
            b' ' | b'\t' => pending_space = started,
            _ => {
                if pending_space {
                    out.push(b' ');
                    pending_space = false;
                }
                out.push(b);
                started = true;
            }
        }
    }
    out
}

#[test]
fn relaxed_header_matches_the_reference_on_every_short_value() {
    // Exhaustive over short values of the interesting bytes.
    let alphabet = [b'a', b' ', b'\t', b'\r', b'\n'];
    for len in 0..=7u32 {
        for n in 0..alphabet.len().pow(len) {
            let mut k = n;
            let value: Vec<u8> = (0..len)
                .map(|_| {
                    let b = alphabet[k % 5];
                    k /= 5;
                    b
                })
                .collect();
            let field = HeaderField { name: b"X", raw: b"", value: &value, well_formed: true };
            let mut out = Vec::new();
            header_into(&mut out, &field, Relaxed);
            let expected = [&b"x:"[..], &relaxed_value_reference(&value), b"\r\n"].concat();
            assert_eq!(out, expected, "{:?}", String::from_utf8_lossy(&value));
        }
    }
}

#[test]
fn rfc6376_section_3_4_5_examples() {
    let raw = b"A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";
    let m = Message::parse(raw);
    let mut relaxed = Vec::new();
    let mut simple = Vec::new();
    for h in &m.headers {
        header_into(&mut relaxed, h, Relaxed);
        header_into(&mut simple, h, Simple);
    }
    assert_eq!(relaxed, b"a:X\r\nb:Y Z\r\n");
    assert_eq!(simple, b"A: X\r\nB : Y\t\r\n\tZ  \r\n");
    let body = m.body.unwrap(); // ok: test
    assert_eq!(body_canonical(body, Relaxed), b" C\r\nD E\r\n");
    assert_eq!(body_canonical(body, Simple), b" C \r\nD \t E\r\n");
}

/// The relaxed body algorithm written line by line, straight from RFC 6376 §3.4.4.
fn relaxed_reference(body: &[u8]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut rest = body;
    loop {
        match rest.windows(2).position(|w| w == b"\r\n") {
            Some(p) => {
                lines.push(rest[..p].to_vec());
                rest = &rest[p + 2..];
            }
            None => {
                if !rest.is_empty() {
                    lines.push(rest.to_vec());
                }
                break;
            }
        }
    }
    let mut canon: Vec<Vec<u8>> = lines
        .into_iter()
        .map(|l| {
            let mut out = Vec::new();
            let mut wsp = false;
            for b in l {
                if b == b' ' || b == b'\t' {
                    wsp = true;
                } else {
                    if wsp {
                        out.push(b' ');
                    }
                    wsp = false;
                    out.push(b);
                }
            }
            out
        })
        .collect();
    while canon.last().is_some_and(Vec::is_empty) {
        canon.pop();
    }
    canon
        .into_iter()
        .flat_map(|mut l| {
            l.extend_from_slice(b"\r\n");
            l
        })
        .collect()
}

#[test]
fn relaxed_matches_the_reference_on_tricky_bodies() {
    let samples: &[&[u8]] = &[
        b"",
        b"\r\n",
        b" \r\n\t\r\n",
        b"a",
        b"a ",
        b"a\t\tb \r\n",
        b"\r\n\r\nx\r\n\r\n",
        b" x\r\n  y  \r\n",
        b"a\rb\r\n",
        b"a\nb \n\r\n",
        b"a\r",
        b"a \r",
        b"\t\t",
        b"x\r\n \r\n \t \r\ny",
        b"a  b\tc \t d\r\n\r\n \r\n",
    ];
    for body in samples {
        assert_eq!(body_canonical(body, Relaxed), relaxed_reference(body), "{:?}", String::from_utf8_lossy(body));
    }
    // Exhaustive over short strings of the interesting bytes.
    let alphabet = [b'a', b' ', b'\t', b'\r', b'\n'];
    for len in 0..=7u32 {
        for n in 0..alphabet.len().pow(len) {
            let mut k = n;
            let body: Vec<u8> = (0..len)
                .map(|_| {
                    let b = alphabet[k % 5];
                    k /= 5;
                    b
                })
                .collect();
            assert_eq!(
                body_canonical(&body, Relaxed),
                relaxed_reference(&body),
                "{:?}",
                String::from_utf8_lossy(&body)
            );
        }
    }
}

/// A small deterministic generator (xorshift32) for the random bodies below.
fn xorshift(mut state: u32) -> impl FnMut() -> u32 {
    move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    }
}

#[test]
fn relaxed_matches_the_reference_on_long_bodies() {
    // Long lines of text with rare tabs, double spaces, trailing and bare CR / LF: the
    // searches run far ahead and are repeated only once passed.
    let mut next = xorshift(0x2545_f491);
    for _ in 0..300 {
        let len = (next() % 4000) as usize;
        let body: Vec<u8> = (0..len)
            .flat_map(|_| match next() % 100 {
                0..=69 => vec![b'a' + (next() % 26) as u8],
                70..=84 => vec![b' '],
                85..=86 => vec![b'\t'],
                87..=96 => vec![b'\r', b'\n'],
                97 => vec![b'\r'],
                98 => vec![b'\n'],
                _ => vec![b' ', b'\r', b'\n'],
            })
            .collect();
        assert_eq!(body_canonical(&body, Relaxed), relaxed_reference(&body), "{:?}", String::from_utf8_lossy(&body));
    }
}

#[test]
fn relaxed_matches_the_reference_across_quiet_blocks() {
    // Long stretches without a space or tab (as in base64 attachments), which the searches
    // skip a block at a time, around changes placed on every side of a block's edge.
    let quiet_line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/abcdefghijklmnopqrstuvwxyzAB\r\n";
    let changes: [&[u8]; 6] = [b"  ", b" \r\n", b"\t", b" \r", b"a b", b" \t "];
    for (n, change) in changes.iter().enumerate() {
        for offset in [0usize, 1, 2, 4094, 4095, 4096, 4097, 8191, 8192, 12287, 12288, 20000] {
            let mut body = Vec::new();
            while body.len() < 6 * 4096 {
                body.extend_from_slice(quiet_line);
            }
            let at = offset.min(body.len());
            body.splice(at..at, change.iter().copied());
            // A second change far behind, past several quiet blocks.
            if n % 2 == 0 {
                let far = body.len() - 3;
                body.splice(far..far, change.iter().copied());
            }
            assert_eq!(body_canonical(&body, Relaxed), relaxed_reference(&body), "change {n} at {offset}");
        }
    }
    // Text (single spaces in every block) longer than one stride of blocks, a change on each
    // side of a stride's edge.
    let text_line = b"one two three four five six seven eight nine ten eleven twelve\r\n";
    for change in changes {
        for offset in [16 * 4096 - 2, 16 * 4096 - 1, 16 * 4096, 32 * 4096 - 1, 32 * 4096] {
            let mut body = Vec::new();
            while body.len() < 40 * 4096 {
                body.extend_from_slice(text_line);
            }
            body.splice(offset..offset, change.iter().copied());
            assert_eq!(body_canonical(&body, Relaxed), relaxed_reference(&body), "text, change at {offset}");
        }
    }
    // Random bodies of several blocks with rare spaces and tabs: most blocks are quiet.
    let mut next = xorshift(0x9e37_79b9);
    for _ in 0..60 {
        let len = 4096 + (next() % 40_000) as usize;
        let body: Vec<u8> = (0..len)
            .flat_map(|_| match next() % 4000 {
                0 => vec![b' '],
                1 => vec![b'\t'],
                2 => vec![b' ', b' '],
                3 => vec![b' ', b'\r', b'\n'],
                4..=80 => vec![b'\r', b'\n'],
                _ => vec![b'A' + (next() % 26) as u8],
            })
            .collect();
        assert_eq!(body_canonical(&body, Relaxed), relaxed_reference(&body));
    }
}

#[test]
fn empty_bodies_and_missing_final_crlf() {
    assert_eq!(body_canonical(b"", Simple), b"\r\n");
    assert_eq!(body_canonical(b"", Relaxed), b"");
    assert_eq!(body_canonical(b"\r\n\r\n", Relaxed), b"");
    assert_eq!(body_canonical(b"abc", Simple), b"abc\r\n");
    assert_eq!(body_canonical(b"abc", Relaxed), b"abc\r\n");
}

#[test]
fn length_limit_truncates_the_hash_but_counts_everything() {
    let full = body_hash(b"hello\r\n", Simple, HashAlgorithm::Sha256, None);
    let cut = body_hash(b"hello\r\n", Simple, HashAlgorithm::Sha256, Some(3));
    assert_eq!(cut.canonical_len, 7);
    assert_eq!(cut.digest, Sha256::digest(b"hel").to_vec());
    assert_eq!(full.digest, Sha256::digest(b"hello\r\n").to_vec());
}

#[test]
fn one_pass_gives_every_limit_and_hash() {
    let body = b"line one \r\n\r\nline  two\r\n\r\n\r\n";
    let jobs = [
        (HashAlgorithm::Sha256, None),
        (HashAlgorithm::Sha1, Some(3)),
        (HashAlgorithm::Sha256, Some(0)),
        (HashAlgorithm::Sha256, Some(5)),
        (HashAlgorithm::Sha1, None),
        (HashAlgorithm::Sha256, Some(1000)),
        (HashAlgorithm::Sha256, Some(5)),
    ];
    for canon in [Simple, Relaxed] {
        let whole = body_canonical(body, canon);
        for limited_only in [false, true] {
            let jobs: Vec<_> = jobs.iter().copied().filter(|j| !limited_only || j.1.is_some()).collect();
            let got = body_hashes(body, canon, &jobs);
            for (&(hash, limit), h) in jobs.iter().zip(&got) {
                let data = &whole[..limit.map_or(whole.len(), |l| (l as usize).min(whole.len()))];
                let expect = match hash {
                    HashAlgorithm::Sha256 => Sha256::digest(data).to_vec(),
                    HashAlgorithm::Sha1 => sha1::Sha1::digest(data).to_vec(),
                };
                assert_eq!((&h.digest, h.canonical_len), (&expect, whole.len() as u64), "{canon:?} {hash:?} {limit:?}");
            }
        }
    }
}

#[test]
fn empty_body_hashes_match_rfc_values() {
    use base64::Engine;
    let b64 = |d: Vec<u8>| base64::engine::general_purpose::STANDARD.encode(d);
    // RFC 6376 §3.4.3/§3.4.4 consequences, as published by many implementations.
    assert_eq!(
        b64(body_hash(b"", Simple, HashAlgorithm::Sha256, None).digest),
        "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY="
    );
    assert_eq!(
        b64(body_hash(b"", Relaxed, HashAlgorithm::Sha256, None).digest),
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    );
}
