//! DomainKeys and ARC, sign-then-verify with keys generated here: DomainKeys signatures
//! (simple, nofws, with and without h=) and ARC chains of 1 to 3 sets, then single mutations
//! (a body byte, a sealed header, a broken cv=, a missing set) with the exact result and reason
//! they must give; property tests feed random ARC sets and DomainKey-Signature values.

mod common;

use common::signer::{ArcHop, Spec, TestKey, arc_seal, sign, sign_domainkeys};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::domainkeys::canon::DkCanonicalization;
use dkimcheck::keys::KeyStore;
use dkimcheck::report::{ArcStep, Basis, DomainKeyStep, MessageReport, Status, Verdict};
use dkimcheck::verify::{Options, verify_message};

/// Verifies and words the report in English.
fn verify_en(raw: &[u8], keys: &dkimcheck::KeyStore, options: &Options) -> dkimcheck::MessageReport {
    common::verify_en(raw, keys, options)
}
use proptest::prelude::*;
use std::sync::OnceLock;

const AT: u64 = 1_700_000_000;

const MESSAGE: &str = "From: Alice <alice@example.org>\r\nTo: list@lists.example.net\r\nSubject: Quarterly  numbers\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHello,\r\n\r\nThe numbers are\tattached.  \r\n\r\n\r\n";

struct Keys {
    author: TestKey,
    hops: [TestKey; 3],
    weak: TestKey,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys {
        author: TestKey::rsa(1024),
        hops: [TestKey::rsa(1024), TestKey::rsa(2048), TestKey::ed25519()],
        weak: TestKey::rsa(512),
    })
}

fn check(raw: &[u8], zone: &str) -> MessageReport {
    let mut store = KeyStore::new();
    store.set_authoritative(true);
    let (_, errors) = store.add_zone(zone, "test");
    assert!(errors.is_empty(), "{errors:?}");
    verify_en(raw, &store, &Options::at(AT))
}

fn replace(raw: &[u8], from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(raw.to_vec()).expect("test messages are UTF-8");
    assert!(text.contains(from), "{from:?} not in the message");
    text.replacen(from, to, 1).into_bytes()
}

// ---- DomainKeys ----

fn dk_zone(key: &TestKey, granularity: Option<&str>) -> String {
    let record = key.record().replace("v=DKIM1; ", "");
    let record = match granularity {
        Some(g) => format!("g={g}; {record}"),
        None => record,
    };
    dkimcheck::keys::zone_line("dk", "example.org", &record)
}

fn dk_signed(canon: DkCanonicalization, headers: Option<&[&str]>) -> Vec<u8> {
    sign_domainkeys(MESSAGE.as_bytes(), &keys().author, "example.org", "dk", canon, headers)
}

#[test]
fn domainkeys_simple_and_nofws_verify_with_and_without_h() {
    let zone = dk_zone(&keys().author, None);
    for canon in [DkCanonicalization::Simple, DkCanonicalization::Nofws] {
        for headers in [None, Some(&["subject", "from", "to"][..])] {
            let r = check(&dk_signed(canon, headers), &zone);
            assert_eq!(r.domainkeys.len(), 1);
            let dk = &r.domainkeys[0];
            assert_eq!((dk.result, dk.reason), (Verdict::Pass, "verified"), "{canon:?} {headers:?}: {:?}", dk.detail);
            assert_eq!(dk.sending_address.as_deref(), Some("alice@example.org"));
            assert!(dk.explanation.text.contains("DomainKeys") && dk.explanation.text.contains("weaker evidence"));
            assert!(dk.warnings.iter().any(|w| w.code == "sha1"));
            assert!(r.signatures.is_empty() && r.summary.contains("DomainKeys only"), "{}", r.summary);
            assert_eq!((r.assessment.status, r.assessment.basis), (Status::Verified, Some(Basis::DomainKeys)));
            assert!(r.summary.contains("weaker kind of verified"), "{}", r.summary);
            assert_eq!(r.fields.get("from").map(|s| s.as_str()), Some("verified"));
        }
    }
}

