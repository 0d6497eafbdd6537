//! The hostile-folder corpus: site folders, export folders, themes and import
//! folders as an attacker (or a careless copy on a USB stick) would make
//! them. Each case is refused with an error that names the thing, and the
//! tree beside the folder being worked on (`outside/`) is hashed before and
//! after: nothing there may change.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bantin_core::{sample::create_sample_site, Error, ErrorCode, Site, UnsafeReason};
use bantin_export::{export_article, export_article_zip, export_site, ExportOptions};

struct World {
    _dir: tempfile::TempDir,
    root: PathBuf,
    site: Site,
    outside: PathBuf,
}

/// A sample site, an export folder and an `outside/` tree of the user's own
/// files that no case may touch.
fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    let site = create_sample_site(&root.join("site")).expect("sample site");
    let outside = root.join("outside");
    std::fs::create_dir_all(outside.join("docs")).expect("outside");
    std::fs::write(outside.join("victim.txt"), b"the user's own file").expect("victim");
    std::fs::write(outside.join("docs/luong.xlsx"), b"payroll").expect("payroll");
    std::fs::write(outside.join("bai.md"), b"---\ntitle: Ngoai\n---\nx").expect("md");
    World {
        _dir: dir,
        root,
        site,
        outside,
    }
}

/// Every file under `dir` with its bytes (links as their target).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("type");
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                out.insert(path, target.to_string_lossy().as_bytes().to_vec());
            } else if kind.is_dir() {
                todo.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

impl World {
    /// Runs `case` and checks that nothing outside changed.
    fn untouched<T>(&self, case: impl FnOnce() -> T) -> T {
        let before = tree(&self.outside);
        let result = case();
        assert_eq!(tree(&self.outside), before, "a file outside changed");
        result
    }

    fn export(
        &self,
        out: &Path,
        move_aside: bool,
    ) -> bantin_core::Result<bantin_export::ExportReport> {
        let options = ExportOptions {
            move_aside,
            ..Default::default()
        };
        export_site(&self.site, out, &options, &mut |_, _| {})
    }

    fn sql(&self, sql: &str) {
        let conn = rusqlite::Connection::open(self.site.db_path()).expect("db");
        conn.execute_batch(sql).expect(sql);
    }
}

fn code(result: bantin_core::Result<impl std::fmt::Debug>) -> ErrorCode {
    result.expect_err("refused").code()
}

#[test]
fn a_manifest_that_names_files_outside_deletes_nothing() {
    let w = world();
    let out = w.root.join("web");
    w.export(&out, false).expect("first export");
    let victim = w.outside.join("victim.txt");
    for key in [
        victim.to_string_lossy().into_owned(),
        "../outside/victim.txt".to_owned(),
        "bai-viet/../../outside/victim.txt".to_owned(),
        "C:\\\\Windows\\\\win.ini".to_owned(),
    ] {
        let manifest = format!(r#"{{"files":{{"{key}":{{"print":"x"}}}}}}"#);
        std::fs::write(out.join(".bantin-export.json"), manifest).expect("manifest");
        let err = w.untouched(|| w.export(&out, false)).expect_err(&key);
        assert_eq!(err.code(), ErrorCode::UnsafePath, "{key}: {err}");
        assert!(err.to_string().contains(".bantin-export.json"), "{err}");
    }
}

#[test]
fn links_planted_in_the_export_folder_are_not_written_through() {
    let w = world();
    let out = w.root.join("web");
    std::fs::create_dir_all(&out).expect("out");
    symlink(w.outside.join("victim.txt"), out.join("index.html")).expect("file link");
    symlink(w.outside.join("docs"), out.join("bai-viet")).expect("folder link");
    // The old writer's predictable temp name, planted as a link.
    symlink(
        w.outside.join("victim.txt"),
        out.join("404.html.bantin-tmp"),
    )
    .expect("tmp link");
    let err = w.untouched(|| w.export(&out, false)).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::Unsafe {
                reason: UnsafeReason::Link,
                ..
            } | Error::InTheWay(_)
        ),
        "{err:?}"
    );
    // Removing the file link still leaves the folder link refused.
    std::fs::remove_file(out.join("index.html")).expect("unlink");
    let err = w.untouched(|| w.export(&out, true)).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::Unsafe {
                reason: UnsafeReason::Link,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("bai-viet"), "{err}");
}

