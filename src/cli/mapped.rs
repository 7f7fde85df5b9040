//! Large message files mapped into memory instead of read: `read` copies every byte from the
//! page cache (a quarter of the CPU time on a leak with attachments); a mapping shows the page
//! cache itself.
//!
//! A mapped file that gets shorter while it is mapped would kill the process (SIGBUS on the
//! pages past its new end). A handler guards every mapping: a fault inside one of them replaces
//! the rest of that mapping with zero pages and marks it; [`with_bytes`] then reports the file
//! as changed instead of the verdict computed on those bytes. A fault anywhere else goes to the
//! handler that was there before (Rust's own, then the default: the process ends as it would
//! have). A file rewritten in place while mapped gives mixed bytes, as it would to `read`.

use super::sources::Content;
use std::io;

/// Files at least this large are mapped; smaller ones are read into the worker's buffer (a
/// mapping costs two system calls and its page tables, more than copying a small file).
pub const MAP_FROM: u64 = 256 * 1024;

/// Calls `f` with the bytes of `content`: a large file mapped, a smaller one read into
/// `buffer` (see [`Content::bytes`]). A mapped file that got shorter while `f` ran is an error
/// of kind [`io::ErrorKind::UnexpectedEof`] (see [`super::io_error`]), whatever `f` returned.
pub fn with_bytes<R>(content: &Content, buffer: &mut Vec<u8>, f: impl FnOnce(&[u8]) -> R) -> io::Result<R> {
    #[cfg(unix)]
    if let Some((file, size)) = content.file().filter(|&(_, size)| size >= MAP_FROM)
        && let Some(map) = guard::Mapped::new(file, size)
    {
        let result = f(map.bytes());
        return if map.intact() { Ok(result) } else { Err(io::ErrorKind::UnexpectedEof.into()) };
    }
    content.bytes(buffer).map(f)
}

#[cfg(unix)]
mod guard {
    use std::sync::Once;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    /// A file mapped read-only, its address range registered with the SIGBUS handler.
    pub struct Mapped {
        map: memmap2::Mmap,
        slot: &'static Slot,
    }

    /// One registered mapping: `start..end` (whole pages), 0..0 when free.
    struct Slot {
        start: AtomicUsize,
        end: AtomicUsize,
        /// A fault happened inside: the file is shorter than it was.
        faulted: AtomicBool,
    }

    /// Mappings registered at once, at most (one per worker is in use; a file that finds no
    /// free slot is read instead).
    const SLOTS: usize = 256;

    static REGISTRY: [Slot; SLOTS] =
        [const { Slot { start: AtomicUsize::new(0), end: AtomicUsize::new(0), faulted: AtomicBool::new(false) } };
            SLOTS];
    static PAGE: AtomicUsize = AtomicUsize::new(0);
    static INSTALL: Once = Once::new();
    /// The SIGBUS action before ours; false when ours could not be installed.
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    static mut PREVIOUS: std::mem::MaybeUninit<libc::sigaction> = std::mem::MaybeUninit::uninit();

    impl Mapped {
        /// Maps the first `size` bytes of `file` (the size it had when opened); `None` when it
        /// cannot be mapped or guarded (the caller reads it instead).
        pub fn new(file: &std::fs::File, size: u64) -> Option<Mapped> {
            INSTALL.call_once(install);
            if !INSTALLED.load(Ordering::Acquire) {
                return None;
            }
            let len = usize::try_from(size).ok()?;
            // SAFETY: the mapping is read-only and private; a file cut shorter while mapped is
            // caught by the handler below (the pages past its end become zeros and the result
            // is discarded); a file rewritten in place gives changing bytes, which the verifier
            // treats as any input (it never assumes bytes read twice are equal).
            let map = unsafe { memmap2::MmapOptions::new().len(len).populate().map(file) }.ok()?;
            let page = PAGE.load(Ordering::Relaxed);
            let start = map.as_ptr() as usize;
            let end = start.checked_add(len.checked_next_multiple_of(page)?)?;
            let slot = REGISTRY
                .iter()
                .find(|s| s.start.compare_exchange(0, start, Ordering::AcqRel, Ordering::Relaxed).is_ok())?;
            slot.faulted.store(false, Ordering::Relaxed);
            slot.end.store(end, Ordering::Release);
            Some(Mapped { map, slot })
        }

