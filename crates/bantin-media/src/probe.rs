//! Looking at a file before decoding it: what it is, how big it says it is,
//! whether it is whole, and what the camera wrote about it.

use std::io::Cursor;

use bantin_core::MediaProblem;

use crate::meta::{self, CameraText};

/// Decoding limits. A photo from a 100-megapixel camera fits; a small file
/// that declares 20000×20000 is refused before a pixel is allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_side: u32,
    pub max_megapixels: u32,
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_side: 16_384,
            max_megapixels: 120,
            max_file_bytes: 200 * 1024 * 1024,
        }
    }
}

impl Limits {
    pub fn check_file(&self, bytes: u64) -> Result<(), MediaProblem> {
        if bytes > self.max_file_bytes {
            return Err(MediaProblem::FileTooLarge {
                megabytes: bytes.div_ceil(1024 * 1024),
                limit_megabytes: self.max_file_bytes / (1024 * 1024),
            });
        }
        Ok(())
    }

    /// The same limits for the `image` crate's decoders.
    pub(crate) fn for_image_crate(&self) -> image::Limits {
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(self.max_side);
        limits.max_image_height = Some(self.max_side);
        // 16-bit RGBA at the largest allowed size.
        limits.max_alloc = Some(u64::from(self.max_megapixels) * 1_000_000 * 8);
        limits
    }

    pub fn check(&self, width: u32, height: u32) -> Result<(), MediaProblem> {
        let pixels = u64::from(width) * u64::from(height);
        if width > self.max_side
            || height > self.max_side
            || pixels > u64::from(self.max_megapixels) * 1_000_000
        {
            return Err(MediaProblem::TooLarge {
                width: width.into(),
                height: height.into(),
                limit: self.max_side,
                max_megapixels: self.max_megapixels,
            });
        }
        if width == 0 || height == 0 {
            return Err(MediaProblem::Damaged("zero-sized image".into()));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

impl Format {
    /// The extension the original is stored under, whatever it was called.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::WebP => "webp",
        }
    }
}

/// What the file is, by its first bytes (never by its name).
pub fn sniff(bytes: &[u8]) -> Result<Format, MediaProblem> {
    if bytes.is_empty() {
        return Err(MediaProblem::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(Format::WebP);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        const HEIF_BRANDS: [&[u8]; 6] = [b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim"];
        if HEIF_BRANDS.contains(&brand) {
            return Err(MediaProblem::Unsupported("HEIC"));
        }
        if brand == b"avif" {
            return Err(MediaProblem::Unsupported("AVIF"));
        }
    }
    if bytes.starts_with(b"GIF8") {
        return Err(MediaProblem::Unsupported("GIF"));
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Err(MediaProblem::Unsupported("TIFF/RAW"));
    }
    Err(MediaProblem::NotAnImage)
}

/// A file that is a photo we can decode, with its header facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    pub format: Format,
    /// Size as stored, before the camera's orientation is applied.
    pub stored_width: u32,
    pub stored_height: u32,
    /// EXIF orientation, 1–8 (1 when absent or nonsense).
    pub orientation: u8,
    /// Bytes a decoded pixel takes at most: the decoder's own format (16-bit
    /// RGBA is 8) or the 8-bit RGB(A) made from it, whichever is larger.
    /// With the size, it tells the memory a decode needs before it starts.
    pub bytes_per_pixel: u8,
    pub camera_text: CameraText,
}

impl Probe {
    /// Size once upright: orientations 5–8 swap the sides.
    pub fn upright_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.stored_height, self.stored_width)
        } else {
            (self.stored_width, self.stored_height)
        }
    }
}

