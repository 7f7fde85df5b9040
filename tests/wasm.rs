//! The core's tests inside WebAssembly (wasm-bindgen-test; node and headless Chromium): every
//! vector case gives the same result and reason as natively (tests/vectors/verdicts.txt), and the
//! JavaScript API returns plain objects of the documented shape.
//!
//! ```text
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test wasm
//! WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver (same command)
//! ```

#![cfg(target_arch = "wasm32")]

#[path = "common/vectors.rs"]
mod vectors;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

include!(concat!(env!("OUT_DIR"), "/vector_files.rs"));

fn read(rel: &str) -> Option<Vec<u8>> {
    VECTOR_FILES.iter().find(|(p, _)| *p == rel).map(|(_, b)| b.to_vec())
}

#[wasm_bindgen_test]
fn vectors_give_the_same_verdicts_as_native() {
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let o = vectors::run(&vectors::sources(), &read, now);
    assert!(o.failures.is_empty(), "vector failures in wasm:\n{}", o.failures.join("\n"));
    let got = o.verdicts.join("\n") + "\n";
    let want = String::from_utf8(read("verdicts.txt").expect("verdicts.txt")).expect("utf-8");
    assert_eq!(got, want);
    assert!(o.checked >= 104);
    assert!(o.checked_domainkeys >= 20);
    assert!(o.checked_arc >= 126);
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn js_api_verifies_with_bundled_and_added_keys() {
    let gmail = read("mimekit/messages/gmail.msg").unwrap();
    let v = dkimcheck::wasm::Verifier::new(JsValue::UNDEFINED).unwrap();
    let r = v.verify(&gmail, "gmail.msg".into()).unwrap();
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("pass"));
    assert_eq!(get(&get(&r, "assessment"), "status").as_string().as_deref(), Some("verified"));
    assert_eq!(get(&get(&r, "judged_at"), "mode").as_string().as_deref(), Some("as_of_signing"));
    assert_eq!(get(&get(&r, "fields"), "from").as_string().as_deref(), Some("verified"));
    assert_eq!(get(&r, "source").as_string().as_deref(), Some("gmail.msg"));
    let sigs = js_sys::Array::from(&get(&r, "signatures"));
    assert_eq!(get(&sigs.get(0), "domain").as_string().as_deref(), Some("gmail.com"));
    assert!(get(&get(&r, "message"), "body_text").as_string().is_some());

    // Without the archive the key is unknown; a pasted key makes it pass.
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"bundled".into(), &JsValue::FALSE).unwrap();
    let mut bare = dkimcheck::wasm::Verifier::new(opts.into()).unwrap();
    let r = bare.verify(&gmail, "x".into()).unwrap();
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("neutral"));
    let zone = String::from_utf8(read("mimekit/keys.zone").unwrap()).unwrap();
    assert!(bare.add_keys(&zone).unwrap() >= 1);
    let r = bare.verify(&gmail, "x".into()).unwrap();
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("pass"));

    // Body hashes computed by the caller (as the page's worker does with WebCrypto) give the
    // same report; here they are computed in Rust for the test.
    let jobs = bare.body_hash_jobs(&gmail).unwrap();
    let job = js_sys::Array::from(&jobs).get(0);
    assert_eq!(get(&job, "canon").as_string().as_deref(), Some("relaxed"));
    let body = bare.canonical_body(&gmail, "relaxed");
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
    js_sys::Reflect::set(&job, &"digest".into(), &digest.into()).unwrap();
    js_sys::Reflect::set(&job, &"length".into(), &(body.len() as f64).into()).unwrap();
    let r = bare.verify_with_body_hashes(&gmail, "x".into(), jobs).unwrap();
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("pass"));

    // at: "now" judges every signature now, with a receiver's semantics; other words are refused.
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"at".into(), &"now".into()).unwrap();
    let r = dkimcheck::wasm::Verifier::new(opts.into()).unwrap().verify(&gmail, "x".into()).unwrap();
    assert_eq!(get(&get(&r, "judged_at"), "mode").as_string().as_deref(), Some("at"));
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"at".into(), &"soon".into()).unwrap();
    assert!(dkimcheck::wasm::Verifier::new(opts.into()).is_err());

    assert!(dkimcheck::wasm::add_key_for("s", "example.org", "v=DKIM1; p=", None).is_err());
    let parsed = dkimcheck::wasm::parse_keys(&zone, None).unwrap();
    assert!(js_sys::Array::from(&get(&parsed, "keys")).length() >= 2);
    assert!(js_sys::Array::from(&dkimcheck::wasm::archive().unwrap()).length() >= 57);
    assert_eq!(dkimcheck::wasm::split_mbox(b"From a\n\nx\n\nFrom b\n\ny\n").len(), 4);
}

