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

// Counts the bytes allocated (the `inflate` target bounds them); installs the global allocator
// of every fuzz target and of tests/fuzz_corpus.rs.
#[path = "../../tests/common/counting_alloc.rs"]
mod counting_alloc;

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
    ("inflate", inflate),
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

/// Splitting an mbox: ranges in order, inside the input, not overlapping; and the same ranges
/// when it is fed in pieces (`mbox::Splitter`, as the page's `MboxSplitter` is fed a file chunk
/// by chunk), whatever the pieces: each of 1 to 7 bytes, then pieces of varying sizes drawn from
/// the input itself (so the fuzzer steers where they are cut).
pub fn mbox(data: &[u8]) {
    let _ = mbox::is_mbox(data);
    let whole = mbox::split(data);
    let mut end = 0;
    for r in &whole {
        assert!(r.start >= end && r.start <= r.end && r.end <= data.len(), "{r:?}");
        end = r.end;
    }
    let in_pieces = |sizes: &mut dyn Iterator<Item = usize>| {
        let mut splitter = mbox::Splitter::new();
        let (mut ranges, mut at) = (Vec::new(), 0);
        while at < data.len() {
            let piece = &data[at..(at + sizes.next().unwrap_or(1).max(1)).min(data.len())];
            let found = splitter.feed(piece);
            at += piece.len();
            assert_eq!(splitter.position(), at as u64);
            // A piece gives only messages that ended by its end.
            assert!(found.iter().all(|r| r.end <= at as u64), "{found:?} past {at}");
            ranges.extend(found);
        }
        ranges.extend(splitter.finish());
        ranges.into_iter().map(|r| r.start as usize..r.end as usize).collect::<Vec<_>>()
    };
    for size in 1..=7 {
        assert_eq!(in_pieces(&mut std::iter::repeat(size)), whole, "pieces of {size} bytes");
    }
    // Piece sizes from the input's bytes read backwards (1 to 64 bytes each), cycled.
    let mut drawn = data.iter().rev().map(|&b| usize::from(b % 64) + 1).cycle();
    assert_eq!(in_pieces(&mut drawn), whole, "pieces of the sizes drawn");
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

/// zlib-rs's own state while it inflates, on top of the output buffer ([`output_room`]):
/// a fixed size whatever the input.
pub const INFLATE_STATE_BYTES: usize = 64 * 1024;

/// The page's zip member inflater (`message::inflate::inflate_raw`, the wasm's `inflate_raw`),
/// with a declared size. The input: a mode byte, 4 bytes of size, a repeat count, a compressor
/// setting, then the data. Mode & 3: 0, the data is inflated as given (arbitrary bytes); 1, 2
/// and 3, the data repeated (1 to 256 times, within 64 KiB) is deflated, by zlib-rs (at any
/// level, strategy and window), by the zip crate (miniz_oxide) or by zlib-rs with bytes after
/// the end, and must inflate back to itself (and the zip crate's CRC-32 of it be the one members
/// are checked against). Mode >> 6 gives the declared size: the 4 bytes as
/// a number; the expected size plus or minus the first 2 as a signed number (the edges);
/// `usize::MAX` minus them; the 2 first alone (small). Whatever the input: no panic, never more
/// allocated than [`output_room`] plus [`INFLATE_STATE_BYTES`], never more bytes than
/// declared, a refusal naming the declared size, and the round trips exact.
pub fn inflate(data: &[u8]) {
    use dkimcheck::message::inflate::{InflateError, MAX_DEFLATE_RATIO, inflate_raw, output_room};
    use dkimcheck::message::zip_member;
    let Some((&[mode, a, b, c, d, reps, setting], payload)) = data.split_first_chunk::<7>() else { return };
    // At most 64 KiB to deflate (a few executions per second under ASan at 1 MiB): a bomb's
    // ratio, not its size, is what reaches the limits.
    let expected = match mode & 3 {
        0 => None,
        _ => Some(payload.repeat((usize::from(reps) + 1).min((64 << 10) / payload.len().max(1)).max(1))),
    };
    let compressed = match (mode & 3, &expected) {
        (1, Some(x)) => deflate_zlib_rs(x, setting),
        (2, Some(x)) => {
            let (compressed, crc) = deflate_miniz(x, setting);
            // The CRC-32 the zip crate records (crc32fast's) is the one members are checked
            // against (src/message/zip_member.rs, zlib-rs's); one bit off, the bytes are damaged.
            assert_eq!(zip_member::check_crc(x, crc), Ok(()), "the zip crate's CRC-32 of {} bytes", x.len());
            assert_eq!(zip_member::check_crc(x, crc ^ 1), Err(zip_member::MemberError::Damaged));
            compressed
        }
        (3, Some(x)) => [deflate_zlib_rs(x, setting), payload.iter().take(8).copied().collect()].concat(),
        _ => payload.to_vec(),
    };
    let n = u32::from_le_bytes([a, b, c, d]) as usize;
    let near = expected.as_ref().map_or(payload.len(), Vec::len);
    let limit = match mode >> 6 {
        0 => n,
        1 => near.saturating_add_signed(isize::from(i16::from_le_bytes([a, b]))),
        2 => usize::MAX - n,
        _ => usize::from(u16::from_le_bytes([a, b])),
    };
    let (result, peak) = counting_alloc::peak_of(|| inflate_raw(&compressed, limit));
    let room = output_room(compressed.len(), limit);
    assert!(peak <= room + INFLATE_STATE_BYTES, "{peak} bytes allocated for {} bytes, limit {limit}", compressed.len());
    match &result {
        Err(e) => assert!(
            (*e == InflateError::Broken && expected.is_none()) || *e == InflateError::InflatesMore { limit },
            "{e:?} for limit {limit}"
        ),
        Ok(out) => {
            assert!(out.len() <= limit && out.len() <= compressed.len() * MAX_DEFLATE_RATIO, "{} bytes", out.len());
        }
    }
    if let Some(x) = &expected {
        let want = if x.len() <= limit { Ok(x.as_slice()) } else { Err(InflateError::InflatesMore { limit }) };
        assert_eq!(result.as_deref().map_err(|&e| e), want, "round trip of {} bytes, limit {limit}", x.len());
    } else if let Ok(out) = &result {
        // The exact size is enough; one byte less is refused.
        assert_eq!(inflate_raw(&compressed, out.len()).as_ref(), Ok(out));
        if let Some(less) = out.len().checked_sub(1) {
            assert_eq!(inflate_raw(&compressed, less), Err(InflateError::InflatesMore { limit: less }));
        }
    }
    let _ = result.map_err(|e| (e.code(), e.phrase()));
}

/// Raw deflate of `data` by zlib-rs, `setting` choosing the level, strategy, window and memory.
fn deflate_zlib_rs(data: &[u8], setting: u8) -> Vec<u8> {
    use zlib_rs::{DeflateConfig, ReturnCode, Strategy, compress_bound, compress_slice};
    let strategy = [Strategy::Default, Strategy::Filtered, Strategy::HuffmanOnly, Strategy::Rle, Strategy::Fixed]
        [usize::from(setting / 10 % 5)];
    let config = DeflateConfig {
        level: i32::from(setting % 10),
        window_bits: -9 - i32::from(setting % 7),
        mem_level: 1 + i32::from(setting % 9),
        strategy,
        ..DeflateConfig::new(6)
    };
    let mut out = vec![0u8; compress_bound(data.len())];
    let (written, status) = compress_slice(&mut out, data, config);
    assert_eq!(status, ReturnCode::Ok, "{config:?}");
    let len = written.len();
    out.truncate(len);
    out
}

/// Raw deflate of `data` by the zip crate's writer (miniz_oxide), at level 1 to 9 (the zip
/// crate refuses level 0 for deflate: fuzz/crashes/inflate/ holds the input that found it).
fn deflate_miniz(data: &[u8], setting: u8) -> (Vec<u8>, u32) {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1 + i64::from(setting % 9)));
    w.start_file("x", opts).expect("zip member");
    w.write_all(data).expect("zip write");
    let zip = w.finish().expect("zip").into_inner();
    // The member's data, after its local header (sizes in the header: the writer seeks back).
    let compressed = u32::from_le_bytes([zip[18], zip[19], zip[20], zip[21]]) as usize;
    let start =
        30 + usize::from(u16::from_le_bytes([zip[26], zip[27]])) + usize::from(u16::from_le_bytes([zip[28], zip[29]]));
    let crc = u32::from_le_bytes([zip[14], zip[15], zip[16], zip[17]]);
    (zip[start..start + compressed].to_vec(), crc)
}
