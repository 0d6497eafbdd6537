//! Renditions: the only image files that are ever published. Each is made
//! from the upright original and the user's edit, resized (never upscaled),
//! and encoded from pixels alone, so no metadata reaches it.

use bantin_core::{MediaEdit, MediaItem};
use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, MulDiv, PixelType, ResizeAlg, ResizeOptions, Resizer};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::decode::Pixels;

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

/// A mirror or quarter turn of a picture: output pixel (x, y) is the source
/// pixel found by swapping x and y when `transpose`, then counting from the
/// right when `flip_x` and from the bottom when `flip_y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Turn {
    transpose: bool,
    flip_x: bool,
    flip_y: bool,
}

impl Turn {
    const NONE: Turn = Turn::new(false, false, false);

    const fn new(transpose: bool, flip_x: bool, flip_y: bool) -> Turn {
        Turn {
            transpose,
            flip_x,
            flip_y,
        }
    }

    /// What the EXIF orientation `o` asks of the stored pixels to stand
    /// them upright.
    pub(crate) fn of_exif(o: u8) -> Turn {
        match o {
            2 => Turn::new(false, true, false),
            3 => Turn::new(false, true, true),
            4 => Turn::new(false, false, true),
            5 => Turn::new(true, false, false),
            6 => Turn::new(true, false, true),
            7 => Turn::new(true, true, true),
            8 => Turn::new(true, true, false),
            _ => Turn::NONE,
        }
    }

    /// A clockwise turn by `degrees` (a quarter-turn multiple).
    pub(crate) fn clockwise(degrees: u32) -> Turn {
        match degrees % 360 {
            90 => Turn::of_exif(6),
            180 => Turn::of_exif(3),
            270 => Turn::of_exif(8),
            _ => Turn::NONE,
        }
    }

