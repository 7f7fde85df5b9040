#![no_main]
//! Fuzz target `wasm_json`: see `dkimcheck_fuzz::wasm_json`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::wasm_json(data));
