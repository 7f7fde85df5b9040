//! Splitting an mbox file into its messages.
//!
//! A message starts after a line beginning with `From ` that is at the start of the file or
//! follows an empty line. The separator line, and the empty line before the next one (or before
//! the end of the file), are not part of the message, as Python's `mailbox.mbox` reads it: mbox
//! writers add that line after every message, the last one included. `>From ` quoting
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
    let mut splitter = Splitter::new();
    let mut ranges = splitter.feed(bytes);
    ranges.extend(splitter.finish());
    ranges.into_iter().map(|r| r.start as usize..r.end as usize).collect()
}

/// Splits an mbox file fed in pieces of any size (a file far larger than memory, read chunk
/// by chunk): each piece gives the ranges of the messages that end in it, as absolute offsets.
/// Only a few bytes of state are kept between pieces. The same rule as [`split`], which uses it.
#[derive(Debug, Clone)]
pub struct Splitter {
    /// Offset of the next byte fed.
    pos: u64,
    /// Offset where the current line starts.
    line_start: u64,
    /// The first bytes of the current line (at most 5: enough to tell `From `).
    head: [u8; 5],
    /// How many of them.
    head_len: usize,
    /// Bytes of the current line seen so far.
    line_len: u64,
    /// The previous line was empty (the start of the file counts as one, of length 0).
    prev_blank: bool,
    /// That empty line's length (1 for LF, 2 for CRLF).
    prev_blank_len: u64,
    /// Where the message being read starts (after its separator line).
    body_start: Option<u64>,
}

impl Default for Splitter {
    fn default() -> Self {
        Self::new()
    }
}

impl Splitter {
    /// A splitter at the start of a file.
    pub fn new() -> Self {
        Splitter {
            pos: 0,
            line_start: 0,
            head: [0; 5],
            head_len: 0,
            line_len: 0,
            prev_blank: true,
            prev_blank_len: 0,
            body_start: None,
        }
    }

    /// Bytes fed so far.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// Feeds the next piece; returns the ranges of the messages that ended in it.
    pub fn feed(&mut self, piece: &[u8]) -> Vec<Range<u64>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < piece.len() {
            // Fill the head of the current line (its first five bytes).
            while self.head_len < 5 && self.line_len == self.head_len as u64 && i < piece.len() && piece[i] != b'\n' {
                self.head[self.head_len] = piece[i];
                self.head_len += 1;
                self.line_len += 1;
                i += 1;
            }
            match memchr::memchr(b'\n', &piece[i..]) {
                Some(p) => {
                    let line_end = self.pos + (i + p) as u64 + 1;
                    self.line_len += p as u64 + 1;
                    self.end_line(line_end, &mut out);
                    i += p + 1;
                }
                None => {
                    self.line_len += (piece.len() - i) as u64;
                    i = piece.len();
                }
            }
        }
        self.pos += piece.len() as u64;
        out
    }

    /// Ends the file: the range of the last message (and of the one before, when the last
    /// line is a separator without a line break). An empty last line is the mbox's, as before a
    /// separator: left in, it would be a bare LF after a CRLF message, which changes its body.
    pub fn finish(&mut self) -> Vec<Range<u64>> {
        let mut out = Vec::new();
        // A last line without a line break is never the empty line.
        let unended = self.line_len > 0;
        if unended {
            self.end_line(self.pos, &mut out);
        }
        if let Some(b) = self.body_start.take() {
            let end = if self.prev_blank && !unended { self.pos - self.prev_blank_len } else { self.pos };
            out.push(b..end.max(b));
        }
        out
    }

    /// A line `[line_start, line_end)` is complete (its head and length are known).
    fn end_line(&mut self, line_end: u64, out: &mut Vec<Range<u64>>) {
        let head = &self.head[..self.head_len];
        if self.prev_blank && head == b"From " {
            if let Some(b) = self.body_start {
                // The empty line before the separator belongs to the mbox, not to the message.
                out.push(b..(self.line_start - self.prev_blank_len).max(b));
            }
            self.body_start = Some(line_end);
        }
        let blank = self.line_len == 1 || (self.line_len == 2 && head == b"\r");
        self.prev_blank = blank;
        self.prev_blank_len = if blank { self.line_len } else { 0 };
        self.line_start = line_end;
        self.line_len = 0;
        self.head_len = 0;
    }
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
    fn pieces_of_any_size_give_the_same_ranges() {
        let mbox: &[u8] = b"From a@b Mon Jan 1 00:00:00 2001\r\nSubject: 1\r\n\r\n>From here\r\nFrom not a separator\r\n\r\nFrom c@d Tue Jan 2 00:00:00 2001\nSubject: 2\n\nx\n\nFrom e@f\nSubject: 3\n\ny";
        let whole = split(mbox);
        assert_eq!(whole.len(), 3);
        assert_eq!(&mbox[whole[0].clone()], b"Subject: 1\r\n\r\n>From here\r\nFrom not a separator\r\n");
        assert_eq!(&mbox[whole[2].clone()], b"Subject: 3\n\ny");
        for size in 1..=mbox.len() {
            let mut s = Splitter::new();
            let mut ranges = Vec::new();
            for piece in mbox.chunks(size) {
                ranges.extend(s.feed(piece));
            }
            ranges.extend(s.finish());
            let ranges: Vec<Range<usize>> = ranges.into_iter().map(|r| r.start as usize..r.end as usize).collect();
            assert_eq!(ranges, whole, "pieces of {size}");
        }
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

    #[test]
    fn the_empty_line_that_ends_the_file_is_the_mbox_s() {
        // As mbox writers leave it: every message, the last included, followed by an empty line.
        let msg = b"From: a@b\r\n\r\nbody\r\n";
        for blank in [&b"\n"[..], b"\r\n"] {
            let mut mbox = b"From x Mon Jan 1 00:00:00 2001\n".to_vec();
            mbox.extend_from_slice(msg);
            mbox.extend_from_slice(blank);
            let parts = split(&mbox);
            assert_eq!(parts.len(), 1);
            assert_eq!(&mbox[parts[0].clone()], msg);
        }
        // Only one empty line is the mbox's; a message's own trailing empty lines stay.
        let mbox = b"From x Mon Jan 1 00:00:00 2001\nFrom: a@b\n\nbody\n\n\n";
        assert_eq!(&mbox[split(mbox)[0].clone()], b"From: a@b\n\nbody\n\n");
    }
}
