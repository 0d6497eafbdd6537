//! `bantin-bench export`: a deterministic site of N Vietnamese articles,
//! exported in full (to tmpfs and to disk), then again after one edit; Hugo
//! builds the same corpus in the same run when it is installed (`bench_hugo`).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use bantin_core::{Error, Site, Status};
use bantin_export::{export_site, ExportOptions};
use serde_json::{json, Value};

use crate::bench_hugo::{self, Shape};
use crate::corpus;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

/// Peak resident memory of this process so far (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((kb / 1024.0 * 10.0).round() / 10.0)
}

pub(crate) fn count_files(dir: &Path, ext: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                count_files(&p, ext)
            } else {
                usize::from(p.extension().is_some_and(|x| x == ext))
            }
        })
        .sum()
}

/// Flushes what earlier steps wrote, so that the disk writing it back does
/// not slow down the next timed run (the disk figures varied 3× without).
pub(crate) fn settle_disk() {
    let _ = Command::new("sync").status();
}

pub fn run(articles: u64) -> Result<(), Error> {
    let work = tempfile::tempdir().map_err(io(&std::env::temp_dir()))?;
    let site = Site::create(
        &work.path().join("site"),
        "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
    )?;
    let mut store = site.store()?;
    let batch = 1_000u64;
    let mut start = 0;
    while start < articles {
        let items: Vec<_> = (start..(start + batch).min(articles))
            .map(|i| {
                let (mut input, at) = corpus::article(7, i);
                input.status = Status::Published;
                (input, Some(at))
            })
            .collect();
        store.create_articles(&items)?;
        start += batch;
    }

    let options = ExportOptions::default();
    let shm = Path::new("/dev/shm");
    let tmpfs_dir = if shm.is_dir() {
        Some(tempfile::tempdir_in(shm).map_err(io(shm))?)
    } else {
        None
    };
    let timed = |out: &Path| -> Result<(bantin_export::ExportReport, f64), Error> {
        settle_disk();
        let t = Instant::now();
        let report = export_site(&site, out, &options, &mut |_, _| {})?;
        Ok((report, t.elapsed().as_secs_f64() * 1e3))
    };
    let tmpfs = match &tmpfs_dir {
        Some(d) => Some(timed(&d.path().join("out"))?),
        None => None,
    };
    let disk_out = work.path().join("out");
    let (full, full_ms) = timed(&disk_out)?;

    // One edit, as a writer fixing a sentence: the incremental export.
    let id = store.list(&Default::default())?.items[0].id;
    let mut edit = store.article(id)?.input();
    edit.body
        .push_str("\n\nĐính chính: số liệu đã được cập nhật.");
    store.update_article(id, &edit)?;
    let (incremental, incremental_ms) = timed(&disk_out)?;

    let pages = count_files(&disk_out, "html");
    let ours_pages_per_s = pages as f64 / (full_ms / 1e3);
    let ours_tmpfs_pages_per_s = tmpfs.as_ref().map(|(_, ms)| pages as f64 / (ms / 1e3));
    let hugo = bench_hugo::run(&site, work.path(), articles, Shape::SameSite)?;
    let hugo_minimal = bench_hugo::run(&site, work.path(), articles, Shape::Minimal)?;
    // No ratio against a build that failed: its time would mean nothing.
    let ratio = |ours: Option<f64>, peer: &Value, key: &str| {
        peer.get("ok").and_then(Value::as_bool).filter(|ok| *ok)?;
        let theirs = peer.get(key).and_then(Value::as_f64)?;
        Some((ours? / theirs * 10.0).round() / 10.0)
    };
    let out = json!({
        "bench": "export",
        "articles": articles,
        "html_pages": pages,
        "files": full.files,
        "full_disk_ms": full_ms.round(),
        "full_tmpfs_ms": tmpfs.as_ref().map(|(_, ms)| ms.round()),
        "pages_per_s": ours_pages_per_s.round(),
        "pages_per_s_tmpfs": ours_tmpfs_pages_per_s.map(f64::round),
        "incremental_ms": incremental_ms.round(),
        "incremental_written": incremental.written,
        "peak_rss_mb": peak_rss_mb(),
        "speedup_vs_hugo": ratio(Some(ours_pages_per_s), &hugo, "pages_per_s"),
        "speedup_vs_hugo_tmpfs": ratio(ours_tmpfs_pages_per_s, &hugo, "pages_per_s_tmpfs"),
        "speedup_vs_hugo_minimal": ratio(Some(ours_pages_per_s), &hugo_minimal, "pages_per_s"),
        "speedup_vs_hugo_minimal_tmpfs": ratio(ours_tmpfs_pages_per_s, &hugo_minimal, "pages_per_s_tmpfs"),
        "hugo": hugo,
        "hugo_minimal": hugo_minimal,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(())
}
