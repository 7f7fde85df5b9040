//! Named repairs: each code on a message signed here and then changed in exactly that way; no
//! repair on real tampering (every mutation the other tests make: a changed body byte, a changed
//! word, a changed address, an added field, a truncated body...). A repaired signature stays
//! `fail` and its message `failed`, with the repair as a caveat, never verified.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use dkimcheck::keys::KeyStore;
use dkimcheck::l10n::Lang;
use dkimcheck::report::{Caveat, MessageReport, RepairKind, Status, Verdict};
use dkimcheck::verify::{Options, verify_message};
use std::sync::OnceLock;

const AT: u64 = 1_700_000_000;

const PLAIN: &str = "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: Quarterly  numbers\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nHello Bob,\r\n\r\nThe numbers are\tattached.\r\n\r\n-- \r\nAlice\r\n\r\n";
/// Folded with tabs, as the 2017-2018 laposte.net mail that vger.kernel.org rewrote.
const FOLDED: &str = "From: Alice Example\r\n\t<alice@example.org>\r\nTo: bob@example.net,\r\n\tcarol@example.net\r\nSubject: Patch\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nBody\r\n";

fn key() -> &'static TestKey {
    static KEY: OnceLock<TestKey> = OnceLock::new();
    KEY.get_or_init(|| TestKey::rsa(1024))
}

fn spec(header: Canonicalization, body: Canonicalization) -> Spec {
    let mut spec = Spec::new(Algorithm::RsaSha256);
    spec.header_canon = header;
    spec.body_canon = body;
    spec.headers = ["from", "to", "subject", "date", "message-id"].iter().map(|s| s.to_string()).collect();
    spec
}

fn check(message: &str, spec: &Spec, change: impl Fn(String) -> String) -> MessageReport {
    let signed = String::from_utf8(sign(message.as_bytes(), key(), spec)).expect("utf-8");
    let changed = change(signed.clone());
    assert_ne!(changed, signed, "the change must change something");
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(key()), "test");
    let mut r = verify_message(changed.as_bytes(), &store, &Options::at(AT));
    r.render(Lang::En);
    r
}

fn replace(from: &'static str, to: &'static str) -> impl Fn(String) -> String {
    move |m: String| {
        assert!(m.contains(from), "{from:?} not in the message");
        m.replacen(from, to, 1)
    }
}

/// The repair of the only signature, checking that it stays failed.
fn repaired(r: &MessageReport) -> Option<RepairKind> {
    let s = &r.signatures[0];
    assert_eq!(s.result, Verdict::Fail, "{}", r.summary);
    assert_eq!(r.assessment.status, Status::Failed);
    assert_eq!(s.assessment.status, Status::Failed);
    let repair = s.repair.clone()?;
    assert!(r.assessment.caveats.contains(&Caveat::Repaired));
    assert_eq!(repair.code, repair.args.code());
    assert!(repair.description.text.starts_with("It does not verify as received"), "{}", repair.description.text);
    assert!(r.headline.caveats.contains(&repair.description), "{:?}", r.headline);
    assert!(s.explanation.text.contains(&repair.description.text));
    Some(repair.args)
}

const BOTH: [Canonicalization; 2] = [Canonicalization::Simple, Canonicalization::Relaxed];

#[test]
fn list_footer_is_cut_where_the_signed_part_ends() {
    for canon in BOTH {
        let footer = "_______________________________________________\r\nteam mailing list\r\nhttps://lists.example.org/team\r\n";
        let r = check(PLAIN, &spec(canon, canon), |m| format!("{m}{footer}"));
        let Some(RepairKind::ListFooter { signed_lines, appended_lines, appended_text, appended_bytes, .. }) =
            repaired(&r)
        else {
            panic!("{canon:?}: {:?}", r.signatures[0].repair)
        };
        // Hello Bob, / (empty) / The numbers... / (empty) / -- / Alice
        assert_eq!((signed_lines, appended_lines), (6, 3), "{canon:?}");
        assert!(appended_text.starts_with("___") && appended_text.ends_with("/team"), "{appended_text:?}");
        assert!(appended_bytes > 0);
        assert!(r.signatures[0].explanation.text.contains("last 3 lines"), "{}", r.signatures[0].explanation.text);
    }
}

#[test]
fn list_subject_tag_is_removed() {
    for canon in BOTH {
        for (to, tag) in
            [("Subject: [team] Quarterly", "[team]"), ("Subject: [Team-List 12] Quarterly", "[Team-List 12]")]
        {
            let r = check(PLAIN, &spec(canon, canon), |m| m.replacen("Subject: Quarterly", to, 1));
            assert_eq!(repaired(&r), Some(RepairKind::ListSubjectTag { tag: tag.into() }), "{canon:?} {to}");
        }
    }
}

#[test]
fn header_whitespace_undoes_padding_and_reindenting() {
    let simple = spec(Canonicalization::Simple, Canonicalization::Simple);
    // What vger.kernel.org did: "From:" padded with spaces, tab folding re-indented as 8 spaces.
    let vger = |m: String| {
        m.replacen("From: Alice", "From:   Alice", 1).replacen("\r\n\t<alice", "\r\n        <alice", 1).replacen(
            "\r\n\tcarol",
            "\r\n        carol",
            1,
        )
    };
    let Some(RepairKind::HeaderWhitespace { changes, fields }) = repaired(&check(FOLDED, &simple, vger)) else {
        panic!("no repair")
    };
    assert_eq!(changes, ["colon_space", "indent_tab"]);
    assert_eq!(fields, ["From", "To"]);
    // Re-folded: a long line folded by a list.
    let folded = replace("Subject: Quarterly  numbers", "Subject: Quarterly\r\n  numbers");
    let Some(RepairKind::HeaderWhitespace { changes, .. }) = repaired(&check(PLAIN, &simple, folded)) else {
        panic!("no repair")
    };
    assert_eq!(changes, ["unfold"]);
    // Only a tab made spaces.
    let reindented = |m: String| m.replacen("\r\n\tcarol", "\r\n    carol", 1);
    let Some(RepairKind::HeaderWhitespace { changes, .. }) = repaired(&check(FOLDED, &simple, reindented)) else {
        panic!("no repair")
    };
    assert_eq!(changes, ["indent_tab"]);
}

