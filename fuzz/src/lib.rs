//! The fuzz targets: one function per entry point of dkimcheck, taking arbitrary bytes. Each
//! must return without panicking, and checks what must hold whatever the input (a report's
//! verdict is its best signature's, the mbox ranges lie in the input...).
//!
//! `fuzz_targets/*.rs` hand libFuzzer's input to these functions; `tests/fuzz_corpus.rs`
//! includes this file (`#[path]`) and replays every corpus file and past crash input through
//! the same functions on every `cargo test`, on the stable toolchain.

#![allow(clippy::missing_panics_doc)]

use dkimcheck::dkim::body_hash::{ProvidedBodyHash, body_hash_jobs, canonical_body};
use dkimcheck::dkim::signature::{Signature, SignatureLabel};
use dkimcheck::keys::archive::Archive;
use dkimcheck::keys::provenance::ADDED_BY_YOU;
use dkimcheck::keys::record::KeyRecord;
use dkimcheck::keys::{KeyStore, zone};
use dkimcheck::message::{Message, mbox};
use dkimcheck::report::{MessageReport, Verdict};
use dkimcheck::text::tag_list::TagList;
use dkimcheck::verify::{Judging, Options, verify_message};
use dkimcheck::wasm_input::{JsBodyJob, JsOptions};
use std::sync::OnceLock;

#[path = "../../src/cli/sources/mod.rs"]
#[allow(dead_code)]
mod sources;

/// A fuzz target: arbitrary bytes in, no panic.
pub type Target = fn(&[u8]);

/// The targets, by name (the names of `fuzz_targets/*.rs` and of the corpus folders).
pub const TARGETS: &[(&str, Target)] = &[
    ("verify", verify),
    ("signature", signature),
    ("tag_list", tag_list),
    ("key_record", key_record),
    ("key_import", key_import),
    ("mbox", mbox),
    ("zip", zip),
    ("wasm_json", wasm_json),
];

/// The time at which signatures are judged.
const AT: u64 = 1_700_000_000;

/// Every key of the test vectors (tests/vectors/*/keys*.zone): the seeds are those vectors'
/// messages, so signatures verify and the crypto runs, and mutations reach every step.
fn vector_keys() -> &'static KeyStore {
    static KEYS: OnceLock<KeyStore> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys = KeyStore::new();
        for zone in [
            include_str!("../../tests/vectors/apache-james-jdkim/keys.zone"),
            include_str!("../../tests/vectors/dkimpy/keys.zone"),
            include_str!("../../tests/vectors/dkimpy/keys-2.zone"),
            include_str!("../../tests/vectors/mimekit/keys.zone"),
            include_str!("../../tests/vectors/perl-mail-dkim/keys.zone"),
            include_str!("../../tests/vectors/postalsys-mailauth/keys.zone"),
            include_str!("../../tests/vectors/stalwart-mail-auth/keys.zone"),
        ] {
            keys.add_zone(zone, "vectors");
        }
        keys
    })
}

/// What every report must satisfy.
fn consistent(r: &MessageReport) {
    let best = r.signatures.iter().map(|s| s.result).min_by_key(|v| v.rank()).unwrap_or(Verdict::None);
    assert_eq!(r.verdict, best, "the verdict is the best signature's");
    assert!(!r.headline.main.id.is_empty());
    // Every text renders in every language, whatever the input put in the arguments.
    for lang in dkimcheck::l10n::Lang::ALL {
        let mut worded = r.clone();
        worded.render(lang);
        assert!(!worded.summary.is_empty());
    }
    for s in &r.signatures {
        assert!(!s.reason.is_empty() && !s.explanation.id.is_empty(), "{s:?}");
        assert_eq!(s.result == Verdict::Pass, s.reason == "verified");
    }
    assert!(r.signatures.len() <= dkimcheck::budget::MAX_SIGNATURES);
    let _ = r.to_json_line();
}

/// A whole message, with the vectors' keys, body text included; then again with the body
/// hashes computed by the caller (as the page's worker does): both reports must be equal.
pub fn verify(data: &[u8]) {
    let keys = vector_keys();
    let options = Options { with_body: true, ..Options::at(AT) };
    let plain = verify_message(data, keys, &options);
    consistent(&plain);
    let provided: Vec<ProvidedBodyHash> = body_hash_jobs(data)
        .into_iter()
        .map(|job| {
            let body = canonical_body(data, job.canon);
            let hashed =
                &body[..job.limit.map_or(body.len(), |l| usize::try_from(l).unwrap_or(usize::MAX).min(body.len()))];
            let mut h = dkimcheck::crypto::Hasher::new(job.hash);
            h.update(hashed);
            ProvidedBodyHash { job, digest: h.finish(), canonical_len: body.len() as u64 }
        })
        .collect();
    let with = verify_message(data, keys, &Options { body_hashes: provided, ..options });
    assert_eq!(plain, with, "body hashes computed by the caller change nothing");
}

