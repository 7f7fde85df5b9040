//! Plain-language wording of verdicts and warnings, for people who are not DKIM experts.
//! Wording never overstates: a pass says which domain signed and which parts are covered,
//! not who wrote the message or whether it is true.

use super::{KeyUsed, MessageReport, SignatureReport, Verdict, WarningKind, aligned};

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
pub const TESTING: &str = "The domain marked this key as being in testing mode (t=y), so it asked verifiers not to \
rely on its signatures.";
/// Warning text for a body that matched after undoing mbox quoting.
pub const MBOX_QUOTING: &str = "The body matches the signature once the mbox quoting is undone: lines that began \
with \"From \" were stored as \">From \" when the message was put in an mbox file. The signed text has no \">\" there.";
/// Warning text for a timestamp in the future.
pub const FUTURE: &str =
    "The signature claims to have been made in the future (t= is later than the time of the check).";

/// Warning text for an RSA key under 1024 bits.
pub fn weak_key(bits: u32) -> String {
    format!(
        "The key is only {bits} bits. Keys this short can be factored with rented computers in days for little \
money, after which anyone can sign as this domain: the signature is weak evidence."
    )
}

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

/// Words a signature's result and warnings: fills `explanation` and each warning's `text`.
pub fn fill_signature_text(s: &mut SignatureReport) {
    s.explanation = signature(s);
    let key = s.key.clone();
    for w in &mut s.warnings {
        w.text = warning(&w.kind, key.as_ref());
    }
}

/// The sentence for a warning (`key`: the key the signature was checked with, if any).
pub fn warning(kind: &WarningKind, key: Option<&KeyUsed>) -> String {
    match kind {
        WarningKind::Sha1 => SHA1.to_string(),
        WarningKind::WeakKey { bits } => weak_key(*bits),
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
    }
}

/// One plain sentence (or two) for a signature's result.
pub fn signature(s: &SignatureReport) -> String {
    let d = s.domain.as_deref().unwrap_or("an unknown domain");
    let name = match (&s.selector, &s.domain) {
        (Some(sel), Some(dom)) => format!("{sel}._domainkey.{dom}"),
        _ => "its key".to_string(),
    };
    let detail = s.detail.as_deref().unwrap_or("");
    let recovered_here = s.key.as_ref().and_then(|k| k.provenance.recovered_from_messages);
    let mut text = match s.reason {
        "verified" if recovered_here.is_some() => consistent(recovered_here.unwrap_or(0)),
        "body_changed" if recovered_here.is_some() => format!(
            "The signed headers match one key recovered from {} of these messages (a key not known from any public \
source), but the body was changed after signing.",
            recovered_here.unwrap_or(0)
        ),
        "verified" if s.key.as_ref().is_some_and(|k| k.compromised()) => {
            format!(
                "The signature matches {d}'s key, but that key's private half is public, so anyone could have \
made it: it proves nothing about who sent this message."
            )
        }
        "verified" => {
            let mut t = format!("Verified: {d} signed this message, and nothing it signed has changed since.");
            if let Some(k) = &s.key {
                t.push_str(&format!(" Checked with {}", key_phrase(k)));
                t.push('.');
            }
            t
        }
        "body_changed" if s.key.as_ref().is_some_and(|k| k.compromised()) => {
            format!(
                "The body was changed after signing; the signed headers match {d}'s key, but that key's private half is \
public, so they prove nothing."
            )
        }
        "body_changed" => format!("The body was changed after {d} signed the message; the signed headers are intact."),
        "headers_changed" => format!(
            "The signature claiming {d} does not verify with the key known here for {name}: a signed \
header (such as From, Subject or Date) was changed after signing, or the signature was not made with \
that key. Nothing here shows that {d} signed this message."
        ),
        "body_and_headers_changed" => format!(
            "The signature claiming {d} does not verify, and the body does not match it either: the \
message was changed after signing, or the signature was never made with the key known here for {name}. \
Nothing here shows that {d} signed this message."
        ),
        "no_key" if s.result == Verdict::Neutral => format!(
            "No public key for {name} is known here, so this signature cannot be checked. Paste the key's DNS record \
to check it."
        ),
        "no_key" => format!("No key is published at {name}, so this signature cannot be verified."),
        "key_lookup_failed" => format!("The key at {name} could not be retrieved just now; checking again may work."),
        "key_revoked" => {
            format!("{d} has revoked this key (its record at {name} is empty), so the signature no longer counts.")
        }
        "expired" => {
            let mut t = format!("The signature has expired: {detail}.");
            match s.valid_at_message_date {
                Some(true) => t.push_str(" It verifies, and it had not yet expired at the message's Date."),
                Some(false) if s.header_signature_valid == Some(true) && s.body_hash_matches == Some(true) => {
                    t.push_str(" It verifies, but it had already expired at the message's Date.")
                }
                Some(false) => t.push_str(" It does not verify either."),
                None => {}
            }
            t
        }
        code if code.starts_with("key_") || code == "bad_key" => {
            format!("The key for {name} cannot be used for this signature: {detail}.")
        }
        _ => format!("The signature is malformed or unsupported, so it cannot be checked: {detail}."),
    };
    if s.result == Verdict::Pass
        && let Some(k) = &s.key
        && k.key_type == "rsa"
        && k.bits < 1024
        && !k.compromised()
    {
        text.push_str(" But the key is short enough to be factored cheaply, so this is weak evidence.");
    }
    text
}

