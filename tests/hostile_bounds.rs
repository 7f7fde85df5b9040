//! Every hostile input of the security review (issue 11), generated here, with the outcome it
//! must give and a bound on the work it may cost that does not depend on the machine's speed:
//! work counted by the library (`budget::work`, the `work-counters` feature the tests turn on),
//! a budget hit, or the peak of memory allocated on the test's thread, measured by the counting
//! allocator below. No test here looks at a clock.
//!
//! Sizes are scaled down from the review's (100 MB bodies become a few MB) where the bound is
//! a ratio to the input size; where the review's size is what triggers a budget, it is kept.

mod common;

use base64::Engine;
use common::signer::{Spec, TestKey, sign};
use dkimcheck::budget::{self, MAX_HEADER_FIELDS, MAX_KEYS_PER_NAME, MAX_TAGS, Work};
use dkimcheck::dkim::algorithm::{Algorithm, Canonicalization};
use dkimcheck::dkim::signature::Signature;
use dkimcheck::keys::{KeyStore, Provenance};
use dkimcheck::message::Message;
use dkimcheck::report::{MessageReport, Verdict};
use dkimcheck::verify::{Options, verify_message};
use std::sync::OnceLock;

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

/// Runs `f` and returns its result with the peak of the memory it allocated on this thread
/// (beyond what was live before), and the work it did.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, Counted) {
    budget::reset_work();
    let (out, peak) = counting_alloc::peak_of(f);
    (out, peak, Counted::now())
}

/// The work counters after a run.
#[derive(Debug)]
struct Counted {
    header_lookups: u64,
    tag_lookups: u64,
    key_comparisons: u64,
    bytes_hashed: u64,
    bytes_copied: u64,
    modular_multiplications: u64,
}

impl Counted {
    fn now() -> Self {
        Counted {
            header_lookups: budget::work(Work::HeaderLookups),
            tag_lookups: budget::work(Work::TagLookups),
            key_comparisons: budget::work(Work::KeyComparisons),
            bytes_hashed: budget::work(Work::BytesHashed),
            bytes_copied: budget::work(Work::BytesCopied),
            modular_multiplications: budget::work(Work::ModularMultiplications),
        }
    }
}

const MB: usize = 1024 * 1024;
const AT: u64 = 1_700_000_000;

fn ed() -> &'static TestKey {
    static K: OnceLock<TestKey> = OnceLock::new();
    K.get_or_init(TestKey::ed25519)
}

fn rsa() -> &'static TestKey {
    static K: OnceLock<TestKey> = OnceLock::new();
    K.get_or_init(|| TestKey::rsa(1024))
}

fn store_for(spec: &Spec, key: &TestKey) -> KeyStore {
    let mut store = KeyStore::new();
    store.add_zone(&spec.zone_line(key), "test");
    store
}

fn verify(raw: &[u8], store: &KeyStore, with_body: bool) -> MessageReport {
    verify_message(raw, store, &Options { with_body, ..Options::at(AT) })
}

const HEAD: &str =
    "From: a@example.org\r\nTo: b@example.net\r\nSubject: s\r\nDate: Tue, 01 Mar 2016 10:00:00 +0000\r\n";

/// A body of `size` bytes of ordinary text lines (with some runs of spaces for relaxed).
fn body(size: usize) -> Vec<u8> {
    let line = b"Lorem ipsum dolor sit amet,  consectetur adipiscing elit \t sed do eiusmod tempor.\r\n";
    line.iter().copied().cycle().take(size / line.len() * line.len()).collect()
}

fn message(head: &str, body: &[u8]) -> Vec<u8> {
    let mut m = head.as_bytes().to_vec();
    m.extend_from_slice(b"\r\n");
    m.extend_from_slice(body);
    m
}

#[test]
fn the_tests_count_work() {
    const { assert!(budget::COUNTING, "the work-counters feature must be on for the tests (see Cargo.toml)") };
}

// --- the crash: message/rfc822 nested 100,000 deep ---------------------------------------------

