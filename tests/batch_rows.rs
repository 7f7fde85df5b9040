//! Batches: the compact row of each message (what the page keeps), the keys needed, the one
//! vocabulary of outcomes and the CSV columns, on real and generated messages.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::KeyStore;
use dkimcheck::report::csv::{CSV_COLUMNS, csv_document};
use dkimcheck::report::{KeysNeeded, Outcome, Row};
use dkimcheck::verify::{Options, verify_message};

const NOW: u64 = 1_793_491_200;

fn vector(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/vectors/{rel}", env!("CARGO_MANIFEST_DIR"))).expect("vector file")
}

fn row(raw: &[u8], keys: &KeyStore, source: &str) -> Row {
    let mut o = Options::as_of_signing(NOW);
    o.source = source.to_string();
    Row::from_report(&verify_message(raw, keys, &o), Some(dkimcheck::l10n::Lang::En))
}

#[test]
fn rows_carry_the_outcome_key_origin_flags_and_missing_keys() {
    let bundled = KeyStore::with_bundled_archive();
    // A real Gmail pass, with the bundled archive's key.
    let gmail = row(&vector("mimekit/messages/gmail.msg"), &bundled, "gmail.eml");
    assert_eq!(gmail.outcome, Outcome::Verified);
    assert_eq!(gmail.assessment.status, "verified");
    assert_eq!(gmail.key_origin.as_deref(), Some("bundled archive"));
    assert_eq!(gmail.signing_domains, ["gmail.com"]);
    assert!(gmail.missing_keys.is_empty());
    // A pass with a key whose private half is public: proves nothing, flagged compromised.
    let rfc = row(&vector("mimekit/messages/rfc8463-example.msg"), &bundled, "rfc.eml");
    assert_eq!(rfc.outcome, Outcome::ProvesNothing);
    assert!(rfc.key_flags.iter().any(|f| f == "compromised"), "{:?}", rfc.key_flags);
    assert!(rfc.assessment.caveats.iter().any(|c| c == "compromised_key"));
    // No key: the name is listed, dated by the message.
    let key = TestKey::ed25519();
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let msg = sign(
        b"From: a@example.org\r\nSubject: R\xc3\xa9servation\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhi\r\n",
        &key,
        &spec,
    );
    let none = row(&msg, &KeyStore::new(), "1.eml");
    assert_eq!(none.outcome, Outcome::NoKey);
    assert_eq!(none.missing_keys, ["test._domainkey.example.org"]);
    assert_eq!(none.subject.as_deref(), Some("Réservation"));
    let mut needed = KeysNeeded::new();
    needed.add_row(&none);
    needed.add_row(&gmail);
    let list = needed.list();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].count, list[0].first.as_deref(), list[0].last.as_deref()),
        (1, Some("2016-03-01"), Some("2016-03-01"))
    );
    // The same message with its key added: verified, and the key's origin says it is yours.
    let mut mine = KeyStore::new();
    mine.import(&spec.zone_line(&key), "added by you").expect("zone");
    let yours = row(&msg, &mine, "1.eml");
    assert_eq!(yours.outcome, Outcome::Verified);
    assert_eq!(yours.key_origin.as_deref(), Some("added by you"));
    assert!(yours.assessment.caveats.iter().any(|c| c == "user_key"));

    // CSV: BOM, the columns, one line per row, semicolons; the accented subject intact.
    let csv = csv_document([&gmail, &rfc, &none, &yours], ';');
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], CSV_COLUMNS.join(";"));
    assert!(lines[2].contains(";proves_nothing;") && lines[2].contains(";compromised;"), "{}", lines[2]);
    assert!(lines[3].contains("test._domainkey.example.org") && lines[3].contains("Réservation"), "{}", lines[3]);
    // Rows go through JSON (the page's export, the wasm boundary) unchanged, but for the
    // headline's message ids, which are not read back (the summary carries the words).
    let json = serde_json::to_string(&none).expect("json");
    assert!(json.contains("\"outcome\":\"no_key\"") && json.contains("\"assessment\":{\"status\":\"no_key\""));
    assert!(json.contains("\"headline\":{\"main\":{\"id\":\"headline-no-key\""), "{json}");
    let back = serde_json::from_str::<Row>(&json).expect("row");
    assert_eq!(Row { headline: none.headline.clone(), ..back }, none);

    // Without a language (the page's workers), the row carries the ids only; in French, French.
    let report = verify_message(&msg, &KeyStore::new(), &Options::as_of_signing(NOW));
    assert_eq!(Row::from_report(&report, None).summary, "");
    let fr = Row::from_report(&report, Some(dkimcheck::l10n::Lang::Fr)).summary;
    assert!(!fr.is_empty() && fr != none.summary, "{fr}");
}
