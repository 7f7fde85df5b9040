//! Verifies every message in the given files or directories with Stalwart `mail-auth`, the way
//! `dkimcheck` does: read each file, verify its DKIM signatures, print one line per message and a
//! tally. Keys come from a zone file and are put in the resolver's cache before the first
//! message, so no DNS is used.
//!
//! ```text
//! compare-mail-auth --keys keys.zone DIR_OR_FILE...
//! ```

use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator, Parameters, ResolverCache, Txt};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A TXT cache filled beforehand.
struct Keys(RefCell<HashMap<Box<str>, Txt>>);

impl ResolverCache<Box<str>, Txt> for Keys {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.borrow().get(name).cloned()
    }
    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.borrow_mut().remove(name)
    }
    fn insert(&self, key: Box<str>, value: Txt, _: std::time::Instant) {
        self.0.borrow_mut().insert(key, value);
    }
}

/// `name. IN TXT "part" "part"` lines (as `dkimcheck::keys::zone_line` writes them).
fn load_zone(text: &str) -> Keys {
    let mut map = HashMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(';') {
            continue;
        }
        let Some(name) = line.split_whitespace().next() else { continue };
        let mut value = Vec::new();
        let mut inside = false;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => inside = !inside,
                '\\' if inside => {
                    if let Some(n) = chars.next() {
                        value.push(n as u8);
                    }
                }
                c if inside => {
                    let mut buf = [0u8; 4];
                    value.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => {}
            }
        }
        let mut fqdn = name.to_ascii_lowercase();
        if !fqdn.ends_with('.') {
            fqdn.push('.');
        }
        let record: Txt = match DomainKey::parse(&value) {
            Ok(k) => k.into(),
            Err(e) => {
                eprintln!("compare-mail-auth: {name}: {e}");
                continue;
            }
        };
        map.insert(fqdn.into_boxed_str(), record);
    }
    Keys(RefCell::new(map))
}

/// Runs a future that never waits (every lookup is a cache hit) to completion.
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).expect("read dir").flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut keys = Keys(RefCell::new(HashMap::new()));
    let mut files = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--keys" {
            let text = std::fs::read_to_string(&args[i + 1]).expect("keys file");
            keys = load_zone(&text);
            i += 2;
            continue;
        }
        collect(Path::new(&args[i]), &mut files);
        i += 1;
    }
    let authenticator = MessageAuthenticator::new_cloudflare().expect("resolver object (never queried)");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut total, mut passed) = (0usize, 0usize);
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "eml")) {
        let raw = match std::fs::read(file) {
            Ok(r) => r,
            Err(e) => {
                let _ = writeln!(out, "ERROR   {}: {e}", file.display());
                continue;
            }
        };
        total += 1;
        let Some(message) = AuthenticatedMessage::parse(&raw) else {
            let _ = writeln!(out, "ERROR   {}: not a message", file.display());
            continue;
        };
        let results = block_on(authenticator.verify_dkim(Parameters::new(&message).with_txt_cache(&keys)));
        let pass = results.iter().any(|r| matches!(r.result(), DkimResult::Pass));
        passed += usize::from(pass);
        let label = if pass {
            "PASS"
        } else if results.is_empty() {
            "NONE"
        } else {
            "FAIL"
        };
        let _ = writeln!(out, "{label:<7} {}: {} signature(s)", file.display(), results.len());
    }
    let _ = writeln!(out, "{passed} of {total} messages verified");
}
