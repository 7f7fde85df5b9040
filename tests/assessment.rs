//! The one assessment (src/report/assess.rs) on real and generated messages: for each case the
//! exact assessment of the message and of its signature, the statuses of its header fields, and
//! the caveats its headline says. Judged as of signing unless a case says otherwise.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::KeyStore;
use dkimcheck::message::input;
use dkimcheck::report::{Caveat, FieldStatus, MessageReport, Status, TimeSource, Verdict};
use dkimcheck::verify::{Judging, Options};
use std::collections::BTreeMap;

/// "Now" for these tests: 2026-11-01, long after every `x=` of the cases.
const NOW: u64 = 1_793_491_200;

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/vectors/{rel}", env!("CARGO_MANIFEST_DIR"))).expect("vector file")
}

fn zone(rel: &str) -> String {
    String::from_utf8(vector(rel)).expect("zone text")
}

fn bundled(raw: &[u8]) -> MessageReport {
    common::verify_en(raw, &KeyStore::with_bundled_archive(), &Options::as_of_signing(NOW))
}

/// The message assessment's (status, reason, aligned, caveats).
fn summary(r: &MessageReport) -> (Status, Option<&'static str>, Option<bool>, Vec<Caveat>) {
    let a = &r.assessment;
    (a.status, a.reason, a.aligned, a.caveats.clone())
}

fn fields(r: &MessageReport) -> BTreeMap<&str, FieldStatus> {
    r.fields.iter().map(|(k, v)| (k.as_str(), *v)).collect()
}

/// The status of every header row named `name`.
fn rows(r: &MessageReport, name: &str) -> Vec<FieldStatus> {
    r.headers.iter().filter(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.status).collect()
}

use FieldStatus::{CoveredUnverified as Covered, Unsigned, Verified as Green};

#[test]
fn a_real_gmail_pass_is_verified_and_its_fields_green() {
    let r = bundled(&vector("mimekit/messages/gmail.msg"));
    assert_eq!(summary(&r), (Status::Verified, Some("verified"), Some(true), vec![]));
    assert_eq!(r.signatures[0].assessment, r.assessment);
    assert_eq!(r.assessment.domain.as_deref(), Some("gmail.com"));
    assert_eq!(fields(&r), BTreeMap::from([("date", Green), ("from", Green), ("subject", Green), ("to", Green)]));
    assert_eq!((rows(&r, "received")[0], rows(&r, "message-id")[0]), (Unsigned, Green));
    assert_eq!((r.verdict, r.aligned), (Verdict::Pass, Some(true)));
    assert_eq!(r.summary, "Signed by gmail.com. Nothing in the signed parts has changed since.");
    // Judged as of signing: Gmail's signatures of the time had no t=, so at the message's Date.
    let judged = r.signatures[0].judged_at.expect("judged");
    assert_eq!(judged.from, TimeSource::MessageDate);
    assert_eq!((r.judged_at.mode, r.judged_at.time, r.judged_at.now), ("as_of_signing", None, NOW));
}

#[test]
fn a_compromised_key_pass_proves_nothing_and_marks_nothing_green() {
    // RFC 8463's example keys: their private halves are in the RFC.
    let r = bundled(&vector("mimekit/messages/rfc8463-example.msg"));
    assert_eq!(r.verdict, Verdict::Pass, "the RFC 8601 result is still pass");
    assert_eq!(summary(&r), (Status::ProvesNothing, Some("verified"), Some(true), vec![Caveat::CompromisedKey]));
    assert!(r.signatures.iter().all(|s| s.assessment.status == Status::ProvesNothing));
    assert_eq!(
        fields(&r),
        BTreeMap::from([("date", Covered), ("from", Covered), ("subject", Covered), ("to", Covered)])
    );
    assert!(r.headers.iter().all(|h| h.status != Green));
    assert_eq!(r.aligned, None, "aligned speaks of verified signatures only");
    assert!(r.summary.contains("proves nothing"), "{}", r.summary);
}