fn key_phrase(k: &KeyUsed) -> String {
    let kind = if k.key_type == "ed25519" { "Ed25519".to_string() } else { format!("{}-bit RSA", k.bits) };
    let origin = &k.provenance.origin;
    let from = match origin.as_str() {
        "bundled archive" => "from dkimcheck's bundled key archive".to_string(),
        "added by you" => "that you added".to_string(),
        other => format!("from {other}"),
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

/// The banner sentence for a message.
pub fn message_summary(r: &MessageReport) -> String {
    if let Some(e) = &r.error {
        return e.clone();
    }
    if r.signatures.is_empty() {
        return "This message has no DKIM signature, so nothing can be verified about where it came from.".to_string();
    }
    let from = r.from_domain.as_deref();
    let aligned_pass = r
        .signatures
        .iter()
        .filter(|s| s.result == Verdict::Pass)
        .find(|s| matches!((s.domain.as_deref(), from), (Some(d), Some(f)) if aligned(d, f)));
    let best = aligned_pass.or_else(|| r.signatures.iter().find(|s| s.result == r.verdict)).unwrap_or(&r.signatures[0]);
    let d = best.domain.as_deref().unwrap_or("an unknown domain");
    match best.result {
        Verdict::Pass => {
            let key = best.key.as_ref();
            if let Some(n) = key.and_then(|k| k.provenance.recovered_from_messages) {
                return format!("{} Nothing shows that {d} signed it.", consistent(n));
            }
            if key.is_some_and(|k| k.compromised()) {
                return format!(
                    "The signature matches a key of {d}, but that key's private half is public: anyone could have \
made this signature, so it proves nothing."
                );
            }
            let mut t = format!("Signed by {d}. Nothing in the signed parts has changed since.");
            if key.is_some_and(|k| k.short()) {
                t = format!(
                    "Signed with {d}'s key, but that key is only {} bits and can be factored cheaply: weak evidence.",
                    key.map_or(0, |k| k.bits)
                );
            }
            if best.body_unsigned_bytes > 0 {
                t.push_str(" Part of the body is not covered by the signature.");
            }
            if let (Some(f), false) = (from, aligned_pass.is_some()) {
                t.push_str(&format!(" The From address is at {f}, a different domain."));
            }
            t
        }
        Verdict::Fail => match best.reason {
            "body_changed" if best.key.as_ref().is_some_and(|k| k.provenance.recovered_from_messages.is_some()) => {
                "The signed headers match a key recovered from these messages (not known from any public source), and \
the body was changed after signing."
                    .to_string()
            }
            "body_changed" if best.key.as_ref().is_some_and(|k| k.compromised()) => {
                format!(
                    "The headers match a key of {d} whose private half is public (so they prove nothing), and the \
body was changed after signing."
                )
            }
            "body_changed" => format!("Signed by {d}, but the body was changed after signing."),
            _ => format!(
                "A signature claims to be from {d}, but it does not verify: the message was changed after signing, \
or the signature was not made with {d}'s key."
            ),
        },
        Verdict::Neutral => match (&best.selector, &best.domain) {
            (Some(sel), Some(dom)) => {
                format!("No public key for {sel}._domainkey.{dom} is known here: paste its DNS record to check it.")
            }
            _ => "The signature could not be checked here.".to_string(),
        },
        _ => format!("The signature could not be verified. {}", best.explanation),
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
