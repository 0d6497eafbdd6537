//! Renditions made while a JPEG decodes. libjpeg hands out rows from the top
//! down, and most of its time goes to Huffman decoding, which cannot be split
//! across cores. So each rendition is shrunk in bands on the other core as
//! soon as the rows its filter reaches have arrived: when the last row is
//! decoded, little more than the JPEG encoding is left. Only imports take
//! this path (no user edit; edits re-render through `renditions::render`).

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;

use bantin_core::MediaProblem;
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, RgbImage};
use mozjpeg::ColorSpace;

use crate::decode::{damaged, shrink_while_decoding};
use crate::probe::Probe;
use crate::renditions::{encode, start_jpeg, thumbnail, RenditionSet};

/// Rows handed over at a time. The filter weights are worked out again for
/// every band, so bands are large; they are still small enough for the last
/// one to be quick to finish once decoding ends.
const BAND_ROWS: usize = 192;
/// How far Lanczos3 reaches, in source rows, at scale 1 (it widens with the
/// shrink factor).
const LANCZOS3_SUPPORT: f64 = 3.0;

enum Band {
    Rows(Arc<Vec<u8>>),
    End,
}

/// Encoded renditions in the set's order (sizes, then the thumbnail), or
/// `None` when this photo needs the whole-image path (CMYK, or a panorama too
/// flat for any size to hold the square thumbnail).
pub(crate) fn render_while_decoding(
    bytes: &[u8],
    probe: &Probe,
    set: &RenditionSet,
    need: (u32, u32),
) -> Option<Result<Vec<Vec<u8>>, MediaProblem>> {
    let thumb_from = set.thumbnail_source()?;
    let mut decoder = match mozjpeg::Decompress::new_mem(bytes) {
        Ok(d) => d,
        Err(e) => return Some(Err(damaged(e))),
    };
    if matches!(
        decoder.color_space(),
        ColorSpace::JCS_CMYK | ColorSpace::JCS_YCCK
    ) {
        return None;
    }
    shrink_while_decoding(&mut decoder, probe, need);
    // Decoders are third-party code fed untrusted bytes: a panic refuses the
    // file instead of taking the app down.
    let outcome =
        std::panic::catch_unwind(move || decode_and_render(decoder, probe, set, thumb_from));
    Some(outcome.unwrap_or_else(|_| Err(MediaProblem::Damaged("the decoder failed".into()))))
}

fn decode_and_render(
    decoder: mozjpeg::Decompress<&[u8]>,
    probe: &Probe,
    set: &RenditionSet,
    thumb_from: usize,
) -> Result<Vec<Vec<u8>>, MediaProblem> {
    let mut started = decoder.rgb().map_err(damaged)?;
    let source = (started.width() as u32, started.height() as u32);
    let turned = probe.orientation >= 5;
    let orientation = Orientation::from_exif(probe.orientation);
    std::thread::scope(|scope| {
        let mut senders: Vec<Sender<Band>> = Vec::new();
        let workers: Vec<_> = set
            .sizes
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (tx, rx) = channel();
                senders.push(tx);
                // Shrunk as stored, turned upright once small.
                let target = if turned {
                    (r.height, r.width)
                } else {
                    (r.width, r.height)
                };
                let side = (i == thumb_from).then_some(set.thumbnail.width);
                scope.spawn(move || make_width(source, target, &rx, orientation, side))
            })
            .collect();
        let stride = source.0 as usize * 3;
        let mut left = source.1 as usize;
        let decoded = (|| {
            while left > 0 {
                let rows = left.min(BAND_ROWS);
                let mut band = vec![0u8; rows * stride];
                started.read_scanlines_into(&mut band).map_err(damaged)?;
                let band = Arc::new(band);
                for tx in &senders {
                    // A worker that stopped reports its own error below.
                    let _ = tx.send(Band::Rows(Arc::clone(&band)));
                }
                left -= rows;
            }
            started.finish().map_err(damaged)
        })();
        if decoded.is_ok() {
            for tx in &senders {
                let _ = tx.send(Band::End);
            }
        }
        // Closing the channels stops the workers of a failed decode.
        drop(senders);
        let mut out = Vec::new();
        let mut thumb = None;
        let mut failure = None;
        for worker in workers {
            match worker.join() {
                Ok(Ok((bytes, t))) => {
                    out.push(bytes);
                    thumb = thumb.or(t);
                }
                Ok(Err(e)) => failure = failure.or(Some(e)),
                Err(_) => failure = failure.or(Some("rendition thread failed".to_owned())),
            }
        }
        decoded?;
        if let Some(e) = failure {
            return Err(MediaProblem::Damaged(e));
        }
        out.extend(thumb);
        Ok(out)
    })
}

