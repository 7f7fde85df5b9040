//! The evidence a report carries (`evidence` in the JSON) and the evidence report (HTML), checked
//! fact by fact against what the test knows independently: the SHA-256 of the input, the SPKI
//! fingerprint of the key that verified (encoded by the `rsa` crate), the version; the original
//! message embedded byte for byte; email content escaped as text. Then the CLI's formats: CSV
//! columns agree with the page's export, `ar` is one field per message.

mod common;

use base64::Engine;
use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::KeyStore;
use dkimcheck::l10n::Lang;
use dkimcheck::report::authres;
use dkimcheck::report::csv::{CSV_BOM, CSV_COLUMNS};
use dkimcheck::report::evidence_html::{EvidenceInputs, evidence_html};
use dkimcheck::verify::{Options, verify_message};
use serde_json::Value;
use sha2::Digest;
use std::path::PathBuf;
use std::process::Command;

const MESSAGE: &str = "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: <script>alert(1)</script> & <img src=x onerror=alert(2)>\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nHello </pre><script>alert(3)</script>\r\n";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The text of the element with `data-fact="name"` (the first one).
fn fact<'h>(html: &'h str, name: &str) -> &'h str {
    let at = html.find(&format!("data-fact=\"{name}\"")).unwrap_or_else(|| panic!("no fact {name}"));
    let start = at + html[at..].find('>').expect(">") + 1;
    &html[start..start + html[start..].find('<').expect("<")]
}

fn signed() -> (Vec<u8>, TestKey, Spec) {
    let key = TestKey::rsa(1024);
    let spec = Spec::new(Algorithm::RsaSha256);
    (sign(MESSAGE.as_bytes(), &key, &spec), key, spec)
}

#[test]
fn evidence_facts_in_the_json_and_the_html() {
    let (raw, key, spec) = signed();
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "test");
    let r = verify_message(&raw, &store, &Options::as_of_signing(1_700_000_000));
    assert!(r.verified(), "{}", r.summary);
    let sha = hex(&sha2::Sha256::digest(&raw));
    let spki = key.rsa_spki_sha256().expect("RSA");
    let e = &r.evidence;
    assert_eq!(e.input_sha256, sha);
    assert_eq!(e.judged_at, 1_700_000_000);
    assert_eq!((e.tool.name, e.tool.version), ("dkimcheck", env!("CARGO_PKG_VERSION")));
    assert!(
        e.tool.commit == "unknown"
            || (e.tool.commit.len() == 40 && e.tool.commit.bytes().all(|b| b.is_ascii_hexdigit()))
    );
    assert_eq!(e.keys.len(), 1);
    assert_eq!(
        (e.keys[0].name.as_str(), e.keys[0].spki_sha256.as_str()),
        ("test._domainkey.example.org", spki.as_str())
    );
    assert_eq!((e.keys[0].origin.as_str(), &e.keys[0].used_by), ("test", &vec!["dkim#1".to_string()]));
    assert_eq!(r.signatures[0].key.as_ref().map(|k| k.spki_sha256.as_str()), Some(spki.as_str()));

    let html = evidence_html(&r, &raw, &EvidenceInputs { wasm_sha256: Some("ab".repeat(32)), lang: Lang::En });
    assert_eq!(fact(&html, "input-sha256"), sha);
    assert_eq!(fact(&html, "spki-sha256"), spki);
    assert_eq!(fact(&html, "version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(fact(&html, "commit"), e.tool.commit);
    assert_eq!(fact(&html, "wasm-sha256"), "ab".repeat(32));
    assert!(
        fact(&html, "command").contains("dkimcheck --format json --keys KEYS.zone message.eml"),
        "{}",
        fact(&html, "command")
    );
    // The original, byte for byte.
    let href = html.split("href=\"data:message/rfc822;base64,").nth(1).expect("data URL");
    let b64 = &href[..href.find('"').expect("end")];
    assert_eq!(base64::engine::general_purpose::STANDARD.decode(b64).expect("base64"), raw);
    // Content is text: no markup from the message, no script at all.
    assert!(!html.to_lowercase().contains("<script"), "a script element in the report");
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("default-src 'none'"));
    // Every tag of the signature, as written.
    for tag in [
        "<th>v</th>",
        "<th>a</th>",
        "<th>c</th>",
        "<th>d</th>",
        "<th>s</th>",
        "<th>h</th>",
        "<th>bh</th>",
        "<th>b</th>",
        "<th>t</th>",
    ] {
        assert!(html.contains(tag), "{tag}");
    }
}

