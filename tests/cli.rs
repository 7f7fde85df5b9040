//! The `dkimcheck` binary: output formats, exit codes, zips, mboxes, stdin and key subcommands.

mod common;

use common::signer::{Spec, TestKey, sign};
use dkimcheck::dkim::algorithm::Algorithm;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The CLI in English whatever the machine's locale (the language tests set it themselves).
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dkimcheck"));
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    c
}

fn vector(path: &str) -> String {
    format!("{}/tests/vectors/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dkimcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

/// A signed message and the zone file publishing its key.
fn signed_pair() -> (Vec<u8>, PathBuf) {
    let key = TestKey::ed25519();
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let msg = sign(b"From: a@example.org\r\nTo: b@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n\r\nhello\r\n", &key, &spec);
    let zone = tmp(&format!("keys-{}.zone", rand_suffix()));
    std::fs::write(&zone, spec.zone_line(&key) + "\n").unwrap();
    (msg, zone)
}

fn rand_suffix() -> u64 {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).unwrap();
    u64::from_le_bytes(b)
}

#[test]
fn json_lines_have_the_documented_shape_and_exit_status() {
    let out = bin()
        .args(["--json", &vector("mimekit/messages/gmail.msg"), &vector("mimekit/messages/gmail-fail-body.msg")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one message fails");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["verdict"], "pass");
    assert_eq!(lines[0]["signatures"][0]["domain"], "gmail.com");
    assert_eq!(lines[0]["signatures"][0]["selector"], "20120113");
    assert_eq!(lines[0]["signatures"][0]["algorithm"], "rsa-sha256");
    assert_eq!(lines[0]["signatures"][0]["result"], "pass");
    assert_eq!(lines[0]["signatures"][0]["reason"], "verified");
    assert_eq!(lines[0]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(lines[1]["signatures"][0]["reason"], "body_changed");

    let ok = bin().arg(vector("mimekit/messages/gmail.msg")).output().unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(text.starts_with("PASS"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn a_real_2009_gmail_gamma_message_passes_with_the_bundled_keys() {
    let file = vector("apache-james-jdkim/messages/gamma_gmail.com.eml");
    let out = bin().arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("PASS")
            && first.ends_with(&format!(
                "{file}: Signed by gmail.com. Nothing in the signed parts has changed since. The domain had marked \
this key as in testing (t=y); that does not weaken the signature's mathematics."
            )),
        "{text}"
    );
    let json = bin().args(["--json", &file]).output().unwrap();
    let sig = &json_lines(&json)[0]["signatures"][0];
    assert_eq!((sig["selector"].as_str(), sig["result"].as_str()), (Some("gamma"), Some("pass")));
    assert_eq!((sig["key"]["origin"].as_str(), sig["key"]["testing"].as_bool()), (Some("bundled archive"), Some(true)));
    // Without the bundled archive the key is unknown.
    let none = bin().args(["--no-bundled-keys", &file]).output().unwrap();
    assert!(String::from_utf8_lossy(&none.stdout).starts_with("NOKEY"), "{}", String::from_utf8_lossy(&none.stdout));
}

#[test]
fn usage_errors_and_unreadable_input_exit_2() {
    assert_eq!(bin().output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["--frobnicate", "x"]).output().unwrap().status.code(), Some(2));
    assert_eq!(bin().args(["--at", "soon", "x"]).output().unwrap().status.code(), Some(2));
    let out = bin().args(["/nonexistent/file.eml", &vector("mimekit/messages/gmail.msg")]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.eml"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("PASS"), "the rest of the batch goes on");
}

#[test]
fn a_folder_with_no_mail_is_an_error_not_a_success() {
    let dir = tmp("no-mail");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("keys.zone"), zone_line_for_test()).unwrap();
    std::fs::write(dir.join("notes.txt"), "nothing to see\n").unwrap();
    let out = bin().arg(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("skipped") && err.contains("no messages found"), "{err}");
    assert!(out.stdout.is_empty());
    let empty = tmp("empty-dir");
    std::fs::create_dir_all(&empty).unwrap();
    let out = bin().args(["--lang", "fr"]).arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("aucun message trouvé"));
}

#[test]
fn jobs_sets_the_threads_and_keeps_the_order() {
    let dir = vector("mimekit/messages");
    let one = bin().args(["--jobs", "1", &dir]).output().unwrap();
    let three = bin().args(["-j", "3", &dir]).output().unwrap();
    let default = bin().arg(&dir).output().unwrap();
    assert!(String::from_utf8_lossy(&one.stdout).lines().count() > 2);
    assert_eq!(one.stdout, three.stdout);
    assert_eq!(one.stdout, default.stdout);
    assert_eq!(one.status.code(), default.status.code());
    let eq = bin().args(["--jobs=2", &dir]).output().unwrap();
    assert_eq!(one.stdout, eq.stdout);
    for bad in ["0", "many", "-1"] {
        let out = bin().args(["--jobs", bad, &dir]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--jobs {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--jobs"));
    }
}

#[test]
fn keys_files_at_and_no_bundled_keys() {
    let (msg, zone) = signed_pair();
    let path = tmp(&format!("m-{}.eml", rand_suffix()));
    std::fs::write(&path, &msg).unwrap();
    let p = path.to_str().unwrap();
    let z = zone.to_str().unwrap();
    let out = bin().args(["--json", "--keys", z, p]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        json_lines(&out)[0]["signatures"][0]["key"]["origin"],
        format!("keys file {}", zone.file_name().unwrap().to_string_lossy())
    );
    let out = bin().args(["--json", p]).output().unwrap();
    assert_eq!((out.status.code(), json_lines(&out)[0]["verdict"].clone()), (Some(1), Value::from("neutral")));
    // The gmail message has no key without the bundled archive.
    let out = bin().args(["--json", "--no-bundled-keys", &vector("mimekit/messages/gmail.msg")]).output().unwrap();
    assert_eq!(json_lines(&out)[0]["signatures"][0]["reason"], "no_key");
    // Expiry is judged at --at.
    let out =
        bin().args(["--json", "--at", "2016-03-01T00:00:00Z", &vector("mimekit/messages/gmail.msg")]).output().unwrap();
    assert_eq!(json_lines(&out)[0]["verdict"], "pass");
}

#[test]
fn zip_members_and_mbox_messages_are_separate_reports() {
    let (msg, zone) = signed_pair();
    let zip_path = tmp(&format!("leak-{}.zip", rand_suffix()));
    {
        let mut inner = Vec::new();
        {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut inner));
            z.start_file("inner/a.eml", zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(&msg).unwrap();
            z.finish().unwrap();
        }
        let mut mbox = b"From a@example.org Tue Mar  1 10:00:00 2016\r\n".to_vec();
        mbox.extend_from_slice(&msg);
        mbox.extend_from_slice(
            b"\r\nFrom b@example.org Tue Mar  1 10:00:00 2016\r\nFrom: b@example.org\r\n\r\nunsigned\r\n",
        );
        let file = std::fs::File::create(&zip_path).unwrap();
        let mut z = zip::ZipWriter::new(file);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.add_directory("folder/", opts).unwrap();
        z.start_file("folder/123.eml", opts).unwrap();
        z.write_all(&msg).unwrap();
        z.start_file("folder/broken.eml", opts).unwrap();
        z.write_all(b"not an email at all").unwrap();
        z.start_file("box.mbox", opts).unwrap();
        z.write_all(&mbox).unwrap();
        z.start_file("nested.zip", opts).unwrap();
        z.write_all(&inner).unwrap();
        z.start_file("keys.zone", opts).unwrap();
        z.write_all(zone_line_for_test().as_bytes()).unwrap();
        z.start_file("notes.txt", opts).unwrap();
        z.write_all(b"Notes about the leak, not a message").unwrap();
        z.start_file("__MACOSX/folder/._123.eml", opts).unwrap();
        z.write_all(b"junk").unwrap();
        z.finish().unwrap();
    }
    let zp = zip_path.to_str().unwrap();
    let out = bin().args(["--json", "--keys", zone.to_str().unwrap(), zp]).output().unwrap();
    let lines = json_lines(&out);
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    let name = |s: &str| format!("{zp}!{s}");
    assert_eq!(
        sources,
        [
            name("folder/123.eml"),
            name("folder/broken.eml"),
            name("box.mbox#1"),
            name("box.mbox#2"),
            name("nested.zip!inner/a.eml")
        ]
    );
    let verdicts: Vec<&str> = lines.iter().map(|l| l["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["pass", "none", "pass", "none", "pass"]);
    assert_eq!(lines[1]["error"]["id"], "error-not-email");
    assert!(lines[1]["error"]["text"].as_str().unwrap().contains("does not look like an email"));
    assert_eq!(out.status.code(), Some(1));
    // The keys file and the notes inside the zip are skipped and said so, never counted: each
    // was not checked; only the one that looks like keys is said to be no source of keys.
    let err = String::from_utf8_lossy(&out.stderr);
    let line = |name: &str| err.lines().find(|l| l.contains(name)).unwrap_or_default().to_string();
    assert_eq!(
        line("notes.txt"),
        format!("dkimcheck: skipped {}: not an email message, so it was not checked", name("notes.txt")),
        "{err}"
    );
    assert_eq!(
        line("keys.zone"),
        format!(
            "dkimcheck: skipped {}: not an email message, so it was not checked; it looks like a keys file, but \
             keys are read only from files given with --keys",
            name("keys.zone")
        ),
        "{err}"
    );
    let fr = bin().args(["--json", "--lang", "fr", zp]).output().unwrap();
    let fr = String::from_utf8_lossy(&fr.stderr);
    assert!(fr.contains("notes.txt écarté\u{a0}: ce n’est pas un courriel, il n’a donc pas été vérifié\n"), "{fr}");
    assert!(fr.contains("il ressemble à un fichier de clés, mais les clés ne sont lues que dans les fichiers"), "{fr}");
    // Without --keys, the keys file inside the zip is not used: its messages have no key.
    let out = bin().args(["--json", "--no-bundled-keys", zp]).output().unwrap();
    assert_eq!(json_lines(&out)[0]["assessment"]["status"], "no_key", "a key file in the input is never used");
}

/// A zone line for the test key of `signed_pair` (a key file a leak might carry).
fn zone_line_for_test() -> String {
    "test._domainkey.example.org. IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n"
        .to_string()
}

#[test]
fn missing_keys_lists_each_name_with_count_and_dates() {
    let (msg, _zone) = signed_pair();
    let dir = tmp(&format!("nokeys-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("1.eml"), &msg).unwrap();
    std::fs::write(dir.join("2.eml"), &msg).unwrap();
    let gmail = vector("mimekit/messages/gmail.msg");
    let d = dir.to_str().unwrap();
    let out = bin().args(["--json", "--missing-keys", "--no-bundled-keys", d, &gmail]).output().unwrap();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3 + 2, "three reports, then two keys needed");
    let needed: Vec<&Value> = lines.iter().filter(|l| l.get("missing_key").is_some()).collect();
    assert_eq!(needed[0]["missing_key"], "test._domainkey.example.org");
    assert_eq!(needed[0]["count"], 2);
    assert_eq!(needed[0]["first"], "2016-03-01");
    assert_eq!(needed[0]["last"], "2016-03-01");
    assert_eq!(needed[1]["count"], 1);
    assert!(needed[1]["missing_key"].as_str().unwrap().ends_with("._domainkey.gmail.com"));
    assert!(lines[..3].iter().all(|l| l.get("source").is_some()), "the list comes after the reports");
    // Human output: a heading that says which key is needed, then one line per name.
    let out = bin().args(["--missing-keys", "--no-bundled-keys", d]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("published when the messages were sent"), "{text}");
    assert!(
        text.lines().last().unwrap().trim().starts_with("2  2016-03-01  2016-03-01  test._domainkey.example.org"),
        "{text}"
    );
    // --format json is --json.
    let out = bin().args(["--format", "json", "--missing-keys", "--no-bundled-keys", d]).output().unwrap();
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = bin().args(["--json", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let raw = std::fs::read(vector("mimekit/messages/gmail.msg")).unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = json_lines(&out);
    assert_eq!((lines[0]["source"].as_str(), lines[0]["verdict"].as_str()), (Some("-"), Some("pass")));
}

#[test]
fn every_file_is_read_whole_whatever_came_before() {
    // Files of many sizes, in a directory and through a pipe: each report's sha256 is that of
    // the whole file (files are read into buffers reused from message to message).
    use sha2::Digest;
    let dir = vector("mimekit/messages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() > 5);
    for jobs in ["1", "2", "3"] {
        let out = bin().args(["--json", "--jobs", jobs, &dir]).output().unwrap();
        let lines = json_lines(&out);
        assert_eq!(lines.len(), files.len());
        for (line, file) in lines.iter().zip(&files) {
            let bytes = std::fs::read(file).unwrap();
            assert_eq!(line["source"].as_str(), Some(file.to_str().unwrap()));
            assert_eq!(line["size"].as_u64(), Some(bytes.len() as u64), "{file:?}");
            assert_eq!(line["sha256"].as_str(), Some(hex(&sha2::Sha256::digest(&bytes)).as_str()), "{file:?}");
        }
    }
    let raw = std::fs::read(vector("mimekit/messages/gmail.msg")).unwrap();
    let mut child = bin().args(["--json", "/dev/stdin"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let lines = json_lines(&child.wait_with_output().unwrap());
    assert_eq!(lines[0]["verdict"].as_str(), Some("pass"), "a pipe is read whole: its size is not known");
    assert_eq!(lines[0]["size"].as_u64(), Some(raw.len() as u64));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn keys_subcommands_list_check_export_import() {
    let list = bin().args(["keys", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.lines().any(|l| l.starts_with("20120113._domainkey.gmail.com\trsa\t2048")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("gamma._domainkey.gmail.com\trsa\t1024")), "{text}");
    let check = bin().args(["keys", "check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let (_, zone) = signed_pair();
    let import = bin().args(["keys", "import", zone.to_str().unwrap()]).output().unwrap();
    let archive: Value = serde_json::from_slice(&import.stdout).unwrap();
    assert_eq!(archive["format"], "dkimcheck-key-archive");
    assert_eq!(archive["keys"][0]["selector"], "test");
    assert_eq!(archive["keys"][0]["key_type"], "ed25519");
    let exported = tmp(&format!("export-{}.json", rand_suffix()));
    std::fs::write(&exported, &import.stdout).unwrap();
    let export =
        bin().args(["keys", "export", "--no-bundled-keys", "--keys", exported.to_str().unwrap()]).output().unwrap();
    let again: Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(again["keys"][0]["record"], archive["keys"][0]["record"]);
    assert!(Path::new(&exported).exists());
    // A bare TXT value for a selector and domain.
    let txt = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    let out = bin().args(["keys", "import", "--txt", "brisbane", "football.example.com", txt]).output().unwrap();
    let archive: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (archive["keys"][0]["domain"].as_str(), archive["keys"][0]["bits"].as_u64()),
        (Some("football.example.com"), Some(256))
    );
    let bad = bin().args(["keys", "import", "--txt", "s", "example.org", "v=DKIM1; p="]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("revoked"));
}

/// A directory holding an mbox of two messages and one .eml, all signed with one fresh 1024-bit
/// RSA key whose record is published nowhere; returns it and the key's `p=`.
fn recoverable_leak() -> (PathBuf, String) {
    let key = TestKey::rsa(1024);
    let message = |n: u64| {
        let spec = Spec { timestamp: None, ..Spec::new(Algorithm::RsaSha256) };
        let raw = format!(
            "From: a@example.org\r\nTo: b@example.net\r\nSubject: number {n}\r\n\
             Date: Tue, 0{n} Mar 2016 10:00:00 +0000\r\n\r\nbody {n}\r\n"
        );
        sign(raw.as_bytes(), &key, &spec)
    };
    let dir = tmp(&format!("leak-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut mbox = b"From a@example.org Tue Mar  1 10:00:00 2016\r\n".to_vec();
    mbox.extend_from_slice(&message(1));
    mbox.extend_from_slice(b"\r\nFrom a@example.org Tue Mar  2 10:00:00 2016\r\n");
    mbox.extend_from_slice(&message(2));
    std::fs::write(dir.join("a.mbox"), mbox).unwrap();
    std::fs::write(dir.join("b.eml"), message(3)).unwrap();
    let record = key.record();
    (dir, record.rsplit_once("p=").unwrap().1.to_string())
}

#[test]
fn keys_recover_prints_the_signing_key_as_an_archive_entry() {
    let (dir, p) = recoverable_leak();
    let d = dir.to_str().unwrap();
    let out = bin().args(["keys", "recover", "--no-bundled-keys", d]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("test._domainkey.example.org: recovered a 1024-bit RSA key (e=65537)"), "{stderr}");
    let archive: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(archive["format"], "dkimcheck-key-archive");
    let key = &archive["keys"][0];
    assert_eq!((key["domain"].as_str(), key["selector"].as_str()), (Some("example.org"), Some("test")));
    assert_eq!(key["record"], format!("v=DKIM1; k=rsa; p={p}"));
    assert_eq!(
        (key["provenance"].as_str(), key["flags"].clone()),
        (Some("gcd_recovered"), serde_json::json!(["recovered"]))
    );
    assert_eq!((key["first_seen"].as_str(), key["last_seen"].as_str()), (Some("2016-03-01"), Some("2016-03-03")));
    assert!(key["notes"].as_str().unwrap().contains("does not show that this key was the domain's published key"));
    let messages = key["recovered_from"].as_array().unwrap();
    let sources: Vec<&str> = messages.iter().map(|m| m["source"].as_str().unwrap()).collect();
    let b_eml = format!("{d}/b.eml");
    assert_eq!(sources, [format!("{d}/a.mbox#1"), format!("{d}/a.mbox#2"), b_eml.clone()]);
    assert_eq!(messages[2]["date_from"], "Date");
    let sha = dkimcheck::verify::hex(&<sha2::Sha256 as sha2::Digest>::digest(std::fs::read(&b_eml).unwrap()));
    assert_eq!(messages[2]["sha256"], sha);
    // The output is an archive: `keys check` accepts it.
    let file = dir.join("recovered.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let check = bin().args(["keys", "check", "--no-bundled-keys", "--keys", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    // Given back with --keys, it is still worded as recovered, not verified.
    let out = bin().args(["--json", "--no-bundled-keys", "--keys", file.to_str().unwrap(), &b_eml]).output().unwrap();
    let line = &json_lines(&out)[0];
    assert!(
        line["summary"].as_str().unwrap().starts_with("Consistent with one key recovered from 3 of these messages"),
        "{line}"
    );
    // One message alone gives nothing, and says why.
    let out = bin().args(["keys", "recover", "--no-bundled-keys", &b_eml]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap()["keys"], serde_json::json!([]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least two signatures"));
}

#[test]
fn recover_keys_checks_a_batch_as_consistent_not_verified() {
    let (dir, _) = recoverable_leak();
    let d = dir.to_str().unwrap();
    let out = bin().args(["--recover-keys", "--no-bundled-keys", "--json", d]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "consistent is not verified");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    for line in &lines {
        let sig = &line["signatures"][0];
        assert_eq!((line["verdict"].as_str(), sig["reason"].as_str()), (Some("pass"), Some("verified")));
        assert_eq!(sig["key"]["origin"], "recovered from these messages");
        assert_eq!(sig["key"]["recovered_from_messages"], 3);
        let words = format!("{} {}", line["summary"], sig["explanation"]);
        assert!(words.contains("Consistent with one key recovered from 3 of these messages; that key is not known from any public source"), "{words}");
        assert!(!words.contains("Verified") && !words.contains("Signed by"), "{words}");
    }
    let out = bin().args(["--recover-keys", "--no-bundled-keys", d]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let labels: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).take(3).collect();
    assert!(labels.iter().all(|l| l.starts_with("CONSISTENT ")), "{text}");
    assert!(text.contains("0 of 3 messages verified; 3 only consistent with a recovered key"), "{text}");
    // Messages only consistent with a recovered key also get the line on what DKIM does not prove.
    assert_eq!(text.matches("Even when it verifies, a DKIM signature shows only").count(), 1, "{text}");
    let stdin = bin().args(["--recover-keys", "-"]).output().unwrap();
    assert_eq!(stdin.status.code(), Some(2));
}

/// The Topicbox message of Stalwart's vectors (x= one day after t=, in 2022) and a zone file
/// with its key.
fn topicbox() -> (PathBuf, PathBuf) {
    let file = std::fs::read(vector("stalwart-mail-auth/messages/dkim/005.txt")).unwrap();
    let head = String::from_utf8_lossy(&file[..269]).into_owned();
    let (name, record) = head.lines().next().and_then(|l| l.split_once(' ')).unwrap();
    let (msg, zone) = (tmp("topicbox.eml"), tmp("topicbox.zone"));
    std::fs::write(&msg, &file[269..]).unwrap();
    std::fs::write(&zone, format!("{name}. IN TXT \"{record}\"\n")).unwrap();
    (msg, zone)
}

/// One reference case: the file, extra arguments, and what the CLI must say of it.
struct Case {
    file: String,
    args: Vec<String>,
    label: &'static str,
    status: &'static str,
    aligned: bool,
    caveats: &'static [&'static str],
    /// The status of From and of Subject ("" when absent).
    fields: (&'static str, &'static str),
}

fn case(file: String, args: &[&str], label: &'static str, status: &'static str, aligned: bool) -> Case {
    let args = args.iter().map(|a| a.to_string()).collect();
    let fields =
        if status == "verified" { ("verified", "verified") } else { ("covered_unverified", "covered_unverified") };
    Case { file, args, label, status, aligned, caveats: &[], fields }
}

#[test]
fn labels_assessments_and_field_statuses_of_the_reference_cases() {
    let (topicbox, topicbox_zone) = topicbox();
    let (topicbox, topicbox_zone) = (topicbox.to_str().unwrap().to_string(), topicbox_zone.to_str().unwrap());
    let perl_zone = vector("perl-mail-dkim/keys.zone");
    let cases = [
        case(vector("mimekit/messages/gmail.msg"), &[], "PASS", "verified", true),
        Case {
            caveats: &["compromised_key"],
            ..case(vector("mimekit/messages/rfc8463-example.msg"), &[], "NOPROOF", "proves_nothing", true)
        },
        case(vector("mimekit/messages/gmail-fail-body.msg"), &[], "FAIL", "failed", true),
        case(vector("mimekit/messages/gmail-fail-headers.msg"), &[], "FAIL", "failed", true),
        Case {
            fields: ("covered_unverified", ""),
            ..case(vector("dkimpy/messages/ed25519test2.msg"), &[], "NOKEY", "no_key", false)
        },
        Case {
            caveats: &["misaligned"],
            ..case(vector("dkimpy/messages/test2.message"), &[], "PASS", "verified", false)
        },
        Case {
            caveats: &["testing_key"],
            ..case(vector("apache-james-jdkim/messages/gamma_gmail.com.eml"), &[], "PASS", "verified", true)
        },
        Case {
            caveats: &["weak_key"],
            ..case(
                vector("perl-mail-dkim/messages/goodkey_1.txt"),
                &["--keys", &perl_zone],
                "NOPROOF",
                "proves_nothing",
                true,
            )
        },
        Case { caveats: &["user_key"], ..case(topicbox.clone(), &["--keys", topicbox_zone], "PASS", "verified", true) },
        case(topicbox.clone(), &["--keys", topicbox_zone, "--at", "now"], "EXPIRED", "invalid", true),
    ];
    for c in &cases {
        let (file, args) = (&c.file, &c.args);
        let out = bin().args(args).arg(file).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with(&format!("{:<7} {file}: ", c.label)), "{file} {args:?}: {text}");
        assert_eq!(out.status.code(), Some(if c.status == "verified" { 0 } else { 1 }), "{file} {args:?}");
        let json = bin().args(args).arg("--json").arg(file).output().unwrap();
        let r = &json_lines(&json)[0];
        let a = &r["assessment"];
        assert_eq!(
            (a["status"].as_str(), a["aligned"].as_bool(), a["basis"].as_str()),
            (Some(c.status), Some(c.aligned), Some("dkim"))
        );
        assert_eq!(a["caveats"], Value::from(c.caveats.to_vec()), "{file}");
        assert_eq!(r["signatures"][0]["assessment"]["status"], a["status"]);
        assert_eq!(r["fields"]["from"], c.fields.0, "{file}");
        assert_eq!(r["fields"]["subject"].as_str().unwrap_or(""), c.fields.1, "{file}");
        let mode = if args.iter().any(|a| a == "--at") { "at" } else { "as_of_signing" };
        assert_eq!(r["judged_at"]["mode"], mode);
    }
}

#[test]
fn the_exit_status_is_0_only_when_every_message_is_verified() {
    let gmail = vector("mimekit/messages/gmail.msg");
    let rfc8463 = vector("mimekit/messages/rfc8463-example.msg");
    assert_eq!(bin().arg(&gmail).output().unwrap().status.code(), Some(0));
    let out = bin().args([&gmail, &rfc8463]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a compromised-key pass is not verified");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\n1 of 2 messages verified; 1 proves nothing (a key anyone can sign with)\n"), "{text}");
    let help = String::from_utf8_lossy(&bin().arg("--help").output().unwrap().stdout).into_owned();
    assert!(help.contains("0 only when every message is verified (PASS)"), "{help}");
    assert!(help.contains("--at <TIME>"), "{help}");
}

#[test]
fn lang_fr_words_the_output_in_french_and_json_keeps_its_codes() {
    let gmail = vector("mimekit/messages/gmail.msg");
    let rfc8463 = vector("mimekit/messages/rfc8463-example.msg");
    let out = bin().args(["--lang", "fr", &gmail, &rfc8463]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(first.starts_with("VÉRIFIÉ "), "{text}");
    assert!(first.ends_with("Signé par gmail.com\u{a0}: les parties signées n’ont pas changé depuis."), "{text}");
    assert!(text.lines().nth(1).unwrap_or_default().starts_with("NE-PROUVE-RIEN "), "{text}");
    assert!(text.contains("n’importe qui a pu faire cette signature"), "{text}");
    assert!(
        text.contains(
            "\n1 message vérifié sur 2\u{202f}; 1 ne prouve rien (une clé avec laquelle n’importe qui peut signer)\n"
        ),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1), "the exit status does not depend on the language");
    // The same from the locale variables: LC_ALL wins over LANG.
    let env = bin().env("LANG", "fr_FR.UTF-8").arg(&gmail).output().unwrap();
    assert!(String::from_utf8_lossy(&env.stdout).starts_with("VÉRIFIÉ "));
    let c = bin().env("LANG", "fr_FR.UTF-8").env("LC_ALL", "C").arg(&gmail).output().unwrap();
    assert!(String::from_utf8_lossy(&c.stdout).starts_with("PASS "));
    // JSON: codes are the same in every language; texts are in the --lang language.
    let en = json_lines(&bin().args(["--json", &rfc8463]).output().unwrap());
    let fr = json_lines(&bin().args(["--json", "--lang=fr", &rfc8463]).output().unwrap());
    for key in ["verdict", "assessment", "fields"] {
        assert_eq!(en[0][key], fr[0][key], "{key}");
    }
    let (e, f) = (&en[0]["signatures"][0], &fr[0]["signatures"][0]);
    assert_eq!((e["reason"].clone(), e["result"].clone()), (f["reason"].clone(), f["result"].clone()));
    assert_eq!(e["explanation"]["id"], f["explanation"]["id"]);
    assert_eq!(e["explanation"]["args"], f["explanation"]["args"]);
    assert_eq!(e["warnings"][0]["code"], f["warnings"][0]["code"]);
    assert_ne!(e["explanation"]["text"], f["explanation"]["text"]);
    assert!(fr[0]["summary"].as_str().unwrap().starts_with("La signature correspond"), "{}", fr[0]["summary"]);
    assert_eq!(fr[0]["headline"]["main"]["id"], "headline-proves-nothing-compromised");
    // Help and errors in French; a language dkimcheck does not have is a usage error.
    let help = String::from_utf8_lossy(&bin().args(["--lang", "fr", "--help"]).output().unwrap().stdout).into_owned();
    assert!(help.contains("0 seulement si chaque message est vérifié (VÉRIFIÉ)"), "{help}");
    // The French help lists every label a French user sees, each with its English one.
    for (fr, en) in [
        ("VÉRIFIÉ", "PASS"),
        ("COHÉRENT", "CONSISTENT"),
        ("NE-PROUVE-RIEN", "NOPROOF"),
        ("ÉCHEC", "FAIL"),
        ("PAS-DE-CLÉ", "NOKEY"),
        ("EXPIRÉ", "EXPIRED"),
        ("IMPOSSIBLE-À-ÉVALUER", "INVALID"),
        ("NON-SIGNÉ", "NONE"),
        ("ILLISIBLE", "ERROR"),
    ] {
        assert!(help.lines().any(|l| l.trim_start().starts_with(fr) && l.contains(&format!("[{en}]"))), "{fr}: {help}");
    }
    assert!(help.contains("--format json ou csv"), "{help}");
    let bad = bin().args(["--lang", "fr", "--jobs", "zero", &gmail]).output().unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("n’est pas un nombre de fils d’exécution"));
    let unknown = bin().args(["--lang", "de", &gmail]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("is not a language of dkimcheck"));
    let missing = bin().args(["--lang", "fr", "/nonexistent/file.eml"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains("/nonexistent/file.eml\u{a0}: fichier ou dossier introuvable")
    );
}

/// DomainKeys and ARC in the human output and the JSON: a message verified only by DomainKeys
/// says so, an ARC chain gets its line (and its hops with -v), and neither changes what ARC is.
#[test]
fn domainkeys_and_arc_in_human_and_json_output() {
    let dk = vector("perl-mail-dkim-dk/messages/good_dk_gmail.txt");
    let arc = vector("blaze-arc/messages/005.mail");
    let out = bin().args(["-v", &dk, &arc]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("PASS    ") && text.contains("with DomainKeys only"), "{text}");
    assert!(text.contains("weaker kind of verified"), "{text}");
    assert!(text.contains("DomainKeys #1 verified (pass, verified) d=gmail.com s=beta nofws"), "{text}");
    assert!(text.contains("NONE    ") && text.contains("ARC pass (verified), 3 sets"), "{text}");
    assert!(text.contains("Hop 3: subspace.kernel.org sealed the message"), "{text}");
    assert!(text.contains("1 of 2 messages verified"), "{text}");
    assert_eq!(out.status.code(), Some(1), "an ARC chain alone verifies nothing");
    let out = bin().args(["--json", &dk, &arc]).output().unwrap();
    let lines = json_lines(&out);
    assert_eq!(lines[0]["assessment"]["basis"], "domainkeys");
    assert_eq!(lines[0]["domainkeys"][0]["result"], "pass");
    assert_eq!(lines[0]["domainkeys"][0]["key"]["origin"], "bundled archive");
    assert_eq!(lines[1]["assessment"]["status"], "unsigned");
    assert_eq!(lines[1]["arc"]["result"], "pass");
    assert_eq!(lines[1]["arc"]["instances"], 3);
    assert_eq!(lines[1]["arc"]["sets"][2]["sealer"], "subspace.kernel.org");
    assert_eq!(lines[1]["arc"]["sets"][0]["authentication_results"]["authserv_id"], "webhostingserver.nl");
    assert_eq!(lines[1]["authentication_results"][0]["sealed_by"], "subspace.kernel.org");
}

/// What DKIM does not prove is said once per run, after the messages and the tally, when a
/// message verified (or is consistent with a recovered key); never in machine formats, nor when
/// nothing verified.
#[test]
fn what_dkim_does_not_prove_is_said_once_per_run() {
    let gmail = vector("mimekit/messages/gmail.msg");
    let fail = vector("mimekit/messages/gmail-fail-body.msg");
    let rfc8463 = vector("mimekit/messages/rfc8463-example.msg");
    let en = "Even when it verifies, a DKIM signature shows only that a mail server holding the signing domain's \
              key signed the parts it covers: not who wrote the message, not that what it says is true, and nothing about \
              the parts it does not cover.";
    let fr = "Même quand elle se vérifie, une signature DKIM montre seulement qu’un serveur de messagerie détenant \
              la clé du domaine signataire a signé les parties qu’elle couvre\u{a0}: elle ne montre ni qui a écrit le \
              message, ni que ce qu’il dit est vrai, et ne dit rien des parties qu’elle ne couvre pas.";
    // And once, when a message failed, that a failure is not proof of forgery.
    let en_failed = "A failed check is not proof of forgery: mailing lists, forwarding and mail programs often \
                     change messages harmlessly. It only means that DKIM cannot vouch for the copies that failed.";
    let fr_failed = "Un échec n’est pas la preuve d’un faux\u{a0}: les listes de diffusion, les transferts et les \
                     logiciels de messagerie modifient souvent les messages sans malice. Cela veut seulement dire \
                     que DKIM ne peut rien garantir pour les copies en échec.";
    for (lang, line, failed) in [("en", en, en_failed), ("fr", fr, fr_failed)] {
        let out = bin().args(["--lang", lang, &gmail, &gmail, &fail]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!((text.matches(line).count(), text.matches(failed).count()), (1, 1), "{text}");
        let last: Vec<&str> = text.lines().rev().take(2).collect();
        assert_eq!(last, [failed, line], "after the tally: {text}");
        let one = bin().args(["--lang", lang, "-v", &gmail]).output().unwrap();
        let one = String::from_utf8_lossy(&one.stdout);
        assert_eq!((one.matches(line).count(), one.lines().last()), (1, Some(line)), "{one}");
        assert!(!one.contains(failed), "nothing failed: {one}");
    }
    // Nothing verified: nothing to qualify; a failure is still not proof of forgery.
    let none = bin().args([&fail, &rfc8463]).output().unwrap();
    let none = String::from_utf8_lossy(&none.stdout);
    assert!(!none.contains("Even when it verifies"), "{none}");
    assert_eq!(none.lines().last(), Some(en_failed), "{none}");
    // Machine formats stay as they are.
    for format in ["json", "csv", "ar"] {
        let out = bin().args(["--format", format, &gmail, &fail]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("Even when it verifies") && !text.contains("DKIM signature shows"), "{format}: {text}");
        // (A JSON report carries the page's line under its verdict, as data: not this one.)
        assert!(!text.contains("the copies that failed"), "{format}: {text}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("Even when it verifies"), "{format}");
    }
}

/// A message that proves nothing says so once without -v: the signature lines do not repeat
/// the headline, and the compromised-key warning is kept for -v.
#[test]
fn proves_nothing_is_said_once_without_verbose() {
    let rfc8463 = vector("mimekit/messages/rfc8463-example.msg");
    let out = bin().arg(&rfc8463).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("proves nothing").count(), 1, "{text}");
    assert_eq!(text.matches("anyone could have made").count(), 1, "{text}");
    assert!(
        text.contains(
            "#1 proves_nothing (pass, verified) d=football.example.com s=brisbane ed25519-sha256 relaxed/relaxed\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("#2 proves_nothing (pass, verified) d=football.example.com s=test rsa-sha256 relaxed/relaxed\n"),
        "{text}"
    );
    let fr = bin().args(["--lang", "fr", &rfc8463]).output().unwrap();
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert_eq!(fr.matches("prouve").count(), 1, "{fr}");
    // -v explains every signature and keeps its warnings.
    let v = bin().args(["-v", &rfc8463]).output().unwrap();
    let v = String::from_utf8_lossy(&v.stdout);
    assert!(v.matches("proves nothing").count() > 2, "{v}");
    assert!(v.contains("! The private half of this key is public"), "{v}");
    // A weak key: the headline says it; other warnings (SHA-1) are still shown.
    let perl_zone = vector("perl-mail-dkim/keys.zone");
    let weak = bin().args(["--keys", &perl_zone, &vector("perl-mail-dkim/messages/goodkey_1.txt")]).output().unwrap();
    let weak = String::from_utf8_lossy(&weak.stdout);
    assert_eq!(weak.matches("proves nothing").count(), 1, "{weak}");
    assert!(weak.contains("! This signature uses SHA-1"), "{weak}");
}

/// -v names the key a signature that did not verify was checked with (kind and size), as it
/// does for a verified one.
#[test]
fn verbose_names_the_key_of_a_failed_signature() {
    let fail = vector("mimekit/messages/gmail-fail-body.msg");
    let out = bin().args(["-v", &fail]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("   Checked with the 2048-bit RSA key from dkimcheck's bundled key archive"), "{text}");
    let fr = bin().args(["-v", "--lang", "fr", &fail]).output().unwrap();
    let fr = String::from_utf8_lossy(&fr.stdout);
    assert!(
        fr.contains("   Vérification faite avec la clé RSA de 2048") && fr.contains("bits de l’archive de clés"),
        "{fr}"
    );
    // Without -v, no key line; a verified signature names its key once, in its explanation.
    let short = bin().arg(&fail).output().unwrap();
    assert!(!String::from_utf8_lossy(&short.stdout).contains("Checked with"));
    let ok = bin().args(["-v", &vector("mimekit/messages/gmail.msg")]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&ok.stdout).matches("2048-bit RSA key").count(), 1);
}

#[test]
fn zips_and_mboxes_among_plain_files_are_reported_in_their_place() {
    // Files in a directory are opened by the workers; a zip or an mbox found there is expanded
    // in its place: its messages after the files before it and before the files after it, and
    // the files skipped are said in the same order, whatever the number of workers.
    let (msg, zone) = signed_pair();
    let dir = tmp(&format!("mixed-{}", rand_suffix()));
    let sub = dir.join("c-sub");
    std::fs::create_dir_all(&sub).unwrap();
    let mut zip_bytes = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut zip_bytes));
        for name in ["1.eml", "2.txt", "3.eml"] {
            z.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(if name.ends_with(".txt") { b"notes, not a message" } else { &msg }).unwrap();
        }
        z.finish().unwrap();
    }
    let mut mbox = b"From a@example.org Tue Mar  1 10:00:00 2016\r\n".to_vec();
    mbox.extend_from_slice(&msg);
    mbox.extend_from_slice(b"\r\nFrom b@example.org Tue Mar  1 10:00:00 2016\r\n");
    mbox.extend_from_slice(&msg);
    // Many plain files around them, so that workers run ahead of the containers.
    let mut expected = Vec::new();
    let mut skipped = Vec::new();
    let plain = |name: String, expected: &mut Vec<String>| {
        std::fs::write(dir.join(&name), &msg).unwrap();
        expected.push(dir.join(&name).to_str().unwrap().to_string());
    };
    for i in 0..40 {
        plain(format!("a{i:02}.eml"), &mut expected);
    }
    std::fs::write(dir.join("b-leak.bin"), &zip_bytes).unwrap(); // a zip whatever its name
    let zip_name = dir.join("b-leak.bin").to_str().unwrap().to_string();
    expected.extend([format!("{zip_name}!1.eml"), format!("{zip_name}!3.eml")]);
    skipped.push(format!("{zip_name}!2.txt"));
    std::fs::write(sub.join("box"), &mbox).unwrap(); // an mbox whatever its name
    let box_name = sub.join("box").to_str().unwrap().to_string();
    expected.extend([format!("{box_name}#1"), format!("{box_name}#2")]);
    std::fs::write(sub.join("notes.txt"), "not a message\n").unwrap();
    skipped.push(sub.join("notes.txt").to_str().unwrap().to_string());
    std::fs::write(sub.join("z.eml"), &msg).unwrap();
    expected.push(sub.join("z.eml").to_str().unwrap().to_string());
    for i in 0..40 {
        plain(format!("d{i:02}.eml"), &mut expected);
    }
    let d = dir.to_str().unwrap();
    for jobs in ["1", "2", "3", "8"] {
        let out = bin().args(["--json", "--jobs", jobs, "--keys", zone.to_str().unwrap(), d]).output().unwrap();
        let lines = json_lines(&out);
        let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
        assert_eq!(sources, expected, "--jobs {jobs}");
        assert!(lines.iter().all(|l| l["verdict"] == "pass"), "--jobs {jobs}");
        assert_eq!(out.status.code(), Some(0), "--jobs {jobs}");
        let err = String::from_utf8_lossy(&out.stderr);
        let said: Vec<&str> = err.lines().filter(|l| l.contains("skipped")).collect();
        assert_eq!(said.len(), skipped.len(), "{err}");
        for (line, name) in said.iter().zip(&skipped) {
            assert!(line.contains(name.as_str()), "--jobs {jobs}: {err}");
        }
    }
    // A file that cannot be read, among the others: an error report in its place, exit 2.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.join("c-locked.eml");
        std::fs::write(&locked, &msg).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            // (root reads it anyway)
            let out = bin().args(["--json", "--jobs", "2", "--keys", zone.to_str().unwrap(), d]).output().unwrap();
            let lines = json_lines(&out);
            // After the zip's two messages, before the mbox's.
            let at = expected.iter().position(|s| s.ends_with("!1.eml")).unwrap() + 2;
            assert_eq!(lines[at]["source"].as_str(), Some(locked.to_str().unwrap()));
            assert_eq!(out.status.code(), Some(2));
        }
        let _ = std::fs::remove_file(&locked);
    }
}

/// Output piped into a reader that stops early (`dkimcheck ... | head`) ends the CLI quietly, as
/// it ends `cat` or `grep`: no panic, no "Broken pipe" backtrace on the terminal.
#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_ends_the_cli_without_a_panic() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;
    let (msg, zone) = signed_pair();
    let dir = tmp(&format!("many-{}", rand_suffix()));
    std::fs::create_dir_all(&dir).unwrap();
    // Far more output than a pipe holds (64 KiB on Linux): the CLI is still writing when the
    // reader goes.
    for i in 0..1500 {
        std::fs::write(dir.join(format!("{i:04}.eml")), &msg).unwrap();
    }
    for args in
        [vec!["-v", "--keys", zone.to_str().unwrap(), dir.to_str().unwrap()], vec!["--help"], vec!["keys", "list"]]
    {
        let mut child = bin().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty(), "{args:?}: no output");
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        if args[0] == "-v" {
            // Still writing when the reader went: ended by SIGPIPE, as `cat` would be.
            assert_eq!(out.status.signal(), Some(libc::SIGPIPE), "{args:?}");
        } else {
            // A short output may be written whole before the reader goes.
            let piped = out.status.signal() == Some(libc::SIGPIPE);
            assert!(piped || out.status.code() == Some(0), "{args:?}: {:?}", out.status);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