#[test]
fn domainkeys_mutations_give_their_reasons() {
    let zone = dk_zone(&keys().author, None);
    let expect = |raw: &[u8], zone: &str, result: Verdict, reason: &str, step: DomainKeyStep| {
        let r = check(raw, zone);
        let dk = &r.domainkeys[0];
        assert_eq!((dk.result, dk.reason, dk.category), (result, reason, Some(step)), "{:?}", dk.detail);
        r
    };
    for canon in [DkCanonicalization::Simple, DkCanonicalization::Nofws] {
        let signed = dk_signed(canon, None);
        // One body byte.
        let changed = replace(&signed, "Hello,", "Hallo,");
        let r = expect(&changed, &zone, Verdict::Fail, "message_changed", DomainKeyStep::Signature);
        assert!(r.domainkeys[0].explanation.text.contains("cannot tell whether the body or a header changed"));
        // A signed header.
        expect(
            &replace(&signed, "Quarterly", "Annual"),
            &zone,
            Verdict::Fail,
            "message_changed",
            DomainKeyStep::Signature,
        );
        // The sending address moved to another domain.
        let moved = replace(&signed, "alice@example.org", "alice@example.com");
        expect(&moved, &zone, Verdict::Permerror, "domain_mismatch", DomainKeyStep::Domain);
        // No key, a revoked key, a key restricted to another sender.
        expect(&signed, "", Verdict::Permerror, "no_key", DomainKeyStep::Dns);
        let revoked = dkimcheck::keys::zone_line("dk", "example.org", "k=rsa; p=");
        expect(&signed, &revoked, Verdict::Permerror, "key_revoked", DomainKeyStep::Key);
        let restricted = dk_zone(&keys().author, Some("bob"));
        expect(&signed, &restricted, Verdict::Permerror, "key_granularity", DomainKeyStep::Granularity);
        assert_eq!(check(&signed, &dk_zone(&keys().author, Some("alice"))).domainkeys[0].result, Verdict::Pass);
    }
    // nofws ignores every space and line break; simple does not.
    let respaced = |raw: &[u8]| {
        replace(&replace(raw, "Quarterly  numbers", "Quarterly numbers"), "are\tattached.", "are attached.")
    };
    assert_eq!(
        check(&respaced(&dk_signed(DkCanonicalization::Nofws, None)), &zone).domainkeys[0].result,
        Verdict::Pass
    );
    assert_eq!(
        check(&respaced(&dk_signed(DkCanonicalization::Simple, None)), &zone).domainkeys[0].result,
        Verdict::Fail
    );
    // With h=, a field added later is not signed and does not break the signature; without h=
    // a field added below the signature does.
    let with_h = dk_signed(DkCanonicalization::Simple, Some(&["from", "to", "subject", "date"]));
    let added = replace(&with_h, "To: ", "X-Added: yes\r\nTo: ");
    assert_eq!(check(&added, &zone).domainkeys[0].result, Verdict::Pass);
    let added = replace(&dk_signed(DkCanonicalization::Simple, None), "To: ", "X-Added: yes\r\nTo: ");
    assert_eq!(check(&added, &zone).domainkeys[0].result, Verdict::Fail);
}

