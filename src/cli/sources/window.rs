//! What a zip is read from: a window on a file or on bytes in memory, read and seeked like a
//! file.

use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom};
use std::rc::Rc;

/// What a zip is read from: a file, or bytes in memory.
pub(super) enum Backing {
    File(RefCell<std::fs::File>),
    Memory(Vec<u8>),
}

/// A window `[start, start + len)` on a backing, read and seeked like a file. Nested stored
/// zips are windows on their parent's backing: nothing is copied, however deep.
pub(super) struct Source {
    pub(super) backing: Rc<Backing>,
    pub(super) start: u64,
    pub(super) len: u64,
    pub(super) pos: u64,
}

impl Source {
    /// The window `[offset, offset + len)` of this one.
    pub(super) fn window(&self, offset: u64, len: u64) -> Source {
        let offset = offset.min(self.len);
        Source {
            backing: Rc::clone(&self.backing),
            start: self.start + offset,
            len: len.min(self.len - offset),
            pos: 0,
        }
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.len.saturating_sub(self.pos);
        let n = usize::try_from(left).map_or(buf.len(), |l| l.min(buf.len()));
        if n == 0 {
            return Ok(0);
        }
        let at = self.start + self.pos;
        let got = match &*self.backing {
            Backing::File(file) => {
                let mut file = file.borrow_mut();
                file.seek(SeekFrom::Start(at))?;
                file.read(&mut buf[..n])?
            }
            Backing::Memory(bytes) => {
                let from = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
                let chunk = &bytes[from..(from + n).min(bytes.len())];
                buf[..chunk.len()].copy_from_slice(chunk);
                chunk.len()
            }
        };
        self.pos += got as u64;
        Ok(got)
    }
}

impl Seek for Source {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let target =
            target.ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek outside the zip"))?;
        self.pos = target;
        Ok(target)
    }
}
