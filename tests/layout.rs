//! The layout of src/ is the data path, and this test keeps it so: a top-level module uses only
//! modules of lower layers (the table in src/lib.rs), and no two modules use each other, directly
//! or around a circle. It reads the sources (every `crate::…` and `super::…` path outside test
//! code) rather than compiling anything, so it runs in a few milliseconds.
//!
//! `cargo modules dependencies --lib --no-externs --no-fns --no-sysroot --no-traits --no-types
//! --no-uses --acyclic` (the cargo-modules crate) checks the same absence of circles from the
//! compiler's view; see the README's layout section.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules, lowest layer first. A module may use modules of a lower layer and the
/// modules of its own folder, never those of a higher layer.
const LAYERS: &[(&str, u32)] = &[
    ("l10n", 0),
    ("budget", 1),
    ("text", 2),
    ("message", 3),
    ("crypto", 3),
    ("catalog", 3),
    ("keys", 4),
    ("dkim", 5),
    ("domainkeys", 6),
    ("arc", 6),
    ("recover", 6),
    ("report", 7),
    ("verify", 8),
    ("wasm_input", 9),
    ("wasm", 10),
];

/// Module path (`dkim::evaluate`) → file, for every file under src/ except the binary.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "cli") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src").with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let name = parts.join("::");
            if name != "main" && name != "lib" {
                out.insert(name, path);
            }
        }
    }
    out
}

/// The modules a file uses, resolved to the longest known module path.
fn uses(module: &str, text: &str, known: &BTreeMap<String, PathBuf>) -> BTreeSet<String> {
    // Test code may use anything; only what ships counts.
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = module.split("::").collect();
        let is_folder = known.get(module).is_some_and(|f| f.ends_with("mod.rs"));
        if !is_folder {
            p.pop();
        }
        p
    };
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    for prefix in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(prefix) {
            let start = from + at;
            from = start + prefix.len();
            if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
                continue;
            }
            let rest = &code[from..];
            let path: Vec<&str> = rest
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            let mut full: Vec<&str> = if prefix == "super::" { parent.clone() } else { Vec::new() };
            full.extend(path.iter().copied());
            // `use super::{a, b}` and `use crate::x::{a, b}`: the braces name modules too.
            let braced = rest.len() > path.join("::").len() + 2 && rest[path.join("::").len()..].starts_with("::{")
                || (path.is_empty() && rest.starts_with('{'));
            let mut candidates = vec![full.clone()];
            if braced {
                let open = rest.find('{').unwrap_or(0);
                let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
                for item in rest[open + 1..close].split(',') {
                    let item = item.trim().split("::").next().unwrap_or("").trim();
                    let mut c = full.clone();
                    c.push(item);
                    candidates.push(c);
                }
            }
            for mut c in candidates {
                while !c.is_empty() {
                    let name = c.join("::");
                    if known.contains_key(&name) && name != module {
                        found.insert(name);
                        break;
                    }
                    c.pop();
                }
            }
        }
    }
    found
}

fn layer(module: &str) -> Option<u32> {
    let top = module.split("::").next()?;
    LAYERS.iter().find(|(name, _)| *name == top).map(|(_, l)| *l)
}

#[test]
fn lower_layers_never_use_higher_ones_and_nothing_is_circular() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known = modules(&src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).expect("source is readable");
        let used = uses(module, &text, &known);
        let Some(own) = layer(module) else {
            problems.push(format!("{module}: top-level module missing from LAYERS"));
            continue;
        };
        for target in &used {
            let same_top = target.split("::").next() == module.split("::").next();
            // A folder's mod.rs declares and re-exports its children: that is not a use.
            let child = target.starts_with(&format!("{module}::"));
            if !same_top && layer(target).is_some_and(|l| l >= own) {
                problems.push(format!("{module} uses {target}, which is not in a lower layer"));
            }
            if !child {
                graph.entry(module.clone()).or_default().insert(target.clone());
            }
        }
    }
    // Circles: depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
        problems: &mut Vec<String>,
    ) {
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|p| p == next).unwrap_or(0);
                    problems.push(format!("circle: {} → {next}", path[start..].join(" → ")));
                }
                Some(_) => {}
                None => visit(next, graph, state, path, problems),
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    for node in known.keys() {
        if !state.contains_key(node.as_str()) {
            visit(node, &graph, &mut state, &mut Vec::new(), &mut problems);
        }
    }
    assert!(problems.is_empty(), "layout problems:\n{}", problems.join("\n"));
    // The check must see the structure it guards.
    assert!(graph.get("dkim::evaluate").is_some_and(|u| u.contains("keys::store") || u.contains("dkim::key_check")));
    assert!(graph.get("verify").is_some_and(|u| u.contains("dkim::evaluate") && u.contains("report")));
}
