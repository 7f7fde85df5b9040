//! The command line: argument parsing and the main loop. Inputs are expanded into messages by
//! [`sources`], printed by [`output`]; key archive subcommands live in [`keys_cmd`].

mod keys_cmd;
mod mapped;
mod order;
mod output;
mod pool;
mod sources;
mod time;

use dkimcheck::catalog;
use dkimcheck::keys::KeyStore;
use dkimcheck::keys::provenance::{KEYS_FILE_ORIGIN, RECOVERED_HERE_ORIGIN};
use dkimcheck::l10n::{Lang, Phrase};
use dkimcheck::report::{JudgingMode, KeysNeeded};
use dkimcheck::verify::{Judging, Options, verify_message};
use std::io::Write;

/// Parsed command-line options.
#[derive(Debug, Default)]
pub(crate) struct Args {
    pub keys: Vec<String>,
    pub no_bundled: bool,
    /// `--at`: `Some(None)` for `now`.
    pub at: Option<Option<u64>>,
    pub format: output::Format,
    pub body: bool,
    /// `--evidence DIR`.
    pub evidence: Option<String>,
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

/// The language of the CLI's words: `--lang` (or `--lang=`), else the locale variables. An
/// unknown `--lang` value is an error, said in the locale's language.
fn language(argv: &[String]) -> Result<Lang, (Lang, Phrase)> {
    let from_env = Lang::from_locale_env(|name| std::env::var(name).ok());
    let mut i = 0;
    let mut lang = from_env;
    while i < argv.len() && argv[i] != "--" {
        let value = match argv[i].as_str() {
            "--lang" => {
                i += 1;
                argv.get(i).map(String::as_str).unwrap_or("")
            }
            s if s.starts_with("--lang=") => &s["--lang=".len()..],
            _ => {
                i += 1;
                continue;
            }
        };
        lang = Lang::from_tag(value).ok_or_else(|| (from_env, Phrase::new("cli-error-lang").arg("value", value)))?;
        i += 1;
    }
    Ok(lang)
}

fn parse_args(argv: &[String]) -> Result<Args, Phrase> {
    let mut a = Args::default();
    let mut i = 0;
    let mut only_paths = false;
    while i < argv.len() {
        let arg = &argv[i];
        let value =
            |i: usize| argv.get(i + 1).cloned().ok_or_else(|| Phrase::new("cli-error-needs-value").arg("option", arg));
        match arg.as_str() {
            _ if only_paths => a.paths.push(arg.clone()),
            "--" => only_paths = true,
            "--lang" => i += 1, // read by language()
            s if s.starts_with("--lang=") => {}
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
                a.format = parse_format(&value(i)?)?;
                i += 1;
            }
            "--missing-keys" => a.missing_keys = true,
            "--evidence" => {
                a.evidence = Some(value(i)?);
                i += 1;
            }
            "--no-bundled-keys" => a.no_bundled = true,
            "--json" => a.format = output::Format::Json,
            "--body" => a.body = true,
            "-v" | "--verbose" => a.verbose = true,
            "--recover-keys" => a.recover_keys = true,
            s if s.starts_with("--keys=") => a.keys.push(s["--keys=".len()..].to_string()),
            s if s.starts_with("--at=") => a.at = Some(parse_at(&s["--at=".len()..])?),
            s if s.starts_with("--format=") => a.format = parse_format(&s["--format=".len()..])?,
            s if s.starts_with("--evidence=") => a.evidence = Some(s["--evidence=".len()..].to_string()),
            s if s.starts_with("--jobs=") => a.jobs = Some(parse_jobs(&s["--jobs=".len()..])?),
            s if s.starts_with("--max-message-size=") => {
                a.max_message = Some(parse_megabytes(&s["--max-message-size=".len()..])?)
            }
            s if s.starts_with('-') && s != "-" => return Err(Phrase::new("cli-error-unknown-option").arg("option", s)),
            _ => a.paths.push(arg.clone()),
        }
        i += 1;
    }
    Ok(a)
}

fn parse_at(v: &str) -> Result<Option<u64>, Phrase> {
    if v.trim().eq_ignore_ascii_case("now") {
        return Ok(None);
    }
    time::parse(v).map(Some).ok_or_else(|| Phrase::new("cli-error-at").arg("value", v))
}

