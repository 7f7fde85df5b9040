//! Keys: where they come from and what is known about them. Key records (RFC 6376 §3.6.1) are
//! parsed once into a [`KeyStore`], which holds every candidate key per DNS name with its
//! provenance; keys arrive from the bundled archive, zone / `dig` text, or the zk-email JSON.

pub mod archive;
pub mod period;
pub mod provenance;
pub mod record;
pub mod store;
pub mod zone;

pub use provenance::{BUNDLED_ORIGIN, KeyFlag, Provenance};
pub use record::{record_name, split_record_name};
pub use store::{ImportError, KeyEntry, KeyStore, Lookup, zone_line};
