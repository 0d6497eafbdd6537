//! The Linux package, built and smoke-tested like an office would use it:
//! build the .deb, install it, open the installed app, measure it, remove it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{deps, output, run, run_tauri, Result};

/// `tauri build --bundles deb`; returns the .deb's path.
pub fn build_deb(root: &Path) -> Result<PathBuf> {
    run_tauri(root, &["build", "--bundles", "deb"])?;
    let dir = root.join("target/release/bundle/deb");
    let mut debs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    debs.sort();
    debs.pop()
        .ok_or_else(|| format!("no .deb in {}", dir.display()))
}

/// Builds, installs, launches (WebDriver check and measurements) and removes
/// the .deb. Needs root for apt; refuses loudly instead of skipping quietly.
pub fn package_test(root: &Path) -> Result {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    if !deps::is_root() {
        if std::env::var_os("CI").is_some() {
            return Err("the package test needs root in CI".into());
        }
        eprintln!("\n!!! NOT RUN: .deb install test (needs root for apt). Run `sudo cargo xtask test` to include it.");
        return Ok(());
    }
    let deb = build_deb(root)?;
    let size = std::fs::metadata(&deb).map(|m| m.len()).unwrap_or(0);
    eprintln!("\n.deb: {} ({:.1} MB)", deb.display(), size as f64 / 1e6);
    let deb_str = deb.to_str().ok_or("non-UTF-8 path")?;
    let package = output(Path::new("."), "dpkg-deb", &["-f", deb_str, "Package"])?;
    run(
        root,
        "apt-get",
        &["install", "-y", "-q", "--no-install-recommends", deb_str],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )?;
    let result = (|| {
        let files = output(Path::new("."), "dpkg", &["-L", &package])?;
        let binary = files
            .lines()
            .find(|l| l.starts_with("/usr/bin/"))
            .ok_or("the package installs no program in /usr/bin")?
            .to_owned();
        run(
            &root.join("tests/e2e"),
            "npm",
            &["run", "installed"],
            &[("BANTIN_APP", &binary)],
        )?;
        bench_app(Path::new(&binary), Some(&deb), Some(&package))
    })();
    let removed = run(
        root,
        "apt-get",
        &["remove", "-y", "-q", &package],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    );
    result.and(removed)?;
    let gone = Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", &package])
        .output();
    match gone {
        Ok(o) if String::from_utf8_lossy(&o.stdout).contains("install ok installed") => {
            Err(format!("{package} is still installed after apt-get remove"))
        }
        _ => Ok(()),
    }
}