/// One width: shrunk as the rows arrive, turned upright, encoded; with the
/// square thumbnail cut from it when `thumbnail_side` is set.
fn make_width(
    source: (u32, u32),
    target: (u32, u32),
    rows: &Receiver<Band>,
    orientation: Option<Orientation>,
    thumbnail_side: Option<u32>,
) -> Result<(Vec<u8>, Option<Vec<u8>>), String> {
    let error = |e: std::io::Error| e.to_string();
    // A photo stored upright is encoded band by band too, so most of the
    // encoding also overlaps the decoding.
    let (pixels, encoded) = if orientation.is_none_or(|o| o == Orientation::NoTransforms) {
        let mut jpeg = start_jpeg(target.0, target.1).map_err(error)?;
        let pixels = shrink_in_bands(source, target, rows, &mut |band| {
            jpeg.write_scanlines(band).map_err(error)
        })?;
        (pixels, Some(jpeg.finish().map_err(error)?))
    } else {
        (
            shrink_in_bands(source, target, rows, &mut |_| Ok(()))?,
            None,
        )
    };
    let stored = RgbImage::from_raw(target.0, target.1, pixels)
        .ok_or_else(|| "rendition size".to_owned())?;
    let mut upright = DynamicImage::ImageRgb8(stored);
    if let Some(o) = orientation {
        upright.apply_orientation(o);
    }
    let (w, h) = (upright.width(), upright.height());
    let image = Image::from_vec_u8(w, h, upright.into_rgb8().into_raw(), PixelType::U8x3)
        .map_err(|e| e.to_string())?;
    let thumb = match thumbnail_side {
        Some(side) => Some(encode(
            &thumbnail(&image, side, &mut Resizer::new())?,
            false,
        )?),
        None => None,
    };
    let encoded = match encoded {
        Some(bytes) => bytes,
        None => encode(&image, false)?,
    };
    Ok((encoded, thumb))
}