fn nested_rfc822(levels: usize) -> Vec<u8> {
    let mut m = HEAD.as_bytes().to_vec();
    m.extend_from_slice(b"Content-Type: message/rfc822\r\n\r\n");
    for _ in 1..levels {
        m.extend_from_slice(b"Content-Type: message/rfc822\r\n\r\n");
    }
    m.extend_from_slice(b"Subject: innermost\r\n\r\nhello\r\n");
    m
}

#[test]
fn message_rfc822_nested_100_000_deep_is_summarized_without_its_body() {
    let raw = nested_rfc822(100_000);
    assert!(raw.len() > 3 * MB);
    // On a 256 KiB stack: the review's crash was a stack overflow freeing the nested tree.
    let (r, peak, _) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || measure(|| verify(&raw, &KeyStore::new(), true)))
        .expect("thread")
        .join()
        .expect("no crash");
    assert_eq!(r.error, None);
    assert!(r.notes.iter().any(|n| n.to_string().contains("limit mime_parts")), "{:?}", r.notes);
    assert_eq!(r.message.subject.as_deref(), Some("s"));
    assert!(peak < MB, "peak {peak} bytes");
    println!("100,000 nested message/rfc822: refused by the mime_parts budget, peak {peak} bytes allocated");
}

#[test]
fn message_rfc822_nested_9_000_deep_is_read_and_freed_without_recursion() {
    let raw = nested_rfc822(9_000);
    let len = raw.len();
    let (r, peak, _) = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || measure(|| verify(&raw, &KeyStore::new(), true)))
        .expect("thread")
        .join()
        .expect("no stack overflow on a 256 KiB stack");
    assert_eq!(r.error, None);
    assert!(r.message.body_text.is_some());
    // mail-parser keeps a small tree per level: linear, about 1.5 KB per 32-byte level.
    assert!(peak < 64 * len, "peak {peak} bytes for {len} bytes of input");
    println!("9,000 nested message/rfc822 ({len} bytes): shown, peak {peak} bytes allocated");
}

// --- quadratic time: header names, h=, tags, keys ----------------------------------------------

/// A message with `fields` header fields of distinct names (From, To, Subject, Date among them).
fn many_fields(fields: usize) -> Vec<u8> {
    let mut head = HEAD.to_string();
    for i in 4..fields {
        head.push_str(&format!("X-Field-{i}: v\r\n"));
    }
    message(&head, b"body\r\n")
}

#[test]
fn a_hundred_thousand_header_fields_are_refused_by_the_budget() {
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let raw = sign(&many_fields(100_000), ed(), &spec);
    let store = store_for(&spec, ed());
    let (r, peak, work) = measure(|| verify(&raw, &store, false));
    let error = r.error.as_ref().map(ToString::to_string).unwrap_or_default();
    assert!(error.contains("limit header_fields"), "{error}");
    assert!(r.signatures.is_empty());
    assert_eq!(work.header_lookups, 0);
    assert!(peak < 2 * MB, "peak {peak}");
    println!("100,000 header fields: refused by the header_fields budget, 0 lookups, peak {peak} bytes");
}

#[test]
fn header_names_cost_linear_lookups_with_one_and_with_fifty_signatures() {
    let fields = MAX_HEADER_FIELDS - 60;
    let unsigned = many_fields(fields);
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let store = store_for(&spec, ed());
    let mut raw = sign(&unsigned, ed(), &spec);
    let (r, _, one) = measure(|| verify(&raw, &store, false));
    assert_eq!((r.verdict, r.signatures[0].unsigned_headers.len()), (Verdict::Pass, fields - 4));
    // One lookup per field to build the index, one per field for the unsigned list, a few for
    // h= and the warnings. It was one comparison per pair of names.
    assert!(one.header_lookups <= 2 * fields as u64 + 100, "{one:?}");
    for _ in 1..50 {
        raw = sign(&raw, ed(), &spec);
    }
    let (r, _, fifty) = measure(|| verify(&raw, &store, false));
    assert_eq!(r.signatures.len(), 50);
    assert!(r.signatures.iter().all(|s| s.result == Verdict::Pass));
    assert!(fifty.header_lookups <= (fields as u64 + 50) * 51 + 100 * 50, "{fifty:?}");
    println!(
        "{fields} header names: 1 signature with {} lookups, 50 signatures with {} (linear in fields × signatures; was quadratic in fields)",
        one.header_lookups, fifty.header_lookups
    );
}

