//! The bundled key archive and every way of adding keys: the archive validates, every import
//! path yields a key that verifies, flags change the explanation, dates are compared.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::archive::{Archive, ArchiveEntry};
use dkimcheck::keys::record::KeyRecord;
use dkimcheck::keys::{KeyFlag, KeyStore};
use dkimcheck::l10n::Lang;
use dkimcheck::message::input;
use dkimcheck::report::Verdict;
use dkimcheck::report::evidence_html::{EvidenceInputs, evidence_html};
use dkimcheck::verify::Options;
use serde_json::Value;
use std::collections::HashSet;

#[test]
fn the_bundled_archive_is_valid_and_complete() {
    let archive = Archive::bundled();
    assert_eq!(archive.check(), Vec::<String>::new());
    let store = KeyStore::with_bundled_archive();
    for e in store.entries() {
        assert!(e.parsed().is_ok(), "{}: {:?}", e.name, e.parsed().as_ref().err());
    }
    // 105 keys (the 105 lines of found.jsonl), 81 domains; 91 distinct keys, the others being
    // the same key under another name (NetEase, googlemail.com, hotmail.com, ...).
    let domains: HashSet<&str> = archive.keys.iter().map(|k| k.domain.as_str()).collect();
    let distinct: HashSet<[u8; 32]> =
        store.entries().iter().filter_map(|e| e.parsed().as_ref().ok()).map(|r| r.key.fingerprint()).collect();
    assert_eq!((archive.keys.len(), domains.len(), distinct.len()), (105, 81, 91));
    let count = |f: KeyFlag| archive.keys.iter().filter(|k| k.flags.contains(&f)).count();
    assert_eq!((count(KeyFlag::Compromised), count(KeyFlag::Weak), count(KeyFlag::Recovered)), (3, 19, 2));
    for k in &archive.keys {
        let recovered = k.flags.contains(&KeyFlag::Recovered);
        let expected = if recovered { "gcd_recovered" } else { "published" };
        assert_eq!(k.provenance.as_deref(), Some(expected), "{}", k.name());
        assert!(k.first_seen.is_some() || recovered || k.domain == "football.example.com", "{}: no date", k.name());
    }
    // The key of the Podesta-era Gmail mail, and the compromised RFC 8463 example keys.
    assert!(archive.keys.iter().any(|k| k.domain == "gmail.com" && k.selector == "20120113" && k.bits == 2048));
    let rfc = archive.keys.iter().find(|k| k.selector == "brisbane").unwrap();
    assert!(rfc.flags.contains(&KeyFlag::Compromised));
}

fn entry<'a>(archive: &'a Archive, domain: &str, selector: &str) -> &'a ArchiveEntry {
    let mut found = archive.keys.iter().filter(|k| k.domain == domain && k.selector == selector);
    let e = found.next().unwrap_or_else(|| panic!("{selector}._domainkey.{domain} is not bundled"));
    assert!(found.next().is_none(), "{selector}._domainkey.{domain} has several keys");
    e
}

