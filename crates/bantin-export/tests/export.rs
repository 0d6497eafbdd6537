//! The exported site, read back as a user and a browser would: pages present,
//! links relative, feed and sitemap valid XML, incremental re-exports.

use std::path::Path;

use bantin_core::{sample::create_sample_site, ArticleInput, Site, Status};
use bantin_export::{article_fragment, export_article, export_site, ExportOptions};

fn sample() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = create_sample_site(&dir.path().join("site")).expect("sample site");
    (dir, site)
}

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn export(site: &Site, out: &Path) -> bantin_export::ExportReport {
    export_site(site, out, &ExportOptions::default(), &mut |_, _| {}).expect("export")
}

#[test]
fn the_sample_site_exports_home_articles_lists_feed_and_search() {
    let (dir, site) = sample();
    let out = dir.path().join("out");
    let report = export(&site, &out);
    let published = site
        .store()
        .expect("store")
        .list(&bantin_core::ListFilter {
            status: Some(Status::Published),
            ..Default::default()
        })
        .expect("list");
    assert_eq!(
        report.articles as i64, published.total,
        "only published articles"
    );
    assert_eq!(report.written, report.files);

    let home = read(&out, "index.html");
    assert!(home.contains("<html lang=\"vi\""), "{home}");
    assert!(
        home.contains("href=\"static/style.css\""),
        "links are relative"
    );
    for a in &published.items {
        assert!(
            home.contains(&a.title.replace('"', "&quot;")) || home.contains(&a.title),
            "home lists {}",
            a.title
        );
        let page = read(&out, &format!("bai-viet/{}.html", a.slug));
        assert!(page.contains("href=\"../static/style.css\""));
        assert!(!page.contains("href=\"/"), "no absolute links");
    }
    let draft = site
        .store()
        .expect("store")
        .list(&bantin_core::ListFilter {
            status: Some(Status::Draft),
            ..Default::default()
        })
        .expect("drafts");
    for d in &draft.items {
        assert!(
            !out.join(format!("bai-viet/{}.html", d.slug)).exists(),
            "drafts stay private"
        );
    }

    for xml in ["feed.xml", "sitemap.xml"] {
        let text = read(&out, xml);
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{xml} is not XML: {e}"));
    }
    let feed = read(&out, "feed.xml");
    assert_eq!(feed.matches("<item>").count() as i64, published.total);
    let index: serde_json::Value =
        serde_json::from_str(&read(&out, "search-index.json")).expect("json");
    let first = &index["articles"][0];
    assert!(first["f"].as_str().expect("folded").is_ascii(), "{first}");
    assert!(out.join("404.html").is_file() && out.join("tim-kiem.html").is_file());
    assert!(out.join("static/search.js").is_file() && out.join("static/search-index.js").is_file());
}

#[test]
fn a_second_export_writes_nothing_and_an_edit_writes_a_few_files() {
    let (dir, site) = sample();
    let out = dir.path().join("out");
    let first = export(&site, &out);
    let again = export(&site, &out);
    assert_eq!((again.written, again.removed), (0, 0));
    assert_eq!(again.unchanged, first.files);

    let mut store = site.store().expect("store");
    let page = store
        .list(&bantin_core::ListFilter {
            status: Some(Status::Published),
            ..Default::default()
        })
        .expect("list");
    let id = page.items.last().expect("an article").id;
    let mut edit = store.article(id).expect("article").input();
    edit.body.push_str("\n\nMột câu thêm vào cuối bài.");
    store.update_article(id, &edit).expect("edit");
    let after_edit = export(&site, &out);
    assert!(
        after_edit.written >= 1 && after_edit.written <= 5,
        "{after_edit:?}"
    );
    let slug = store.article(id).expect("article").slug;
    assert!(read(&out, &format!("bai-viet/{slug}.html")).contains("Một câu thêm vào cuối bài."));

    // Unpublishing removes its page, and nothing the user put in the folder.
    std::fs::write(out.join("ghi-chu.txt"), "của người dùng").expect("user file");
    store.set_status(id, Status::Draft).expect("unpublish");
    let after_unpublish = export(&site, &out);
    assert!(after_unpublish.removed >= 1, "{after_unpublish:?}");
    assert!(!out.join(format!("bai-viet/{slug}.html")).exists());
    assert!(out.join("ghi-chu.txt").exists());
}

