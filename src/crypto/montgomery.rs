//! Modular exponentiation with a public exponent, for RSA signature verification: Montgomery
//! multiplication (Koç et al. 1996) over machine words, in variable time (every input is
//! public). Words are 64-bit natively and 32-bit in WebAssembly, whose 64-bit multiply gives the
//! full product of two 32-bit words directly.
//!
//! A word-by-word row of products is one carry chain, which costs two additions' latency per
//! product, more than the multiplier needs: every inner loop here runs two rows at once (two
//! independent chains) and handles two words per iteration, which keeps the multiplier busy.
//!
//! Numbers are fixed-size arrays of words: a modulus is handled in the smallest size class that
//! holds it (512, 1024, 2048, 3072, 4096 or 8192 bits), with R = 2^(bits of the class).
//! Montgomery arithmetic needs only R > n, so the zero words above a smaller modulus are
//! harmless. Each class is compiled for its size: every loop bound is known, the numbers live
//! on the stack, and a verification allocates nothing but its result.
//!
//! In WebAssembly the size classes up to 4096 bits use [`simd`] instead (22-bit limbs in `f64`
//! lanes, two products per SIMD instruction); [`Fixed`] stays the native arithmetic and, in
//! the tests, the reference it is checked against.

#[cfg(not(target_arch = "wasm32"))]
mod word {
    pub type W = u64;
    pub type D = u128;
    pub const BITS: u32 = 64;
}
#[cfg(target_arch = "wasm32")]
mod word {
    pub type W = u32;
    pub type D = u64;
    pub const BITS: u32 = 32;
}
use crate::budget::{Work, count};
use arith::Arith;
use word::{BITS, D, W};

mod arith;
#[cfg(any(target_arch = "wasm32", test))]
mod simd;

/// The [`simd`] arithmetic for the size class of `bits` bits.
#[cfg(any(target_arch = "wasm32", test))]
macro_rules! simd_class {
    ($bits:literal) => { simd::Mont<{ simd::limbs($bits) }, { simd::limbs($bits) / 2 + 1 }, { simd::limbs($bits) }> };
}

/// The arithmetic of the size class of `bits` bits: word-based natively, SIMD in wasm.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! arithmetic {
    ($bits:literal) => { Fixed<{ words($bits) }> };
}
#[cfg(target_arch = "wasm32")]
macro_rules! arithmetic {
    (8192) => { Fixed<{ words(8192) }> };
    ($bits:literal) => { simd_class!($bits) };
}

/// Bytes per word.
const BYTES: usize = (BITS / 8) as usize;

/// Words in a size class of `bits` bits.
const fn words(bits: usize) -> usize {
    bits / BITS as usize
}

/// A public exponent prepared for one modulus.
#[derive(Clone, Debug)]
pub struct Exponent {
    /// Big-endian, without leading zero bytes.
    e: Vec<u8>,
    /// R^e mod n, as many words as the modulus's size class.
    correction: Vec<W>,
}

/// A modulus prepared for Montgomery arithmetic.
#[derive(Clone, Debug)]
pub struct Modulus(Class);

/// Defines the size classes: the enum holding a [`Fixed`] of each size, and its dispatch.
macro_rules! size_classes {
    // `tt`, not `literal`: arithmetic! must see the number itself to pick 8192's arithmetic.
    ($($variant:ident = $bits:tt),* $(,)?) => {
        /// A modulus in its size class.
        #[derive(Clone, Debug)]
        enum Class {
            $(
                #[doc = concat!("Up to ", stringify!($bits), " bits.")]
                $variant(Box<arithmetic!($bits)>),
            )*
        }

        impl Class {
            /// The smallest class holding `n` (little-endian words); `None` if even, below 3
            /// or over the largest class.
            fn new(n: &[W]) -> Option<Class> {
                $(
                    if n.len() <= words($bits) {
                        return <arithmetic!($bits)>::prepare(n).map(|f| Class::$variant(Box::new(f)));
                    }
                )*
                None
            }

            /// R^e mod n (see [`Modulus::exponent`]).
            fn correction(&self, e: &[u8]) -> Vec<W> {
                match self {
                    $(Class::$variant(f) => f.correction(e).to_vec(),)*
                }
            }

            /// `base^e mod n`, big-endian, `len` bytes (see [`Modulus::pow`]).
            fn pow(&self, base_be: &[u8], exponent: &Exponent, len: usize) -> Vec<u8> {
                match self {
                    $(Class::$variant(f) => f.pow(base_be, &exponent.e, &exponent.correction, len),)*
                }
            }
        }
    };
}

