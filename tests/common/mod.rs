pub mod signer;
pub mod vectors;
