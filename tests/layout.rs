//! The layout of src/ is the data path, and this test keeps it so: a top-level module uses only
//! modules of lower layers (the table below), and no module uses one that uses it back, directly
//! or around a circle. It reads the sources rather than compiling anything, so it runs in a few
//! milliseconds. Outside test code, comments and string literals, a module uses another when:
//! - it names it or an item of it in a path (`use`, `pub use` or inline: `crate::…`, `super::…`,
//!   `self::…`, or a child module's name), an item reached through a re-export counting as a use
//!   of the module that defines it (`super::HashAlgorithm` re-exported by `crypto` from
//!   `crypto::hash` is a use of `crypto::hash`). So a folder's mod.rs that re-exports its children
//!   uses them, and a child that uses an item its parent's mod.rs defines uses the parent: both at
//!   once are a circle (a mod.rs that re-exports its children should define nothing);
//! - it holds an inherent `impl T` block for a type `T` defined in another module: `T`'s module
//!   then uses it (its methods live there), as the compiler's view of the graph has it.
//!
//! `scripts/module-cycles.py` on cargo-modules' dependency graph checks the same absence of
//! circles from the compiler's view; see the README's layout section.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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

/// One module's source, as the checks read it.
struct Source {
    /// The code before its tests, without comments and with string and character literals
    /// emptied.
    code: String,
}

/// Module path (`dkim::evaluate`, `""` for lib.rs) → source, for every file under src/ except
/// the binary.
fn read_sources(src: &Path) -> BTreeMap<String, Source> {
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
            if name == "main" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source is readable");
            let name = if name == "lib" { String::new() } else { name };
            out.insert(name, Source::new(&text));
        }
    }
    out
}

impl Source {
    fn new(text: &str) -> Source {
        let code = strip(text);
        // Test code may use anything; only what ships counts.
        let code = code.split("#[cfg(test)]").next().unwrap_or("").to_string();
        Source { code }
    }
}

/// The text without comments, and with the contents of string and character literals removed
/// (so that neither a doc link nor a string is read as a path).
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if !ident_before && (c[i] == 'r' || (c[i] == 'b' && c.get(i + 1) == Some(&'r'))) && {
            let mut j = if c[i] == 'b' { i + 2 } else { i + 1 };
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            c.get(j) == Some(&'"')
        } {
            // Raw string: r"…", r#"…"#, br"…".
            let mut j = if c[i] == 'b' { i + 2 } else { i + 1 };
            let mut hashes = 0;
            while c[j] == '#' {
                hashes += 1;
                j += 1;
            }
            j += 1;
            while j < c.len() && !(c[j] == '"' && (0..hashes).all(|h| c.get(j + 1 + h) == Some(&'#'))) {
                j += 1;
            }
            out.push_str("\"\"");
            i = j + 1 + hashes;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i += 1;
        } else if c[i] == '\'' && (c.get(i + 1) == Some(&'\\') || c.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\'', '\u{..}'), not a lifetime.
            i += 1;
            while i < c.len() && c[i] != '\'' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            out.push_str("' '");
            i += 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// One name a `use` declaration binds: the path it names and the name it binds (`*` for a glob).
#[derive(Debug, Clone)]
struct UseItem {
    path: Vec<String>,
    bound: String,
}

/// Every name bound by the `use` declarations (private or public) of `code`.
fn use_items(code: &str) -> Vec<UseItem> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("use ") {
        let start = from + at;
        from = start + 4;
        let before = code[..start].trim_end();
        let keyword = start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
        let item_start = before.is_empty()
            || before.ends_with(';')
            || before.ends_with('{')
            || before.ends_with('}')
            || before.ends_with(']')
            || before.ends_with("pub")
            || before.ends_with(')');
        if !(keyword && item_start) {
            continue;
        }
        let Some(end) = code[from..].find(';') else { continue };
        let tokens = tokens(&code[from..from + end]);
        let mut pos = 0;
        use_tree(&tokens, &mut pos, Vec::new(), &mut out);
        from += end;
    }
    out
}

