//! Records the git commit the tool is built from (`DKIMCHECK_COMMIT`, shown in reports and
//! evidence); `unknown` outside a git checkout. A `DKIMCHECK_COMMIT` set in the environment wins.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=DKIMCHECK_COMMIT");
    let commit = std::env::var("DKIMCHECK_COMMIT").ok().filter(|c| !c.is_empty()).or_else(git_commit);
    println!("cargo:rustc-env=DKIMCHECK_COMMIT={}", commit.as_deref().unwrap_or("unknown"));
}

/// `git rev-parse HEAD`, and a rerun when HEAD moves.
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| {
        let out = Command::new("git").args(args).output().ok().filter(|o| o.status.success())?;
        Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
    };
    let commit = git(&["rev-parse", "HEAD"])?;
    for path in ["HEAD", "refs/heads"] {
        if let Some(p) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    (commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit())).then_some(commit)
}