#[test]
fn the_pre_2012_gmail_key_and_the_recovered_la_poste_key_are_bundled_as_found() {
    let archive = Archive::bundled();
    let gamma = entry(&archive, "gmail.com", "gamma");
    assert_eq!((gamma.bits, gamma.record.starts_with("k=rsa; t=y; p=MIGf")), (1024, true));
    assert_eq!((gamma.first_seen.as_deref(), gamma.last_seen.as_deref()), (Some("2008-06-02"), Some("2012-02-21")));
    assert_eq!(gamma.same_key_as, ["gamma._domainkey.googlemail.com"]);
    assert!(gamma.flags.is_empty());
    // Confirmed by rebuilding it from four signatures: a [gcd_recovered] copy, not the provenance.
    assert!(gamma.also_found_in.iter().any(|a| a.ends_with(" [gcd_recovered]")));
    let googlemail = entry(&archive, "googlemail.com", "gamma");
    assert_eq!(googlemail.record, gamma.record);
    assert!(googlemail.also_found_in.iter().any(|a| a.ends_with(" [signature_verified]")));

    let laposte = entry(&archive, "laposte.net", "mail0");
    assert_eq!(
        (laposte.provenance.as_deref(), laposte.flags.as_slice(), laposte.bits),
        (Some("gcd_recovered"), [KeyFlag::Recovered].as_slice(), 2048)
    );
    assert_eq!((laposte.first_seen.as_deref(), laposte.last_seen.as_deref()), (Some("2017-10-23"), Some("2018-11-01")));
    assert!(laposte.derived.as_deref().is_some_and(|d| d.contains("never read from DNS")));

    // The 512-bit google.com beta key: weak, but nothing shows it is the key factored in 2012.
    let beta = entry(&archive, "google.com", "beta");
    assert_eq!((beta.bits, beta.flags.as_slice()), (512, [KeyFlag::Weak].as_slice()));
    assert!(beta.notes.as_deref().is_some_and(|n| n.contains("Not flagged compromised")));
    // 768-bit keys are weak too; the same key under two names says so both ways.
    let lima = entry(&archive, "yahoogroups.com", "lima");
    assert_eq!((lima.bits, lima.flags.as_slice()), (768, [KeyFlag::Weak].as_slice()));
    assert_eq!(entry(&archive, "yahoo.com", "s1024").same_key_as, ["s1024._domainkey.yahoo.co.in"]);
    assert_eq!(entry(&archive, "yahoo.co.in", "s1024").same_key_as, ["s1024._domainkey.yahoo.com"]);
}

/// Every line of found.jsonl (beside the repository, see keys/README.md) is in the archive: the
/// same key under the same name, with the flags its fields call for.
#[test]
fn every_key_of_found_jsonl_is_bundled_with_its_flags() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/keys/found.jsonl");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (found.jsonl is expected beside the repository, see keys/README.md)"));
    let archive = Archive::bundled();
    let mut matched = HashSet::new();
    let mut lines = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        let found: Value = serde_json::from_str(line).expect("found.jsonl line");
        let field = |f: &str| found[f].as_str().unwrap_or_default().to_string();
        let (domain, selector, key_type) = (field("domain"), field("selector"), field("key_type"));
        let want = KeyRecord::parse(format!("k={key_type}; p={}", field("p")).as_bytes())
            .expect("found.jsonl p")
            .key
            .fingerprint();
        let hits: Vec<(usize, &ArchiveEntry)> = archive
            .keys
            .iter()
            .enumerate()
            .filter(|(_, k)| k.domain == domain && k.selector == selector)
            .filter(|(_, k)| KeyRecord::parse(k.record.as_bytes()).is_ok_and(|r| r.key.fingerprint() == want))
            .collect();
        assert_eq!(hits.len(), 1, "{selector}._domainkey.{domain}");
        let (i, k) = hits[0];
        matched.insert(i);
        assert_eq!(k.bits as u64, found["bits"].as_u64().unwrap_or_default(), "{}", k.name());
        let weak = key_type == "rsa" && k.bits < 1024;
        assert_eq!(k.flags.contains(&KeyFlag::Weak), weak, "{}", k.name());
        assert_eq!(k.flags.contains(&KeyFlag::Compromised), found.get("compromised").is_some(), "{}", k.name());
        let recovered = found["provenance"] == "gcd_recovered";
        assert_eq!(k.flags.contains(&KeyFlag::Recovered), recovered, "{}", k.name());
        for name in found["same_key_as"].as_array().into_iter().flatten() {
            assert!(k.same_key_as.iter().any(|s| Some(s.as_str()) == name.as_str()), "{}: {name}", k.name());
        }
        assert_eq!(k.source.as_deref(), found["source"].as_str(), "{}", k.name());
    }
    assert_eq!((lines, matched.len(), archive.keys.len()), (105, 105, 105));
}