// --- hostile input inside wasm (issue 11), scaled where the native tests are bigger ----------
// Work is bounded with the library's counters (the `work-counters` feature the tests turn on),
// never with a clock.

mod hostile {
    use base64::Engine;
    use dkimcheck::budget::{self, Work};
    use dkimcheck::dkim::signature::Signature;
    use dkimcheck::keys::{KeyStore, Provenance};
    use dkimcheck::message::Message;
    use dkimcheck::report::Verdict;
    use dkimcheck::verify::{Options, verify_message};
    use wasm_bindgen_test::wasm_bindgen_test;

    const HEAD: &str = "From: a@example.org\r\nTo: b@example.net\r\nSubject: s\r\n";

    fn nested(levels: usize) -> Vec<u8> {
        let mut m = format!("{HEAD}Content-Type: message/rfc822\r\n\r\n").into_bytes();
        m.extend(b"Content-Type: message/rfc822\r\n\r\n".repeat(levels - 1));
        m.extend_from_slice(b"Subject: innermost\r\n\r\nhello\r\n");
        m
    }

    fn with_body() -> Options {
        Options { with_body: true, ..Options::at(1_700_000_000) }
    }

    #[wasm_bindgen_test]
    fn nested_messages_neither_overflow_the_stack_nor_exhaust_memory() {
        // ~5,800 levels threw RangeError (the recursive free of the nested tree).
        let r = verify_message(&nested(9_000), &KeyStore::new(), &with_body());
        assert!(r.error.is_none() && r.message.body_text.is_some());
        let r = verify_message(&nested(100_000), &KeyStore::new(), &with_body());
        assert!(r.notes.iter().any(|n| n.to_string().contains("limit mime_parts")), "{:?}", r.notes);
    }

    #[wasm_bindgen_test]
    fn header_fields_and_tags_beyond_their_budgets_are_refused() {
        let mut raw = HEAD.to_string();
        for i in 0..100_000 {
            raw.push_str(&format!("X-F{i}: v\r\n"));
        }
        raw.push_str("\r\nbody\r\n");
        budget::reset_work();
        let r = verify_message(raw.as_bytes(), &KeyStore::new(), &Options::at(0));
        assert!(r.error.as_ref().map(ToString::to_string).unwrap_or_default().contains("limit header_fields"));
        assert_eq!(budget::work(Work::HeaderLookups), 0);

        let tags: String = (0..100_000).map(|i| format!(" z{i}=x;")).collect();
        let raw = format!(
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s; h=from; bh=AAAA; b=AAAA;{tags}\r\n{HEAD}\r\nx\r\n"
        );
        budget::reset_work();
        let r = verify_message(raw.as_bytes(), &KeyStore::new(), &Options::at(0));
        assert_eq!(r.signatures[0].reason, "malformed_signature");
        assert!(
            r.signatures[0]
                .detail
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
                .contains("limit tags_per_tag_list")
        );
        assert!(budget::work(Work::TagLookups) <= 2 * (budget::MAX_TAGS as u64 + 1));
    }

    #[wasm_bindgen_test]
    fn big_bodies_are_hashed_and_unquoted_once() {
        let body = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n".repeat(16 * 1024); // ~1 MB
        // 50 signatures with different l=, no key: each body hash is still computed.
        let sigs: String = (1..=50)
            .map(|i| format!("DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=example.org; s=s; h=from; l={}; bh=AAAA; b=AAAA\r\n", i * 10_000))
            .collect();
        let raw = [sigs.as_bytes(), HEAD.as_bytes(), b"\r\n", &body].concat();
        budget::reset_work();
        let r = verify_message(&raw, &KeyStore::new(), &Options::at(0));
        assert_eq!(r.signatures.len(), 50);
        let hashed = budget::work(Work::BytesHashed);
        assert!(hashed <= 500_000 + 50 * 200, "{hashed} bytes hashed for limits up to 500,000");
        // The same signatures without l=, all failing, and a quoted line: unquoted once.
        let sigs = sigs.replace("l=", "x-l=");
        let quoted = [&body[..], b">From here\r\n"].concat();
        let raw = [sigs.as_bytes(), HEAD.as_bytes(), b"\r\n", &quoted].concat();
        budget::reset_work();
        let r = verify_message(&raw, &KeyStore::new(), &Options::at(0));
        assert_eq!(r.signatures.len(), 50);
        assert!(budget::work(Work::BytesCopied) <= quoted.len() as u64);
        assert!(budget::work(Work::BytesHashed) <= 2 * quoted.len() as u64 + 50 * 300);
    }