#[test]
fn h_with_100_000_names_costs_a_few_lookups_per_name() {
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.headers = std::iter::once("from".to_string()).chain((0..100_000).map(|i| format!("x-h{i}"))).collect();
    let raw = sign(&message(HEAD, b"body\r\n"), ed(), &spec);
    let store = store_for(&spec, ed());
    let (r, _, work) = measure(|| verify(&raw, &store, false));
    assert_eq!(r.verdict, Verdict::Pass);
    assert_eq!(r.signatures[0].signed_headers.len(), 100_001);
    // One lookup per name to select the signed fields, one to list the unsigned ones, one for the
    // warnings: linear in h=.
    assert!(work.header_lookups <= 3 * 100_001 + 100, "{work:?}");
    println!("h= with 100,001 names: {} header lookups (was one scan of the header per name)", work.header_lookups);
}

#[test]
fn a_signature_or_key_record_with_100_000_tags_is_refused_by_the_budget() {
    let tags: String = (0..100_000).map(|i| format!(" z{i}=x;")).collect();
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let signed = sign(&message(HEAD, b"body\r\n"), ed(), &spec);
    let raw = [
        b"DKIM-Signature: v=1; a=ed25519-sha256; d=example.org; s=test; h=from; bh=AAAA; b=AAAA;".as_slice(),
        tags.as_bytes(),
        b"\r\n",
        &signed,
    ]
    .concat();
    let store = store_for(&spec, ed());
    let (r, _, work) = measure(|| verify(&raw, &store, false));
    assert_eq!((r.signatures[0].result, r.signatures[0].reason), (Verdict::Permerror, "malformed_signature"));
    assert!(
        r.signatures[0]
            .detail
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
            .contains("limit tags_per_tag_list")
    );
    assert_eq!(r.verdict, Verdict::Pass, "the valid signature below is still checked");
    assert!(work.tag_lookups <= 2 * (MAX_TAGS as u64 + 20), "{work:?}");

    let record = format!("v=DKIM1; k=ed25519;{tags} p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    let mut store = KeyStore::new();
    let (_, _, work) = measure(|| store.add("test._domainkey.example.org", &record, Provenance::origin("t")));
    assert!(work.tag_lookups <= MAX_TAGS as u64 + 1, "{work:?}");
    let r = verify(&signed, &store, false);
    assert_eq!(r.signatures[0].reason, "bad_key");
    assert!(
        r.signatures[0]
            .detail
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
            .contains("limit tags_per_tag_list")
    );
    println!("100,000 tags: refused after {} tag lookups", work.tag_lookups);
}

#[test]
fn twenty_thousand_keys_under_one_name_keep_the_budget_and_cost_one_comparison_each() {
    let b64 = base64::engine::general_purpose::STANDARD;
    let zone: String = (0..20_000u32)
        .map(|i| {
            format!("s._domainkey.example.org. IN TXT \"v=DKIM1; k=ed25519; p={}\"\n", b64.encode(i.to_be_bytes()))
        })
        .collect();
    let mut store = KeyStore::new();
    let (result, _, work) = measure(|| store.import(&zone, "hostile file"));
    let (added, problems) = result.expect("imported");
    assert_eq!((added, store.len()), (MAX_KEYS_PER_NAME, MAX_KEYS_PER_NAME));
    assert_eq!(problems.len(), 20_000 - MAX_KEYS_PER_NAME);
    assert!(problems[0].to_string().contains("limit keys_per_name"), "{}", problems[0]);
    assert!(work.key_comparisons <= 20_000, "{work:?}");
    // The same records again: duplicates, found in one lookup each.
    let (_, _, again) = measure(|| store.import(&zone, "again"));
    assert!(again.key_comparisons <= 20_000, "{again:?}");
    println!(
        "20,000 keys under one name: {MAX_KEYS_PER_NAME} kept, {} set lookups (was one comparison with every key held)",
        work.key_comparisons
    );
}

// --- repeated passes over big bodies -----------------------------------------------------------

#[test]
fn fifty_signatures_with_different_l_hash_the_body_once() {
    let body = body(MB);
    let unsigned = message(HEAD, &body);
    let mut raw = unsigned.clone();
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    for i in 1..=50u64 {
        // Every other one with simple canonicalization, whose body is one slice.
        spec.body_canon = if i % 2 == 0 { Canonicalization::Simple } else { Canonicalization::Relaxed };
        let canonical = dkimcheck::dkim::canon::body_canonical(&body, spec.body_canon).len() as u64;
        spec.body_length = Some(Some(i * (canonical / 50)));
        raw = sign(&raw, ed(), &spec);
    }
    let store = store_for(&spec, ed());
    let (r, _, work) = measure(|| verify(&raw, &store, false));
    assert_eq!(r.signatures.len(), 50);
    assert!(r.signatures.iter().all(|s| s.result == Verdict::Pass), "{:?}", r.signatures[0]);
    // The body once per canonicalization (up to the largest l=), plus the 50 signed header
    // blocks (each carries every signature above it).
    let headers = raw.len() - body.len();
    assert!(work.bytes_hashed <= (2 * body.len() + 50 * headers) as u64, "{work:?}");
    println!(
        "50 signatures with different l= on a {} byte body: {} bytes hashed (was one pass per signature: ~{})",
        body.len(),
        work.bytes_hashed,
        body.len() * 51 / 2
    );
}

#[test]
fn fifty_failing_signatures_and_a_quoted_from_line_unquote_and_rehash_once() {
    let mut body = body(MB);
    let mut spec = Spec::new(Algorithm::Ed25519Sha256);
    spec.body_canon = Canonicalization::Simple;
    let mut raw = message(HEAD, &body);
    for _ in 0..50 {
        raw = sign(&raw, ed(), &spec);
    }
    // Changed after signing, with a quoted line: every signature fails, and each would try the
    // unquoted body.
    raw.extend_from_slice(b">From the changed end\r\n");
    body.extend_from_slice(b">From the changed end\r\n");
    let store = store_for(&spec, ed());
    let (r, peak, work) = measure(|| verify(&raw, &store, false));
    assert!(r.signatures.iter().all(|s| s.reason == "body_changed"), "{:?}", r.signatures[0].reason);
    // The appended line is a footer (named repair): found for all 50 in one more pass.
    assert!(r.signatures.iter().all(|s| s.repair.as_ref().is_some_and(|x| x.code == "list_footer")));
    assert!(work.bytes_copied <= body.len() as u64, "{work:?}");
    let headers = raw.len() - body.len();
    assert!(work.bytes_hashed <= (3 * body.len() + 50 * headers) as u64, "{work:?}");
    assert!(peak < body.len() + 2 * MB, "peak {peak}");
    println!(
        "50 failing signatures and a >From line on {} bytes: {} bytes copied, {} hashed (the body, its unquoted form, the footer search), peak {peak} (was a copy and a hash per signature)",
        body.len(),
        work.bytes_copied,
        work.bytes_hashed
    );
}

/// A PKCS#1 RSAPublicKey DER for big-endian `n` and `e`, in a record.
fn rsa_record(n: &[u8], e: &[u8]) -> String {
    fn int(v: &[u8]) -> Vec<u8> {
        let mut body = vec![0];
        body.extend_from_slice(v);
        let mut out = vec![0x02];
        out.extend(len(body.len()));
        out.extend(body);
        out
    }
    fn len(l: usize) -> Vec<u8> {
        if l < 128 { vec![l as u8] } else { vec![0x82, (l >> 8) as u8, l as u8] }
    }
    let inner = [int(n), int(e)].concat();
    let der = [vec![0x30], len(inner.len()), inner].concat();
    format!("k=rsa; p={}", base64::engine::general_purpose::STANDARD.encode(der))
}

#[test]
fn an_8192_bit_public_exponent_is_refused_and_a_64_bit_one_costs_at_most_130_multiplications() {
    let spec = Spec::new(Algorithm::RsaSha256);
    let signed = sign(&message(HEAD, b"body\r\n"), rsa(), &spec);
    let mut n = vec![0xffu8; 1024];
    n[0] = 0x7f;
    let mut e = vec![0xffu8; 1023];
    e[0] = 0x7f;
    let mut store = KeyStore::new();
    let (_, _, load) =
        measure(|| store.add("test._domainkey.example.org", &rsa_record(&n, &e), Provenance::origin("t")));
    let (r, _, work) = measure(|| verify(&signed, &store, false));
    assert_eq!((r.signatures[0].result, r.signatures[0].reason), (Verdict::Permerror, "key_exponent_too_large"));
    assert!(r.signatures[0].detail.as_ref().map(ToString::to_string).unwrap_or_default().contains("2^64"));
    assert_eq!((load.modular_multiplications, work.modular_multiplications), (0, 0));

    let mut store = KeyStore::new();
    store.add("test._domainkey.example.org", &rsa_record(&n, &[0xff; 8]), Provenance::origin("t"));
    // A signature of k bytes (below the modulus), so that the exponentiation runs. Keys are
    // parsed (and their Montgomery constants prepared) on first use: the second verification
    // counts the exponentiation alone.
    let forged = with_b(&signed, &[1u8; 1024]);
    verify(&forged, &store, false);
    let (r, _, work) = measure(|| verify(&forged, &store, false));
    assert_eq!(r.signatures[0].reason, "headers_changed");
    assert!(work.modular_multiplications <= 2 * 64 + 2, "{work:?}");
    println!(
        "8192-bit exponent: refused (key_exponent_too_large), 0 multiplications; 64-bit exponent: {} multiplications per verification",
        work.modular_multiplications
    );
}

// --- DomainKeys (RFC 4870): h= lists and whole-message hashes ------------------------------------

#[test]
fn domainkeys_h_with_100_000_names_costs_a_lookup_per_name() {
    let names: String = (0..100_000).map(|i| format!(":x-h{i}")).collect();
    let raw = format!(
        "DomainKey-Signature: a=rsa-sha1; s=test; d=example.org; c=simple; q=dns; h=from{names}; b=AAAA\r\n{HEAD}\r\nbody\r\n"
    );
    let mut store = KeyStore::new();
    store.add("test._domainkey.example.org", &rsa().record(), Provenance::origin("t"));
    let (r, _, work) = measure(|| verify(raw.as_bytes(), &store, false));
    assert_eq!(r.domainkeys.len(), 1);
    assert_eq!((r.domainkeys[0].result, r.domainkeys[0].reason), (Verdict::Fail, "message_changed"));
    assert!(work.header_lookups <= 100_001 + 100, "{work:?}");
    println!(
        "DomainKeys h= with 100,001 names: {} header lookups (was a scan of every group per name)",
        work.header_lookups
    );
}

#[test]
fn fifty_domainkeys_signatures_hash_the_message_at_most_five_times() {
    let body = body(MB);
    let sigs = "DomainKey-Signature: a=rsa-sha1; s=test; d=example.org; c=nofws; q=dns; b=AAAA\r\n".repeat(50);
    let raw = [sigs.as_bytes(), HEAD.as_bytes(), b"\r\n", &body].concat();
    let mut store = KeyStore::new();
    store.add("test._domainkey.example.org", &rsa().record(), Provenance::origin("t"));
    let (r, _, work) = measure(|| verify(&raw, &store, false));
    assert_eq!(r.domainkeys.len(), budget::MAX_DOMAINKEY_SIGNATURES);
    assert!(r.notes.iter().any(|n| n.to_string().contains("50 DomainKeys signatures")), "{:?}", r.notes);
    assert!(work.bytes_hashed <= (budget::MAX_DOMAINKEY_SIGNATURES * raw.len()) as u64, "{work:?}");
    println!(
        "50 DomainKeys signatures on a {} byte message: {} evaluated, {} bytes hashed (was 50 whole-message hashes)",
        raw.len(),
        r.domainkeys.len(),
        work.bytes_hashed
    );
}

// --- memory ------------------------------------------------------------------------------------

#[test]
fn a_big_crlf_message_is_never_copied() {
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let mut raw = sign(&message(HEAD, &body(8 * MB)), ed(), &spec);
    raw.extend_from_slice(b"changed\r\n"); // fails: the unquoting step runs too
    let store = store_for(&spec, ed());
    let (r, peak, work) = measure(|| verify(&raw, &store, false));
    assert_eq!(r.signatures[0].reason, "body_changed");
    assert_eq!(work.bytes_copied, 0);
    assert!(peak < MB, "peak {peak} bytes for a {} byte message", raw.len());
    println!("{} byte CRLF message: peak {peak} bytes allocated, 0 copied (was a copy of the body)", raw.len());
}

#[test]
fn an_lf_only_message_is_copied_once() {
    let spec = Spec::new(Algorithm::Ed25519Sha256);
    let crlf = sign(&message(HEAD, &body(8 * MB)), ed(), &spec);
    let lf: Vec<u8> = crlf.iter().copied().filter(|&b| b != b'\r').collect();
    let store = store_for(&spec, ed());
    let (r, peak, work) = measure(|| verify(&lf, &store, false));
    assert_eq!(r.verdict, Verdict::Pass);
    assert_eq!(work.bytes_copied, crlf.len() as u64);
    assert!(peak < crlf.len() + MB, "peak {peak} bytes for a {} byte message", lf.len());
    println!("{} byte LF-only message: one CRLF copy, peak {peak} bytes allocated (was three)", lf.len());
}

// --- signature length --------------------------------------------------------------------------

/// `raw` with its top signature's `b=` replaced by `b` (the signer writes `b=` last).
fn with_b(raw: &[u8], b: &[u8]) -> Vec<u8> {
    let field_len = Message::parse(raw).headers[0].raw.len();
    let field = &raw[..field_len];
    let at = field.windows(4).rposition(|w| w == b"; b=").expect("b=") + 4;
    let encoded = base64::engine::general_purpose::STANDARD.encode(b);
    [&field[..at], encoded.as_bytes(), b"\r\n", &raw[field_len..]].concat()
}

#[test]
fn rsa_signatures_of_other_than_k_bytes_fail() {
    let spec = Spec::new(Algorithm::RsaSha256);
    let store = store_for(&spec, rsa());
    // A signature whose top byte is zero (about one in 256): its k-1 byte form must fail too.
    let (raw, sig) = (0..5000)
        .find_map(|i| {
            let head = HEAD.replace("Subject: s", &format!("Subject: try {i}"));
            let raw = sign(&message(&head, b"body\r\n"), rsa(), &spec);
            let sig = Signature::parse(&Message::parse(&raw).headers[0]).expect("signature").signature;
            (sig[0] == 0).then_some((raw, sig))
        })
        .expect("a signature with a zero top byte");
    assert_eq!(sig.len(), 128);
    assert_eq!(verify(&with_b(&raw, &sig), &store, false).verdict, Verdict::Pass);
    for (what, b) in
        [("k+1", [&[0u8][..], &sig].concat()), ("k+2", [&[0u8, 0][..], &sig].concat()), ("k-1", sig[1..].to_vec())]
    {
        let r = verify(&with_b(&raw, &b), &store, false);
        assert_eq!((r.verdict, r.signatures[0].reason), (Verdict::Fail, "headers_changed"), "{what}");
    }
}
