//! Sign-then-verify round trips with keys generated here, over every combination of algorithm,
//! canonicalization, l=, folded and oversigned headers and empty bodies; then single mutations
//! with the exact verdict and reason they must give.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use dkimcheck::keys::{KeyFlag, KeyStore, Provenance};
use dkimcheck::report::{FieldStatus, MessageReport, Status, Verdict};
use dkimcheck::verify::Options;
use std::sync::OnceLock;

const AT: u64 = 1_700_000_000;

struct Keys {
    rsa: TestKey,
    ed: TestKey,
    weak: TestKey,
    other_rsa: TestKey,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys {
        rsa: TestKey::rsa(1024),
        ed: TestKey::ed25519(),
        weak: TestKey::rsa(512),
        other_rsa: TestKey::rsa(1024),
    })
}

fn key_for(algorithm: Algorithm) -> &'static TestKey {
    match algorithm {
        Algorithm::Ed25519Sha256 => &keys().ed,
        _ => &keys().rsa,
    }
}

const PLAIN: &str = "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: Quarterly  numbers\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHello Bob,\r\n\r\nThe numbers are\tattached.  \r\n\r\n\r\n";
const FOLDED: &str = "From: Alice\r\n <alice@example.org>\r\nTo: bob@example.net,\r\n\tcarol@example.net\r\nSubject: A very long subject line\r\n  that was folded\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nBody\r\n";
const EMPTY_BODY: &str =
    "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: empty\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\n";
const NO_BODY: &str =
    "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: none\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n";

fn store_with(spec: &Spec, key: &TestKey) -> KeyStore {
    let mut store = KeyStore::new();
    store.set_authoritative(true);
    store.add_zone(&spec.zone_line(key), "test");
    store
}

fn check(raw: &[u8], store: &KeyStore) -> MessageReport {
    common::verify_en(raw, store, &Options::at(AT))
}

fn codes(r: &MessageReport) -> Vec<&'static str> {
    r.signatures.iter().flat_map(|s| s.warnings.iter().map(|w| w.code)).collect()
}

#[test]
fn every_combination_verifies() {
    let algorithms = [Algorithm::RsaSha256, Algorithm::RsaSha1, Algorithm::Ed25519Sha256];
    let canons = [Canonicalization::Simple, Canonicalization::Relaxed];
    let lengths = [None, Some(None), Some(Some(5))];
    let header_sets: [&[&str]; 2] =
        [&["from", "to", "subject", "date"], &["from", "from", "to", "subject", "subject", "date", "reply-to"]];
    let mut count = 0;
    for message in [PLAIN, FOLDED, EMPTY_BODY, NO_BODY] {
        for algorithm in algorithms {
            for header_canon in canons {
                for body_canon in canons {
                    for body_length in lengths {
                        for headers in header_sets {
                            let mut spec = Spec::new(algorithm);
                            spec.header_canon = header_canon;
                            spec.body_canon = body_canon;
                            spec.headers = headers.iter().map(|s| s.to_string()).collect();
                            // l=5 only where the canonical body is that long.
                            let short = matches!(message, m if m == EMPTY_BODY || m == NO_BODY);
                            spec.body_length =
                                if short && body_length == Some(Some(5)) { Some(Some(0)) } else { body_length };
                            let key = key_for(algorithm);
                            let signed = sign(message.as_bytes(), key, &spec);
                            let r = check(&signed, &store_with(&spec, key));
                            let s = &r.signatures[0];
                            assert_eq!(
                                (s.result, s.reason),
                                (Verdict::Pass, "verified"),
                                "{algorithm:?} {header_canon:?}/{body_canon:?} l={body_length:?} h={headers:?}\n{}",
                                String::from_utf8_lossy(&signed)
                            );
                            assert_eq!(r.verdict, Verdict::Pass);
                            let partial = s.body_unsigned_bytes > 0;
                            assert_eq!(partial, codes(&r).contains(&"partial_body"));
                            assert_eq!(algorithm == Algorithm::RsaSha1, codes(&r).contains(&"sha1"));
                            count += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(count, 4 * 3 * 2 * 2 * 3 * 2);
}

fn signed_plain(algorithm: Algorithm) -> (Vec<u8>, KeyStore) {
    let spec = Spec::new(algorithm);
    let key = key_for(algorithm);
    (sign(PLAIN.as_bytes(), key, &spec), store_with(&spec, key))
}

/// `field` (with its CRLF) added on top of the message, as anyone could after signing.
fn prepend(field: &str, raw: &[u8]) -> Vec<u8> {
    [field.as_bytes(), raw].concat()
}

fn replace(raw: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(raw).into_owned();
    assert!(text.contains(from), "{from} not in message");
    text.replacen(from, to, 1).into_bytes()
}

/// RFC 6376 §3.4.2 (relaxed header canonicalization): unfolding removes the CRLF of a fold and
/// only SP and HTAB are whitespace. A bare CR inside a field is content: inserting one changes
/// the signed header (it used to be dropped, so the tampered field passed), and a field signed
/// with one keeps it.
#[test]
fn a_bare_cr_in_a_relaxed_header_is_content_not_whitespace() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&replace(&raw, "Subject: Quarterly  numbers", "Subject: Quarterly\r numbers"), &store);
    assert_eq!((r.signatures[0].result, r.signatures[0].reason), (Verdict::Fail, "headers_changed"));

    let spec = Spec::new(Algorithm::RsaSha256);
    let with_cr = PLAIN.replace("Subject: Quarterly  numbers", "Subject: Quarterly\rnumbers");
    let signed = sign(with_cr.as_bytes(), &keys().rsa, &spec);
    let r = check(&signed, &store_with(&spec, &keys().rsa));
    assert_eq!(r.signatures[0].result, Verdict::Pass);
    let r = check(&replace(&signed, "Quarterly\rnumbers", "Quarterlynumbers"), &store_with(&spec, &keys().rsa));
    assert_eq!(r.signatures[0].reason, "headers_changed");
}

#[test]
fn one_changed_body_byte_is_body_changed() {
    for algorithm in [Algorithm::RsaSha256, Algorithm::Ed25519Sha256] {
        let (raw, store) = signed_plain(algorithm);
        let r = check(&replace(&raw, "Hello Bob", "Hello Rob"), &store);
        let s = &r.signatures[0];
        assert_eq!((s.result, s.reason), (Verdict::Fail, "body_changed"));
        assert_eq!((s.body_hash_matches, s.header_signature_valid), (Some(false), Some(true)));
        assert_eq!(r.summary, "Signed by example.org, but the body was changed after signing.");
    }
}

#[test]
fn a_changed_signed_header_is_headers_changed() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&replace(&raw, "Subject: Quarterly", "Subject: Annual"), &store);
    let s = &r.signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Fail, "headers_changed"));
    assert_eq!((s.body_hash_matches, s.header_signature_valid), (Some(true), Some(false)));
    // A header signature that does not verify proves nothing about the domain: anyone can write
    // d=example.org and a matching bh=.
    assert!(!r.summary.contains("Signed by"), "{}", r.summary);
    assert!(s.explanation.text.contains("Nothing here shows that example.org signed"), "{}", s.explanation.text);
}

