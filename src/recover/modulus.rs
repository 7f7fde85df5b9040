//! The arithmetic of recovery. For a signature `s` over the encoded digest `EM` made with the
//! key (n, e), n divides `s^e − EM`. The GCD of two such numbers is n times a small cofactor;
//! trial division by the primes under 2^16 removes it, and folding in further signatures (mod
//! the current candidate, which is cheap) removes what is left. Big integers are malachite's
//! (subquadratic multiplication and half-GCD, ported from GMP).

use malachite::Natural;
use malachite::base::num::arithmetic::traits::{CheckedSub, DivExactAssign, DivisibleBy, Gcd, ModPow, Pow};
use malachite::base::num::conversion::traits::PowerOf2Digits;
use malachite::base::num::logic::traits::SignificantBits;

/// Primes below this bound are divided out of a candidate.
const SMALL_PRIME_BOUND: u64 = 1 << 16;

/// A signature and the encoding it must be a root of.
#[derive(Clone, Copy)]
pub struct Equation<'a> {
    /// `b=`, big-endian.
    pub signature: &'a [u8],
    /// EMSA-PKCS1-v1_5 encoding of the signed digest, `k` bytes.
    pub encoded: &'a [u8],
}

/// `s^e − EM`, or `None` when that is negative or zero (no key can make such a signature).
fn distance(eq: Equation<'_>, e: u32) -> Option<Natural> {
    let d = natural(eq.signature).pow(u64::from(e)).checked_sub(natural(eq.encoded))?;
    (d != 0u32).then_some(d)
}

/// `gcd(s1^e − EM1, s2^e − EM2)` with the small factors removed; `None` when the GCD has more
/// than `max_bits` bits even before that (no plausible key: a cofactor that large does not
/// happen by chance). The costly step: both numbers have about `e` times as many bits as the key.
pub fn common_divisor(a: Equation<'_>, b: Equation<'_>, e: u32, max_bits: u64) -> Option<Natural> {
    let (x, y) = (distance(a, e)?, distance(b, e)?);
    let g = x.gcd(y);
    (bits(&g) <= max_bits).then(|| without_small_factors(g))
}

/// `gcd(g, s^e − EM)` for a further signature, computed mod `g`; small factors removed.
pub fn fold(g: &Natural, eq: Equation<'_>, e: u32) -> Natural {
    if *g <= 1u32 {
        return g.clone();
    }
    let s = natural(eq.signature) % g;
    let em = natural(eq.encoded) % g;
    let power = s.mod_pow(Natural::from(e), g);
    let diff = if power >= em { power - em } else { power + g - em };
    without_small_factors(g.clone().gcd(diff))
}

/// `n` with every prime factor under [`SMALL_PRIME_BOUND`] divided out.
pub fn without_small_factors(mut n: Natural) -> Natural {
    if n == 0u32 {
        return n;
    }
    for p in small_primes().map(Natural::from) {
        while (&n).divisible_by(&p) {
            n.div_exact_assign(&p);
        }
    }
    n
}

/// Number of bits of `n`.
pub fn bits(n: &Natural) -> u64 {
    n.significant_bits()
}

/// `n` as big-endian bytes without leading zeros.
pub fn to_bytes(n: &Natural) -> Vec<u8> {
    n.to_power_of_2_digits_desc(8)
}

fn natural(bytes: &[u8]) -> Natural {
    Natural::from_power_of_2_digits_desc(8, bytes.iter().copied()).unwrap_or_default()
}

/// The primes below [`SMALL_PRIME_BOUND`] (sieve of Eratosthenes).
fn small_primes() -> impl Iterator<Item = u64> {
    let n = SMALL_PRIME_BOUND as usize;
    let mut composite = vec![false; n];
    let mut i = 2;
    while i * i < n {
        if !composite[i] {
            (i * i..n).step_by(i).for_each(|j| composite[j] = true);
        }
        i += 1;
    }
    (2..n).filter(move |&i| !composite[i]).map(|i| i as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_factors_go_and_large_ones_stay() {
        let big = Natural::from(1_000_000_007u64); // prime
        let n = &big * Natural::from(2u32 * 2 * 3 * 65_521);
        assert_eq!(without_small_factors(n), big);
        assert_eq!(small_primes().count(), 6542);
    }

    #[test]
    fn hostile_signatures_give_nothing() {
        let em = [0u8, 1, 0xff, 0xff];
        assert!(distance(Equation { signature: &[0], encoded: &em }, 3).is_none());
        assert!(distance(Equation { signature: &[], encoded: &em }, 65537).is_none());
        assert_eq!(fold(&Natural::from(1u32), Equation { signature: &[5], encoded: &em }, 3), 1u32);
    }
}