/// Identifiers, `::`, braces, commas and `*`.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let c: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_alphanumeric() || c[i] == '_' {
            let s = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(c[s..i].iter().collect());
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else {
            if "{},*".contains(c[i]) {
                out.push(c[i].to_string());
            }
            i += 1;
        }
    }
    out
}

/// Parses one use tree at `pos` under `prefix`.
fn use_tree(t: &[String], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<UseItem>) {
    let mut path = prefix;
    // Whether this tree names anything (`a::{b, }` ends in an empty one).
    let mut named = false;
    while let Some(tok) = t.get(*pos) {
        *pos += 1;
        match tok.as_str() {
            "::" => {}
            "*" => {
                out.push(UseItem { path: path.clone(), bound: "*".into() });
                return;
            }
            "{" => loop {
                use_tree(t, pos, path.clone(), out);
                match t.get(*pos).map(String::as_str) {
                    Some(",") => *pos += 1,
                    Some("}") => {
                        *pos += 1;
                        return;
                    }
                    _ => return,
                }
            },
            "," | "}" => {
                *pos -= 1;
                break;
            }
            "self" if !path.is_empty() => named = true,
            name => {
                path.push(name.to_string());
                named = true;
            }
        }
        if t.get(*pos).is_some_and(|n| n == "as") {
            *pos += 1;
            let alias = t.get(*pos).cloned().unwrap_or_default();
            *pos += 1;
            out.push(UseItem { path, bound: alias });
            return;
        }
    }
    if let Some(last) = path.last().filter(|_| named) {
        out.push(UseItem { bound: last.clone(), path });
    }
}

/// The modules and what each uses, built from the sources.
struct Graph<'s> {
    sources: &'s BTreeMap<String, Source>,
    uses: BTreeMap<&'s str, Vec<UseItem>>,
}

fn join(path: &[String]) -> String {
    path.join("::")
}

impl<'s> Graph<'s> {
    fn new(sources: &'s BTreeMap<String, Source>) -> Self {
        let uses = sources.iter().map(|(name, s)| (name.as_str(), use_items(&s.code))).collect();
        Graph { sources, uses }
    }

