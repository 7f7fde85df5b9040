//! The page's zip member inflater (`message::inflate::inflate_raw`, the wasm export
//! `inflate_raw`) natively: a zip bomb behind a small size header is refused with the error
//! naming that size, in words, having allocated no more than that size (plus zlib-rs's state);
//! a header claiming gigabytes costs what the data can inflate to, not what it claims; data
//! that is not deflate is refused as such. The fuzz target `inflate` (fuzz/src/lib.rs) checks
//! the same bounds on arbitrary input; tests/e2e/zip.test.mjs checks the wasm build.

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::peak_of;
use dkimcheck::Lang;
use dkimcheck::catalog::render;
use dkimcheck::message::inflate::{InflateError, MAX_DEFLATE_RATIO, inflate_raw, output_room};

/// zlib-rs's own state while inflating (as in fuzz/src/lib.rs).
const STATE: usize = 64 * 1024;
const MB: usize = 1024 * 1024;

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; zlib_rs::compress_bound(data.len())];
    let config = zlib_rs::DeflateConfig { window_bits: -15, ..zlib_rs::DeflateConfig::new(9) };
    let (written, status) = zlib_rs::compress_slice(&mut out, data, config);
    assert_eq!(status, zlib_rs::ReturnCode::Ok);
    let len = written.len();
    out.truncate(len);
    out
}

#[test]
fn a_bomb_behind_a_small_header_is_refused_naming_the_size_within_that_size() {
    let bomb = deflate(&vec![0u8; 64 * MB]);
    let (result, peak) = peak_of(|| inflate_raw(&bomb, 1000));
    let e = result.expect_err("refused");
    assert_eq!(e, InflateError::InflatesMore { limit: 1000 });
    assert_eq!(e.code(), "inflates-more");
    assert_eq!(
        render(Lang::En, &e.phrase()),
        "This zip member inflates to more than the 1,000 bytes its header says; it was skipped."
    );
    assert!(render(Lang::Fr, &e.phrase()).contains("plus des 1\u{202f}000 octets qu’indique son en-tête"));
    assert!(peak <= 1001 + STATE, "{peak} bytes allocated for a 1,000-byte member");
    println!("64 MiB of zeros ({} bytes deflated) behind a 1,000-byte header: refused, peak {peak} bytes", bomb.len());
}

#[test]
fn a_header_claiming_gigabytes_costs_what_the_data_can_give() {
    let text = b"Subject: hi\r\n\r\nhello\r\n".repeat(10);
    let data = deflate(&text);
    for claimed in [u32::MAX as usize, usize::MAX] {
        let (result, peak) = peak_of(|| inflate_raw(&data, claimed));
        assert_eq!(result.as_deref(), Ok(text.as_slice()));
        assert_eq!(output_room(data.len(), claimed), data.len() * MAX_DEFLATE_RATIO + 1);
        assert!(peak <= data.len() * MAX_DEFLATE_RATIO + 1 + STATE, "{peak} bytes for {} claimed", claimed);
    }
    // The exact size is enough; one byte less is refused, one more is not needed.
    assert_eq!(inflate_raw(&data, text.len()).as_deref(), Ok(text.as_slice()));
    assert_eq!(inflate_raw(&data, text.len() - 1), Err(InflateError::InflatesMore { limit: text.len() - 1 }));
    // The densest deflate (1 MiB of zeros at level 9) stays within MAX_DEFLATE_RATIO.
    let dense = deflate(&vec![0u8; MB]);
    assert!(dense.len() * MAX_DEFLATE_RATIO >= MB, "{} bytes", dense.len());
    assert_eq!(inflate_raw(&dense, usize::MAX).map(|v| v.len()), Ok(MB));
}

#[test]
fn data_that_is_not_deflate_or_is_cut_short_is_refused_as_broken() {
    let data = deflate(&b"Subject: hi\r\n\r\nhello\r\n".repeat(100));
    for broken in [&[0xff, 0xff, 0xff, 0xff][..], &[], &data[..data.len() - 1], &data[..data.len() / 2]] {
        let e = inflate_raw(broken, 1 << 20).expect_err("refused");
        assert_eq!((e, e.code()), (InflateError::Broken, "broken"));
        assert_eq!(render(Lang::En, &e.phrase()), "Broken zip member (its compressed data cannot be inflated).");
        assert_eq!(
            render(Lang::Fr, &e.phrase()),
            "Élément de zip endommagé (ses données compressées ne peuvent pas être décompressées)."
        );
    }
}
