//! Decoding to pixels, as stored (the camera's orientation is applied later,
//! to the small renditions, not to a copy of the whole photo). JPEGs go
//! through libjpeg-turbo (as in libvips), decoded at a reduced size when the
//! largest rendition needs no more: the IDCT can scale by n/8 while decoding,
//! which is most of the speed of thumbnailers.
//!
//! Memory: a 120-megapixel photo is 360 MB of RGB. Every format is decoded
//! into one buffer, large enough for both the decoder's output and the 8-bit
//! RGB(A) made from it, and converted in place: never a second copy.

use std::io::Cursor;

use bantin_core::MediaProblem;
use image::{ColorType, ImageDecoder};
use mozjpeg::ColorSpace;

use crate::probe::{image_format, Format, Limits, Probe};

/// 8-bit RGB or RGBA pixels, rows top down, as stored in the file.
#[derive(Debug)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub data: Vec<u8>,
}

impl Pixels {
    pub fn bytes_per_pixel(&self) -> usize {
        if self.alpha {
            4
        } else {
            3
        }
    }

    /// Whether any pixel is see-through (a PNG logo, say): those keep their
    /// transparency as PNG renditions instead of JPEG.
    pub fn uses_alpha(&self) -> bool {
        self.alpha && self.data.chunks_exact(4).any(|p| p[3] < 255)
    }

    /// Drops the alpha channel in place.
    pub fn into_rgb(mut self) -> Pixels {
        if self.alpha {
            let pixels = self.data.len() / 4;
            convert_in_place(&mut self.data, pixels, 4, 3, |p| [p[0], p[1], p[2], 255]);
            self.data.truncate(pixels * 3);
            self.alpha = false;
        }
        self
    }
}

/// Decodes the photo as stored. `need` is the smallest upright size the
/// caller will resize from; JPEGs may decode smaller than the original,
/// never smaller than `need`. `None` decodes at full size.
pub fn decode(
    bytes: &[u8],
    probe: &Probe,
    limits: &Limits,
    need: Option<(u32, u32)>,
) -> Result<Pixels, MediaProblem> {
    // Decoders are third-party code fed untrusted bytes: a panic in one must
    // refuse the file, not take the app (and its unsaved work) down.
    std::panic::catch_unwind(|| match probe.format {
        Format::Jpeg => decode_jpeg(bytes, probe, need),
        Format::Png | Format::WebP => decode_other(bytes, probe.format, limits),
    })
    .map_err(|_| MediaProblem::Damaged("the decoder failed".into()))?
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
    decoder.scale(jpeg_scale(probe, need));
    // The output is resized down anyway: the fast IDCT and plain chroma
    // upsampling cost no measurable PSNR in renditions (bench media).
    decoder.dct_method(mozjpeg::DctMethod::IntegerFast);
    decoder.do_fancy_upsampling(false);
}

/// The n/8 scale libjpeg decodes at for `need` (upright).
fn jpeg_scale(probe: &Probe, need: (u32, u32)) -> u8 {
    // The decoder works on the stored (unturned) sides.
    let (w, h) = if probe.orientation >= 5 {
        (need.1, need.0)
    } else {
        need
    };
    scale_eighths((probe.stored_width, probe.stored_height), (w, h))
}

/// The size as stored that `decode` returns for `need`.
pub fn decoded_size(probe: &Probe, need: Option<(u32, u32)>) -> (u32, u32) {
    let stored = (probe.stored_width, probe.stored_height);
    match (probe.format, need) {
        (Format::Jpeg, Some(need)) => {
            let n = u32::from(jpeg_scale(probe, need));
            ((stored.0 * n).div_ceil(8), (stored.1 * n).div_ceil(8))
        }
        _ => stored,
    }
}

fn decode_jpeg(
    bytes: &[u8],
    probe: &Probe,
    need: Option<(u32, u32)>,
) -> Result<Pixels, MediaProblem> {
    let mut decoder = mozjpeg::Decompress::new_mem(bytes).map_err(damaged)?;
    if let Some(need) = need {
        shrink_while_decoding(&mut decoder, probe, need);
    }
    let cmyk = matches!(
        decoder.color_space(),
        ColorSpace::JCS_CMYK | ColorSpace::JCS_YCCK
    );
    // libjpeg turns grey and YCbCr into RGB itself, row by row; CMYK it
    // cannot, so that comes out as CMYK and is converted here, in place.
    let mut started = if cmyk {
        decoder.to_colorspace(ColorSpace::JCS_CMYK)
    } else {
        decoder.rgb()
    }
    .map_err(damaged)?;
    let (w, h) = (started.width(), started.height());
    let mut data = vec![0u8; w * h * if cmyk { 4 } else { 3 }];
    started.read_scanlines_into(&mut data).map_err(damaged)?;
    started.finish().map_err(damaged)?;
    if cmyk {
        // Print-shop photos arrive as CMYK, stored inverted (Adobe); a plain
        // conversion is close enough for a web rendition and far better than
        // refusing them.
        convert_in_place(&mut data, w * h, 4, 3, |p| {
            let k = u32::from(p[3]);
            let c = |v: u8| (u32::from(v) * k / 255) as u8;
            [c(p[0]), c(p[1]), c(p[2]), 255]
        });
        data.truncate(w * h * 3);
    }
    Ok(Pixels {
        width: w as u32,
        height: h as u32,
        alpha: false,
        data,
    })
}

/// The smallest libjpeg scale (n/8) whose output still covers `need`:
/// decoding a 24-megapixel photo at 3/8 does a fraction of the IDCT work.
fn scale_eighths(stored: (u32, u32), need: (u32, u32)) -> u8 {
    let covers =
        |n: u32| (stored.0 * n).div_ceil(8) >= need.0 && (stored.1 * n).div_ceil(8) >= need.1;
    (1..=8).find(|&n| covers(n)).unwrap_or(8) as u8
}

