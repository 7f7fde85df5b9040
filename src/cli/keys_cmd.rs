//! `dkimcheck keys ...`: list, export, check and import key archives, and recover keys from
//! signed messages (also the first pass of `--recover-keys`).

use super::pool::{self, Job};
use super::{about, io_error, say_error, sources};
use dkimcheck::catalog;
use dkimcheck::keys::KeyStore;
use dkimcheck::keys::archive::Archive;
use dkimcheck::keys::provenance::ADDED_BY_YOU;
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::recover::entry::EntryText;
use dkimcheck::recover::{Collector, GroupOutcome, MAX_SAMPLES_PER_GROUP, RecoveredKey, Sample};
use dkimcheck::report::explain;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs a keys subcommand; returns the exit status.
pub fn run(argv: &[String], lang: Lang) -> i32 {
    let Some(cmd) = argv.first() else {
        say_error(lang, &about("keys", Phrase::new("cli-keys-expected")));
        return 2;
    };
    let rest = &argv[1..];
    match cmd.as_str() {
        "import" => import(rest, lang),
        "recover" => recover_cmd(rest, lang),
        "list" | "export" | "check" => {
            let what = format!("keys {cmd}");
            let args = match super::parse_args(rest) {
                Ok(a) => a,
                Err(e) => {
                    say_error(lang, &about(&what, e));
                    return 2;
                }
            };
            let store = match super::load_keys(&args, lang) {
                Ok(s) => s,
                Err(e) => {
                    say_error(lang, &about(&what, e));
                    return 2;
                }
            };
            match cmd.as_str() {
                "list" => list(&store),
                "export" => {
                    println!("{}", Archive::from_store(&store).to_json());
                    0
                }
                _ => check(&args, &store, lang),
            }
        }
        other => {
            say_error(lang, &about("keys", Phrase::new("cli-keys-unknown-subcommand").arg("name", other)));
            2
        }
    }
}

fn list(store: &KeyStore) -> i32 {
    for e in store.entries() {
        let (kind, bits) = match e.parsed() {
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

/// `keys check`: the bundled archive's own checks (for maintainers, in English) and every
/// record that does not parse.
fn check(args: &super::Args, store: &KeyStore, lang: Lang) -> i32 {
    let mut problems = if args.no_bundled { Vec::new() } else { Archive::bundled().check() };
    for e in store.entries() {
        if let Err(err) = e.parsed() {
            let name = format!("{} ({})", e.name, e.provenance.origin);
            problems.push(catalog::render(lang, &about(&name, err.phrase())));
        }
    }
    for p in &problems {
        println!("{p}");
    }
    let total = Phrase::new("cli-keys-check-total").number("keys", store.len()).number("problems", problems.len());
    println!("{}", catalog::render(lang, &total));
    i32::from(!problems.is_empty())
}

fn import(args: &[String], lang: Lang) -> i32 {
    if args.is_empty() {
        say_error(lang, &about("keys import", Phrase::new("cli-keys-import-usage")));
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
                    say_error(lang, &about("keys import", Phrase::new("cli-keys-txt-usage")));
                    return 2;
                }
            };
            if let Err(e) = dkimcheck::keys::record::KeyRecord::parse(txt.as_bytes()) {
                say_error(lang, &about(&format!("keys import: --txt {selector} {domain}"), e.phrase()));
                return 2;
            }
            let line = dkimcheck::keys::zone_line(selector, domain, txt);
            store.add_zone(&line, ADDED_BY_YOU);
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
                say_error(lang, &about(&format!("keys import: {path}"), io_error(&e)));
                return 2;
            }
        };
        if let Err(e) = store.import(&text, path) {
            say_error(lang, &about(&format!("keys import: {path}"), e.phrase()));
            return 2;
        }
    }
    println!("{}", Archive::from_store(&store).to_json());
    0
}

/// `keys recover PATH...`: prints the keys recovered from the messages as archive JSON (with
/// `recovered_from`), and one line per group on stderr. Exit 0 when a key was recovered, 1 when
/// none was, 2 for usage errors or unreadable input.
fn recover_cmd(rest: &[String], lang: Lang) -> i32 {
    let what = "keys recover";
    let args = match super::parse_args(rest) {
        Ok(a) => a,
        Err(e) => {
            say_error(lang, &about(what, e));
            return 2;
        }
    };
    if args.paths.is_empty() {
        say_error(lang, &about(what, Phrase::new("cli-recover-usage")));
        return 2;
    }
    let store = match super::load_keys(&args, lang) {
        Ok(s) => s,
        Err(e) => {
            say_error(lang, &about(what, e));
            return 2;
        }
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (outcomes, unreadable) =
        recover_paths(&args.paths, &store, workers, dkimcheck::budget::MAX_MESSAGE_BYTES, lang);
    let keys: Vec<&RecoveredKey> = outcomes.iter().flat_map(|o| &o.keys).collect();
    let archive = Archive {
        description: catalog::render(lang, &Phrase::new("recovered-description").number("count", keys.len())),
        keys: keys.iter().map(|k| k.archive_entry(entry_text(k, lang))).collect(),
        ..Archive::empty()
    };
    println!("{}", archive.to_json());
    if unreadable { 2 } else { i32::from(keys.is_empty()) }
}

/// The sentences of a recovered key's entry, in `lang`.
pub(crate) fn entry_text(key: &RecoveredKey, lang: Lang) -> EntryText {
    let n = key.messages.len();
    EntryText {
        source: catalog::render(lang, &explain::recovered_source(n)),
        derived: catalog::render(lang, &explain::recovered_derived(n, key.exponent)),
        notes: catalog::render(lang, &explain::recovered_notes(n)),
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
    lang: Lang,
) -> (Vec<GroupOutcome>, bool) {
    let mut collector = Collector::new();
    // Each message read and its unknown-key signatures collected on the verifying pool.
    let run = |item: &sources::Item, buffer: &mut Vec<u8>| match &item.content {
        Ok(content) => {
            super::mapped::with_bytes(content, buffer, |bytes| dkimcheck::recover::samples(bytes, &item.source, keys))
                .unwrap_or_default()
        }
        Err(_) => Vec::new(),
    };
    let on_panic = |_: &sources::Item| Vec::new();
    let mut add = |samples: Vec<Sample>| samples.into_iter().for_each(|s| collector.add(s));
    let job = Job { run: &run, on_panic: &on_panic };
    let unreadable = pool::run_paths(paths, max_message, workers, job, lang, &mut add) > 0;
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
            let line = explain::recovered_line(&o.key_name(), k.bits, k.exponent, k.messages.len(), o.signatures);
            eprintln!("{}", catalog::render(lang, &line));
        }
        for (why, count) in &o.unrecovered {
            eprintln!("{}", catalog::render(lang, &explain::unrecovered(why.code(), *count, &o.key_name())));
        }
        if o.over_cap > 0 {
            eprintln!(
                "{}",
                catalog::render(lang, &explain::over_cap(&o.key_name(), o.over_cap, MAX_SAMPLES_PER_GROUP))
            );
        }
    }
    (outcomes, unreadable)
}