#[test]
fn body_changed_and_header_changed_fail_and_mark_covered_fields_unverified() {
    let r = bundled(&vector("mimekit/messages/gmail-fail-body.msg"));
    assert_eq!(summary(&r), (Status::Failed, Some("body_changed"), Some(true), vec![]));
    assert_eq!(fields(&r)["from"], Covered);
    assert_eq!(r.summary, "Signed by gmail.com, but the body was changed after signing.");

    let r = bundled(&vector("mimekit/messages/gmail-fail-headers.msg"));
    assert_eq!(summary(&r), (Status::Failed, Some("headers_changed"), Some(true), vec![]));
    assert_eq!(
        fields(&r),
        BTreeMap::from([("date", Covered), ("from", Covered), ("subject", Covered), ("to", Covered)])
    );
    assert!(r.summary.contains("or the signature was never made with gmail.com's key"), "{}", r.summary);
    let s = &r.signatures[0];
    assert!(
        s.explanation.text.contains("the signed headers (such as From, Subject or Date) changed after signing, or")
    );
}

#[test]
fn no_key_marks_named_fields_covered_unverified() {
    let r = bundled(&vector("dkimpy/messages/ed25519test2.msg"));
    assert_eq!(summary(&r), (Status::NoKey, Some("no_key"), Some(false), vec![]));
    assert_eq!(fields(&r), BTreeMap::from([("date", Unsigned), ("from", Covered), ("sender", Unsigned)]));
}

#[test]
fn a_misaligned_pass_says_so_with_the_signed_sender() {
    // gmail.com signed mail From strace.org (a Gmail account sending as another address).
    let r = bundled(&input::lf_to_crlf(&vector("dkimpy/messages/test2.message")));
    assert_eq!(summary(&r), (Status::Verified, Some("verified"), Some(false), vec![Caveat::Misaligned]));
    assert_eq!(r.aligned, Some(false));
    assert_eq!(fields(&r)["sender"], Green);
    assert_eq!(
        r.headline.caveats.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["The signed Sender field is kaner.mail@gmail.com."]
    );
    assert_eq!(
        r.summary,
        "Signed by gmail.com, which is not the domain of the From address (strace.org). Nothing in the signed \
parts has changed since. The signed Sender field is kaner.mail@gmail.com."
    );
}

#[test]
fn a_misaligned_pass_shows_its_i_tag() {
    let key = TestKey::ed25519();
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.domain = "mailer.example.net".into();
    spec.identity = Some("news@mailer.example.net".into());
    let raw = sign(b"From: a@example.org\r\nTo: b@example.com\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n", &key, &spec);
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "keys file test.zone");
    let r = common::verify_en(&raw, &store, &Options::as_of_signing(NOW));
    assert_eq!(
        summary(&r),
        (Status::Verified, Some("verified"), Some(false), vec![Caveat::Misaligned, Caveat::UserKey])
    );
    assert!(r.summary.contains("made on behalf of news@mailer.example.net (i=)"), "{}", r.summary);
    assert!(r.summary.contains("a key that is not in the bundled archive (keys file test.zone)"), "{}", r.summary);
}

#[test]
fn a_testing_key_pass_is_verified_and_the_headline_says_testing() {
    // A real 2009 Gmail message signed with s=gamma; the bundled key record has t=y.
    let r = bundled(&vector("apache-james-jdkim/messages/gamma_gmail.com.eml"));
    assert_eq!(summary(&r), (Status::Verified, Some("verified"), Some(true), vec![Caveat::TestingKey]));
    assert!(r.summary.contains("marked this key as in testing (t=y); that does not weaken"), "{}", r.summary);
    assert_eq!(fields(&r)["from"], Green);
}

#[test]
fn a_512_bit_key_proves_nothing_under_rfc_8301() {
    // Mail::DKIM's 512-bit messiah.edu key: the arithmetic matches; RFC 8301 §3.2 forbids calling it valid.
    let mut store = KeyStore::new();
    store.add_zone(&zone("perl-mail-dkim/keys.zone"), "keys file keys.zone");
    let r = common::verify_en(&vector("perl-mail-dkim/messages/goodkey_1.txt"), &store, &Options::as_of_signing(NOW));
    let s = &r.signatures[0];
    assert_eq!((s.result, s.reason, s.key.as_ref().map(|k| k.bits)), (Verdict::Permerror, "weak_key", Some(512)));
    assert_eq!((s.header_signature_valid, s.body_hash_matches), (Some(true), Some(true)));
    assert_eq!(summary(&r), (Status::ProvesNothing, Some("weak_key"), Some(true), vec![Caveat::WeakKey]));
    assert_eq!(
        fields(&r),
        BTreeMap::from([("date", Covered), ("from", Covered), ("subject", Covered), ("to", Covered)])
    );
    assert_eq!(
        r.summary,
        "The signature matches a 512-bit key of messiah.edu, which anyone can factor: it proves nothing."
    );
    assert!(
        s.explanation.text.starts_with("The signature matches messiah.edu's 512-bit RSA key, which anyone can factor")
    );
}