/// Shrinks `source` to `target` as its rows arrive, keeping only the rows the
/// filter still reaches. The result is the same as shrinking the whole image
/// at once: each band is cut from the rows held, and the filter sees every
/// row it would have seen.
fn shrink_in_bands(
    source: (u32, u32),
    target: (u32, u32),
    bands: &Receiver<Band>,
    on_rows: &mut dyn FnMut(&[u8]) -> Result<(), String>,
) -> Result<Vec<u8>, String> {
    let stride = source.0 as usize * 3;
    let out_stride = target.0 as usize * 3;
    let scale = f64::from(source.1) / f64::from(target.1);
    // One row more than the filter's radius covers its rounding outwards.
    let reach = LANCZOS3_SUPPORT * scale.max(1.0) + 1.0;
    let lanczos = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    let mut resizer = Resizer::new();
    let mut pixels = vec![0u8; out_stride * target.1 as usize];
    let mut held: Vec<u8> = Vec::new();
    let mut held_from = 0u32;
    let mut arrived = 0u32;
    let mut done = 0u32;
    loop {
        let last = match bands.recv() {
            Ok(Band::Rows(rows)) => {
                held.extend_from_slice(&rows);
                arrived += (rows.len() / stride) as u32;
                false
            }
            Ok(Band::End) => true,
            Err(_) => return Err("decoding stopped".into()),
        };
        let ready = if last {
            target.1
        } else {
            rows_ready(arrived, scale, reach).min(target.1)
        };
        if ready > done {
            let rows_held = arrived - held_from;
            let src = ImageRef::new(source.0, rows_held, &held, PixelType::U8x3)
                .map_err(|e| e.to_string())?;
            let band = &mut pixels[done as usize * out_stride..ready as usize * out_stride];
            let mut dst = Image::from_slice_u8(target.0, ready - done, band, PixelType::U8x3)
                .map_err(|e| e.to_string())?;
            let top = f64::from(done) * scale - f64::from(held_from);
            let height = (f64::from(ready - done) * scale).min(f64::from(rows_held) - top);
            let options = lanczos.crop(0.0, top, f64::from(source.0), height);
            resizer
                .resize(&src, &mut dst, &options)
                .map_err(|e| e.to_string())?;
            on_rows(&pixels[done as usize * out_stride..ready as usize * out_stride])?;
            done = ready;
            let still_needed = ((f64::from(done) + 0.5) * scale - reach).floor().max(0.0) as u32;
            if still_needed > held_from {
                let dropped = ((still_needed - held_from) as usize * stride).min(held.len());
                held.drain(..dropped);
                held_from = still_needed;
            }
        }
        if last {
            return Ok(pixels);
        }
    }
}

/// How many target rows can be made from the first `arrived` source rows:
/// target row y reads source rows up to (y + ½)·scale + reach.
fn rows_ready(arrived: u32, scale: f64, reach: f64) -> u32 {
    let last = (f64::from(arrived) - reach) / scale - 0.5;
    if last < 0.0 {
        0
    } else {
        last.floor() as u32 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(w: u32, h: u32) -> Vec<u8> {
        (0..w * h * 3)
            .map(|i| ((i * 7919) % 251) as u8 ^ ((i / (w * 3)) as u8).wrapping_mul(13))
            .collect()
    }

    fn whole(source: (u32, u32), target: (u32, u32), pixels: &[u8]) -> Vec<u8> {
        let src = ImageRef::new(source.0, source.1, pixels, PixelType::U8x3).expect("source");
        let mut dst = Image::new(target.0, target.1, PixelType::U8x3);
        let lanczos = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new()
            .resize(&src, &mut dst, &lanczos)
            .expect("resize");
        dst.into_vec()
    }

    fn banded(source: (u32, u32), target: (u32, u32), pixels: &[u8], rows: usize) -> Vec<u8> {
        let (tx, rx) = channel();
        for band in pixels.chunks(rows * source.0 as usize * 3) {
            tx.send(Band::Rows(Arc::new(band.to_vec()))).expect("send");
        }
        tx.send(Band::End).expect("send");
        shrink_in_bands(source, target, &rx, &mut |_| Ok(())).expect("bands")
    }

    #[test]
    fn bands_give_the_same_pixels_as_the_whole_image() {
        for (source, target, rows) in [
            ((300, 200), (160, 107), 7),
            ((300, 200), (48, 32), 13),
            ((225, 150), (225, 150), 40),
            ((120, 333), (64, 178), 1),
        ] {
            let pixels = picture(source.0, source.1);
            let expected = whole(source, target, &pixels);
            let got = banded(source, target, &pixels, rows);
            let differing = expected
                .iter()
                .zip(&got)
                .filter(|(a, b)| a.abs_diff(**b) > 1)
                .count();
            assert_eq!(differing, 0, "{source:?} → {target:?} in bands of {rows}");
        }
    }

    #[test]
    fn a_decode_that_stops_leaves_no_rendition() {
        let (tx, rx) = channel();
        tx.send(Band::Rows(Arc::new(vec![0; 300 * 3 * 10])))
            .expect("send");
        drop(tx);
        assert!(shrink_in_bands((300, 200), (150, 100), &rx, &mut |_| Ok(())).is_err());
    }
}
