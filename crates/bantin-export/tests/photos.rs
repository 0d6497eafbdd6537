//! Photos in the exported site and in the preview: renditions only, with
//! their sizes, never the original (which keeps the camera's GPS).

use std::path::{Path, PathBuf};

use bantin_core::{sample::create_sample_site, ListFilter, Status};
use bantin_export::{
    article_fragment, export_article, export_site, preview_article, ExportOptions,
};
use bantin_media::{import_file, ImportOptions, MediaConfig};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bantin-media/tests/fixtures")
        .join(name)
}

fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn a_figure_is_published_as_renditions_with_sizes_in_export_folder_fragment_and_preview() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = create_sample_site(&dir.path().join("site")).expect("sample");
    let mut store = site.store().expect("store");
    let photo = import_file(
        site.root(),
        &mut store,
        &fixture("phone-gps.jpg"),
        &MediaConfig::default(),
        &ImportOptions::default(),
    )
    .expect("import");
    let hash = &photo.item.hash;
    let first = store
        .list(&ListFilter {
            status: Some(Status::Published),
            ..Default::default()
        })
        .expect("list")
        .items[0]
        .id;
    let article = store.article(first).expect("article");
    let mut input = article.input();
    input.body = format!(
        "Mở đầu.\n\n![Hội trường]({} \"{}\")\n*{}*\n\nKết thúc.",
        photo.item.reference(),
        photo.item.credit,
        photo.item.caption
    );
    store.update_article(first, &input).expect("save");

    let out = dir.path().join("out");
    export_site(&site, &out, &ExportOptions::default(), &mut |_, _| {}).expect("export");
    let published = files(&out.join("anh"));
    assert_eq!(
        published,
        [1200, 480, 960].map(|w| format!("{hash}-o-{w}.jpg")),
        "the three renditions, and not the original"
    );
    let everything = walk(&out);
    let original = std::fs::read(fixture("phone-gps.jpg")).expect("fixture");
    for path in &everything {
        let bytes = std::fs::read(path).expect("read");
        assert_ne!(bytes, original, "{} is the original", path.display());
        assert!(
            !String::from_utf8_lossy(&bytes).contains("SN-0042"),
            "{} carries the serial",
            path.display()
        );
    }
    let page =
        std::fs::read_to_string(out.join(format!("bai-viet/{}.html", article.slug))).expect("page");
    let img = format!(
        "<img src=\"../anh/{hash}-o-960.jpg\" alt=\"Hội trường\" srcset=\"../anh/{hash}-o-480.jpg 480w, ../anh/{hash}-o-960.jpg 960w, ../anh/{hash}-o-1200.jpg 1200w\""
    );
    assert!(page.contains(&img), "{page}");
    assert!(
        page.contains("width=\"960\" height=\"640\" loading=\"lazy\""),
        "{page}"
    );
    assert!(page
        .contains("Đại biểu dự hội nghị tổng kết năm <span class=\"credit\">Ảnh: Kim Huệ</span>"));

    // A second export with nothing changed writes nothing, photos included.
    let again = export_site(&site, &out, &ExportOptions::default(), &mut |_, _| {}).expect("again");
    assert_eq!(again.written, 0);

    // A crop in the library (the article itself unchanged) reaches its page
    // and the new renditions replace the old ones in anh/.
    let square = bantin_core::MediaEdit {
        rotate: 0,
        crop: Some(bantin_core::Crop {
            x: 0.0,
            y: 0.0,
            width: 0.5,
            height: 0.75,
        }),
    };
    store.set_media_edit(photo.item.id, &square).expect("crop");
    let cropped =
        export_site(&site, &out, &ExportOptions::default(), &mut |_, _| {}).expect("crop");
    let page =
        std::fs::read_to_string(out.join(format!("bai-viet/{}.html", article.slug))).expect("page");
    assert!(!page.contains(&format!("{hash}-o-960.jpg")), "{page}");
    assert!(
        page.contains("width=\"600\" height=\"600\""),
        "a square photo: {page}"
    );
    assert!(files(&out.join("anh")).iter().all(|f| !f.contains("-o-")));
    // The page and the two renditions of the 600 px square; the three old ones go.
    assert_eq!((cropped.written, cropped.removed), (3, 3), "{cropped:?}");
    store
        .set_media_edit(photo.item.id, &bantin_core::MediaEdit::default())
        .expect("uncrop");
    export_site(&site, &out, &ExportOptions::default(), &mut |_, _| {}).expect("uncrop");

    // The preview shows the same page with the app's photo address.
    let base = "bantin://localhost/media/renditions/";
    let preview = preview_article(&site, Some(first), &input, base).expect("preview");
    assert!(preview.contains(&img.replace("../anh/", base)), "{preview}");
    assert!(!preview.contains("../anh/"));

    // One article as a folder carries its photos beside it.
    let folder = dir.path().join("folder");
    export_article(&site, first, &folder, false).expect("folder");
    assert_eq!(files(&folder.join("anh")), published);
    let index = std::fs::read_to_string(folder.join("index.html")).expect("index");
    assert!(
        index.contains(&format!("src=\"anh/{hash}-o-960.jpg\"")),
        "{index}"
    );

    // The same folder as one zip file.
    let zip_path = dir.path().join("gui/bai-viet.zip");
    bantin_export::export_article_zip(&site, first, &zip_path).expect("zip");
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("open")).expect("a zip");
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a file name").into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = walk(&folder)
        .iter()
        .map(|p| {
            p.strip_prefix(&folder)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/")
        })
        // The folder's record of what Bản Tin wrote there is not content.
        .filter(|p| p != ".bantin-export.json")
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let mut inside = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("index.html").expect("index"), &mut inside)
        .expect("read");
    assert_eq!(inside, index);

    let fragment = article_fragment(&site, first).expect("fragment");
    assert!(
        fragment.contains(&format!("<img src=\"anh/{hash}-o-960.jpg\"")),
        "{fragment}"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