#[test]
fn domainkeys_weak_keys_and_dkim_beside_it() {
    let signed =
        sign_domainkeys(MESSAGE.as_bytes(), &keys().weak, "example.org", "dk", DkCanonicalization::Simple, None);
    // As for DKIM (RFC 8301): checked, but a key anyone can factor proves nothing.
    let r = check(&signed, &dk_zone(&keys().weak, None));
    let dk = &r.domainkeys[0];
    assert_eq!((dk.result, dk.reason, dk.signature_valid), (Verdict::Permerror, "weak_key", Some(true)));
    assert_eq!((dk.assessment.status, r.assessment.status), (Status::ProvesNothing, Status::ProvesNothing));
    assert!(r.summary.contains("anyone can factor"), "{}", r.summary);
    let changed = replace(&signed, "Hello,", "Hallo,");
    let dk = &check(&changed, &dk_zone(&keys().weak, None)).domainkeys[0];
    assert_eq!((dk.reason, dk.signature_valid, dk.assessment.status), ("weak_key", Some(false), Status::Failed));
    // A DKIM signature on top: the DKIM verdict is the message's; DomainKeys is reported apart.
    let spec = Spec::new(Algorithm::RsaSha256);
    let both = sign(&dk_signed(DkCanonicalization::Nofws, None), &keys().hops[0], &spec);
    let zone = format!("{}\n{}", dk_zone(&keys().author, None), spec.zone_line(&keys().hops[0]));
    let r = check(&both, &zone);
    assert_eq!((r.verdict, r.domainkeys[0].result), (Verdict::Pass, Verdict::Pass));
    // DKIM decides when both verify; DomainKeys when DKIM does not.
    assert_eq!((r.assessment.status, r.assessment.basis), (Status::Verified, Some(Basis::Dkim)));
    let broken_dkim = check(&both, &dk_zone(&keys().author, None));
    assert_eq!(broken_dkim.signatures[0].reason, "no_key");
    assert_eq!(
        (broken_dkim.assessment.status, broken_dkim.assessment.basis),
        (Status::Verified, Some(Basis::DomainKeys))
    );
    assert!(broken_dkim.summary.contains("DomainKeys only"), "{}", broken_dkim.summary);
}

// ---- ARC ----

const DOMAINS: [&str; 3] = ["lists.example.net", "forwarder.example.com", "mx.example.edu"];

/// The message signed by its author (DKIM, example.org), then passed through `n` hops, each
/// recording what it saw and adding an ARC set; hop `footer_by` (0 = the first) adds a footer to
/// the body before sealing, as mailing lists do.
fn chain_with(n: usize, footer_by: usize) -> (Vec<u8>, String) {
    let spec = Spec::new(Algorithm::RsaSha256);
    let mut raw = sign(MESSAGE.as_bytes(), &keys().author, &spec);
    let mut zone = spec.zone_line(&keys().author);
    for (k, domain) in DOMAINS.iter().enumerate().take(n) {
        let dkim = if k <= footer_by { "pass" } else { "fail" };
        let results = format!("mx.{domain}; dkim={dkim} header.d=example.org; spf=pass");
        let mut hop = ArcHop::new(&keys().hops[k], domain, &results);
        if matches!(keys().hops[k], TestKey::Ed25519(_)) {
            hop.algorithm = Algorithm::Ed25519Sha256;
        }
        if k == footer_by {
            raw.extend_from_slice(b"-- \r\nThe list footer\r\n");
        }
        raw = arc_seal(&raw, &hop);
        zone.push('\n');
        zone.push_str(&hop.zone_line());
    }
    (raw, zone)
}

/// [`chain_with`] where the first hop adds the footer.
fn chain(n: usize) -> (Vec<u8>, String) {
    chain_with(n, 0)
}

fn expect_arc(
    raw: &[u8],
    zone: &str,
    result: Verdict,
    reason: &str,
    step: Option<ArcStep>,
    instance: Option<u32>,
) -> MessageReport {
    let r = check(raw, zone);
    let a = &r.arc;
    assert_eq!((a.result, a.reason, a.category, a.failed_instance), (result, reason, step, instance), "{:?}", a.detail);
    assert!(!a.explanation.text.is_empty());
    r
}

#[test]
fn chains_of_one_to_three_sets_validate() {
    for n in 1..=3 {
        let (raw, zone) = chain(n);
        let r = check(&raw, &zone);
        // The footer broke the author's signature; every hop sealed the message with it.
        assert_eq!(r.signatures[0].reason, "body_changed");
        let a = &r.arc;
        assert_eq!((a.result, a.reason, a.instances as usize), (Verdict::Pass, "verified", n), "{n}: {:?}", a.detail);
        assert_eq!(a.oldest_pass, Some(0), "{n}");
        let sealers: Vec<&str> = a.sets.iter().filter_map(|s| s.sealer.as_deref()).collect();
        assert_eq!(sealers, DOMAINS[..n]);
        assert!(a.sets.iter().all(|s| s.seal_valid == Some(true) && s.message_signature_valid == Some(true)));
        let aar = a.sets[0].authentication_results.as_ref().expect("AAR read");
        assert_eq!(aar.authserv_id, "mx.lists.example.net");
        assert_eq!(aar.results[0].signing_domain().as_deref(), Some("example.org"));
        assert!(a.sets[0].summary.text.contains("DKIM pass (example.org)"), "{}", a.sets[0].summary.text);
        assert!(a.explanation.text.contains("their word"), "{}", a.explanation.text);
    }
    // Changed by the second hop: the first hop's message signature no longer matches.
    let (raw, zone) = chain_with(3, 1);
    let a = check(&raw, &zone).arc;
    assert_eq!((a.result, a.oldest_pass), (Verdict::Pass, Some(2)));
    assert_eq!(a.sets[0].message_signature_valid, Some(false));
}

