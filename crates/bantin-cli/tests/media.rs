//! `bantin media`: import, list, show and remove photos from a script.

mod util;

use std::path::PathBuf;

use util::{bantin, json, new_site, ok};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../bantin-media/tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_list_show_and_remove_photos() {
    let site = new_site();
    let ids = ok(
        site.path(),
        &[
            "media",
            "import",
            &fixture("phone-gps.jpg"),
            &fixture("orientation-6.jpg"),
            "--credit",
            "Ảnh: Tùng Lâm",
        ],
    );
    let ids: Vec<i64> = ids
        .lines()
        .map(|l| l.parse().expect("an id per line"))
        .collect();
    assert_eq!(ids.len(), 2);

    let found = json(
        site.path(),
        &["media", "list", "--query", "dai bieu hoi nghi"],
    );
    let found = found.as_array().expect("array");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["caption"], "Đại biểu dự hội nghị tổng kết năm");
    assert_eq!(
        found[0]["credit"], "Ảnh: Tùng Lâm",
        "the given credit wins over the camera's"
    );

    let shown = json(site.path(), &["media", "show", &ids[1].to_string()]);
    assert_eq!(
        (
            shown["item"]["width"].as_u64(),
            shown["item"]["height"].as_u64()
        ),
        (Some(96), Some(64)),
        "stored 64×96, upright 96×64"
    );
    let path = shown["renditions"]["sizes"][0]["path"]
        .as_str()
        .expect("path");
    assert!(site.path().join(path).is_file());

    ok(site.path(), &["media", "remove", &ids[1].to_string()]);
    assert_eq!(
        json(site.path(), &["media", "list"])
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn a_refused_file_is_named_the_others_still_import_and_the_exit_code_says_so() {
    let site = new_site();
    let out = bantin(
        site.path(),
        &[
            "media",
            "import",
            &fixture("truncated.jpg"),
            &fixture("photo.webp"),
        ],
    );
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.lines().count(), 1, "the WebP imported: {stdout}");
    assert!(
        stderr.contains("truncated.jpg") && stderr.contains("bị hỏng hoặc bị cắt cụt"),
        "{stderr}"
    );

    let out = bantin(
        site.path(),
        &["media", "import", &fixture("bomb.png"), "--json"],
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON rows");
    assert_eq!(rows[0]["error"]["code"], "image_too_large");
}
