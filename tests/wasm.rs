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

    assert!(dkimcheck::wasm::add_key_for("s", "example.org", "v=DKIM1; p=").is_err());
    let parsed = dkimcheck::wasm::parse_keys(&zone).unwrap();
    assert!(js_sys::Array::from(&get(&parsed, "keys")).length() >= 2);
    assert!(js_sys::Array::from(&dkimcheck::wasm::archive().unwrap()).length() >= 57);
    assert_eq!(dkimcheck::wasm::split_mbox(b"From a\n\nx\n\nFrom b\n\ny\n").len(), 4);
}