    #[wasm_bindgen_test]
    fn rsa_signature_length_and_exponent_rules_hold_in_wasm() {
        let raw = super::read("mimekit/messages/gmail.msg").expect("vector");
        let gmail = dkimcheck::message::input::normalize(&raw).bytes.into_owned();
        let zone = String::from_utf8(super::read("mimekit/keys.zone").expect("zone")).expect("utf-8");
        let mut keys = KeyStore::new();
        keys.add_zone(&zone, "vectors");
        let options = Options::as_of_signing((js_sys::Date::now() / 1000.0) as u64);
        assert_eq!(verify_message(&gmail, &keys, &options).verdict, Verdict::Pass);
        // The same signature with a leading zero byte (k+1 bytes): RFC 8017 §8.2.2 step 1.
        let message = Message::parse(&gmail);
        let (_, field) = message.fields("dkim-signature").next().expect("signature");
        let sig = Signature::parse(field).expect("valid");
        let offset = field.raw.as_ptr() as usize - gmail.as_ptr() as usize;
        let longer = base64::engine::general_purpose::STANDARD.encode([&[0u8][..], &sig.signature].concat());
        let changed =
            [&gmail[..offset + sig.b_range.start], longer.as_bytes(), &gmail[offset + sig.b_range.end..]].concat();
        let r = verify_message(&changed, &keys, &options);
        assert_eq!((r.verdict, r.signatures[0].reason), (Verdict::Fail, "headers_changed"));

        // A public exponent above 2^64 is refused with its reason.
        let n = [0xffu8; 100];
        let e = [1u8, 0, 0, 0, 0, 0, 0, 0, 1];
        let int = |v: &[u8]| [&[0x02, v.len() as u8 + 1, 0][..], v].concat();
        let inner = [int(&n[..]).as_slice(), &int(&e[..])].concat();
        let der = [&[0x30, inner.len() as u8][..], &inner].concat();
        let record = format!("k=rsa; p={}", base64::engine::general_purpose::STANDARD.encode(der));
        let mut keys = KeyStore::new();
        keys.add(&sig.key_name(), &record, Provenance::origin("t"));
        let r = verify_message(&gmail, &keys, &options);
        assert_eq!(r.signatures[0].reason, "key_exponent_too_large");
    }
}

/// The SIMD RSA arithmetic wasm uses (src/crypto/montgomery/simd.rs) against the word-based
/// one, on pseudo-random moduli of 1024, 2048 and 4096 bits (and a few bits less) and bases,
/// with e = 65537 and e = 3, and on the bases 0, 1 and n - 1.
#[wasm_bindgen_test]
fn simd_rsa_arithmetic_matches_the_word_based_one() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as u8
    };
    let mut checked = 0;
    for round in 0..4 {
        for (bytes, top) in [(128, 0xff), (128, 0x1f), (256, 0xff), (256, 0x03), (512, 0xff), (512, 0x7f)] {
            let mut n: Vec<u8> = (0..bytes).map(|_| next()).collect();
            n[0] = (n[0] & top) | (top >> 1).wrapping_add(1);
            n[bytes - 1] |= 1;
            let mut base: Vec<u8> = (0..bytes).map(|_| next()).collect();
            base[0] &= top >> 1; // below n
            let mut below = n.clone();
            below[bytes - 1] -= 1;
            for base in [base, vec![0], vec![1], below] {
                for e in [&[1u8, 0, 1][..], &[3]] {
                    let (by_simd, by_words) = dkimcheck::crypto::pow_both_ways(&n, e, &base).expect("usable modulus");
                    assert_eq!(by_simd, by_words, "{bytes} bytes, top byte {top:#x}, round {round}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * 6 * 4 * 2);
}
