#![no_main]
//! Fuzz target `zip`: see `dkimcheck_fuzz::zip`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::zip(data));