    /// `path` as written in `module` made absolute (crate-relative segments); `None` for a path
    /// outside the crate.
    fn absolute(&self, module: &str, path: &[String]) -> Option<Vec<String>> {
        let own: Vec<String> = module.split("::").filter(|s| !s.is_empty()).map(String::from).collect();
        let first = path.first()?;
        let (mut base, rest) = match first.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" => (own.clone(), &path[1..]),
            "super" => {
                let mut base = own.clone();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                (base, rest)
            }
            // A child module, named from its parent.
            child if self.sources.contains_key(&join(&[own.clone(), vec![child.to_string()]].concat())) => {
                (own.clone(), path)
            }
            _ => return None,
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The module that defines what the absolute `path` names, through re-exports.
    fn defining_module(&self, path: &[String], depth: usize) -> Option<String> {
        let mut known = path.len();
        while !self.sources.contains_key(&join(&path[..known])) {
            known = known.checked_sub(1)?;
        }
        let module = join(&path[..known]);
        let Some(name) = path.get(known) else { return Some(module) };
        if depth < 8
            && let Some(item) = self.uses.get(module.as_str()).and_then(|u| u.iter().find(|u| &u.bound == name))
            && let Some(target) = self.absolute(&module, &item.path)
        {
            let mut target = target;
            target.extend(path[known + 1..].iter().cloned());
            return self.defining_module(&target, depth + 1);
        }
        Some(module)
    }

    /// The modules `module` uses.
    fn edges(&self, module: &str, problems: &mut Vec<String>) -> BTreeSet<String> {
        let code = &self.sources[module].code;
        let mut paths: Vec<Vec<String>> = self.uses[module].iter().map(|u| u.path.clone()).collect();
        paths.extend(inline_paths(code));
        let mut out = BTreeSet::new();
        for path in paths {
            if let Some(target) = self.absolute(module, &path).and_then(|p| self.defining_module(&p, 0))
                && target != module
            {
                out.insert(target);
            }
        }
        // Inherent impls of another module's types: that module uses this one.
        for ty in inherent_impls(code) {
            let path: Vec<String> = ty.split("::").map(String::from).collect();
            if path.len() == 1 && defines(code, &ty) {
                continue;
            }
            // `impl T` with `T` imported, or `impl super::x::T`.
            let written = match path.len() {
                1 => self.uses[module].iter().find(|u| u.bound == ty).map(|u| u.path.clone()),
                _ => Some(path),
            };
            match written.and_then(|p| self.absolute(module, &p)).and_then(|p| self.defining_module(&p, 0)) {
                Some(owner) if owner != module => {
                    out.insert(format!("impl:{owner}"));
                }
                Some(_) => {}
                None => problems.push(format!("{module}: impl {ty}: where {ty} is defined is not found")),
            }
        }
        out
    }
}

/// Paths written inline (not in a `use`): every identifier path that has a `::`.
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let t = tokens(code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let starts = t[i] != "::" && (i == 0 || t[i - 1] != "::") && t.get(i + 1).is_some_and(|n| n == "::");
        if !starts {
            i += 1;
            continue;
        }
        let mut path = vec![t[i].clone()];
        i += 1;
        while t.get(i).is_some_and(|n| n == "::")
            && t.get(i + 1).is_some_and(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_'))
        {
            path.push(t[i + 1].clone());
            i += 2;
        }
        // `super::{a, b}` is a `use` declaration's, read with the others.
        if t.get(i).is_none_or(|n| n != "::") {
            out.push(path);
        }
    }
    out
}

/// The types (as written: `T`, `super::x::T`) of the inherent `impl` blocks (`impl T {`,
/// `impl<'a> T<'a> {`) of `code`.
fn inherent_impls(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix("impl") else { continue };
        if !rest.starts_with([' ', '<']) {
            continue;
        }
        // Skip the generic parameters.
        let mut depth = 0;
        let mut at = 0;
        for (i, ch) in rest.char_indices() {
            match ch {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ if depth == 0 && !ch.is_whitespace() => {
                    at = i;
                    break;
                }
                _ => {}
            }
        }
        let header = rest[at..].split('{').next().unwrap_or("");
        if header.split_whitespace().any(|w| w == "for") {
            continue;
        }
        let ty = header.split(['<', ' ']).next().unwrap_or("");
        if !ty.is_empty() {
            out.push(ty.to_string());
        }
    }
    out
}

/// Whether `code` defines a type named `name`.
fn defines(code: &str, name: &str) -> bool {
    let t = tokens(code);
    t.windows(2).any(|w| ["struct", "enum", "union", "type", "trait"].contains(&w[0].as_str()) && w[1] == name)
}

fn layer(module: &str) -> Option<u32> {
    let top = module.split("::").next()?;
    LAYERS.iter().find(|(name, _)| *name == top).map(|(_, l)| *l)
}

