//! Inputs → messages: a path is a message file, an mbox, a zip (nested zips too), a directory
//! (walked in name order) or `-` for stdin. Messages are handed over in bounded batches so a
//! large archive never sits in memory whole. A file found in a directory is handed over
//! unopened: the thread that verifies it opens and sniffs it ([`open_listed`]) and reads it into
//! a buffer it keeps (see [`Content`]); a zip or an mbox found that way is given back, to be
//! expanded in its place ([`for_each_in_container`]).
//!
//! Zips are hostile input like the rest, and every read is within a budget (src/budget.rs),
//! per file given (the zips inside it included): the members counted from the central
//! directory before anything is read, the bytes their headers say they inflate to (a zip whose
//! members would inflate beyond the budget is refused before any is inflated, and a member that
//! inflates beyond its header is cut off one byte past it), members whose data overlap
//! (a zip bomb's trick) refused, the nesting depth, and the bytes of nested zips held in
//! memory. A stored nested zip is read in place, through a window on its parent, never copied.
//! A budget hit ends that file with one error naming the limit; the other files go on.
//!
//! One file per job: `walk.rs` (paths, directories, files), `sniff.rs` (what a file is, from
//! its first bytes), `listed.rs` (a file found in a directory, opened by a worker), `unpack.rs`
//! (a zip, an mbox or a message, within the budgets), `window.rs` (what a zip is read from),
//! `item.rs` (a message to verify: bytes, an mbox part or an open file), `batcher.rs`,
//! `error.rs`.

mod batcher;
mod error;
mod item;
mod listed;
mod sniff;
mod unpack;
mod walk;
mod window;

// The CLI, the zip fuzz target and tests/zip_budgets.rs (which include this folder by path) each
// use part of these.
#[allow(unused_imports)]
pub use {
    batcher::skipped_line,
    error::io_error,
    item::{Content, Item},
    listed::{Opened, open_listed},
    walk::{for_each_batch, for_each_in_bytes, for_each_in_container},
};
