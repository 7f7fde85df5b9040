#![no_main]
//! Fuzz target `key_import`: see `dkimcheck_fuzz::key_import`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::key_import(data));
