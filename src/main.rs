//! `dkimcheck`: verify the DKIM signatures of email files, mbox archives and zips, offline,
//! against the bundled key archive and keys you give. See `dkimcheck --help`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// A batch allocates and frees many small blocks per message (the report, its phrases):
/// mimalloc's thread-local free lists serve them faster than the system allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    restore_sigpipe();
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

/// Output piped into a reader that stops early (`dkimcheck leak/ | head`) ends the process, as
/// it ends `cat` or `grep`. Rust's runtime ignores SIGPIPE, so every later write would fail with
/// "Broken pipe" and `print!` panics on it; the default action ends the process quietly instead.
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: sets the disposition of one signal to the system default, before any thread is
    // started; no handler of ours is involved.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(any(unix, target_arch = "wasm32")))]
fn restore_sigpipe() {}

/// mimalloc asks for transparent huge pages for its heap; the kernel then clears 2 MiB at each
/// first touch, which cost a batch of small mail more (~3% of its CPU time, more with several
/// threads, each with its own pages) than the fewer TLB misses saved: the heap of a batch is a
/// few MiB, reused message after message. Off for this process (a hint: if the kernel refuses,
/// nothing else changes), before anything allocates: see [`NO_HUGE_PAGES_AT_LOAD`].
#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integers, touches no memory of ours, and only changes
    // how the kernel backs this process's future page faults.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// [`no_huge_pages`] when the program is loaded: in `main` it came too late, since the runtime
/// allocates before `main` and that first allocation is where mimalloc reserves its heap and
/// touches its first pages (two huge pages cleared then were ~5% of a batch of small mail). A
/// function listed in `.init_array` runs before the runtime starts; one static, rather than a
/// crate for constructors.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NO_HUGE_PAGES_AT_LOAD: extern "C" fn() = no_huge_pages;

/// The CLI is native only; the wasm build exposes the library's JavaScript API instead.
#[cfg(target_arch = "wasm32")]
fn main() {}