    fn size(self, (w, h): (u32, u32)) -> (u32, u32) {
        if self.transpose {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// The source point under output point (x, y), in pixel edges.
    fn source_point(self, source: (u32, u32), (x, y): (f64, f64)) -> (f64, f64) {
        let (mut sx, mut sy) = if self.transpose { (y, x) } else { (x, y) };
        if self.flip_x {
            sx = f64::from(source.0) - sx;
        }
        if self.flip_y {
            sy = f64::from(source.1) - sy;
        }
        (sx, sy)
    }

    /// The source rectangle `(left, top, width, height)` an output
    /// rectangle shows.
    fn source_rect(self, source: (u32, u32), rect: Rect) -> Rect {
        let a = self.source_point(source, (rect.0, rect.1));
        let b = self.source_point(source, (rect.0 + rect.2, rect.1 + rect.3));
        (
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        )
    }

    /// The turned copy of a (small) picture of `bpp` bytes a pixel.
    fn apply(self, pixels: &[u8], (w, h): (u32, u32), bpp: usize) -> Vec<u8> {
        if self == Turn::NONE {
            return pixels.to_vec();
        }
        let (ow, oh) = self.size((w, h));
        let mut out = Vec::with_capacity(pixels.len());
        for oy in 0..oh {
            for ox in 0..ow {
                let (mut sx, mut sy) = if self.transpose { (oy, ox) } else { (ox, oy) };
                if self.flip_x {
                    sx = w - 1 - sx;
                }
                if self.flip_y {
                    sy = h - 1 - sy;
                }
                let at = (sy as usize * w as usize + sx as usize) * bpp;
                out.extend_from_slice(&pixels[at..at + bpp]);
            }
        }
        out
    }
}

/// `(left, top, width, height)` in pixel edges.
type Rect = (f64, f64, f64, f64);

/// Where the edited photo lies in the pixels as stored: the region to
/// resize, and the turns that stand the resized region upright and apply
/// the user's turn, in that order.
struct Placement {
    region: Rect,
    turns: [Turn; 2],
}

impl Placement {
    fn new(stored: (u32, u32), orientation: u8, edit: &MediaEdit) -> Placement {
        let turns = [Turn::of_exif(orientation), Turn::clockwise(edit.rotate)];
        let upright = turns[0].size(stored);
        let (w, h) = turns[1].size(upright);
        // The crop is in the turned photo, in whole pixels as it always was.
        let crop = match edit.crop {
            Some(c) => {
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
                (x, y, cw.min(w - x), ch.min(h - y))
            }
            None => (0, 0, w, h),
        };
        let crop = (
            f64::from(crop.0),
            f64::from(crop.1),
            f64::from(crop.2),
            f64::from(crop.3),
        );
        let in_upright = turns[1].source_rect(upright, crop);
        Placement {
            region: turns[0].source_rect(stored, in_upright),
            turns,
        }
    }

    /// The size, as stored, that becomes `size` once turned.
    fn stored_size(&self, size: (u32, u32)) -> (u32, u32) {
        if self.turns[0].transpose != self.turns[1].transpose {
            (size.1, size.0)
        } else {
            size
        }
    }

    fn turn(&self, image: Image<'static>) -> Result<Image<'static>, String> {
        if self.turns.iter().all(|t| *t == Turn::NONE) {
            return Ok(image);
        }
        let bpp = image.pixel_type().size();
        let mut size = (image.width(), image.height());
        let mut pixels = image.into_vec();
        for turn in self.turns {
            if turn != Turn::NONE {
                pixels = turn.apply(&pixels, size, bpp);
                size = turn.size(size);
            }
        }
        let kind = if bpp == 4 {
            PixelType::U8x4
        } else {
            PixelType::U8x3
        };
        Image::from_vec_u8(size.0, size.1, pixels, kind).map_err(|e| e.to_string())
    }
}

/// Makes every rendition in `set` from the decoded photo as stored, its EXIF
/// `orientation` and the user's edit, returning encoded bytes in the set's
/// order (sizes, then the thumbnail). Each size is resized from the source
/// (resizing a resized image loses detail) on its own thread, in the stored
/// orientation: only the small results are turned, so the photo is never
/// copied whole. `pixels` is taken so that it can be changed in place and
/// freed before the encoding.
pub fn render(
    pixels: Pixels,
    orientation: u8,
    edit: &MediaEdit,
    set: &RenditionSet,
    alpha: bool,
) -> Result<Vec<Vec<u8>>, String> {
    let pixels = if alpha { pixels } else { pixels.into_rgb() };
    if alpha && !pixels.alpha {
        return Err("no transparency to keep".into());
    }
    let place = Placement::new((pixels.width, pixels.height), orientation, edit);
    let kind = if alpha {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    let side = set.thumbnail.width;
    let thumb_from = set.thumbnail_source();
    // Sizes are made first, and encoded once the source is freed.
    let (sizes, thumb) = {
        let mut source = Image::from_vec_u8(pixels.width, pixels.height, pixels.data, kind)
            .map_err(|e| e.to_string())?;
        // Transparent pixels are resized with their colour weighted by their
        // alpha. fast_image_resize does that in a copy of the whole source, per
        // size; weighting the source itself once saves that copy. When a size is
        // the source's own (a small logo), that copy is small and keeps the
        // colours of see-through pixels exact, so it is left to the resizer.
        let weighted = alpha
            && set.sizes.iter().all(|r| {
                place.stored_size((r.width, r.height))
                    != (place.region.2 as u32, place.region.3 as u32)
            });
        if weighted {
            MulDiv::default()
                .multiply_alpha_inplace(&mut source)
                .map_err(|e| e.to_string())?;
        }
        let source = &source;
        let place = &place;
        let shrink = |size: (u32, u32), region: Rect| {
            shrink_region(source, place.stored_size(size), region, weighted)
                .and_then(|small| place.turn(small))
        };
        let shrink = &shrink;
        std::thread::scope(|scope| {
            let handles: Vec<_> = set
                .sizes
                .iter()
                .map(|r| scope.spawn(move || shrink((r.width, r.height), place.region)))
                .collect();
            let thumb = match thumb_from {
                Some(_) => None,
                None => {
                    // Too flat for any size to hold it: the centre square of the
                    // region, straight from the source (a square stays centred
                    // and square through every turn).
                    let (left, top, w, h) = place.region;
                    let square = w.min(h).floor();
                    let region = (
                        left + ((w - square) / 2.0).floor(),
                        top + ((h - square) / 2.0).floor(),
                        square,
                        square,
                    );
                    Some(shrink((side, side), region))
                }
            };
            let sizes: Vec<_> = handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("rendition thread failed".to_owned()))
                })
                .collect();
            (sizes, thumb)
        })
    };
    let sizes: Vec<Image<'static>> = sizes.into_iter().collect::<Result<_, _>>()?;
    let thumb = thumb.transpose()?;
    // The encodings are on small pictures; they run side by side.
    std::thread::scope(|scope| {
        let handles: Vec<_> = sizes
            .iter()
            .enumerate()
            .map(|(i, image)| {
                scope.spawn(move || {
                    let thumb = if thumb_from == Some(i) {
                        Some(encode(
                            &thumbnail(image, side, &mut Resizer::new())?,
                            alpha,
                        )?)
                    } else {
                        None
                    };
                    Ok::<_, String>((encode(image, alpha)?, thumb))
                })
            })
            .collect();
        let mut out = Vec::new();
        let mut cut = None;
        for handle in handles {
            let (bytes, t) = handle
                .join()
                .map_err(|_| "rendition thread failed".to_owned())??;
            out.push(bytes);
            cut = cut.or(t);
        }
        match (cut, &thumb) {
            (Some(t), _) => out.push(t),
            (None, Some(image)) => out.push(encode(image, alpha)?),
            (None, None) => return Err("no thumbnail".into()),
        }
        Ok(out)
    })
}

/// `region` of `source` resized to `size` (both as stored). With `weighted`
/// the source's colours are already weighted by alpha, and the result's are
/// divided back.
fn shrink_region(
    source: &Image,
    size: (u32, u32),
    region: Rect,
    weighted: bool,
) -> Result<Image<'static>, String> {
    let mut dst = Image::new(size.0, size.1, source.pixel_type());
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(region.0, region.1, region.2, region.3)
        .use_alpha(!weighted);
    Resizer::new()
        .resize(source, &mut dst, &options)
        .map_err(|e| e.to_string())?;
    if weighted {
        MulDiv::default()
            .divide_alpha_inplace(&mut dst)
            .map_err(|e| e.to_string())?;
    }
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