#[test]
fn header_name_case_is_restored() {
    let simple = spec(Canonicalization::Simple, Canonicalization::Relaxed);
    for (from, to) in [("Subject:", "SUBJECT:"), ("Subject:", "subject:"), ("Message-ID:", "Message-Id:")] {
        let r = check(PLAIN, &simple, |m| m.replacen(from, to, 1));
        let Some(RepairKind::HeaderNameCase { fields }) = repaired(&r) else { panic!("{to}: no repair") };
        assert_eq!(
            (fields[0].received.as_str(), fields[0].signed.as_str()),
            (&to[..to.len() - 1], &from[..from.len() - 1])
        );
    }
}

#[test]
fn body_trailing_whitespace_added_or_removed() {
    let simple = spec(Canonicalization::Relaxed, Canonicalization::Simple);
    let r =
        check(PLAIN, &simple, |m| m.replacen("Hello Bob,", "Hello Bob,  ", 1).replacen("attached.", "attached.\t", 1));
    assert_eq!(repaired(&r), Some(RepairKind::BodyTrailingWhitespace { change: "added", lines: 2 }));
    let r = check(PLAIN, &simple, replace("\r\n-- \r\n", "\r\n--\r\n"));
    assert_eq!(repaired(&r), Some(RepairKind::BodyTrailingWhitespace { change: "removed", lines: 1 }));
}

#[test]
fn mbox_quoting_is_a_repair() {
    let message = "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\nMessage-ID: <2@example.org>\r\n\r\nHello\r\nFrom here on, all is well.\r\n>From a quote.\r\n";
    for canon in BOTH {
        let stored = |m: String| {
            m.replacen("\r\n>From a quote", "\r\n>>From a quote", 1).replacen("\r\nFrom here", "\r\n>From here", 1)
        };
        let r = check(message, &spec(canon, canon), stored);
        assert_eq!(repaired(&r), Some(RepairKind::MboxQuoting { lines: 2 }), "{canon:?}");
    }
}

/// Every tampering the other tests make, under every canonicalization: never a repair.
#[test]
fn no_repair_is_claimed_for_tampering() {
    type Change = Box<dyn Fn(String) -> String>;
    let changes: Vec<(&str, Change)> = vec![
        ("a changed body byte", Box::new(replace("Hello Bob", "Hello Rob"))),
        ("a changed word", Box::new(replace("numbers are", "numbers were"))),
        ("a changed subject word", Box::new(replace("Subject: Quarterly", "Subject: Annual"))),
        ("a changed address", Box::new(replace("To: bob@example.net", "To: eve@example.net"))),
        ("a changed date", Box::new(replace("01 Mar 2016", "02 Mar 2016"))),
        (
            "a changed body and subject",
            Box::new(|m: String| m.replacen("Hello Bob", "Hello Rob", 1).replacen("Quarterly", "Annual", 1)),
        ),
        ("a truncated body", Box::new(replace("-- \r\nAlice\r\n", ""))),
        ("a line removed in the middle", Box::new(replace("Hello Bob,\r\n", ""))),
        (
            "a footer after a changed word",
            Box::new(|m: String| format!("{}footer\r\n", m.replacen("numbers are", "numbers were", 1))),
        ),
        (
            "a tag and a changed word",
            Box::new(|m: String| m.replacen("Subject: Quarterly  numbers", "Subject: [team] Annual  numbers", 1)),
        ),
        ("a bracketed word inserted", Box::new(replace("Subject: Quarterly", "Subject: [fake] Annual"))),
        ("a bare CR in the subject", Box::new(replace("Quarterly  numbers", "Quarterly\r numbers"))),
        ("the From name changed", Box::new(replace("From: Alice <", "From: Mallory <"))),
        ("the signature's d= changed", Box::new(replace("d=example.org", "d=example.org "))),
    ];
    for canon in BOTH {
        for body in BOTH {
            let spec = spec(canon, body);
            for (what, change) in &changes {
                let r = check(PLAIN, &spec, change);
                let s = &r.signatures[0];
                assert_eq!(s.result, Verdict::Fail, "{what} {canon:?}/{body:?}: {}", r.summary);
                assert_eq!(s.repair, None, "{what} {canon:?}/{body:?}");
                assert!(!r.assessment.caveats.contains(&Caveat::Repaired));
                assert_eq!(r.assessment.status, Status::Failed);
            }
        }
    }
    // An added From above a signature that oversigns it.
    let mut oversigned = spec(Canonicalization::Simple, Canonicalization::Simple);
    oversigned.headers.push("from".into());
    let r = check(PLAIN, &oversigned, |m| format!("From: Mallory <boss@example.org>\r\n{m}"));
    assert_eq!((r.signatures[0].reason, &r.signatures[0].repair), ("headers_changed", &None));
}
