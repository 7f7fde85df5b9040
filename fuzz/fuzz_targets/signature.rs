#![no_main]
//! Fuzz target `signature`: see `dkimcheck_fuzz::signature`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::signature(data));
