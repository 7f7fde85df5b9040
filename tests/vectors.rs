//! Runs every case of every `tests/vectors/*/cases.json` (DKIM, ARC and DomainKeys test material
//! from other projects, normalized; see tests/vectors/README.md) and asserts each expected result:
//! for DKIM failures whether the body or the header signature failed, for DomainKeys the step, for
//! ARC chains the result, N, the failing step and instance, and `oldest_pass`. The same harness runs in wasm
//! (tests/wasm.rs). Accepted differences are listed in `common::vectors::ACCEPTED` with the
//! reason they are allowed, and printed on every run.

mod common;

use std::path::Path;

#[test]
fn every_vector_case_gives_the_expected_result() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let read = |rel: &str| std::fs::read(root.join(rel)).ok();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let o = common::vectors::run(&common::vectors::sources(), &read, now);
    eprintln!("RFC 8301 §3.2: {}", common::vectors::RFC8301);
    for a in &o.accepted {
        eprintln!("accepted difference {a}");
    }
    eprintln!(
        "{} DKIM signatures, {} DomainKeys signatures and {} ARC chains checked, {} accepted differences, {} failures",
        o.checked,
        o.checked_domainkeys,
        o.checked_arc,
        o.accepted.len(),
        o.failures.len()
    );
    assert!(o.failures.is_empty(), "vector failures:\n{}", o.failures.join("\n"));
    assert!(o.checked >= 104, "only {} signatures were checked", o.checked);
    assert!(o.checked_domainkeys >= 20, "only {} DomainKeys signatures were checked", o.checked_domainkeys);
    assert!(o.checked_arc >= 126, "only {} ARC chains were checked", o.checked_arc);
    // Every signature's result and reason, kept in verdicts.txt; the wasm test compares its own
    // run with the same file, so native and wasm give the same verdicts. UPDATE_VERDICTS=1 rewrites it.
    let got = o.verdicts.join("\n") + "\n";
    let snapshot = root.join("verdicts.txt");
    if std::env::var_os("UPDATE_VERDICTS").is_some() {
        std::fs::write(&snapshot, &got).expect("write verdicts.txt");
    }
    let want = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert_eq!(got, want, "verdicts changed; if intended, rerun with UPDATE_VERDICTS=1");
}
