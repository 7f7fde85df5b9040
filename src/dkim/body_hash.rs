//! Body hashes: computed once per message for every (form of the body, canonicalization, hash,
//! limit) its signatures need ([`BodyCache`]), or computed by the caller.
//!
//! The cache is what keeps big bodies cheap. Each form of the body is canonicalized once per
//! canonicalization and hashed once per hash function, however many signatures (and however
//! many different `l=`) ask for it: the jobs announced with [`BodyCache::plan`] are computed
//! together in one pass ([`canon::body_hashes`]). A form other than the body as received (mbox
//! `>From ` quoting undone; later, the named repairs of a failed signature) is built at most
//! once per message, only when a signature needs it, and only if it differs from the body.
//!
//! In a browser, WebCrypto hashes with the CPU's SHA instructions, which WebAssembly cannot
//! use; for large bodies that is several times faster. The caller asks which body hashes a
//! message needs ([`body_hash_jobs`]), gets the canonical body for each canonicalization
//! ([`canonical_body`]), hashes it (the first `limit` bytes when there is one), and passes the
//! results to the verifier (`Options::body_hashes` of the library's top module).

use super::MAX_SIGNATURES;
use super::algorithm::Canonicalization;
use super::canon::{self, BodyHash, PrefixMatch};
use super::signature::{Signature, SignatureField};
use crate::budget::{Work, count};
use crate::crypto::HashAlgorithm;
use crate::message::{Message, input};
use memchr::memmem;
use std::collections::HashMap;

/// A form of the body that can be hashed: the body as received, or the body with a known,
/// harmless change undone. New forms (the repairs of a failed signature) are added here; the
/// cache builds each at most once per message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyForm {
    /// The body as received.
    AsReceived,
    /// One `>` removed from every line that starts with `>From `, `>>From `... (mbox quoting).
    MboxUnquoted,
    /// Spaces and tabs at the end of every line removed (added after signing), but for `-- `.
    TrailingWhitespaceRemoved,
    /// The space of every signature separator line `-- ` restored where it was stripped (`--`).
    SeparatorSpaceRestored,
}

impl BodyForm {
    /// The body in this form, or `None` when the form is the body as received (nothing to undo).
    fn build(self, body: &[u8]) -> Option<Vec<u8>> {
        match self {
            BodyForm::AsReceived => None,
            BodyForm::MboxUnquoted => mbox_unquoted(body),
            BodyForm::TrailingWhitespaceRemoved => trailing_whitespace_removed(body),
            BodyForm::SeparatorSpaceRestored => separator_space_restored(body),
        }
    }
}

/// Body hashes of one message, shared by its signatures: keyed by form and job.
#[derive(Default)]
pub struct BodyCache {
    hashes: HashMap<(BodyForm, BodyJob), BodyHash>,
    /// Jobs announced in advance; the first request for a form and canonicalization computes
    /// all of them together.
    planned: Vec<BodyJob>,
    /// Forms built so far: `None` when the form is identical to the body as received.
    forms: Vec<(BodyForm, Option<Vec<u8>>)>,
    /// Per canonicalization and hash, the digests of the body's prefixes that end in its last
    /// [`FOOTER_WINDOW`] bytes (computed once per message, for the `list_footer` repair).
    prefixes: Vec<((Canonicalization, HashAlgorithm), PrefixDigests)>,
}

/// The digest of each prefix of a body ending at a line end, with where it ends.
type PrefixDigests = Vec<(Vec<u8>, PrefixMatch)>;

/// A list footer is looked for only in the last this many canonical bytes of a body: lists
/// append a few lines. It bounds the finalizations of the running hash (one per line there).
pub const FOOTER_WINDOW: u64 = 64 * 1024;

impl BodyCache {
    /// A cache holding the hashes the caller computed (of the body as received).
    pub fn with_provided(provided: &[ProvidedBodyHash]) -> Self {
        BodyCache {
            hashes: provided.iter().map(|p| ((BodyForm::AsReceived, p.job), p.body_hash())).collect(),
            ..BodyCache::default()
        }
    }

    /// Announces jobs that signatures will ask for, so that those of one canonicalization are
    /// computed together in one pass over the body.
    pub fn plan(&mut self, jobs: impl IntoIterator<Item = BodyJob>) {
        for job in jobs {
            if !self.planned.contains(&job) {
                self.planned.push(job);
            }
        }
    }

    /// The hash of `body` (as received) for this canonicalization, hash and limit, computed on
    /// first use.
    pub fn get(&mut self, body: &[u8], canon: Canonicalization, hash: HashAlgorithm, limit: Option<u64>) -> &BodyHash {
        let job = BodyJob { canon, hash, limit };
        if !self.hashes.contains_key(&(BodyForm::AsReceived, job)) {
            self.compute(BodyForm::AsReceived, body, job);
        }
        &self.hashes[&(BodyForm::AsReceived, job)]
    }

