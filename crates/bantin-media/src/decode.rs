//! Decoding to upright pixels. JPEGs are decoded at a reduced size when the
//! largest rendition needs no more (the DCT can be scaled by 1/2, 1/4, 1/8
//! while decoding, which is most of the speed of thumbnailers like libvips).

use std::io::Cursor;

use bantin_core::MediaProblem;
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, ImageDecoder, RgbImage};

use crate::probe::{image_format, Format, Limits, Probe};

/// Decodes the photo upright (camera orientation applied). `need` is the
/// smallest upright size the caller will resize from; JPEGs may decode
/// smaller than the original, never smaller than `need`. `None` decodes at
/// full size.
pub fn decode(
    bytes: &[u8],
    probe: &Probe,
    limits: &Limits,
    need: Option<(u32, u32)>,
) -> Result<DynamicImage, MediaProblem> {
    // Decoders are third-party code fed untrusted bytes: a panic in one must
    // refuse the file, not take the app (and its unsaved work) down.
    let decoded = std::panic::catch_unwind(|| match probe.format {
        Format::Jpeg => decode_jpeg(bytes, probe, need),
        Format::Png | Format::WebP => decode_other(bytes, probe.format, limits),
    })
    .map_err(|_| MediaProblem::Damaged("the decoder failed".into()))??;
    let mut image = decoded;
    if let Some(orientation) = Orientation::from_exif(probe.orientation) {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

fn decode_jpeg(
    bytes: &[u8],
    probe: &Probe,
    need: Option<(u32, u32)>,
) -> Result<DynamicImage, MediaProblem> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    if let Some((w, h)) = need {
        // `need` is upright; the decoder works on the stored (unrotated) sides.
        let (w, h) = if probe.orientation >= 5 {
            (h, w)
        } else {
            (w, h)
        };
        let clamp = |v: u32| u16::try_from(v.max(1)).unwrap_or(u16::MAX);
        decoder
            .scale(clamp(w), clamp(h))
            .map_err(|e| MediaProblem::Damaged(e.to_string()))?;
    }
    let pixels = decoder
        .decode()
        .map_err(|e| MediaProblem::Damaged(e.to_string()))?;
    let info = decoder
        .info()
        .ok_or_else(|| MediaProblem::Damaged("no image header".into()))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let bad_size = || MediaProblem::Damaged("pixel data does not match the size".into());
    use jpeg_decoder::PixelFormat;
    Ok(match info.pixel_format {
        PixelFormat::RGB24 => {
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, pixels).ok_or_else(bad_size)?)
        }
        PixelFormat::L8 => {
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, pixels).ok_or_else(bad_size)?)
        }
        PixelFormat::L16 => {
            let gray: Vec<u8> = pixels.chunks_exact(2).map(|p| p[0]).collect();
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, gray).ok_or_else(bad_size)?)
        }
        PixelFormat::CMYK32 => {
            // Print-shop photos arrive as CMYK; a naive conversion is close
            // enough for a web rendition and far better than refusing them.
            let rgb: Vec<u8> = pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = 255 - u32::from(p[3]);
                    [p[0], p[1], p[2]].map(|c| ((255 - u32::from(c)) * k / 255) as u8)
                })
                .collect();
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, rgb).ok_or_else(bad_size)?)
        }
    })
}

fn decode_other(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<DynamicImage, MediaProblem> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), image_format(format));
    let mut image_limits = image::Limits::default();
    image_limits.max_image_width = Some(limits.max_side);
    image_limits.max_image_height = Some(limits.max_side);
    image_limits.max_alloc = Some(u64::from(limits.max_megapixels) * 1_000_000 * 8);
    reader.limits(image_limits);
    let decoder = reader.into_decoder().map_err(|e| problem_of(&e))?;
    let has_alpha = decoder.color_type().has_alpha();
    let image = DynamicImage::from_decoder(decoder).map_err(|e| problem_of(&e))?;
    Ok(if has_alpha {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    })
}

pub(crate) fn problem_of(e: &image::ImageError) -> MediaProblem {
    use image::ImageError as E;
    match e {
        E::Limits(_) => MediaProblem::TooLarge {
            width: 0,
            height: 0,
            limit: Limits::default().max_side,
            max_megapixels: Limits::default().max_megapixels,
        },
        E::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => MediaProblem::Truncated,
        E::Unsupported(_) => MediaProblem::NotAnImage,
        other => {
            let text = other.to_string();
            if text.contains("EOF") || text.contains("end of") || text.contains("eof") {
                MediaProblem::Truncated
            } else {
                MediaProblem::Damaged(text)
            }
        }
    }
}

/// Whether any pixel is see-through (a PNG logo, say): those keep their
/// transparency as PNG renditions instead of JPEG.
pub fn uses_alpha(image: &DynamicImage) -> bool {
    match image {
        DynamicImage::ImageRgba8(rgba) => rgba.pixels().any(|p| p[3] < 255),
        _ => false,
    }
}
