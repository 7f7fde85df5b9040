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
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

/// The CLI is native only; the wasm build exposes the library's JavaScript API instead.
#[cfg(target_arch = "wasm32")]
fn main() {}