fn parse_format(v: &str) -> Result<output::Format, Phrase> {
    output::Format::parse(v).ok_or_else(|| Phrase::new("cli-error-format").arg("value", v))
}

fn parse_jobs(v: &str) -> Result<usize, Phrase> {
    match v.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(Phrase::new("cli-error-jobs").arg("value", v)),
    }
}

pub(crate) use sources::io_error;

/// `what: why`, as the CLI prefixes errors with their path or option.
pub(crate) fn about(what: &str, why: Phrase) -> Phrase {
    Phrase::new("cli-about").arg("what", what).phrase("why", why)
}

/// An error as the CLI says it on stderr: `dkimcheck: …`.
pub(crate) fn error_line(lang: Lang, error: &Phrase) -> String {
    format!("dkimcheck: {}", catalog::render(lang, error))
}

/// Prints an error on stderr: `dkimcheck: …`.
pub(crate) fn say_error(lang: Lang, error: &Phrase) {
    eprintln!("{}", error_line(lang, error));
}

fn parse_megabytes(v: &str) -> Result<u64, Phrase> {
    match v.parse::<u64>() {
        Ok(mb) if (1..=1 << 20).contains(&mb) => Ok(mb * 1024 * 1024),
        _ => Err(Phrase::new("cli-error-max-message-size").arg("value", v)),
    }
}

/// Builds the key store: the bundled archive unless disabled, plus every `--keys` file.
pub(crate) fn load_keys(args: &Args, lang: Lang) -> Result<KeyStore, Phrase> {
    let mut store = if args.no_bundled { KeyStore::new() } else { KeyStore::with_bundled_archive() };
    for path in &args.keys {
        let what = format!("--keys {path}");
        let text = std::fs::read_to_string(path).map_err(|e| about(&what, io_error(&e)))?;
        let origin = format!(
            "{KEYS_FILE_ORIGIN}{}",
            std::path::Path::new(path).file_name().map_or(path.clone(), |f| f.to_string_lossy().into_owned())
        );
        // Lines that could not be read are reported but do not stop the run.
        for err in store.import(&text, &origin).map_err(|e| about(&what, e.phrase()))?.1 {
            say_error(lang, &about(&what, err.phrase()));
        }
    }
    Ok(store)
}

