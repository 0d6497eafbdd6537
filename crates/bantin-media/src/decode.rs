//! Decoding to upright pixels. JPEGs go through libjpeg-turbo (as in
//! libvips), decoded at a reduced size when the largest rendition needs no
//! more: the IDCT can scale by n/8 while decoding, which is most of the speed
//! of thumbnailers.

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

pub(crate) fn damaged(e: std::io::Error) -> MediaProblem {
    MediaProblem::Damaged(e.to_string())
}

/// Asks libjpeg for the smallest output that still covers `need` (upright).
pub(crate) fn shrink_while_decoding(
    decoder: &mut mozjpeg::Decompress<&[u8]>,
    probe: &Probe,
    need: (u32, u32),
) {
    // The decoder works on the stored (unturned) sides.
    let (w, h) = if probe.orientation >= 5 {
        (need.1, need.0)
    } else {
        need
    };
    decoder.scale(scale_eighths(
        (probe.stored_width, probe.stored_height),
        (w, h),
    ));
    // The output is resized down anyway: the fast IDCT and plain chroma
    // upsampling cost no measurable PSNR in renditions (bench media).
    decoder.dct_method(mozjpeg::DctMethod::IntegerFast);
    decoder.do_fancy_upsampling(false);
}

fn decode_jpeg(
    bytes: &[u8],
    probe: &Probe,
    need: Option<(u32, u32)>,
) -> Result<DynamicImage, MediaProblem> {
    let mut decoder = mozjpeg::Decompress::new_mem(bytes).map_err(damaged)?;
    if let Some(need) = need {
        shrink_while_decoding(&mut decoder, probe, need);
    }
    let bad_size = || MediaProblem::Damaged("pixel data does not match the size".into());
    Ok(match decoder.image().map_err(damaged)? {
        mozjpeg::decompress::Format::RGB(mut started) => {
            let (w, h) = (started.width() as u32, started.height() as u32);
            let pixels: Vec<u8> = started.read_scanlines().map_err(damaged)?;
            started.finish().map_err(damaged)?;
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, pixels).ok_or_else(bad_size)?)
        }
        mozjpeg::decompress::Format::Gray(mut started) => {
            let (w, h) = (started.width() as u32, started.height() as u32);
            let pixels: Vec<u8> = started.read_scanlines().map_err(damaged)?;
            started.finish().map_err(damaged)?;
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, pixels).ok_or_else(bad_size)?)
        }
        mozjpeg::decompress::Format::CMYK(mut started) => {
            let (w, h) = (started.width() as u32, started.height() as u32);
            let pixels: Vec<u8> = started.read_scanlines().map_err(damaged)?;
            started.finish().map_err(damaged)?;
            // Print-shop photos arrive as CMYK, stored inverted (Adobe); a
            // plain conversion is close enough for a web rendition and far
            // better than refusing them.
            let rgb: Vec<u8> = pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = u32::from(p[3]);
                    [p[0], p[1], p[2]].map(|c| (u32::from(c) * k / 255) as u8)
                })
                .collect();
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, rgb).ok_or_else(bad_size)?)
        }
    })
}

/// The smallest libjpeg scale (n/8) whose output still covers `need`:
/// decoding a 24-megapixel photo at 3/8 does a fraction of the IDCT work.
fn scale_eighths(stored: (u32, u32), need: (u32, u32)) -> u8 {
    let covers =
        |n: u32| (stored.0 * n).div_ceil(8) >= need.0 && (stored.1 * n).div_ceil(8) >= need.1;
    (1..=8).find(|&n| covers(n)).unwrap_or(8) as u8
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
        // Its size already passed the limits: a file that still asks for more
        // memory is lying about itself.
        E::Limits(_) => MediaProblem::Damaged("it asks for more memory than its size needs".into()),
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

#[cfg(test)]
mod tests {
    use super::scale_eighths;

    #[test]
    fn decodes_no_larger_than_needed() {
        assert_eq!(scale_eighths((6000, 4000), (1602, 1070)), 3);
        assert_eq!(scale_eighths((6000, 4000), (6000, 4000)), 8);
        assert_eq!(scale_eighths((1200, 800), (1200, 800)), 8);
        assert_eq!(scale_eighths((6000, 4000), (480, 320)), 1);
    }
}