fn decode_other(bytes: &[u8], format: Format, limits: &Limits) -> Result<Pixels, MediaProblem> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), image_format(format));
    reader.limits(limits.for_image_crate());
    let decoder = reader.into_decoder().map_err(|e| problem_of(&e))?;
    let (width, height) = decoder.dimensions();
    let color = decoder.color_type();
    let alpha = color.has_alpha();
    let pixels = width as usize * height as usize;
    let in_bpp = usize::from(color.bytes_per_pixel());
    let out_bpp = if alpha { 4 } else { 3 };
    let convert: fn(&[u8]) -> [u8; 4] = match color {
        ColorType::Rgb8 | ColorType::Rgba8 => |_| [0; 4], // used as is
        ColorType::L8 => |p| [p[0], p[0], p[0], 255],
        ColorType::La8 => |p| [p[0], p[0], p[0], p[1]],
        ColorType::L16 => |p| {
            let v = narrow(p, 0);
            [v, v, v, 255]
        },
        ColorType::La16 => |p| {
            let v = narrow(p, 0);
            [v, v, v, narrow(p, 1)]
        },
        ColorType::Rgb16 => |p| [narrow(p, 0), narrow(p, 1), narrow(p, 2), 255],
        ColorType::Rgba16 => |p| [narrow(p, 0), narrow(p, 1), narrow(p, 2), narrow(p, 3)],
        other => {
            return Err(MediaProblem::Damaged(format!(
                "unexpected colour type {other:?}"
            )))
        }
    };
    // One buffer holds the decoder's output and, converted in place, the
    // 8-bit result: a grey PNG never needs its grey and RGB copies at once.
    let mut data = vec![0u8; pixels * in_bpp.max(out_bpp)];
    decoder
        .read_image(&mut data[..pixels * in_bpp])
        .map_err(|e| problem_of(&e))?;
    if !matches!(color, ColorType::Rgb8 | ColorType::Rgba8) {
        convert_in_place(&mut data, pixels, in_bpp, out_bpp, convert);
        data.truncate(pixels * out_bpp);
    }
    Ok(Pixels {
        width,
        height,
        alpha,
        data,
    })
}

/// The `i`th 16-bit (native-endian) sample of `p`, as 8 bits, rounded.
fn narrow(p: &[u8], i: usize) -> u8 {
    let v = u32::from(u16::from_ne_bytes([p[2 * i], p[2 * i + 1]]));
    ((v + 128) / 257) as u8
}

/// Converts `pixels` pixels of `in_bpp` bytes at the start of `data` into
/// pixels of `out_bpp` bytes (the first `out_bpp` bytes `convert` returns),
/// in the same buffer: front to back when pixels shrink, back to front when
/// they grow, so no pixel is overwritten before it is read. `data` holds at
/// least `pixels × max(in_bpp, out_bpp)` bytes.
fn convert_in_place(
    data: &mut [u8],
    pixels: usize,
    in_bpp: usize,
    out_bpp: usize,
    convert: impl Fn(&[u8]) -> [u8; 4],
) {
    let mut step = |i: usize| {
        let mut p = [0u8; 8];
        p[..in_bpp].copy_from_slice(&data[i * in_bpp..(i + 1) * in_bpp]);
        let out = convert(&p[..in_bpp]);
        data[i * out_bpp..(i + 1) * out_bpp].copy_from_slice(&out[..out_bpp]);
    };
    if out_bpp <= in_bpp {
        (0..pixels).for_each(&mut step);
    } else {
        (0..pixels).rev().for_each(&mut step);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_no_larger_than_needed() {
        assert_eq!(scale_eighths((6000, 4000), (1602, 1070)), 3);
        assert_eq!(scale_eighths((6000, 4000), (6000, 4000)), 8);
        assert_eq!(scale_eighths((1200, 800), (1200, 800)), 8);
        assert_eq!(scale_eighths((6000, 4000), (480, 320)), 1);
    }

    #[test]
    fn conversions_in_place_match_the_image_crate() {
        // 16-bit grey with alpha grows nothing (4 → 4 bytes); grey grows
        // (1 → 3) and 16-bit RGB shrinks (6 → 3): all three directions.
        let (w, h) = (7u32, 5u32);
        let la16 = image::ImageBuffer::<image::LumaA<u16>, Vec<u16>>::from_fn(w, h, |x, y| {
            image::LumaA([(x * 9000 + y * 77) as u16, (y * 13000) as u16])
        });
        let grey = image::GrayImage::from_fn(w, h, |x, y| image::Luma([(x * 30 + y) as u8]));
        let rgb16 = image::ImageBuffer::<image::Rgb<u16>, Vec<u16>>::from_fn(w, h, |x, y| {
            image::Rgb([(x * 9000) as u16, (y * 12000 + 255) as u16, 65535])
        });
        let cases: Vec<(image::DynamicImage, bool)> = vec![
            (la16.into(), true),
            (grey.into(), false),
            (rgb16.into(), false),
        ];
        for (source, alpha) in cases {
            let mut png = Vec::new();
            source
                .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
                .expect("png");
            let pixels = decode_other(&png, Format::Png, &Limits::default()).expect("decodes");
            let expected = if alpha {
                source.to_rgba8().into_raw()
            } else {
                source.to_rgb8().into_raw()
            };
            assert_eq!(pixels.alpha, alpha);
            assert_eq!(pixels.data, expected, "{:?}", source.color());
        }
    }
}
