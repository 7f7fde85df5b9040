#![no_main]
//! Fuzz target `mbox`: see `dkimcheck_fuzz::mbox`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::mbox(data));