/// The Topicbox message of Stalwart's vectors: t=1667843664, x=1667930064 (one day later).
fn topicbox() -> (Vec<u8>, KeyStore) {
    let file = vector("stalwart-mail-auth/messages/dkim/005.txt");
    let raw = input::lf_to_crlf(&file[269..]);
    let head = String::from_utf8_lossy(&file[..269]).into_owned();
    let (name, record) = head.lines().next().and_then(|l| l.split_once(' ')).expect("DNS line");
    let mut store = KeyStore::new();
    store.add(name, record, dkimcheck::keys::Provenance::origin("keys file topicbox.zone"));
    (raw, store)
}

#[test]
fn an_x_signature_expired_today_is_verified_as_of_signing_and_expired_at_now() {
    let (raw, store) = topicbox();
    let r = common::verify_en(&raw, &store, &Options::as_of_signing(NOW));
    let s = &r.signatures[0];
    assert_eq!(summary(&r), (Status::Verified, Some("verified"), Some(true), vec![Caveat::UserKey]));
    assert_eq!(s.judged_at.map(|j| (j.time, j.from)), Some((1_667_843_664, TimeSource::SignatureTimestamp)));
    let expired: Vec<&str> =
        s.warnings.iter().filter(|w| w.code == "expired_since").map(|w| w.message.text.as_str()).collect();
    assert_eq!(
        expired,
        [
            "The signature expired on November 8, 2022 (x=). DKIM expiry tells receivers how long to accept a signature; it \
does not make a genuine signature false. It is judged here as of when it was signed."
        ]
    );
    assert_eq!(fields(&r)["subject"], Green);

    // At now, with a receiver's semantics: permerror expired, assessment invalid.
    let options = Options { judging: Judging::At(NOW), ..Options::as_of_signing(NOW) };
    let r = common::verify_en(&raw, &store, &options);
    let s = &r.signatures[0];
    assert_eq!((s.result, s.reason, s.valid_at_message_date), (Verdict::Permerror, "expired", Some(true)));
    assert_eq!(summary(&r), (Status::Invalid, Some("expired"), Some(true), vec![]));
    assert!(s.warnings.iter().all(|w| w.code != "expired_since"));
    assert_eq!((r.judged_at.mode, r.judged_at.time), ("at", Some(NOW)));
    assert!(
        r.summary.starts_with(
            "Judged at November 1, 2026 (the time you chose), the signature had expired on November 8, 2022"
        )
    );
    assert_eq!(fields(&r)["subject"], Covered);
    // At a time before x= it verifies.
    let r = common::verify_en(&raw, &store, &Options::at(1_667_900_000));
    assert_eq!(r.assessment.status, Status::Verified);
}

#[test]
fn without_t_the_message_date_is_the_judging_time() {
    let key = TestKey::ed25519();
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.timestamp = None;
    let date = 1_456_826_400; // Tue, 01 Mar 2016 10:00:00 +0000
    let msg = b"From: a@example.org\r\nTo: b@example.com\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n";
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "test");
    for (expires, status) in [(date + 3600, Status::Verified), (date - 3600, Status::Invalid)] {
        spec.expires = Some(expires);
        let r = common::verify_en(&sign(msg, &key, &spec), &store, &Options::as_of_signing(NOW));
        let s = &r.signatures[0];
        assert_eq!(s.judged_at.map(|j| (j.time, j.from)), Some((date, TimeSource::MessageDate)));
        assert_eq!(r.assessment.status, status, "x={expires}: {}", r.summary);
    }
}

