//! Plain-language wording of assessments, results and warnings, for people who are not DKIM
//! experts, written as functions of codes and parameters. Wording never overstates: a verified
//! signature says which domain signed and which parts are covered, not who wrote the message or
//! whether it is true; a headline says every caveat of its assessment (see [`super::assess`]).

use super::assess::{Assessment, Basis, Caveat, FieldStatus, Status};
use super::{
    ArcReport, ArcSetReport, ArcStep, Corroboration, DomainKeyReport, Headline, KeyUsed, MessageReport, ServerClaim,
    SignatureReport, Verdict, WarningKind,
};
use crate::arc::auth_results::AuthResult;
use crate::budget::Exceeded;
use crate::dkim::judging::{JudgedAt, JudgingMode, TimeSource};
use crate::text::civil_date::unix_to_date;

/// Warning text for rsa-sha1.
pub const SHA1: &str = "This signature uses SHA-1, which RFC 8301 forbids for DKIM: SHA-1 collisions can be \
manufactured, so this signature is weaker evidence than a SHA-256 one.";
/// Warning text for a compromised key.
pub const COMPROMISED: &str = "The private half of this key is public (it was published or factored), so anyone \
could have made this signature: it proves nothing about who sent the message.";
/// Warning text for a key rebuilt from signatures.
pub const RECOVERED: &str = "This key was rebuilt from signatures, not read from DNS: it is very likely the \
domain's key, but no copy of the published record was found.";
/// Warning text for a key recovered from the very messages being checked (`--recover-keys`).
pub const RECOVERED_HERE: &str = "This key was computed from the signatures of these messages themselves; no public \
source knows it. It shows that these messages were signed with one and the same key, not that the key was the \
domain's: whoever made all of them could have signed them with a key of their own.";
/// Warning text for a key in testing mode.
pub const TESTING: &str = "The domain had marked this key as in testing (t=y in its DNS record), which asked \
receivers of that time not to treat its signatures differently from unsigned mail. It does not weaken the \
signature's mathematics.";
/// Warning text for a body that matched after undoing mbox quoting.
pub const MBOX_QUOTING: &str = "The body matches the signature once the mbox quoting is undone: lines that began \
with \"From \" were stored as \">From \" when the message was put in an mbox file. The signed text has no \">\" there.";
/// Warning text for a timestamp in the future.
pub const FUTURE: &str =
    "The signature claims to have been made in the future (t= is later than the time of the check).";

/// Warning text for important header fields left unsigned.
pub fn unsigned_headers(names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| display_name(n)).collect();
    format!(
        "Not covered by this signature: {}. These could have been added or changed after signing without \
breaking it.",
        list.join(", ")
    )
}

/// Warning text for a header field present more often than signed.
pub fn extra_instances(name: &str, present: usize, listed: usize) -> String {
    format!(
        "The message has {present} {} fields but the signature covers only {listed}: the extra one could have \
been added after signing, and a mail program may show that one.",
        display_name(name)
    )
}

/// Warning text for an `l=` limit that leaves part of the body unsigned.
pub fn partial_body(signed: u64, unsigned: u64) -> String {
    format!(
        "Only the first {signed} bytes of the body are signed (l={signed}); the last {unsigned} bytes are not \
covered and could have been added by anyone."
    )
}

/// Warning text when the message's Date is outside the key's known publication window.
pub fn date_window(key: &KeyUsed) -> String {
    format!(
        "This key was seen in public sources {}, and the message's Date is outside that period. Keys are \
often in use well before and after the dates they were seen, and the Date header can be set by the sender, \
so this is a hint, not proof.",
        window(key)
    )
}