#[test]
fn check_names_each_inconsistency() {
    let good = entry(&Archive::bundled(), "gmail.com", "gamma").clone();
    let other = entry(&Archive::bundled(), "gmail.com", "20120113").clone();
    let mut bad_same = good.clone();
    bad_same.same_key_as = vec!["20120113._domainkey.gmail.com".into()];
    let mut bad_prov = good.clone();
    bad_prov.selector = "p1".into();
    bad_prov.provenance = Some("guessed".into());
    let mut unflagged = good.clone();
    unflagged.selector = "p2".into();
    unflagged.provenance = Some("gcd_recovered".into());
    let mut marker = good.clone();
    marker.selector = "p3".into();
    marker.same_key_as.clear();
    marker.also_found_in = vec!["somewhere [gcd_recovered check]".into()];
    let archive = Archive { keys: vec![other, bad_same, bad_prov, unflagged, marker], ..Archive::empty() };
    let problems = archive.check().join("\n");
    for expected in [
        "gamma._domainkey.gmail.com: same_key_as 20120113._domainkey.gmail.com, but that name holds another key",
        "p1._domainkey.gmail.com: unknown provenance \"guessed\"",
        "p2._domainkey.gmail.com: provenance gcd_recovered needs the recovered flag",
        "p3._domainkey.gmail.com: unknown also_found_in marker [gcd_recovered check]",
    ] {
        assert!(problems.contains(expected), "{expected}\n{problems}");
    }
}

#[test]
fn a_real_2009_gmail_message_signed_with_gamma_verifies_with_the_bundled_keys_alone() {
    // Real Gmail mail of 2009-09-28 (Apache jDKIM's corpus), d=gmail.com; s=gamma, no t= or x=.
    for file in ["gamma_gmail.com.eml", "gamma_gmail.com_duplicateheaders.eml"] {
        let path = format!("{}/tests/vectors/apache-james-jdkim/messages/{file}", env!("CARGO_MANIFEST_DIR"));
        let raw = std::fs::read(&path).unwrap();
        let without = common::verify_en(&raw, &KeyStore::new(), &Options::at(1_700_000_000));
        assert_eq!((without.verdict, without.signatures[0].reason), (Verdict::Neutral, "no_key"), "{file}");
        let r = common::verify_en(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
        assert_eq!(r.verdict, Verdict::Pass, "{file}: {}", r.summary);
        let s = &r.signatures[0];
        assert_eq!(
            (s.domain.as_deref(), s.selector.as_deref(), s.reason),
            (Some("gmail.com"), Some("gamma"), "verified")
        );
        let key = s.key.as_ref().expect("key used");
        assert_eq!(
            (key.name.as_str(), key.provenance.origin.as_str(), key.bits, key.testing, key.date_in_window),
            ("gamma._domainkey.gmail.com", "bundled archive", 1024, true, Some(true)),
            "{file}"
        );
        // t=y: a pass, with the testing warning (its wording is another issue's).
        let codes: Vec<&str> = s.warnings.iter().map(|w| w.code).collect();
        assert!(codes.contains(&"testing_key"), "{file}: {codes:?}");
        assert!(
            !codes.iter().any(|c| ["weak_key", "compromised_key", "recovered_key", "key_date_window"].contains(c)),
            "{file}: {codes:?}"
        );
    }
}

#[test]
fn a_real_2015_gmail_message_verifies_with_the_bundled_key_and_its_window() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/gmail.msg")).unwrap();
    let r = common::verify_en(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
    assert_eq!(r.verdict, Verdict::Pass);
    assert_eq!(r.summary, "Signed by gmail.com. Nothing in the signed parts has changed since.");
    let key = r.signatures[0].key.as_ref().unwrap();
    assert_eq!((key.provenance.origin.as_str(), key.bits, key.date_in_window), ("bundled archive", 2048, Some(true)));
    assert!(
        r.signatures[0].explanation.text.contains("the message is dated within that period"),
        "{}",
        r.signatures[0].explanation
    );
}

/// When the key was seen is one message on the report (`seen`), worded by the core: the JSON
/// carries it, the explanation and the evidence report's "Seen" row say it, in each language.
#[test]
fn the_period_a_key_was_seen_is_one_message_in_words() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/gmail.msg")).unwrap();
    let r = common::verify_en(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
    let key = r.signatures[0].key.as_ref().unwrap();
    let seen = key.seen.as_deref().expect("a period");
    assert_eq!(seen.text, "from January 2012 to October 2016");
    assert!(r.signatures[0].explanation.text.contains(", seen from January 2012 to October 2016;"));
    // The JSON keeps the dates as data, and the period as a message the page renders.
    let json: Value = serde_json::from_str(&r.to_json_line()).unwrap();
    let k = &json["signatures"][0]["key"];
    assert_eq!((k["first_seen"].as_str(), k["last_seen"].as_str()), (Some("2012-01"), Some("2016-10")));
    assert_eq!(
        (k["seen"]["id"].as_str(), k["seen"]["args"]["first_kind"].as_str()),
        (Some("window-from-to"), Some("month"))
    );
    assert_eq!(k["seen"]["text"].as_str(), Some("from January 2012 to October 2016"));
    for (lang, row) in [
        (Lang::En, "<th>Seen in public sources</th><td>from January 2012 to October 2016</td>"),
        (Lang::Fr, "<th>Vue dans des sources publiques</th><td>entre janvier 2012 et octobre 2016</td>"),
    ] {
        let html = evidence_html(&r, &raw, &EvidenceInputs { wasm_sha256: None, lang });
        assert!(html.contains(row), "{lang:?}: {row} not in the evidence report");
        assert!(!html.contains("2012-01 – "), "{lang:?}: an ISO month in the evidence report");
    }
    // A key known from no public source has no period: the row says so.
    let (raw, key, spec) = signed();
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "test");
    let r = common::verify_en(&raw, &store, &Options::at(1_700_000_000));
    assert_eq!(r.signatures[0].key.as_ref().map(|k| k.seen.is_none()), Some(true));
    let html = evidence_html(&r, &raw, &EvidenceInputs { wasm_sha256: None, lang: Lang::Fr });
    assert!(html.contains("<th>Vue dans des sources publiques</th><td>aucune date connue</td>"));
}

