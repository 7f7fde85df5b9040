//! What the two Montgomery arithmetics share: square-and-multiply, R² mod n and the correction
//! factor, written once over the operations each provides (word-based [`super::Fixed`] natively,
//! SIMD limbs in wasm: `super::simd`).

/// A Montgomery arithmetic modulo an odd n: numbers below n in its own limbs.
pub(super) trait Arith {
    /// A number below n, as this arithmetic's limbs.
    type Num: Copy;

    /// The number with only bit `bit` set (below the limbs' capacity).
    fn power_of_two(bit: usize) -> Self::Num;
    /// `x = 2x mod n`, for `x < n`.
    fn double(&self, x: &mut Self::Num);
    /// `a·b·R⁻¹ mod n`.
    fn mul(&self, a: &Self::Num, b: &Self::Num) -> Self::Num;
    /// `a·a·R⁻¹ mod n`.
    fn sqr(&self, a: &Self::Num) -> Self::Num;
    /// R² mod n (see [`Arith::r_squared`]).
    fn r2(&self) -> &Self::Num;

    /// R² mod n, for a modulus of `bit_len` bits and R = 2^`log_r`: 2^(bit_len - 1) < n doubled
    /// up to 2R mod n, which is 2 in Montgomery form; then square (k → 2k) and double (k → k + 1)
    /// along the bits of log2(R). Needs only [`Arith::double`] and [`Arith::sqr`].
    fn r_squared(&self, bit_len: usize, log_r: usize) -> Self::Num {
        let mut t = Self::power_of_two(bit_len - 1);
        for _ in 0..(log_r + 2 - bit_len) {
            self.double(&mut t);
        }
        for bit in (0..log_r.ilog2()).rev() {
            t = self.sqr(&t);
            if (log_r >> bit) & 1 == 1 {
                self.double(&mut t);
            }
        }
        t
    }

    /// R^e mod n: R in Montgomery form is R² mod n; square and multiply, then back out.
    fn correction(&self, e: &[u8]) -> Self::Num {
        let acc = self.raw_pow(self.r2(), e);
        self.mul(&acc, &Self::power_of_two(0))
    }

    /// `x^e·R^(1−e) mod n` (`e` big-endian, non-zero): left-to-right square and multiply with
    /// no conversion into Montgomery form; [`Arith::correction`] makes up for it.
    fn raw_pow(&self, x: &Self::Num, e: &[u8]) -> Self::Num {
        let mut acc = *x;
        let bits = e.len() * 8 - e.first().map_or(8, |b| b.leading_zeros() as usize);
        for bit in (0..bits.saturating_sub(1)).rev() {
            acc = self.sqr(&acc);
            if (e[e.len() - 1 - bit / 8] >> (bit % 8)) & 1 == 1 {
                acc = self.mul(&acc, x);
            }
        }
        acc
    }
}
