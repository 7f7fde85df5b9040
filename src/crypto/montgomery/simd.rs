//! Montgomery multiplication for WebAssembly with SIMD128: numbers in 22-bit limbs held in
//! `f64` lanes, two products per instruction (`f64x2_mul`, exact: below 2^53), carries left in
//! the lanes until the end of each multiplication.
//!
//! Hand-written because no crate does this for wasm: the big-integer crates use 32-bit words
//! there, one product per instruction with a carry chain through each, which made the RSA
//! public operation the largest cost per message on the page. Integer SIMD would need
//! `i64x2.extmul_low_i32x4_u` (two 32×32→64 products), but LLVM turns it into `i64x2.mul`, which
//! wasm engines emulate with three multiplications; `f64x2` multiplications and additions are
//! native everywhere. 22-bit limbs keep every position exact: one gets at most 2·(L + 1)
//! products below 2^44 (L = 188 limbs for 4096 bits: below 2^52.6), so the rows are plain vector
//! multiply-adds and only two positions per pair of rows need exact carries, to choose the
//! reduction factors. The 8192-bit class (too many products per position) stays word-based.
//!
//! Operand scanning two rows at a time: rows i and i + 1 add `a[i]·b + m1·n` at position i and
//! `a[i+1]·b + m2·n` at position i + 1, which is one vector pass over `b`, `n` and copies of
//! them shifted up one limb (so the pair's window moves by one whole vector). `m1` and `m2`
//! come from the window's first two positions, computed exactly beforehand in integers.
//!
//! Natively this module is compiled only for the tests, on a scalar model of the vector
//! operations (IEEE arithmetic, so the same results), to be checked against [`super::Fixed`].

use super::arith::Arith;
use crate::budget::{Work, count};

/// Bits per limb.
const LIMB: u32 = 22;
/// The low [`LIMB`] bits.
const MASK: u32 = (1 << LIMB) - 1;

/// Limbs for a size class of `bits` bits: enough for `bits`, an even number (a vector of two).
pub const fn limbs(bits: usize) -> usize {
    bits.div_ceil(LIMB as usize).div_ceil(2) * 2
}

/// The vector operations used, on wasm32's SIMD128.
#[cfg(target_arch = "wasm32")]
mod lanes {
    use core::arch::wasm32::{self as w, v128};
    /// Two f64 lanes.
    pub type V = v128;
    pub const ZERO: V = w::f64x2(0.0, 0.0);
    #[inline(always)]
    pub fn pair(x: u32, y: u32) -> V {
        w::f64x2(f64::from(x), f64::from(y))
    }
    #[inline(always)]
    pub fn pair64(x: u64, y: u64) -> V {
        w::f64x2(x as f64, y as f64)
    }
    #[inline(always)]
    pub fn splat(x: u32) -> V {
        w::f64x2_splat(f64::from(x))
    }
    #[inline(always)]
    pub fn mul(x: V, y: V) -> V {
        w::f64x2_mul(x, y)
    }
    #[inline(always)]
    pub fn add(x: V, y: V) -> V {
        w::f64x2_add(x, y)
    }
    /// The lanes, exact integers below 2^53.
    #[inline(always)]
    pub fn lanes(x: V) -> [u64; 2] {
        [w::f64x2_extract_lane::<0>(x) as u64, w::f64x2_extract_lane::<1>(x) as u64]
    }
    #[inline(always)]
    pub fn add_low(x: V, c: u64) -> V {
        w::f64x2_add(x, w::f64x2(c as f64, 0.0))
    }
    #[inline(always)]
    pub fn sub_low(x: V, c: u64) -> V {
        w::f64x2_sub(x, w::f64x2(c as f64, 0.0))
    }
}

/// A scalar model of [`lanes`] for the native tests.
#[cfg(not(target_arch = "wasm32"))]
mod lanes {
    pub type V = [f64; 2];
    pub const ZERO: V = [0.0; 2];
    pub fn pair(x: u32, y: u32) -> V {
        [f64::from(x), f64::from(y)]
    }
    pub fn pair64(x: u64, y: u64) -> V {
        [x as f64, y as f64]
    }
    pub fn splat(x: u32) -> V {
        [f64::from(x); 2]
    }
    pub fn mul(x: V, y: V) -> V {
        [x[0] * y[0], x[1] * y[1]]
    }
    pub fn add(x: V, y: V) -> V {
        [x[0] + y[0], x[1] + y[1]]
    }
    pub fn lanes(x: V) -> [u64; 2] {
        [x[0] as u64, x[1] as u64]
    }
    pub fn add_low(x: V, c: u64) -> V {
        [x[0] + c as f64, x[1]]
    }
    pub fn sub_low(x: V, c: u64) -> V {
        [x[0] - c as f64, x[1]]
    }
}

