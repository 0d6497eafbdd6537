//! What an untrusted folder can do to an import: huge flat-colour PNGs that
//! are small on disk, two of them in one batch, a named pipe, a link to
//! `/dev/zero`. Peak memory is measured in a child process (this test binary
//! run again for one test, with `BANTIN_MEMORY_CHILD` set), which reports its
//! own high-water mark (`VmHWM`); within one test process other tests' memory
//! would blur it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use bantin_core::{ErrorCode, Site, UnsafeReason};
use bantin_media::{import_files, ImportOptions, MediaConfig};

/// Set in the child: the PNGs to import, separated by newlines.
const CHILD: &str = "BANTIN_MEMORY_CHILD";
/// The photo the memory tests make: 119 megapixels, under the 120 limit.
const SIDE: (u32, u32) = (10_900, 10_900);

/// A PNG of one colour, written row by row: it never exists whole in memory
/// and is a few hundred KB on disk.
fn flat_png(path: &Path, (w, h): (u32, u32), alpha: bool, shade: u8) {
    let file = std::fs::File::create(path).expect("create");
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
    encoder.set_color(if alpha {
        png::ColorType::Rgba
    } else {
        png::ColorType::Rgb
    });
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("header");
    let mut stream = writer.stream_writer().expect("stream");
    let pixel: &[u8] = if alpha {
        &[shade, 40, 40, 200]
    } else {
        &[shade, 40, 40]
    };
    let row: Vec<u8> = pixel
        .iter()
        .copied()
        .cycle()
        .take(w as usize * pixel.len())
        .collect();
    for _ in 0..h {
        stream.write_all(&row).expect("row");
    }
    stream.finish().expect("finish");
}

/// In the child: imports the files named in `CHILD` into a new site, then
/// prints the process's peak resident memory.
fn run_child(list: &str) {
    let files: Vec<PathBuf> = list.lines().map(PathBuf::from).collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let site = Site::create(&dir.path().join("site"), "Đo bộ nhớ").expect("site");
    let mut store = site.store().expect("store");
    let results = import_files(
        site.root(),
        &mut store,
        &files,
        &MediaConfig::default(),
        &ImportOptions::default(),
        &mut |_| {},
    );
    for (path, result) in &results {
        if let Err(e) = result {
            panic!("{}: {e}", path.display());
        }
    }
    let status = std::fs::read_to_string("/proc/self/status").expect("status");
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .expect("VmHWM");
    println!("PEAK_KB {}", peak.trim().trim_end_matches("kB").trim());
}

/// Peak resident memory, in bytes, of importing `files` in one batch in a
/// fresh process running `test`. `None` where it cannot be measured.
fn peak_of_import(test: &str, files: &[PathBuf]) -> Option<u64> {
    if !Path::new("/proc/self/status").exists() {
        return None;
    }
    let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, list.join("\n"))
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the import failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kb: u64 = stdout
        .lines()
        // The test harness may print the test's name on the same line.
        .find_map(|l| l.split("PEAK_KB ").nth(1))
        .and_then(|v| v.trim().parse().ok())
        .expect("the child reports its peak");
    Some(kb * 1024)
}

/// Runs `measure` unless this process is the child, where it imports instead.
/// Returns false in the child.
fn parent() -> bool {
    match std::env::var(CHILD) {
        Ok(list) => {
            run_child(&list);
            false
        }
        Err(_) => true,
    }
}

fn not_measured(what: &str) {
    eprintln!("!!! NOT MEASURED: {what}: peak memory is read from /proc (Linux only)");
}

fn check_peak(test: &str, alpha: bool, photos: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<PathBuf> = (0..photos)
        .map(|i| {
            let path = dir.path().join(format!("lon-{i}.png"));
            flat_png(&path, SIDE, alpha, 100 + i as u8);
            path
        })
        .collect();
    let pixels = u64::from(SIDE.0) * u64::from(SIDE.1) * if alpha { 4 } else { 3 };
    let Some(peak) = peak_of_import(test, &files) else {
        return not_measured(test);
    };
    let mb = |b: u64| b / (1024 * 1024);
    eprintln!(
        "{test}: {photos} photo(s) of {} MB pixels, peak {} MB ({:.2}×)",
        mb(pixels),
        mb(peak),
        peak as f64 / pixels as f64
    );
    assert!(
        peak * 2 < pixels * 3,
        "peak {} MB is over 1.5× the {} MB of pixels",
        mb(peak),
        mb(pixels)
    );
}

