//! Renditions: the only image files that are ever published. Each is made
//! from the upright original and the user's edit, resized (never upscaled),
//! and encoded from pixels alone, so no metadata reaches it.

use bantin_core::{MediaEdit, MediaItem};
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::DynamicImage;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Widths of the published photo when the site sets none: phone, column,
/// full-width on large screens.
pub const DEFAULT_WIDTHS: [u32; 3] = [480, 960, 1600];
/// Side of the square list thumbnail.
pub const THUMBNAIL_SIDE: u32 = 320;
/// JPEG quality for news photos: past 82 files grow fast for detail nobody
/// sees on a portal page; below 75 faces and text on banners show blocks.
pub const JPEG_QUALITY: u8 = 82;
/// Folder of the site that holds renditions.
pub const RENDITIONS_DIR: &str = "media/renditions";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// Path inside the site folder, with `/` separators.
    pub path: String,
}

impl Rendition {
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// Everything published for one photo, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RenditionSet {
    pub sizes: Vec<Rendition>,
    pub thumbnail: Rendition,
}

impl RenditionSet {
    pub fn largest(&self) -> &Rendition {
        self.sizes.last().unwrap_or(&self.thumbnail)
    }

    pub fn all(&self) -> impl Iterator<Item = &Rendition> {
        self.sizes.iter().chain(std::iter::once(&self.thumbnail))
    }

    /// The smallest size that holds the square thumbnail: cutting it from a
    /// 480 px rendition saves a large resize. `None` for a panorama too flat
    /// for any size to hold it.
    pub fn thumbnail_source(&self) -> Option<usize> {
        let side = self.thumbnail.width;
        self.sizes
            .iter()
            .position(|r| r.width.min(r.height) >= side)
    }
}

/// Size of the photo after the edit (turns, then crop).
pub fn edited_size(width: u32, height: u32, edit: &MediaEdit) -> (u32, u32) {
    let (w, h) = if edit.rotate % 180 == 90 {
        (height, width)
    } else {
        (width, height)
    };
    match edit.crop {
        Some(c) => (
            ((f64::from(w) * c.width).round() as u32).clamp(1, w),
            ((f64::from(h) * c.height).round() as u32).clamp(1, h),
        ),
        None => (w, h),
    }
}

/// The widths a photo gets: the configured ones narrower than the photo,
/// plus the photo's own width when it is narrower than the widest.
pub fn widths_for(photo_width: u32, configured: &[u32]) -> Vec<u32> {
    let mut widths: Vec<u32> = configured
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < photo_width)
        .collect();
    let widest = configured.iter().copied().max().unwrap_or(0);
    if photo_width <= widest || widths.is_empty() {
        widths.push(photo_width);
    }
    widths.sort_unstable();
    widths.dedup();
    widths
}

