#![no_main]
//! Fuzz target `key_record`: see `dkimcheck_fuzz::key_record`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::key_record(data));
