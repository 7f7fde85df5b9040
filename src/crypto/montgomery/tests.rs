//! Tests of the Montgomery arithmetic against a slow reference.

use super::*;

/// `base^e mod n` the slow way, with no Montgomery arithmetic: numbers as little-endian
/// u32 digits, multiplication by shift-and-add modulo n.
fn reference_pow(n_be: &[u8], base_be: &[u8], e: u64) -> Vec<u8> {
    let digits = |be: &[u8]| -> Vec<u64> {
        let mut d = vec![0u64; n_be.len().div_ceil(4) + 1];
        for (i, &b) in be.iter().rev().enumerate() {
            d[i / 4] |= u64::from(b) << (8 * (i % 4));
        }
        d
    };
    let n = digits(n_be);
    let ge = |a: &[u64], b: &[u64]| a.iter().rev().cmp(b.iter().rev()) != std::cmp::Ordering::Less;
    let sub = |a: &mut [u64], b: &[u64]| {
        let mut borrow = 0i64;
        for (x, &y) in a.iter_mut().zip(b) {
            let v = *x as i64 - y as i64 - borrow;
            borrow = i64::from(v < 0);
            *x = (v + (borrow << 32)) as u64;
        }
    };
    let double = |a: &mut Vec<u64>| {
        let mut carry = 0;
        for x in a.iter_mut() {
            let v = (*x << 1) | carry;
            carry = v >> 32;
            *x = v & 0xffff_ffff;
        }
        if ge(a, &n) {
            sub(a, &n);
        }
    };
    let mul_mod = |x: &[u64], y: &[u64]| -> Vec<u64> {
        let mut acc = vec![0u64; n.len()];
        for i in (0..y.len() * 32).rev() {
            double(&mut acc);
            if (y[i / 32] >> (i % 32)) & 1 == 1 {
                let mut carry = 0;
                for (a, &b) in acc.iter_mut().zip(x) {
                    let v = *a + b + carry;
                    carry = v >> 32;
                    *a = v & 0xffff_ffff;
                }
                if ge(&acc, &n) {
                    sub(&mut acc, &n);
                }
            }
        }
        acc
    };
    let base = digits(base_be);
    let mut result = digits(&[1]);
    for bit in (0..64 - e.leading_zeros()).rev() {
        result = mul_mod(&result, &result);
        if (e >> bit) & 1 == 1 {
            result = mul_mod(&result, &base);
        }
    }
    let mut out: Vec<u8> = result.iter().rev().flat_map(|d| (*d as u32).to_be_bytes()).collect();
    out.drain(..out.len() - n_be.len());
    out
}

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
    assert!(Modulus::new(&[0, 1]).is_none());
    assert!(Modulus::new(&[]).is_none());
    assert!(Modulus::new(&[0xff; 1025]).is_none());
}

#[test]
fn every_size_class_matches_the_reference() {
    // Sizes at, between and just past the class boundaries (1025 bits: a 2048-bit class
    // with 1023 zero bits above the modulus).
    for (bytes, seed) in [(3, 1), (64, 2), (65, 3), (128, 4), (129, 5), (256, 6), (384, 7), (512, 8), (1024, 9)] {
        let (n, base) = sample(bytes, seed);
        let m = Modulus::new(&n).unwrap(); // ok: test
        let exponents: &[u64] = if bytes > 129 { &[65537] } else { &[3, 17, 65537, 0xffff_ffff_ffff_ffff] };
        for &e in exponents {
            let e_be: Vec<u8> = e.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
            let got = m.pow(&base, &m.exponent(&e_be), bytes);
            assert_eq!(got, reference_pow(&n, &base, e), "{bytes} bytes, e = {e}");
        }
    }
}

#[test]
fn squaring_equals_multiplying_by_itself() {
    let (n, base) = sample(256, 11);
    let mut limbs = vec![0 as W; 256 / BYTES];
    be_into_words(&n, &mut limbs);
    let m = Fixed::<{ words(2048) }>::new(&limbs).unwrap(); // ok: test
    let mut x = [0 as W; words(2048)];
    be_into_words(&base, &mut x);
    for _ in 0..20 {
        let by_mul = m.mul(&x, &x);
        assert_eq!(by_mul, m.sqr(&x));
        x = by_mul;
    }
}

