//! The bounds of key recovery: exponents tried, key size, signatures kept, pairs tried.

/// Public exponents tried, in order: 65537 (virtually every DKIM key), then 3 and 17.
pub const EXPONENTS: &[u32] = &[65537, 3, 17];

/// Largest key recovered, in bits: the numbers grow with the key size times the exponent.
pub const MAX_BITS: usize = 4096;

/// Signatures kept per (`d=`, `s=`) group; later ones are counted, not kept.
pub const MAX_SAMPLES_PER_GROUP: usize = 2000;

/// Signatures kept over all groups.
pub const MAX_SAMPLES: usize = 200_000;

/// Pairs of signatures whose full GCD is computed per group (each costs seconds).
pub const MAX_PAIRS: usize = 8;
