//! No input makes verification panic (a panic in wasm kills the page's verifier): random bytes,
//! truncated and mutated signed messages, mangled signatures and key records. Each case must
//! still produce a well-formed report whose verdict matches its signatures.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::{KeyStore, Provenance};
use dkimcheck::report::Verdict;
use dkimcheck::verify::Options;
use proptest::prelude::*;
use std::sync::OnceLock;

struct Fixture {
    signed: Vec<Vec<u8>>,
    store: KeyStore,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let rsa = TestKey::rsa(1024);
        let ed = TestKey::ed25519();
        let message = b"From: a@example.org\r\nTo: b@example.net\r\nSubject: hi\r\n there\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nbody line\r\n\r\nmore  body\t\r\n";
        let mut store = KeyStore::new();
        let mut signed = Vec::new();
        for (alg, key, sel) in [(Algorithm::RsaSha256, &rsa, "r"), (Algorithm::Ed25519Sha256, &ed, "e"), (Algorithm::RsaSha1, &rsa, "r")] {
            let mut spec = Spec::new(alg);
            spec.selector = sel.into();
            spec.body_length = Some(Some(4));
            store.add(&format!("{sel}._domainkey.example.org"), &key.record(), Provenance::origin("t"));
            signed.push(sign(message, key, &spec));
        }
        Fixture { signed, store }
    })
}

fn consistent(raw: &[u8], store: &KeyStore) {
    let r =
        common::verify_en(raw, store, &Options { with_body: true, source: "x".into(), ..Options::at(1_700_000_000) });
    let best = r.signatures.iter().map(|s| s.result).min_by_key(|v| v.rank()).unwrap_or(Verdict::None);
    assert_eq!(r.verdict, best);
    assert!(!r.summary.is_empty());
    for s in &r.signatures {
        assert!(!s.reason.is_empty() && !s.explanation.text.is_empty());
    }
    serde_json::to_string(&r).expect("report serializes");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes(raw in proptest::collection::vec(any::<u8>(), 0..2000)) {
        consistent(&raw, &fixture().store);
    }

    #[test]
    fn header_like_noise(lines in proptest::collection::vec("[ -~\t]{0,80}", 0..30), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let raw = format!("DKIM-Signature: {}{sep}{}", lines.first().cloned().unwrap_or_default(), lines.join(sep));
        consistent(raw.as_bytes(), &fixture().store);
    }

    #[test]
    fn truncated_signed_messages(which in 0usize..3, cut in any::<prop::sample::Index>()) {
        let raw = &fixture().signed[which];
        consistent(&raw[..cut.index(raw.len() + 1)], &fixture().store);
    }

    #[test]
    fn mutated_signed_messages(which in 0usize..3, edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut raw = fixture().signed[which].clone();
        for (at, byte) in edits {
            let i = at.index(raw.len());
            raw[i] = byte;
        }
        consistent(&raw, &fixture().store);
    }

    #[test]
    fn mangled_key_records(record in "[ -~]{0,300}", which in 0usize..3) {
        let mut store = KeyStore::new();
        for sel in ["r", "e"] {
            store.add(&format!("{sel}._domainkey.example.org"), &record, Provenance::origin("fuzz"));
        }
        consistent(&fixture().signed[which], &store);
    }

    #[test]
    fn key_records_with_random_base64(bytes in proptest::collection::vec(any::<u8>(), 0..600), ed in any::<bool>()) {
        use base64::Engine;
        let p = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let record = if ed { format!("k=ed25519; p={p}") } else { format!("k=rsa; p={p}") };
        let mut store = KeyStore::new();
        store.add("r._domainkey.example.org", &record, Provenance::origin("fuzz"));
        store.add("e._domainkey.example.org", &record, Provenance::origin("fuzz"));
        for raw in &fixture().signed {
            consistent(raw, &store);
        }
    }

    #[test]
    fn zone_text_never_panics(text in "[ -~\t\n\"();\\\\]{0,400}") {
        let mut store = KeyStore::new();
        let _ = store.import(&text, "fuzz");
    }
}

#[test]
fn too_many_signatures_are_skipped_not_evaluated() {
    let one = "DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=r; h=from; bh=AAAA; b=AAAA\r\n";
    let raw = format!("{}From: a@example.org\r\n\r\nx\r\n", one.repeat(60));
    let r = common::verify_en(raw.as_bytes(), &fixture().store, &Options::at(0));
    assert_eq!((r.signatures.len(), r.skipped_signatures), (50, 10));
    assert!(r.notes.iter().any(|n| n.text.contains("only the first 50")));
}

#[test]
fn huge_rsa_keys_are_refused_with_a_reason() {
    // A 9000-bit modulus (odd), e = 65537, as PKCS#1 DER.
    let mut n = vec![0xffu8; 1125];
    n[0] = 0x7f;
    let mut der = vec![0x30, 0x82];
    let body_len = 4 + 1 + n.len() + 5;
    der.extend_from_slice(&(body_len as u16).to_be_bytes());
    der.extend_from_slice(&[0x02, 0x82]);
    der.extend_from_slice(&((n.len() + 1) as u16).to_be_bytes());
    der.push(0);
    der.extend_from_slice(&n);
    der.extend_from_slice(&[0x02, 0x03, 0x01, 0x00, 0x01]);
    use base64::Engine;
    let record = format!("k=rsa; p={}", base64::engine::general_purpose::STANDARD.encode(&der));
    let mut store = KeyStore::new();
    store.add("r._domainkey.example.org", &record, Provenance::origin("t"));
    let r = common::verify_en(&fixture().signed[0], &store, &Options::at(0));
    assert_eq!(r.signatures[0].reason, "key_too_large");
    assert!(r.signatures[0].detail.as_ref().map(|d| d.text.as_str()).unwrap_or("").contains("8192"));
}

#[test]
fn not_an_email_is_an_error_with_a_reason() {
    let r = common::verify_en(b"%PDF-1.4\x00\x01\x02 binary", &KeyStore::new(), &Options::at(0));
    assert_eq!(r.verdict, Verdict::None);
    assert!(r.error.as_ref().map(|e| e.text.as_str()).unwrap_or("").contains("does not look like an email"));
    let r = common::verify_en(b"", &KeyStore::new(), &Options::at(0));
    assert_eq!(r.error.as_ref().map(|e| e.text.as_str()), Some("The file is empty."));
}