#[test]
fn a_failing_signature_reported_valid_upstream_is_corroborated_never_verified() {
    for footer_by in [0, 1] {
        let (raw, zone) = chain_with(2, footer_by);
        let r = check(&raw, &zone);
        assert_eq!((r.verdict, r.signatures[0].reason), (Verdict::Fail, "body_changed"));
        let c = &r.arc.corroborations;
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].mechanism, c[0].domain.as_str(), c[0].instance), ("dkim", "example.org", 1));
        assert_eq!(c[0].sealer.as_deref(), Some("lists.example.net"));
        assert_eq!(c[0].changed_by_this_hop, footer_by == 0);
        let text = &c[0].explanation.text;
        assert!(text.starts_with("When lists.example.net received this message"), "{text}");
        assert!(text.contains("reported a valid signature by example.org"), "{text}");
        if footer_by == 0 {
            assert!(text.contains("lists.example.net then changed the message"), "{text}");
        } else {
            assert!(text.contains("changed after lists.example.net passed it on"), "{text}");
        }
        assert!(r.summary.contains(text.as_str()), "{}", r.summary);
        for words in [&r.summary, text] {
            assert!(!words.contains("Verified") && !words.contains("verified:"), "{words}");
        }
    }
    // A chain that does not validate corroborates nothing.
    let (raw, zone) = chain(2);
    let broken = replace(&raw, "; spf=pass", "; spf=fail");
    assert!(check(&broken, &zone).arc.corroborations.is_empty());
}

#[test]
fn receiving_servers_results_are_claims_unless_sealed() {
    let (raw, zone) = chain(1);
    let mut message =
        b"Authentication-Results: mx.lists.example.net; dkim=pass header.d=example.org; spf=pass\r\n".to_vec();
    message.extend_from_slice(b"Authentication-Results: mx.evil.example; dkim=pass header.d=bank.example\r\n");
    message.extend_from_slice(&raw);
    let r = check(&message, &zone);
    let claims = &r.authentication_results;
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0].sealed_by.as_deref(), Some("lists.example.net"));
    assert!(
        claims[0].explanation.text.contains("sealed in the ARC chain by lists.example.net"),
        "{}",
        claims[0].explanation.text
    );
    assert_eq!(claims[1].sealed_by, None);
    assert!(claims[1].explanation.text.contains("a claim, not a verification"), "{}", claims[1].explanation.text);
    assert!(claims[1].explanation.text.contains("DKIM pass (bank.example)"), "{}", claims[1].explanation.text);
    // Without a validated chain nothing is vouched for.
    let broken = replace(&message, "Hello,", "Hallo,");
    assert!(check(&broken, &zone).authentication_results.iter().all(|c| c.sealed_by.is_none()));
}

#[test]
fn copied_header_fields_say_what_changed() {
    let message = "From: =?utf-8?q?Fran=C3=A7ois?= <f@example.fr>\r\nTo: bob@example.net\r\nSubject: =?utf-8?q?R=C3=A9union_lundi?=\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nBody\r\n";
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.copy_headers = true;
    let signed = sign(message.as_bytes(), &keys().author, &spec);
    let zone = spec.zone_line(&keys().author);
    let r = check(&signed, &zone);
    assert_eq!(r.signatures[0].result, Verdict::Pass);
    assert_eq!(r.signatures[0].copied_headers.len(), 4);
    assert!(r.signatures[0].copied_headers.iter().all(|c| !c.changed));
    let changed = replace(&signed, "R=C3=A9union_lundi?=\r\n", "R=C3=A9union_mardi?=\r\n");
    let s = &check(&changed, &zone).signatures[0];
    assert_eq!(s.reason, "headers_changed");
    let c: Vec<_> = s.copied_headers.iter().filter(|c| c.changed).collect();
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].when_signed.as_str(), c[0].now.as_deref()), ("Réunion lundi", Some("Réunion mardi")));
    assert!(
        s.explanation.text.contains("Subject was “Réunion lundi” when signed, now “Réunion mardi”"),
        "{}",
        s.explanation
    );
    assert!(s.explanation.text.contains("a hint, not proof"));
    // A change outside the copied fields.
    let other = replace(&signed, "Date: Tue", "Date: Wed");
    let s = &check(&other, &zone).signatures[0];
    assert!(s.explanation.text.contains("Date was"), "{}", s.explanation);
}