#[test]
fn body_and_header_changes_are_both_reported() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let changed = replace(&replace(&raw, "Subject: Quarterly", "Subject: Annual"), "Hello Bob", "Hello Rob");
    let s = &check(&changed, &store).signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Fail, "body_and_headers_changed"));
}

#[test]
fn relaxed_tolerates_whitespace_changes_simple_does_not() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&replace(&raw, "Subject: Quarterly  numbers", "Subject:   Quarterly numbers "), &store);
    assert_eq!(r.verdict, Verdict::Pass);
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.header_canon = Canonicalization::Simple;
    spec.body_canon = Canonicalization::Simple;
    let signed = sign(PLAIN.as_bytes(), &keys().rsa, &spec);
    let store = store_with(&spec, &keys().rsa);
    let r = check(&replace(&signed, "attached.  ", "attached."), &store);
    assert_eq!(r.signatures[0].reason, "body_changed");
}

#[test]
fn an_added_unsigned_from_passes_with_a_warning_unless_from_is_oversigned() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&prepend("From: Mallory <boss@example.org>\r\n", &raw), &store);
    assert_eq!(r.verdict, Verdict::Pass, "RFC 6376 §8.15: extra instances are receiver policy");
    assert!(codes(&r).contains(&"extra_header_instance"));
    assert!(
        r.headers.iter().any(|h| h.name == "From" && h.value.contains("Mallory") && h.status == FieldStatus::Unsigned)
    );

    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.headers = ["from", "from", "to", "subject", "date"].iter().map(|s| s.to_string()).collect();
    let oversigned = sign(PLAIN.as_bytes(), &keys().rsa, &spec);
    let s = &check(&prepend("From: Mallory <boss@example.org>\r\n", &oversigned), &store_with(&spec, &keys().rsa))
        .signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Fail, "headers_changed"));
}

#[test]
fn unsigned_important_headers_are_named() {
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&prepend("Reply-To: mallory@evil.example\r\n", &raw), &store);
    assert_eq!(r.verdict, Verdict::Pass);
    let w = r.signatures[0].warnings.iter().find(|w| w.code == "unsigned_header").expect("warning");
    assert!(w.message.text.contains("Reply-To"), "{}", w.message.text);
    assert!(r.signatures[0].unsigned_headers.contains(&"reply-to".to_string()));
}