size_classes!(B512 = 512, B1024 = 1024, B2048 = 2048, B3072 = 3072, B4096 = 4096, B8192 = 8192);

impl Modulus {
    /// Prepares an odd modulus (at least 3, at most 8192 bits) given big-endian, leading zero
    /// bytes allowed; `None` otherwise.
    pub fn new(be: &[u8]) -> Option<Modulus> {
        let mut n = vec![0 as W; be.len().div_ceil(BYTES)];
        be_into_words(be, &mut n);
        while n.last() == Some(&0) {
            n.pop();
        }
        Class::new(&n).map(Modulus)
    }

    /// Prepares the public exponent `e` (big-endian, no leading zero bytes, `e ≥ 1`) for
    /// [`Modulus::pow`]: computes once the correction factor that lets every exponentiation skip
    /// the conversion into Montgomery form.
    pub fn exponent(&self, e: &[u8]) -> Exponent {
        Exponent { e: e.to_vec(), correction: self.0.correction(e) }
    }

    /// `base^e mod n` for `base < n` (big-endian bytes); the result big-endian, `len` bytes.
    ///
    /// Square-and-multiply runs on the plain base: each Montgomery step brings a factor R⁻¹, and
    /// after the whole chain they amount to R^-(e-1) (by induction: squaring b^x·R^-(x-1) gives
    /// b^2x·R^-(2x-1), multiplying by b gives b^(x+1)·R^-x). One multiplication by the
    /// precomputed R^e mod n cancels them. For e = 65537: 16 squarings and 2 multiplications.
    pub fn pow(&self, base_be: &[u8], exponent: &Exponent, len: usize) -> Vec<u8> {
        self.0.pow(base_be, exponent, len)
    }
}

/// For the tests in wasm (the `test-internals` feature): `base^e mod n` (big-endian, `base <
/// n`) by the arithmetic [`Modulus`] uses for n's size class (in wasm: [`simd`]) and by the
/// word-based [`Fixed`]; `None` for a modulus [`Modulus::new`] refuses or over 4096 bits.
#[cfg(feature = "test-internals")]
pub fn pow_both_ways(n_be: &[u8], e: &[u8], base_be: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    fn by_words<const N: usize>(n: &[W], e: &[u8], base_be: &[u8], len: usize) -> Option<Vec<u8>> {
        let f = Fixed::<N>::new(n)?;
        Some(f.pow(base_be, e, &f.correction(e), len))
    }
    let m = Modulus::new(n_be)?;
    let by_class = m.pow(base_be, &m.exponent(e), n_be.len());
    let mut n = vec![0 as W; n_be.len().div_ceil(BYTES)];
    be_into_words(n_be, &mut n);
    while n.last() == Some(&0) {
        n.pop();
    }
    let len = n_be.len();
    let by_words = match n.len() {
        l if l <= words(1024) => by_words::<{ words(1024) }>(&n, e, base_be, len),
        l if l <= words(2048) => by_words::<{ words(2048) }>(&n, e, base_be, len),
        l if l <= words(4096) => by_words::<{ words(4096) }>(&n, e, base_be, len),
        _ => None,
    }?;
    Some((by_class, by_words))
}

