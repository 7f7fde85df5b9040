//! What other servers said, and how much of it can be relied on.
//!
//! A receiving server writes its checks into an `Authentication-Results` field; anyone who
//! handled the message after it could have added or changed that field, so it is shown as a
//! claim. When a validated ARC chain holds the same record (its `ARC-Authentication-Results`),
//! the sealer vouches for it: still that server's word, but no longer anyone's.
//!
//! Corroboration: a DKIM (or DomainKeys) signature that fails here, while a validated ARC chain
//! shows that a hop reported it valid on receipt. That says the message was changed on the way,
//! by whom if the chain tells — and never that the signature is verified.

use super::auth_results::{self, AuthResult, AuthResults};
use super::result::{ArcReport, Corroboration};
use crate::l10n::Phrase;
use crate::message::Message;
use serde::Serialize;

/// At most this many Authentication-Results fields are read.
const MAX_CLAIMS: usize = 20;

/// One `Authentication-Results` field: what a receiving server said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServerClaim {
    /// The authentication service (the receiving server) and its results.
    #[serde(flatten)]
    pub results: AuthResults,
    /// The sealing domain of a validated ARC set that records the same results, if one does.
    pub sealed_by: Option<String>,
    /// One plain sentence (chosen by the report layer).
    pub explanation: Phrase,
}

/// The message's Authentication-Results fields, each with the ARC sealer that vouches for it.
pub fn server_claims(message: &Message<'_>, arc: &ArcReport) -> Vec<ServerClaim> {
    message
        .fields("authentication-results")
        .take(MAX_CLAIMS)
        .map(|(_, field)| {
            let results = auth_results::parse(field.value);
            let sealed_by = arc
                .passed()
                .then(|| {
                    arc.sets.iter().find(|s| s.authentication_results.as_ref().is_some_and(|aar| covers(aar, &results)))
                })
                .flatten()
                .and_then(|s| s.sealer.clone());
            ServerClaim { results, sealed_by, explanation: Phrase::default() }
        })
        .collect()
}

/// The sealed record `sealed` says everything `claim` says: the same service, and each of the
/// claim's results among its own (servers often split one record over several fields).
fn covers(sealed: &AuthResults, claim: &AuthResults) -> bool {
    sealed.authserv_id.eq_ignore_ascii_case(&claim.authserv_id)
        && !claim.results.is_empty()
        && claim.results.iter().all(|r| sealed.results.contains(r))
}

/// A signature that fails here (DKIM or DomainKeys), for [`corroborations`].
#[derive(Debug, Clone, Copy)]
pub struct FailedSignature<'s> {
    /// `dkim` or `domainkeys` (the Authentication-Results method that reports it).
    pub mechanism: &'static str,
    /// Its position among the message's signatures of that mechanism.
    pub index: usize,
    /// Its signing domain.
    pub domain: &'s str,
}

/// Signatures that fail here but that a hop of the validated chain reported valid.
pub fn corroborations(arc: &ArcReport, failed: &[FailedSignature<'_>]) -> Vec<Corroboration> {
    if !arc.passed() {
        return Vec::new();
    }
    failed
        .iter()
        .filter_map(|f| {
            let domain = f.domain.to_lowercase();
            let reported = |r: &AuthResult| {
                r.method == f.mechanism && r.result == "pass" && r.signing_domain().as_deref() == Some(domain.as_str())
            };
            let set = arc
                .sets
                .iter()
                .find(|s| s.authentication_results.as_ref().is_some_and(|aar| aar.results.iter().any(reported)))?;
            Some(Corroboration {
                mechanism: f.mechanism,
                signature_index: f.index,
                domain,
                instance: set.instance,
                sealer: set.sealer.clone(),
                authserv_id: set.authentication_results.as_ref().map(|a| a.authserv_id.clone()).unwrap_or_default(),
                changed_by_this_hop: set.message_signature_valid == Some(true),
                explanation: Phrase::default(),
            })
        })
        .collect()
}
