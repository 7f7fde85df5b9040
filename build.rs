//! Embeds the test vectors for the wasm tests (tests/wasm.rs), which cannot read files: writes
//! `$OUT_DIR/vector_files.rs`, a list of `(path, bytes)` for every file under tests/vectors.
//! The library itself never includes it. Also records the git commit the tool is built from
//! (`DKIMCHECK_COMMIT`, shown in reports and evidence); `unknown` outside a git checkout. A
//! `DKIMCHECK_COMMIT` set in the environment wins.

use std::path::{Path, PathBuf};
use std::process::Command;

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
    println!("cargo:rerun-if-env-changed=DKIMCHECK_COMMIT");
    let commit = std::env::var("DKIMCHECK_COMMIT").ok().filter(|c| !c.is_empty()).or_else(git_commit);
    println!("cargo:rustc-env=DKIMCHECK_COMMIT={}", commit.as_deref().unwrap_or("unknown"));
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

/// `git rev-parse HEAD`, and a rerun when HEAD moves: when HEAD, the checked-out branch's ref or
/// the packed refs change, not when any other branch moves (the whole `refs/heads` folder is
/// shared by every worktree, so watching it rebuilt this crate on every commit anywhere).
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| {
        let out = Command::new("git").args(args).output().ok().filter(|o| o.status.success())?;
        Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
    };
    let commit = git(&["rev-parse", "HEAD"])?;
    let branch = git(&["symbolic-ref", "-q", "HEAD"]);
    for path in ["HEAD", "packed-refs"].into_iter().chain(branch.as_deref()) {
        // Only files that exist: cargo reruns the script every build for a missing one.
        if let Some(p) = git(&["rev-parse", "--git-path", path]).filter(|p| Path::new(p).exists()) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    (commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit())).then_some(commit)
}