#[test]
fn a_new_article_changes_few_archive_pages() {
    let (dir, site) = sample();
    let mut store = site.store().expect("store");
    let items: Vec<_> = (0..65)
        .map(|i| {
            (
                ArticleInput {
                    title: format!("Tin số {i}"),
                    body: "Nội dung.".into(),
                    status: Status::Published,
                    category: Some("Tin tức/Kinh tế".into()),
                    ..Default::default()
                },
                Some(1_700_000_000_000 + i * 86_400_000),
            )
        })
        .collect();
    store.create_articles(&items).expect("articles");
    let out = dir.path().join("out");
    export(&site, &out);
    assert!(out.join("index-trang-1.html").is_file() && out.join("index-trang-4.html").is_file());
    let main_of = |html: String| {
        html.split("<main")
            .nth(1)
            .and_then(|m| m.split("</main>").next())
            .unwrap_or_default()
            .to_owned()
    };
    let before = main_of(read(&out, "index-trang-1.html"));

    store
        .create_article(&ArticleInput {
            title: "Tin mới nhất".into(),
            status: Status::Published,
            ..Default::default()
        })
        .expect("new");
    let report = export(&site, &out);
    // Archive pages are numbered from the oldest: the oldest page still lists the same
    // articles. (Its side block "Tin mới" changes, as on every page.)
    assert_eq!(main_of(read(&out, "index-trang-1.html")), before);
    assert!(report.written > 0, "{report:?}");
}

/// The page numbers of a list page, as a reader sees them, and where each leads.
fn pagination(html: &str) -> Vec<(String, Option<String>)> {
    let Some(nav) = html
        .split("<nav class=\"pagination\"")
        .nth(1)
        .and_then(|n| n.split("</nav>").next())
    else {
        return Vec::new();
    };
    nav.split('<')
        .filter(|tag| tag.starts_with("a ") || tag.starts_with("span "))
        .map(|tag| {
            let label = tag.split('>').nth(1).unwrap_or_default().trim().to_owned();
            let href = tag
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .map(str::to_owned);
            (label, href)
        })
        .collect()
}

