//! The fuzz targets (fuzz/src/lib.rs, included here as it is) on the stable toolchain: every
//! file of each target's corpus (fuzz/corpus/<target>/), every past crash input
//! (fuzz/crashes/<target>/), and the seeds drawn from tests/vectors go through the same target
//! functions libFuzzer calls. A crash found by fuzzing is fixed, then its input is added to
//! fuzz/crashes/<target>/ so that it is replayed here forever.
//!
//! `cargo test --test fuzz_corpus -- --ignored write_seed_corpus` writes the seeds into
//! fuzz/corpus/<target>/ (as `seed-*` files, not committed) before a campaign; see
//! fuzz/run-campaign.sh.

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::io::Write;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder, sorted (none if it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// Every vector message, every vector zone file.
fn vector_files() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut messages, mut zones) = (Vec::new(), Vec::new());
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(root().join("tests/vectors")).into_iter().flatten().flatten().map(|e| e.path()).collect();
    sources.sort();
    for source in sources.into_iter().filter(|p| p.is_dir()) {
        messages.extend(files(&source.join("messages")));
        zones.extend(files(&source).into_iter().filter(|p| p.extension().is_some_and(|e| e == "zone")));
    }
    (messages, zones)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

/// A zip of `members` (stored or deflated), written with the zip crate.
fn zip_of(members: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in members {
        w.start_file(*name, opts).expect("zip member");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

/// The seeds of `target`, drawn from tests/vectors: (name, bytes).
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let (messages, zones) = vector_files();
    let name = |p: &Path| p.strip_prefix(root()).unwrap_or(p).to_string_lossy().replace('/', "_");
    let message_seeds = || messages.iter().map(|p| (name(p), read(p))).collect::<Vec<_>>();
    let signature_values = || {
        messages
            .iter()
            .flat_map(|p| {
                let raw = read(p);
                let normalized = dkimcheck::message::input::normalize(&raw);
                let message = dkimcheck::message::Message::parse(&normalized.bytes);
                let values: Vec<Vec<u8>> = message.fields("dkim-signature").map(|(_, f)| f.value.to_vec()).collect();
                values.into_iter().enumerate().map(move |(i, v)| (format!("{}-{i}", name(p)), v)).collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let key_records = || {
        zones
            .iter()
            .flat_map(|p| {
                let (records, _) = dkimcheck::keys::zone::parse(&String::from_utf8_lossy(&read(p)));
                records
                    .into_iter()
                    .enumerate()
                    .map(move |(i, r)| (format!("{}-{i}", name(p)), r.data))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    match target {
        "verify" | "mbox" => message_seeds(),
        "signature" => signature_values(),
        "tag_list" => signature_values().into_iter().chain(key_records()).collect(),
        "key_record" => key_records(),
        "key_import" => zones
            .iter()
            .map(|p| (name(p), read(p)))
            .chain(std::iter::once(("keys_archive.json".to_string(), read(&root().join("keys/archive.json")))))
            .collect(),
        "zip" => {
            let some: Vec<(String, Vec<u8>)> = message_seeds().into_iter().take(4).collect();
            let members: Vec<(&str, &[u8])> = some.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
            let inner = zip_of(&members[..1], true);
            vec![
                ("stored.zip".into(), zip_of(&members, false)),
                ("deflated.zip".into(), zip_of(&members, true)),
                ("nested.zip".into(), zip_of(&[("in.zip", &inner), members[1]], false)),
            ]
        }
        "inflate" => {
            // A mode byte, 4 bytes of declared size, a repeat count, a compressor setting, data
            // (see `targets::inflate`).
            let message = message_seeds().into_iter().next().map(|(_, m)| m).unwrap_or_default();
            let deflated = |data: &[u8]| {
                let mut out = vec![0u8; zlib_rs::compress_bound(data.len())];
                let config = zlib_rs::DeflateConfig { window_bits: -15, ..zlib_rs::DeflateConfig::new(9) };
                let len = zlib_rs::compress_slice(&mut out, data, config).0.len();
                out.truncate(len);
                out
            };
            let seed = |head: [u8; 7], data: &[u8]| [head.as_slice(), data].concat();
            vec![
                ("zlib-rs-exact-size".into(), seed([0x41, 0, 0, 0, 0, 0, 6], &message)),
                ("miniz-one-byte-short".into(), seed([0x42, 0xff, 0xff, 0, 0, 3, 9], &message)),
                ("trailing-bytes-any-size".into(), seed([0x83, 0, 0, 0, 0, 255, 42], &message)),
                ("raw-1-mib-limit".into(), seed([0, 0, 0, 0x10, 0, 0, 0], &deflated(&message))),
                ("raw-bomb-1000-bytes".into(), seed([0, 0xe8, 3, 0, 0, 0, 0], &deflated(&vec![0; 1 << 20]))),
                ("raw-not-deflate".into(), seed([0xc0, 0xe8, 3, 0, 0, 0, 0], &message)),
            ]
        }
        "wasm_json" => message_seeds()
            .into_iter()
            .take(12)
            .flat_map(|(n, m)| {
                let hashes = r#"{"options": {"at": 1700000000, "body": true}, "hashes": [{"canon": "relaxed", "hash": "sha256", "limit": null, "digest": "00ff", "length": 3}]}"#;
                [
                    (format!("{n}-plain"), [b"{}\n".as_slice(), &m].concat()),
                    (format!("{n}-hashes"), [hashes.as_bytes(), b"\n", &m].concat()),
                ]
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Runs `f` on `input`; the panic message if it panicked.
fn run(f: fn(&[u8]), input: &[u8]) -> Option<String> {
    std::panic::catch_unwind(|| f(input)).err().map(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn every_corpus_file_crash_input_and_seed_replays_without_a_panic() {
    let mut failures = Vec::new();
    for &(target, f) in targets::TARGETS {
        let mut count = 0;
        for dir in ["corpus", "crashes"] {
            // seed-* files are the seeds below, written for a campaign.
            let written_seed = |p: &PathBuf| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("seed-"));
            for path in files(&root().join("fuzz").join(dir).join(target)).into_iter().filter(|p| !written_seed(p)) {
                count += 1;
                if let Some(why) = run(f, &read(&path)) {
                    failures.push(format!("{}: {why}", path.display()));
                }
            }
        }
        for (name, input) in seeds(target) {
            count += 1;
            if let Some(why) = run(f, &input) {
                failures.push(format!("{target} seed {name}: {why}"));
            }
        }
        assert!(count >= 3, "{target}: only {count} inputs");
        println!("{target}: {count} inputs replayed");
    }
    assert!(failures.is_empty(), "fuzz inputs that panic:\n{}", failures.join("\n"));
}

#[test]
fn every_target_has_its_fuzz_binary_and_corpus_folder_name() {
    let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).expect("fuzz/Cargo.toml");
    for (target, _) in targets::TARGETS {
        assert!(manifest.contains(&format!("name = \"{target}\"")), "fuzz/Cargo.toml lacks {target}");
        assert!(root().join(format!("fuzz/fuzz_targets/{target}.rs")).is_file(), "no fuzz_targets/{target}.rs");
    }
}

#[test]
#[ignore = "writes files: run by fuzz/run-campaign.sh before a campaign"]
fn write_seed_corpus() {
    for (target, _) in targets::TARGETS {
        let dir = root().join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&dir).expect("corpus folder");
        for (name, bytes) in seeds(target) {
            std::fs::write(dir.join(format!("seed-{name}")), bytes).expect("seed file");
        }
    }
}
