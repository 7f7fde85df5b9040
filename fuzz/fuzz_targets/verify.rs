#![no_main]
//! Fuzz target `verify`: see `dkimcheck_fuzz::verify`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::verify(data));