#[test]
fn a_119_megapixel_png_peaks_under_one_and_a_half_times_its_pixels() {
    if parent() {
        check_peak(
            "a_119_megapixel_png_peaks_under_one_and_a_half_times_its_pixels",
            false,
            1,
        );
    }
}

#[test]
fn a_119_megapixel_rgba_png_peaks_under_one_and_a_half_times_its_pixels() {
    if parent() {
        check_peak(
            "a_119_megapixel_rgba_png_peaks_under_one_and_a_half_times_its_pixels",
            true,
            1,
        );
    }
}

#[test]
fn two_huge_pngs_in_one_batch_are_decoded_one_at_a_time() {
    if parent() {
        check_peak(
            "two_huge_pngs_in_one_batch_are_decoded_one_at_a_time",
            false,
            2,
        );
    }
}

/// Imports `path` on another thread; the import must end within `limit`.
fn import_within(path: &Path, limit: Duration) -> bantin_core::Error {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = Site::create(&dir.path().join("site"), "Thử").expect("site");
    let root = site.root().to_owned();
    let path = path.to_owned();
    let (tx, rx) = std::sync::mpsc::channel();
    // Detached: if the import hangs, the test fails instead of hanging too.
    std::thread::spawn(move || {
        let mut store = site.store().expect("store");
        let result = bantin_media::import_file(
            &root,
            &mut store,
            &path,
            &MediaConfig::default(),
            &ImportOptions::default(),
        );
        let _ = tx.send(result.map(|_| ()));
    });
    let started = Instant::now();
    let outcome = rx
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("the import did not end within {limit:?}"));
    assert!(started.elapsed() < limit);
    outcome.expect_err("refused")
}

fn reason(e: &bantin_core::Error) -> &UnsafeReason {
    match e {
        bantin_core::Error::Unsafe { reason, .. } => reason,
        other => panic!("not refused by the file layer: {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_and_a_link_to_dev_zero_are_refused_at_once() {
    if !parent() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("anh.jpg");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let err = import_within(&fifo, Duration::from_secs(5));
    assert_eq!(reason(&err), &UnsafeReason::NotAFile, "{err}");
    assert_eq!(err.code(), ErrorCode::UnsafePath);
    assert!(err.to_string().contains("anh.jpg"), "names the file: {err}");

    let link = dir.path().join("zero.jpg");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("link");
    let err = import_within(&link, Duration::from_secs(5));
    assert_eq!(reason(&err), &UnsafeReason::Link, "{err}");
    assert!(
        err.to_string().contains("zero.jpg"),
        "names the file: {err}"
    );

    // A link out of the folder to a real photo is refused too.
    let photo = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photo.webp");
    let out = dir.path().join("ngoai.webp");
    std::os::unix::fs::symlink(&photo, &out).expect("link");
    let err = import_within(&out, Duration::from_secs(5));
    assert_eq!(reason(&err), &UnsafeReason::Link, "{err}");

    let err = import_within(Path::new("/dev/zero"), Duration::from_secs(5));
    assert_eq!(reason(&err), &UnsafeReason::NotAFile, "{err}");
    let err = import_within(dir.path(), Duration::from_secs(5));
    assert_eq!(reason(&err), &UnsafeReason::NotAFile, "{err}");
}

/// `/proc` files say they are empty and are not: like a file growing while
/// it is read, the bytes actually read are what the limit is checked on.
#[cfg(target_os = "linux")]
#[test]
fn a_file_larger_than_it_claims_is_refused_while_read() {
    if !parent() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let site = Site::create(&dir.path().join("site"), "Thử").expect("site");
    let mut store = site.store().expect("store");
    let mut config = MediaConfig::default();
    config.limits.max_file_bytes = 64;
    let claims = std::fs::metadata("/proc/self/maps").expect("maps").len();
    assert_eq!(claims, 0, "the file claims to be empty");
    let err = bantin_media::import_file(
        site.root(),
        &mut store,
        Path::new("/proc/self/maps"),
        &config,
        &ImportOptions::default(),
    )
    .expect_err("refused");
    assert!(
        matches!(reason(&err), UnsafeReason::TooLarge { .. }),
        "{err:?}"
    );
}
