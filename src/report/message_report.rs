//! The report of one message ([`MessageReport`]), its headline and its header table's rows.

use super::assess::{Assessment, FieldStatus};
use super::evidence::{Evidence, EvidenceKey, Tool};
use super::{ArcReport, DomainKeyReport, JudgingMode, KeyUsed, ServerClaim, SignatureReport, Verdict};
use crate::catalog;
use crate::l10n::{Lang, Phrase};
use crate::message::summary::Summary;
use serde::Serialize;
use std::collections::BTreeMap;

/// One header field, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderView {
    /// Field name as written.
    pub name: String,
    /// Value, unfolded, cut to [`super::headers::MAX_HEADER_VALUE_CHARS`] characters.
    pub value: String,
    /// How many characters of the value were cut off (0: none).
    pub omitted_chars: usize,
    /// Covered by a verified signature, only by signatures that did not verify, or by none.
    pub status: FieldStatus,
}

/// A message's headline: what its assessment means, and the caveats that go with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Headline {
    /// The main sentence(s).
    pub main: Phrase,
    /// One sentence per caveat (misaligned signer, testing key, key you added, ...).
    pub caveats: Vec<Phrase>,
    /// What the assessment does not mean, said right under it: a verified signature does not
    /// show who wrote the message; a failed one is not proof of forgery. `None` for the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Phrase>,
    /// What the assessment means for the message's header fields (From, To, ...) when none is
    /// confirmed: said above them. `None` for a verified message and for unreadable input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Phrase>,
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
    /// Overall result: the best signature result (RFC 8601), `none` without signatures.
    pub verdict: Verdict,
    /// What a person may conclude: the word every view shows (see [`super::assess`]).
    pub assessment: Assessment,
    /// How signatures were judged: as of signing, or at a given time.
    pub judged_at: JudgingMode,
    /// The banner in plain words: the headline and every caveat, as one text (filled in by
    /// [`MessageReport::render`]; empty before).
    pub summary: String,
    /// The same in two parts: the headline, and the caveats it must say (one sentence each).
    pub headline: Headline,
    /// Why the input could not be read as a message, if it could not.
    pub error: Option<Phrase>,
    /// Domain of the From address.
    pub from_domain: Option<String>,
    /// Whether a verified signature's `d=` is the From domain or a parent/subdomain of it
    /// (`None`: no signature verified, or no From domain).
    pub aligned: Option<bool>,
    /// Notes on how the input was read (LF converted, mbox line skipped, ...).
    pub notes: Vec<Phrase>,
    /// From, To, Date, Subject, body text, attachments.
    pub message: Summary,
    /// The status of From, To, Cc, Date, Subject, Sender and Reply-To (those present; lower-case
    /// names): the weakest of their instances.
    pub fields: BTreeMap<String, FieldStatus>,
    /// Every header field, in order, with whether a verified signature covers it.
    pub headers: Vec<HeaderView>,
    /// One entry per DKIM-Signature field, top first.
    pub signatures: Vec<SignatureReport>,
    /// Signatures beyond the limit, not evaluated.
    pub skipped_signatures: usize,
    /// One entry per DomainKey-Signature field (RFC 4870, legacy), top first.
    pub domainkeys: Vec<DomainKeyReport>,
    /// The ARC chain (RFC 8617): result `none` without ARC header fields.
    pub arc: ArcReport,
    /// What receiving servers said in Authentication-Results fields: claims, unless a validated
    /// ARC chain holds the same record.
    pub authentication_results: Vec<ServerClaim>,
    /// The facts someone else needs to re-check this report: tool, input SHA-256, time, keys.
    pub evidence: Evidence,
}

impl MessageReport {
    /// Renders every sentence of the report in `lang`: the `text` of each message, and
    /// `summary`. The report holds only ids and arguments until then; render what is shown.
    pub fn render(&mut self, lang: Lang) {
        let fill = |m: &mut Phrase| catalog::fill(lang, m);
        let fill_key = |k: &mut Option<KeyUsed>| {
            for k in k.iter_mut() {
                k.seen.as_deref_mut().into_iter().for_each(fill);
                fill(&mut k.origin_words);
            }
        };
        fill(&mut self.headline.main);
        self.headline.caveats.iter_mut().for_each(fill);
        self.headline.note.iter_mut().for_each(fill);
        self.headline.fields.iter_mut().for_each(fill);
        self.error.iter_mut().for_each(fill);
        self.notes.iter_mut().for_each(fill);
        for s in &mut self.signatures {
            fill(&mut s.explanation);
            s.detail.iter_mut().for_each(fill);
            s.repair.iter_mut().for_each(|r| fill(&mut r.description));
            s.warnings.iter_mut().for_each(|w| fill(&mut w.message));
            fill_key(&mut s.key);
        }
        for k in &mut self.domainkeys {
            fill(&mut k.explanation);
            k.detail.iter_mut().for_each(fill);
            k.warnings.iter_mut().for_each(|w| fill(&mut w.message));
            fill_key(&mut k.key);
        }
        fill(&mut self.arc.explanation);
        self.arc.detail.iter_mut().for_each(fill);
        for set in &mut self.arc.sets {
            fill(&mut set.summary);
            fill_key(&mut set.seal_key);
            fill_key(&mut set.message_signature_key);
        }
        self.arc.corroborations.iter_mut().for_each(|c| fill(&mut c.explanation));
        self.authentication_results.iter_mut().for_each(|c| fill(&mut c.explanation));
        self.summary = self.summary_in(lang);
    }

    /// The headline and its caveats in `lang`, as one text (the banner; the CLI's line).
    pub fn summary_in(&self, lang: Lang) -> String {
        std::iter::once(&self.headline.main)
            .chain(&self.headline.caveats)
            .map(|m| if m.text.is_empty() { catalog::render(lang, m) } else { m.text.clone() })
            .collect::<Vec<String>>()
            .join(" ")
    }

    /// The report as one line of JSON (render it first for the text).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// True when the message's assessment is `verified`.
    pub fn verified(&self) -> bool {
        self.assessment.status.is_verified()
    }

    /// The evidence of this finished report, judged at `now`: the tool, the input's SHA-256 and
    /// every key a signature was checked with.
    pub fn evidence_at(&self, now: u64) -> Evidence {
        let r = self;
        let mut keys: Vec<EvidenceKey> = Vec::new();
        let mut add = |key: Option<&KeyUsed>, by: String| {
            let Some(k) = key else { return };
            if let Some(known) = keys.iter_mut().find(|e| e.name == k.name && e.spki_sha256 == k.spki_sha256) {
                known.used_by.push(by);
                return;
            }
            let p = &k.provenance;
            keys.push(EvidenceKey {
                name: k.name.clone(),
                spki_sha256: k.spki_sha256.clone(),
                origin: p.origin.clone(),
                source: p.source.clone(),
                first_seen: p.first_seen.clone(),
                last_seen: p.last_seen.clone(),
                flags: k.provenance.flags.clone(),
                used_by: vec![by],
            });
        };
        for s in &r.signatures {
            add(s.key.as_ref(), format!("dkim#{}", s.index + 1));
        }
        for k in &r.domainkeys {
            add(k.key.as_ref(), format!("domainkeys#{}", k.index + 1));
        }
        for set in &r.arc.sets {
            add(set.seal_key.as_ref(), format!("arc-seal#{}", set.instance));
            add(set.message_signature_key.as_ref(), format!("arc-message-signature#{}", set.instance));
        }
        Evidence { tool: Tool::this(), input_sha256: r.sha256.clone(), judged_at: now, keys }
    }
}
