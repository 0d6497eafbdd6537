//! Hugo, the peer `bantin-bench export` is measured against, building the
//! same corpus. Two shapes: the same site ours writes (categories, tags,
//! related articles, side blocks, feed, sitemap, search index: see
//! `hugo_site/`), which is the fair ratio, and a minimal one (a bare article
//! and one paginated list, nothing else) kept for comparison with earlier runs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use bantin_core::{Article, Error, Site};
use serde_json::{json, Value};

use crate::bench_export::{count_files, settle_disk};

#[derive(Clone, Copy)]
pub enum Shape {
    SameSite,
    Minimal,
}

impl Shape {
    fn folder(self) -> &'static str {
        match self {
            Shape::SameSite => "hugo",
            Shape::Minimal => "hugo-minimal",
        }
    }

    /// The configuration and templates, by their path in the Hugo site.
    fn files(self) -> Vec<(&'static str, String)> {
        match self {
            Shape::SameSite => SAME_SITE
                .iter()
                .map(|(name, text)| (*name, (*text).to_owned()))
                .collect(),
            Shape::Minimal => minimal_files(),
        }
    }
}

const SAME_SITE: &[(&str, &str)] = &[
    ("config.toml", include_str!("hugo_site/config.toml")),
    (
        "layouts/_default/baseof.html",
        include_str!("hugo_site/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("hugo_site/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("hugo_site/list.html"),
    ),
    ("layouts/index.json", include_str!("hugo_site/index.json")),
    ("layouts/404.html", include_str!("hugo_site/404.html")),
    (
        "layouts/partials/menu.html",
        include_str!("hugo_site/menu.html"),
    ),
    (
        "layouts/partials/sidebar.html",
        include_str!("hugo_site/sidebar.html"),
    ),
];

const MINIMAL_PAGE: &str = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>";

fn minimal_files() -> Vec<(&'static str, String)> {
    vec![
        ("config.toml", "baseURL = '/'\nlanguageCode = 'vi'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n".to_owned()),
        ("layouts/_default/single.html", format!("{MINIMAL_PAGE}<h1>{{{{ .Title }}}}</h1><p><b>{{{{ .Params.sapo }}}}</b></p>{{{{ .Content }}}}</body></html>")),
        ("layouts/_default/list.html", format!("{MINIMAL_PAGE}<h1>{{{{ .Title }}}}</h1>{{{{ range (.Paginate .Pages).Pages }}}}<h2><a href=\"{{{{ .RelPermalink }}}}\">{{{{ .Title }}}}</a></h2>{{{{ end }}}}</body></html>")),
    ]
}

/// An article as a Hugo content file. A category "Tin tức/Chính trị" is
/// listed under both names, as ours lists it under the parent too.
fn content_file(a: &Article) -> String {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let categories: Vec<String> = a
        .category
        .iter()
        .flat_map(|c| c.split('/'))
        .map(quoted)
        .collect();
    let tags: Vec<String> = a.tags.iter().map(|t| quoted(t)).collect();
    format!(
        "---\ntitle: {}\ndate: {}\nsapo: {}\nbyline: {}\ncategories: [{}]\ntags: [{}]\n---\n\n{}",
        quoted(&a.title),
        a.created_at,
        quoted(&a.sapo),
        quoted(&a.byline()),
        categories.join(", "),
        tags.join(", "),
        a.body
    )
}

fn write_site(site: &Site, root: &Path, shape: Shape) -> Result<(), Error> {
    let write = |p: PathBuf, s: &str| -> Result<(), Error> {
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&p, s).map_err(|e| Error::io(&p, e))
    };
    for (name, text) in shape.files() {
        write(root.join(name), &text)?;
    }
    let content = root.join("content/bai-viet");
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
            write(content.join(format!("{}.md", a.slug)), &content_file(&a))?;
        }
        offset += page.items.len() as u32;
        if page.items.is_empty() || i64::from(offset) >= page.total {
            break;
        }
    }
    Ok(())
}

/// Builds the site with Debian's `hugo`, when it is on the PATH, to tmpfs
/// (the work itself) and to disk, like ours.
pub fn run(site: &Site, work: &Path, articles: u64, shape: Shape) -> Result<Value, Error> {
    if Command::new("hugo").arg("version").output().is_err() {
        return Ok(json!({ "missing": "hugo is not installed (Debian package `hugo`)" }));
    }
    let name = shape.folder();
    let root = work.join(name);
    write_site(site, &root, shape)?;
    let mut timings = serde_json::Map::new();
    let shm = Path::new("/dev/shm");
    let tmpfs = shm
        .is_dir()
        .then(|| tempfile::tempdir_in(shm).map_err(|e| Error::io(shm, e)))
        .transpose()?;
    let mut pages = 0;
    let mut ok = true;
    for (key, out) in [
        (
            "full_tmpfs_ms",
            tmpfs.as_ref().map(|d| d.path().join("out")),
        ),
        ("full_disk_ms", Some(work.join(format!("{name}-out")))),
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
            .map_err(|e| Error::io(&root, e))?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        ok &= status.success();
        pages = count_files(&out, "html");
        timings.insert(key.into(), json!(ms.round()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_keeps_its_category_path_tags_and_byline_for_hugo() {
        let article = Article {
            id: 1,
            title: "Hội nghị \"tổng kết\": năm 2026".into(),
            sapo: "Sapo.".into(),
            body: "Thân bài.".into(),
            authors: vec!["Kim Huệ".into()],
            unit: "Trung tâm".into(),
            category: Some("Tin tức/Chính trị".into()),
            tags: vec!["Bảo Yên".into()],
            status: bantin_core::Status::Published,
            slug: "hoi-nghi".into(),
            created_at: "2026-01-02T03:04:05Z".into(),
            updated_at: "2026-01-02T03:04:05Z".into(),
            revision_id: 1,
        };
        let file = content_file(&article);
        assert!(file.contains("title: \"Hội nghị \\\"tổng kết\\\": năm 2026\"\n"));
        assert!(file.contains("categories: [\"Tin tức\", \"Chính trị\"]\n"));
        assert!(file.contains("tags: [\"Bảo Yên\"]\n"));
        assert!(file.contains("byline: \"Kim Huệ - Trung tâm\"\n"));
        assert!(file.ends_with("---\n\nThân bài."));
    }
}