#[test]
fn chain_mutations_give_their_reasons() {
    for n in 1..=3u32 {
        let (raw, zone) = chain(n as usize);
        // A body byte.
        let changed = replace(&raw, "Hello,", "Hallo,");
        expect_arc(&changed, &zone, Verdict::Fail, "body_changed", Some(ArcStep::AmsBody), Some(n));
        // A header the newest message signature covers.
        let subject = replace(&raw, "Quarterly", "Annual");
        expect_arc(&subject, &zone, Verdict::Fail, "headers_changed", Some(ArcStep::AmsHeader), Some(n));
        // A sealed header: what the newest hop recorded (its seal covers it).
        let sealed = replace(&raw, "; spf=pass", "; spf=fail");
        expect_arc(&sealed, &zone, Verdict::Fail, "seal_mismatch", Some(ArcStep::Seal), Some(n));
        // A broken cv=.
        let bad_cv = if n == 1 { replace(&raw, "cv=none", "cv=pass") } else { replace(&raw, "cv=pass", "cv=none") };
        expect_arc(&bad_cv, &zone, Verdict::Fail, "bad_cv", Some(ArcStep::Cv), Some(n));
        let marked = if n == 1 { replace(&raw, "cv=none", "cv=fail") } else { replace(&raw, "cv=pass", "cv=fail") };
        let r = expect_arc(&marked, &zone, Verdict::Fail, "chain_marked_failed", Some(ArcStep::Cv), Some(n));
        assert!(r.arc.explanation.text.contains("cv=fail"));
        // A missing set: the oldest one removed.
        let missing = remove_set(&raw, 1);
        if n == 1 {
            let r = check(&missing, &zone);
            assert_eq!(r.arc.result, Verdict::None);
        } else {
            expect_arc(&missing, &zone, Verdict::Fail, "incomplete_set", Some(ArcStep::Structure), Some(1));
        }
        // A key the chain needs is not known here: neutral, not fail.
        let without_newest_key: String =
            zone.lines().filter(|l| !l.contains(DOMAINS[n as usize - 1])).collect::<Vec<_>>().join("\n");
        let mut store = KeyStore::new();
        store.add_zone(&without_newest_key, "test");
        let r = verify_en(&raw, &store, &Options::at(AT));
        assert_eq!((r.arc.result, r.arc.reason, r.arc.category), (Verdict::Neutral, "no_key", Some(ArcStep::Key)));
        // Published nowhere (the store stands for all of DNS): fail.
        expect_arc(&raw, &without_newest_key, Verdict::Fail, "no_key", Some(ArcStep::Key), Some(n));
    }
}

#[test]
fn a_weak_seal_key_fails_the_chain() {
    let mut hop =
        ArcHop::new(&keys().weak, "lists.example.net", "mx.lists.example.net; dkim=pass header.d=example.org");
    hop.selector = "weak".into();
    let raw = arc_seal(MESSAGE.as_bytes(), &hop);
    expect_arc(&raw, &hop.zone_line(), Verdict::Fail, "key_too_short", Some(ArcStep::Key), Some(1));
}

