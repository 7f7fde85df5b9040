//! Key recovery: messages signed here with fresh RSA keys (1024 and 2048 bits) give back exactly
//! the signing key; one message, mixed keys and altered messages give no false key; a batch
//! checked with a recovered key says "consistent", never "verified".

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::archive::Archive;
use dkimcheck::keys::{KeyFlag, KeyStore};
use dkimcheck::recover::entry::EntryText;
use dkimcheck::recover::{Collector, GroupOutcome, Unrecovered, recover, samples};
use dkimcheck::report::{Status, Verdict};
use dkimcheck::verify::{Options, verify_message};
use std::sync::OnceLock;

/// Keys generated once for all tests: two of 1024 bits (a rotation), one of 2048, and two of
/// 512 for the cases that must give nothing (the search does not depend on the size; a GCD at
/// 512 bits costs less).
fn keys() -> &'static [TestKey; 5] {
    static KEYS: OnceLock<[TestKey; 5]> = OnceLock::new();
    KEYS.get_or_init(|| {
        [TestKey::rsa(1024), TestKey::rsa(1024), TestKey::rsa(2048), TestKey::rsa(512), TestKey::rsa(512)]
    })
}

/// Message number `n`, signed with `key` at t = 1,500,000,000 + n days.
fn message(key: &TestKey, n: u64) -> Vec<u8> {
    let spec = Spec { timestamp: Some(1_500_000_000 + n * 86_400), ..Spec::new(Algorithm::RsaSha256) };
    let raw = format!(
        "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: Message {n}\r\n\
         Date: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nBody of message {n}.\r\n"
    );
    sign(raw.as_bytes(), key, &spec)
}

/// Recovers from `messages` (named `m0`, `m1`, ...) with an empty key store.
fn recover_from(messages: &[Vec<u8>]) -> GroupOutcome {
    let store = KeyStore::new();
    let mut collector = Collector::new();
    for (i, raw) in messages.iter().enumerate() {
        samples(raw, &format!("m{i}"), &store).into_iter().for_each(|s| collector.add(s));
    }
    let groups = collector.into_groups();
    assert_eq!(groups.len(), 1, "one (d=, s=) group");
    recover(&groups[0])
}

/// The `p=` of a record.
fn p(record: &str) -> &str {
    record.rsplit_once("p=").map_or("", |(_, p)| p)
}

fn sources(outcome: &GroupOutcome, key: usize) -> Vec<&str> {
    outcome.keys[key].messages.iter().map(|m| m.source.as_str()).collect()
}

/// A leak signed under one selector with key A, then B (a rotation), with one more message of
/// A altered after signing; dated: A (m1, m3), B (m0, m2), altered A (m4) last. Recovered once,
/// for the tests that look at it.
fn rotation() -> &'static GroupOutcome {
    static OUTCOME: OnceLock<GroupOutcome> = OnceLock::new();
    OUTCOME.get_or_init(|| {
        let (a, b) = (&keys()[0], &keys()[1]);
        recover_from(&[message(b, 3), message(a, 1), message(b, 4), message(a, 2), altered(&message(a, 5))])
    })
}

#[test]
fn a_rotation_yields_each_1024_bit_signing_key_with_its_own_messages() {
    let (a, b) = (&keys()[0], &keys()[1]);
    let outcome = rotation();
    assert_eq!((outcome.keys.len(), outcome.pairs_tried), (2, 2), "{outcome:?}");
    let found = &outcome.keys[0];
    assert_eq!((found.bits, found.exponent, found.key_name().as_str()), (1024, 65537, "test._domainkey.example.org"));
    assert_eq!(p(&found.record()), p(&a.record()), "the recovered key is the signing key");
    assert_eq!(sources(outcome, 0), ["m1", "m3"]);
    assert_eq!(p(&outcome.keys[1].record()), p(&b.record()));
    assert_eq!(sources(outcome, 1), ["m0", "m2"]);
    // The altered message is credited to no key, and no key comes of it.
    assert_eq!(outcome.unrecovered, [(Unrecovered::TooFew, 1)]);
    let first = &found.messages[0];
    assert_eq!((first.date.as_deref(), first.date_from.as_deref()), (Some("2017-07-15"), Some("t=")));
    assert_eq!(first.sha256.len(), 64);
    // The archive entry passes the archive's own check and reads back.
    let text = EntryText { source: "test".into(), ..EntryText::default() };
    let entry = found.archive_entry(text);
    assert_eq!(
        (entry.provenance.as_deref(), entry.flags.as_slice()),
        (Some("gcd_recovered"), [KeyFlag::Recovered].as_slice())
    );
    assert_eq!((entry.first_seen.as_deref(), entry.last_seen.as_deref()), (Some("2017-07-15"), Some("2017-07-16")));
    assert_eq!(entry.recovered_from.len(), 2);
    let archive = Archive { keys: vec![entry], ..Archive::empty() };
    assert_eq!(archive.check(), Vec::<String>::new());
    assert_eq!(Archive::from_json(&archive.to_json()).expect("the archive format"), archive);
}

