//! Public-key cryptography: RSA PKCS#1 v1.5 verification (RFC 8017 §8.2.2) and Ed25519
//! (RFC 8032, as used by RFC 8463).
//!
//! The RSA public operation is Montgomery arithmetic ([`montgomery`]), with the Montgomery
//! parameters computed once when a key is parsed. The exponent is public, so the
//! exponentiation runs in variable time (16 squarings and one multiply for e = 65537). The
//! padding is checked by comparing with the expected encoding, never by parsing it.

mod error;
mod hash;
mod montgomery;
mod public_key;
mod rsa;

pub use error::{KeyError, MAX_RSA_BITS, MAX_RSA_EXPONENT_BITS};
pub use hash::{HashAlgorithm, Hasher};
#[cfg(feature = "test-internals")]
#[doc(hidden)]
pub use montgomery::pow_both_ways;
pub use public_key::{KeyType, PublicKey};
pub use rsa::{RsaPublicKey, pkcs1v15_encoding, spki_der};
