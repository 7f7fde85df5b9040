//! Tests of DKIM-Signature parsing and its rules.

use super::*;
use crate::message::Message;

fn parse(value: &str) -> Result<Signature, SignatureError> {
    let raw = format!("DKIM-Signature: {value}\r\n");
    let msg = Message::parse(raw.as_bytes());
    Signature::parse(&msg.headers[0])
}

const OK: &str = "v=1; a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=AAAA; b=AAAA";

#[test]
fn valid_signature_and_defaults() {
    let sig = parse(OK).unwrap(); // ok: test
    assert_eq!(sig.algorithm, Algorithm::RsaSha256);
    assert_eq!(sig.canonicalization(), "simple/simple");
    assert_eq!(sig.key_name(), "sel._domainkey.example.com");
    assert_eq!(sig.signed_headers, vec!["from", "to"]);
}

#[test]
fn every_rule_gives_its_error() {
    let cases: &[(&str, &str)] = &[
        ("a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "missing_tag"),
        ("v=0.5; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "unsupported_version"),
        ("v=1; a=rsa-md5; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "unsupported_algorithm"),
        ("v=1; a=rsa-sha256; c=simple/complex; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "bad_canonicalization"),
        (
            "v=1; a=rsa-sha256; c=relaxed/relaxed/extra; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA",
            "bad_canonicalization",
        ),
        ("v=1; a=rsa-sha256; d=example.com; s=sel; h=to; bh=AAAA; b=AAAA", "from_not_signed"),
        ("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AA!A; b=AAAA", "bad_base64"),
        ("v=1; a=rsa-sha256; d=legitimate.com(.attacker.com; s=sel; h=from; bh=AAAA; b=AAAA", "bad_domain"),
        (
            "v=1; a=rsa-sha256; d=example.com; s=sel; i=joe@example.org; h=from; bh=AAAA; b=AAAA",
            "identity_outside_domain",
        ),
        ("v=1; a=rsa-sha256; d=example.com; s=sel; i=joe; h=from; bh=AAAA; b=AAAA", "bad_identity"),
        ("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; l=abc", "bad_number"),
        ("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; t=200; x=100", "expiry_before_timestamp"),
        (
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; q=http/well-known",
            "unsupported_query_method",
        ),
        ("v=1; v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "malformed_signature"),
        // RFC 6376 §3.2: an empty tag-spec is a syntax error (one trailing ';' is allowed).
        ("v=1;; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "malformed_signature"),
        ("; v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "malformed_signature"),
        // RFC 6376 §3.2: values are case-sensitive unless the tag says otherwise; a= and c= do not.
        ("v=1; a=RSA-SHA256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "unsupported_algorithm"),
        ("v=1; a=rsa-sha256; c=Relaxed/relaxed; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "bad_canonicalization"),
        ("v=1; a=rsa-sha256; c=relaxed/Simple; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA", "bad_canonicalization"),
    ];
    for (value, code) in cases {
        assert_eq!(parse(value).unwrap_err().code(), *code, "{value}");
    }
}

/// RFC 6376 §3.2 allows one trailing ';'; d=, s= and h= names are not case-sensitive (DNS
/// names, header field names).
#[test]
fn a_trailing_semicolon_and_upper_case_names_are_fine() {
    let sig = parse("v=1; a=rsa-sha256; d=Example.COM; s=Sel; h=From:TO; bh=AAAA; b=AAAA;").unwrap(); // ok: test
    assert_eq!((sig.domain.as_str(), sig.key_name().as_str()), ("example.com", "sel._domainkey.example.com"));
}

#[test]
fn copied_headers_are_decoded() {
    let sig = parse("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; z=From:foo@eng.example.net|To:joe@example.com|\r\n Subject:demo=20run|Date:July=205,=202005=203:44:08=20PM=20-0700|bad|:x")
        .unwrap(); // ok: test
    let copies: Vec<(&str, &[u8])> = sig.copied_headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())).collect();
    assert_eq!(
        copies,
        vec![
            ("From", &b"foo@eng.example.net"[..]),
            ("To", b"joe@example.com"),
            ("Subject", b"demo run"),
            ("Date", b"July 5, 2005 3:44:08 PM -0700")
        ]
    );
}

#[test]
fn identity_is_quoted_printable_and_may_be_a_subdomain() {
    let sig =
        parse("v=1; a=rsa-sha256; d=example.com; s=sel; i=joe=3Dx@mail.example.com; h=from; bh=AAAA; b=AAAA").unwrap(); // ok: test
    assert_eq!(sig.identity.as_deref(), Some("joe=x@mail.example.com"));
}