#[test]
fn a_2048_bit_key_is_recovered_from_three_messages_and_is_the_signing_key() {
    let key = &keys()[2];
    let outcome = recover_from(&[message(key, 3), message(key, 1), message(key, 2)]);
    assert_eq!(outcome.keys.len(), 1, "{outcome:?}");
    assert_eq!((outcome.keys[0].bits, outcome.pairs_tried), (2048, 1));
    assert_eq!(p(&outcome.keys[0].record()), p(&key.record()));
    // Credited with all three, listed by signing date.
    assert_eq!(sources(&outcome, 0), ["m1", "m2", "m0"]);
}

#[test]
fn one_message_recovers_nothing() {
    let outcome = recover_from(&[message(&keys()[0], 1)]);
    assert!(outcome.keys.is_empty());
    assert_eq!((outcome.unrecovered.as_slice(), outcome.pairs_tried), ([(Unrecovered::TooFew, 1)].as_slice(), 0));
    // The same message twice is one signature.
    let m = message(&keys()[0], 1);
    let outcome = recover_from(&[m.clone(), m]);
    assert_eq!((outcome.signatures, outcome.keys.len()), (1, 0));
}

#[test]
fn two_messages_of_different_keys_recover_nothing() {
    let outcome = recover_from(&[message(&keys()[3], 1), message(&keys()[4], 2)]);
    assert!(outcome.keys.is_empty(), "{outcome:?}");
    assert_eq!(outcome.unrecovered, [(Unrecovered::NoCommonKey, 2)]);
}

/// `raw` with its Subject changed after signing.
fn altered(raw: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(raw).replace("Subject: Message", "Subject: Altered message").into_bytes()
}

#[test]
fn a_message_and_an_altered_one_recover_nothing() {
    let key = &keys()[3];
    let outcome = recover_from(&[message(key, 1), altered(&message(key, 2))]);
    assert!(outcome.keys.is_empty(), "{outcome:?}");
    assert_eq!(outcome.unrecovered, [(Unrecovered::NoCommonKey, 2)]);
}

#[test]
fn known_keys_and_ed25519_signatures_are_not_collected() {
    let key = &keys()[0];
    let spec = Spec::new(Algorithm::RsaSha256);
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(key), "test");
    assert!(samples(&message(key, 1), "m", &store).is_empty());
    let ed = sign(b"From: a@example.org\r\n\r\nx\r\n", &TestKey::ed25519(), &Spec::new(Algorithm::Ed25519Sha256));
    assert!(samples(&ed, "m", &KeyStore::new()).is_empty());
    let found = samples(&message(key, 1), "m", &KeyStore::new());
    assert_eq!((found.len(), found[0].header_hash.len(), found[0].signature.len()), (1, 32, 128));
}

#[test]
fn a_batch_with_the_recovered_key_is_consistent_never_verified() {
    let m1 = message(&keys()[1], 3);
    let found = &rotation().keys[1];
    let mut store = KeyStore::new();
    store.add(
        &found.key_name(),
        &found.record(),
        found.provenance("recovered from these messages", Default::default()),
    );
    let mut report = verify_message(&m1, &store, &Options::at(1_700_000_000));
    report.render(dkimcheck::l10n::Lang::En);
    assert_eq!((report.verdict, report.signatures[0].reason), (Verdict::Pass, "verified"));
    assert_eq!(report.assessment.status, Status::Consistent);
    let s = &report.signatures[0];
    let words = format!("{} {} {:?}", report.summary, s.explanation, s.warnings);
    assert!(
        words.contains(
            "Consistent with one key recovered from 2 of these messages; that key is not known from any public source"
        ),
        "{words}"
    );
    assert!(!words.contains("Verified") && !words.contains("Signed by") && !words.contains("signed by"), "{words}");
    // A body changed after signing still fails, without "signed by".
    let changed = String::from_utf8_lossy(&m1).replace("Body of message", "Changed body of message");
    let mut report = verify_message(changed.as_bytes(), &store, &Options::at(1_700_000_000));
    report.render(dkimcheck::l10n::Lang::En);
    assert_eq!(report.signatures[0].reason, "body_changed");
    let words = format!("{} {}", report.summary, report.signatures[0].explanation);
    assert!(
        !words.contains("Signed by") && !words.contains(" signed the") && !words.contains("signed this"),
        "{words}"
    );
}
