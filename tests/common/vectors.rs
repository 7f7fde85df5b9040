//! The vector harness shared by the native test (files on disk) and the wasm test (files
//! embedded by build.rs): runs every case of every cases.json and returns the mismatches.

#![allow(dead_code)]

use dkimcheck::keys::KeyStore;
use dkimcheck::message::input;
use dkimcheck::report::{Category, MessageReport, Row, Status, Verdict};
use dkimcheck::verify::{Options, verify_message};
use serde_json::Value;

/// Cases where this verifier gives one of the results the expectation itself lists in `alt`.
/// (case id, signature index, our result, why it is acceptable)
pub const ACCEPTED: &[(&str, usize, &str, &str)] = &[(
    "bad_1878954.txt",
    0,
    "fail",
    "LF-only file: dkimcheck checks LF-only files as CRLF (as they were sent), so the signature is \
     evaluated and fails; the strict raw-bytes reading is permerror. cases.json lists fail in alt.",
)];

/// Why an RSA key under 1024 bits makes a vector's `pass` a `permerror` here.
pub const RFC8301: &str = "RFC 8301 §3.2 (which updates RFC 6376): \"Verifiers MUST NOT consider signatures using \
RSA keys of less than 1024 bits as valid signatures.\" The vectors follow RFC 6376 alone, where these 512-bit \
signatures pass; dkimcheck reports permerror weak_key, the arithmetic still checked (it matches: assessment \
proves_nothing).";

/// True when a vector expects a pass whose key is an RSA key under 1024 bits.
fn short_key_pass(want: &Value) -> bool {
    let reason = want["weak_reason"].as_str().unwrap_or("");
    want["result"] == "pass" && (reason.contains("rsa-512") || reason.contains("rsa-768"))
}

/// Totals of a run.
#[derive(Debug, Default)]
pub struct Outcome {
    pub checked: usize,
    pub checked_domainkeys: usize,
    pub checked_arc: usize,
    pub accepted: Vec<String>,
    pub failures: Vec<String>,
    /// One line per signature: `source/id#i result reason`, to compare native with wasm.
    pub verdicts: Vec<String>,
}

fn why_of(category: Option<Category>) -> Option<&'static str> {
    category.map(|c| match c {
        Category::Syntax => "syntax",
        Category::Expired => "expired",
        Category::Dns => "dns",
        Category::Key => "key",
        Category::Body => "body",
        Category::Header => "header",
    })
}

