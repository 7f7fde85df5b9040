//! `dkimcheck keys ...`: list, export, check and import key archives.

use super::{about, io_error, say_error};
use dkimcheck::catalog;
use dkimcheck::keys::KeyStore;
use dkimcheck::keys::archive::Archive;
use dkimcheck::keys::provenance::ADDED_BY_YOU;
use dkimcheck::l10n::{Lang, Phrase};

/// Runs a keys subcommand; returns the exit status.
pub fn run(argv: &[String], lang: Lang) -> i32 {
    let Some(cmd) = argv.first() else {
        say_error(lang, &about("keys", Phrase::new("cli-keys-expected")));
        return 2;
    };
    let rest = &argv[1..];
    match cmd.as_str() {
        "import" => import(rest, lang),
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

/// `keys check`: the bundled archive's own checks (for maintainers, in English) and every
/// record that does not parse.
fn check(args: &super::Args, store: &KeyStore, lang: Lang) -> i32 {
    let mut problems = if args.no_bundled { Vec::new() } else { Archive::bundled().check() };
    for e in store.entries() {
        if let Err(err) = &e.parsed {
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
