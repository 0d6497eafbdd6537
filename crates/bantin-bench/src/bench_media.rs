//! `bantin-bench media`: renditions of deterministic 24-megapixel photos,
//! timed beside libvips' `vipsthumbnail` and ImageMagick on the same files in
//! the same run, with each output's PSNR against a lossless reference (the
//! full-size decode resized with Lanczos3 in one step). Prints JSON.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use bantin_media::{prepare, ImportOptions, MediaConfig, Prepared};
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use serde_json::{json, Value};

const WIDTHS: [u32; 3] = [1600, 960, 480];

pub fn run(photos: usize, width: u32, height: u32) -> Result<(), bantin_core::Error> {
    let dir = tempfile::tempdir().map_err(|e| bantin_core::Error::io(std::env::temp_dir(), e))?;
    let io = |p: &Path, e| bantin_core::Error::io(p, e);
    let mut files = Vec::new();
    for i in 0..photos {
        let path = dir.path().join(format!("anh-{i}.jpg"));
        std::fs::write(&path, synthetic_photo(width, height, i as u32))
            .map_err(|e| io(&path, e))?;
        files.push(path);
    }
    let config = MediaConfig {
        widths: WIDTHS.to_vec(),
        ..MediaConfig::default()
    };
    let mut ours_ms = Vec::new();
    let mut vips_ms = Vec::new();
    let mut magick_ms = Vec::new();
    let mut psnr: Vec<Value> = Vec::new();
    let mut sizes = Value::Null;
    let vips = has("vipsthumbnail");
    let magick = has("convert");
    for (i, file) in files.iter().enumerate() {
        let bytes = std::fs::read(file).map_err(|e| io(file, e))?;
        let site = dir.path().join(format!("site-{i}"));
        // The file layer writes only inside a folder that exists.
        std::fs::create_dir_all(&site).map_err(|e| io(&site, e))?;
        let started = Instant::now();
        let prepared = prepare(
            &site,
            "anh.jpg",
            &bytes,
            &config,
            &ImportOptions::default(),
            &HashSet::new(),
        )?;
        ours_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        let Prepared::New { record, .. } = prepared else {
            continue;
        };
        let ours_file = |w: u32| site.join(format!("media/renditions/{}-o-{w}.jpg", record.hash));
        let out = dir.path().join(format!("peers-{i}"));
        std::fs::create_dir_all(&out).map_err(|e| io(&out, e))?;
        if vips {
            let started = Instant::now();
            for w in WIDTHS {
                let target = out.join(format!("vips-{w}.jpg"));
                let status = Command::new("vipsthumbnail")
                    .arg(file)
                    .args(["--size", &format!("{w}x")])
                    .arg("-o")
                    .arg(format!("{}[Q=82,strip]", target.display()))
                    .status();
                if !matches!(status, Ok(s) if s.success()) {
                    eprintln!("vipsthumbnail failed on {}", file.display());
                }
            }
            vips_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        if magick {
            let started = Instant::now();
            let status = Command::new("convert")
                .arg(file)
                .args(["-auto-orient", "-strip", "-quality", "82"])
                .args(["-resize", "1600x", "-write"])
                .arg(out.join("magick-1600.jpg"))
                .args(["-resize", "960x", "-write"])
                .arg(out.join("magick-960.jpg"))
                .args(["-resize", "480x"])
                .arg(out.join("magick-480.jpg"))
                .status();
            if !matches!(status, Ok(s) if s.success()) {
                eprintln!("ImageMagick failed on {}", file.display());
            }
            magick_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        if i == 0 {
            let reference = decode_rgb(&bytes)
                .ok_or_else(|| bantin_core::Error::invalid("bench", "reference decode"))?;
            for w in WIDTHS {
                let wanted = resize(&reference, w);
                let score = |path: PathBuf| -> Option<f64> {
                    let data = std::fs::read(path).ok()?;
                    Some(psnr_db(&wanted, &decode_rgb(&data)?))
                };
                let ours = score(ours_file(w));
                let vips_db = vips
                    .then(|| score(out.join(format!("vips-{w}.jpg"))))
                    .flatten();
                let magick_db = magick
                    .then(|| score(out.join(format!("magick-{w}.jpg"))))
                    .flatten();
                let bytes = |path: PathBuf| std::fs::metadata(path).ok().map(|m| m.len());
                psnr.push(json!({
                    "width": w,
                    "bytes": {
                        "bantin": bytes(ours_file(w)),
                        "vipsthumbnail": bytes(out.join(format!("vips-{w}.jpg"))),
                        "imagemagick": bytes(out.join(format!("magick-{w}.jpg"))),
                    },
                    "bantin_db": ours.map(round2),
                    "vipsthumbnail_db": vips_db.map(round2),
                    "imagemagick_db": magick_db.map(round2),
                    "bantin_minus_vips_db": ours.zip(vips_db).map(|(a, b)| round2(a - b)),
                }));
            }
            sizes = webp_measure(&ours_file(960));
        }
    }
    let mean = |v: &[f64]| (!v.is_empty()).then(|| round2(v.iter().sum::<f64>() / v.len() as f64));
    let (ours, vips_mean, magick_mean) = (mean(&ours_ms), mean(&vips_ms), mean(&magick_ms));
    let ratio = |peer: Option<f64>| peer.zip(ours).map(|(p, o)| round2(p / o));
    let out = json!({
        "bench": "media",
        "photos": photos,
        "megapixels": round2(f64::from(width) * f64::from(height) / 1e6),
        "widths": WIDTHS,
        "bantin": {
            "ms_per_photo": ours,
            "includes": "decode, orient, 3 widths + thumbnail, JPEG encode, hash, write and sync",
        },
        "vipsthumbnail": vips_mean.map(|m| json!({ "ms_per_photo": m, "runs": "one process per width" }))
            .unwrap_or(json!("not installed (Debian: libvips-tools)")),
        "imagemagick": magick_mean.map(|m| json!({ "ms_per_photo": m, "runs": "one process, chained resizes" }))
            .unwrap_or(json!("not installed (Debian: imagemagick)")),
        "speedup_vs_vipsthumbnail": ratio(vips_mean),
        "speedup_vs_imagemagick": ratio(magick_mean),
        "goal": "≥ 3.5× vipsthumbnail, PSNR within 0.2 dB of it",
        "psnr_vs_lanczos3_reference": psnr,
        "webp_lossless_vs_jpeg_at_960": sizes,
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(())
}

fn has(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The image crate writes only lossless WebP: measured here so the choice
/// to publish JPEG renditions rests on figures.
fn webp_measure(jpeg_path: &Path) -> Value {
    let Some(rgb) = std::fs::read(jpeg_path).ok().and_then(|d| decode_rgb(&d)) else {
        return Value::Null;
    };
    let started = Instant::now();
    let mut webp = Vec::new();
    let encoded = image::codecs::webp::WebPEncoder::new_lossless(&mut webp).encode(
        rgb.buffer(),
        rgb.width(),
        rgb.height(),
        image::ExtendedColorType::Rgb8,
    );
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let jpeg = std::fs::metadata(jpeg_path).map(|m| m.len()).unwrap_or(0);
    json!({
        "jpeg_bytes": jpeg,
        "webp_lossless_bytes": encoded.is_ok().then_some(webp.len()),
        "webp_encode_ms": round2(ms),
    })
}

fn decode_rgb(bytes: &[u8]) -> Option<Image<'static>> {
    let mut started = mozjpeg::Decompress::new_mem(bytes).ok()?.rgb().ok()?;
    let (w, h) = (started.width() as u32, started.height() as u32);
    let pixels: Vec<u8> = started.read_scanlines().ok()?;
    started.finish().ok()?;
    Image::from_vec_u8(w, h, pixels, PixelType::U8x3).ok()
}

fn resize(from: &Image, width: u32) -> Image<'static> {
    let height =
        (f64::from(from.height()) * f64::from(width) / f64::from(from.width())).round() as u32;
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    let _ = Resizer::new().resize(from, &mut dst, &options);
    dst
}

/// PSNR over the rows both images have (tools round heights differently).
fn psnr_db(a: &Image, b: &Image) -> f64 {
    if a.width() != b.width() {
        return 0.0;
    }
    let rows = a.height().min(b.height()) as usize;
    let stride = a.width() as usize * 3;
    let (a, b) = (&a.buffer()[..rows * stride], &b.buffer()[..rows * stride]);
    let mse = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| {
            let d = f64::from(x) - f64::from(y);
            d * d
        })
        .sum::<f64>()
        / a.len() as f64;
    if mse == 0.0 {
        return 99.0;
    }
    10.0 * (255.0 * 255.0 / mse).log10()
}

/// A photo-like picture: sky gradient, textured ground with fine detail,
/// hard-edged shapes and sensor noise, the same for the same seed. Encoded
/// as a camera would (quality 92, 4:2:0).
pub(crate) fn synthetic_photo(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    let horizon = height as f32 * 0.45;
    for (y, row) in pixels.chunks_exact_mut(width as usize * 3).enumerate() {
        let yf = y as f32;
        for (x, px) in row.chunks_exact_mut(3).enumerate() {
            let xf = x as f32;
            let noise = (hash(x as u32, y as u32, seed) % 17) as f32 - 8.0;
            let rgb = if yf < horizon {
                let t = yf / horizon;
                [90.0 + 80.0 * t, 140.0 + 70.0 * t, 220.0 - 20.0 * t]
            } else {
                let leaf =
                    ((xf * 0.37).sin() * (yf * 0.29).cos() + (xf * 0.05 + yf * 0.07).sin()) * 30.0;
                [70.0 + leaf, 110.0 + leaf * 1.2, 50.0 + leaf * 0.5]
            };
            // A few buildings with sharp edges and lit windows.
            let block = (x as u32 / 700 + seed).is_multiple_of(3)
                && yf > horizon * 0.6
                && yf < horizon * 1.2;
            let window = block && (x % 60 < 25) && (y % 80 < 35);
            let rgb = if window {
                [240.0, 220.0, 150.0]
            } else if block {
                [180.0, 170.0, 160.0]
            } else {
                rgb
            };
            for (c, v) in px.iter_mut().zip(rgb) {
                *c = (v + noise).clamp(0.0, 255.0) as u8;
            }
        }
    }
    let mut compress = mozjpeg::Compress::new(mozjpeg::ColorSpace::JCS_RGB);
    compress.set_fastest_defaults();
    compress.set_size(width as usize, height as usize);
    compress.set_quality(92.0);
    compress
        .start_compress(Vec::new())
        .and_then(|mut c| {
            c.write_scanlines(&pixels)?;
            c.finish()
        })
        .unwrap_or_default()
}

fn hash(x: u32, y: u32, seed: u32) -> u32 {
    let mut h = x.wrapping_mul(374_761_393)
        ^ y.wrapping_mul(668_265_263)
        ^ seed.wrapping_mul(2_246_822_519);
    h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
    h ^ (h >> 16)
}