#[test]
fn a_users_own_files_are_never_overwritten_and_can_be_moved_aside() {
    let w = world();
    let out = w.root.join("web");
    std::fs::create_dir_all(out.join("static")).expect("out");
    std::fs::write(out.join("index.html"), b"<h1>Trang cua toi</h1>").expect("own index");
    std::fs::write(out.join("static/style.css"), b"body{}").expect("own css");
    std::fs::write(out.join("ghi-chu.txt"), b"notes").expect("notes");
    let err = w.export(&out, false).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::FileInTheWay);
    assert!(
        err.to_string().contains("index.html") || err.to_string().contains("style.css"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(out.join("index.html")).expect("kept"),
        b"<h1>Trang cua toi</h1>"
    );
    assert_eq!(
        std::fs::read(out.join("static/style.css")).expect("kept"),
        b"body{}"
    );

    let report = w.export(&out, true).expect("moved aside");
    let moved: Vec<_> = report
        .moved_aside
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    assert!(
        moved.contains(&("index.html", "index.html.bak")),
        "{moved:?}"
    );
    assert!(
        moved.contains(&("static/style.css", "static/style.css.bak")),
        "{moved:?}"
    );
    assert_eq!(
        std::fs::read(out.join("index.html.bak")).expect("kept"),
        b"<h1>Trang cua toi</h1>"
    );
    // A second export owns what it wrote and leaves the rest alone.
    let again = w.export(&out, false).expect("again");
    assert!(again.moved_aside.is_empty());
    assert_eq!(
        std::fs::read(out.join("ghi-chu.txt")).expect("kept"),
        b"notes"
    );
    assert!(out.join("index.html.bak").exists());
}

#[test]
fn the_zip_export_leaves_its_neighbours_alone() {
    let w = world();
    let zip = w.outside.join("bai.zip");
    let sibling = w.outside.join("bai.tmp");
    std::fs::write(&sibling, b"someone's tmp").expect("sibling");
    let id = first_article(&w.site);
    export_article_zip(&w.site, id, &zip).expect("zip");
    assert_eq!(std::fs::read(&sibling).expect("kept"), b"someone's tmp");
    let leftovers: Vec<_> = std::fs::read_dir(&w.outside)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") && n != "bai.tmp")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The newest published article.
fn first_article(site: &Site) -> i64 {
    site.store()
        .expect("store")
        .list(&bantin_core::ListFilter {
            status: Some(bantin_core::Status::Published),
            ..Default::default()
        })
        .expect("list")
        .items[0]
        .id
}

#[test]
fn a_crafted_slug_in_site_db_is_refused_not_followed() {
    let w = world();
    let out = w.root.join("web");
    let id = first_article(&w.site);
    w.sql(&format!(
        "UPDATE articles SET slug = '../../outside/victim' WHERE id = {id}"
    ));
    let err = w.untouched(|| w.export(&out, false)).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::UnsafePath, "{err}");
    assert!(err.to_string().contains("../../outside/victim"), "{err}");
    assert_eq!(
        code(w.untouched(|| export_article(&w.site, id, &w.root.join("one"), false))),
        ErrorCode::UnsafePath
    );
}

#[test]
fn a_crafted_photo_hash_cannot_reach_outside() {
    let w = world();
    let mut store = w.site.store().expect("store");
    w.sql(
        "INSERT INTO media (hash, file_name, ext, width, height, bytes, has_alpha, caption, credit, alt, imported_at)
         VALUES ('../../../outside/docs/p', 'x.jpg', 'jpg', 10, 10, 10, 0, '', '', '', 0)",
    );
    let listed = w.untouched(|| store.media_list(None));
    assert_eq!(code(listed), ErrorCode::UnsafePath);
    let removed = w.untouched(|| bantin_media::remove(w.site.root(), &mut store, 1));
    assert!(removed.is_err());
    assert!(w.outside.join("docs/luong.xlsx").exists());
}

