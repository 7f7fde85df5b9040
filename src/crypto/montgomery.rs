//! Modular exponentiation with a public exponent, for RSA signature verification: Montgomery
//! multiplication (CIOS, Koç et al. 1996) over machine words, in variable time (every input is
//! public). Words are 64-bit natively and 32-bit in WebAssembly, whose 64-bit multiply gives the
//! full product of two 32-bit words directly.

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
use word::{BITS, D, W};

/// A public exponent prepared for one modulus.
#[derive(Clone, Debug)]
pub struct Exponent {
    /// Big-endian, without leading zero bytes.
    e: Vec<u8>,
    /// R^e mod n.
    correction: Vec<W>,
}

/// A modulus prepared for Montgomery arithmetic (R = 2^(BITS·len)).
#[derive(Clone, Debug)]
pub struct Modulus {
    /// The modulus, little-endian words.
    n: Vec<W>,
    /// -n⁻¹ mod 2^BITS.
    n0: W,
    /// R² mod n.
    r2: Vec<W>,
}

impl Modulus {
    /// Prepares an odd modulus given big-endian without leading zero bytes; `None` if even or zero.
    pub fn new(be: &[u8]) -> Option<Modulus> {
        let n = words_from_be(be, be.len().div_ceil((BITS / 8) as usize));
        if n.first().is_none_or(|w| w & 1 == 0) {
            return None;
        }
        // -n⁻¹ mod 2^BITS by Newton's iteration.
        let mut inv: W = 1;
        for _ in 0..7 {
            inv = inv.wrapping_mul((2 as W).wrapping_sub(n[0].wrapping_mul(inv)));
        }
        let n0 = inv.wrapping_neg();
        // R² mod n by doubling 1 modulo n, 2·BITS·len times.
        let mut r2 = vec![0 as W; n.len()];
        r2[0] = 1;
        for _ in 0..(2 * BITS as usize * n.len()) {
            let carry = shl1(&mut r2);
            if carry || !less_than(&r2, &n) {
                sub_in_place(&mut r2, &n);
            }
        }
        Some(Modulus { n, n0, r2 })
    }

    /// Prepares the public exponent `e` (big-endian, no leading zero bytes, `e ≥ 1`) for
    /// [`Modulus::pow`]: computes once the correction factor that lets every exponentiation skip
    /// the conversion into Montgomery form.
    pub fn exponent(&self, e: &[u8]) -> Exponent {
        let s = self.n.len();
        let (mut t, mut wide) = (vec![0 as W; s + 2], vec![0 as W; 2 * s]);
        let mut one = vec![0 as W; s];
        one[0] = 1;
        // R mod n (R in Montgomery form is R² mod n; one reduction takes it back).
        let mut r = vec![0 as W; s];
        self.mul(&self.r2, &one, &mut t, &mut r);
        // R^e mod n by the classic method: into Montgomery form, square and multiply, back out.
        let mut x = vec![0 as W; s];
        self.mul(&r, &self.r2, &mut t, &mut x);
        let mut acc = x.clone();
        self.raw_pow(&mut acc, &x, e, &mut t, &mut wide);
        let mut correction = vec![0 as W; s];
        self.mul(&acc, &one, &mut t, &mut correction);
        Exponent { e: e.to_vec(), correction }
    }

    /// `base^e mod n` for `base < n` (big-endian bytes); the result big-endian, `len` bytes.
    ///
    /// Square-and-multiply runs on the plain base: each Montgomery step brings a factor R⁻¹, and
    /// after the whole chain they amount to R^-(e-1) (by induction: squaring b^x·R^-(x-1) gives
    /// b^2x·R^-(2x-1), multiplying by b gives b^(x+1)·R^-x). One multiplication by the
    /// precomputed R^e mod n cancels them. For e = 65537: 16 squarings and 2 multiplications.
    pub fn pow(&self, base_be: &[u8], exponent: &Exponent, len: usize) -> Vec<u8> {
        let s = self.n.len();
        let base = words_from_be(base_be, s);
        let (mut t, mut wide) = (vec![0 as W; s + 2], vec![0 as W; 2 * s]);
        let mut acc = base.clone();
        self.raw_pow(&mut acc, &base, &exponent.e, &mut t, &mut wide);
        let mut out = vec![0 as W; s];
        self.mul(&acc, &exponent.correction, &mut t, &mut out);
        words_to_be(&out, len)
    }

    /// Left-to-right square-and-multiply with Montgomery steps; `acc` starts as `x`.
    fn raw_pow(&self, acc: &mut Vec<W>, x: &[W], e: &[u8], t: &mut [W], wide: &mut [W]) {
        let mut tmp = vec![0 as W; self.n.len()];
        let bits = e.len() * 8 - e.first().map_or(8, |b| b.leading_zeros() as usize);
        for bit in (0..bits.saturating_sub(1)).rev() {
            self.sqr(acc, wide, &mut tmp);
            std::mem::swap(acc, &mut tmp);
            if (e[e.len() - 1 - bit / 8] >> (bit % 8)) & 1 == 1 {
                self.mul(acc, x, t, &mut tmp);
                std::mem::swap(acc, &mut tmp);
            }
        }
    }

