#![no_main]
//! Fuzz target `inflate`: see `dkimcheck_fuzz::inflate`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::inflate(data));