    /// The old way, kept as the reference: the whole photo turned upright,
    /// turned by the edit, then cropped.
    fn turned_first(stored: &image::RgbImage, o: u8, edit: &MediaEdit) -> image::RgbImage {
        use image::metadata::Orientation;
        let mut upright = image::DynamicImage::ImageRgb8(stored.clone());
        upright.apply_orientation(Orientation::from_exif(o).expect("1-8"));
        let turned = match edit.rotate {
            90 => upright.rotate90(),
            180 => upright.rotate180(),
            270 => upright.rotate270(),
            _ => upright,
        };
        let (w, h) = (turned.width(), turned.height());
        let cropped = match edit.crop {
            Some(c) => {
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
        };
        cropped.into_rgb8()
    }

    #[test]
    fn shrinking_as_stored_then_turning_shows_what_turning_first_did() {
        let (w, h) = (41u32, 30u32);
        let stored = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x * 6) as u8, (y * 8) as u8, ((x * 7 + y * 13) % 256) as u8])
        });
        let crop = Crop {
            x: 0.1,
            y: 0.25,
            width: 0.5,
            height: 0.6,
        };
        for o in 1..=8u8 {
            for rotate in [0, 90, 180, 270] {
                for crop in [None, Some(crop)] {
                    let edit = MediaEdit { rotate, crop };
                    let expected = turned_first(&stored, o, &edit);
                    let size = (expected.width(), expected.height());
                    let place = Placement::new((w, h), o, &edit);
                    let source =
                        Image::from_vec_u8(w, h, stored.clone().into_raw(), PixelType::U8x3)
                            .expect("image");
                    // At the crop's own size the resizer copies: every pixel
                    // must land where turning first put it.
                    let small =
                        shrink_region(&source, place.stored_size(size), place.region, false)
                            .and_then(|s| place.turn(s))
                            .expect("shrinks");
                    assert_eq!((small.width(), small.height()), size, "{o} {edit:?}");
                    assert_eq!(
                        small.buffer(),
                        expected.as_raw().as_slice(),
                        "orientation {o}, {edit:?}"
                    );
                }
            }
        }
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