/// Every layering problem and circle of the modules in `sources`, and the graph.
fn check(sources: &BTreeMap<String, Source>) -> (Vec<String>, BTreeMap<String, BTreeSet<String>>) {
    let graph_in = Graph::new(sources);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for module in sources.keys().filter(|m| !m.is_empty()) {
        for edge in graph_in.edges(module, &mut problems) {
            // `impl:owner`: the edge runs from the type's module to this one.
            let (from, to) = match edge.strip_prefix("impl:") {
                Some(owner) => (owner.to_string(), module.clone()),
                None => (module.clone(), edge),
            };
            if from.is_empty() || to.is_empty() {
                continue;
            }
            graph.entry(from).or_default().insert(to);
        }
    }
    for module in sources.keys().filter(|m| !m.is_empty()) {
        let Some(own) = layer(module) else {
            problems.push(format!("{module}: top-level module missing from LAYERS"));
            continue;
        };
        for target in graph.get(module).into_iter().flatten() {
            let same_top = target.split("::").next() == module.split("::").next();
            if !same_top && layer(target).is_some_and(|l| l >= own) {
                problems.push(format!("{module} uses {target}, which is not in a lower layer"));
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
    for node in sources.keys().filter(|m| !m.is_empty()) {
        if !state.contains_key(node.as_str()) {
            visit(node, &graph, &mut state, &mut Vec::new(), &mut problems);
        }
    }
    (problems, graph)
}

#[test]
fn lower_layers_never_use_higher_ones_and_nothing_is_circular() {
    let sources = read_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let (problems, graph) = check(&sources);
    assert!(problems.is_empty(), "layout problems:\n{}", problems.join("\n"));
    // The check must see the structure it guards.
    let uses = |m: &str, t: &str| graph.get(m).is_some_and(|u| u.contains(t));
    assert!(uses("dkim::evaluate", "keys::store") || uses("dkim::evaluate", "dkim::key_check"));
    assert!(uses("verify", "dkim::evaluate") && uses("verify", "report::message_report"));
    // A re-export is a use of the module that defines the item.
    assert!(uses("crypto", "crypto::rsa") && uses("crypto::public_key", "crypto::rsa"));
    assert!(uses("keys::record", "crypto::public_key"), "crate::crypto::PublicKey is crypto::public_key's");
}

/// The sources of a small crate, for the tests of the check itself.
fn fixture(files: &[(&str, &str)]) -> BTreeMap<String, Source> {
    files.iter().map(|(name, text)| (name.to_string(), Source::new(text))).collect()
}

#[test]
fn a_parent_that_re_exports_a_child_using_its_items_is_a_circle() {
    let crypto = "mod rsa;\npub use rsa::RsaPublicKey;\npub enum KeyError { Der }\n";
    let rsa = "use super::KeyError;\npub struct RsaPublicKey;\n";
    let (problems, _) = check(&fixture(&[("crypto", crypto), ("crypto::rsa", rsa)]));
    assert!(problems.iter().any(|p| p.starts_with("circle") && p.contains("crypto::rsa")), "{problems:?}");
    // The item in its own file, the parent only declaring and re-exporting: no circle.
    let crypto = "mod error;\nmod rsa;\npub use error::KeyError;\npub use rsa::RsaPublicKey;\n";
    // A trailing comma in braces, and paths in comments and strings, name nothing.
    let rsa =
        "use super::{\n    KeyError,\n};\n// super::Nothing\npub struct RsaPublicKey;\nconst S: &str = \"super::X\";\n";
    let error = "pub enum KeyError { Der }\n";
    let files = [("crypto", crypto), ("crypto::rsa", rsa), ("crypto::error", error)];
    let (problems, graph) = check(&fixture(&files));
    assert!(problems.is_empty(), "{problems:?}");
    assert!(graph["crypto::rsa"].contains("crypto::error"), "{graph:?}");
}

#[test]
fn an_inherent_impl_of_another_modules_type_makes_that_module_a_user() {
    let archive = "pub struct Archive;\nimpl Archive {\n    pub fn empty() -> Self { Archive }\n}\n";
    let store = "use super::archive::Archive;\npub struct KeyStore;\nimpl Archive {\n    pub fn add_to(&self, _: &mut KeyStore) {}\n}\n";
    let keys = "pub mod archive;\npub mod store;\n";
    let files = [("keys", keys), ("keys::archive", archive), ("keys::store", store)];
    let (problems, graph) = check(&fixture(&files));
    assert!(graph["keys::archive"].contains("keys::store"), "{graph:?}");
    assert!(problems.iter().any(|p| p.starts_with("circle")), "{problems:?}");
    // The type named by its path.
    let export = "impl<'a> super::archive::Archive {\n    pub fn export(&self) {}\n}\n";
    let files = [("keys", keys), ("keys::archive", archive), ("keys::export", export)];
    let (_, graph) = check(&fixture(&files));
    assert!(graph["keys::archive"].contains("keys::export"), "{graph:?}");
    // A trait impl is not counted; inherent impls of the module's own types are not either.
    let store = "use super::archive::Archive;\npub struct KeyStore;\nimpl KeyStore {\n    pub fn add(&mut self, _: &Archive) {}\n}\nimpl std::fmt::Debug for Archive {}\n";
    let files = [("keys", keys), ("keys::archive", archive), ("keys::store", store)];
    let (problems, _) = check(&fixture(&files));
    assert!(problems.is_empty(), "{problems:?}");
}