fn window(key: &KeyUsed) -> String {
    match (&key.provenance.first_seen, &key.provenance.last_seen) {
        (Some(a), Some(b)) if a == b => format!("on {a}"),
        (Some(a), Some(b)) => format!("from {a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => "at an unknown time".to_string(),
    }
}

/// Capitalizes a lower-case header name for display (`reply-to` → `Reply-To`).
pub fn display_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

/// Warning text for an expiry (`x=`) passed since the signature was made.
pub fn expired_since(expires: u64) -> String {
    format!(
        "The signature expired on {} (x=). DKIM expiry tells receivers how long to accept a signature; it does \
not make a genuine signature false. It is judged here as of when it was signed.",
        date(expires)
    )
}

/// `YYYY-MM-DD` of unix seconds.
fn date(secs: u64) -> String {
    unix_to_date(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// Words a signature's result and warnings: fills `explanation` and each warning's `text`.
pub fn fill_signature_text(s: &mut SignatureReport) {
    s.explanation = signature(s);
    if let Some(t) = copied_headers(s) {
        s.explanation.push(' ');
        s.explanation.push_str(&t);
    }
    let key = s.key.clone();
    for w in &mut s.warnings {
        w.text = warning(&w.kind, key.as_ref());
    }
}

/// The sentence for a warning (`key`: the key the signature was checked with, if any).
pub fn warning(kind: &WarningKind, key: Option<&KeyUsed>) -> String {
    match kind {
        WarningKind::Sha1 => SHA1.to_string(),
        WarningKind::CompromisedKey => COMPROMISED.to_string(),
        WarningKind::RecoveredKey => match key.and_then(|k| k.provenance.recovered_from_messages) {
            Some(_) => RECOVERED_HERE.to_string(),
            None => RECOVERED.to_string(),
        },
        WarningKind::TestingKey => TESTING.to_string(),
        WarningKind::UnsignedHeader { names } => unsigned_headers(names),
        WarningKind::ExtraHeaderInstance { name, present, listed } => extra_instances(name, *present, *listed),
        WarningKind::PartialBody { signed, unsigned } => partial_body(*signed, *unsigned),
        WarningKind::KeyDateWindow => key.map(date_window).unwrap_or_default(),
        WarningKind::MboxQuoting => MBOX_QUOTING.to_string(),
        WarningKind::FutureTimestamp => FUTURE.to_string(),
        WarningKind::ExpiredSince { expires } => expired_since(*expires),
    }
}

/// `selector._domainkey.domain` of a signature, or "its key".
fn key_name(s: &SignatureReport) -> String {
    match (&s.selector, &s.domain) {
        (Some(sel), Some(dom)) => format!("{sel}._domainkey.{dom}"),
        _ => "its key".to_string(),
    }
}

/// Bits of the key a signature was checked with (0 if none).
fn bits(s: &SignatureReport) -> u32 {
    s.key.as_ref().map_or(0, |k| k.bits)
}

/// One plain sentence (or two) for a signature's assessment and result.
pub fn signature(s: &SignatureReport) -> String {
    let d = s.domain.as_deref().unwrap_or("an unknown domain");
    let name = key_name(s);
    let detail = s.detail.as_deref().unwrap_or("");
    let compromised = s.key.as_ref().is_some_and(KeyUsed::compromised);
    let headers_ok = s.header_signature_valid == Some(true);
    let recovered_here = s.key.as_ref().and_then(|k| k.provenance.recovered_from_messages);
    match (s.assessment.status, s.reason) {
        (Status::Consistent, _) => consistent(recovered_here.unwrap_or(0)),
        (_, "body_changed") if recovered_here.is_some() => format!(
            "The signed headers match one key recovered from {} of these messages (a key not known from any public \
source), but the body was changed after signing.",
            recovered_here.unwrap_or(0)
        ),
        (Status::ProvesNothing, _) if compromised => format!(
            "The signature matches {d}'s key, but that key's private half is public, so anyone could have made it: \
it proves nothing about who sent this message."
        ),
        (Status::ProvesNothing, _) => format!(
            "The signature matches {d}'s {}-bit RSA key, which anyone can factor: it proves nothing about who sent \
this message (RFC 8301 forbids accepting keys under 1024 bits).",
            bits(s)
        ),
        (Status::Verified, _) => {
            let mut t = format!("Verified: {d} signed this message, and nothing it signed has changed since.");
            if let Some(k) = &s.key {
                t.push_str(&format!(" Checked with {}.", key_phrase(k)));
            }
            t
        }
        (_, "weak_key") if headers_ok => format!(
            "The signed headers match {d}'s {}-bit RSA key, which anyone can factor, so they prove nothing; and the \
body does not match the hash in the signature.",
            bits(s)
        ),
        (_, "weak_key") => format!(
            "The signature does not verify with the {}-bit RSA key known here for {name} (a key anyone can factor): \
the signed headers changed, or the signature was never made with this key.",
            bits(s)
        ),
        (_, "body_changed") if compromised => format!(
            "The body does not match the hash in the signature. The signed headers match {d}'s key, but that key's \
private half is public, so they prove nothing."
        ),
        (_, "body_changed") => format!(
            "The body does not match the hash in the signature: it was changed after {d} signed the message. The \
signature over the headers verifies with {d}'s key."
        ),
        (_, "headers_changed") => format!(
            "The signature does not verify with the key known here for {name}: the signed headers (such as From, \
Subject or Date) changed after signing, or the signature was never made with this key. Nothing here shows that \
{d} signed this message."
        ),
        (_, "body_and_headers_changed") => format!(
            "The signature does not verify with the key known here for {name}, and the body does not match the hash \
in the signature either: the message was changed after signing, or the signature was never made with this key. \
Nothing here shows that {d} signed this message."
        ),
        (_, "no_key") if s.result == Verdict::Neutral => format!(
            "No public key for {name} is known here, so this signature cannot be checked. Paste the key's DNS record \
to check it."
        ),
        (_, "no_key") => format!("No key is published at {name}, so this signature cannot be verified."),
        (_, "key_lookup_failed") => {
            format!("The key at {name} could not be retrieved just now; checking again may work.")
        }
        (_, "key_revoked") => {
            format!("{d} has revoked this key (its record at {name} is empty), so the signature no longer counts.")
        }
        (_, "expired") => {
            let h = expired(s);
            std::iter::once(h.main).chain(h.caveats).collect::<Vec<String>>().join(" ")
        }
        (_, code) if code.starts_with("key_") || code == "bad_key" => {
            format!("The key for {name} cannot be used for this signature: {detail}.")
        }
        _ => format!("The signature is malformed or unsupported, so it cannot be checked: {detail}."),
    }
}

/// A signature expired at the time it was judged: the headline, and what else is known of it.
fn expired(s: &SignatureReport) -> Headline {
    let main = match (s.judged_at, s.expires) {
        (Some(j), Some(x)) => format!(
            "Judged at {} ({}), the signature had expired on {}: a receiving server would no longer accept it.",
            date(j.time),
            judged_source(j),
            date(x)
        ),
        _ => format!("The signature has expired: {}.", s.detail.as_deref().unwrap_or("")),
    };
    let verifies = s.header_signature_valid == Some(true) && s.body_hash_matches == Some(true);
    let more = match s.valid_at_message_date {
        Some(true) => Some(
            "It verifies, and it had not yet expired at the message's Date: DKIM expiry tells receivers how long to \
accept a signature, it does not make a genuine signature false.",
        ),
        Some(false) if verifies => Some("It verifies, but it had already expired at the message's Date."),
        Some(false) => Some("It does not verify either."),
        None if verifies => Some("It verifies."),
        None => None,
    };
    Headline { main, caveats: more.map(str::to_string).into_iter().collect() }
}

/// Where a judging time came from, in words.
fn judged_source(j: JudgedAt) -> &'static str {
    match j.from {
        TimeSource::SignatureTimestamp => "when it was signed, t=",
        TimeSource::MessageDate => "the message's Date",
        TimeSource::Now => "now",
        TimeSource::Given => "the time you chose",
    }
}

fn key_phrase(k: &KeyUsed) -> String {
    let kind = if k.key_type == "ed25519" { "Ed25519".to_string() } else { format!("{}-bit RSA", k.bits) };
    let from = if k.provenance.is_bundled() {
        "from dkimcheck's bundled key archive".to_string()
    } else if k.provenance.origin == "added by you" {
        "that you added".to_string()
    } else {
        format!("from {}", k.provenance.origin)
    };
    let mut t = format!("the {kind} key {from}");
    match (&k.provenance.first_seen, &k.provenance.last_seen) {
        (None, None) => {}
        _ => t.push_str(&format!(", seen {}", window(k))),
    }
    if let Some(inside) = k.date_in_window {
        t.push_str(if inside {
            "; the message is dated within that period"
        } else {
            "; the message is dated outside that period"
        });
    }
    t
}

/// The banner text of a message: its headline and every caveat, as one text.
pub fn message_summary(r: &MessageReport) -> String {
    let h = headline(r);
    std::iter::once(h.main).chain(h.caveats).collect::<Vec<String>>().join(" ")
}

/// The headline of a message: its assessment in words, then the caveats it must say. A message
/// that is not verified also says what a validated ARC chain corroborates (a hop reported a
/// failing signature valid on receipt): never as verification.
pub fn headline(r: &MessageReport) -> Headline {
    let mut h = assessment_headline(r);
    if !r.assessment.status.is_verified() {
        h.caveats.extend(r.arc.corroborations.iter().map(|c| c.text.clone()));
    }
    h
}

/// The headline of the message's assessment alone.
fn assessment_headline(r: &MessageReport) -> Headline {
    let plain = |main: String| Headline { main, caveats: Vec::new() };
    if let Some(e) = &r.error {
        return plain(e.clone());
    }
    let a = &r.assessment;
    if a.basis == Some(Basis::DomainKeys)
        && let Some(k) = a.signature.and_then(|i| r.domainkeys.iter().find(|k| k.index == i))
    {
        return domainkeys_headline(r, a, k);
    }
    let best = a.signature.filter(|_| a.basis == Some(Basis::Dkim));
    let Some(best) = best.and_then(|i| r.signatures.iter().find(|s| s.index == i)) else {
        return plain(
            "This message has no DKIM signature, so nothing can be verified about where it came from.".to_string(),
        );
    };
    match (a.status, best.reason) {
        (Status::Verified, _) => verified_headline(r, a, best),
        (Status::Invalid, "expired") => expired(best),
        _ => plain(unverified_headline(a, best)),
    }
}

/// The headline of a message that is not verified.
fn unverified_headline(a: &Assessment, best: &SignatureReport) -> String {
    let d = best.domain.as_deref().unwrap_or("an unknown domain");
    match a.status {
        Status::Verified => String::new(), // worded by verified_headline
        Status::Consistent => format!(
            "{} Nothing shows that {d} signed it.",
            consistent(best.key.as_ref().and_then(|k| k.provenance.recovered_from_messages).unwrap_or(0))
        ),
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => format!(
            "The signature matches a key of {d}, but that key's private half is public: anyone could have made this \
signature, so it proves nothing."
        ),
        Status::ProvesNothing => format!(
            "The signature matches a {}-bit key of {d}, which anyone can factor: it proves nothing.",
            bits(best)
        ),
        Status::Failed => match best.reason {
            "body_changed" if best.key.as_ref().is_some_and(|k| k.provenance.recovered_from_messages.is_some()) => {
                "The signed headers match a key recovered from these messages (not known from any public source), and \
the body was changed after signing."
                    .to_string()
            }
            "body_changed" if a.has(Caveat::CompromisedKey) => format!(
                "The headers match a key of {d} whose private half is public (so they prove nothing), and the body \
was changed after signing."
            ),
            "weak_key" if best.header_signature_valid == Some(true) => format!(
                "The headers match a {}-bit key of {d}, which anyone can factor (so they prove nothing), and the body \
was changed after signing.",
                bits(best)
            ),
            "body_changed" => format!("Signed by {d}, but the body was changed after signing."),
            _ => format!(
                "A signature claims to be from {d}, but it does not verify: the message was changed after signing, \
or the signature was never made with {d}'s key."
            ),
        },
        Status::NoKey => match (best.result, &best.selector, &best.domain) {
            (Verdict::Neutral, Some(sel), Some(dom)) => {
                format!("No public key for {sel}._domainkey.{dom} is known here: paste its DNS record to check it.")
            }
            _ => format!("The signature could not be checked. {}", best.explanation),
        },
        Status::Invalid | Status::Unsigned | Status::Error => {
            format!("The signature could not be verified. {}", best.explanation)
        }
    }
}

/// The headline of a verified message: who signed, then every caveat.
fn verified_headline(r: &MessageReport, a: &Assessment, best: &SignatureReport) -> Headline {
    let d = best.domain.as_deref().unwrap_or("an unknown domain");
    let mut main = match (a.has(Caveat::Misaligned), r.from_domain.as_deref()) {
        (true, Some(from)) => format!("Signed by {d}, which is not the domain of the From address ({from})."),
        _ => format!("Signed by {d}."),
    };
    main.push_str(" Nothing in the signed parts has changed since.");
    let on_behalf = best.identity.as_ref().map(|i| format!("{i} (i=)"));
    let caveats = verified_caveats(r, a, on_behalf, best.key.as_ref(), best.body_unsigned_bytes);
    Headline { main, caveats }
}

/// The caveat sentences of a verified message (DKIM or DomainKeys): `on_behalf` is whom the
/// signature says it was made for (its `i=`, or the DomainKeys sending address), `unsigned_bytes`
/// what `l=` leaves unsigned.
fn verified_caveats(
    r: &MessageReport,
    a: &Assessment,
    on_behalf: Option<String>,
    key: Option<&KeyUsed>,
    unsigned_bytes: u64,
) -> Vec<String> {
    let mut caveats = Vec::new();
    if a.has(Caveat::Misaligned) {
        if let Some(i) = on_behalf {
            caveats.push(format!("The signature says it was made on behalf of {i}."));
        }
        if let Some(sender) = &r.message.sender {
            caveats.push(match r.fields.get("sender") {
                Some(FieldStatus::Verified) => format!("The signed Sender field is {sender}."),
                _ => format!("The Sender field ({sender}) is not covered by a verified signature."),
            });
        }
    }
    if a.has(Caveat::TestingKey) {
        caveats.push(
            "The domain had marked this key as in testing (t=y); that does not weaken the signature's mathematics."
                .to_string(),
        );
    }
    if let Some(k) = key.filter(|_| a.has(Caveat::UserKey)) {
        let origin = if k.provenance.origin == "added by you" {
            "you added it".to_string()
        } else {
            k.provenance.origin.clone()
        };
        caveats.push(format!(
            "It was checked with a key that is not in the bundled archive ({origin}): it is only as good as where \
that key came from."
        ));
    }
    if let Some(k) = key.filter(|_| a.has(Caveat::KeyDateWindow)) {
        caveats.push(format!(
            "The key was seen in public sources {}, and the message's Date is outside that period.",
            window(k)
        ));
    }
    if a.has(Caveat::PartialBody) {
        caveats.push(format!(
            "The last {unsigned_bytes} bytes of the body are not covered by the signature (l=) and could have been \
added by anyone."
        ));
    }
    caveats
}

/// The CLI's label for an assessment (from the one vocabulary, [`super::Outcome`]).
pub fn label(a: &Assessment) -> &'static str {
    super::Outcome::of(a).label()
}

/// How many messages of a tally had a status, in words ("2 failed").
pub fn status_count(status: Status, n: usize) -> String {
    let one = n == 1;
    let what = match status {
        Status::Verified => "verified",
        Status::Consistent => "only consistent with a recovered key",
        Status::ProvesNothing if one => "proves nothing (a key anyone can sign with)",
        Status::ProvesNothing => "prove nothing (a key anyone can sign with)",
        Status::Failed => "failed",
        Status::NoKey => "no key known",
        Status::Invalid => "cannot be evaluated",
        Status::Unsigned => "not signed",
        Status::Error => "unreadable",
    };
    format!("{n} {what}")
}

/// The closing tally of a batch: `counts[i]` messages had status `Status::ALL[i]`, of which
/// `expired` were `invalid` only because they had expired at the time the user chose.
pub fn tally(counts: &[usize; 8], expired: usize) -> String {
    let total: usize = counts.iter().sum();
    let mut t = format!("{} of {total} messages verified", counts[0]);
    let mut rest = Vec::new();
    for (&status, &n) in Status::ALL.iter().zip(counts).skip(1) {
        let n = if status == Status::Invalid { n.saturating_sub(expired) } else { n };
        if status == Status::Invalid && expired > 0 {
            rest.push(format!("{expired} expired at the time you chose"));
        }
        if n > 0 {
            rest.push(status_count(status, n));
        }
    }
    if !rest.is_empty() {
        t.push_str(&format!("; {}", rest.join(", ")));
    }
    t
}

/// How the signatures were judged, in words.
pub fn judging(mode: &JudgingMode) -> String {
    match mode.time {
        Some(t) => format!("judged at {} (expired signatures count as expired)", date(t)),
        None => "judged as of signing (each signature at its t=, else the message's Date)".to_string(),
    }
}

/// The wording for a signature that verifies only with a key recovered from the messages being
/// checked: never "verified", never "signed by".
pub fn consistent(messages: usize) -> String {
    format!(
        "Consistent with one key recovered from {messages} of these messages; that key is not known from any \
public source."
    )
}

/// Where a recovered key comes from (an archive entry's `source`).
pub fn recovered_source(messages: usize) -> String {
    format!("dkimcheck keys recover: rebuilt from the DKIM signatures of {messages} messages (see recovered_from)")
}

/// How a recovered key's record was built (an archive entry's `derived`).
pub fn recovered_derived(messages: usize, exponent: u32) -> String {
    format!(
        "Rebuilt from the DKIM signatures of {messages} messages as gcd(s1^e - EM1, s2^e - EM2) with e={exponent}, \
never read from DNS; only the key is known, so the record is built as \"v=DKIM1; k=rsa; p=...\"."
    )
}

/// What a recovered key shows and does not show (an archive entry's `notes`).
pub fn recovered_notes(messages: usize) -> String {
    format!(
        "GCD-RECOVERED (not read from DNS): computed from the signatures of {messages} messages, all of which it \
verifies. It shows that these messages were signed with one and the same key. It does not show that this key was \
the domain's published key: whoever made the messages could have signed them all with a key of their own. Check \
it against a published copy of the record before relying on it."
    )
}

/// Why some signatures of a group gave no key, for `keys recover` and `--recover-keys`.
pub fn unrecovered(code: &str, count: usize, name: &str) -> String {
    let sigs = if count == 1 { "1 signature".to_string() } else { format!("{count} signatures") };
    match code {
        "too_few" => format!("{name}: {sigs} with no key: at least two signatures made with one key are needed"),
        "no_common_key" => format!(
            "{name}: {sigs} with no key: no two of them gave one key (they were made with different keys, or the \
messages were changed after signing)"
        ),
        "too_large" => format!("{name}: {sigs} of keys over 4096 bits: not recovered"),
        _ => format!("{name}: {sigs} too short to be RSA PKCS#1 v1.5 signatures"),
    }
}

/// One line for a key recovered from a group.
pub fn recovered_line(name: &str, bits: u32, exponent: u32, verified: usize, signatures: usize) -> String {
    format!("{name}: recovered a {bits}-bit RSA key (e={exponent}); it verifies {verified} of {signatures} signatures")
}

/// A group with more signatures than recovery keeps.
pub fn over_cap(name: &str, count: usize) -> String {
    format!("{name}: {count} more signatures were not used (at most 2000 per key name are kept)")
}

/// Words a DomainKeys signature's result and warnings.
pub fn fill_domainkey_text(r: &mut DomainKeyReport) {
    r.explanation = domainkey(r);
    let key = r.key.clone();
    for w in &mut r.warnings {
        w.text = warning(&w.kind, key.as_ref());
    }
}

/// One plain sentence (or a few) for a DomainKeys signature's result.
pub fn domainkey(r: &DomainKeyReport) -> String {
    let d = r.domain.as_deref().unwrap_or("an unknown domain");
    let name = match (&r.selector, &r.domain) {
        (Some(sel), Some(dom)) => format!("{sel}._domainkey.{dom}"),
        _ => "its key".to_string(),
    };
    let detail = r.detail.as_deref().unwrap_or("");
    let legacy = |nofws: bool| {
        let mut t = "DomainKeys is the older mechanism that DKIM replaced: it always uses SHA-1, and its \
signature covers headers and body at once"
            .to_string();
        if nofws {
            t.push_str(
                "; this one was made with \"nofws\", which ignores every space and line break, so words could be \
joined or split without breaking it",
            );
        }
        t.push('.');
        t
    };
    let nofws = r.canonicalization.as_deref() == Some("nofws");
    match r.reason {
        "verified" if r.key.as_ref().is_some_and(|k| k.compromised()) => format!(
            "The DomainKeys signature matches {d}'s key, but that key's private half is public, so anyone could \
have made it: it proves nothing about who sent this message."
        ),
        "verified" => {
            let mut t = format!("DomainKeys: {d} signed this message, and nothing it signed has changed since.");
            if let Some(k) = &r.key {
                t.push_str(&format!(" Checked with {}.", key_phrase(k)));
            }
            if let Some(a) = &r.sending_address {
                t.push_str(&format!(" It vouches for the sending address {a}."));
            }
            t.push(' ');
            t.push_str(&legacy(nofws));
            t.push_str(" It is weaker evidence than a DKIM signature.");
            t
        }
        "message_changed" => format!(
            "The DomainKeys signature claiming {d} does not verify with the key known here for {name}: the \
message was changed after signing, or the signature was not made with that key. DomainKeys has no separate \
body hash, so it cannot tell whether the body or a header changed. Nothing here shows that {d} signed this \
message."
        ),
        "domain_mismatch" | "no_sending_address" => format!(
            "This DomainKeys signature does not count: DomainKeys lets a domain sign only for its own sending \
addresses, and {detail}."
        ),
        "key_granularity" => format!(
            "The key at {name} may only be used for one sender, and this message's sending address is not that \
sender ({detail}), so the signature does not count."
        ),
        "no_key" if r.result == Verdict::Neutral => format!(
            "No public key for {name} is known here, so this DomainKeys signature cannot be checked. Paste the \
key's DNS record to check it."
        ),
        "no_key" => format!("No key is published at {name}, so this DomainKeys signature cannot be verified."),
        "key_lookup_failed" => format!("The key at {name} could not be retrieved just now; checking again may work."),
        "key_revoked" => {
            format!("{d} has revoked this key (its record at {name} is empty), so the signature no longer counts.")
        }
        "weak_key" => {
            let bits = r.key.as_ref().map_or(0, |k| k.bits);
            let matched = if r.signature_valid == Some(true) {
                "The signature matches it, but"
            } else {
                "The signature does not even match it, and"
            };
            format!(
                "The key at {name} is only {bits} bits: anyone can factor it and sign as {d}. {matched} a signature \
with such a key proves nothing."
            )
        }
        code if code.starts_with("key_") || code == "bad_key" => {
            format!("The key for {name} cannot be used for this DomainKeys signature: {detail}.")
        }
        _ => format!("The DomainKeys signature is malformed or unsupported, so it cannot be checked: {detail}."),
    }
}

/// Words the ARC chain's result and each of its sets.
pub fn fill_arc_text(a: &mut ArcReport) {
    a.explanation = arc(a);
    for set in &mut a.sets {
        set.summary = arc_set(set);
    }
    for c in &mut a.corroborations {
        c.text = corroboration(c);
    }
}

/// What a validated ARC chain says of a signature that fails here: reported valid on the way,
/// then changed. Never "verified".
pub fn corroboration(c: &Corroboration) -> String {
    let sealer = c.sealer.as_deref().unwrap_or("an intermediary");
    let kind = if c.mechanism == "domainkeys" { "DomainKeys signature" } else { "signature" };
    let server = if c.authserv_id.is_empty() { String::new() } else { format!(" (its server {})", c.authserv_id) };
    let change = if c.changed_by_this_hop {
        format!("{sealer} then changed the message before passing it on")
    } else {
        format!("the message was changed after {sealer} passed it on")
    };
    format!(
        "When {sealer} received this message{server}, it reported a valid {kind} by {}; {change}, so the \
signature no longer verifies here. That is {sealer}'s word, recorded in an ARC chain that verifies, not a \
verification made here.",
        c.domain
    )
}

/// Words a receiving server's Authentication-Results field.
pub fn fill_claim_text(c: &mut ServerClaim) {
    c.text = claim(c);
}

/// One plain sentence for an Authentication-Results field.
pub fn claim(c: &ServerClaim) -> String {
    let server = if c.results.authserv_id.is_empty() { "A receiving server" } else { c.results.authserv_id.as_str() };
    let said = if c.results.results.is_empty() {
        "recorded no results".to_string()
    } else {
        format!("said: {}", results_phrase(&c.results.results))
    };
    match &c.sealed_by {
        Some(sealer) => format!(
            "The receiving server {server} {said}. The same record is sealed in the ARC chain by {sealer}, whose \
seal verifies: {sealer} vouches that its server said this. It is still that server's word, not a \
verification made here."
        ),
        None => format!(
            "The receiving server {server} {said}. Anyone who handled the message later could have added or \
changed this header field, so it is a claim, not a verification."
        ),
    }
}

/// What ARC proves, in one sentence, said with every ARC result.
const ARC_SCOPE: &str = "ARC shows which intermediaries (mailing lists, forwarders) handled the message and what \
their servers recorded when it arrived; what they recorded is their word, not a verification made here, and it \
does not show that the original sender signed the message.";

/// The plain sentences for an ARC chain's result.
pub fn arc(a: &ArcReport) -> String {
    let detail = a.detail.as_deref().unwrap_or("");
    let hop = |i: Option<u32>| {
        i.and_then(|i| a.sets.iter().find(|s| s.instance == i))
            .and_then(|s| s.sealer.clone())
            .map_or_else(|| format!("hop {}", i.unwrap_or(0)), |d| format!("{d} (hop {})", i.unwrap_or(0)))
    };
    let text = match (a.result, a.category) {
        (Verdict::None, _) => return String::new(),
        (Verdict::Pass, _) => {
            let sealers: Vec<String> = a.sets.iter().filter_map(|s| s.sealer.clone()).collect();
            let they = if sealers.len() == 1 { "it" } else { "they" };
            let mut t = format!(
                "The ARC chain is intact: {} sealed the message as {they} passed it on, and nothing {they} sealed has \
changed since.",
                join_words(&sealers)
            );
            if a.oldest_pass.is_some_and(|o| o > 0) {
                t.push_str(&format!(
                    " The message was changed on the way: only the signatures from hop {} on still match it.",
                    a.oldest_pass.unwrap_or(0)
                ));
            }
            t
        }
        (Verdict::Neutral, _) => {
            format!("The ARC chain cannot be checked here: {detail}. Add that key's DNS record to check it.")
        }
        (Verdict::Temperror, _) => format!("The ARC chain could not be checked just now: {detail}."),
        (_, Some(ArcStep::Cv)) if a.reason == "chain_marked_failed" => format!(
            "The last intermediary, {}, recorded that the ARC chain was already broken when the message reached it \
(cv=fail), so the chain's records cannot be relied on.",
            hop(a.failed_instance)
        ),
        (_, Some(ArcStep::AmsBody)) => format!(
            "The ARC chain does not validate: the body was changed after {} sealed the message.",
            hop(a.failed_instance)
        ),
        (_, Some(ArcStep::AmsHeader)) => format!(
            "The ARC chain does not validate: the message signature added by {} does not verify ({detail}).",
            hop(a.failed_instance)
        ),
        (_, Some(ArcStep::Seal)) => format!(
            "The ARC chain does not validate: the seal of {} does not verify ({detail}).",
            hop(a.failed_instance)
        ),
        (_, Some(ArcStep::Key)) => {
            format!("The ARC chain does not validate: a key it needs is missing or unusable ({detail}).")
        }
        _ => format!("The ARC chain is malformed ({detail}), so its records cannot be relied on."),
    };
    format!("{text} {ARC_SCOPE}")
}

/// One plain sentence about one ARC set.
pub fn arc_set(s: &ArcSetReport) -> String {
    let who = s.sealer.as_deref().unwrap_or("an unnamed intermediary");
    let mut t = format!("Hop {}: {who}", s.instance);
    t.push_str(match s.seal_valid {
        Some(true) => " sealed the message (the seal verifies).",
        Some(false) => " claims to have sealed the message, but the seal does not verify.",
        None => " is named as the sealer (not checked).",
    });
    if let Some(ar) = &s.authentication_results {
        let server = if ar.authserv_id.is_empty() { "its server" } else { ar.authserv_id.as_str() };
        if ar.results.is_empty() {
            t.push_str(&format!(" On receipt, {server} recorded no results."));
        } else {
            t.push_str(&format!(" On receipt, {server} recorded: {}.", results_phrase(&ar.results)));
        }
    }
    t
}

/// `DKIM pass (gmail.com), SPF pass, DMARC pass`: recorded results in a few words.
pub fn results_phrase(results: &[AuthResult]) -> String {
    results
        .iter()
        .map(|r| {
            let method = match r.method.as_str() {
                "domainkeys" => "DomainKeys".to_string(),
                m => m.to_uppercase(),
            };
            match r.signing_domain().filter(|_| r.method == "dkim" || r.method == "domainkeys") {
                Some(d) => format!("{method} {} ({d})", r.result),
                None => format!("{method} {}", r.result),
            }
        })
        .collect::<Vec<String>>()
        .join(", ")
}

fn join_words(items: &[String]) -> String {
    match items {
        [] => "the intermediaries".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, then {last}", rest.join(", then ")),
    }
}

/// The headline of a message whose deciding signature is a DomainKeys one: verified only by
/// DomainKeys is a weaker kind of verified, and the headline says so.
fn domainkeys_headline(r: &MessageReport, a: &Assessment, k: &DomainKeyReport) -> Headline {
    let d = k.domain.as_deref().unwrap_or("an unknown domain");
    let plain = |main: String| Headline { main, caveats: Vec::new() };
    let dkim = if r.signatures.is_empty() { "No DKIM signature." } else { "No DKIM signature verifies." };
    match a.status {
        Status::Verified => {
            let main = format!(
                "Signed by {d} with DomainKeys only, the older mechanism that DKIM replaced: nothing in the signed \
parts has changed since, but this is a weaker kind of verified (SHA-1, one signature over headers and body, \
and a method that may ignore spaces)."
            );
            let on_behalf = k.sending_address.as_ref().map(|s| format!("{s} (its sending address)"));
            Headline { main, caveats: verified_caveats(r, a, on_behalf, k.key.as_ref(), 0) }
        }
        Status::ProvesNothing if a.has(Caveat::CompromisedKey) => plain(format!(
            "{dkim} The DomainKeys signature matches a key of {d} whose private half is public: it proves nothing."
        )),
        Status::ProvesNothing => plain(format!(
            "{dkim} The DomainKeys signature matches a {}-bit key of {d}, which anyone can factor: it proves nothing.",
            k.key.as_ref().map_or(0, |k| k.bits)
        )),
        Status::Failed => plain(format!(
            "{dkim} A DomainKeys signature claims to be from {d}, but it does not verify: the message was changed \
after signing, or the signature was not made with {d}'s key."
        )),
        Status::NoKey => match (&k.selector, &k.domain) {
            (Some(sel), Some(dom)) if k.result == Verdict::Neutral => plain(format!(
                "{dkim} No public key for the DomainKeys signature ({sel}._domainkey.{dom}) is known here: paste its \
DNS record to check it."
            )),
            _ => plain(format!("{dkim} The DomainKeys signature could not be checked. {}", k.explanation)),
        },
        _ => plain(format!("{dkim} The DomainKeys signature could not be verified. {}", k.explanation)),
    }
}

/// For a header signature that fails, what its `z=` copy says changed.
pub fn copied_headers(s: &SignatureReport) -> Option<String> {
    if s.copied_headers.is_empty() || s.header_signature_valid != Some(false) {
        return None;
    }
    let changes: Vec<String> = s
        .copied_headers
        .iter()
        .filter(|c| c.changed)
        .map(|c| match &c.now {
            Some(now) => format!(
                "{} was \u{201c}{}\u{201d} when signed, now \u{201c}{now}\u{201d}",
                display_name(&c.name.to_ascii_lowercase()),
                c.when_signed
            ),
            None => format!(
                "{} was \u{201c}{}\u{201d} when signed and is now missing",
                display_name(&c.name.to_ascii_lowercase()),
                c.when_signed
            ),
        })
        .collect();
    Some(if changes.is_empty() {
        "The signature's copy of the header fields as signed (z=) matches them as they are now: the change is \
in something it did not copy, or the signature was not made with this key."
            .to_string()
    } else {
        format!(
            "By the copy of the header fields the signature carries (z=), {}. That copy is part of the signature \
that fails, so it is a hint, not proof.",
            changes.join("; ")
        )
    })
}

/// Why a message was not checked: a budget against hostile input was hit.
pub fn not_checked(exceeded: &Exceeded) -> String {
    format!("This message is not checked: {exceeded}.")
}

/// Note when a message's body and attachments are not shown: a budget was hit.
pub fn body_not_shown(exceeded: &Exceeded) -> String {
    format!("The body and attachments are not shown: {exceeded}. The signatures are checked all the same.")
}

/// The heading of the CLI's list of keys needed (`--missing-keys`).
pub fn keys_needed_heading(n: usize) -> String {
    if n == 0 {
        return "Keys needed: none (every signature found a key).".to_string();
    }
    format!(
        "Keys needed: no key is known for these {n} name(s). Each must be the key published when the messages \
were sent (DNS today may hold a newer one): look in archives of DNS records, the domain's old zone files or \
the senders' own records, then add it with --keys.\n    messages  first       last        name"
    )
}

/// One line of the CLI's list of keys needed.
pub fn key_needed_line(k: &super::KeyNeeded) -> String {
    format!(
        "    {:>8}  {:<10}  {:<10}  {}",
        k.count,
        k.first.as_deref().unwrap_or("-"),
        k.last.as_deref().unwrap_or("-"),
        k.missing_key
    )
}

/// A file found in a zip or a folder that is not a message, skipped.
pub fn skipped_not_message(source: &str) -> String {
    format!("skipped {source}: not an email message (a file that is not a message is never checked nor read as keys)")
}
