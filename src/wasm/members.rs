//! Inflated zip members kept in wasm memory, by handle: a worker inflates a member here, hashes
//! it through a view, sniffs and verifies it in place, checks its CRC-32 when it does not verify,
//! and frees it. The bytes never cross to JavaScript and back (two copies a member, about 9% of
//! a worker's time on the leak benchmark before this store).
//!
//! Every handle must be freed (`free`, or `take`): the worker frees in a `finally`. A worker
//! whose instance trapped, or that is cancelled, is terminated with its memory, so what it held
//! goes with it.

use crate::message::{inflate, input, zip_member};
use wasm_bindgen::prelude::*;

/// Inflated members, by handle.
#[wasm_bindgen]
#[derive(Default)]
pub struct Members {
    /// The members held; a freed handle's slot is `None` until reused.
    slots: Vec<Option<Vec<u8>>>,
    /// Freed slots, reused first so that the store stays as small as the most held at once.
    free: Vec<u32>,
}

#[wasm_bindgen]
impl Members {
    /// An empty store.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Members {
        Members::default()
    }

    /// Inflates a zip member's raw-deflate `data` to at most `limit` bytes (as `inflate_raw`,
    /// same errors: `"inflates-more"`, `"broken"`) and keeps it; returns its handle.
    pub fn inflate(&mut self, data: &[u8], limit: usize) -> Result<u32, JsValue> {
        let bytes = inflate::inflate_raw(data, limit).map_err(|e| JsValue::from_str(e.code()))?;
        Ok(self.keep(bytes))
    }

    /// The size of a member, 0 for a handle not held.
    pub fn len(&self, handle: u32) -> usize {
        self.get(handle).len()
    }

    /// Whether no member is held (see `count`).
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// How many members are held: 0 once a batch is done (tests check it).
    pub fn count(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    /// A view of a member's bytes in wasm memory, without copying them: for
    /// `crypto.subtle.digest`, which copies its input when called. Valid only until the next call
    /// into wasm (which may grow the memory and detach it): never keep it or pass it to wasm.
    pub fn view(&self, handle: u32) -> js_sys::Uint8Array {
        // SAFETY: the view aliases the member's Vec, which lives until `free`/`take`; the caller's
        // rule (documented above and in worker.js) is to use it before any further call into
        // wasm, so neither a free nor a memory growth can happen while it is read.
        unsafe { js_sys::Uint8Array::view(self.get(handle)) }
    }

    /// Whether a member named `name` is not a message (see `not_a_message`), by its first
    /// kilobyte.
    #[wasm_bindgen(js_name = notAMessage)]
    pub fn not_a_message(&self, handle: u32, name: &str) -> bool {
        let bytes = self.get(handle);
        input::not_a_message(name, &bytes[..bytes.len().min(1024)])
    }

    /// A member's CRC-32, as zip records it.
    pub fn crc32(&self, handle: u32) -> u32 {
        zip_member::crc32(self.get(handle))
    }

    /// Gives a member's bytes to JavaScript (a copy) and frees its handle.
    pub fn take(&mut self, handle: u32) -> Vec<u8> {
        self.release(handle).unwrap_or_default()
    }

    /// Frees a member; a handle not held is ignored.
    #[wasm_bindgen(js_name = freeMember)]
    pub fn free_member(&mut self, handle: u32) {
        self.release(handle);
    }
}

impl Members {
    /// Keeps `bytes`; returns their handle.
    pub fn keep(&mut self, bytes: Vec<u8>) -> u32 {
        match self.free.pop() {
            Some(handle) => {
                self.slots[handle as usize] = Some(bytes);
                handle
            }
            None => {
                self.slots.push(Some(bytes));
                (self.slots.len() - 1) as u32
            }
        }
    }

    /// A member's bytes, empty for a handle not held.
    pub fn get(&self, handle: u32) -> &[u8] {
        self.slots.get(handle as usize).and_then(Option::as_deref).unwrap_or(&[])
    }

    /// Removes a member, returning its bytes if it was held.
    fn release(&mut self, handle: u32) -> Option<Vec<u8>> {
        let bytes = self.slots.get_mut(handle as usize)?.take()?;
        self.free.push(handle);
        Some(bytes)
    }
}