#[test]
fn a_repaired_signature_is_failed_in_the_evidence_report() {
    let (raw, key, spec) = signed();
    let mut changed = raw.clone();
    changed.extend_from_slice(b"-- \r\nteam list footer\r\n");
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "test");
    let r = verify_message(&changed, &store, &Options::as_of_signing(1_700_000_000));
    assert_eq!(r.assessment.status.as_str(), "failed");
    let html = evidence_html(&r, &changed, &EvidenceInputs::default());
    assert!(html.contains("data-assessment=\"failed\""));
    assert!(html.contains("<code>list_footer</code>"));
    assert!(html.contains("<html lang=\"en\">") && html.contains("It does not verify as received"));
    // In French: the same facts, the words from the French catalog.
    let fr = evidence_html(&r, &changed, &EvidenceInputs { wasm_sha256: None, lang: Lang::Fr });
    assert!(fr.contains("<html lang=\"fr\">") && fr.contains("<code>list_footer</code>"));
    assert!(!fr.contains("It does not verify as received") && !fr.contains("DKIM evidence report"), "{fr}");
    assert!(!html.contains("wasm-sha256"));
    let ar = authres::authentication_results(&r, Some(&changed));
    assert!(ar.starts_with("Authentication-Results: dkimcheck; dkim=fail reason=\"body_changed; verifies after repair list_footer\" header.d=example.org header.s=test header.a=rsa-sha256 header.b="), "{ar}");
    assert!(ar.ends_with("; arc=none"), "{ar}");
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dkimcheck-evidence-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn cli_evidence_dir_json_csv_and_ar() {
    let (raw, key, spec) = signed();
    let dir = tmp("cli");
    let msg = dir.join("leak <1>.eml");
    std::fs::write(&msg, &raw).unwrap();
    let zone = dir.join("keys.zone");
    std::fs::write(&zone, spec.zone_line(&key) + "\n").unwrap();
    let out_dir = dir.join("evidence");
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
            .args(["--no-bundled-keys", "--keys"])
            .arg(&zone)
            .args(["--format", format, "--evidence"])
            .arg(&out_dir)
            .arg(&msg)
            .arg(&msg)
            .output()
            .unwrap()
    };
    let out = run("json");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sha = hex(&sha2::Sha256::digest(&raw));
    let spki = key.rsa_spki_sha256().expect("RSA");
    let lines: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let e = &lines[0]["evidence"];
    assert_eq!(e["input_sha256"], sha.as_str());
    assert_eq!(e["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(e["keys"][0]["spki_sha256"], spki.as_str());
    assert_eq!(e["keys"][0]["origin"], "keys file keys.zone");
    assert!(e["judged_at"].as_u64().is_some_and(|t| t > 1_700_000_000));
    // One file per message, safe and distinct names.
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|f| f.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for n in &names {
        assert!(n.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)), "{n}");
        let html = std::fs::read_to_string(out_dir.join(n)).unwrap();
        assert_eq!(fact(&html, "input-sha256"), sha);
        assert_eq!(fact(&html, "spki-sha256"), spki);
        assert_eq!(fact(&html, "version"), env!("CARGO_PKG_VERSION"));
        assert!(html.contains("verified"));
    }

    let out = run("csv");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 3);
    // The page's columns (one list, report::csv), after a byte-order mark for spreadsheets.
    assert_eq!(rows[0], format!("{CSV_BOM}{}", CSV_COLUMNS.join(",")));
    assert!(rows[1].contains(",verified,"), "{}", rows[1]);
    // The sha256 column is filled without --evidence too.
    let plain = Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
        .args(["--no-bundled-keys", "--keys"])
        .arg(&zone)
        .args(["--format", "csv"])
        .arg(&msg)
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(plain.lines().nth(1).is_some_and(|row| row.contains(&sha)), "{plain}");

    let out = run("ar");
    let text = String::from_utf8(out.stdout).unwrap();
    let b8: String = {
        let s = String::from_utf8_lossy(&raw);
        let b = s.split("; b=").nth(1).unwrap();
        b.chars().filter(|c| !c.is_whitespace()).take(8).collect()
    };
    for line in text.lines() {
        // An RFC 2045 token stays as it is ('+' is a token character); '/' is a tspecial.
        let b = if !b8.contains('/') { b8.clone() } else { format!("\"{b8}\"") };
        assert_eq!(
            line,
            format!(
                "Authentication-Results: dkimcheck; dkim=pass header.d=example.org header.s=test header.a=rsa-sha256 header.b={b}; arc=none"
            )
        );
    }
    assert_eq!(text.lines().count(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_evidence_in_the_lang_language() {
    let (raw, key, spec) = signed();
    let dir = tmp("cli-fr");
    let msg = dir.join("m.eml");
    std::fs::write(&msg, &raw).unwrap();
    let zone = dir.join("keys.zone");
    std::fs::write(&zone, spec.zone_line(&key) + "\n").unwrap();
    let out_dir = dir.join("preuves");
    let out = Command::new(env!("CARGO_BIN_EXE_dkimcheck"))
        .args(["--lang", "fr", "--no-bundled-keys", "--keys"])
        .arg(&zone)
        .arg("--evidence")
        .arg(&out_dir)
        .arg(&msg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let files: Vec<PathBuf> = std::fs::read_dir(&out_dir).unwrap().map(|f| f.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let html = std::fs::read_to_string(&files[0]).unwrap();
    assert!(html.contains("<html lang=\"fr\">") && html.contains("Rapport de preuve DKIM"));
    assert!(!html.contains("DKIM evidence report"));
    assert_eq!(fact(&html, "input-sha256"), hex(&sha2::Sha256::digest(&raw)));
}

/// The lines said with a verdict follow its assessment: what a verified signature does not show,
/// that a failed one is not proof of forgery (also in the evidence report, in its language), why
/// the fields are not confirmed; unreadable input gets none of them and no note on how it was read.
#[test]
fn the_lines_said_with_a_verdict_follow_the_assessment() {
    let (raw, key, spec) = signed();
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(&key), "test");
    let opts = Options::as_of_signing(1_700_000_000);
    let ids = |r: &dkimcheck::report::MessageReport| {
        (r.assessment.status.as_str(), r.headline.note.as_ref().map(|p| p.id), r.headline.fields.as_ref().map(|p| p.id))
    };
    let verified = verify_message(&raw, &store, &opts);
    assert_eq!(ids(&verified), ("verified", Some("verdict-note-verified"), None));
    let html = evidence_html(&verified, &raw, &EvidenceInputs::default());
    assert!(html.contains("It does not show who wrote the message"), "{html}");

    let tampered = String::from_utf8_lossy(&raw).replace("Hello", "Goodbye").into_bytes();
    let failed = verify_message(&tampered, &store, &opts);
    assert_eq!(ids(&failed), ("failed", Some("verdict-note-failed"), Some("fields-unconfirmed-failed")));
    let en = evidence_html(&failed, &tampered, &EvidenceInputs::default());
    assert!(en.contains("data-fact=\"verdict-note\">A failed check is not proof of forgery"), "{en}");
    let fr = evidence_html(&failed, &tampered, &EvidenceInputs { wasm_sha256: None, lang: Lang::Fr });
    assert!(fr.contains("Un échec n’est pas la preuve d’un faux"), "{fr}");

    let unsigned = verify_message(b"From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n", &store, &opts);
    assert_eq!(ids(&unsigned), ("unsigned", None, Some("fields-unconfirmed-unsigned")));

    for input in [&b"this is not an email\nonly text\n"[..], b""] {
        let r = verify_message(input, &store, &opts);
        assert_eq!(ids(&r), ("error", None, None));
        assert!(r.notes.is_empty(), "no note on how unreadable input was read: {:?}", r.notes);
    }
}
