//! A full disk: the save fails with a clear error, nothing committed is lost,
//! and the next save after space is freed succeeds. Mounts a small tmpfs, so
//! it needs root; `cargo xtask test` runs it as root (CI does).

mod util;

use std::path::{Path, PathBuf};
use std::process::Command;

use util::{bantin, json, new_site, ok};

struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn mount_tmpfs(dir: &Path, size: &str) -> Mount {
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(dir)
        .status()
        .expect("run mount");
    assert!(status.success(), "mounting a tmpfs needs root");
    Mount(dir.to_owned())
}

#[test]
#[ignore = "needs root to mount a tmpfs; `cargo xtask test` runs it as root"]
fn disk_full_save_fails_clearly_and_loses_nothing() {
    let outer = tempfile::tempdir().expect("dir");
    let _mount = mount_tmpfs(outer.path(), "4M");
    let site = outer.path().join("site");
    ok(&site, &["init", "--name", "Đĩa nhỏ"]);
    let filler = outer.path().join("filler");
    let body = outer.path().join("body.md");
    std::fs::write(&body, "Nội dung rất dài. ".repeat(10_000)).expect("body");

    let mut saved = Vec::new();
    let mut failure = None;
    // Fill what is left with a file we can delete later, then save until full.
    let free = fs_free_bytes(outer.path());
    std::fs::write(&filler, vec![0u8; (free as usize).saturating_sub(900_000)]).expect("filler");
    for n in 0..100 {
        let title = format!("Bài số {n}");
        let out = bantin(
            &site,
            &[
                "article",
                "add",
                "--title",
                &title,
                "--body-file",
                body.to_str().expect("p"),
            ],
        );
        if out.status.success() {
            saved.push(title);
        } else {
            failure = Some(String::from_utf8_lossy(&out.stderr).into_owned());
            break;
        }
    }
    let failure = failure.expect("the disk must fill up");
    assert!(
        failure.contains("Ổ đĩa đã đầy"),
        "clear, translated message: {failure}"
    );
    assert!(!saved.is_empty(), "some saves fit before the disk filled");

    // On a disk with no byte left SQLite cannot even create its shared-memory
    // file to read, so the user frees space first, then finds everything.
    std::fs::remove_file(&filler).expect("free space");
    let listed = json(&site, &["article", "list", "--limit", "1000"]);
    let titles: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    for t in &saved {
        assert!(titles.contains(&t.as_str()), "committed article {t} lost");
    }
    assert_eq!(
        titles.len(),
        saved.len(),
        "the failed save left nothing half-written"
    );
    let conn = bantin_core::db::connect(&site.join("site.db")).expect("open");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(integrity, "ok");
    drop(conn);

    let id = ok(
        &site,
        &[
            "article",
            "add",
            "--title",
            "Sau khi giải phóng dung lượng",
            "--body-file",
            body.to_str().expect("p"),
        ],
    );
    assert!(
        id.trim().parse::<i64>().is_ok(),
        "save after freeing space works: {id}"
    );
}

fn fs_free_bytes(path: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .expect("df");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .expect("df output")
}

#[test]
#[ignore = "needs root to mount a tmpfs; `cargo xtask test` runs it as root"]
fn an_export_onto_a_full_disk_fails_clearly_and_leaves_no_temp_files() {
    let site_dir = new_site();
    let site = site_dir.path();
    let body = site.join("body.md");
    std::fs::write(&body, "Nội dung rất dài của bài viết. ".repeat(4_000)).expect("body");
    for n in 0..6 {
        let title = format!("Bài đã đăng số {n}");
        let args = ["article", "add", "--title", &title, "--status", "published"];
        let mut args = args.to_vec();
        args.extend(["--body-file", body.to_str().expect("p")]);
        ok(site, &args);
    }
    let web = tempfile::tempdir().expect("web");
    let _mount = mount_tmpfs(web.path(), "256k");
    let out = bantin(
        site,
        &["export", "site", "--out", web.path().to_str().expect("p")],
    );
    assert!(!out.status.success(), "the export cannot fit");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Ổ đĩa đã đầy"),
        "clear, translated message: {err}"
    );
    // What the failed export freed is filled again, so the zip cannot fit either.
    let free = fs_free_bytes(web.path()) as usize;
    let _ = std::fs::write(web.path().join("filler"), vec![0u8; free]);
    let zip = web.path().join("bai.zip");
    let out = bantin(
        site,
        &["export", "article", "1", "--zip", zip.to_str().expect("p")],
    );
    assert!(!out.status.success(), "the zip cannot fit");
    assert!(!zip.exists(), "no half zip");
    let leftovers: Vec<String> = walk(web.path())
        .into_iter()
        .filter(|name| {
            name.ends_with(".tmp") || name.rsplit('/').next().is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "temp files left behind: {leftovers:?}"
    );
}

/// Every file under `dir`, as paths relative to it.
fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out
}
