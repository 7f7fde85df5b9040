//! `dkimcheck keys ...`: list, export, check and import key archives, and recover keys from
//! signed messages (also the first pass of `--recover-keys`).

use super::sources;
use dkimcheck::keys::KeyStore;
use dkimcheck::keys::archive::Archive;
use dkimcheck::recover::entry::EntryText;
use dkimcheck::recover::{Collector, GroupOutcome, RecoveredKey};
use dkimcheck::report::explain;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs a keys subcommand; returns the exit status.
pub fn run(argv: &[String]) -> i32 {
    let Some(cmd) = argv.first() else {
        eprintln!("dkimcheck keys: expected list, export, check, import or recover");
        return 2;
    };
    let rest = &argv[1..];
    match cmd.as_str() {
        "import" => import(rest),
        "recover" => recover_cmd(rest),
        "list" | "export" | "check" => {
            let args = match super::parse_args(rest) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("dkimcheck keys {cmd}: {e}");
                    return 2;
                }
            };
            let store = match super::load_keys(&args) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("dkimcheck keys {cmd}: {e}");
                    return 2;
                }
            };
            match cmd.as_str() {
                "list" => list(&store),
                "export" => {
                    println!("{}", Archive::from_store(&store).to_json());
                    0
                }
                _ => check(&args, &store),
            }
        }
        other => {
            eprintln!("dkimcheck keys: unknown subcommand {other} (expected list, export, check, import or recover)");
            2
        }
    }
}

fn list(store: &KeyStore) -> i32 {
    for e in store.entries() {
        let (kind, bits) = match &e.parsed {
            Ok(r) => (r.key_type.as_str(), r.bits().to_string()),
            Err(_) => ("invalid", "-".to_string()),
        };
        let p = &e.provenance;
        let flags: Vec<String> = p.flags.iter().map(|f| format!("{f:?}").to_lowercase()).collect();
        println!(
            "{}\t{kind}\t{bits}\t{}..{}\t{}\t{}",
            e.name,
            p.first_seen.as_deref().unwrap_or("?"),
            p.last_seen.as_deref().unwrap_or("?"),
            if flags.is_empty() { "-".to_string() } else { flags.join(",") },
            p.origin
        );
    }
    0
}

fn check(args: &super::Args, store: &KeyStore) -> i32 {
    let mut problems = if args.no_bundled { Vec::new() } else { Archive::bundled().check() };
    for e in store.entries() {
        if let Err(err) = &e.parsed {
            problems.push(format!("{} ({}): {err}", e.name, e.provenance.origin));
        }
    }
    for p in &problems {
        println!("{p}");
    }
    println!("{} keys, {} problems", store.len(), problems.len());
    i32::from(!problems.is_empty())
}

fn import(args: &[String]) -> i32 {
    if args.is_empty() {
        eprintln!(
            "dkimcheck keys import: give files (dig/zone lines, archive JSON or zk-email JSON) \
             or --txt SELECTOR DOMAIN 'v=DKIM1; p=...'"
        );
        return 2;
    }
    let mut store = KeyStore::new();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--txt" {
            let [selector, domain, txt] = match args.get(i + 1..i + 4) {
                Some([s, d, t]) => [s, d, t],
                _ => {
                    eprintln!("dkimcheck keys import: --txt needs SELECTOR DOMAIN VALUE");
                    return 2;
                }
            };
            if let Err(e) = dkimcheck::keys::record::KeyRecord::parse(txt.as_bytes()) {
                eprintln!("dkimcheck keys import: --txt {selector} {domain}: {e}");
                return 2;
            }
            let line = dkimcheck::keys::zone_line(selector, domain, txt);
            store.add_zone(&line, "added by you");
            i += 4;
        } else {
            paths.push(&args[i]);
            i += 1;
        }
    }
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dkimcheck keys import: {path}: {e}");
                return 2;
            }
        };
        if let Err(e) = store.import(&text, path) {
            eprintln!("dkimcheck keys import: {path}: {e}");
            return 2;
        }
    }
    println!("{}", Archive::from_store(&store).to_json());
    0
}