    /// `out = a·b·R⁻¹ mod n`, the multiplication and the reduction interleaved word by word
    /// (FIOS). `t` is scratch of at least `len + 2` words.
    fn mul(&self, a: &[W], b: &[W], t: &mut [W], out: &mut [W]) {
        count(Work::ModularMultiplications, 1);
        let s = self.n.len();
        let (n, a, b, t) = (&self.n[..s], &a[..s], &b[..s], &mut t[..s + 1]);
        t.fill(0);
        for &ai in a {
            let ai = ai as D;
            let v = t[0] as D + ai * b[0] as D;
            let m = (v as W).wrapping_mul(self.n0) as D;
            let w = (v as W) as D + m * n[0] as D;
            let (mut c1, mut c2) = (v >> BITS, w >> BITS);
            for j in 1..s {
                let v = t[j] as D + ai * b[j] as D + c1;
                let w = (v as W) as D + m * n[j] as D + c2;
                t[j - 1] = w as W;
                c1 = v >> BITS;
                c2 = w >> BITS;
            }
            let v = t[s] as D + c1 + c2;
            t[s - 1] = v as W;
            t[s] = (v >> BITS) as W;
        }
        out.copy_from_slice(&t[..s]);
        if t[s] != 0 || !less_than(out, n) {
            sub_in_place(out, n);
        }
    }
}

impl Modulus {
    /// `out = a²·R⁻¹ mod n`: the square with each cross product computed once, then a
    /// word-by-word Montgomery reduction. `p` is scratch of `2·len` words.
    fn sqr(&self, a: &[W], p: &mut [W], out: &mut [W]) {
        count(Work::ModularMultiplications, 1);
        let s = self.n.len();
        let (n, a, p) = (&self.n[..s], &a[..s], &mut p[..2 * s]);
        p.fill(0);
        // Cross products a[i]·a[j], i < j.
        for i in 0..s {
            let ai = a[i] as D;
            let mut c: D = 0;
            for (pj, &aj) in p[2 * i + 1..i + s].iter_mut().zip(&a[i + 1..]) {
                let v = *pj as D + ai * aj as D + c;
                *pj = v as W;
                c = v >> BITS;
            }
            p[i + s] = c as W;
        }
        // Double them and add the squares a[i]².
        let mut carry: W = 0;
        for word in p.iter_mut() {
            let next = *word >> (BITS - 1);
            *word = (*word << 1) | carry;
            carry = next;
        }
        let mut c: D = 0;
        for i in 0..s {
            let sq = a[i] as D * a[i] as D;
            let v = p[2 * i] as D + (sq as W) as D + c;
            p[2 * i] = v as W;
            let v = p[2 * i + 1] as D + (sq >> BITS) + (v >> BITS);
            p[2 * i + 1] = v as W;
            c = v >> BITS;
        }
        // Montgomery reduction.
        let mut top: D = 0;
        for i in 0..s {
            let m = p[i].wrapping_mul(self.n0) as D;
            let mut c: D = 0;
            for (pj, &nj) in p[i..i + s].iter_mut().zip(n) {
                let v = *pj as D + m * nj as D + c;
                *pj = v as W;
                c = v >> BITS;
            }
            let v = p[i + s] as D + c + top;
            p[i + s] = v as W;
            top = v >> BITS;
        }
        out.copy_from_slice(&p[s..]);
        if top != 0 || !less_than(out, n) {
            sub_in_place(out, n);
        }
    }
}

/// Little-endian words of a big-endian byte string, zero-extended to `len` words.
fn words_from_be(be: &[u8], len: usize) -> Vec<W> {
    let bytes = (BITS / 8) as usize;
    let mut out = vec![0 as W; len.max(be.len().div_ceil(bytes))];
    for (i, &b) in be.iter().rev().enumerate() {
        out[i / bytes] |= (b as W) << (8 * (i % bytes));
    }
    out
}

/// Big-endian bytes of little-endian words, the last `len` bytes.
fn words_to_be(words: &[W], len: usize) -> Vec<u8> {
    let mut out: Vec<u8> = words.iter().rev().flat_map(|w| w.to_be_bytes()).collect();
    if out.len() > len {
        out.drain(..out.len() - len);
    }
    out
}

fn shl1(x: &mut [W]) -> bool {
    let mut carry = 0;
    for w in x.iter_mut() {
        let next = *w >> (BITS - 1);
        *w = (*w << 1) | carry;
        carry = next;
    }
    carry == 1
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
        let (d2, b2) = d1.overflowing_sub(borrow as W);
        *x = d2;
        borrow = b1 || b2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_modulus_matches_plain_arithmetic() {
        // n = 3233 (61·53), e = 17: textbook RSA.
        let m = Modulus::new(&3233u32.to_be_bytes()[2..]).unwrap(); // ok: test
        for base in [0u32, 1, 2, 65, 1000, 3232] {
            let expected = (0..17).fold(1u64, |acc, _| acc * u64::from(base) % 3233);
            let got = m.pow(&base.to_be_bytes(), &m.exponent(&[17]), 2);
            assert_eq!(u64::from(u16::from_be_bytes([got[0], got[1]])), expected, "base {base}");
        }
        assert!(Modulus::new(&[0x10, 0x00]).is_none());
    }

    #[test]
    fn squaring_equals_multiplying_by_itself() {
        // An odd 1024-bit modulus with a pseudo-random middle.
        let mut n: Vec<u8> = (0..128u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        n[0] = 0xc3;
        n[127] |= 1;
        let m = Modulus::new(&n).unwrap(); // ok: test
        let s = m.n.len();
        let mut x: Vec<W> = (0..s).map(|i| (i as W).wrapping_mul(0x9e37_79b9) ^ 0x5a5a_5a5a).collect();
        x[s - 1] &= m.n[s - 1] >> 1;
        for _ in 0..20 {
            let (mut t, mut wide) = (vec![0 as W; s + 2], vec![0 as W; 2 * s]);
            let (mut by_mul, mut by_sqr) = (vec![0 as W; s], vec![0 as W; s]);
            m.mul(&x, &x, &mut t, &mut by_mul);
            m.sqr(&x, &mut wide, &mut by_sqr);
            assert_eq!(by_mul, by_sqr);
            x = by_mul;
        }
    }
}