use lanes::V;

/// A modulus of at most `L` limbs (`L` = [`limbs`] of the class) and its Montgomery constants
/// for R = 2^(22·L). `Q` = L/2 + 1 vectors hold `n` and its shifted copy (L + 1 limbs, padded);
/// `A` = L vectors hold the product's positions.
#[derive(Clone, Debug)]
pub struct Mont<const L: usize, const Q: usize, const A: usize> {
    /// The modulus, little-endian limbs.
    n: [u32; L],
    /// `n` as vectors, and `n` shifted up one limb.
    nv: [V; Q],
    ns: [V; Q],
    /// -n⁻¹ mod 2^22.
    n0: u32,
    /// R² mod n.
    r2: [u32; L],
}

/// `x` (little-endian limbs) as vectors, and shifted up one limb.
fn vectors<const Q: usize>(x: &[u32]) -> ([V; Q], [V; Q]) {
    let mut plain = [[0u32; 2]; Q];
    let mut shifted = [[0u32; 2]; Q];
    plain.as_flattened_mut()[..x.len()].copy_from_slice(x);
    shifted.as_flattened_mut()[1..=x.len()].copy_from_slice(x);
    (plain.map(|[x, y]| lanes::pair(x, y)), shifted.map(|[x, y]| lanes::pair(x, y)))
}

impl<const L: usize, const Q: usize, const A: usize> Mont<L, Q, A> {
    /// Prepares `n`, little-endian words of the type's size (see [`Mont::new`]).
    pub fn prepare<Wd: Copy + Into<u64>>(words: &[Wd]) -> Option<Self> {
        Self::new(words, (size_of::<Wd>() * 8) as u32)
    }

    /// Prepares `n` given as little-endian words of `word_bits` bits; `None` if it is even,
    /// below 3 or longer than the class.
    pub fn new<Wd: Copy + Into<u64>>(words: &[Wd], word_bits: u32) -> Option<Self> {
        const { assert!(L.is_multiple_of(2) && Q == L / 2 + 1 && A == L) };
        // Exact in f64: 2·(L + 1) products below 2^44 per position, below 2^53.
        const { assert!(2 * (L + 1) < 1 << (53 - 2 * LIMB)) };
        let bit_len = words
            .iter()
            .rposition(|&w| w.into() != 0)
            .map_or(0, |top| top * word_bits as usize + (64 - words[top].into().leading_zeros()) as usize);
        if bit_len > LIMB as usize * L || bit_len < 2 || words.first().is_none_or(|&w| w.into() & 1 == 0) {
            return None;
        }
        let mut n = [0u32; L];
        for (k, limb) in n.iter_mut().enumerate() {
            *limb = bits_at(words, word_bits, k * LIMB as usize);
        }
        // -n⁻¹ mod 2^22 by Newton's iteration mod 2^32 (each step doubles the correct bits).
        let mut inv: u32 = 1;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let (nv, ns) = vectors(&n);
        let mut m = Mont { n, nv, ns, n0: inv.wrapping_neg() & MASK, r2: [0; L] };
        m.r2 = m.r_squared(bit_len, LIMB as usize * L);
        Some(m)
    }

    /// `x = 2x mod n`, for `x < n`.
    fn double(&self, x: &mut [u32; L]) {
        let mut carry = 0;
        for l in x.iter_mut() {
            let v = (*l << 1) | carry;
            carry = v >> LIMB;
            *l = v & MASK;
        }
        if carry == 1 || !less_than(x, &self.n) {
            sub_in_place(x, &self.n);
        }
    }

    /// `base^e mod n` (see super::Modulus::pow), with the `correction` made for this modulus
    /// and `e`; all zero bytes if it has the wrong length.
    pub fn pow(&self, base_be: &[u8], e: &[u8], correction: &[u32], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        let Ok(correction) = <&[u32; L]>::try_from(correction) else {
            return out;
        };
        let mut base = [0u32; L];
        for (k, limb) in base.iter_mut().enumerate() {
            *limb = bits_at_be(base_be, k * LIMB as usize);
        }
        let acc = self.raw_pow(&base, e);
        let result = self.mul(&acc, correction);
        // Little-endian limbs to big-endian bytes.
        let (mut bits, mut have) = (0u64, 0u32);
        let mut limbs = result.iter();
        for byte in out.iter_mut().rev() {
            if have < 8 {
                bits |= u64::from(limbs.next().copied().unwrap_or(0)) << have;
                have += LIMB;
            }
            *byte = bits as u8;
            bits >>= 8;
            have -= 8;
        }
        out
    }

