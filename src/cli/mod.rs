//! The command line: argument parsing and the main loop. Inputs are expanded into messages by
//! [`sources`], printed by [`output`]; key archive subcommands live in [`keys_cmd`].

mod keys_cmd;
mod output;
mod sources;
mod time;

use dkimcheck::keys::KeyStore;
use dkimcheck::report::{JudgingMode, KeysNeeded};
use dkimcheck::verify::{Judging, Options, verify_message};
use std::io::Write;

const HELP: &str = "\
dkimcheck: verify the DKIM signatures of email, offline, against bundled historical keys

USAGE:
    dkimcheck [OPTIONS] <PATH>...
    dkimcheck keys list|export|check [--keys FILE]... [--no-bundled-keys]
    dkimcheck keys import <FILE>... [--txt SELECTOR DOMAIN VALUE]...
    dkimcheck keys recover [--keys FILE]... [--no-bundled-keys] <PATH>...

PATH: a message file (.eml or any RFC 5322 file), .mbox, .zip (nested zips too); '-' is stdin

OPTIONS:
    --keys <FILE>       add keys (repeatable): zone/dig lines such as
                        brisbane._domainkey.football.example.com. IN TXT \"v=DKIM1; k=ed25519; p=...\"
                        (several quoted strings on one line are joined; ';' starts a comment),
                        the bundled archive's JSON format, or the zk-email archive's JSON
    --no-bundled-keys   use only the keys given with --keys
    --at <TIME>         judge every signature at TIME (unix seconds, YYYY-MM-DD or RFC 3339) or
                        'now', as a receiving server would then: an x= before TIME is expired.
                        Default: each signature as of its signing (its t=, else the message's
                        Date), so an x= passed since is reported but is not a failure
    --json              one JSON object per message on stdout (JSON Lines)
    --format <F>        human (default) or json (the same as --json)
    --missing-keys      after the batch, list every selector._domainkey.domain for which no key
                        is known, with how many messages need it and the first and last of their
                        dates (with --json: {\"missing_key\", \"count\", \"first\", \"last\"} lines at the end)
    --body              with --json: include each message's plain-text body
    -v, --verbose       show every signature's details and warnings
    --recover-keys      first recover RSA keys from the messages themselves (for key names with
                        no known key and two or more signatures), then check with them: such
                        messages are CONSISTENT (signed with one key), not verified
    -j, --jobs <N>      verify on N threads (default: all cores); --jobs 1 leaves the others free
    --max-message-size <MB>
                        check messages up to MB megabytes (default 256); larger ones are skipped
    -h, --help          this help
    -V, --version       the version

KEYS SUBCOMMANDS:
    keys list           one line per key: name, type, bits, dates, flags, origin
    keys export         the keys as archive JSON (bundled plus --keys)
    keys check          validate the bundled archive (and --keys files): exit 1 on a problem
    keys import FILE... read dig/zone lines, archive JSON or zk-email JSON; print archive JSON
      --txt SELECTOR DOMAIN VALUE   also a bare TXT value published at SELECTOR._domainkey.DOMAIN
    keys recover PATH...
                        recover RSA keys from the signatures of the messages (two or more per
                        key name with no known key); print them as archive JSON, flagged recovered

LABELS (one per message, from its assessment):
    PASS       verified: a signature verified with a key neither compromised nor weak
    NOPROOF    proves nothing: it verifies only with a key anyone can sign with (private half
               public, or RSA under 1024 bits, RFC 8301)
    FAIL       a signature does not verify          NOKEY    no key known here (add --keys)
    EXPIRED    expired at the --at time             INVALID  cannot be evaluated
    NONE       no signature                         ERROR    not readable as an email

EXIT STATUS:
    0 only when every message is verified (PASS); 1 otherwise (NOPROOF counts as not verified);
    2 usage error or unreadable input (a path, or a file or zip member inside one)
";

/// Parsed command-line options.
#[derive(Debug, Default)]
pub(crate) struct Args {
    pub keys: Vec<String>,
    pub no_bundled: bool,
    /// `--at`: `Some(None)` for `now`.
    pub at: Option<Option<u64>>,
    pub json: bool,
    pub body: bool,
    /// `--missing-keys`: list the keys the batch needs.
    pub missing_keys: bool,
    pub verbose: bool,
    pub recover_keys: bool,
    /// Worker threads; `None`: one per core.
    pub jobs: Option<usize>,
    /// Largest message checked, in bytes; `None`: the budget's default.
    pub max_message: Option<u64>,
    pub paths: Vec<String>,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut a = Args::default();
    let mut i = 0;
    let mut only_paths = false;
    while i < argv.len() {
        let arg = &argv[i];
        let value = |i: usize| argv.get(i + 1).cloned().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            _ if only_paths => a.paths.push(arg.clone()),
            "--" => only_paths = true,
            "--keys" => {
                a.keys.push(value(i)?);
                i += 1;
            }
            "--at" => {
                a.at = Some(parse_at(&value(i)?)?);
                i += 1;
            }
            "-j" | "--jobs" => {
                a.jobs = Some(parse_jobs(&value(i)?)?);
                i += 1;
            }
            "--max-message-size" => {
                a.max_message = Some(parse_megabytes(&value(i)?)?);
                i += 1;
            }
            "--format" => {
                a.json = parse_format(&value(i)?)?;
                i += 1;
            }
            "--missing-keys" => a.missing_keys = true,
            "--no-bundled-keys" => a.no_bundled = true,
            "--json" => a.json = true,
            "--body" => a.body = true,
            "-v" | "--verbose" => a.verbose = true,
            "--recover-keys" => a.recover_keys = true,
            s if s.starts_with("--keys=") => a.keys.push(s["--keys=".len()..].to_string()),
            s if s.starts_with("--format=") => a.json = parse_format(&s["--format=".len()..])?,
            s if s.starts_with("--at=") => a.at = Some(parse_at(&s["--at=".len()..])?),
            s if s.starts_with("--jobs=") => a.jobs = Some(parse_jobs(&s["--jobs=".len()..])?),
            s if s.starts_with("--max-message-size=") => {
                a.max_message = Some(parse_megabytes(&s["--max-message-size=".len()..])?)
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => a.paths.push(arg.clone()),
        }
        i += 1;
    }
    Ok(a)
}

fn parse_at(v: &str) -> Result<Option<u64>, String> {
    if v.trim().eq_ignore_ascii_case("now") {
        return Ok(None);
    }
    time::parse(v).map(Some).ok_or_else(|| format!("--at: \"{v}\" is not 'now', unix seconds or an RFC 3339 time"))
}

/// `--format`: true for JSON.
fn parse_format(v: &str) -> Result<bool, String> {
    match v {
        "json" => Ok(true),
        "human" => Ok(false),
        _ => Err(format!("--format: \"{v}\" is not human or json")),
    }
}

fn parse_jobs(v: &str) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("--jobs: \"{v}\" is not a number of threads (1 or more)")),
    }
}

