//! Where the time goes, phase by phase, on a directory of .eml files (the leak-like corpora):
//! each phase is run alone over every message, several rounds, and the round that took the least
//! CPU time is kept (the machine may be busy). One thread, native, with the CPU's SHA instructions where the hash
//! crates use them (unlike an instruction count under valgrind, which runs their portable code).
//!
//! ```text
//! cargo bench --bench throughput -- --phases DIR --keys DIR/../keys.zone [--rounds 5]
//! ```

use dkimcheck::crypto::Hasher;
use dkimcheck::dkim::canon;
use dkimcheck::dkim::signature::Signature;
use dkimcheck::keys::{KeyStore, Lookup};
use dkimcheck::message::summary::Summary;
use dkimcheck::message::{Message, input};
use dkimcheck::report::MessageReport;
use dkimcheck::verify::{Options, verify_message};
use sha2::{Digest, Sha256};
use std::hint::black_box;
use std::time::Instant;

/// This thread's CPU time in seconds (clock_gettime(CLOCK_THREAD_CPUTIME_ID) from the C library
/// std already links), so time spent waiting for a busy machine's cores is not counted.
#[cfg(target_os = "linux")]
fn cpu_now(_start: Instant) -> f64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: a valid clock id and a pointer to a live timespec, as the C signature requires.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    ts.sec as f64 + ts.nsec as f64 / 1e9
}

/// Elsewhere: wall time.
#[cfg(not(target_os = "linux"))]
fn cpu_now(start: Instant) -> f64 {
    start.elapsed().as_secs_f64()
}

/// A stopwatch over this thread's CPU time, with `Instant`'s two methods, for the benchmarks.
#[derive(Clone, Copy)]
pub struct ThreadTime(f64);

impl ThreadTime {
    pub fn now() -> ThreadTime {
        ThreadTime(cpu_now(Instant::now()))
    }
    pub fn elapsed(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64((ThreadTime::now().0 - self.0).max(0.0))
    }
}

fn fastest(rounds: usize, mut f: impl FnMut()) -> f64 {
    let origin = Instant::now();
    (0..rounds)
        .map(|_| {
            let t = cpu_now(origin);
            f();
            cpu_now(origin) - t
        })
        .fold(f64::INFINITY, f64::min)
}