#[test]
fn expired_signature_says_whether_it_was_valid_at_the_message_date() {
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.timestamp = Some(1_456_826_400);
    spec.expires = Some(1_456_826_400 + 86_400 * 30);
    let signed = sign(PLAIN.as_bytes(), &keys().rsa, &spec);
    let s = &check(&signed, &store_with(&spec, &keys().rsa)).signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Permerror, "expired"));
    assert_eq!(s.valid_at_message_date, Some(true));
    assert!(s.explanation.text.contains("had not yet expired at the message's Date"), "{}", s.explanation.text);
    // Judged before expiry it passes.
    let r = common::verify_en(&signed, &store_with(&spec, &keys().rsa), &Options::at(1_456_826_400 + 60));
    assert_eq!(r.verdict, Verdict::Pass);
}

#[test]
fn weak_and_compromised_keys_prove_nothing() {
    // RFC 8301 §3.2: a signature under an RSA key of fewer than 1024 bits is not valid; the
    // report still says that the arithmetic matched, and the assessment is proves_nothing.
    let spec = Spec::new(Algorithm::RsaSha256);
    let signed = sign(PLAIN.as_bytes(), &keys().weak, &spec);
    let store = store_with(&spec, &keys().weak);
    let r = check(&signed, &store);
    let s = &r.signatures[0];
    assert_eq!((r.verdict, s.reason), (Verdict::Permerror, "weak_key"));
    assert_eq!((s.header_signature_valid, s.body_hash_matches), (Some(true), Some(true)));
    assert_eq!((r.assessment.status, s.key.as_ref().map(|k| k.bits)), (Status::ProvesNothing, Some(512)));
    assert_eq!(
        r.summary,
        "The signature matches a 512-bit key of example.org, which anyone can factor: it proves nothing."
    );
    // Whose arithmetic does not match: failed.
    let r = check(&replace(&signed, "attached.", "attached!"), &store);
    assert_eq!((r.signatures[0].reason, r.assessment.status), ("weak_key", Status::Failed));
    assert_eq!(r.signatures[0].header_signature_valid, Some(true));

    let (raw, _) = signed_plain(Algorithm::RsaSha256);
    let mut store = KeyStore::new();
    let provenance = Provenance { flags: vec![KeyFlag::Compromised], ..Provenance::origin("bundled archive") };
    store.add("test._domainkey.example.org", &keys().rsa.record(), provenance);
    let r = check(&raw, &store);
    assert_eq!(r.verdict, Verdict::Pass);
    assert!(codes(&r).contains(&"compromised_key"));
    assert!(r.summary.contains("proves nothing"), "{}", r.summary);

    // The same key published under another name (and written as another record) is still
    // known to be compromised.
    store.add(
        "other._domainkey.example.org",
        &keys().rsa.record().replace("v=DKIM1; ", ""),
        Provenance::origin("added by you"),
    );
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.selector = "other".into();
    let r = check(&sign(PLAIN.as_bytes(), &keys().rsa, &spec), &store);
    assert_eq!(r.signatures[0].key.as_ref().map(|k| k.provenance.origin.as_str()), Some("added by you"));
    assert!(codes(&r).contains(&"compromised_key"));
    assert_eq!(r.assessment.status, Status::ProvesNothing);
}

#[test]
fn a_selector_with_two_keys_finds_the_one_that_verifies() {
    let (raw, _) = signed_plain(Algorithm::RsaSha256);
    let mut store = KeyStore::new();
    store.add("test._domainkey.example.org", &keys().other_rsa.record(), Provenance::origin("old key"));
    store.add("test._domainkey.example.org", &keys().rsa.record(), Provenance::origin("new key"));
    let r = check(&raw, &store);
    assert_eq!(r.verdict, Verdict::Pass);
    let key = r.signatures[0].key.as_ref().unwrap();
    assert_eq!((key.provenance.origin.as_str(), key.candidates), ("new key", 2));
    // With only the wrong key, the header signature fails while the body is intact.
    let mut wrong = KeyStore::new();
    wrong.add("test._domainkey.example.org", &keys().other_rsa.record(), Provenance::origin("old key"));
    assert_eq!(check(&raw, &wrong).signatures[0].reason, "headers_changed");
}

