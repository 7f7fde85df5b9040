//! The message catalogs (`locales/*.ftl`): each parses, holds the same messages (and the same
//! attributes) in every language, has no duplicate ids, and holds every id the code uses. Every
//! reference case renders in every language without an unknown id, and the French says
//! nothing the English does not (same numbers, domains and technical values).

mod common;

use dkimcheck::catalog::{self, SOURCES};
use dkimcheck::l10n::Lang;
use fluent_bundle::{FluentBundle, FluentResource};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message id → its attribute names, for one catalog; also the syntax errors and duplicates.
fn entries(source: &str) -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let mut problems = Vec::new();
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            problems.extend(errors.iter().map(|e| format!("syntax: {e:?}")));
            r
        }
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let attrs: BTreeSet<String> = m.attributes.iter().map(|a| a.id.name.to_string()).collect();
            if m.value.is_none() && attrs.is_empty() {
                problems.push(format!("{}: no text", m.id.name));
            }
            if out.insert(m.id.name.to_string(), attrs).is_some() {
                problems.push(format!("{}: defined twice", m.id.name));
            }
        }
    }
    let mut bundle: FluentBundle<&FluentResource> = FluentBundle::new(vec![]);
    if let Err(errors) = bundle.add_resource(&resource) {
        problems.extend(errors.iter().map(|e| format!("bundle: {e:?}")));
    }
    (out, problems)
}

#[test]
fn every_message_is_in_every_language_with_the_same_attributes() {
    let (en, mut problems) = entries(SOURCES[0].1);
    assert!(en.len() > 100, "the English catalog is read");
    for (lang, source) in &SOURCES[1..] {
        let (other, errors) = entries(source);
        problems.extend(errors.into_iter().map(|e| format!("{lang}: {e}")));
        for (id, attrs) in &en {
            match other.get(id) {
                None => problems.push(format!("{lang}: {id} has no text")),
                Some(a) if a != attrs => problems.push(format!("{lang}: {id} has attributes {a:?}, English {attrs:?}")),
                _ => {}
            }
        }
        for id in other.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("en: {id} has no text (it is in {lang})"));
        }
    }
    assert!(problems.is_empty(), "catalog problems:\n{}", problems.join("\n"));
}

/// The prefixes of the ids the Rust code uses: any string literal in src/ of the form
/// `prefix-...` is an id and must be in the catalogs.
const ID_PREFIXES: &[&str] = &[
    "arc-",
    "budget-",
    "archive-",
    "caveat-",
    "cli-",
    "date-",
    "detail-",
    "dk-",
    "error-",
    "expired-",
    "fields-",
    "headline-",
    "import-",
    "judging-",
    "key-",
    "label-",
    "list-",
    "month-",
    "note-",
    "recover-",
    "recovered-",
    "sig-",
    "tag-error-",
    "tally-",
    "time-source-",
    "two-sentences",
    "unknown-",
    "verdict-",
    "warning-",
    "window-",
    "z-",
    "zone-",
];

/// Literals with an id's prefix that are not ids: header field names.
const NOT_IDS: &[&str] = &["arc-seal", "arc-message-signature", "arc-authentication-results"];

fn rust_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_id_the_code_uses_is_in_the_catalogs() {
    let (en, _) = entries(SOURCES[0].1);
    let mut files = Vec::new();
    rust_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut used = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for literal in code.split('"').skip(1).step_by(2) {
            let is_id = literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && ID_PREFIXES.iter().any(|p| literal.starts_with(p))
                && !literal.ends_with('-')
                && !NOT_IDS.contains(&literal);
            if is_id {
                used.insert((literal.to_string(), file.display().to_string()));
            }
        }
    }
    assert!(used.len() > 150, "the scan sees the ids ({})", used.len());
    let missing: Vec<String> =
        used.iter().filter(|(id, _)| !en.contains_key(id)).map(|(id, file)| format!("{id} ({file})")).collect();
    assert!(missing.is_empty(), "ids used in src/ but missing from the catalogs:\n{}", missing.join("\n"));
}

#[test]
fn rendering_never_shows_an_id_or_an_isolation_mark() {
    for lang in Lang::ALL {
        for (id, _) in entries(SOURCES[0].1).0 {
            assert!(catalog::has(lang, &id) || id.starts_with('-'), "{lang}: {id}");
        }
        let text = catalog::text(lang, "headline-unsigned");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text}");
    }
}

/// One vocabulary of outcomes (issue 15): the CLI's French label for an outcome is the page's
/// name for it (`assessment-*`), upper-cased with hyphens for spaces, or its first word when
/// the name is long (COHÉRENT for "Cohérent avec une clé reconstituée"). The English labels are
/// short tags (PASS, NOPROOF...) kept as they are for the scripts that already read them.
#[test]
fn the_french_cli_labels_are_the_pages_words() {
    use dkimcheck::report::Outcome;
    for o in Outcome::ALL {
        let label = catalog::text(Lang::Fr, o.label().id).to_lowercase().replace('-', " ");
        let name = catalog::text(Lang::Fr, o.name().id).to_lowercase();
        let first_word = name.split(' ').next().unwrap_or_default();
        assert!(label == name || label == first_word, "{o}: label {label:?}, page {name:?}");
    }
}
