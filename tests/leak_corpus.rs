//! A generated leak-like corpus through the CLI: a few hundred messages of 2009–2017 from a few
//! domains, signed with keys made here, a third of them with an `x=` expiry (long past), some
//! tampered, some with an unknown selector, a forged signature or none. Judged as of signing
//! (the default), the CLI agrees 100% with the expected verified / not verified, and every
//! intact `x=` message is verified; with `--at now` exactly those are reported expired.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::text::civil_date::unix_to_date;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

/// A small seeded generator (xorshift64*), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What was done to a message after signing, and so what the verdict must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Intact,
    /// Signed with `l=`, text appended after signing: still verified (with a caveat).
    AppendedAfterLimit,
    BodyChanged,
    SubjectChanged,
    UnknownSelector,
    /// Signed with another key under the published selector.
    Forged,
    Unsigned,
}

impl Kind {
    fn verified(self) -> bool {
        matches!(self, Kind::Intact | Kind::AppendedAfterLimit)
    }
}

/// An RFC 5322 date for unix seconds (UTC).
fn rfc5322(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let ymd = unix_to_date(secs as i64);
    let (y, m, d) = (&ymd[..4], ymd[5..7].parse::<usize>().unwrap(), &ymd[8..10]);
    let t = secs % 86_400;
    format!(
        "{}, {d} {} {y} {:02}:{:02}:{:02} +0000",
        DAYS[(secs / 86_400 % 7) as usize],
        MONTHS[m - 1],
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

struct Generated {
    dir: PathBuf,
    zone: PathBuf,
    /// File name → (kind, has x=).
    expected: BTreeMap<String, (Kind, bool)>,
}

fn generate(count: usize) -> Generated {
    let dir = std::env::temp_dir().join(format!("dkimcheck-leak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x5eed_1eaf_2009_2017);
    // (domain, selector, algorithm, key)
    let signers = [
        ("campaign.example", "s2009", Algorithm::RsaSha256, TestKey::rsa(1024)),
        ("mail.example.fr", "mx", Algorithm::Ed25519Sha256, TestKey::ed25519()),
        ("lists.example.org", "k1", Algorithm::Ed25519Sha256, TestKey::ed25519()),
    ];
    let forger = TestKey::ed25519();
    let mut zone = String::new();
    for (domain, selector, _, key) in &signers {
        zone.push_str(&dkimcheck::keys::zone_line(selector, domain, &key.record()));
        zone.push('\n');
    }
    let mut expected = BTreeMap::new();
    for i in 0..count {
        let (domain, selector, algorithm, key) = &signers[rng.below(signers.len() as u64) as usize];
        let date = 1_230_768_000 + rng.below(9 * 365 * 86_400); // 2009-01-01 .. 2017
        let with_x = rng.below(3) == 0;
        let kind = match rng.below(20) {
            0..=10 => Kind::Intact,
            11 => Kind::AppendedAfterLimit,
            12 | 13 => Kind::BodyChanged,
            14 | 15 => Kind::SubjectChanged,
            16 => Kind::UnknownSelector,
            17 => Kind::Forged,
            _ => Kind::Unsigned,
        };
        let message = format!(
            "From: Person {i} <p{i}@{domain}>\r\nTo: team@{domain}\r\nSubject: Meeting notes {i}\r\nDate: {}\r\n\
             Message-ID: <{i}.{date}@{domain}>\r\n\r\nHello,\r\n\r\nThe figures for week {} are attached.  \r\n\
             Regards\r\n",
            rfc5322(date),
            rng.below(52)
        );
        let mut spec = Spec::new(*algorithm);
        spec.domain = domain.to_string();
        spec.selector = selector.to_string();
        spec.headers = ["from", "to", "subject", "date", "message-id"].iter().map(|s| s.to_string()).collect();
        // Signed a few seconds after the Date; half of the x= signatures carry no t= (judged at the Date).
        spec.timestamp = Some(date + 5).filter(|_| !with_x || rng.below(2) == 0);
        spec.expires = with_x.then_some(date + 5 + 7 * 86_400);
        if kind == Kind::AppendedAfterLimit {
            spec.body_length = Some(None);
        }
        if kind == Kind::UnknownSelector {
            spec.selector = "unpublished".into();
        }
        let signing_key = if kind == Kind::Forged { &forger } else { key };
        let signed =
            if kind == Kind::Unsigned { message.into_bytes() } else { sign(message.as_bytes(), signing_key, &spec) };
        let text = String::from_utf8(signed).unwrap();
        let raw = match kind {
            Kind::AppendedAfterLimit => format!("{text}P.S. this line was added later.\r\n"),
            Kind::BodyChanged => text.replacen("figures", "numbers", 1),
            Kind::SubjectChanged => text.replacen("Subject: Meeting notes", "Subject: Secret notes", 1),
            _ => text,
        };
        let name = format!("{i:04}.eml");
        std::fs::write(dir.join(&name), raw).unwrap();
        expected.insert(name, (kind, with_x && kind != Kind::Unsigned));
    }
    let zone_path = std::env::temp_dir().join(format!("dkimcheck-leak-{}.zone", std::process::id()));
    std::fs::write(&zone_path, zone).unwrap();
    Generated { dir, zone: zone_path, expected }
}

/// Runs the CLI over the corpus; returns file name → (status, reason) of its assessment.
fn run(g: &Generated, extra: &[&str]) -> (Option<i32>, BTreeMap<String, (String, String)>) {
    let out = Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
        .args(["--json", "--keys", g.zone.to_str().unwrap()])
        .args(extra)
        .arg(&g.dir)
        .output()
        .unwrap();
    let reports = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            let name = r["source"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            let a = &r["assessment"];
            (name, (a["status"].as_str().unwrap().to_string(), a["reason"].as_str().unwrap_or("").to_string()))
        })
        .collect();
    (out.status.code(), reports)
}

#[test]
fn a_generated_leak_is_judged_as_of_signing_and_at_now_on_request() {
    let g = generate(300);
    let with_x = g.expected.values().filter(|(_, x)| *x).count();
    let verified_with_x = g.expected.values().filter(|(k, x)| *x && k.verified()).count();
    assert!(with_x >= 60 && verified_with_x >= 30, "{with_x} with x=, {verified_with_x} of them intact");

    let (code, got) = run(&g, &[]);
    assert_eq!(got.len(), g.expected.len());
    let mut disagree = Vec::new();
    for (name, (kind, x)) in &g.expected {
        let (status, reason) = &got[name];
        if (status == "verified") != kind.verified() {
            disagree.push(format!("{name} {kind:?} x={x}: {status} {reason}"));
        }
    }
    assert!(disagree.is_empty(), "{} of {} disagree:\n{}", disagree.len(), got.len(), disagree.join("\n"));
    assert_eq!(code, Some(1), "not every message is verified");
    let expected_reasons = |kind: Kind| match kind {
        Kind::Intact | Kind::AppendedAfterLimit => ("verified", "verified"),
        Kind::BodyChanged => ("failed", "body_changed"),
        Kind::SubjectChanged | Kind::Forged => ("failed", "headers_changed"),
        Kind::UnknownSelector => ("no_key", "no_key"),
        Kind::Unsigned => ("unsigned", ""),
    };
    for (name, (kind, _)) in &g.expected {
        let (status, reason) = &got[name];
        assert_eq!((status.as_str(), reason.as_str()), expected_reasons(*kind), "{name} {kind:?}");
    }

    // At now, with a receiver's semantics: every x= signature has expired.
    let (_, now) = run(&g, &["--at", "now"]);
    for (name, (kind, x)) in &g.expected {
        let (status, reason) = &now[name];
        if *x {
            assert_eq!((status.as_str(), reason.as_str()), ("invalid", "expired"), "{name} {kind:?}");
        } else {
            assert_eq!(now[name], got[name], "{name} {kind:?}: only x= messages change");
        }
    }
    let _ = std::fs::remove_dir_all(&g.dir);
}
