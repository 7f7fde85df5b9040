//! What to say about assessments, results and warnings, for people who are not DKIM experts: as
//! [`Phrase`]s (catalog ids and arguments, worded in `locales/*.ftl`), chosen from codes and
//! parameters. Wording never overstates: a verified signature says which domain signed and
//! which parts are covered, not who wrote the message or whether it is true; a headline says
//! every caveat of its assessment (see [`super::assess`]).

mod arc;
mod budget;
mod cli;
mod domainkeys;
mod headline;
mod judging;
mod key;
mod phrasing;
mod recovered;
mod repair;
mod signature;
mod warning;

pub use arc::{arc, arc_set, claim, corroboration, fill_arc_text, fill_claim_text, results_phrase};
pub use budget::{body_not_shown, not_checked};
pub use cli::{
    dkim_limits, failed_not_forgery, keys_needed_columns, keys_needed_heading, label, skipped_not_message,
    status_count, tally,
};
pub use domainkeys::{domainkey, fill_domainkey_text};
pub use headline::headline;
pub use judging::judging;
pub use key::{checked_with, window};
pub use phrasing::display_name;
pub use recovered::{
    consistent, over_cap, recovered_derived, recovered_line, recovered_notes, recovered_source, unrecovered,
};
pub use repair::repair;
pub use signature::{copied_headers, fill_signature_text, signature};
pub use warning::warning;
