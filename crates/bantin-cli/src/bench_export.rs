//! `bantin bench export`: a deterministic site of N Vietnamese articles,
//! exported in full (to tmpfs and to disk), then again after one edit; Hugo
//! renders the same corpus in the same run when it is installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use bantin_core::{corpus, Error, Site, Status};
use bantin_export::{export_site, ExportOptions};
use serde_json::{json, Value};

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

fn count_files(dir: &Path, ext: &str) -> usize {
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
fn settle_disk() {
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
    let hugo = hugo_run(&site, work.path(), articles)?;
    let ratio = |ours: Option<f64>, key: &str| {
        let theirs = hugo.get(key).and_then(Value::as_f64)?;
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
        "speedup_vs_hugo": ratio(Some(ours_pages_per_s), "pages_per_s"),
        "speedup_vs_hugo_tmpfs": ratio(ours_tmpfs_pages_per_s, "pages_per_s_tmpfs"),
        "hugo": hugo,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(())
}

/// The same articles as a Hugo site with minimal list and single templates,
/// built by Debian's `hugo` when it is on the PATH.
fn hugo_run(site: &Site, work: &Path, articles: u64) -> Result<Value, Error> {
    if Command::new("hugo").arg("version").output().is_err() {
        return Ok(json!({ "missing": "hugo is not installed (Debian package `hugo`)" }));
    }
    let root: PathBuf = work.join("hugo");
    let content = root.join("content/bai-viet");
    std::fs::create_dir_all(&content).map_err(io(&content))?;
    let layouts = root.join("layouts/_default");
    std::fs::create_dir_all(&layouts).map_err(io(&layouts))?;
    let write = |p: PathBuf, s: &str| std::fs::write(&p, s).map_err(|e| Error::io(&p, e));
    write(root.join("config.toml"), "baseURL = '/'\nlanguageCode = 'vi'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n")?;
    let page = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>";
    write(layouts.join("single.html"), &format!("{page}<h1>{{{{ .Title }}}}</h1><p><b>{{{{ .Params.sapo }}}}</b></p>{{{{ .Content }}}}</body></html>"))?;
    write(layouts.join("list.html"), &format!("{page}<h1>{{{{ .Title }}}}</h1>{{{{ range (.Paginate .Pages).Pages }}}}<h2><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a></h2>{{{{ end }}}}</body></html>"))?;
    let store = site.store()?;
    let mut offset = 0;
    loop {
        let page = store.list(&bantin_core::ListFilter {
            limit: 1000,
            offset,
            ..Default::default()
        })?;
        for s in &page.items {
            let a = store.article(s.id)?;
            let front = format!(
                "---\ntitle: {}\ndate: {}\nsapo: {}\n---\n\n",
                serde_json::to_string(&a.title).unwrap_or_default(),
                a.created_at,
                serde_json::to_string(&a.sapo).unwrap_or_default()
            );
            write(content.join(format!("{}.md", a.slug)), &(front + &a.body))?;
        }
        offset += page.items.len() as u32;
        if page.items.is_empty() || i64::from(offset) >= page.total {
            break;
        }
    }
    // Like ours, timed to tmpfs (the work itself) and to disk.
    let mut timings = serde_json::Map::new();
    let shm = Path::new("/dev/shm");
    let tmpfs = shm
        .is_dir()
        .then(|| tempfile::tempdir_in(shm).map_err(io(shm)))
        .transpose()?;
    let mut pages = 0;
    let mut ok = true;
    for (name, out) in [
        (
            "full_tmpfs_ms",
            tmpfs.as_ref().map(|d| d.path().join("hugo-out")),
        ),
        ("full_disk_ms", Some(work.join("hugo-out"))),
    ] {
        let Some(out) = out else { continue };
        settle_disk();
        let t = Instant::now();
        let status = Command::new("hugo")
            .args(["--quiet", "-s"])
            .arg(&root)
            .arg("-d")
            .arg(&out)
            .status()
            .map_err(io(&root))?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        ok &= status.success();
        pages = count_files(&out, "html");
        timings.insert(name.into(), json!(ms.round()));
    }
    let per_s = |key: &str| {
        timings
            .get(key)
            .and_then(Value::as_f64)
            .map(|ms| (pages as f64 / (ms / 1e3)).round())
    };
    Ok(json!({
        "ok": ok,
        "articles": articles,
        "html_pages": pages,
        "full_tmpfs_ms": timings.get("full_tmpfs_ms"),
        "full_disk_ms": timings.get("full_disk_ms"),
        "pages_per_s_tmpfs": per_s("full_tmpfs_ms"),
        "pages_per_s": per_s("full_disk_ms"),
    }))
}
