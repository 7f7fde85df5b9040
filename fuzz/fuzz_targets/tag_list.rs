#![no_main]
//! Fuzz target `tag_list`: see `dkimcheck_fuzz::tag_list`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| dkimcheck_fuzz::tag_list(data));