/// Runs every case. `read(path)` returns a file's bytes, paths relative to tests/vectors;
/// `sources` lists the source folders; `now` is the time for cases without one.
pub fn run(sources: &[String], read: &dyn Fn(&str) -> Option<Vec<u8>>, now: u64) -> Outcome {
    let mut o = Outcome::default();
    for source in sources {
        let Some(cases) = read(&format!("{source}/cases.json")) else { continue };
        let cases: Vec<Value> = serde_json::from_slice(&cases).expect("cases.json");
        for case in cases {
            let id = case["id"].as_str().unwrap_or("?");
            let Some(mut raw) = read(&format!("{source}/{}", case["file"].as_str().unwrap_or(""))) else {
                o.failures.push(format!("{source}/{id}: message file missing"));
                continue;
            };
            raw.drain(..(case["offset"].as_u64().unwrap_or(0) as usize).min(raw.len()));
            if case["crlf"].as_bool().unwrap_or(false) {
                raw = input::lf_to_crlf(&raw);
            }
            let mut keys = KeyStore::new();
            keys.set_authoritative(true);
            let zone = read(&format!("{source}/{}", case["keys"].as_str().unwrap_or(""))).unwrap_or_default();
            let (_, errors) = keys.add_zone(&String::from_utf8_lossy(&zone), "vectors");
            if !errors.is_empty() {
                o.failures.push(format!("{source}: zone errors {errors:?}"));
            }
            if let Some(fails) = case["dns_fail"].as_object() {
                for (name, why) in fails {
                    keys.set_temp_failure(name, why.as_str().unwrap_or("failure"));
                }
            }
            let at = case["time"].as_u64().unwrap_or(now);
            let report = verify_message(&raw, &keys, &Options::at(at));
            check_brief(&mut o, source, id, &raw, &keys, at, &report);
            let expect = case["expect"].as_array().cloned().unwrap_or_default();
            if report.signatures.len() != expect.len() {
                o.failures.push(format!(
                    "{source}/{id}: {} signatures, expected {}",
                    report.signatures.len(),
                    expect.len()
                ));
                continue;
            }
            if expect.is_empty() && report.verdict != Verdict::None {
                o.failures.push(format!("{source}/{id}: verdict {}, expected none", report.verdict));
            }
            check_domainkeys(&mut o, source, id, &case, &report);
            check_arc(&mut o, source, id, &case, &report);
            for (i, (want, got)) in expect.iter().zip(&report.signatures).enumerate() {
                o.checked += 1;
                o.verdicts.push(format!("{source}/{id}#{i} {} {}", got.result, got.reason));
                let want_result = want["result"].as_str().unwrap_or("");
                let want_why = want["why"].as_str();
                let got_result = got.result.as_str();
                if want_result == "neutral" {
                    continue;
                }
                if let Some((_, _, ours, reason)) =
                    ACCEPTED.iter().find(|(cid, idx, ours, _)| *cid == id && *idx == i && *ours == got_result)
                {
                    let alt = want["alt"].as_array().is_some_and(|a| a.iter().any(|v| v == ours));
                    if alt {
                        o.accepted.push(format!("{source}/{id}#{i}: {ours} instead of {want_result}: {reason}"));
                    } else {
                        o.failures.push(format!("{source}/{id}#{i}: accepted difference {ours} is not in alt"));
                    }
                    continue;
                }
                if short_key_pass(want) {
                    let matched = got.header_signature_valid == Some(true) && got.body_hash_matches == Some(true);
                    let status = got.assessment.status;
                    if (got.result, got.reason, matched, status)
                        == (Verdict::Permerror, "weak_key", true, Status::ProvesNothing)
                    {
                        o.accepted
                            .push(format!("{source}/{id}#{i}: permerror weak_key instead of pass (RFC 8301 §3.2)"));
                    } else {
                        o.failures.push(format!(
                            "{source}/{id}#{i}: short RSA key: got {got_result} {} (arithmetic matched: {matched}, \
                             {status}), expected permerror weak_key, matched, proves_nothing",
                            got.reason
                        ));
                    }
                    continue;
                }
                let got_why = why_of(got.category);
                if got_result != want_result || (want_why.is_some() && got_why != want_why) {
                    o.failures.push(format!(
                        "{source}/{id}#{i} {}/{}: got {got_result}:{got_why:?} ({}: {:?}), expected {want_result}:{want_why:?}",
                        got.domain.as_deref().unwrap_or("?"),
                        got.selector.as_deref().unwrap_or("?"),
                        got.reason,
                        got.detail
                    ));
                }
                if want.get("weak").is_some() && got.result == Verdict::Pass {
                    let codes: Vec<&str> = got.warnings.iter().map(|w| w.code).collect();
                    let reason = want["weak_reason"].as_str().unwrap_or("");
                    let needs = |part: &str| if part == "rsa-sha1" { "sha1" } else { "weak_key" };
                    if reason.split('+').any(|part| !codes.contains(&needs(part))) {
                        o.failures.push(format!("{source}/{id}#{i}: weak ({reason}) but warnings are {codes:?}"));
                    }
                }
            }
        }
    }
    o
}

/// The `domainkeys` entries of a case: one per DomainKey-Signature, result and step compared
/// (`neutral` skipped), weak keys flagged. Without the field the message must have no
/// DomainKeys result other than what it gets (nothing is compared).
fn check_domainkeys(o: &mut Outcome, source: &str, id: &str, case: &Value, report: &MessageReport) {
    let Some(expect) = case["domainkeys"].as_array() else { return };
    if report.domainkeys.len() != expect.len() {
        o.failures.push(format!(
            "{source}/{id}: {} DomainKey-Signatures, expected {}",
            report.domainkeys.len(),
            expect.len()
        ));
        return;
    }
    for (i, (want, got)) in expect.iter().zip(&report.domainkeys).enumerate() {
        o.checked_domainkeys += 1;
        o.verdicts.push(format!("{source}/{id}#dk{i} {} {}", got.result, got.reason));
        let want_result = want["result"].as_str().unwrap_or("");
        if want_result == "neutral" {
            continue;
        }
        if want.get("weak").is_some() {
            // RSA under 1024 bits: as for DKIM (RFC8301), permerror weak_key, the signature still
            // checked; a pass is then proves_nothing, a fail failed.
            let matched = want_result == "pass";
            let status = if matched { Status::ProvesNothing } else { Status::Failed };
            if (got.result, got.reason, got.signature_valid, got.assessment.status)
                == (Verdict::Permerror, "weak_key", Some(matched), status)
            {
                o.accepted.push(format!(
                    "{source}/{id}#dk{i}: permerror weak_key instead of {want_result} (short RSA key, as RFC 8301 §3.2 \
                     for DKIM)"
                ));
            } else {
                o.failures.push(format!(
                    "{source}/{id}#dk{i}: short RSA key: got {} {} (matched: {:?}, {}), expected permerror weak_key, \
                     matched {matched}, {status}",
                    got.result, got.reason, got.signature_valid, got.assessment.status
                ));
            }
            continue;
        }
        let want_why = want["why"].as_str();
        let got_why = got.category.map(|c| serde_json::to_value(c).ok().and_then(|v| v.as_str().map(str::to_string)));
        let got_why = got_why.flatten();
        if got.result.as_str() != want_result || want_why != got_why.as_deref() {
            o.failures.push(format!(
                "{source}/{id}#dk{i} {}/{}: got {}:{got_why:?} ({}: {:?}), expected {want_result}:{want_why:?}",
                got.domain.as_deref().unwrap_or("?"),
                got.selector.as_deref().unwrap_or("?"),
                got.result,
                got.reason,
                got.detail
            ));
        }
    }
}