        /// The file's bytes.
        pub fn bytes(&self) -> &[u8] {
            &self.map
        }

        /// False when the file got shorter while mapped (some bytes read as zeros).
        pub fn intact(&self) -> bool {
            !self.slot.faulted.load(Ordering::Acquire)
        }
    }

    impl Drop for Mapped {
        fn drop(&mut self) {
            // Nothing reads the mapping any more; it is unmapped right after.
            self.slot.end.store(0, Ordering::Release);
            self.slot.start.store(0, Ordering::Release);
        }
    }

    /// Installs the handler once, keeping the action it replaces.
    fn install() {
        // SAFETY: plain system calls on zeroed structures; PREVIOUS is written once, here,
        // before INSTALLED lets anything (the handler) read it.
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE);
            if page <= 0 {
                return;
            }
            PAGE.store(page as usize, Ordering::Relaxed);
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigbus as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            let previous = &raw mut PREVIOUS;
            if libc::sigaction(libc::SIGBUS, &action, (*previous).as_mut_ptr()) == 0 {
                INSTALLED.store(true, Ordering::Release);
            }
        }
    }

    /// SIGBUS: inside a registered mapping, the rest of it is replaced with zero pages (the
    /// access then succeeds) and the mapping marked; elsewhere, the previous action is put back
    /// and the faulting access runs again under it. Only atomics and `mmap`/`sigaction`
    /// system calls: safe in a signal handler.
    extern "C" fn on_sigbus(_: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
        // SAFETY: the kernel hands a valid siginfo_t to an SA_SIGINFO handler.
        let addr = unsafe { (*info).si_addr() } as usize;
        let page = PAGE.load(Ordering::Relaxed);
        for slot in &REGISTRY {
            let (start, end) = (slot.start.load(Ordering::Acquire), slot.end.load(Ordering::Acquire));
            if start != 0 && (start..end).contains(&addr) {
                let from = addr & !(page - 1);
                // SAFETY: the range is inside a mapping this process made and still holds.
                let zeros = unsafe {
                    libc::mmap(
                        from as *mut libc::c_void,
                        end - from,
                        libc::PROT_READ,
                        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                        -1,
                        0,
                    )
                };
                if zeros != libc::MAP_FAILED {
                    slot.faulted.store(true, Ordering::Release);
                    return;
                }
            }
        }
        // SAFETY: PREVIOUS was set before the handler was installed.
        unsafe {
            let previous = &raw const PREVIOUS;
            libc::sigaction(libc::SIGBUS, (*previous).as_ptr(), std::ptr::null_mut());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::guard::Mapped;

    #[test]
    fn a_file_cut_shorter_while_mapped_is_caught_not_fatal() {
        let path = std::env::temp_dir().join(format!("dkimcheck-mapped-{}", std::process::id()));
        std::fs::write(&path, vec![b'x'; 1 << 20]).expect("temp file"); // ok: test
        let file = std::fs::OpenOptions::new().read(true).write(true).open(&path).expect("open"); // ok: test
        let map = Mapped::new(&file, 1 << 20).expect("mapped"); // ok: test
        assert_eq!(map.bytes().iter().filter(|&&b| b == b'x').count(), 1 << 20);
        assert!(map.intact());
        file.set_len(4096).expect("truncate"); // ok: test
        // The first page is still the file's; the rest reads as zeros instead of killing us.
        assert_eq!(map.bytes().iter().filter(|&&b| b == b'x').count(), 4096);
        assert!(!map.intact());
        drop(map);
        // A fresh mapping of the same slot starts intact.
        let map = Mapped::new(&file, 4096).expect("mapped"); // ok: test
        assert!(map.intact() && map.bytes().iter().all(|&b| b == b'x'));
        let _ = std::fs::remove_file(&path);
    }
}
