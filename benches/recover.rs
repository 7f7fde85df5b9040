//! Key recovery benchmark: signs two messages with a fresh RSA key of each size asked for (e =
//! 65537), recovers the key from them on one thread and prints the wall time and this thread's
//! CPU time (from /proc, so a busy machine distorts it less; the load average is printed too).
//!
//! ```text
//! cargo bench --bench recover                         # 1024 and 2048 bits
//! cargo bench --bench recover -- --bits 1024          # one size
//! cargo bench --bench recover -- --write-corpus DIR   # also write the messages, DIR/<bits>/m{1,2}.eml
//! ```

#[path = "../tests/common/signer.rs"]
mod signer;

use dkimcheck::dkim::algorithm::Algorithm;
use dkimcheck::keys::KeyStore;
use dkimcheck::recover::{Collector, recover, samples};
use signer::{Spec, TestKey, sign};
use std::time::Instant;

/// This thread's CPU time in seconds (user + system), from /proc/thread-self/stat.
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let sizes: Vec<usize> = match arg("--bits") {
        Some(b) => vec![b.parse().expect("--bits N")],
        None => vec![1024, 2048],
    };
    for bits in sizes {
        let key = TestKey::rsa(bits);
        let messages: Vec<Vec<u8>> = (1..=2)
            .map(|n| {
                let raw = format!(
                    "From: a@example.org\r\nTo: b@example.net\r\nSubject: message {n}\r\n\
                     Date: Tue, 0{n} Mar 2016 10:00:00 +0000\r\n\r\nbody {n}\r\n"
                );
                sign(raw.as_bytes(), &key, &Spec::new(Algorithm::RsaSha256))
            })
            .collect();
        if let Some(dir) = arg("--write-corpus") {
            let dir = format!("{dir}/{bits}");
            std::fs::create_dir_all(&dir).expect("corpus dir");
            for (i, m) in messages.iter().enumerate() {
                std::fs::write(format!("{dir}/m{}.eml", i + 1), m).expect("write");
            }
        }
        let mut collector = Collector::new();
        for (i, m) in messages.iter().enumerate() {
            samples(m, &format!("m{i}"), &KeyStore::new()).into_iter().for_each(|s| collector.add(s));
        }
        let groups = collector.into_groups();
        let (cpu, start, before) = (thread_cpu(), Instant::now(), load());
        let outcome = recover(&groups[0]);
        let (wall, cpu) = (start.elapsed().as_secs_f64(), thread_cpu().zip(cpu).map(|(b, a)| b - a));
        assert_eq!(outcome.keys.len(), 1, "the key is recovered");
        assert!(key.record().ends_with(&outcome.keys[0].p()), "and it is the signing key");
        println!(
            "RSA-{bits}, e=65537, 2 signatures: {wall:.1} s wall, {} thread CPU (load average {before} → {})",
            cpu.map_or("?".into(), |c| format!("{c:.1} s")),
            load()
        );
    }
}