fn edit_key(edit: &MediaEdit) -> String {
    if edit.is_identity() {
        return "o".into();
    }
    let text = format!("{edit:?}");
    let digest = Sha256::digest(text.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Names and sizes of a photo's renditions, without touching the disk. The
/// edit is part of the name, so an edit makes new files instead of
/// overwriting published ones.
pub fn plan(item: &MediaItem, configured: &[u32]) -> RenditionSet {
    let (w, h) = edited_size(item.width, item.height, &item.edit);
    let ext = if item.has_alpha { "png" } else { "jpg" };
    let stem = format!("{RENDITIONS_DIR}/{}-{}", item.hash, edit_key(&item.edit));
    let sizes = widths_for(w, configured)
        .into_iter()
        .map(|rw| Rendition {
            width: rw,
            height: scaled_height(w, h, rw),
            path: format!("{stem}-{rw}.{ext}"),
        })
        .collect();
    let side = THUMBNAIL_SIDE.min(w).min(h);
    RenditionSet {
        sizes,
        thumbnail: Rendition {
            width: side,
            height: side,
            path: format!("{stem}-thumb.{ext}"),
        },
    }
}

fn scaled_height(w: u32, h: u32, to_width: u32) -> u32 {
    ((f64::from(h) * f64::from(to_width) / f64::from(w)).round() as u32).max(1)
}

/// Applies the user's edit to upright pixels.
pub fn apply_edit(image: DynamicImage, edit: &MediaEdit) -> DynamicImage {
    let turned = match edit.rotate {
        90 => image.rotate90(),
        180 => image.rotate180(),
        270 => image.rotate270(),
        _ => image,
    };
    match edit.crop {
        Some(c) => {
            let (w, h) = (turned.width(), turned.height());
            let x = ((f64::from(w) * c.x).round() as u32).min(w - 1);
            let y = ((f64::from(h) * c.y).round() as u32).min(h - 1);
            let (cw, ch) = edited_size(
                w,
                h,
                &MediaEdit {
                    rotate: 0,
                    crop: Some(c),
                },
            );
            turned.crop_imm(x, y, cw.min(w - x), ch.min(h - y))
        }
        None => turned,
    }
}

/// Makes every rendition in `set` from the edited pixels, returning encoded
/// bytes in the set's order (sizes, then the thumbnail). Each size is resized
/// from the source (resizing a resized image loses detail) and encoded on its
/// own thread.
pub fn render(
    edited: &DynamicImage,
    set: &RenditionSet,
    alpha: bool,
) -> Result<Vec<Vec<u8>>, String> {
    let source = to_fir(edited, alpha)?;
    let source = &source;
    let side = set.thumbnail.width;
    let thumb_from = set.thumbnail_source();
    std::thread::scope(|scope| {
        let handles: Vec<_> = set
            .sizes
            .iter()
            .enumerate()
            .map(|(i, r)| {
                scope.spawn(move || {
                    let image = resized(source, r.width, r.height)?;
                    let thumb = if thumb_from == Some(i) {
                        Some(encode(
                            &thumbnail(&image, side, &mut Resizer::new())?,
                            alpha,
                        )?)
                    } else {
                        None
                    };
                    Ok::<_, String>((encode(&image, alpha)?, thumb))
                })
            })
            .collect();
        let mut out = Vec::new();
        let mut thumb = None;
        for handle in handles {
            let (bytes, t) = handle
                .join()
                .map_err(|_| "rendition thread failed".to_owned())??;
            out.push(bytes);
            thumb = thumb.or(t);
        }
        let thumb = match thumb {
            Some(t) => t,
            None => encode(&thumbnail(source, side, &mut Resizer::new())?, alpha)?,
        };
        out.push(thumb);
        Ok(out)
    })
}

fn resized(source: &Image, width: u32, height: u32) -> Result<Image<'static>, String> {
    let mut dst = Image::new(width, height, source.pixel_type());
    if width == source.width() && height == source.height() {
        dst.buffer_mut().copy_from_slice(source.buffer());
        return Ok(dst);
    }
    let lanczos = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(source, &mut dst, &lanczos)
        .map_err(|e| e.to_string())?;
    Ok(dst)
}

pub(crate) fn thumbnail(
    from: &Image,
    side: u32,
    resizer: &mut Resizer,
) -> Result<Image<'static>, String> {
    let square = from.width().min(from.height());
    let left = f64::from((from.width() - square) / 2);
    let top = f64::from((from.height() - square) / 2);
    let mut dst = Image::new(side, side, from.pixel_type());
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(left, top, f64::from(square), f64::from(square));
    resizer
        .resize(from, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    Ok(dst)
}

fn to_fir(image: &DynamicImage, alpha: bool) -> Result<Image<'static>, String> {
    let (w, h) = (image.width(), image.height());
    let (buffer, kind) = if alpha {
        (image.to_rgba8().into_raw(), PixelType::U8x4)
    } else {
        (image.to_rgb8().into_raw(), PixelType::U8x3)
    };
    Image::from_vec_u8(w, h, buffer, kind).map_err(|e| e.to_string())
}

pub fn encode(image: &Image, alpha: bool) -> Result<Vec<u8>, String> {
    let (w, h) = (image.width(), image.height());
    if alpha {
        use image::ImageEncoder;
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(image.buffer(), w, h, image::ExtendedColorType::Rgba8)
            .map_err(|e| e.to_string())?;
        return Ok(out);
    }
    std::panic::catch_unwind(|| -> std::io::Result<Vec<u8>> {
        let mut started = start_jpeg(w, h)?;
        started.write_scanlines(image.buffer())?;
        started.finish()
    })
    .map_err(|_| "the JPEG encoder failed".to_owned())?
    .map_err(|e| e.to_string())
}

/// A JPEG encoder waiting for RGB rows. libjpeg-turbo's own settings
/// (mozjpeg's slow trellis search off): 4:2:0 with averaged chroma, optimised
/// Huffman tables, progressive so a slow connection shows the whole photo
/// early. libjpeg reports errors by panicking: callers catch it.
pub(crate) fn start_jpeg(
    width: u32,
    height: u32,
) -> std::io::Result<mozjpeg::compress::CompressStarted<Vec<u8>>> {
    let mut compress = mozjpeg::Compress::new(mozjpeg::ColorSpace::JCS_RGB);
    compress.set_fastest_defaults();
    compress.set_size(width as usize, height as usize);
    compress.set_quality(f32::from(JPEG_QUALITY));
    compress.set_chroma_sampling_pixel_sizes((2, 2), (2, 2));
    compress.set_optimize_coding(true);
    compress.set_progressive_mode();
    compress.start_compress(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_core::Crop;

    #[test]
    fn never_upscales() {
        assert_eq!(widths_for(6000, &DEFAULT_WIDTHS), [480, 960, 1600]);
        assert_eq!(widths_for(1200, &DEFAULT_WIDTHS), [480, 960, 1200]);
        assert_eq!(widths_for(300, &DEFAULT_WIDTHS), [300]);
        assert_eq!(widths_for(1600, &DEFAULT_WIDTHS), [480, 960, 1600]);
    }

    #[test]
    fn edits_change_sizes_and_names() {
        let edit = MediaEdit {
            rotate: 90,
            crop: Some(Crop {
                x: 0.0,
                y: 0.0,
                width: 0.5,
                height: 1.0,
            }),
        };
        assert_eq!(edited_size(6000, 4000, &edit), (2000, 6000));
        assert_ne!(edit_key(&edit), edit_key(&MediaEdit::default()));
        assert_eq!(edit_key(&MediaEdit::default()), "o");
    }
}