/// Prints JSON: package size, installed size, start-up time to the first
/// painted list, and idle memory of the app with its WebKit processes.
pub fn bench_app(binary: &Path, deb: Option<&Path>, package: Option<&str>) -> Result {
    let mut display = Display::start()?;
    // One home for all runs: the first creates the sample site, the others reopen it.
    let home = tempfile_dir::Dir::new();
    let runs: Vec<(u128, (u64, u64))> = (0..3)
        .map(|_| launch_and_measure(binary, &display.name, home.path()))
        .collect::<Result<_>>()?;
    display.stop();
    let deb_mb = deb
        .and_then(|d| std::fs::metadata(d).ok())
        .map(|m| m.len() as f64 / 1e6);
    let installed_mb = package
        .and_then(|p| {
            output(
                Path::new("."),
                "dpkg-query",
                &["-W", "-f=${Installed-Size}", p],
            )
            .ok()
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    let json = format!(
        "{{\"bench\": \"app\", \"binary\": {:?}, \"deb_mb\": {}, \"installed_mb\": {}, \
         \"ready_ms_first_run\": {}, \"ready_ms_warm\": [{}], \"idle_rss_mb\": [{}], \"idle_pss_mb\": [{}]}}",
        binary.display().to_string(),
        deb_mb.map_or("null".into(), |v| format!("{v:.1}")),
        installed_mb.map_or("null".into(), |v| format!("{v:.1}")),
        runs[0].0,
        runs[1..]
            .iter()
            .map(|r| r.0.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        mb_list(runs.iter().map(|r| r.1 .0)),
        mb_list(runs.iter().map(|r| r.1 .1)),
    );
    println!("{json}");
    Ok(())
}

fn mb_list(kib: impl Iterator<Item = u64>) -> String {
    kib.map(|k| format!("{:.0}", k as f64 / 1024.0))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Starts the app (first run: it also creates the sample site), waits for
/// its "first rows painted" report, then sums the RSS of its process tree
/// after a few idle seconds. Returns (ready ms, (RSS, PSS) KiB).
fn launch_and_measure(binary: &Path, display: &str, home: &Path) -> Result<(u128, (u64, u64))> {
    let mut child = Command::new(binary)
        .env("DISPLAY", display)
        .env("BANTIN_HOME", home)
        .env("BANTIN_REPORT_STARTUP", "1")
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("XDG_CONFIG_HOME", home.join("xdg-config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let ready = wait_for_ready(&mut child);
    let rss = ready.is_ok().then(|| {
        std::thread::sleep(Duration::from_secs(3));
        tree_memory_kib(child.id())
    });
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    Ok((ready?, rss.unwrap_or((0, 0))))
}

fn wait_for_ready(child: &mut Child) -> Result<u128> {
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if let Some(ms) = line.strip_prefix("bantin-ready-ms=") {
                let _ = tx.send(ms.trim().parse::<u128>().ok());
                return;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(60))
        .ok()
        .flatten()
        .ok_or_else(|| "the app did not report its first painted list within 60 s".into())
}

/// RSS and PSS (shared pages divided among the processes that map them) of
/// `pid` and all its descendants: the WebKit web and network processes are
/// children of the app. RSS counts the shared WebKit libraries once per
/// process; PSS is the fairer sum.
fn tree_memory_kib(pid: u32) -> (u64, u64) {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(p) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
            // The command name may hold spaces; the parent pid follows the ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|s| s.parse().ok());
            if let Some(ppid) = ppid {
                parents.push((p, ppid));
            }
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    let field = |file: &str, name: &str| -> u64 {
        tree.iter()
            .map(|p| {
                std::fs::read_to_string(format!("/proc/{p}/{file}"))
                    .unwrap_or_default()
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
                    .unwrap_or(0)
            })
            .sum()
    };
    (field("status", "VmRSS:"), field("smaps_rollup", "Pss:"))
}

/// Whether display `:n` belongs to a running X server. An Xvfb killed hard
/// leaves its lock file and socket behind; those are cleared, not avoided,
/// or a machine that ran many tests runs out of display numbers.
fn display_in_use(n: u32) -> bool {
    let lock = format!("/tmp/.X{n}-lock");
    let socket = format!("/tmp/.X11-unix/X{n}");
    let owner = std::fs::read_to_string(&lock)
        .ok()
        .and_then(|pid| pid.trim().parse::<u32>().ok());
    match owner {
        Some(pid) if Path::new(&format!("/proc/{pid}")).exists() => true,
        Some(_) => {
            let _ = std::fs::remove_file(&lock);
            let _ = std::fs::remove_file(&socket);
            false
        }
        None => Path::new(&socket).exists(),
    }
}

/// An X display for the measured app: the session's own, or a private Xvfb.
struct Display {
    name: String,
    xvfb: Option<Child>,
}

impl Display {
    fn start() -> Result<Display> {
        for n in 90..99 {
            if display_in_use(n) {
                continue;
            }
            let name = format!(":{n}");
            let xvfb = Command::new("Xvfb")
                .args([
                    name.as_str(),
                    "-screen",
                    "0",
                    "1366x768x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("Xvfb: {e}"))?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && Instant::now() < deadline
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            return Ok(Display {
                name,
                xvfb: Some(xvfb),
            });
        }
        Err("no free X display number for Xvfb".into())
    }

    /// SIGTERM first: Xvfb then removes its lock file and socket itself.
    fn stop(&mut self) {
        if let Some(mut x) = self.xvfb.take() {
            let _ = Command::new("kill").arg(x.id().to_string()).status();
            let deadline = Instant::now() + Duration::from_secs(3);
            while matches!(x.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = x.kill();
            let _ = x.wait();
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A temporary folder removed on drop (xtask has no dependencies).
mod tempfile_dir {
    use std::path::{Path, PathBuf};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new() -> Dir {
            let path =
                std::env::temp_dir().join(format!("bantin-bench-app-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            let _ = std::fs::create_dir_all(&path);
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
