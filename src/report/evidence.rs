//! The facts someone else needs to re-check a verdict (`evidence` in the JSON): which tool and
//! build judged, the SHA-256 of the input, when, and every key used with its fingerprint and
//! provenance. The evidence report (an HTML file, made by the `evidence_html` module) shows the same facts.

use crate::keys::KeyFlag;
use serde::Serialize;

/// The tool that produced a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tool {
    /// `dkimcheck`.
    pub name: &'static str,
    /// The crate's version.
    pub version: &'static str,
    /// The git commit it was built from (`unknown` when built outside a git checkout).
    pub commit: &'static str,
}

impl Tool {
    /// This build.
    pub fn this() -> Self {
        Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION"), commit: env!("DKIMCHECK_COMMIT") }
    }
}

impl Default for Tool {
    fn default() -> Self {
        Tool::this()
    }
}

/// A key a signature of the message was checked with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceKey {
    /// `selector._domainkey.domain`.
    pub name: String,
    /// SHA-256 of the key as a DER SubjectPublicKeyInfo, hex.
    pub spki_sha256: String,
    /// Where it came from: "bundled archive", "added by you", "keys file x.zone".
    pub origin: String,
    /// Where the record was found, if known.
    pub source: Option<String>,
    /// First date it is known to have been published.
    pub first_seen: Option<String>,
    /// Last date it is known to have been published.
    pub last_seen: Option<String>,
    /// Flags (`compromised`, `weak`, `recovered`).
    pub flags: Vec<KeyFlag>,
    /// Which signatures were checked with it: `dkim#1`, `domainkeys#1`, `arc-seal#1`,
    /// `arc-message-signature#1` (1 = top or first instance).
    pub used_by: Vec<String>,
}

/// The facts of a check, for someone re-checking it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The tool, its version and commit.
    pub tool: Tool,
    /// SHA-256 of the input bytes, hex (as `sha256`; filled by the page when it hashes itself).
    pub input_sha256: String,
    /// When the check was made (unix seconds): the caller's time; the core reads no clock.
    pub judged_at: u64,
    /// Every key a signature was checked with, in the order first used.
    pub keys: Vec<EvidenceKey>,
}