#[test]
fn a_long_archive_shows_a_few_page_numbers_that_all_lead_to_pages() {
    let (dir, site) = sample();
    let mut store = site.store().expect("store");
    let items: Vec<_> = (0..400)
        .map(|i| {
            let input = ArticleInput {
                title: format!("Tin số {i}"),
                status: Status::Published,
                ..Default::default()
            };
            (input, Some(1_700_000_000_000 + i * 3_600_000))
        })
        .collect();
    store.create_articles(&items).expect("articles");
    let out = dir.path().join("out");
    export(&site, &out);

    let home = pagination(&read(&out, "index.html"));
    let labels: Vec<&str> = home.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        ["21", "20", "19", "18", "17", "…", "1", "Sau ›"],
        "{home:?}"
    );
    let middle = pagination(&read(&out, "index-trang-10.html"));
    let labels: Vec<&str> = middle.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "‹ Trước",
            "21",
            "…",
            "12",
            "11",
            "10",
            "9",
            "8",
            "…",
            "1",
            "Sau ›"
        ],
        "{middle:?}"
    );
    for page in walk(&out).into_iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("index"))
    }) {
        let html = std::fs::read_to_string(&page).expect("page");
        for (label, href) in pagination(&html) {
            let Some(href) = href else { continue };
            let target = page.parent().expect("folder").join(&href);
            assert!(
                target.is_file(),
                "{}: \"{label}\" leads to {href}",
                page.display()
            );
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_every_page() {
    let (dir, site) = sample();
    let mut store = site.store().expect("store");
    store
        .create_article(&ArticleInput {
            title: "<script>alert(1)</script> Tiêu đề".into(),
            sapo: "\"><img src=x onerror=alert(1)>".into(),
            body: "<script>alert(2)</script>\n\n[x](javascript:alert(3))".into(),
            tags: vec!["<b>thẻ</b>".into()],
            status: Status::Published,
            ..Default::default()
        })
        .expect("create");
    let out = dir.path().join("out");
    export(&site, &out);
    for entry in walk(&out) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        if entry.extension().is_some_and(|e| e == "html") {
            assert!(!text.contains("<script>alert"), "{entry:?}");
            assert!(!text.contains("<img src=x"), "{entry:?}");
            assert!(!text.contains("javascript:"), "{entry:?}");
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn one_article_as_a_folder_and_as_a_portal_fragment() {
    let (dir, site) = sample();
    let store = site.store().expect("store");
    let a = &store.list(&Default::default()).expect("list").items[0];
    let out = dir.path().join("bai");
    export_article(&site, a.id, &out, false).expect("folder");
    let html = read(&out, "index.html");
    assert!(html.contains("href=\"static/style.css\""), "self-contained");
    assert!(out.join("static/style.css").is_file());

    let fragment = article_fragment(&site, a.id).expect("fragment");
    assert!(!fragment.contains("class="), "{fragment}");
    assert!(!fragment.contains("<html"), "{fragment}");
    assert!(fragment.starts_with("<p>"), "{fragment}");
}

#[test]
fn the_preview_is_the_exported_page_with_the_stylesheet_inlined() {
    let (dir, site) = sample();
    let out = dir.path().join("out");
    export(&site, &out);
    let store = site.store().expect("store");
    let published = store
        .list(&bantin_core::ListFilter {
            status: Some(Status::Published),
            ..Default::default()
        })
        .expect("list");
    let a = store.article(published.items[0].id).expect("article");
    let preview =
        bantin_export::preview_article(&site, Some(a.id), &a.input(), "../anh/").expect("preview");
    let exported = read(&out, &format!("bai-viet/{}.html", a.slug));
    let css = read(&out, "static/style.css");
    let expected = exported.replace(
        "<link rel=\"stylesheet\" href=\"../static/style.css\">",
        &format!("<style>{css}</style>"),
    );
    assert_eq!(preview, expected);

    // Unsaved text shows at once, without a title even.
    let mut typing = a.input();
    typing.title = String::new();
    typing.body = "Đang gõ **dở**".into();
    let preview =
        bantin_export::preview_article(&site, Some(a.id), &typing, "../anh/").expect("preview");
    assert!(preview.contains("Đang gõ <strong>dở</strong>"), "{preview}");

    let home = bantin_export::preview_home(&site).expect("home");
    let exported_home = read(&out, "index.html").replace(
        "<link rel=\"stylesheet\" href=\"static/style.css\">",
        &format!("<style>{css}</style>"),
    );
    assert_eq!(home, exported_home);
}

#[test]
fn site_settings_reach_the_pages_and_an_empty_documents_category_keeps_the_default() {
    let (dir, site) = sample();
    let mut store = site.store().expect("store");
    let mut settings = store.site_settings().expect("settings");
    settings.address = "Số 1, đường 19/5, thị trấn".into();
    settings.phone = "0219 3880 123".into();
    settings.documents_category = String::new();
    store.set_site_settings(&settings).expect("save");
    let out = dir.path().join("out");
    export(&site, &out);
    let home = read(&out, "index.html");
    assert!(
        home.contains("class=\"block block-documents\""),
        "the Văn bản mới block is still there"
    );
    assert!(
        home.contains("Số 1, đường 19/5, thị trấn") && home.contains("0219 3880 123"),
        "contact details in the footer"
    );
}

#[test]
fn pages_are_made_again_when_what_they_show_changes_and_a_lost_page_comes_back() {
    let (dir, site) = sample();
    let mut store = site.store().expect("store");
    // Two articles of one category: each lists the other as related.
    let in_economy = |title: &str| ArticleInput {
        title: title.into(),
        body: "Nội dung.".into(),
        status: Status::Published,
        category: Some("Tin tức/Kinh tế".into()),
        ..Default::default()
    };
    let a = store
        .create_article(&in_economy("Tin kinh tế thứ nhất"))
        .expect("a")
        .id;
    let b = store
        .create_article(&in_economy("Tin kinh tế thứ hai"))
        .expect("b")
        .id;
    let out = dir.path().join("out");
    export(&site, &out);
    let mut retitled = store.article(a).expect("article").input();
    retitled.title = "Tiêu đề mới của bài được sửa".into();
    store.update_article(a, &retitled).expect("retitle");
    let report = export(&site, &out);
    assert!(report.written >= 3, "{report:?}");
    let other = store.article(b).expect("article");
    assert!(read(&out, &format!("bai-viet/{}.html", other.slug))
        .contains("Tiêu đề mới của bài được sửa"));
    assert!(read(&out, "index.html").contains("Tiêu đề mới của bài được sửa"));

    // The unit's own template changes every page at the next export.
    let base = include_str!("../theme/default/base.html");
    let theme = site.root().join("theme");
    std::fs::create_dir_all(&theme).expect("theme folder");
    std::fs::write(
        theme.join("base.html"),
        base.replacen("<head>", "<head>\n<!-- mẫu của đơn vị -->", 1),
    )
    .expect("template");
    let restyled = export(&site, &out);
    for page in [
        "index.html",
        "404.html",
        &format!("bai-viet/{}.html", other.slug),
    ] {
        assert!(
            read(&out, page).contains("<!-- mẫu của đơn vị -->"),
            "{page}"
        );
    }
    assert!(restyled.written >= 10, "{restyled:?}");

    // A page deleted from the folder by hand is written again.
    let lost = out.join(format!("bai-viet/{}.html", other.slug));
    std::fs::remove_file(&lost).expect("delete");
    let restored = export(&site, &out);
    assert!(lost.is_file());
    assert_eq!(restored.written, 1, "{restored:?}");
}

#[test]
fn progress_moves_forward_to_a_full_bar() {
    let (dir, site) = sample();
    let mut calls = Vec::new();
    export_site(
        &site,
        &dir.path().join("out"),
        &ExportOptions::default(),
        &mut |done, total| calls.push((done, total)),
    )
    .expect("export");
    let &(last_done, last_total) = calls.last().expect("progress reported");
    assert_eq!(last_done, last_total, "{calls:?}");
    assert!(
        calls.iter().all(|&(_, total)| total == last_total),
        "{calls:?}"
    );
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
}