/// A modulus of at most `N` words, with its Montgomery constants for R = 2^(BITS·N).
#[derive(Clone, Debug)]
struct Fixed<const N: usize> {
    /// The modulus, little-endian words.
    n: [W; N],
    /// -n⁻¹ mod 2^BITS.
    n0: W,
    /// R² mod n.
    r2: [W; N],
}

impl<const N: usize> Fixed<N> {
    /// Prepares `n` (little-endian words, at most `N`); `None` if it is even or below 3.
    fn new(limbs: &[W]) -> Option<Self> {
        // The loops take rows and words in pairs.
        const { assert!(N.is_multiple_of(2) && N >= 4) };
        let mut n = [0 as W; N];
        n.get_mut(..limbs.len())?.copy_from_slice(limbs);
        let top = n.iter().rposition(|&w| w != 0)?;
        let bit_len = top * BITS as usize + (BITS - n[top].leading_zeros()) as usize;
        if n[0] & 1 == 0 || bit_len < 2 {
            return None;
        }
        // -n⁻¹ mod 2^BITS by Newton's iteration (each step doubles the correct low bits).
        let mut inv: W = 1;
        for _ in 0..7 {
            inv = inv.wrapping_mul((2 as W).wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let mut m = Fixed { n, n0: inv.wrapping_neg(), r2: [0; N] };
        m.r2 = m.r_squared(bit_len, BITS as usize * N);
        Some(m)
    }

    /// `x = 2x mod n`, for `x < n`.
    fn double(&self, x: &mut [W; N]) {
        let mut carry = 0;
        for w in x.iter_mut() {
            let next = *w >> (BITS - 1);
            *w = (*w << 1) | carry;
            carry = next;
        }
        if carry == 1 || !less_than(x, &self.n) {
            sub_in_place(x, &self.n);
        }
    }

    /// [`Fixed::new`] under the name [`Class`] calls for each class's arithmetic.
    fn prepare(limbs: &[W]) -> Option<Self> {
        Self::new(limbs)
    }

    /// `base^e mod n` (see [`Modulus::pow`]) with the `correction` made for `e` and this
    /// modulus; all zero bytes for one of the wrong length (prepared for another modulus).
    fn pow(&self, base_be: &[u8], e: &[u8], correction: &[W], len: usize) -> Vec<u8> {
        let mut out = vec![0u8; len];
        let Ok(correction) = <&[W; N]>::try_from(correction) else {
            return out;
        };
        let mut base = [0 as W; N];
        be_into_words(base_be, &mut base);
        let acc = self.raw_pow(&base, e);
        let result = self.mul(&acc, correction);
        for (chunk, word) in out.rchunks_mut(BYTES).zip(&result) {
            chunk.copy_from_slice(&word.to_be_bytes()[BYTES - chunk.len()..]);
        }
        out
    }

    /// `a·b·R⁻¹ mod n`, the multiplication and the reduction interleaved word by word (FIOS):
    /// for each word of `a`, one row of `a[i]·b` and one of `m·n` in the same loop.
    fn mul(&self, a: &[W; N], b: &[W; N]) -> [W; N] {
        count(Work::ModularMultiplications, 1);
        let n = &self.n;
        let mut t = [0 as W; N];
        let mut top: W = 0;
        for &ai in a {
            let ai = ai as D;
            let v = t[0] as D + ai * b[0] as D;
            let m = (v as W).wrapping_mul(self.n0) as D;
            let w = (v as W) as D + m * n[0] as D;
            let (mut c1, mut c2) = ((v >> BITS) as W, (w >> BITS) as W);
            // Words 1..N: two at a time, then the last (N is even).
            for j in (1..N - 1).step_by(2) {
                let v = t[j] as D + ai * b[j] as D + c1 as D;
                let w = (v as W) as D + m * n[j] as D + c2 as D;
                t[j - 1] = w as W;
                let v = t[j + 1] as D + ai * b[j + 1] as D + (v >> BITS);
                let w = (v as W) as D + m * n[j + 1] as D + (w >> BITS);
                t[j] = w as W;
                c1 = (v >> BITS) as W;
                c2 = (w >> BITS) as W;
            }
            let v = t[N - 1] as D + ai * b[N - 1] as D + c1 as D;
            let w = (v as W) as D + m * n[N - 1] as D + c2 as D;
            t[N - 2] = w as W;
            let v = top as D + (v >> BITS) + (w >> BITS);
            t[N - 1] = v as W;
            top = (v >> BITS) as W;
        }
        self.finish(t, top)
    }

    /// `a²·R⁻¹ mod n`: the square with each cross product computed once, then a Montgomery
    /// reduction; both two rows at a time.
    fn sqr(&self, a: &[W; N]) -> [W; N] {
        count(Work::ModularMultiplications, 1);
        let mut p = [[0 as W; N]; 2];
        let p = p.as_flattened_mut();
        // Cross products a[i]·a[j], i < j: row i adds a[i]·a[j] at p[i + j], its carry at
        // p[i + N]. Rows i and i + 1 (i even) share a loop from position 2i + 3 on.
        for i in (0..N - 2).step_by(2) {
            let (x, y) = (a[i] as D, a[i + 1] as D);
            let v = p[2 * i + 1] as D + x * a[i + 1] as D;
            p[2 * i + 1] = v as W;
            let v = p[2 * i + 2] as D + x * a[i + 2] as D + (v >> BITS);
            p[2 * i + 2] = v as W;
            let mut c1 = (v >> BITS) as W;
            let mut c2: W = 0;
            if i + 3 < N {
                // Position 2i + 3, then the rest two at a time (an even number of them).
                let v = p[2 * i + 3] as D + x * a[i + 3] as D + c1 as D;
                let v2 = (v as W) as D + y * a[i + 2] as D;
                p[2 * i + 3] = v2 as W;
                c1 = (v >> BITS) as W;
                c2 = (v2 >> BITS) as W;
                (c1, c2) = add_two_rows(&mut p[2 * i + 4..i + N], &a[i + 4..], &a[i + 3..N - 1], (x, y), (c1, c2));
            }
            let v = c1 as D + y * a[N - 1] as D + c2 as D;
            p[i + N] = v as W;
            p[i + N + 1] = (v >> BITS) as W;
        }
        let v = p[2 * N - 3] as D + a[N - 2] as D * a[N - 1] as D;
        p[2 * N - 3] = v as W;
        p[2 * N - 2] = (v >> BITS) as W;
        // Doubled, plus the squares a[i]² at p[2i].
        let mut carry: W = 0;
        for word in p.iter_mut() {
            let next = *word >> (BITS - 1);
            *word = (*word << 1) | carry;
            carry = next;
        }
        let mut c: D = 0;
        for (pair, &ai) in p.chunks_exact_mut(2).zip(a) {
            let sq = ai as D * ai as D;
            let v = pair[0] as D + (sq as W) as D + c;
            pair[0] = v as W;
            let v = pair[1] as D + (sq >> BITS) + (v >> BITS);
            pair[1] = v as W;
            c = v >> BITS;
        }
        self.reduce(p)
    }

    /// Montgomery reduction of a 2N-word `p`: `p·R⁻¹ mod n`. Row i adds `m·n` at `p[i..]`
    /// with `m` chosen to clear `p[i]`; rows i and i + 1 (i even) share one loop, row i + 1
    /// one position behind: its `m` needs only the first two words of row i.
    fn reduce(&self, p: &mut [W]) -> [W; N] {
        let (n, n0) = (&self.n, self.n0);
        let mut top: D = 0; // the carry into p[i + N]
        for i in (0..N).step_by(2) {
            let m1 = p[i].wrapping_mul(n0) as D;
            let v = p[i] as D + m1 * n[0] as D;
            let v = p[i + 1] as D + m1 * n[1] as D + (v >> BITS);
            let m2 = (v as W).wrapping_mul(n0) as D;
            let w = (v as W) as D + m2 * n[0] as D;
            // N - 2 positions (N is even): two at a time.
            let carries = ((v >> BITS) as W, (w >> BITS) as W);
            let (c1, c2) = add_two_rows(&mut p[i + 2..i + N], &n[2..], &n[1..N - 1], (m1, m2), carries);
            let v = p[i + N] as D + c1 as D + top;
            let v2 = (v as W) as D + m2 * n[N - 1] as D + c2 as D;
            p[i + N] = v2 as W;
            let v3 = p[i + N + 1] as D + (v >> BITS) + (v2 >> BITS);
            p[i + N + 1] = v3 as W;
            top = v3 >> BITS;
        }
        let mut out = [0 as W; N];
        out.copy_from_slice(&p[N..]);
        self.finish(out, top as W)
    }

    /// One subtraction of n if `out` plus `carry`·R (below 2n) is not below n.
    fn finish(&self, mut out: [W; N], carry: W) -> [W; N] {
        if carry != 0 || !less_than(&out, &self.n) {
            sub_in_place(&mut out, &self.n);
        }
        out
    }
}

impl<const N: usize> Arith for Fixed<N> {
    type Num = [W; N];
    fn power_of_two(bit: usize) -> [W; N] {
        let mut x = [0 as W; N];
        x[bit / BITS as usize] = 1 << (bit % BITS as usize);
        x
    }
    fn double(&self, x: &mut [W; N]) {
        Fixed::double(self, x)
    }
    fn mul(&self, a: &[W; N], b: &[W; N]) -> [W; N] {
        Fixed::mul(self, a, b)
    }
    fn sqr(&self, a: &[W; N]) -> [W; N] {
        Fixed::sqr(self, a)
    }
    fn r2(&self) -> &[W; N] {
        &self.r2
    }
}

/// Writes the big-endian bytes `be` into little-endian words (bytes beyond them are dropped;
/// the words must be zero beforehand).
fn be_into_words(be: &[u8], words: &mut [W]) {
    for (word, chunk) in words.iter_mut().zip(be.rchunks(BYTES)) {
        *word = chunk.iter().fold(0, |w, &b| (w << 8) | W::from(b));
    }
}

fn less_than(a: &[W], b: &[W]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

fn sub_in_place(a: &mut [W], b: &[W]) {
    let mut borrow = false;
    for (x, &y) in a.iter_mut().zip(b) {
        let (d1, b1) = x.overflowing_sub(y);
        let (d2, b2) = d1.overflowing_sub(W::from(borrow));
        *x = d2;
        borrow = b1 || b2;
    }
}

/// Adds two rows into `p`, two words at a time: `x·u` and `y·w`, where `w` runs one word
/// behind `u` (the caller aligns the slices), with the rows' incoming carries; returns their
/// outgoing carries. The inner loop of both the square's cross products and the reduction.
#[inline(always)]
fn add_two_rows(p: &mut [W], u: &[W], w: &[W], (x, y): (D, D), (mut c1, mut c2): (W, W)) -> (W, W) {
    for (pk, (u, w)) in p.chunks_exact_mut(2).zip(u.chunks_exact(2).zip(w.chunks_exact(2))) {
        let v = pk[0] as D + x * u[0] as D + c1 as D;
        let v2 = (v as W) as D + y * w[0] as D + c2 as D;
        pk[0] = v2 as W;
        let v = pk[1] as D + x * u[1] as D + (v >> BITS);
        let v2 = (v as W) as D + y * w[1] as D + (v2 >> BITS);
        pk[1] = v2 as W;
        c1 = (v >> BITS) as W;
        c2 = (v2 >> BITS) as W;
    }
    (c1, c2)
}

#[cfg(test)]
mod tests;