/// The message without the three ARC fields of `instance`.
fn remove_set(raw: &[u8], instance: u32) -> Vec<u8> {
    let text = String::from_utf8(raw.to_vec()).expect("UTF-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("a body");
    let mut fields: Vec<String> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.push_str("\r\n");
                last.push_str(line);
            }
        } else {
            fields.push(line.to_string());
        }
    }
    let tag = format!("i={instance};");
    fields.retain(|f| !(f.starts_with("ARC-") && f.contains(&tag)));
    format!("{}\r\n\r\n{body}", fields.join("\r\n")).into_bytes()
}

// ---- Property tests: no input panics ----

fn tag_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "i=1",
        "i=2",
        "i=51",
        "i=",
        "i=a",
        "a=rsa-sha256",
        "a=rsa-sha1",
        "a=ed25519-sha256",
        "a=",
        "cv=none",
        "cv=pass",
        "cv=fail",
        "cv=",
        "d=example.org",
        "d=",
        "d=***",
        "s=arc",
        "s=",
        "b=AAAA",
        "b=",
        "b=!!",
        "bh=AAAA",
        "bh=",
        "h=from:to",
        "h=",
        "h=arc-seal",
        "c=relaxed/relaxed",
        "c=nofws",
        "c=simple",
        "q=dns",
        "q=",
        "t=12345",
        "t=",
        "l=5",
        "l=99999999999999999999999",
        "x=1",
        "z=From:a=20b|To:c",
        "g=",
        ";",
        " ",
        "\r\n\t",
        "=",
        "(",
        "\"",
        "mx.example; dkim=pass header.d=example.org",
        "spf=pass (x)",
        "\u{e9}",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.join("; "))
}

fn field_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "ARC-Seal",
        "ARC-Message-Signature",
        "ARC-Authentication-Results",
        "DomainKey-Signature",
        "Authentication-Results",
        "DKIM-Signature",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_arc_sets_and_domainkey_signatures_never_panic(
        fields in prop::collection::vec((field_name(), tag_soup()), 0..10),
        body in "[a-z \r\n]{0,40}",
    ) {
        let (raw, zone) = chain(2);
        let mut message: Vec<u8> = Vec::new();
        for (name, value) in &fields {
            message.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        message.extend_from_slice(&raw);
        message.extend_from_slice(body.as_bytes());
        let r = check(&message, &zone);
        prop_assert!(matches!(r.arc.result, Verdict::Pass | Verdict::Fail | Verdict::None | Verdict::Neutral));
        prop_assert!(r.arc.result != Verdict::Pass || fields.iter().all(|(n, _)| !n.starts_with("ARC-")) || r.arc.instances >= 2);
        let _ = r.to_json_line();
    }

    #[test]
    fn truncated_and_mutated_chains_never_panic(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let (mut raw, zone) = chain(3);
        let dk = sign_domainkeys(&raw, &keys().author, "example.org", "dk", DkCanonicalization::Nofws, None);
        raw = dk;
        if flip < raw.len() {
            raw[flip] = byte;
        }
        raw.truncate(cut.min(raw.len()));
        let r = check(&raw, &zone);
        let _ = r.to_json_line();
    }
}

/// The real mail among the vectors (Gmail and Yahoo DomainKeys of 2005-2008; Google, Microsoft,
/// kernel.org and webhostingserver.nl ARC chains) verifies with the bundled archive alone.
#[test]
fn real_domainkeys_and_arc_mail_verifies_with_the_bundled_archive() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let keys = KeyStore::with_bundled_archive();
    let read = |rel: &str| dkimcheck::message::input::lf_to_crlf(&std::fs::read(root.join(rel)).expect("vector file"));
    for (file, domain) in [
        ("perl-mail-dkim-dk/messages/good_dk_gmail.txt", "gmail.com"),
        ("perl-mail-dkim-dk/messages/dk_headers_1.txt", "gmail.com"),
        ("perl-mail-dkim-dk/messages/good_dk_yahoo.txt", "yahoo.com"),
        ("perl-mail-dkim-dk/messages/good_dk_1.txt", "yahoo.com"),
    ] {
        let r = verify_en(&read(file), &keys, &Options::at(AT));
        let dk = &r.domainkeys[0];
        assert_eq!((dk.result, dk.domain.as_deref()), (Verdict::Pass, Some(domain)), "{file}");
        assert_eq!(dk.key.as_ref().map(|k| k.provenance.origin.as_str()), Some("bundled archive"));
    }
    for (file, instances) in
        [("blaze-arc/messages/002.mail", 1), ("blaze-arc/messages/004.mail", 1), ("blaze-arc/messages/005.mail", 3)]
    {
        let r = verify_en(&read(file), &keys, &Options::at(AT));
        assert_eq!((r.arc.result, r.arc.instances), (Verdict::Pass, instances), "{file}: {:?}", r.arc.detail);
        assert!(
            r.arc.sets.iter().all(|s| s.seal_key.as_ref().is_some_and(|k| k.provenance.origin == "bundled archive"))
        );
    }
    let r = verify_en(&read("blaze-arc/messages/006.mail"), &keys, &Options::at(AT));
    assert_eq!((r.arc.result, r.arc.reason), (Verdict::Fail, "chain_marked_failed"));
}

