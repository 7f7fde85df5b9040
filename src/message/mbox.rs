//! Splitting an mbox file into its messages.
//!
//! A message starts after a line beginning with `From ` that is at the start of the file or
//! follows an empty line. The separator line, and the empty line before the next one, are not
//! part of the message. `>From ` quoting
//! in bodies is left as stored (it cannot be undone reliably: mboxo and mboxrd differ).

use std::ops::Range;

/// True when `bytes` looks like an mbox file (starts with a `From ` separator line).
pub fn is_mbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ") && {
        let line_end = bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len());
        // A separator has an address and a date, never a colon right after "From".
        !bytes[..line_end].starts_with(b"From :")
    }
}

/// The byte ranges of the messages in an mbox file, without their separator lines.
pub fn split(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut starts = Vec::new(); // (separator start, message start)
    let mut line_start = 0;
    let mut prev_blank = true;
    while line_start < bytes.len() {
        let line_end = bytes[line_start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| line_start + p + 1);
        let line = &bytes[line_start..line_end];
        if prev_blank && line.starts_with(b"From ") {
            starts.push((line_start, line_end));
        }
        prev_blank = line == b"\n" || line == b"\r\n";
        line_start = line_end;
    }
    let mut ranges = Vec::with_capacity(starts.len());
    for (i, &(_, body_start)) in starts.iter().enumerate() {
        let end = match starts.get(i + 1) {
            // The empty line before the next separator belongs to the mbox, not to the message.
            Some(&(sep, _)) if bytes[..sep].ends_with(b"\r\n") => sep - 2,
            Some(&(sep, _)) if bytes[..sep].ends_with(b"\n") => sep - 1,
            Some(&(sep, _)) => sep,
            None => bytes.len(),
        };
        ranges.push(body_start..end.max(body_start));
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_separator_lines_after_blank_lines_only() {
        let mbox = b"From a@b Mon Jan 1 00:00:00 2001\nSubject: 1\n\n>From here on\n\nFrom c@d Tue Jan 2 00:00:00 2001\nSubject: 2\n\nx\n";
        let parts = split(mbox);
        assert_eq!(parts.len(), 2);
        assert_eq!(&mbox[parts[0].clone()], b"Subject: 1\n\n>From here on\n");
        assert_eq!(&mbox[parts[1].clone()], b"Subject: 2\n\nx\n");
        assert!(is_mbox(mbox));
        assert!(!is_mbox(b"From: a@b\n"));
    }

    #[test]
    fn crlf_messages_separated_by_lf_lines_keep_their_exact_bytes() {
        let msg = b"From: a@b\r\n\r\nbody\r\n";
        let mut mbox = b"From x Mon Jan 1 00:00:00 2001\n".to_vec();
        mbox.extend_from_slice(msg);
        mbox.extend_from_slice(b"\nFrom y Mon Jan 1 00:00:00 2001\n");
        mbox.extend_from_slice(msg);
        let parts = split(&mbox);
        assert_eq!(&mbox[parts[0].clone()], msg);
        assert_eq!(&mbox[parts[1].clone()], msg);
    }
}
