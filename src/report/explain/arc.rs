//! An ARC chain in words: its result, each set, what it corroborates, and receiving servers' Authentication-Results.

use super::phrasing::sentences;
use crate::arc::auth_results::AuthResult;
use crate::l10n::Phrase;
use crate::report::{ArcReport, ArcSetReport, ArcStep, Corroboration, ServerClaim, Verdict};

/// Words the ARC chain's result and each of its sets.
pub fn fill_arc_text(a: &mut ArcReport) {
    a.explanation = arc(a);
    for set in &mut a.sets {
        set.summary = arc_set(set);
    }
    for c in &mut a.corroborations {
        c.explanation = corroboration(c);
    }
}

/// What a validated ARC chain says of a signature that fails here: reported valid on the way,
/// then changed. Never "verified".
pub fn corroboration(c: &Corroboration) -> Phrase {
    let p = match &c.sealer {
        Some(s) => Phrase::new("arc-corroboration").arg("sealer", s.as_str()),
        None => Phrase::new("arc-corroboration").phrase("sealer", Phrase::new("arc-an-intermediary")),
    };
    p.arg("server", c.authserv_id.as_str())
        .arg("has_server", if c.authserv_id.is_empty() { "no" } else { "yes" })
        .arg("kind", if c.mechanism == "domainkeys" { "domainkeys" } else { "dkim" })
        .arg("changed", if c.changed_by_this_hop { "hop" } else { "after" })
        .arg("domain", c.domain.as_str())
}

/// Words a receiving server's Authentication-Results field.
pub fn fill_claim_text(c: &mut ServerClaim) {
    c.explanation = claim(c);
}

/// One plain sentence for an Authentication-Results field.
pub fn claim(c: &ServerClaim) -> Phrase {
    let id = match (&c.sealed_by, c.results.authserv_id.is_empty()) {
        (Some(_), false) => "arc-claim-sealed",
        (Some(_), true) => "arc-claim-sealed-anonymous",
        (None, false) => "arc-claim",
        (None, true) => "arc-claim-anonymous",
    };
    Phrase::new(id)
        .arg("server", c.results.authserv_id.as_str())
        .arg("sealer", c.sealed_by.clone().unwrap_or_default())
        .arg("said", if c.results.results.is_empty() { "none" } else { "some" })
        .arg("results", results_phrase(&c.results.results))
}

/// The plain sentences for an ARC chain's result, then what ARC proves.
pub fn arc(a: &ArcReport) -> Phrase {
    let detail = || a.detail.clone().unwrap_or_default();
    let hop = |i: Option<u32>| {
        let n = i.unwrap_or(0).to_string();
        match i.and_then(|i| a.sets.iter().find(|s| s.instance == i)).and_then(|s| s.sealer.clone()) {
            Some(d) => Phrase::new("arc-hop-named").arg("sealer", d).arg("n", n),
            None => Phrase::new("arc-hop").arg("n", n),
        }
    };
    let text = match (a.result, a.category) {
        (Verdict::None, _) => return Phrase::default(),
        (Verdict::Pass, _) => {
            let sealers: Vec<String> = a.sets.iter().filter_map(|s| s.sealer.clone()).collect();
            let list = sealers
                .iter()
                .map(|d| Phrase::new("arc-sealer").arg("domain", d.as_str()))
                .reduce(|list, item| Phrase::new("arc-sealers-then").phrase("list", list).phrase("item", item));
            let pass = Phrase::new("arc-pass")
                .phrase("sealers", list.unwrap_or_else(|| Phrase::new("arc-sealers-none")))
                .number("count", sealers.len());
            match a.oldest_pass.filter(|&o| o > 0) {
                Some(o) => sentences([pass, Phrase::new("arc-changed-on-the-way").arg("n", o.to_string())]),
                None => pass,
            }
        }
        (Verdict::Neutral, _) => Phrase::new("arc-neutral").phrase("detail", detail()),
        (Verdict::Temperror, _) => Phrase::new("arc-temperror").phrase("detail", detail()),
        (_, Some(ArcStep::Cv)) if a.reason == "chain_marked_failed" => {
            Phrase::new("arc-cv-fail").phrase("hop", hop(a.failed_instance))
        }
        (_, Some(ArcStep::AmsBody)) => Phrase::new("arc-ams-body").phrase("hop", hop(a.failed_instance)),
        (_, Some(ArcStep::AmsHeader)) => {
            Phrase::new("arc-ams-header").phrase("hop", hop(a.failed_instance)).phrase("detail", detail())
        }
        (_, Some(ArcStep::Seal)) => {
            Phrase::new("arc-seal-fails").phrase("hop", hop(a.failed_instance)).phrase("detail", detail())
        }
        (_, Some(ArcStep::Key)) => Phrase::new("arc-key").phrase("detail", detail()),
        _ => Phrase::new("arc-malformed").phrase("detail", detail()),
    };
    sentences([text, Phrase::new("arc-scope")])
}

/// One plain sentence about one ARC set.
pub fn arc_set(s: &ArcSetReport) -> Phrase {
    let id = match s.seal_valid {
        Some(true) => "arc-set-sealed",
        Some(false) => "arc-set-seal-fails",
        None => "arc-set-named",
    };
    let who = match &s.sealer {
        Some(d) => Phrase::new(id).arg("who", d.as_str()),
        None => Phrase::new(id).phrase("who", Phrase::new("arc-an-unnamed-intermediary")),
    };
    let hop = who.arg("n", s.instance.to_string());
    let Some(ar) = &s.authentication_results else { return hop };
    let recorded = match ar.authserv_id.is_empty() {
        true => Phrase::new("arc-set-recorded").phrase("server", Phrase::new("arc-its-server")),
        false => Phrase::new("arc-set-recorded").arg("server", ar.authserv_id.as_str()),
    };
    let recorded = recorded
        .arg("said", if ar.results.is_empty() { "none" } else { "some" })
        .arg("results", results_phrase(&ar.results));
    sentences([hop, recorded])
}

/// `DKIM pass (gmail.com), SPF pass, DMARC pass`: recorded results in a few words (RFC 8601
/// method and result names, the same in every language).
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
