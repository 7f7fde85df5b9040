//! Plain-language wording of verdicts and warnings, for people who are not DKIM experts.
//! Wording never overstates: a pass says which domain signed and which parts are covered,
//! not who wrote the message or whether it is true.

use super::{
    ArcReport, ArcSetReport, ArcStep, Corroboration, DomainKeyReport, KeyUsed, MessageReport, ServerClaim,
    SignatureReport, Verdict, WarningKind, aligned,
};
use crate::arc::auth_results::AuthResult;

/// Warning text for rsa-sha1.
pub const SHA1: &str = "This signature uses SHA-1, which RFC 8301 forbids for DKIM: SHA-1 collisions can be \
manufactured, so this signature is weaker evidence than a SHA-256 one.";
/// Warning text for a compromised key.
pub const COMPROMISED: &str = "The private half of this key is public (it was published or factored), so anyone \
could have made this signature: it proves nothing about who sent the message.";
/// Warning text for a key rebuilt from signatures.
pub const RECOVERED: &str = "This key was rebuilt from signatures, not read from DNS: it is very likely the \
domain's key, but no copy of the published record was found.";
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
        WarningKind::WeakKey { bits } => weak_key(*bits),
        WarningKind::CompromisedKey => COMPROMISED.to_string(),
        WarningKind::RecoveredKey => RECOVERED.to_string(),
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
    let mut text = match s.reason {
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
        if let Some(t) = domainkeys_summary(r) {
            return t;
        }
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
            let mut t = format!(
                "The ARC chain is intact: {} sealed the message as {} passed it on, and nothing they sealed has \
changed since.",
                join_words(&sealers),
                if sealers.len() == 1 { "it" } else { "they" }
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

/// The banner sentence for a message whose only signatures are DomainKeys ones.
fn domainkeys_summary(r: &MessageReport) -> Option<String> {
    let best = r.domainkeys.iter().min_by_key(|k| k.result.rank())?;
    let d = best.domain.as_deref().unwrap_or("an unknown domain");
    Some(match best.result {
        Verdict::Pass if best.key.as_ref().is_some_and(|k| k.compromised()) => format!(
            "Only a DomainKeys signature, and it matches a key of {d} whose private half is public: it proves nothing."
        ),
        Verdict::Pass => {
            let mut t = format!(
                "Signed by {d} with DomainKeys only, the older mechanism DKIM replaced: nothing in the signed parts has changed since, but SHA-1 and DomainKeys make this weaker evidence than a DKIM signature."
            );
            if best.key.as_ref().is_some_and(|k| k.short()) {
                t.push_str(&format!(
                    " The key is only {} bits and can be factored cheaply.",
                    best.key.as_ref().map_or(0, |k| k.bits)
                ));
            }
            t
        }
        Verdict::Fail => format!(
            "No DKIM signature. A DomainKeys signature claims to be from {d}, but it does not verify: the message \
was changed after signing, or the signature was not made with {d}'s key."
        ),
        Verdict::Neutral => format!(
            "No DKIM signature. A DomainKeys signature from {d} cannot be checked here: no key for it is known. {}",
            best.explanation
        ),
        _ => format!("No DKIM signature, and the DomainKeys signature could not be verified. {}", best.explanation),
    })
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
