//! Embeds the test vectors for the wasm tests (tests/wasm.rs), which cannot read files: writes
//! `$OUT_DIR/vector_files.rs`, a list of `(path, bytes)` for every file under tests/vectors.
//! The library itself never includes it.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_none_or(|e| e != "md") {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let vectors = root.join("tests/vectors");
    println!("cargo:rerun-if-changed=tests/vectors");
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    walk(&vectors, &mut files);
    let mut code = String::from(
        "/// Every file under tests/vectors: (path relative to it, bytes).\npub static VECTOR_FILES: &[(&str, &[u8])] = &[\n",
    );
    for f in files {
        let rel = f.strip_prefix(&vectors).unwrap_or(&f).to_string_lossy().replace('\\', "/");
        code.push_str(&format!("    ({rel:?}, include_bytes!({:?})),\n", f.to_string_lossy()));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("vector_files.rs");
    let _ = std::fs::write(out, code);
}
