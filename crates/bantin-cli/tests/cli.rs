//! The `bantin` command line as a script or an office clerk uses it.

mod util;

use util::{bantin, json, new_site, ok};

#[test]
fn add_list_search_show_and_publish() {
    let site = new_site();
    let dir = site.path();
    assert!(dir.join("site.db").is_file() && dir.join("media").is_dir());

    let body = dir.join("body.md");
    std::fs::write(&body, "Sáng 15/4, **hội nghị** trực tuyến…").expect("write body");
    let id = ok(
        dir,
        &[
            "article",
            "add",
            "--title",
            "Hội thi đánh yến xã Thanh Bình",
            "--sapo",
            "Lần thứ nhất",
            "--body-file",
            body.to_str().expect("utf-8 path"),
            "--author",
            "Kim Huệ",
            "--author",
            "Tùng Lâm",
            "--unit",
            "Trung tâm Văn hóa, Thể thao - Truyền thông huyện",
            "--category",
            "Tin tức/Văn hóa",
            "--tag",
            "lễ hội",
        ],
    );
    let id: i64 = id.trim().parse().expect("prints the new id");

    let list = json(dir, &["article", "list"]);
    let first = &list[0];
    assert_eq!(first["id"], id);
    assert_eq!(first["title"], "Hội thi đánh yến xã Thanh Bình");
    assert_eq!(first["slug"], "hoi-thi-danh-yen-xa-thanh-binh");
    assert_eq!(first["status"], "draft");
    assert_eq!(first["authors"], serde_json::json!(["Kim Huệ", "Tùng Lâm"]));
    assert!(first["updated_at"].as_str().expect("time").ends_with('Z'));

    let found = json(dir, &["search", "danh yen thanh binh"]);
    assert_eq!(found.as_array().expect("array").len(), 1);
    assert_eq!(found[0]["id"], id);
    assert_eq!(
        json(dir, &["search", "không có"]).as_array().map(Vec::len),
        Some(0)
    );

    let text = ok(dir, &["search", "hoi thi"]);
    assert!(text.contains("Hội thi đánh yến"), "{text}");
    assert!(!text.contains("Kết quả cho"), "{text}");

    // Typed with Unikey off (Telex, then VNI): found, and the clerk is told
    // what was searched.
    for keys in ["hooij thi ddanhs yeens", "ho6i5 thi d9a1nh ye61n"] {
        let text = ok(dir, &["search", keys]);
        assert!(
            text.starts_with("Kết quả cho: hội thi đánh yến\n"),
            "{keys}: {text}"
        );
        assert!(text.contains("Hội thi đánh yến"), "{keys}: {text}");
        let found = json(dir, &["search", keys]);
        assert_eq!(found[0]["id"], id, "{keys}");
    }

    let published = json(
        dir,
        &["article", "set-status", &id.to_string(), "published"],
    );
    assert_eq!(published["status"], "published");
    let shown = json(dir, &["article", "show", &id.to_string()]);
    assert_eq!(shown["body"], "Sáng 15/4, **hội nghị** trực tuyến…");
    assert_eq!(shown["category"], "Tin tức/Văn hóa");
    assert_eq!(shown["revisions"].as_array().map(Vec::len), Some(2));
    let human = ok(dir, &["article", "show", &id.to_string()]);
    assert!(
        human.contains("Kim Huệ - Tùng Lâm - Trung tâm Văn hóa"),
        "byline at the end: {human}"
    );

    let drafts = json(dir, &["article", "list", "--status", "draft"]);
    assert_eq!(drafts.as_array().map(Vec::len), Some(0));
    let by_author = json(
        dir,
        &[
            "article",
            "list",
            "--author",
            "Tùng Lâm",
            "--category",
            "Tin tức",
        ],
    );
    assert_eq!(by_author.as_array().map(Vec::len), Some(1));
}

#[test]
fn errors_are_clear_and_translated() {
    let site = new_site();
    let out = bantin(site.path(), &["article", "show", "999"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Không tìm thấy") && stderr.contains("999"),
        "{stderr}"
    );

    let out = bantin(site.path(), &["article", "show", "999", "--json"]);
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON error on stderr");
    assert_eq!(err["error"]["code"], "not_found");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args([
            "--site",
            site.path().to_str().expect("path"),
            "article",
            "set-status",
            "1",
            "review",
        ])
        .env("BANTIN_LANG", "en")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("Invalid input") && stderr.contains("review"),
        "{stderr}"
    );

    let empty = tempfile::tempdir().expect("dir");
    let out = bantin(empty.path(), &["article", "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("bantin init"),
        "{stderr}"
    );
    assert!(
        !empty.path().join("site.db").exists(),
        "a failed command must not create a site"
    );
}

#[test]
fn import_reports_what_it_skipped() {
    let site = new_site();
    let src = tempfile::tempdir().expect("src");
    std::fs::write(
        src.path().join("a.md"),
        "---\ntitle: Khai mạc hội chợ\nauthors: [Kim Huệ]\ntags: [hội chợ]\n---\nNội dung",
    )
    .expect("w");
    std::fs::write(src.path().join("b.md"), "không có tiêu đề").expect("w");
    let report = json(
        site.path(),
        &[
            "import",
            src.path().to_str().expect("path"),
            "--status",
            "draft",
        ],
    );
    assert_eq!(report["imported"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        report["skipped"][0]["file"]
            .as_str()
            .map(|f| f.ends_with("b.md")),
        Some(true)
    );
    assert!(report["skipped"][0]["reason"]
        .as_str()
        .expect("reason")
        .contains("front matter"));
    let found = json(site.path(), &["search", "hoi cho"]);
    assert_eq!(found[0]["status"], "draft", "--status overrides the files");
}

#[test]
fn sample_site_from_the_cli() {
    let dir = tempfile::tempdir().expect("dir");
    let info = json(dir.path(), &["init", "--sample"]);
    assert!(info["article_count"].as_i64().expect("count") >= 4);
    let found = json(dir.path(), &["search", "ban lau"]);
    assert!(found[0]["title"]
        .as_str()
        .expect("title")
        .starts_with("Đường về Bản Lầu"));
}

#[test]
fn export_site_then_again_writes_nothing_and_says_so_in_vietnamese() {
    let dir = tempfile::tempdir().expect("temp dir");
    ok(dir.path(), &["init", "--sample"]);
    let out = dir.path().join("web");
    let out_str = out.to_str().expect("utf-8 path");
    let first = json(dir.path(), &["export", "site", "--out", out_str]);
    assert!(first["written"].as_u64().expect("written") > 10, "{first}");
    assert!(out.join("index.html").is_file());
    let text = ok(dir.path(), &["export", "site", "--out", out_str]);
    assert!(text.starts_with("Đã xuất 4 bài"), "{text}");
    assert!(text.contains("ghi 0,"), "{text}");

    let id = json(dir.path(), &["article", "list"])[0]["id"]
        .as_i64()
        .expect("id");
    let fragment = ok(
        dir.path(),
        &["export", "article", &id.to_string(), "--fragment"],
    );
    assert!(
        fragment.starts_with("<p>") && !fragment.contains("class="),
        "{fragment}"
    );

    let zip = dir.path().join("gui/bai.zip");
    ok(
        dir.path(),
        &[
            "export",
            "article",
            &id.to_string(),
            "--zip",
            zip.to_str().expect("path"),
        ],
    );
    let bytes = std::fs::read(&zip).expect("the zip file");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
    assert!(
        bytes.windows(10).any(|w| w == b"index.html"),
        "with the article page"
    );
}