/// Runs the CLI; returns the exit status.
pub fn run(argv: Vec<String>) -> i32 {
    let lang = match language(&argv) {
        Ok(lang) => lang,
        Err((lang, e)) => return usage_error(lang, &e),
    };
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", catalog::text(lang, "cli-help"));
        return 0;
    }
    if argv.iter().any(|a| a == "-V" || a == "--version") {
        println!("dkimcheck {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if let Some(i) = keys_subcommand(&argv) {
        let rest: Vec<String> = argv[i + 1..].to_vec();
        return keys_cmd::run(&rest, lang);
    }
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => return usage_error(lang, &e),
    };
    if args.paths.is_empty() {
        return usage_error(lang, &Phrase::new("cli-error-no-path"));
    }
    let mut keys = match load_keys(&args, lang) {
        Ok(k) => k,
        Err(e) => {
            say_error(lang, &e);
            return 2;
        }
    };
    let now = time::now();
    let judging = match args.at {
        None => Judging::AsOfSigning,
        Some(at) => Judging::At(at.unwrap_or(now)),
    };
    if args.body && args.format != output::Format::Json {
        say_error(lang, &Phrase::new("cli-note-body-without-json"));
    }
    let workers = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let max_message = args.max_message.unwrap_or(dkimcheck::budget::MAX_MESSAGE_BYTES);
    if args.recover_keys {
        if args.paths.iter().any(|p| p == "-") {
            return usage_error(lang, &Phrase::new("cli-error-recover-stdin"));
        }
        let (outcomes, _) = keys_cmd::recover_paths(&args.paths, &keys, workers, max_message, lang);
        for key in outcomes.iter().flat_map(|o| &o.keys) {
            keys.add(
                &key.key_name(),
                &key.record(),
                key.provenance(RECOVERED_HERE_ORIGIN, keys_cmd::entry_text(key, lang)),
            );
        }
    }
    let mut evidence = match args.evidence.as_deref().map(output::EvidenceDir::create).transpose() {
        Ok(e) => e,
        Err(e) => {
            say_error(lang, &about(&format!("--evidence {}", args.evidence.as_deref().unwrap_or("")), io_error(&e)));
            return 2;
        }
    };
    let style = output::Style::new(args.format, evidence.is_some(), args.verbose, lang);
    let mode = JudgingMode::new(judging, now);
    let hash_input = matches!(args.format, output::Format::Json | output::Format::Csv) || evidence.is_some();
    // Header views and servers' claims are printed only in JSON, CSV, RFC 8601 output, evidence
    // reports and with --verbose: plain human output never pays for them.
    let full_report = args.format != output::Format::Human || args.verbose || args.evidence.is_some();
    let options = |source: &str| Options {
        now,
        judging,
        with_body: args.body,
        source: source.to_string(),
        // The input's SHA-256 is only printed in JSON and evidence reports; human output never
        // pays for it.
        hash_input,
        body_hashes: Vec::new(),
        full_report,
        // Plain human lines show no To, Cc, Subject or Reply-To.
        display_summary: full_report,
    };
    // One message: read (a file into the thread's buffer), verified, rendered; with whether
    // it could not be read.
    let verify = |item: &sources::Item, buffer: &mut Vec<u8>| -> (output::Rendered, bool) {
        let (mut report, read_failed) = match &item.content {
            Ok(content) => match mapped::with_bytes(content, buffer, |bytes| {
                let mut report = verify_message(bytes, &keys, &options(&item.source));
                style.render(&mut report, Some(bytes))
            }) {
                Ok(rendered) => return (rendered, false),
                Err(e) => (output::error_report(&item.source, sources::io_error(&e), mode), true),
            },
            Err(e) => (output::error_report(&item.source, e.clone(), mode), false),
        };
        (style.render(&mut report, None), read_failed)
    };
    let on_panic = |item: &sources::Item| {
        let mut report = output::error_report(&item.source, Phrase::new("cli-error-internal"), mode);
        (style.render(&mut report, None), false)
    };
    let mut printer = output::Printer::new(&style);
    let (mut status, mut unreadable, mut messages) = (0, false, 0usize);
    let mut needed = KeysNeeded::new();
    let mut emit = |(rendered, read_failed): (output::Rendered, bool)| {
        messages += 1;
        if !rendered.verified {
            status = 1;
        }
        if args.missing_keys {
            let (names, date) = &rendered.missing_keys;
            needed.add(names, *date);
        }
        unreadable |= read_failed;
        printer.print(&rendered);
        if let (Some(dir), Some((source, html))) = (evidence.as_mut(), &rendered.evidence)
            && let Err((path, e)) = dir.write(source, html)
        {
            say_error(lang, &about(&path, io_error(&e)));
            unreadable = true;
        }
    };
    let job = pool::Job { run: &verify, on_panic: &on_panic };
    let path_errors = pool::run_paths(&args.paths, max_message, workers, job, lang, &mut emit);
    printer.finish();
    if args.missing_keys {
        printer.keys_needed(&needed.list());
    }
    let _ = std::io::stdout().flush();
    // Nothing checked is not "every message verified": say so, and fail.
    if messages == 0 && path_errors == 0 {
        say_error(lang, &Phrase::new("cli-error-no-messages"));
        return 2;
    }
    if unreadable || path_errors > 0 { 2 } else { status }
}

fn usage_error(lang: Lang, message: &Phrase) -> i32 {
    say_error(lang, message);
    eprintln!("{}", catalog::text(lang, "cli-try-help"));
    2
}

/// Where `keys` names the keys subcommand (after any `--lang`), unless a file named `keys`
/// exists in the current directory.
fn keys_subcommand(argv: &[String]) -> Option<usize> {
    let mut i = 0;
    while i < argv.len() {
        match argv[i].as_str() {
            "--lang" => i += 2,
            s if s.starts_with("--lang=") => i += 1,
            "keys" if !std::path::Path::new("keys").is_file() => return Some(i),
            _ => return None,
        }
    }
    None
}
