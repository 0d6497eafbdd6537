//! Installing what the app needs to build and test, when it is missing.

use std::path::Path;
use std::process::Command;

use crate::{run, Result};

/// Debian/Ubuntu packages for building a Tauri app and driving it headless.
const DEBIAN_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "pkg-config",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "imagemagick",
    // Photo tests check derived files with exiftool; `bantin-bench media` runs vipsthumbnail.
    "libimage-exiftool-perl",
    "libvips-tools",
    // libjpeg-turbo (inside the mozjpeg crate) builds its SIMD code with nasm.
    "nasm",
    // The exported site is checked in headless Chromium (tests/e2e/exported.test.mjs).
    "chromium",
];

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn has_command(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// On Debian/Ubuntu, installs the missing packages with apt (through sudo
/// when not root). macOS and Windows ship their web view; nothing to do.
pub fn system_packages() -> Result {
    if !cfg!(target_os = "linux") || !has_command("dpkg-query") {
        return Ok(());
    }
    let missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            !Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
                .unwrap_or(false)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("Installing system packages: {}", missing.join(" "));
    let (program, prefix): (&str, Vec<&str>) = if is_root() {
        ("apt-get", vec![])
    } else {
        ("sudo", vec!["apt-get"])
    };
    let mut update = prefix.clone();
    update.extend(["update", "-q"]);
    run(Path::new("."), program, &update, &[])?;
    let mut install = prefix;
    install.extend(["install", "-y", "-q", "--no-install-recommends"]);
    install.extend(missing);
    run(
        Path::new("."),
        program,
        &install,
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}

/// `npm ci` when node_modules is missing or older than the lock file.
pub fn npm_install(dir: &Path) -> Result {
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&lock), modified(&marker)) {
        (Some(l), Some(m)) => m >= l,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(dir, "npm", &["ci", "--no-audit", "--no-fund"], &[])
}

/// tauri-driver bridges WebDriver to the app's web view (Linux, Windows).
pub fn tauri_driver() -> Result {
    if !cfg!(target_os = "linux") || has_command("tauri-driver") {
        return Ok(());
    }
    let home = std::env::var("HOME").unwrap_or_default();
    if Path::new(&home).join(".cargo/bin/tauri-driver").exists() {
        return Ok(());
    }
    run(
        Path::new("."),
        "cargo",
        &["install", "tauri-driver", "--locked", "--version", "2.1.0"],
        &[],
    )
}