#[test]
fn l_leaves_a_tail_that_the_headline_and_the_report_show() {
    let key = TestKey::ed25519();
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.body_length = Some(None);
    let signed = sign(
        b"From: a@example.org\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nsigned text\r\n",
        &key,
        &spec,
    );
    let raw = [signed.as_slice(), b"Added later.\r\n"].concat();
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "bundled archive");
    let r = common::verify_en(&raw, &store, &Options::as_of_signing(NOW));
    assert_eq!(summary(&r), (Status::Verified, Some("verified"), Some(true), vec![Caveat::PartialBody]));
    assert_eq!(r.signatures[0].unsigned_body_tail.as_deref(), Some("Added later.\r\n"));
    assert!(
        r.summary.ends_with(
            "The last 14 bytes of the body are not covered by the signature (l=) and could have been added by anyone."
        ),
        "{}",
        r.summary
    );
}

#[test]
fn the_message_takes_its_best_signature_an_aligned_verified_one_first() {
    // Two verified signatures: a mailing-list one (misaligned) on top, the author's below.
    let (author, list) = (TestKey::ed25519(), TestKey::ed25519());
    let author_spec = Spec::new(Algorithm::Ed25519Sha256);
    let mut list_spec = Spec::new(Algorithm::Ed25519Sha256);
    list_spec.domain = "lists.example.net".into();
    let msg = b"From: a@example.org\r\nTo: b@example.com\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n";
    let raw = sign(&sign(msg, &author, &author_spec), &list, &list_spec);
    let mut store = KeyStore::new();
    store.add_zone(&format!("{}\n{}", author_spec.zone_line(&author), list_spec.zone_line(&list)), "bundled archive");
    let r = common::verify_en(&raw, &store, &Options::as_of_signing(NOW));
    assert_eq!(r.signatures[0].assessment.caveats, [Caveat::Misaligned]);
    assert_eq!((r.assessment.signature, r.assessment.aligned), (Some(1), Some(true)));
    assert_eq!(r.summary, "Signed by example.org. Nothing in the signed parts has changed since.");
}

/// The page's end-to-end tests use a message whose signature has `l=` and text appended after
/// signing (tests/e2e/fixtures/partial-body.eml), signed here with a fixed Ed25519 key (Ed25519
/// signatures are deterministic). This keeps the file what this code makes; UPDATE_FIXTURES=1
/// rewrites it.
#[test]
fn the_e2e_partial_body_fixture_is_up_to_date() {
    let key = TestKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&[7; 32]));
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.domain = "example.org".into();
    spec.selector = "e2e".into();
    spec.body_length = Some(None);
    spec.timestamp = Some(1_709_280_000);
    let body = "From: Alice Example <alice@example.org>\r\nTo: Bob <bob@example.net>\r\nSubject: Tuesday\r\n\
                Date: Fri, 01 Mar 2024 08:00:00 +0000\r\n\r\nHi Bob,\r\n\r\nThe meeting moves to Tuesday.\r\n\r\nAlice\r\n";
    let signed = sign(body.as_bytes(), &key, &spec);
    let message = [signed.as_slice(), b"\r\nP.S. Please wire the deposit to account 12345 today.\r\n"].concat();
    let dir = format!("{}/tests/e2e/fixtures", env!("CARGO_MANIFEST_DIR"));
    let zone = format!("{}\n", spec.zone_line(&key));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(format!("{dir}/partial-body.eml"), &message).expect("write fixture");
        std::fs::write(format!("{dir}/partial-body.zone"), &zone).expect("write fixture");
    }
    assert_eq!(std::fs::read(format!("{dir}/partial-body.eml")).ok(), Some(message.clone()), "UPDATE_FIXTURES=1");
    assert_eq!(std::fs::read_to_string(format!("{dir}/partial-body.zone")).ok(), Some(zone.clone()));
    let mut store = KeyStore::new();
    store.add_zone(&zone, "added by you");
    let r = common::verify_en(&message, &store, &Options { with_body: true, ..Options::as_of_signing(NOW) });
    assert_eq!(summary(&r).3, [Caveat::UserKey, Caveat::PartialBody]);
    let tail = r.signatures[0].unsigned_body_tail.as_deref();
    assert_eq!(tail, Some("\r\nP.S. Please wire the deposit to account 12345 today.\r\n"));
}
