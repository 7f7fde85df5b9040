//! The bundled key archive and every way of adding keys: the archive validates, every import
//! path yields a key that verifies, flags change the explanation, dates are compared.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::archive::Archive;
use dkimcheck::keys::{KeyFlag, KeyStore};
use dkimcheck::message::input;
use dkimcheck::report::Verdict;
use dkimcheck::verify::{Options, verify_message};

#[test]
fn the_bundled_archive_is_valid_and_complete() {
    let archive = Archive::bundled();
    assert!(archive.keys.len() >= 57, "{} keys", archive.keys.len());
    assert_eq!(archive.check(), Vec::<String>::new());
    let store = KeyStore::with_bundled_archive();
    for e in store.entries() {
        assert!(e.parsed.is_ok(), "{}: {:?}", e.name, e.parsed.as_ref().err());
    }
    // The key of the Podesta-era Gmail mail, and the compromised RFC 8463 example keys.
    assert!(archive.keys.iter().any(|k| k.domain == "gmail.com" && k.selector == "20120113" && k.bits == 2048));
    let rfc = archive.keys.iter().find(|k| k.selector == "brisbane").unwrap();
    assert!(rfc.flags.contains(&KeyFlag::Compromised));
}

#[test]
fn a_real_2015_gmail_message_verifies_with_the_bundled_key_and_its_window() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/gmail.msg")).unwrap();
    let r = verify_message(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
    assert_eq!(r.verdict, Verdict::Pass);
    assert_eq!(r.summary, "Signed by gmail.com. Nothing in the signed parts has changed since.");
    let key = r.signatures[0].key.as_ref().unwrap();
    assert_eq!((key.provenance.origin.as_str(), key.bits, key.date_in_window), ("bundled archive", 2048, Some(true)));
    assert!(
        r.signatures[0].explanation.contains("the message is dated within that period"),
        "{}",
        r.signatures[0].explanation
    );
}

fn signed() -> (Vec<u8>, TestKey, Spec) {
    let key = TestKey::ed25519();
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.domain = "import.example".into();
    spec.selector = "k2019".into();
    let msg = sign(b"From: x@import.example\r\nTo: y@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n", &key, &spec);
    (msg, key, spec)
}

fn verdict_with(text: &str, raw: &[u8]) -> (Verdict, dkimcheck::MessageReport) {
    let mut store = KeyStore::new();
    store.import(text, "imported").expect("import");
    let r = verify_message(raw, &store, &Options::at(1_700_000_000));
    (r.verdict, r)
}

#[test]
fn every_import_path_yields_a_working_key() {
    let (raw, key, spec) = signed();
    let record = key.record();
    let dig = format!(
        ";; ANSWER SECTION:\nk2019._domainkey.import.example. 3600 IN TXT \"{}\" \"{}\"\n",
        &record[..20],
        &record[20..]
    );
    let bare = dkimcheck::keys::zone_line("k2019", "import.example", &record);
    let zk = format!(
        r#"[{{"domain":"import.example","selector":"k2019","firstSeenAt":"2015-01-02T00:00:00Z","lastSeenAt":"2017-05-06T00:00:00Z","value":"{record}"}}]"#
    );
    let mut exported = KeyStore::new();
    exported.import(&zk, "zk").unwrap();
    let archive_json = Archive::from_store(&exported).to_json();
    for (name, text) in [("dig", dig), ("bare TXT", bare), ("zk-email", zk), ("archive", archive_json)] {
        let (verdict, r) = verdict_with(&text, &raw);
        assert_eq!(verdict, Verdict::Pass, "{name}: {}", r.summary);
    }
    let (_, r) = verdict_with(&Archive::from_store(&exported).to_json(), &raw);
    let k = r.signatures[0].key.as_ref().unwrap();
    assert_eq!(
        (k.provenance.first_seen.as_deref(), k.provenance.last_seen.as_deref(), k.date_in_window),
        (Some("2015-01-02"), Some("2017-05-06"), Some(true))
    );
    let _ = spec;
}

#[test]
fn a_key_seen_only_after_the_message_date_is_flagged() {
    let (raw, key, _) = signed();
    let json = format!(
        r#"[{{"domain":"import.example","selector":"k2019","firstSeenAt":"2019-01-01","lastSeenAt":"2020-01-01","value":"{}"}}]"#,
        key.record()
    );
    let (verdict, r) = verdict_with(&json, &raw);
    assert_eq!(verdict, Verdict::Pass);
    let w = r.signatures[0].warnings.iter().find(|w| w.code == "key_date_window").expect("window warning");
    assert!(w.text.contains("from 2019-01-01 to 2020-01-01"), "{}", w.text);
}

#[test]
fn a_compromised_archive_key_downgrades_the_verdict_wording() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/rfc8463-example.msg"))
        .unwrap();
    let raw = input::lf_to_crlf(&raw);
    let r = verify_message(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
    assert_eq!(r.verdict, Verdict::Pass);
    assert!(r.summary.contains("proves nothing"), "{}", r.summary);
    for s in &r.signatures {
        assert!(s.warnings.iter().any(|w| w.code == "compromised_key"));
    }
}

#[test]
fn bad_import_text_is_an_error_naming_the_line() {
    let mut store = KeyStore::new();
    let err = store.import("this is not a zone line\n", "x").unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
    let err = store.import("{\"format\": \"other\", \"version\": 1, \"keys\": []}", "x").unwrap_err().to_string();
    assert!(err.contains("unknown archive format"), "{err}");
}
