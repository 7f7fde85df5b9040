//! `pow(bytes, iters)`: `iters` RSA public operations (e = 65537) with a pseudo-random modulus
//! of `bytes` bytes, through src/crypto/montgomery.rs exactly as the page's wasm runs them.
//! scripts/bench-rsa-wasm.mjs times the calls.

#![allow(dead_code, unexpected_cfgs)]

/// Stands in for the crate's work counters (src/budget.rs), which the page compiles out.
mod budget {
    pub enum Work {
        ModularMultiplications,
    }
    #[inline(always)]
    pub fn count(_: Work, _: u64) {}
}

#[path = "../../../src/crypto"]
mod crypto {
    pub mod montgomery;
}

use crypto::montgomery::Modulus;

/// A pseudo-random odd modulus of `bytes` bytes with its top bit set, and a base below it.
fn sample(bytes: usize, seed: u32) -> (Vec<u8>, Vec<u8>) {
    let mut x = seed.wrapping_mul(0x9e37_79b9) | 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    };
    let mut n: Vec<u8> = (0..bytes).map(|_| next()).collect();
    n[0] |= 0x80;
    n[bytes - 1] |= 1;
    let mut base: Vec<u8> = (0..bytes).map(|_| next()).collect();
    base[0] &= 0x7f;
    (n, base)
}

/// Runs `iters` public operations on a modulus of `bytes` bytes; returns a checksum of the
/// results (so that nothing is optimized away), or `u32::MAX` for an unusable size.
#[unsafe(no_mangle)]
pub extern "C" fn pow(bytes: u32, iters: u32) -> u32 {
    let (n, mut base) = sample(bytes as usize, bytes);
    let Some(m) = Modulus::new(&n) else { return u32::MAX };
    let e = m.exponent(&[1, 0, 1]);
    let mut sum = 0u32;
    for _ in 0..iters {
        let out = m.pow(&base, &e, n.len());
        sum = sum.wrapping_add(u32::from(out[n.len() - 1]));
        base[n.len() - 1] ^= out[n.len() - 1];
    }
    sum
}
