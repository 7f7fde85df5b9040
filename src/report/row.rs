//! A compact row per message, for batches: what the counts, the table, its filters, the
//! keys-needed list and the exports need, and nothing more (no header table, no body, no
//! explanations per signature). A page checking a leak of a million messages keeps one row
//! each and verifies a message again when it is opened (verification is deterministic).

use super::outcome::Outcome;
use super::{Headline, MessageReport};
use crate::catalog;
use crate::keys::provenance::KeyFlag;
use crate::keys::record_name;
use crate::l10n::{Lang, Phrase};
use crate::report::KeyUsed;
use serde::{Deserialize, Serialize};

/// At most this many characters of a subject, From or Date are kept in a row.
pub const MAX_EXCERPT_CHARS: usize = 200;

/// The message's assessment, as codes (see [`crate::report::Assessment`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RowAssessment {
    /// `verified`, `consistent`, `proves_nothing`, `failed`, `no_key`, `invalid`, `unsigned`, `error`.
    pub status: String,
    /// `dkim` or `domainkeys`; `None` without a deciding signature.
    pub basis: Option<String>,
    /// The deciding signature's index.
    pub signature: Option<usize>,
    /// The deciding signature's `d=`.
    pub domain: Option<String>,
    /// Whether that `d=` is aligned with the From domain.
    pub aligned: Option<bool>,
    /// The deciding signature's reason code.
    pub reason: Option<String>,
    /// Caveat codes (`misaligned`, `testing_key`, `user_key`, ...).
    pub caveats: Vec<String>,
}

/// One message of a batch, compact.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    /// Where the message came from (`leak.zip!dir/1.eml`, `box.mbox#3`).
    pub source: String,
    /// What became of it, in the one vocabulary ([`Outcome`]).
    pub outcome: Outcome,
    /// Its assessment, as codes.
    pub assessment: RowAssessment,
    /// The RFC 8601 result of the best signature (`pass`, `fail`, `neutral`, ... `none`).
    pub verdict: String,
    /// The distinct `d=` of its DKIM and DomainKeys signatures, in order.
    pub signing_domains: Vec<String>,
    /// The `s=` of its DKIM signatures, in order.
    pub selectors: Vec<String>,
    /// Each DKIM signature's RFC 8601 result, in order.
    pub signature_results: Vec<String>,
    /// Each DomainKeys signature's result, in order.
    pub domainkeys_results: Vec<String>,
    /// Whether a verified signature's `d=` is aligned with the From domain.
    pub aligned: Option<bool>,
    /// Where the deciding signature's key came from (`bundled archive`, `added by you`, ...).
    pub key_origin: Option<String>,
    /// That key's flags (`compromised`, `weak`, `recovered`).
    pub key_flags: Vec<String>,
    /// The distinct warning codes of its signatures.
    pub warnings: Vec<String>,
    /// The named repair of each failed DKIM signature that has one (`list_footer`, ...), in order.
    pub repairs: Vec<String>,
    /// `selector._domainkey.domain` of each signature for which no key is known.
    pub missing_keys: Vec<String>,
    /// The ARC chain's result (`none` without one).
    pub arc: String,
    /// ARC sets in the chain.
    pub arc_instances: u32,
    /// Not verified, but an intact ARC chain records a valid signature before a change.
    pub corroborated: bool,
    /// Domain of the From address.
    pub from_domain: Option<String>,
    /// The From field, cut to [`MAX_EXCERPT_CHARS`].
    pub from: Option<String>,
    /// The Subject, cut to [`MAX_EXCERPT_CHARS`].
    pub subject: Option<String>,
    /// The Date field as written, cut to [`MAX_EXCERPT_CHARS`].
    pub date: Option<String>,
    /// The Date as unix seconds.
    pub date_unix: Option<i64>,
    /// The headline and its caveats, as one text, in the language asked for (empty without one:
    /// the caller words `headline` itself).
    pub summary: String,
    /// The headline and its caveats as catalog messages (ids and arguments), to be worded in
    /// any language. Not read back (a row given back, for an export, carries its `summary`).
    #[serde(skip_deserializing)]
    pub headline: Headline,
    /// Input size in bytes.
    pub size: usize,
    /// SHA-256 of the input, hex.
    pub sha256: String,
    /// Why the input could not be read, if it could not, in the language asked for (without one:
    /// the message's id; `error_message` has it whole).
    pub error: Option<String>,
    /// The same as a catalog message. Not read back.
    #[serde(skip_deserializing)]
    pub error_message: Option<Phrase>,
}

