//! `dkimcheck keys ...`: list, export, check and import key archives.

use dkimcheck::keys::KeyStore;
use dkimcheck::keys::archive::Archive;

/// Runs a keys subcommand; returns the exit status.
pub fn run(argv: &[String]) -> i32 {
    let Some(cmd) = argv.first() else {
        eprintln!("dkimcheck keys: expected list, export, check or import");
        return 2;
    };
    let rest = &argv[1..];
    match cmd.as_str() {
        "import" => import(rest),
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
            eprintln!("dkimcheck keys: unknown subcommand {other} (expected list, export, check or import)");
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

fn check(args: &super::Args, store: &KeyStore) -> i32 {
    let mut problems = if args.no_bundled { Vec::new() } else { Archive::bundled().check() };
    for e in store.entries() {
        if let Err(err) = e.parsed() {
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
