//! Import folders as an attacker would make them: links out of the folder,
//! pipes and devices, files far too large, front matter built to be slow.
//! Each is skipped with a reason in bounded time; the rest still imports.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use bantin_core::{import::import_dir, Site};

#[test]
fn a_hostile_import_folder_is_read_safely_and_quickly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = Site::create(&dir.path().join("site"), "Thử").expect("site");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).expect("outside");
    std::fs::write(outside.join("secret.md"), "---\ntitle: Bí mật\n---\nx").expect("secret");
    let src = dir.path().join("import");
    std::fs::create_dir_all(&src).expect("import");
    std::fs::write(src.join("ok.md"), "---\ntitle: Bài thật\n---\nNội dung").expect("ok");
    std::fs::write(src.join("con.md"), "---\ntitle: Tên thiết bị\n---\nx").expect("con");
    symlink(outside.join("secret.md"), src.join("link.md")).expect("link");
    symlink("/dev/zero", src.join("zero.md")).expect("zero");
    let fifo = src.join("pipe.md");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo")
        .success());
    // 2 GB without using the disk: a sparse file.
    let huge = std::fs::File::create(src.join("huge.md")).expect("huge");
    huge.set_len(2 << 30).expect("sparse");
    let big_front = format!("---\ntitle: x\nsapo: \"{}\"\n---\nx", "a".repeat(400_000));
    std::fs::write(src.join("front.md"), big_front).expect("front");
    let tags: Vec<String> = (0..4_000)
        .map(|i| format!("  - thẻ {}", i % 1_000))
        .collect();
    std::fs::write(
        src.join("tags.md"),
        format!("---\ntitle: Nhiều thẻ\ntags:\n{}\n---\nx", tags.join("\n")),
    )
    .expect("tags");

    let started = Instant::now();
    let report = import_dir(&mut site.store().expect("store"), &src, None).expect("import");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let titles: Vec<&str> = report.imported.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"Bài thật"), "{titles:?}");
    assert!(
        !titles.contains(&"Bí mật"),
        "a link out of the folder was followed"
    );
    let reason = |name: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.file.ends_with(name))
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{name} not skipped: {:?}", report.skipped))
    };
    assert!(reason("huge.md").contains("MB"), "{}", reason("huge.md"));
    assert!(reason("link.md").contains("link"), "{}", reason("link.md"));
    assert!(reason("zero.md").contains("link"), "{}", reason("zero.md"));
    assert!(
        reason("pipe.md").contains("not an ordinary file"),
        "{}",
        reason("pipe.md")
    );
    assert!(reason("con.md").contains("Windows"), "{}", reason("con.md"));
    assert!(reason("front.md").contains("KB"), "{}", reason("front.md"));
    // The 1,000 distinct tags (of 4,000) are kept once each, in linear time.
    let item = report
        .imported
        .iter()
        .find(|i| i.title == "Nhiều thẻ")
        .expect("the file with many tags imports");
    let article = site
        .store()
        .expect("store")
        .article(item.id)
        .expect("article");
    assert_eq!(article.tags.len(), 1_000);
}