fn parse_megabytes(v: &str) -> Result<u64, String> {
    match v.parse::<u64>() {
        Ok(mb) if (1..=1 << 20).contains(&mb) => Ok(mb * 1024 * 1024),
        _ => Err(format!("--max-message-size: \"{v}\" is not a size in megabytes (1 or more)")),
    }
}

/// Builds the key store: the bundled archive unless disabled, plus every `--keys` file.
pub(crate) fn load_keys(args: &Args) -> Result<KeyStore, String> {
    let mut store = if args.no_bundled { KeyStore::new() } else { KeyStore::with_bundled_archive() };
    for path in &args.keys {
        let text = std::fs::read_to_string(path).map_err(|e| format!("--keys {path}: {e}"))?;
        let origin = format!(
            "keys file {}",
            std::path::Path::new(path).file_name().map_or(path.clone(), |f| f.to_string_lossy().into_owned())
        );
        // Lines that could not be read are reported but do not stop the run.
        for err in store.import(&text, &origin).map_err(|e| format!("--keys {path}: {e}"))?.1 {
            eprintln!("dkimcheck: --keys {path}: {err}");
        }
    }
    Ok(store)
}

/// Runs the CLI; returns the exit status.
pub fn run(argv: Vec<String>) -> i32 {
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return 0;
    }
    if argv.iter().any(|a| a == "-V" || a == "--version") {
        println!("dkimcheck {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if argv.first().map(String::as_str) == Some("keys") && !std::path::Path::new("keys").is_file() {
        return keys_cmd::run(&argv[1..]);
    }
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    if args.paths.is_empty() {
        return usage_error("no PATH given");
    }
    let mut keys = match load_keys(&args) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("dkimcheck: {e}");
            return 2;
        }
    };
    let now = time::now();
    let judging = match args.at {
        None => Judging::AsOfSigning,
        Some(at) => Judging::At(at.unwrap_or(now)),
    };
    if args.body && !args.json {
        eprintln!("dkimcheck: note: --body only changes --json output");
    }
    let workers = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let max_message = args.max_message.unwrap_or(dkimcheck::budget::MAX_MESSAGE_BYTES);
    if args.recover_keys {
        if args.paths.iter().any(|p| p == "-") {
            return usage_error("--recover-keys reads the messages twice, so it cannot read them from stdin ('-')");
        }
        let (outcomes, _) = keys_cmd::recover_paths(&args.paths, &keys, workers, max_message);
        for key in outcomes.iter().flat_map(|o| &o.keys) {
            keys.add(&key.key_name(), &key.record(), key.provenance(RECOVERED_ORIGIN, keys_cmd::entry_text(key)));
        }
    }
    let mut printer = output::Printer::new(args.json, args.verbose);
    let mut status = 0;
    let mut needed = KeysNeeded::new();
    let mut unreadable = false;
    for path in &args.paths {
        let result = sources::for_each_batch(path, max_message, |batch| {
            let reports = verify_batch(batch, &keys, (now, judging), args.body, workers);
            for r in &reports {
                if !r.verified() {
                    status = 1;
                }
                if args.missing_keys {
                    needed.add_report(r);
                }
                printer.print(r);
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
    printer.finish();
    if args.missing_keys {
        printer.keys_needed(&needed.list());
    }
    let _ = std::io::stdout().flush();
    if unreadable { 2 } else { status }
}

fn usage_error(message: &str) -> i32 {
    eprintln!("dkimcheck: {message}\nTry 'dkimcheck --help'.");
    2
}

/// The origin of keys recovered by `--recover-keys`.
const RECOVERED_ORIGIN: &str = "recovered from these messages";

/// Verifies a batch of messages on `workers` threads, keeping their order.
fn verify_batch(
    batch: Vec<sources::Item>,
    keys: &KeyStore,
    (now, judging): (u64, Judging),
    body: bool,
    workers: usize,
) -> Vec<dkimcheck::MessageReport> {
    let mode = JudgingMode::new(judging, now);
    let reports = parallel_map(&batch, workers, |item: &sources::Item| match &item.content {
        Ok(bytes) => Some(verify_message(
            bytes,
            keys,
            &Options {
                now,
                judging,
                with_body: body,
                source: item.source.clone(),
                hash_input: true,
                body_hashes: Vec::new(),
            },
        )),
        Err(e) => Some(output::error_report(&item.source, e, mode)),
    });
    // A panic is a bug; its messages are still reported, as errors, never dropped.
    reports
        .into_iter()
        .zip(&batch)
        .map(|(r, item)| {
            r.unwrap_or_else(|| output::error_report(&item.source, "internal error while verifying", mode))
        })
        .collect()
}

/// `f` over `items` on `workers` threads, in order. Items of a thread that panicked give
/// `T::default()`.
pub(crate) fn parallel_map<I: Sync, T: Send + Default>(
    items: &[I],
    workers: usize,
    f: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    if workers <= 1 || items.len() < 2 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|c| (c, scope.spawn(move || c.iter().map(f).collect::<Vec<_>>()))).collect();
        handles
            .into_iter()
            .flat_map(|(c, h)| h.join().unwrap_or_else(|_| c.iter().map(|_| T::default()).collect()))
            .collect()
    })
}