/// Body hashes computed by the caller (the page's WebCrypto path) cover the ARC message
/// signatures too, and give the same report.
#[test]
fn provided_body_hashes_serve_arc_message_signatures() {
    use dkimcheck::dkim::body_hash::{ProvidedBodyHash, body_hash_jobs, canonical_body};
    use sha2::Digest;
    let (raw, zone) = chain(2);
    let mut store = KeyStore::new();
    store.add_zone(&zone, "test");
    // The author signed with relaxed/relaxed, the hops too: one job, plus none for the seals.
    let jobs = body_hash_jobs(&raw);
    assert_eq!(jobs.len(), 1);
    let provided: Vec<ProvidedBodyHash> = jobs
        .iter()
        .map(|&job| {
            let body = canonical_body(&raw, job.canon);
            ProvidedBodyHash { job, digest: sha2::Sha256::digest(&body).to_vec(), canonical_len: body.len() as u64 }
        })
        .collect();
    let plain = verify_message(&raw, &store, &Options::at(AT));
    let with = verify_message(&raw, &store, &Options { body_hashes: provided, ..Options::at(AT) });
    assert_eq!(plain, with);
    assert_eq!(with.arc.result, Verdict::Pass);
    // An ARC message signature alone still asks for its body hash.
    let only_arc = arc_seal(MESSAGE.as_bytes(), &ArcHop::new(&keys().hops[0], "lists.example.net", "mx; none"));
    assert_eq!(body_hash_jobs(&only_arc).len(), 1);
}

/// More than 50 sets fail on the structure; thousands of ARC fields and DomainKey-Signatures are
/// read without trouble (at most `budget::MAX_DOMAINKEY_SIGNATURES` DomainKey-Signatures are
/// evaluated: each hashes the whole message again).
#[test]
fn oversized_chains_and_many_signatures_are_bounded() {
    let mut raw = String::new();
    for i in (1..=51).rev() {
        raw.push_str(&format!(
            "ARC-Seal: i={i}; a=rsa-sha256; cv=pass; d=x.example; s=s; b=AAAA\r\nARC-Message-Signature: i={i}; a=rsa-sha256; d=x.example; s=s; h=from; bh=AAAA; b=AAAA\r\nARC-Authentication-Results: i={i}; x.example; dkim=pass\r\n"
        ));
    }
    raw.push_str(MESSAGE);
    let r = check(raw.as_bytes(), "");
    assert_eq!((r.arc.result, r.arc.category, r.arc.instances), (Verdict::Fail, Some(ArcStep::Structure), 50));
    let mut many = "ARC-Seal: i=1; cv=none\r\n".repeat(5000);
    many.push_str(&"DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws; d=example.org; s=dk; b=AAAA\r\n".repeat(500));
    many.push_str(MESSAGE);
    let r = check(many.as_bytes(), "");
    assert_eq!((r.arc.result, r.arc.reason), (Verdict::Fail, "incomplete_set"));
    assert_eq!(r.domainkeys.len(), dkimcheck::budget::MAX_DOMAINKEY_SIGNATURES);
    assert!(r.notes.iter().any(|n| n.text.contains("500 DomainKeys signatures")), "{:?}", r.notes);
    assert!(r.domainkeys.iter().all(|k| k.result == Verdict::Permerror && k.reason == "no_key"));
}
