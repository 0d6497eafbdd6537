//! Importing real photo files into a real site folder, and looking at what
//! would be published: upright, private, small, and nothing left behind when
//! a file is refused.

use std::path::{Path, PathBuf};
use std::process::Command;

use bantin_core::{ArticleInput, ErrorCode, MediaEdit, MediaProblem, Site, Store};
use bantin_media::{
    ensure_renditions, import_file, import_files, remove, ImportOptions, MediaConfig,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

struct Env {
    _dir: tempfile::TempDir,
    root: PathBuf,
    store: Store,
}

fn site() -> Env {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("site");
    let site = Site::create(&root, "Trung tâm huyện").expect("site");
    let store = site.store().expect("store");
    Env {
        _dir: dir,
        root,
        store,
    }
}

fn import(env: &mut Env, name: &str) -> bantin_core::Result<bantin_media::Imported> {
    import_file(
        &env.root,
        &mut env.store,
        &fixture(name),
        &MediaConfig::default(),
        &ImportOptions::default(),
    )
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn rgb_at(image: &image::RgbaImage, fx: f64, fy: f64) -> [u8; 4] {
    let x = ((f64::from(image.width()) * fx) as u32).min(image.width() - 1);
    let y = ((f64::from(image.height()) * fy) as u32).min(image.height() - 1);
    image.get_pixel(x, y).0
}

fn open(root: &Path, rel: &str) -> image::RgbaImage {
    let bytes = std::fs::read(root.join(rel)).expect("rendition");
    image::load_from_memory(&bytes).expect("decodes").to_rgba8()
}

fn close(actual: [u8; 4], expected: [u8; 3]) -> bool {
    actual.iter().zip(expected).all(|(a, e)| a.abs_diff(e) < 60)
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let mut env = site();
    for o in 1..=8 {
        let imported = import(&mut env, &format!("orientation-{o}.jpg")).expect("import");
        assert_eq!(
            (imported.item.width, imported.item.height),
            (96, 64),
            "orientation {o}"
        );
        let picture = open(&env.root, &imported.renditions.largest().path);
        assert_eq!(picture.dimensions(), (96, 64), "orientation {o}");
        let corners = [
            (rgb_at(&picture, 0.25, 0.25), [255, 0, 0], "top left red"),
            (rgb_at(&picture, 0.75, 0.25), [0, 255, 0], "top right green"),
            (
                rgb_at(&picture, 0.25, 0.75),
                [0, 0, 255],
                "bottom left blue",
            ),
            (
                rgb_at(&picture, 0.75, 0.75),
                [255, 255, 255],
                "bottom right white",
            ),
        ];
        for (pixel, expected, place) in corners {
            assert!(
                close(pixel, expected),
                "orientation {o}: {place} is {pixel:?}"
            );
        }
    }
}

#[test]
fn a_phone_photo_gets_renditions_without_gps_and_its_caption_prefilled() {
    let mut env = site();
    let imported = import(&mut env, "phone-gps.jpg").expect("import");
    let item = &imported.item;
    assert_eq!(item.caption, "Đại biểu dự hội nghị tổng kết năm");
    assert_eq!(item.credit, "Ảnh: Kim Huệ");
    assert_eq!(item.ext, "jpg");
    let widths: Vec<u32> = imported.renditions.sizes.iter().map(|r| r.width).collect();
    assert_eq!(
        widths,
        [480, 960, 1200],
        "never upscaled past the 1200 px original"
    );
    assert_eq!(imported.renditions.thumbnail.width, 320);
    let original = std::fs::metadata(fixture("phone-gps.jpg"))
        .expect("fixture")
        .len();
    for rendition in imported.renditions.all() {
        let path = env.root.join(&rendition.path);
        let bytes = std::fs::read(&path).expect("written");
        let decoded = image::load_from_memory(&bytes).expect("decodes");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (rendition.width, rendition.height)
        );
        let text = String::from_utf8_lossy(&bytes);
        for private in ["SN-0042", "Riêng", "Canon", "Kim Hu"] {
            assert!(
                !text.contains(private),
                "{} carries {private}",
                rendition.path
            );
        }
        let tags = exiftool(&path);
        for tag in [
            "GPS",
            "Serial Number",
            "Owner Name",
            "Artist",
            "By-line",
            "Make",
        ] {
            assert!(!tags.contains(tag), "{} has {tag}:\n{tags}", rendition.path);
        }
    }
    let largest =
        std::fs::metadata(env.root.join(&imported.renditions.largest().path)).expect("largest");
    assert!(
        largest.len() < original,
        "the 1200 px rendition ({}) is smaller than the original ({original})",
        largest.len()
    );
    // The private original is kept, once, under its hash.
    assert!(env.root.join(item.reference()).is_file());
}

fn exiftool(path: &Path) -> String {
    let out = Command::new("exiftool")
        .args(["-a", "-G1", "-s"])
        .arg(path)
        .output()
        .expect("exiftool is needed for this test (Debian: libimage-exiftool-perl)");
    assert!(
        out.status.success(),
        "exiftool failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn refused_files_name_themselves_and_leave_nothing_behind() {
    let mut env = site();
    let cases = [
        ("truncated.jpg", ErrorCode::ImageDamaged),
        ("empty.jpg", ErrorCode::ImageUnsupported),
        ("not-a-photo.jpg", ErrorCode::ImageUnsupported),
        ("photo.heic", ErrorCode::ImageUnsupported),
        ("bomb.png", ErrorCode::ImageTooLarge),
    ];
    for (name, code) in cases {
        let err = import(&mut env, name).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(
            err.to_string().contains(name),
            "the message names the file: {err}"
        );
    }
    assert!(env.store.media_list(None).expect("list").is_empty());
    assert_eq!(files_under(&env.root.join("media")), Vec::<PathBuf>::new());
}

#[test]
fn a_cut_jpeg_is_called_truncated() {
    let mut env = site();
    let err = import(&mut env, "truncated.jpg").expect_err("refused");
    assert!(
        matches!(
            err,
            bantin_core::Error::Media {
                problem: MediaProblem::Truncated,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_bomb_is_refused_from_its_header() {
    let bytes = std::fs::read(fixture("bomb.png")).expect("fixture");
    let problem =
        bantin_media::probe::probe(&bytes, &bantin_media::Limits::default()).expect_err("refused");
    assert!(
        matches!(
            problem,
            MediaProblem::TooLarge {
                width: 20_000,
                height: 20_000,
                ..
            }
        ),
        "{problem:?}"
    );
}

#[test]
fn files_are_read_by_content_and_odd_colour_models_work() {
    let mut env = site();
    let png = import(&mut env, "png-named.jpg").expect("a PNG named .jpg");
    assert_eq!(png.item.ext, "png");
    assert!(png.item.reference().ends_with(".png"));

    let cmyk = import(&mut env, "cmyk.jpg").expect("cmyk");
    let picture = open(&env.root, &cmyk.renditions.largest().path);
    let centre = rgb_at(&picture, 0.5, 0.5);
    assert!(
        close(centre, [255, 0, 0]),
        "a red CMYK photo stays red: {centre:?}"
    );

    let logo = import(&mut env, "logo-alpha.png").expect("logo");
    assert!(logo.item.has_alpha);
    assert!(logo.renditions.largest().path.ends_with(".png"));
    let picture = open(&env.root, &logo.renditions.largest().path);
    assert_eq!(
        rgb_at(&picture, 0.0, 0.0)[3],
        0,
        "the corner stays transparent"
    );
    assert!(close(rgb_at(&picture, 0.5, 0.5), [0xd6, 0x28, 0x28]));

    let webp = import(&mut env, "photo.webp").expect("webp");
    assert_eq!(
        (webp.item.width, webp.item.height, webp.item.ext.as_str()),
        (300, 200, "webp")
    );
}

#[test]
fn the_same_photo_twice_is_stored_once() {
    let mut env = site();
    let first = import(&mut env, "phone-gps.jpg").expect("first");
    let files = files_under(&env.root.join("media"));
    let again = import(&mut env, "phone-gps.jpg").expect("again");
    assert!(first.created);
    assert!(!again.created);
    assert_eq!(first.item.id, again.item.id);
    assert_eq!(files_under(&env.root.join("media")), files);
    assert_eq!(env.store.media_list(None).expect("list").len(), 1);
}

#[test]
fn given_text_wins_over_the_camera() {
    let mut env = site();
    let options = ImportOptions {
        caption: Some("Chú thích của phóng viên".into()),
        credit: None,
        alt: Some("Hội trường".into()),
    };
    let imported = import_file(
        &env.root,
        &mut env.store,
        &fixture("phone-gps.jpg"),
        &MediaConfig::default(),
        &options,
    )
    .expect("import");
    assert_eq!(imported.item.caption, "Chú thích của phóng viên");
    assert_eq!(imported.item.credit, "Ảnh: Kim Huệ");
    assert_eq!(imported.item.alt, "Hội trường");
}

#[test]
fn an_edit_makes_new_renditions_and_keeps_the_old_ones_until_removed() {
    let mut env = site();
    let imported = import(&mut env, "phone-gps.jpg").expect("import");
    let edit = MediaEdit {
        rotate: 90,
        crop: None,
    };
    let item = env
        .store
        .set_media_edit(imported.item.id, &edit)
        .expect("edit");
    let set = ensure_renditions(&env.root, &item, &MediaConfig::default()).expect("renditions");
    let picture = open(&env.root, &set.largest().path);
    assert_eq!(
        picture.dimensions(),
        (800, 1200),
        "turned a quarter: portrait now"
    );
    assert_ne!(set.largest().path, imported.renditions.largest().path);
    let before = std::fs::metadata(env.root.join(&set.largest().path))
        .expect("m")
        .modified()
        .expect("t");
    ensure_renditions(&env.root, &item, &MediaConfig::default()).expect("fresh");
    let after = std::fs::metadata(env.root.join(&set.largest().path))
        .expect("m")
        .modified()
        .expect("t");
    assert_eq!(before, after, "fresh renditions are not re-made");
}

#[test]
fn only_unused_photos_can_be_removed_and_their_files_go_with_them() {
    let mut env = site();
    let used = import(&mut env, "phone-gps.jpg").expect("used");
    let unused = import(&mut env, "photo.webp").expect("unused");
    env.store
        .create_article(&ArticleInput {
            title: "Hội nghị".into(),
            body: format!(
                "![Hội trường]({} \"Ảnh: Kim Huệ\")\n*Hội nghị*",
                used.item.reference()
            ),
            ..Default::default()
        })
        .expect("article");
    let err = remove(&env.root, &mut env.store, used.item.id).expect_err("in use");
    assert_eq!(err.code(), ErrorCode::InUse);
    assert!(env.root.join(used.item.reference()).is_file());
    remove(&env.root, &mut env.store, unused.item.id).expect("removed");
    let left = files_under(&env.root.join("media"));
    assert!(
        left.iter()
            .all(|p| !p.to_string_lossy().contains(&unused.item.hash)),
        "{left:?}"
    );
    assert!(left
        .iter()
        .any(|p| p.to_string_lossy().contains(&used.item.hash)));
}

#[test]
fn a_batch_reports_progress_and_fails_file_by_file() {
    let mut env = site();
    let names = [
        "orientation-1.jpg",
        "truncated.jpg",
        "orientation-6.jpg",
        "photo.webp",
        "empty.jpg",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let mut seen = Vec::new();
    let results = import_files(
        &env.root,
        &mut env.store,
        &paths,
        &MediaConfig::default(),
        &ImportOptions::default(),
        &mut |p| seen.push((p.done, p.total)),
    );
    assert_eq!(seen, [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]);
    let ok: Vec<bool> = results.iter().map(|(_, r)| r.is_ok()).collect();
    assert_eq!(ok, [true, false, true, true, false]);
    assert_eq!(env.store.media_list(None).expect("list").len(), 3);
}

/// A camera JPEG made in code: four coloured quarters (red, green / blue,
/// white) as stored, with the EXIF orientation tag set to `orientation`.
fn camera_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        match (x < width / 2, y < height / 2) {
            (true, true) => image::Rgb([255, 0, 0]),
            (false, true) => image::Rgb([0, 255, 0]),
            (true, false) => image::Rgb([0, 0, 255]),
            (false, false) => image::Rgb([255, 255, 255]),
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&picture)
        .expect("encode");
    // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation.
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&(app1.len() as u16 + 2).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[test]
fn a_large_turned_photo_is_shrunk_and_comes_out_upright_at_every_width() {
    let mut env = site();
    // Stored 2400×1600 lying on its side (orientation 6: turn clockwise).
    let bytes = camera_jpeg(2400, 1600, 6);
    let imported = bantin_media::import_data(
        &env.root,
        &mut env.store,
        "doc.jpg",
        &bytes,
        &MediaConfig::default(),
    )
    .expect("import");
    assert_eq!((imported.item.width, imported.item.height), (1600, 2400));
    let widths: Vec<u32> = imported.renditions.sizes.iter().map(|r| r.width).collect();
    assert_eq!(widths, [480, 960, 1600]);
    for rendition in imported.renditions.all() {
        let picture = open(&env.root, &rendition.path);
        assert_eq!(
            picture.dimensions(),
            (rendition.width, rendition.height),
            "{}",
            rendition.path
        );
        // Turned clockwise, the stored bottom-left (blue) is the top left.
        let corners = [
            (rgb_at(&picture, 0.2, 0.2), [0, 0, 255]),
            (rgb_at(&picture, 0.8, 0.2), [255, 0, 0]),
            (rgb_at(&picture, 0.2, 0.8), [255, 255, 255]),
            (rgb_at(&picture, 0.8, 0.8), [0, 255, 0]),
        ];
        for (pixel, expected) in corners {
            assert!(close(pixel, expected), "{}: {pixel:?}", rendition.path);
        }
    }
    assert_eq!(
        (
            imported.renditions.thumbnail.width,
            imported.renditions.thumbnail.height
        ),
        (320, 320)
    );
}

#[test]
fn a_panorama_too_flat_for_any_width_still_gets_its_square_thumbnail() {
    let mut env = site();
    let bytes = camera_jpeg(3000, 300, 1);
    let imported = bantin_media::import_data(
        &env.root,
        &mut env.store,
        "toan-canh.jpg",
        &bytes,
        &MediaConfig::default(),
    )
    .expect("import");
    let thumb = open(&env.root, &imported.renditions.thumbnail.path);
    assert_eq!(thumb.dimensions(), (300, 300));
    let widest = open(&env.root, &imported.renditions.largest().path);
    assert_eq!(widest.dimensions(), (1600, 160));
    assert!(close(rgb_at(&widest, 0.1, 0.1), [255, 0, 0]));
    assert!(close(rgb_at(&widest, 0.9, 0.9), [255, 255, 255]));
}