pub fn run(dir: &str, zone_path: &str, rounds: usize) {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    paths.sort();
    let n = paths.len();
    let files: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).expect("read")).collect();
    let sources: Vec<String> = paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let bytes: usize = files.iter().map(Vec::len).sum();
    let zone = std::fs::read_to_string(zone_path).expect("keys file");

    let mut rows: Vec<(&str, f64)> = Vec::new();
    let startup = fastest(rounds, || {
        let mut k = KeyStore::with_bundled_archive();
        k.import(&zone, "keys file").expect("zone");
        black_box(k);
    });
    let mut keys = KeyStore::with_bundled_archive();
    keys.import(&zone, "keys file").expect("zone");

    rows.push((
        "read files (std::fs::read, page cache)",
        fastest(rounds, || {
            for p in &paths {
                black_box(std::fs::read(p).expect("read"));
            }
        }),
    ));
    rows.push((
        "normalize + split header fields (Message::parse)",
        fastest(rounds, || {
            for f in &files {
                let norm = input::normalize(f);
                black_box(Message::parse(&norm.bytes));
            }
        }),
    ));
    let parsed: Vec<Message<'_>> = files.iter().map(|f| Message::parse(f)).collect();
    rows.push((
        "display parse (Summary::read: mail-parser on From/To/Cc/Date/Subject)",
        fastest(rounds, || {
            for (f, m) in files.iter().zip(&parsed) {
                black_box(Summary::read(f, m, false));
            }
        }),
    ));
    rows.push((
        "SHA-256 of the whole input (report's sha256)",
        fastest(rounds, || {
            for f in &files {
                black_box(Sha256::digest(f));
            }
        }),
    ));
    rows.push((
        "DKIM-Signature parse (tags, base64)",
        fastest(rounds, || {
            for m in &parsed {
                for (_, field) in m.fields("dkim-signature") {
                    black_box(Signature::parse(field).ok());
                }
            }
        }),
    ));
    let sigs: Vec<Vec<(usize, Signature)>> = parsed
        .iter()
        .map(|m| m.fields("dkim-signature").filter_map(|(i, f)| Signature::parse(f).ok().map(|s| (i, s))).collect())
        .collect();
    let signatures: usize = sigs.iter().map(Vec::len).sum();
    let mut body_bytes = 0usize;
    rows.push((
        "body canonicalization + hash (one per canon/hash/l=)",
        fastest(rounds, || {
            body_bytes = 0;
            for (m, ss) in parsed.iter().zip(&sigs) {
                let mut done = Vec::new();
                for (_, s) in ss {
                    let k = (s.body_canon, s.algorithm.hash(), s.body_length);
                    if !done.contains(&k) {
                        done.push(k);
                        body_bytes += m.body_bytes().len();
                        black_box(canon::body_hash(m.body_bytes(), k.0, k.1, k.2));
                    }
                }
            }
        }),
    ));
    let header_data = |m: &Message<'_>, i: usize, s: &Signature| {
        let field = &m.headers[i];
        let mut blank = field.raw[..s.b_range.start].to_vec();
        blank.extend_from_slice(&field.raw[s.b_range.end..]);
        let own = Message::parse(&blank).headers[0];
        let (data, covered) = canon::signed_header_data(m, &s.signed_headers, s.header_canon, &own);
        let mut h = Hasher::new(s.algorithm.hash());
        h.update(&data);
        (h.finish(), covered)
    };
    rows.push((
        "header canonicalization + hash",
        fastest(rounds, || {
            for (m, ss) in parsed.iter().zip(&sigs) {
                for (i, s) in ss {
                    black_box(header_data(m, *i, s));
                }
            }
        }),
    ));
    let digests: Vec<Vec<Vec<u8>>> =
        parsed.iter().zip(&sigs).map(|(m, ss)| ss.iter().map(|(i, s)| header_data(m, *i, s).0).collect()).collect();
    rows.push((
        "key lookup + signature arithmetic (RSA, Ed25519)",
        fastest(rounds, || {
            for (ss, ds) in sigs.iter().zip(&digests) {
                for ((_, s), d) in ss.iter().zip(ds) {
                    if let Lookup::Found(entries) = keys.lookup(&s.key_name()) {
                        for e in entries {
                            if let Ok(r) = e.parsed()
                                && r.key.verify(s.algorithm.hash(), d, &s.signature)
                            {
                                break;
                            }
                        }
                    }
                }
            }
        }),
    ));
    // As the CLI by default: each signature judged as of its signing.
    let options = |source: &str| Options { source: source.to_string(), ..Options::as_of_signing(1_700_000_000) };
    let full = fastest(rounds, || {
        for (f, s) in files.iter().zip(&sources) {
            black_box(verify_message(f, &keys, &options(s)));
        }
    });
    let reports: Vec<MessageReport> =
        files.iter().zip(&sources).map(|(f, s)| verify_message(f, &keys, &options(s))).collect();
    let passed = reports.iter().filter(|r| r.verified()).count();
    let measured: f64 = rows[1..].iter().map(|r| r.1).sum();
    let explain = fastest(rounds, || {
        for r in &reports {
            for s in &r.signatures {
                black_box(dkimcheck::report::explain::signature(s));
            }
            black_box(dkimcheck::report::headline(r));
        }
    });
    let views = fastest(rounds, || {
        for m in &parsed {
            for h in &m.headers {
                black_box((h.name_str(), h.value_unfolded()));
            }
        }
    });
    let drop_reports = (0..rounds)
        .map(|_| {
            let copy = black_box(reports.clone());
            let origin = Instant::now();
            let t = cpu_now(origin);
            drop(copy);
            cpu_now(origin) - t
        })
        .fold(f64::INFINITY, f64::min);
    rows.push((
        "  of which: choosing the sentences (explain::signature, headline; words are rendered when printed)",
        explain,
    ));
    rows.push(("  of which: header views (name and unfolded value strings of every field)", views));
    rows.push((
        "rest of verify_message (report, warnings, header views, explanations, allocation)",
        (full - measured).max(0.0),
    ));
    let json = fastest(rounds, || {
        let mut out = Vec::with_capacity(64 << 20);
        for r in &reports {
            out.extend_from_slice(r.to_json_line().as_bytes());
            out.push(b'\n');
        }
        black_box(out);
    });
    let style = crate::output::Style::new(crate::output::Format::Human, false, false, dkimcheck::Lang::En);
    let text = fastest(rounds, || {
        let mut out = String::with_capacity(8 << 20);
        for r in &reports {
            style.write_human(&mut out, r);
        }
        black_box(out);
    });

    println!(
        "{dir}: {n} messages, {:.1} MB, {signatures} signatures, {passed} pass; body bytes canonicalized+hashed {:.1} MB; least CPU time of {rounds} rounds, one thread",
        bytes as f64 / 1e6,
        body_bytes as f64 / 1e6
    );
    let base = rows[0].1 + full + text;
    let pct = |t: f64| t / base * 100.0;
    println!("{:<84} {:>9} {:>7} {:>9}", "phase", "ms", "share", "µs/msg");
    let line =
        |name: &str, t: f64| println!("{name:<84} {:>9.1} {:>6.1}% {:>9.1}", t * 1e3, pct(t), t * 1e6 / n as f64);
    line("startup: bundled archive + keys.zone into a KeyStore (once per process)", startup);
    for (name, t) in &rows {
        line(name, *t);
    }
    line("verify_message, whole (everything above but reading)", full);
    line("human output lines (as the CLI prints them)", text);
    line("JSON Lines output (--json; instead of the human lines)", json);
    line("  (dropping the reports, part of verify_message's cost)", drop_reports);
    println!("shares are of read + verify_message + human output = {:.1} ms", base * 1e3);
}
