//! What verification returns: a [`MessageReport`] per message with a [`SignatureReport`] per
//! `DKIM-Signature`, serializable as the CLI's JSON Lines and the page's objects.

pub mod assess;
pub mod authres;
pub mod csv;
pub mod evidence;
pub mod evidence_html;
pub mod explain;
pub mod headers;
pub mod keys_needed;
mod message_report;
pub mod outcome;
pub mod row;

pub use crate::arc::{ArcReport, ArcSetReport, ArcStep, Corroboration, ServerClaim};
pub use crate::dkim::judging::{JudgedAt, Judging, JudgingMode, TimeSource};
pub use crate::dkim::repair::{NameChange, Repair, RepairKind};
pub use crate::dkim::result::{Category, KeyUsed, SignatureReport, Verdict, Warning, WarningKind};
pub use crate::domainkeys::{DomainKeyReport, DomainKeyStep};
pub use assess::{Assessment, Basis, Caveat, FieldStatus, Status, aligned};
pub use evidence::Evidence;
pub use explain::display_name;
pub use explain::{fill_arc_text, fill_claim_text, fill_domainkey_text, fill_signature_text, headline};
pub use headers::{MAX_HEADER_VIEWS, header_views};
pub use keys_needed::{KeyNeeded, KeysNeeded};
pub use message_report::{HeaderView, Headline, MessageReport};
pub use outcome::Outcome;
pub use row::Row;
