//! Recovering RSA public keys from the signed messages themselves.
//!
//! A signature `s` made with the key (n, e) over the encoded header hash `EM` (RFC 8017 §9.2)
//! satisfies `s^e ≡ EM (mod n)`, so n divides `s^e − EM`. Two signatures made with the same key
//! give two such numbers; their greatest common divisor is n times a small cofactor, which
//! trial division removes ([`modulus`]). The candidate is kept only when it has the size the
//! signatures have and verifies every signature it is credited with ([`group`]), so mixed keys
//! (a rotation) or altered messages yield no key rather than a false one.
//!
//! What a recovered key shows: the messages it verifies were all signed with one key. What it
//! does not show: that this key was the domain's published key. Anyone who made all the
//! messages could have signed them with a key of their own under any `d=`.
//!
//! | step | module |
//! |---|---|
//! | a message's RSA signatures with no known key: signature, header hash, date | [`sample`] |
//! | signatures grouped by `d=` and `s=`, with bounded memory | [`collect`] |
//! | the arithmetic: `gcd(s1^e − EM1, s2^e − EM2)`, small factors, folding | [`modulus`] |
//! | a group's keys: pairs tried, candidates verified, every distinct key | [`group`] |
//! | a recovered key as an archive entry | [`entry`] |
//!
//! Native only (the numbers reach `2^(65537·2048)`: 16 MB, seconds to minutes of arithmetic).

pub mod collect;
pub mod entry;
pub mod group;
mod limits;
pub mod modulus;
pub mod sample;

pub use collect::{Collector, Group};
pub use entry::RecoveredKey;
pub use group::{GroupOutcome, Unrecovered, recover};
pub use limits::{EXPONENTS, MAX_BITS, MAX_PAIRS, MAX_SAMPLES, MAX_SAMPLES_PER_GROUP};
pub use sample::{Sample, samples};