/// A `DKIM-Signature` field value: parsing and every rule, and the lenient label reader.
pub fn signature(data: &[u8]) {
    let raw = [b"DKIM-Signature:".as_slice(), data, b"\r\n\r\n"].concat();
    let message = Message::parse(&raw);
    let Some(field) = message.headers.first() else { return };
    let _ = SignatureLabel::read(field);
    if let Ok(sig) = Signature::parse(field) {
        assert!(sig.b_range.end <= field.raw.len() && sig.b_range.start <= sig.b_range.end);
        assert!(!sig.signature.is_empty());
        let _ = sig.key_name();
    }
}

/// A tag list (RFC 6376 §3.2).
pub fn tag_list(data: &[u8]) {
    if let Ok(list) = TagList::parse(data) {
        assert!(list.tags.len() <= dkimcheck::budget::MAX_TAGS);
        for t in &list.tags {
            assert!(t.raw_value.start <= t.raw_value.end && t.raw_value.end <= data.len());
            assert_eq!(list.get(t.name), Some(t.value));
        }
    }
}

/// A key record (the TXT value).
pub fn key_record(data: &[u8]) {
    if let Ok(record) = KeyRecord::parse(data) {
        let _ = record.bits();
        let _ = record.key.fingerprint();
        let _ = record.key.verify(dkimcheck::crypto::HashAlgorithm::Sha256, &[0; 32], data);
    }
}

/// Key text in every accepted format: zone / dig lines, the archive's JSON, zk-email's JSON.
pub fn key_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut store = KeyStore::new();
    let before = store.len();
    if let Ok((added, _)) = store.import(&text, "fuzz") {
        assert_eq!(store.len(), before + added);
    }
    let _ = zone::parse(&text);
    if let Ok(archive) = Archive::from_json(&text) {
        let _ = archive.check();
    }
    let _ = Archive::from_store(&store);
}

/// Splitting an mbox: ranges in order, inside the input, not overlapping.
pub fn mbox(data: &[u8]) {
    let _ = mbox::is_mbox(data);
    let mut end = 0;
    for r in mbox::split(data) {
        assert!(r.start >= end && r.start <= r.end && r.end <= data.len(), "{r:?}");
        end = r.end;
    }
}

/// The CLI's reading of a zip (nested zips, mboxes inside), with its budgets; 1 MiB messages.
pub fn zip(data: &[u8]) {
    let mut bytes = 0usize;
    sources::for_each_in_bytes("fuzz.zip", data.to_vec(), 1 << 20, |item| {
        bytes += item.content.as_ref().map_or(0, |c| c.size() as usize);
    });
    let budget = dkimcheck::budget::max_zip_inflated_bytes(data.len() as u64);
    assert!(bytes as u64 <= budget.max(data.len() as u64), "{bytes} bytes handed out");
}

/// What the page hands the wasm API: a first line of JSON `{"options": {...}, "hashes":
/// [...]}` (the `Verifier` options and `verifyWithBodyHashes` jobs), then a message.
pub fn wasm_json(data: &[u8]) {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let (json, message) = (&data[..split], data.get(split + 1..).unwrap_or_default());
    #[derive(serde::Deserialize, Default)]
    struct Input {
        #[serde(default)]
        options: Option<JsOptions>,
        #[serde(default)]
        hashes: Vec<JsBodyJob>,
    }
    let Ok(input) = serde_json::from_slice::<Input>(json) else { return };
    let options = input.options.unwrap_or_default();
    // As `JsOptions::key_store`, with the vectors' keys standing for the bundled archive (the
    // same every time, and the vectors' messages verify with them). Those are built once and
    // borrowed; a store is built for this input only when it gives keys or refuses the bundle.
    let given = options.keys.as_deref().filter(|t| !t.trim().is_empty());
    let bundled = options.bundled.unwrap_or(true);
    let own: KeyStore;
    let keys = match given {
        None if bundled => vector_keys(),
        None => {
            own = KeyStore::new();
            &own
        }
        Some(text) => {
            let mut store = if bundled { vector_keys().clone() } else { KeyStore::new() };
            if store.import(text, ADDED_BY_YOU).is_err() {
                return;
            }
            own = store;
            &own
        }
    };
    let Ok(at) = options.judging_at() else { return };
    let judging = match at {
        None => Judging::AsOfSigning,
        Some(t) => Judging::At(t.unwrap_or(AT)),
    };
    let verify_options = Options {
        now: AT,
        judging,
        with_body: options.body.unwrap_or(true),
        source: String::new(),
        hash_input: options.hash_input.unwrap_or(true),
        body_hashes: input.hashes.iter().filter_map(JsBodyJob::provided).collect(),
        full_report: true,
        display_summary: true,
    };
    consistent(&verify_message(message, keys, &verify_options));
    for job in &input.hashes {
        let _ = serde_json::to_string(job);
    }
}