    /// `a·b·R⁻¹ mod n` for `a, b < n` (22-bit limbs), two rows per vector pass.
    pub fn mul(&self, a: &[u32; L], b: &[u32; L]) -> [u32; L] {
        count(Work::ModularMultiplications, 1);
        let (bv, bs) = vectors::<Q>(b);
        let (n, n0) = (&self.n, self.n0);
        // Position p of the product in lane p % 2 of acc[p / 2], carries not yet propagated.
        let mut acc = [lanes::ZERO; A];
        for (t, pair) in a.chunks_exact(2).enumerate() {
            let (x, y) = (pair[0], pair[1]);
            let [p0, p1] = lanes::lanes(acc[t]);
            // The factors that clear positions 2t and 2t + 1, from their exact values.
            let m1 = (p0 as u32).wrapping_add(x.wrapping_mul(b[0])).wrapping_mul(n0) & MASK;
            let v0 = p0 + u64::from(x) * u64::from(b[0]) + u64::from(m1) * u64::from(n[0]);
            let v1 = p1
                + u64::from(x) * u64::from(b[1])
                + u64::from(m1) * u64::from(n[1])
                + u64::from(y) * u64::from(b[0])
                + (v0 >> LIMB);
            let m2 = (v1 as u32).wrapping_mul(n0) & MASK;
            let carry = (v1 + u64::from(m2) * u64::from(n[0])) >> LIMB;
            let [xs, ys, m1s, m2s] = [x, y, m1, m2].map(lanes::splat);
            // Positions 2t.. (the first two recomputed, then dropped).
            let window = &mut acc[t..t + Q];
            for (out, (((bq, bsq), nq), nsq)) in window.iter_mut().zip(bv.iter().zip(&bs).zip(&self.nv).zip(&self.ns)) {
                let sum = lanes::add(
                    lanes::add(lanes::mul(xs, *bq), lanes::mul(ys, *bsq)),
                    lanes::add(lanes::mul(m1s, *nq), lanes::mul(m2s, *nsq)),
                );
                *out = lanes::add(*out, sum);
            }
            acc[t + 1] = lanes::add_low(acc[t + 1], carry);
        }
        self.finish(&acc)
    }

    /// `a²·R⁻¹ mod n` for `a < n`: as [`Mont::mul`], with each cross product `a[i]·a[j]`
    /// (i < j) computed once, doubled: row i adds `a[i]²` at position 2i and `a[i]·2a[j]`
    /// above it, nothing below. Per position, at most L/2 doubled products below 2^45 and
    /// L + 1 of the reduction's below 2^44: still below 2^53.
    pub fn sqr(&self, a: &[u32; L]) -> [u32; L] {
        count(Work::ModularMultiplications, 1);
        let doubled = a.map(|x| x << 1);
        let (dv, ds) = vectors::<Q>(&doubled);
        let (n, n0) = (&self.n, self.n0);
        let mut acc = [lanes::ZERO; A];
        for (t, pair) in a.chunks_exact(2).enumerate() {
            let (x, y) = (pair[0], pair[1]);
            // The pair's own products, at offsets 2t and 2t + 1 of its window.
            let (d0, d1) = (u64::from(x) * u64::from(x), u64::from(x) * u64::from(y << 1));
            let [mut p0, mut p1] = lanes::lanes(acc[t]);
            if t == 0 {
                (p0, p1) = (p0 + d0, p1 + d1);
            }
            let m1 = (p0 as u32).wrapping_mul(n0) & MASK;
            let v0 = p0 + u64::from(m1) * u64::from(n[0]);
            let v1 = p1 + u64::from(m1) * u64::from(n[1]) + (v0 >> LIMB);
            let m2 = (v1 as u32).wrapping_mul(n0) & MASK;
            let carry = (v1 + u64::from(m2) * u64::from(n[0])) >> LIMB;
            let [xs, ys, m1s, m2s] = [x, y, m1, m2].map(lanes::splat);
            let window = &mut acc[t..t + Q];
            let (low, high) = window.split_at_mut(t + 1);
            // Offsets 2..2t + 2 (the first two are dropped): the reduction, and the pair's own
            // products at offset 2t.
            for (out, (nq, nsq)) in low.iter_mut().zip(self.nv.iter().zip(&self.ns)).skip(1) {
                *out = lanes::add(*out, lanes::add(lanes::mul(m1s, *nq), lanes::mul(m2s, *nsq)));
            }
            if t > 0 {
                low[t] = lanes::add(low[t], lanes::pair64(d0, d1));
            }
            // From offset 2t + 2: the cross products too. Row 2t + 1's first one, at offset
            // 2t + 2, is a[2t+1]², not doubled: taken back below.
            let rest = dv.iter().zip(&ds).zip(self.nv.iter().zip(&self.ns)).skip(t + 1);
            for (out, ((dq, dsq), (nq, nsq))) in high.iter_mut().zip(rest) {
                let sum = lanes::add(
                    lanes::add(lanes::mul(xs, *dq), lanes::mul(ys, *dsq)),
                    lanes::add(lanes::mul(m1s, *nq), lanes::mul(m2s, *nsq)),
                );
                *out = lanes::add(*out, sum);
            }
            if let Some(first) = high.first_mut() {
                *first = lanes::sub_low(*first, u64::from(y) * u64::from(y));
            }
            acc[t + 1] = lanes::add_low(acc[t + 1], carry);
        }
        self.finish(&acc)
    }