/// The `arc` verdict of a case: result (or one of `alt`, listed in ACCEPTED_ARC), instances, and
/// for failures the step and instance; `oldest_pass` for passes.
fn check_arc(o: &mut Outcome, source: &str, id: &str, case: &Value, report: &MessageReport) {
    let Some(want) = case.get("arc").filter(|a| a.is_object()) else { return };
    let got = &report.arc;
    o.checked_arc += 1;
    o.verdicts.push(format!(
        "{source}/{id}#arc {} {} {}",
        got.result,
        got.reason,
        got.failed_instance.map_or("-".to_string(), |i| i.to_string())
    ));
    let want_result = want["result"].as_str().unwrap_or("");
    let got_why = got.category.and_then(|c| serde_json::to_value(c).ok()).and_then(|v| v.as_str().map(str::to_string));
    let mismatch = |what: &str, got: String, want: String| {
        format!("{source}/{id}#arc: {what} {got}, expected {want} ({}: {:?})", got_why_text(report), report.arc.detail)
    };
    if got.result.as_str() != want_result {
        o.failures.push(mismatch("result", got.result.to_string(), want_result.to_string()));
        return;
    }
    let want_n = want["instances"].as_u64().unwrap_or(0) as u32;
    if got.instances != want_n {
        o.failures.push(mismatch("instances", got.instances.to_string(), want_n.to_string()));
    }
    let want_why = want["why"].as_str().map(str::to_string);
    if got_why != want_why {
        o.failures.push(mismatch("why", format!("{got_why:?}"), format!("{want_why:?}")));
    }
    let want_failed = want["failed_instance"].as_u64().map(|i| i as u32);
    if want_why.as_deref() != Some("structure") && got.failed_instance != want_failed {
        o.failures.push(mismatch("failed_instance", format!("{:?}", got.failed_instance), format!("{want_failed:?}")));
    }
    if let Some(op) = want.get("oldest_pass").and_then(Value::as_u64)
        && got.oldest_pass != Some(op as u32)
    {
        o.failures.push(mismatch("oldest_pass", format!("{:?}", got.oldest_pass), op.to_string()));
    }
}

/// A batch verifies without `full_report` (no header views, server claims or evidence, which a
/// row never shows): that report must equal the full one with those cleared, and give the same
/// row.
fn check_brief(o: &mut Outcome, source: &str, id: &str, raw: &[u8], keys: &KeyStore, at: u64, full: &MessageReport) {
    let brief = verify_message(raw, keys, &Options { full_report: false, ..Options::at(at) });
    let lang = Some(dkimcheck::l10n::Lang::En);
    if Row::from_report(&brief, lang) != Row::from_report(full, lang) {
        o.failures.push(format!("{source}/{id}: the row without full_report differs from the full report's row"));
    }
    let cleared = MessageReport {
        headers: Vec::new(),
        authentication_results: Vec::new(),
        evidence: Default::default(),
        ..full.clone()
    };
    if brief != cleared {
        o.failures.push(format!("{source}/{id}: the report without full_report differs beyond its views"));
    }
}

fn got_why_text(report: &MessageReport) -> String {
    format!("{}/{:?}", report.arc.reason, report.arc.failed_instance)
}

/// The source folders, as named in tests/vectors/README.md.
pub fn sources() -> Vec<String> {
    [
        "apache-james-jdkim",
        "dkimpy",
        "mimekit",
        "perl-mail-dkim",
        "postalsys-mailauth",
        "stalwart-mail-auth",
        "valimail-arc-suite",
        "blaze-arc",
        "stalwart-mail-auth-arc",
        "dkimpy-arc",
        "perl-mail-dkim-dk",
        "mail-domainkeys",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}