#[test]
fn an_empty_or_foreign_site_db_is_damage_not_a_new_site() {
    let w = world();
    let db = w.site.db_path();
    std::fs::write(&db, b"").expect("empty");
    assert_eq!(code(Site::open(w.site.root())), ErrorCode::DamagedSite);
    assert_eq!(
        std::fs::metadata(&db).expect("kept").len(),
        0,
        "left as it was"
    );
    std::fs::write(&db, b"PK\x03\x04 not a database at all").expect("zip");
    assert_eq!(code(Site::open(w.site.root())), ErrorCode::DamagedSite);
    std::fs::remove_file(&db).expect("rm");
    symlink(w.outside.join("victim.txt"), &db).expect("link");
    assert_eq!(
        code(w.untouched(|| Site::open(w.site.root()))),
        ErrorCode::UnsafePath
    );
}

#[test]
fn a_theme_cannot_read_outside_its_folder() {
    let w = world();
    let theme = w.site.root().join("theme");
    std::fs::create_dir_all(theme.join("static")).expect("theme");
    let secret = w.outside.join("victim.txt").to_string_lossy().into_owned();
    for include in [secret.as_str(), "../site.db", "../../outside/victim.txt"] {
        std::fs::write(
            theme.join("404.html"),
            format!("{{% include \"{include}\" %}}"),
        )
        .expect("template");
        let out = w.root.join(format!("web-{}", include.len()));
        let err = w.untouched(|| w.export(&out, false)).expect_err(include);
        assert_eq!(err.code(), ErrorCode::ThemeError, "{include}: {err}");
        assert!(err.to_string().contains("404.html"), "{err}");
    }
    std::fs::remove_file(theme.join("404.html")).expect("rm");
    symlink(w.outside.join("victim.txt"), theme.join("static/style.css")).expect("link");
    let out = w.root.join("web-link");
    w.untouched(|| w.export(&out, false))
        .expect("export with the built-in stylesheet");
    let css = std::fs::read_to_string(out.join("static/style.css")).expect("css");
    assert!(
        !css.contains("the user's own file"),
        "the link was followed"
    );
}

#[test]
fn a_theme_that_never_ends_is_stopped_with_its_name() {
    let w = world();
    let theme = w.site.root().join("theme");
    std::fs::create_dir_all(&theme).expect("theme");
    std::fs::write(
        theme.join("article.html"),
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
    )
    .expect("template");
    let started = Instant::now();
    let err = w.export(&w.root.join("web"), false).expect_err("stopped");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err.code(), ErrorCode::ThemeError);
    assert!(err.to_string().contains("article.html"), "{err}");
    // The preview of an article stops the same way.
    let id = first_article(&w.site);
    let started = Instant::now();
    let article = w.site.store().expect("store").article(id).expect("article");
    let input = bantin_core::ArticleInput {
        title: article.title,
        body: article.body,
        ..Default::default()
    };
    let preview = bantin_export::preview_article(&w.site, Some(id), &input, "");
    assert!(preview.is_err());
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn category_pages_never_collide() {
    let w = world();
    let mut store = w.site.store().expect("store");
    for (title, category) in [("Mot", "Tin tức/Kinh tế"), ("Hai", "Tin tức Kinh tế")] {
        store
            .create_article(&bantin_core::ArticleInput {
                title: title.into(),
                category: Some(category.into()),
                status: bantin_core::Status::Published,
                ..Default::default()
            })
            .expect("article");
    }
    let con = store
        .create_article(&bantin_core::ArticleInput {
            title: "CON".into(),
            status: bantin_core::Status::Published,
            ..Default::default()
        })
        .expect("CON");
    assert_eq!(con.slug, "con-1");
    let out = w.root.join("web");
    w.export(&out, false).expect("export");
    let first = std::fs::read_to_string(out.join("chuyen-muc/tin-tuc-kinh-te.html")).expect("one");
    let second =
        std::fs::read_to_string(out.join("chuyen-muc/tin-tuc-kinh-te-2.html")).expect("two");
    let title = |html: &str| {
        html.split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("")
            .to_owned()
    };
    assert!(
        title(&first).contains("Tin tức Kinh tế"),
        "{}",
        title(&first)
    );
    assert!(
        title(&second).contains("Tin tức/Kinh tế"),
        "{}",
        title(&second)
    );
    assert!(out.join("bai-viet/con-1.html").exists());
}
