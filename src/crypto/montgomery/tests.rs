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