/// A text cut to `MAX_EXCERPT_CHARS` characters.
fn excerpt(text: &Option<String>) -> Option<String> {
    text.as_ref().map(|t| t.chars().take(MAX_EXCERPT_CHARS).collect())
}

/// The code a value serializes to (a unit enum variant).
fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn flag_code(flag: KeyFlag) -> String {
    code(&flag)
}

/// `selector._domainkey.domain` of each signature (DKIM and DomainKeys) for which no key is
/// known, lower-case, distinct, in order.
pub fn missing_keys(r: &MessageReport) -> Vec<String> {
    let dkim = r.signatures.iter().map(|s| (s.reason, &s.selector, &s.domain));
    let dk = r.domainkeys.iter().map(|k| (k.reason, &k.selector, &k.domain));
    let mut names: Vec<String> = Vec::new();
    for (reason, selector, domain) in dkim.chain(dk) {
        if reason != "no_key" {
            continue;
        }
        if let (Some(s), Some(d)) = (selector, domain) {
            let name = record_name(&s.to_ascii_lowercase(), &d.trim_end_matches('.').to_ascii_lowercase());
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

impl Row {
    /// The row as one line of JSON (the shape the JavaScript API gives as an object).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
    }

    /// The row of a report, its summary and error worded in `lang` (`None`: left to the caller,
    /// who words `headline` and `error_message`).
    pub fn from_report(r: &MessageReport, lang: Option<Lang>) -> Row {
        let a = &r.assessment;
        let key: Option<&KeyUsed> = match (a.basis.as_ref().map(code).as_deref(), a.signature) {
            (Some("dkim"), Some(i)) => r.signatures.get(i).and_then(|s| s.key.as_ref()),
            (Some("domainkeys"), Some(i)) => r.domainkeys.get(i).and_then(|k| k.key.as_ref()),
            _ => None,
        };
        let mut signing_domains: Vec<String> = Vec::new();
        for d in r.signatures.iter().map(|s| &s.domain).chain(r.domainkeys.iter().map(|k| &k.domain)).flatten() {
            if !signing_domains.contains(d) {
                signing_domains.push(d.clone());
            }
        }
        let mut warnings: Vec<String> = Vec::new();
        for w in r.signatures.iter().flat_map(|s| &s.warnings).chain(r.domainkeys.iter().flat_map(|k| &k.warnings)) {
            if !warnings.iter().any(|c| c == w.code) {
                warnings.push(w.code.to_string());
            }
        }
        Row {
            source: r.source.clone(),
            outcome: Outcome::of(a),
            assessment: RowAssessment {
                status: a.status.as_str().to_string(),
                basis: a.basis.as_ref().map(code),
                signature: a.signature,
                domain: a.domain.clone(),
                aligned: a.aligned,
                reason: a.reason.map(str::to_string),
                caveats: a.caveats.iter().map(code).collect(),
            },
            verdict: r.verdict.as_str().to_string(),
            signing_domains,
            selectors: r.signatures.iter().map(|s| s.selector.clone().unwrap_or_default()).collect(),
            signature_results: r.signatures.iter().map(|s| s.result.as_str().to_string()).collect(),
            domainkeys_results: r.domainkeys.iter().map(|k| k.result.as_str().to_string()).collect(),
            aligned: r.aligned,
            key_origin: key.map(|k| k.provenance.origin.clone()),
            key_flags: key.map(|k| k.provenance.flags.iter().copied().map(flag_code).collect()).unwrap_or_default(),
            warnings,
            repairs: r.signatures.iter().filter_map(|s| s.repair.as_ref().map(|x| x.code.to_string())).collect(),
            missing_keys: missing_keys(r),
            arc: r.arc.result.as_str().to_string(),
            arc_instances: r.arc.instances,
            corroborated: !a.status.is_verified() && !r.arc.corroborations.is_empty(),
            from_domain: r.from_domain.clone(),
            from: excerpt(&r.message.from),
            subject: excerpt(&r.message.subject),
            date: excerpt(&r.message.date),
            date_unix: r.message.date_unix,
            summary: lang.map(|lang| r.summary_in(lang)).unwrap_or_default(),
            // A row is compact: the lines said under a single message's verdict stay out.
            headline: Headline { note: None, fields: None, ..r.headline.clone() },
            size: r.size,
            sha256: r.sha256.clone(),
            error: r.error.as_ref().map(|e| lang.map_or_else(|| e.id.to_string(), |lang| catalog::render(lang, e))),
            error_message: r.error.clone(),
        }
    }
}