#[test]
fn an_exponent_of_another_size_gives_zeros_not_a_panic() {
    let (small, _) = sample(128, 1);
    let (large, base) = sample(256, 2);
    let (s, l) = (Modulus::new(&small).unwrap(), Modulus::new(&large).unwrap()); // ok: test
    assert_eq!(l.pow(&base, &s.exponent(&[1, 0, 1]), 256), vec![0; 256]);
}

/// `a·b·R⁻¹`, less n once if not below it, for any `a, b < R`: the textbook Montgomery
/// multiplication one row at a time (first `a[i]·b`, then `m·n`), as a reference for the
/// column-wise product and square.
fn reference_mont_mul(a: &[W], b: &[W], n: &[W], n0: W) -> Vec<W> {
    let len = n.len();
    let mut t = vec![0 as W; len + 2];
    for &ai in a {
        add_row(&mut t, ai, b);
        let m = t[0].wrapping_mul(n0);
        add_row(&mut t, m, n);
        assert_eq!(t.remove(0), 0);
        t.push(0);
    }
    assert_eq!(t[len + 1], 0);
    if t[len] != 0 || !less_than(&t[..len], n) {
        sub_in_place(&mut t, n);
    }
    t.truncate(len);
    t
}

/// `t += x·y` for one word `x` and `y` of `t.len() - 2` words (the top two words of `t` take
/// the carries).
fn add_row(t: &mut [W], x: W, y: &[W]) {
    let len = y.len();
    let mut carry: D = 0;
    for j in 0..len {
        let v = t[j] as D + x as D * y[j] as D + carry;
        t[j] = v as W;
        carry = v >> BITS;
    }
    let v = t[len] as D + carry;
    t[len] = v as W;
    t[len + 1] += (v >> BITS) as W;
}

/// Pseudo-random words (xorshift).
fn random_words<const N: usize>(seed: u64) -> [W; N] {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    std::array::from_fn(|_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as W
    })
}

/// The product and the square of class `N` against the reference, for a modulus of `bytes`
/// bytes, on edge inputs (zero, one, n - 1, n, n + 1, all ones: the largest below R) and
/// random ones below and above n.
fn check_class<const N: usize>(bytes: usize, seed: u32) {
    let (n_be, base) = sample(bytes, seed);
    let mut limbs = vec![0 as W; bytes.div_ceil(BYTES)];
    be_into_words(&n_be, &mut limbs);
    let m = Fixed::<N>::new(&limbs).unwrap(); // ok: test
    let mut one = [0 as W; N];
    one[0] = 1;
    let (mut below, mut above) = (m.n, m.n);
    below[0] -= 1; // n is odd
    above[0] += 1;
    let mut random_below = [0 as W; N];
    be_into_words(&base, &mut random_below);
    let mut inputs = vec![[0 as W; N], one, below, m.n, above, [W::MAX; N], random_below, m.r2];
    inputs.extend((0..4).map(|i| random_words::<N>(u64::from(seed) * 10 + i)));
    for a in &inputs {
        assert_eq!(m.sqr(a).to_vec(), reference_mont_mul(a, a, &m.n, m.n0), "{bytes} bytes: square");
        for b in &inputs {
            assert_eq!(m.mul(a, b).to_vec(), reference_mont_mul(a, b, &m.n, m.n0), "{bytes} bytes: product");
        }
    }
}

#[test]
fn product_and_square_match_the_row_by_row_reference_in_every_class() {
    check_class::<{ words(512) }>(64, 21);
    check_class::<{ words(512) }>(3, 22);
    check_class::<{ words(1024) }>(128, 23);
    check_class::<{ words(1024) }>(65, 24);
    check_class::<{ words(2048) }>(256, 25);
    check_class::<{ words(2048) }>(129, 26);
    check_class::<{ words(3072) }>(384, 27);
    check_class::<{ words(4096) }>(512, 28);
    check_class::<{ words(4096) }>(385, 29);
    check_class::<{ words(8192) }>(1024, 30);
}

