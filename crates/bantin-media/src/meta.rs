//! What the camera or the photo desk wrote into a file that is worth keeping:
//! its orientation, and a caption and byline to prefill the figure with.
//! Nothing read here is ever copied into a derived file: renditions are
//! encoded from pixels alone, so GPS, serial numbers and owner names stay in
//! the private original.

use std::io::Cursor;

use bantin_core::text::nfc;
use exif::{In, Reader, Tag, Value};

use crate::probe::jpeg_segments;

/// Caption and credit found in the file (IPTC first, then EXIF), cleaned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CameraText {
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// EXIF orientation 1–8; 1 when the file has none or an invalid one.
pub fn orientation(bytes: &[u8]) -> u8 {
    read_exif(bytes)
        .and_then(|exif| {
            exif.get_field(Tag::Orientation, In::PRIMARY)
                .and_then(|f| f.value.get_uint(0))
        })
        .and_then(|o| u8::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

pub fn camera_text(bytes: &[u8]) -> CameraText {
    let iptc = iptc_text(bytes);
    let exif = read_exif(bytes);
    let exif_text = |tag| {
        exif.as_ref()
            .and_then(|e| e.get_field(tag, In::PRIMARY))
            .and_then(|f| match &f.value {
                Value::Ascii(parts) => parts.first().map(|p| decode_text(p)),
                _ => None,
            })
            .and_then(meaningful)
    };
    let caption = iptc.caption.or_else(|| exif_text(Tag::ImageDescription));
    let byline = iptc.credit.or_else(|| exif_text(Tag::Artist));
    CameraText {
        caption,
        credit: byline.map(|b| as_credit(&b)),
    }
}

fn read_exif(bytes: &[u8]) -> Option<exif::Exif> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Reader::new()
            .read_from_container(&mut Cursor::new(bytes))
            .ok();
    }
    // A JPEG's EXIF is one APP1 segment before the scan: read only that, not
    // the whole 10 MB file the container reader goes through.
    let (segments, _) = jpeg_segments(bytes);
    let tiff = segments
        .iter()
        .find_map(|(marker, data)| (*marker == 0xE1).then(|| data.strip_prefix(b"Exif\0\0"))?)?;
    Reader::new().read_raw(tiff.to_vec()).ok()
}

/// A byline becomes a credit in the form Vietnamese newsrooms print.
fn as_credit(byline: &str) -> String {
    let folded = bantin_core::text::fold(byline);
    if folded.starts_with("anh") || folded.starts_with("photo") || folded.starts_with("nguon") {
        byline.to_owned()
    } else {
        format!("Ảnh: {byline}")
    }
}

/// Text cameras write by themselves is not a caption.
fn meaningful(text: String) -> Option<String> {
    let text = nfc(text.trim_matches(|c: char| c.is_whitespace() || c == '\0'));
    let upper = text.to_uppercase();
    const CAMERA_DEFAULTS: [&str; 6] = [
        "OLYMPUS DIGITAL CAMERA",
        "SONY DSC",
        "DIGITAL CAMERA",
        "DCIM",
        "DEFAULT",
        "SAMSUNG",
    ];
    let is_default = CAMERA_DEFAULTS.contains(&upper.as_str())
        || upper.starts_with("DCIM")
        || upper.chars().all(|c| c == '?');
    (!text.is_empty() && !is_default).then_some(text)
}

/// UTF-8 when it is valid UTF-8 (what current tools write), else Latin-1.
fn decode_text(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_owned(),
        Err(_) => raw.iter().map(|&b| char::from(b)).collect(),
    }
}

/// IPTC-IIM datasets inside a JPEG's Photoshop (APP13) block: 2:120 caption,
/// 2:80 by-line, 2:110 credit line.
fn iptc_text(bytes: &[u8]) -> CameraText {
    let mut out = CameraText::default();
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return out;
    }
    let (segments, _) = jpeg_segments(bytes);
    for (marker, payload) in segments {
        let Some(resources) = (marker == 0xED)
            .then(|| payload.strip_prefix(b"Photoshop 3.0\0"))
            .flatten()
        else {
            continue;
        };
        for (id, data) in photoshop_resources(resources) {
            if id != 0x0404 {
                continue;
            }
            let mut byline = None;
            let mut credit = None;
            for (record, dataset, value) in iptc_datasets(data) {
                let text = || meaningful(decode_text(value));
                match (record, dataset) {
                    (2, 120) if out.caption.is_none() => out.caption = text(),
                    (2, 80) if byline.is_none() => byline = text(),
                    (2, 110) if credit.is_none() => credit = text(),
                    _ => {}
                }
            }
            out.credit = out.credit.or(byline).or(credit);
        }
    }
    out
}

fn photoshop_resources(mut data: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    while data.len() >= 12 && data.starts_with(b"8BIM") {
        let id = u16::from_be_bytes([data[4], data[5]]);
        let name_len = usize::from(data[6]);
        // The Pascal name (length byte + text) is padded to an even size.
        let name_total = (1 + name_len + 1) & !1;
        let size_at = 6 + name_total;
        let Some(size) = data
            .get(size_at..size_at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        else {
            break;
        };
        let start = size_at + 4;
        let Some(body) = data.get(start..start + size) else {
            break;
        };
        out.push((id, body));
        let next = start + size + (size & 1);
        data = data.get(next..).unwrap_or_default();
    }
    out
}

fn iptc_datasets(mut data: &[u8]) -> Vec<(u8, u8, &[u8])> {
    let mut out = Vec::new();
    while data.len() >= 5 && data[0] == 0x1C {
        let (record, dataset) = (data[1], data[2]);
        let len = usize::from(u16::from_be_bytes([data[3], data[4]]));
        if len & 0x8000 != 0 {
            break; // extended lengths are for binary datasets we never read
        }
        let Some(value) = data.get(5..5 + len) else {
            break;
        };
        out.push((record, dataset, value));
        data = &data[5 + len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_credits() {
        assert_eq!(as_credit("Kim Huệ"), "Ảnh: Kim Huệ");
        assert_eq!(as_credit("Ảnh: Tùng Lâm"), "Ảnh: Tùng Lâm");
        assert_eq!(as_credit("Nguồn: TTXVN"), "Nguồn: TTXVN");
    }

    #[test]
    fn camera_boilerplate_is_not_a_caption() {
        assert_eq!(meaningful("OLYMPUS DIGITAL CAMERA        ".into()), None);
        assert_eq!(meaningful("  ".into()), None);
        assert_eq!(
            meaningful("Lễ hội\u{0300}".into()).as_deref(),
            Some(nfc("Lễ hội\u{0300}").as_str())
        );
    }

    #[test]
    fn reads_iptc_caption_and_byline() {
        let mut iptc = Vec::new();
        for (dataset, value) in [(120u8, "Hội nghị tổng kết"), (80, "Kim Huệ")] {
            iptc.extend_from_slice(&[0x1C, 2, dataset]);
            iptc.extend_from_slice(&(value.len() as u16).to_be_bytes());
            iptc.extend_from_slice(value.as_bytes());
        }
        let mut block = b"Photoshop 3.0\08BIM\x04\x04\0\0".to_vec();
        block.extend_from_slice(&(iptc.len() as u32).to_be_bytes());
        block.extend_from_slice(&iptc);
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xED];
        jpeg.extend_from_slice(&((block.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(&block);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        let text = iptc_text(&jpeg);
        assert_eq!(text.caption.as_deref(), Some("Hội nghị tổng kết"));
        assert_eq!(text.credit.as_deref(), Some("Kim Huệ"));
    }
}