    /// The hash of `body` in `form` for `job`; `None` when that form is the body as received
    /// (for example, no line is mbox-quoted): hashing it again would only repeat [`Self::get`].
    pub fn get_form(&mut self, body: &[u8], form: BodyForm, job: BodyJob) -> Option<&BodyHash> {
        if form == BodyForm::AsReceived {
            return Some(self.get(body, job.canon, job.hash, job.limit));
        }
        if !self.forms.iter().any(|(f, _)| *f == form) {
            let built = form.build(body);
            count(Work::BytesCopied, built.as_ref().map_or(0, |b| b.len() as u64));
            self.forms.push((form, built));
        }
        self.form(form)?;
        if !self.hashes.contains_key(&(form, job)) {
            self.compute(form, body, job);
        }
        self.hashes.get(&(form, job))
    }

    /// The prefix of `body` (as received), ending in its last [`FOOTER_WINDOW`] canonical bytes,
    /// whose hash is `digest`. The digests of all such prefixes are computed in one pass on the
    /// first request for a canonicalization and hash, and shared by every signature.
    pub fn signed_prefix(
        &mut self,
        body: &[u8],
        canon: Canonicalization,
        hash: HashAlgorithm,
        canonical_len: u64,
        digest: &[u8],
    ) -> Option<PrefixMatch> {
        let key = (canon, hash);
        let i = match self.prefixes.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let from = canonical_len.saturating_sub(FOOTER_WINDOW);
                self.prefixes.push((key, canon::prefix_digests(body, canon, hash, from)));
                self.prefixes.len() - 1
            }
        };
        self.prefixes[i].1.iter().find(|(d, _)| d == digest).map(|(_, at)| *at)
    }

    /// The bytes of a form built before, when it differs from the body as received.
    fn form(&self, form: BodyForm) -> Option<&[u8]> {
        self.forms.iter().find(|(f, _)| *f == form).and_then(|(_, built)| built.as_deref())
    }

    /// Computes `job` for `form`, with every planned job of the same canonicalization not yet
    /// known, in one pass.
    fn compute(&mut self, form: BodyForm, body: &[u8], job: BodyJob) {
        let mut jobs = vec![job];
        jobs.extend(
            self.planned
                .iter()
                .copied()
                .filter(|p| p.canon == job.canon && *p != job && !self.hashes.contains_key(&(form, *p))),
        );
        let bytes = self.form(form).unwrap_or(body);
        let pairs: Vec<(HashAlgorithm, Option<u64>)> = jobs.iter().map(|j| (j.hash, j.limit)).collect();
        for (j, h) in jobs.into_iter().zip(canon::body_hashes(bytes, job.canon, &pairs)) {
            self.hashes.insert((form, j), h);
        }
    }
}

/// One body hash a message's signatures need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyJob {
    /// Body canonicalization.
    pub canon: Canonicalization,
    /// Hash function.
    pub hash: HashAlgorithm,
    /// `l=`, if any.
    pub limit: Option<u64>,
}

/// A body hash computed by the caller for a [`BodyJob`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvidedBodyHash {
    /// What was hashed.
    pub job: BodyJob,
    /// The digest of the canonical body (of its first `limit` bytes when there is a limit).
    pub digest: Vec<u8>,
    /// The length of the whole canonical body.
    pub canonical_len: u64,
}

/// The distinct body hashes the valid signatures of `raw` need (DKIM signatures and ARC
/// message signatures).
pub fn body_hash_jobs(raw: &[u8]) -> Vec<BodyJob> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    if message.over_budget().is_some() {
        return Vec::new();
    }
    jobs(&message)
}

/// The distinct body hashes the valid signatures (the first [`MAX_SIGNATURES`]) of `message`
/// need.
pub fn jobs(message: &Message<'_>) -> Vec<BodyJob> {
    let mut jobs = Vec::new();
    let dkim = message.fields("dkim-signature").take(MAX_SIGNATURES).map(|(_, f)| (f, SignatureField::Dkim));
    let arc = message
        .fields("arc-message-signature")
        .take(MAX_SIGNATURES)
        .map(|(_, f)| (f, SignatureField::ArcMessageSignature));
    for (field, kind) in dkim.chain(arc) {
        if let Ok(sig) = Signature::parse_as(field, kind) {
            let job = BodyJob { canon: sig.body_canon, hash: sig.algorithm.hash(), limit: sig.body_length };
            if !jobs.contains(&job) {
                jobs.push(job);
            }
        }
    }
    jobs
}

/// The whole canonical body of `raw` (normalized as for verification).
pub fn canonical_body(raw: &[u8], canon: Canonicalization) -> Vec<u8> {
    let normalized = input::normalize(raw);
    let message = Message::parse(&normalized.bytes);
    canon::body_canonical(message.body_bytes(), canon)
}