/// `base^e mod n` by the SIMD arithmetic of the class of `$bits` bits (its scalar model
/// natively) and by the word-based one, big-endian.
macro_rules! pow_both {
    ($bits:literal, $n:expr, $base:expr, $e:expr) => {{
        let (n_be, base, e): (&[u8], &[u8], &[u8]) = ($n, $base, $e);
        let mut n = vec![0 as W; n_be.len().div_ceil(BYTES)];
        be_into_words(n_be, &mut n);
        let simd = <simd_class!($bits)>::prepare(&n).unwrap(); // ok: test
        let fixed = Fixed::<{ words($bits) }>::new(&n).unwrap(); // ok: test
        let by_simd = simd.pow(base, e, &simd.correction(e), n_be.len());
        (by_simd, fixed.pow(base, e, &fixed.correction(e), n_be.len()))
    }};
}

/// The SIMD arithmetic used in wasm against the word-based one and against malachite, on
/// random moduli of 1024, 2048 and 4096 bits (and a few bits less) and random bases, with
/// e = 65537 and e = 3, and on the edge bases 0, 1 and n - 1.
#[test]
fn simd_arithmetic_matches_the_word_based_one_and_malachite() {
    use malachite::Natural;
    use malachite::base::num::arithmetic::traits::ModPow;
    use malachite::base::num::conversion::traits::PowerOf2Digits;
    let natural = |be: &[u8]| Natural::from_power_of_2_digits_desc(8, be.iter().copied()).unwrap(); // ok: test
    for seed in 0..6 {
        for (bytes, trim) in [(128, 0), (128, 0x0f), (256, 0), (256, 0x3f), (512, 0), (512, 0x01)] {
            let (mut n, base) = sample(bytes, 100 + seed * 7 + bytes as u32);
            if trim != 0 {
                n[0] = (n[0] & trim) | ((trim >> 1) + 1); // fewer bits, same class
            }
            let base: Vec<u8> = if natural(&base) < natural(&n) { base } else { base[1..].to_vec() };
            let mut below = n.clone();
            *below.last_mut().unwrap() -= 1; // ok: test (n is odd)
            for base in [base, vec![0], vec![1], below] {
                for e in [&[1u8, 0, 1][..], &[3]] {
                    let (by_simd, by_words) = match bytes {
                        128 => pow_both!(1024, &n, &base, e),
                        256 => pow_both!(2048, &n, &base, e),
                        _ => pow_both!(4096, &n, &base, e),
                    };
                    let e_nat = Natural::from_power_of_2_digits_desc(8, e.iter().copied()).unwrap(); // ok: test
                    let expected = natural(&base).mod_pow(e_nat, natural(&n));
                    let mut want = expected.to_power_of_2_digits_desc(8);
                    want.splice(..0, vec![0u8; bytes - want.len()]);
                    assert_eq!(by_simd, by_words, "{bytes} bytes, seed {seed}: SIMD against words");
                    assert_eq!(by_simd, want, "{bytes} bytes, seed {seed}: SIMD against malachite");
                }
            }
        }
    }
}

/// The SIMD square against the SIMD product of a number by itself, and the product against
/// the row-by-row reference (converted from limbs), along a chain of squarings.
#[test]
fn simd_square_equals_simd_product_by_itself() {
    let (n, base) = sample(256, 31);
    let mut words = vec![0 as W; 256 / BYTES];
    be_into_words(&n, &mut words);
    let m = <simd_class!(2048)>::prepare(&words).unwrap(); // ok: test
    let e = [1u8, 0, 1];
    // The chain through pow, and squarings directly on the Montgomery form of the base.
    let mut x = m.correction(&e); // below n
    for _ in 0..20 {
        let by_mul = m.mul(&x, &x);
        assert_eq!(by_mul, m.sqr(&x));
        x = by_mul;
    }
    assert!(!m.pow(&base, &e, &m.correction(&e), 256).iter().all(|&b| b == 0));
}