/// `keys recover PATH...`: prints the keys recovered from the messages as archive JSON (with
/// `recovered_from`), and one line per group on stderr. Exit 0 when a key was recovered, 1 when
/// none was, 2 for usage errors or unreadable input.
fn recover_cmd(rest: &[String]) -> i32 {
    let args = match super::parse_args(rest) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dkimcheck keys recover: {e}");
            return 2;
        }
    };
    if args.paths.is_empty() {
        eprintln!("dkimcheck keys recover: give the messages: files, .mbox, .zip or directories");
        return 2;
    }
    let store = match super::load_keys(&args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dkimcheck keys recover: {e}");
            return 2;
        }
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (outcomes, unreadable) = recover_paths(&args.paths, &store, workers, dkimcheck::budget::MAX_MESSAGE_BYTES);
    let keys: Vec<&RecoveredKey> = outcomes.iter().flat_map(|o| &o.keys).collect();
    let archive = Archive {
        description: format!("Keys recovered from signed messages by dkimcheck keys recover ({} keys)", keys.len()),
        keys: keys.iter().map(|k| k.archive_entry(entry_text(k))).collect(),
        ..Archive::empty()
    };
    println!("{}", archive.to_json());
    if unreadable { 2 } else { i32::from(keys.is_empty()) }
}

/// The sentences of a recovered key's entry.
pub(crate) fn entry_text(key: &RecoveredKey) -> EntryText {
    let n = key.messages.len();
    EntryText {
        source: explain::recovered_source(n),
        derived: explain::recovered_derived(n, key.exponent),
        notes: explain::recovered_notes(n),
    }
}

/// Reads every message of `paths`, collects the RSA signatures whose key `keys` does not know,
/// and recovers each group's keys (groups on `workers` threads). Prints a line per group on
/// stderr; messages over `max_message` bytes are skipped. Returns the outcomes by key name, and whether some input was unreadable.
pub(crate) fn recover_paths(
    paths: &[String],
    keys: &KeyStore,
    workers: usize,
    max_message: u64,
) -> (Vec<GroupOutcome>, bool) {
    let mut collector = Collector::new();
    let mut unreadable = false;
    for path in paths {
        let result = sources::for_each_batch(path, max_message, |batch| {
            for samples in super::parallel_map(&batch, workers, |item| match &item.content {
                Ok(bytes) => dkimcheck::recover::samples(bytes, &item.source, keys),
                Err(_) => Vec::new(),
            }) {
                samples.into_iter().for_each(|s| collector.add(s));
            }
        });
        match result {
            Err(e) => {
                eprintln!("dkimcheck: {path}: {e}");
                unreadable = true;
            }
            Ok(errors) => unreadable |= errors > 0,
        }
    }
    let groups = collector.into_groups();
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, groups.len().max(1)) {
            scope.spawn(|| {
                while let Some(group) = groups.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = dkimcheck::recover::recover(group);
                    if let Ok(mut done) = done.lock() {
                        done.push(outcome);
                    }
                }
            });
        }
    });
    let mut outcomes = done.into_inner().unwrap_or_default();
    outcomes.sort_by(|a, b| (&a.domain, &a.selector).cmp(&(&b.domain, &b.selector)));
    for o in &outcomes {
        for k in &o.keys {
            eprintln!("{}", explain::recovered_line(&o.key_name(), k.bits, k.exponent, k.messages.len(), o.signatures));
        }
        for (why, count) in &o.unrecovered {
            eprintln!("{}", explain::unrecovered(why.code(), *count, &o.key_name()));
        }
        if o.over_cap > 0 {
            eprintln!("{}", explain::over_cap(&o.key_name(), o.over_cap));
        }
    }
    (outcomes, unreadable)
}
