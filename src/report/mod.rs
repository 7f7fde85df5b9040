//! What verification returns: a [`MessageReport`] per message with a [`SignatureReport`] per
//! `DKIM-Signature`, serializable as the CLI's JSON Lines and the page's objects.

pub mod explain;
pub mod headers;

pub use crate::dkim::result::{Category, KeyUsed, SignatureReport, Verdict, Warning, WarningKind};
use crate::message::summary::Summary;
use crate::text::dns_name::is_same_or_subdomain;
pub use explain::display_name;
pub use explain::{fill_signature_text, message_summary};
pub use headers::{MAX_HEADER_VIEWS, header_views};
use serde::Serialize;

/// One header field, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderView {
    /// Field name as written.
    pub name: String,
    /// Value, unfolded.
    pub value: String,
    /// Covered by a passing signature (or, when none passes, by the first valid one).
    pub signed: bool,
}

/// The result for one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageReport {
    /// Where the message came from (`leak.zip!folder/1.eml`, `-` for stdin).
    pub source: String,
    /// SHA-256 of the input bytes, hex.
    pub sha256: String,
    /// Input size in bytes.
    pub size: usize,
    /// Overall result: the best signature result, `none` without signatures.
    pub verdict: Verdict,
    /// One plain sentence for the banner.
    pub summary: String,
    /// Why the input could not be read as a message, if it could not.
    pub error: Option<String>,
    /// Domain of the From address.
    pub from_domain: Option<String>,
    /// Whether a passing signature's `d=` is the From domain or a parent/subdomain of it.
    pub aligned: Option<bool>,
    /// Notes on how the input was read (LF converted, mbox line skipped, ...).
    pub notes: Vec<String>,
    /// From, To, Date, Subject, body text, attachments.
    pub message: Summary,
    /// Every header field, in order, with whether it is signed.
    pub headers: Vec<HeaderView>,
    /// One entry per DKIM-Signature field, top first.
    pub signatures: Vec<SignatureReport>,
    /// Signatures beyond the limit, not evaluated.
    pub skipped_signatures: usize,
}

impl MessageReport {
    /// The report as one line of JSON.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// True when the message has a passing signature.
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Pass
    }

    /// True when the message passes only through keys that prove little: keys whose private
    /// half is public, or RSA keys under 1024 bits.
    pub fn passes_only_with_weak_keys(&self) -> bool {
        self.passed()
            && self
                .signatures
                .iter()
                .filter(|s| s.result == Verdict::Pass)
                .all(|s| s.key.as_ref().is_some_and(|k| k.compromised() || k.short()))
    }

    /// True when the message passes only through keys recovered from the messages being checked
    /// (`--recover-keys`): consistent with them, not verified.
    pub fn passes_only_with_recovered_keys(&self) -> bool {
        self.passed()
            && self
                .signatures
                .iter()
                .filter(|s| s.result == Verdict::Pass)
                .all(|s| s.key.as_ref().is_some_and(|k| k.provenance.recovered_from_messages.is_some()))
    }
}

/// True when `d` and the From domain are the same or one is a subdomain of the other.
pub fn aligned(d: &str, from: &str) -> bool {
    let (d, from) = (d.to_lowercase(), from.to_lowercase());
    is_same_or_subdomain(&from, &d) || is_same_or_subdomain(&d, &from)
}