    /// Positions L.. of `acc`, a Montgomery product below 2n, carries propagated and less n
    /// if not below it.
    fn finish(&self, acc: &[V; A]) -> [u32; L] {
        let mut out = [0u32; L];
        let mut carry = 0u64;
        let mut top = acc[L / 2..].iter().flat_map(|v| lanes::lanes(*v));
        for limb in out.iter_mut() {
            let v = top.next().unwrap_or(0) + carry;
            *limb = v as u32 & MASK;
            carry = v >> LIMB;
        }
        if carry != 0 || !less_than(&out, &self.n) {
            sub_in_place(&mut out, &self.n);
        }
        out
    }
}

impl<const L: usize, const Q: usize, const A: usize> Arith for Mont<L, Q, A> {
    type Num = [u32; L];
    fn power_of_two(bit: usize) -> [u32; L] {
        let mut x = [0u32; L];
        x[bit / LIMB as usize] = 1 << (bit % LIMB as usize);
        x
    }
    fn double(&self, x: &mut [u32; L]) {
        Mont::double(self, x)
    }
    fn mul(&self, a: &[u32; L], b: &[u32; L]) -> [u32; L] {
        Mont::mul(self, a, b)
    }
    fn sqr(&self, a: &[u32; L]) -> [u32; L] {
        Mont::sqr(self, a)
    }
    fn r2(&self) -> &[u32; L] {
        &self.r2
    }
}

/// The 22 bits of the little-endian `words` (of `word_bits` bits each) from bit `pos`.
fn bits_at<Wd: Copy + Into<u64>>(words: &[Wd], word_bits: u32, pos: usize) -> u32 {
    let word_bits = word_bits as usize;
    let mut v = 0u64;
    let mut got = 0;
    while got < LIMB as usize {
        let (i, off) = ((pos + got) / word_bits, (pos + got) % word_bits);
        let Some(&w) = words.get(i) else { break };
        v |= (w.into() >> off) << got;
        got += word_bits - off;
    }
    v as u32 & MASK
}

/// The 22 bits from bit `pos` of the big-endian `be` (bit 0 the lowest of the last byte).
fn bits_at_be(be: &[u8], pos: usize) -> u32 {
    let mut v = 0u64;
    for k in 0..5 {
        let byte = pos / 8 + k;
        if let Some(&b) = be.len().checked_sub(byte + 1).and_then(|i| be.get(i)) {
            v |= u64::from(b) << (8 * k);
        }
    }
    (v >> (pos % 8)) as u32 & MASK
}

fn less_than(a: &[u32], b: &[u32]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

/// `a -= b` on limbs, modulo 2^(22·len).
fn sub_in_place(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0u32;
    for (x, &y) in a.iter_mut().zip(b) {
        let d = x.wrapping_sub(y).wrapping_sub(borrow);
        borrow = d >> 31;
        *x = d & MASK;
    }
}
