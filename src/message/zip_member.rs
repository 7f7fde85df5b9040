//! A zip member's own checks, whoever reads it: sizes its headers give that cannot be true
//! (refused before any of its data is read) and its CRC-32 (a member whose bytes do not match
//! the checksum its archive records is damaged: refused, never verified, so that damage to the
//! archive is never shown as a message whose content changed).
//!
//! The CLI (`src/cli/sources/unpack.rs`) applies them to every member the zip crate reads (the
//! crate checks the CRC-32 as it reads). The page repeats the size rule in `www/js/input/zip.js`
//! (`checkSizes`; tests/e2e/zip.test.mjs keeps the two equal) and its workers check a member's
//! CRC-32 with the wasm export `crc32` only when its message does not verify (a pass shows the
//! signed bytes intact; the CRC-32 of every member would cost ~6 µs per 11 KB message, about 20%
//! of inflating it). Both give the same catalog ids.

use crate::l10n::Phrase;

/// Why a member is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberError {
    /// A deflated member whose compressed data is far larger than what it says it inflates to:
    /// deflate never makes data much bigger, so one of the two sizes is a lie.
    SizeMismatch,
    /// A stored (uncompressed) member whose data is larger than its size.
    Larger {
        /// The size the member's header gives.
        size: u64,
    },
    /// The member's data runs past the end of the file.
    PastEnd,
    /// The member's bytes do not match its CRC-32: the archive is damaged (or was altered
    /// without its checksum being updated).
    Damaged,
}

impl MemberError {
    /// The error in words (the catalog ids the page uses too).
    pub fn phrase(self) -> Phrase {
        match self {
            MemberError::SizeMismatch => Phrase::new("input-zip-member-size-mismatch"),
            MemberError::Larger { size } => Phrase::new("input-zip-member-larger").number("size", size),
            MemberError::PastEnd => Phrase::new("input-zip-member-past-end"),
            MemberError::Damaged => Phrase::new("input-zip-member-damaged"),
        }
    }
}

/// The most compressed bytes deflate can take for `size` bytes: stored blocks add 5 bytes per
/// 65,535 (under 1/64), plus slack for headers and a last block.
pub fn max_deflated_size(size: u64) -> u64 {
    size.saturating_add(size / 64).saturating_add(65_536)
}

/// Checks the sizes a member's headers give, before any of its data is read: `deflated` (else
/// stored), its `compressed` size and the `size` it says it inflates to.
pub fn check_sizes(deflated: bool, compressed: u64, size: u64) -> Result<(), MemberError> {
    if deflated && compressed > max_deflated_size(size) {
        Err(MemberError::SizeMismatch)
    } else if !deflated && compressed > size {
        Err(MemberError::Larger { size })
    } else {
        Ok(())
    }
}

/// Checks that a member's data, `compressed` bytes from `data_start`, lies in a file of
/// `file_len` bytes.
pub fn check_in_file(data_start: u64, compressed: u64, file_len: u64) -> Result<(), MemberError> {
    if data_start.saturating_add(compressed) > file_len { Err(MemberError::PastEnd) } else { Ok(()) }
}

/// The CRC-32 of `bytes`, as zip records it (zlib-rs's, already the inflater's crate).
pub fn crc32(bytes: &[u8]) -> u32 {
    zlib_rs::crc32::crc32(0, bytes)
}

/// Checks a member's bytes (as inflated) against the CRC-32 its archive records.
pub fn check_crc(bytes: &[u8], recorded: u32) -> Result<(), MemberError> {
    if crc32(bytes) == recorded { Ok(()) } else { Err(MemberError::Damaged) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_zips() {
        // The CRC-32 check value (ISO-HDLC), as in the zip format.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(&[b'a'; 1000]), zlib_rs::crc32::crc32(zlib_rs::crc32::crc32(0, &[b'a'; 500]), &[b'a'; 500]));
        assert_eq!(check_crc(b"123456789", 0xcbf4_3926), Ok(()));
        assert_eq!(check_crc(b"123456788", 0xcbf4_3926), Err(MemberError::Damaged));
    }

    #[test]
    fn sizes_that_cannot_be_true_are_refused() {
        assert_eq!(check_sizes(true, 65_536, 0), Ok(()));
        assert_eq!(check_sizes(true, 65_537, 0), Err(MemberError::SizeMismatch));
        assert_eq!(check_sizes(true, 6_400 + 100 + 65_536, 6_400), Ok(()));
        assert_eq!(check_sizes(true, 6_400 + 100 + 65_537, 6_400), Err(MemberError::SizeMismatch));
        assert_eq!(check_sizes(false, 10, 10), Ok(()));
        assert_eq!(check_sizes(false, 11, 10), Err(MemberError::Larger { size: 10 }));
        assert_eq!(check_in_file(30, 70, 100), Ok(()));
        assert_eq!(check_in_file(30, 71, 100), Err(MemberError::PastEnd));
        assert_eq!(check_in_file(u64::MAX, 1, 100), Err(MemberError::PastEnd));
    }
}
