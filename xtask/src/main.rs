//! `cargo xtask`: the project's own commands, cross-platform.
//!
//! - `cargo xtask start`  install what is missing and launch the app (sample site on first run)
//! - `cargo xtask test`   every check and test CI runs, end-to-end included
//! - `cargo xtask bindings` regenerate ui/src/bindings.ts from the Rust commands
//! - `cargo xtask bench store|export|media|preview [args]` a benchmark (`bantin-bench`), release build
//! - `cargo xtask bench-app [BINARY]` size, start-up time and memory of the app
//! - `cargo xtask deb`    build the Linux package
//! - `cargo xtask package-test` build, install, launch, measure and remove the .deb

mod deps;
mod package;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = repo_root();
    let result = match args.first().map(String::as_str) {
        Some("start") => start(&root),
        Some("test") => test(&root),
        Some("bindings") => bindings(&root),
        Some("bench") => bench(&root, &args[1..]),
        Some("bench-app") => bench_app(&root, args.get(1)),
        Some("deb") => package::build_deb(&root).map(|deb| println!("{}", deb.display())),
        Some("package-test") => package::package_test(&root),
        _ => Err(
            "usage: cargo xtask <start | test | bindings | bench store|export|media|preview [args] | bench-app [BINARY] | deb | package-test>"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_owned)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in `dir`, echoing it, and fails with its name if it fails.
pub fn run(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result {
    eprintln!("\n==> {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a command in `dir` and returns its trimmed stdout, or its stderr as the error.
pub fn output(dir: &Path, program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs the Tauri CLI that `npm ci` put in ui/node_modules, from the repo root.
pub fn run_tauri(root: &Path, args: &[&str]) -> Result {
    let cli = tauri_cli(root);
    run(root, cli.to_str().unwrap_or("tauri"), args, &[])
}

fn tauri_cli(root: &Path) -> PathBuf {
    let name = if cfg!(windows) { "tauri.cmd" } else { "tauri" };
    root.join("ui/node_modules/.bin").join(name)
}

fn start(root: &Path) -> Result {
    deps::system_packages()?;
    deps::npm_install(&root.join("ui"))?;
    run_tauri(root, &["dev"])
}

fn bindings(root: &Path) -> Result {
    run(
        root,
        "cargo",
        &["test", "-p", "bantin-app", "--lib", "committed_bindings"],
        &[("UPDATE_BINDINGS", "1")],
    )
}

fn bench(root: &Path, args: &[String]) -> Result {
    let mut all = vec!["run", "--release", "-p", "bantin-bench", "--"];
    all.extend(args.iter().map(String::as_str));
    run(root, "cargo", &all, &[])
}

/// Measures the installed app, or the release build when none is installed.
fn bench_app(root: &Path, binary: Option<&String>) -> Result {
    let binary = match binary {
        Some(b) => PathBuf::from(b),
        None if Path::new("/usr/bin/bantin-app").exists() => PathBuf::from("/usr/bin/bantin-app"),
        None => root.join("target/release/bantin-app"),
    };
    if !binary.exists() {
        return Err(format!(
            "{} not found: run `cargo xtask deb` first",
            binary.display()
        ));
    }
    package::bench_app(&binary, None, None)
}

/// The library crates must stay usable without Tauri (CLI, servers, tests).
fn check_libraries_have_no_tauri(root: &Path) -> Result {
    for krate in ["bantin-core", "bantin-media", "bantin-export"] {
        eprintln!("\n==> {krate} dependency tree has no tauri");
        let tree = output(
            root,
            "cargo",
            &[
                "tree",
                "-p",
                krate,
                "--all-features",
                "-e",
                "normal,build",
                "--prefix",
                "none",
            ],
        )?;
        let tauri: Vec<&str> = tree.lines().filter(|l| l.starts_with("tauri")).collect();
        if !tauri.is_empty() {
            return Err(format!("{krate} depends on Tauri: {tauri:?}"));
        }
        eprintln!("ok: {} crates, none of them tauri", tree.lines().count());
    }
    Ok(())
}

fn test(root: &Path) -> Result {
    let started = Instant::now();
    deps::system_packages()?;
    deps::npm_install(&root.join("ui"))?;
    deps::npm_install(&root.join("tests/e2e"))?;
    deps::tauri_driver()?;

    let ui = root.join("ui");
    run(root, "cargo", &["fmt", "--all", "--check"], &[])?;
    run(&ui, "npm", &["run", "check"], &[])?;
    run(&ui, "npm", &["run", "lint"], &[])?;
    run(&ui, "npm", &["test"], &[])?;
    // The app embeds ui/dist at compile time, so the UI is built before any
    // Rust check of the app; E2E then drives this very binary.
    run_tauri(root, &["build", "--debug", "--no-bundle"])?;
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    check_libraries_have_no_tauri(root)?;
    // Includes the bindings drift test and the kill -9 crash test.
    run(root, "cargo", &["test", "--workspace"], &[])?;
    disk_full_test(root)?;
    run(&root.join("tests/e2e"), "npm", &["test"], &[])?;
    package::package_test(root)?;
    eprintln!(
        "\nxtask test: everything passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Needs root to mount a small tmpfs. Refusing loudly beats skipping quietly.
fn disk_full_test(root: &Path) -> Result {
    if !deps::is_root() {
        if std::env::var_os("CI").is_some() {
            return Err("the disk-full test needs root in CI".into());
        }
        eprintln!("\n!!! NOT RUN: disk-full test (needs root to mount a tmpfs). Run `sudo cargo xtask test` to include it.");
        return Ok(());
    }
    run(
        root,
        "cargo",
        &[
            "test",
            "-p",
            "bantin-cli",
            "--test",
            "disk_full",
            "--",
            "--ignored",
        ],
        &[],
    )
}
