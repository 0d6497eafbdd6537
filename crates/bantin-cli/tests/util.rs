//! Helpers shared by the CLI tests: run the real `bantin` binary on a temp site.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn bantin(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bantin"))
        .arg("--site")
        .arg(site)
        .args(args)
        .env("BANTIN_LANG", "vi")
        .output()
        .expect("run bantin")
}

/// Runs and expects success; returns stdout.
pub fn ok(site: &Path, args: &[&str]) -> String {
    let out = bantin(site, args);
    assert!(
        out.status.success(),
        "bantin {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn json(site: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&ok(site, &all)).expect("valid JSON")
}

pub fn new_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    ok(dir.path(), &["init", "--name", "Trung tâm huyện"]);
    dir
}