pub fn probe(bytes: &[u8], limits: &Limits) -> Result<Probe, MediaProblem> {
    limits.check_file(bytes.len() as u64)?;
    let format = sniff(bytes)?;
    let (stored_width, stored_height, bytes_per_pixel) = match format {
        Format::Jpeg => jpeg_header(bytes)?,
        Format::Png | Format::WebP => {
            use image::ImageDecoder;
            let mut reader =
                image::ImageReader::with_format(Cursor::new(bytes), image_format(format));
            // Sides are checked below, where a giant one gets its own message.
            let mut image_limits = limits.for_image_crate();
            image_limits.max_image_width = None;
            image_limits.max_image_height = None;
            reader.limits(image_limits);
            let decoder = reader
                .into_decoder()
                .map_err(|e| crate::decode::problem_of(&e))?;
            let (w, h) = decoder.dimensions();
            let color = decoder.color_type();
            let rgb = if color.has_alpha() { 4 } else { 3 };
            (w, h, color.bytes_per_pixel().max(rgb))
        }
    };
    limits.check(stored_width, stored_height)?;
    if format == Format::Jpeg && !jpeg_is_whole(bytes) {
        return Err(MediaProblem::Truncated);
    }
    Ok(Probe {
        format,
        stored_width,
        stored_height,
        orientation: meta::orientation(bytes),
        bytes_per_pixel,
        camera_text: meta::camera_text(bytes),
    })
}

pub(crate) fn image_format(format: Format) -> image::ImageFormat {
    match format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::WebP => image::ImageFormat::WebP,
    }
}

/// Size and bytes a decoded pixel takes (CMYK is decoded as such first).
fn jpeg_header(bytes: &[u8]) -> Result<(u32, u32, u8), MediaProblem> {
    // libjpeg reports fatal errors by unwinding: a hostile header must
    // refuse the file, not end the app.
    let header = std::panic::catch_unwind(|| {
        mozjpeg::Decompress::new_mem(bytes).map(|d| {
            let cmyk = matches!(
                d.color_space(),
                mozjpeg::ColorSpace::JCS_CMYK | mozjpeg::ColorSpace::JCS_YCCK
            );
            (
                d.width() as u32,
                d.height() as u32,
                if cmyk { 4 } else { 3 },
            )
        })
    });
    match header {
        Ok(Ok(size)) => Ok(size),
        Ok(Err(e)) => Err(MediaProblem::Damaged(e.to_string())),
        Err(_) => Err(MediaProblem::Damaged("unreadable JPEG header".into())),
    }
}

/// Segments of a JPEG up to its first scan: `(marker, payload)`.
pub(crate) fn jpeg_segments(bytes: &[u8]) -> (Vec<(u8, &[u8])>, Option<usize>) {
    let mut segments = Vec::new();
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            break;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        if len < 2 || at + 2 + len > bytes.len() {
            break;
        }
        if marker == 0xDA {
            return (segments, Some(at + 2 + len));
        }
        segments.push((marker, &bytes[at + 4..at + 2 + len]));
        at += 2 + len;
    }
    (segments, None)
}

/// Whether the end-of-image marker follows the first scan. A JPEG cut short
/// decodes "successfully" into grey bands, so this is checked, not trusted to
/// the decoder. Entropy-coded data never holds `FF D9` (an `FF` there is
/// followed by `00` or a restart marker), and an embedded thumbnail's end
/// marker sits before the scan; data appended after the end (some phones
/// add a trailer) does not matter.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let (_, Some(scan)) = jpeg_segments(bytes) else {
        return false;
    };
    // Searched from the end, where it is: a forward search reads the whole
    // scan (10 MB for a phone photo) byte pair by byte pair.
    bytes[scan..].windows(2).rev().any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(b""), Err(MediaProblem::Empty));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(Format::Jpeg));
        assert_eq!(sniff(b"hello, not a photo"), Err(MediaProblem::NotAnImage));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(MediaProblem::Unsupported("HEIC"))
        );
    }

    #[test]
    fn limits_refuse_giant_declared_sizes() {
        let limits = Limits::default();
        assert!(limits.check(6000, 4000).is_ok());
        assert!(matches!(
            limits.check(20_000, 20_000),
            Err(MediaProblem::TooLarge { .. })
        ));
        assert!(matches!(
            limits.check(16_000, 16_000),
            Err(MediaProblem::TooLarge { .. })
        ));
    }
}