/// Where a key came from is one message on the report (`origin_words`), worded by the core in
/// each language: the JSON keeps the origin label as data, the evidence report says it in words.
#[test]
fn where_a_key_came_from_is_one_message_in_words() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/gmail.msg")).unwrap();
    let r = common::verify_en(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
    let json: Value = serde_json::from_str(&r.to_json_line()).unwrap();
    let k = &json["signatures"][0]["key"];
    assert_eq!(k["origin"].as_str(), Some("bundled archive"));
    assert_eq!(k["origin_words"]["id"].as_str(), Some("key-origin-bundled"));
    assert_eq!(k["origin_words"]["text"].as_str(), Some("the bundled archive"));
    for (lang, row) in [
        (Lang::En, "<th>Where the key comes from</th><td>the bundled archive</td>"),
        (Lang::Fr, "<th>Provenance de la clé</th><td>l’archive intégrée</td>"),
    ] {
        let html = evidence_html(&r, &raw, &EvidenceInputs { wasm_sha256: None, lang });
        assert!(html.contains(row), "{lang:?}: {row} not in the evidence report");
    }
    // A key from a keys file: the file is named, in French too.
    let (raw, key, spec) = signed();
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "keys file extra.zone");
    let r = common::verify_en(&raw, &store, &Options::at(1_700_000_000));
    let html = evidence_html(&r, &raw, &EvidenceInputs { wasm_sha256: None, lang: Lang::Fr });
    assert!(
        html.contains("<th>Provenance de la clé</th><td>fichier de clés extra.zone</td>"),
        "the keys file's name in French"
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
    let r = common::verify_en(raw, &store, &Options::at(1_700_000_000));
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
    assert!(w.message.text.contains("from January 1, 2019 to January 1, 2020"), "{}", w.message.text);
}

#[test]
fn a_compromised_archive_key_downgrades_the_verdict_wording() {
    let raw = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/mimekit/messages/rfc8463-example.msg"))
        .unwrap();
    let raw = input::lf_to_crlf(&raw);
    let r = common::verify_en(&raw, &KeyStore::with_bundled_archive(), &Options::at(1_700_000_000));
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