#[test]
fn key_problems_give_their_reasons() {
    let (raw, _) = signed_plain(Algorithm::RsaSha256);
    let cases = [
        ("v=DKIM1; p=", Verdict::Permerror, "key_revoked"),
        ("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", Verdict::Permerror, "key_type_mismatch"),
        ("v=DKIM1; h=sha1; p=AAAA", Verdict::Permerror, "bad_key"),
    ];
    for (record, verdict, reason) in cases {
        let mut store = KeyStore::new();
        store.add("test._domainkey.example.org", record, Provenance::origin("t"));
        let s = &check(&raw, &store).signatures[0];
        assert_eq!((s.result, s.reason), (verdict, reason), "{record}");
    }
    let mut hash_limited = KeyStore::new();
    let record = keys().rsa.record().replace("v=DKIM1; ", "v=DKIM1; h=sha1; ");
    hash_limited.add("test._domainkey.example.org", &record, Provenance::origin("t"));
    assert_eq!(check(&raw, &hash_limited).signatures[0].reason, "key_hash_not_allowed");
    // Not known offline: neutral, not a failure.
    let s = &check(&raw, &KeyStore::new()).signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Neutral, "no_key"));
    let mut dns = KeyStore::new();
    dns.set_temp_failure("test._domainkey.example.org", "timeout");
    assert_eq!(check(&raw, &dns).signatures[0].result, Verdict::Temperror);
}

#[test]
fn lf_only_files_and_mbox_lines_are_checked_as_sent_and_noted() {
    let (raw, store) = signed_plain(Algorithm::Ed25519Sha256);
    let lf = String::from_utf8(raw.clone()).unwrap().replace("\r\n", "\n");
    let r = check(lf.as_bytes(), &store);
    assert_eq!(r.verdict, Verdict::Pass);
    assert!(r.notes.iter().any(|n| n.text.contains("LF line endings")));
    let mut mbox = b"From alice@example.org Tue Mar  1 10:00:00 2016\r\n".to_vec();
    mbox.extend_from_slice(&raw);
    let r = check(&mbox, &store);
    assert_eq!(r.verdict, Verdict::Pass);
    assert!(r.notes.iter().any(|n| n.text.contains("mbox")));
}

#[test]
fn alignment_and_header_marks() {
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.domain = "mailer.example.com".into();
    let signed = sign(PLAIN.as_bytes(), &keys().rsa, &spec);
    let r = check(&signed, &store_with(&spec, &keys().rsa));
    assert_eq!((r.verdict, r.aligned), (Verdict::Pass, Some(false)));
    assert!(r.summary.contains("which is not the domain of the From address"), "{}", r.summary);
    let (raw, store) = signed_plain(Algorithm::RsaSha256);
    let r = check(&raw, &store);
    assert_eq!(r.aligned, Some(true));
    let signed: Vec<&str> =
        r.headers.iter().filter(|h| h.status == FieldStatus::Verified).map(|h| h.name.as_str()).collect();
    assert_eq!(signed, ["From", "To", "Subject", "Date"]);
}

#[test]
fn l_longer_than_the_body_is_a_permerror() {
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.body_length = Some(Some(10_000));
    let signed = sign(PLAIN.as_bytes(), &keys().rsa, &spec);
    let s = &check(&signed, &store_with(&spec, &keys().rsa)).signatures[0];
    assert_eq!((s.result, s.reason), (Verdict::Permerror, "body_length_exceeds_body"));
}

#[test]
fn mbox_from_quoting_is_a_named_repair() {
    let message = "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHello\r\nFrom here on, all is well.\r\n>From a quote.\r\n";
    for canon in [Canonicalization::Simple, Canonicalization::Relaxed] {
        let mut spec = Spec::new(Algorithm::RsaSha256);
        spec.body_canon = canon;
        let signed = sign(message.as_bytes(), &keys().rsa, &spec);
        let store = store_with(&spec, &keys().rsa);
        // As an mbox writer (mboxrd) stores it.
        let stored = replace(
            &replace(&signed, "\r\n>From a quote", "\r\n>>From a quote"),
            "\r\nFrom here on",
            "\r\n>From here on",
        );
        // A named repair: the signature stays failed (tests/repairs.rs).
        let r = check(&stored, &store);
        assert_eq!(r.verdict, Verdict::Fail, "{canon:?}: {}", r.summary);
        assert_eq!(r.signatures[0].repair.as_ref().map(|r| r.code), Some("mbox_quoting"));
        // Other changes still fail.
        let r = check(&replace(&stored, "Hello", "Hullo"), &store);
        assert_eq!(r.signatures[0].reason, "body_changed");
        assert_eq!(r.signatures[0].repair, None);
    }
}

#[test]
fn internationalized_signing_domains_are_looked_up_as_a_labels() {
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.domain = "bücher.example".into();
    let signed = sign("From: a@bücher.example\r\nTo: b@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n".as_bytes(), &keys().ed, &spec);
    let mut store = KeyStore::new();
    store.add_zone(&dkimcheck::keys::zone_line("test", "xn--bcher-kva.example", &keys().ed.record()), "zone");
    let r = check(&signed, &store);
    assert_eq!(r.verdict, Verdict::Pass, "{}", r.summary);
    assert_eq!(r.signatures[0].key.as_ref().map(|k| k.name.as_str()), Some("test._domainkey.xn--bcher-kva.example"));
}