impl ProvidedBodyHash {
    /// As the verifier's own body hash.
    pub(crate) fn body_hash(&self) -> BodyHash {
        BodyHash { digest: self.digest.clone(), canonical_len: self.canonical_len }
    }
}

/// The body with one `>` removed from every line that starts with `>From ` (`>>From `, ...),
/// undoing mbox quoting; `None` when no line is quoted. The body is searched first (no copy);
/// it is copied only when a line is quoted.
pub fn mbox_unquoted(body: &[u8]) -> Option<Vec<u8>> {
    let mut quoted = quoted_lines(body).peekable();
    quoted.peek()?;
    let mut out = Vec::with_capacity(body.len());
    let mut from = 0;
    for line_start in quoted {
        out.extend_from_slice(&body[from..line_start]);
        from = line_start + 1; // drop one '>'
    }
    out.extend_from_slice(&body[from..]);
    Some(out)
}

/// Start offsets of the lines that are `>From `, `>>From `... in one pass (each `From ` found,
/// then the `>` run before it).
fn quoted_lines(body: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memmem::find_iter(body, b"From ").filter_map(move |at| {
        let start = body[..at].iter().rposition(|&b| b != b'>').map_or(0, |p| p + 1);
        let line_start = start == 0 || body[start - 1] == b'\n';
        (start < at && line_start).then_some(start)
    })
}

/// The body with the spaces and tabs at the end of each line removed, except on signature
/// separator lines (`-- `, RFC 3676 §4.3); `None` when no line has any. One pass; the body is
/// copied only when a line changes.
pub fn trailing_whitespace_removed(body: &[u8]) -> Option<Vec<u8>> {
    rewrite_lines(body, |line| {
        if line == b"-- " {
            return None;
        }
        let end = line.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |p| p + 1);
        (end < line.len()).then(|| line[..end].to_vec())
    })
}

/// The body with every line that is exactly `--` made `-- ` again (the signature separator of
/// RFC 3676 §4.3, whose trailing space programs that strip trailing whitespace remove); `None`
/// when there is no such line.
pub fn separator_space_restored(body: &[u8]) -> Option<Vec<u8>> {
    rewrite_lines(body, |line| (line == b"--").then(|| b"-- ".to_vec()))
}

/// The body with each line (without its CRLF) that `rewrite` changes replaced by what it returns;
/// `None` when no line changes.
fn rewrite_lines(body: &[u8], rewrite: impl Fn(&[u8]) -> Option<Vec<u8>>) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut start = 0;
    while start < body.len() {
        let end = memchr::memmem::find(&body[start..], b"\r\n").map_or(body.len(), |p| start + p);
        if let Some(new) = rewrite(&body[start..end]) {
            let o = out.get_or_insert_with(|| Vec::with_capacity(body.len()));
            o.extend_from_slice(&body[copied..start]);
            o.extend_from_slice(&new);
            copied = end;
        }
        start = end + 2;
    }
    let mut o = out?;
    o.extend_from_slice(&body[copied..]);
    Some(o)
}

/// How many lines of `body` building `form` changes: one pass, nothing copied.
pub fn changed_lines(body: &[u8], form: BodyForm) -> u64 {
    let count = |f: &dyn Fn(&[u8]) -> bool| -> u64 {
        body.split(|&b| b == b'\n').filter(|l| f(l.strip_suffix(b"\r").unwrap_or(l))).count() as u64
    };
    match form {
        BodyForm::AsReceived => 0,
        BodyForm::MboxUnquoted => quoted_lines(body).count() as u64,
        BodyForm::TrailingWhitespaceRemoved => count(&|l| l != b"-- " && (l.ends_with(b" ") || l.ends_with(b"\t"))),
        BodyForm::SeparatorSpaceRestored => count(&|l| l == b"--"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_unquoting_removes_one_quote_per_quoted_line_only() {
        let body = b">From a\r\nx >From b\r\n>>From c\r\nFrom d\r\n>From";
        assert_eq!(mbox_unquoted(body).as_deref(), Some(&b"From a\r\nx >From b\r\n>From c\r\nFrom d\r\n>From"[..]));
        assert_eq!(mbox_unquoted(b"nothing quoted\r\nFrom x\r\n"), None);
    }

    #[test]
    fn forms_are_built_once_and_only_when_they_differ() {
        let job = BodyJob { canon: Canonicalization::Simple, hash: HashAlgorithm::Sha256, limit: None };
        let mut cache = BodyCache::default();
        assert!(cache.get_form(b"plain\r\n", BodyForm::MboxUnquoted, job).is_none());
        let mut cache = BodyCache::default();
        let unquoted = cache.get_form(b">From x\r\n", BodyForm::MboxUnquoted, job).cloned();
        assert_eq!(unquoted, Some(canon::body_hash(b"From x\r\n", job.canon, job.hash, None)));
    }
}
