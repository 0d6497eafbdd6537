//! The media library's records: one row per photo (by content hash), with its
//! caption, credit, alt text and the user's non-destructive edit. The image
//! work itself (decoding, renditions) lives in `bantin-media`.

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::{nfc, search_fold};
use crate::time_fmt::now_ms;

/// Folder of the site that holds originals (`media/<hash>.<ext>`).
pub const MEDIA_PREFIX: &str = "media/";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MediaItem {
    pub id: i64,
    pub hash: String,
    /// The file name it was imported from, for people searching by it.
    pub file_name: String,
    /// The stored original's extension: `jpg`, `png` or `webp`.
    pub ext: String,
    /// Upright size of the original (camera orientation applied).
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub has_alpha: bool,
    pub caption: String,
    pub credit: String,
    pub alt: String,
    pub edit: MediaEdit,
    /// Milliseconds since the Unix epoch.
    pub imported_at: i64,
}

impl MediaItem {
    /// How an article body refers to this photo (`![alt](media/<hash>.<ext>)`).
    pub fn reference(&self) -> String {
        reference(&self.hash, &self.ext)
    }
}

/// The reference (and the original's path in the site) of the photo with
/// this content hash and extension.
pub fn reference(hash: &str, ext: &str) -> String {
    format!("{MEDIA_PREFIX}{hash}.{ext}")
}

/// The user's edit, applied to the upright original: quarter turns clockwise,
/// then a crop in fractions (0–1) of the turned photo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MediaEdit {
    pub rotate: u32,
    pub crop: Option<Crop>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Crop {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl MediaEdit {
    pub fn is_identity(&self) -> bool {
        self.rotate == 0 && self.crop.is_none()
    }

    /// Refuses turns that are not quarter turns and crops outside the photo
    /// or smaller than 1% of a side.
    pub fn validate(&self) -> Result<()> {
        if !matches!(self.rotate, 0 | 90 | 180 | 270) {
            return Err(Error::invalid("rotate", "must be 0, 90, 180 or 270"));
        }
        if let Some(c) = self.crop {
            let inside = |start: f64, len: f64| {
                start.is_finite()
                    && len.is_finite()
                    && start >= 0.0
                    && len >= 0.01
                    && start + len <= 1.0 + 1e-9
            };
            if !inside(c.x, c.width) || !inside(c.y, c.height) {
                return Err(Error::invalid("crop", "must lie inside the photo"));
            }
        }
        Ok(())
    }
}

/// What an import knows about a new photo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewMedia {
    pub hash: String,
    pub file_name: String,
    pub ext: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub has_alpha: bool,
    pub caption: String,
    pub credit: String,
    pub alt: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MediaText {
    pub caption: String,
    pub credit: String,
    pub alt: String,
}

/// An article that shows a photo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MediaUse {
    pub article_id: i64,
    pub title: String,
}

const COLUMNS: &str =
    "id, hash, file_name, ext, width, height, bytes, has_alpha, caption, credit, \
                       alt, rotate, crop_x, crop_y, crop_w, crop_h, imported_at";

fn from_row(row: &Row) -> rusqlite::Result<MediaItem> {
    let crop = match (
        row.get::<_, Option<f64>>(12)?,
        row.get::<_, Option<f64>>(13)?,
        row.get::<_, Option<f64>>(14)?,
        row.get::<_, Option<f64>>(15)?,
    ) {
        (Some(x), Some(y), Some(width), Some(height)) => Some(Crop {
            x,
            y,
            width,
            height,
        }),
        _ => None,
    };
    Ok(MediaItem {
        id: row.get(0)?,
        hash: checked(row, 1, crate::names::check_media_hash)?,
        file_name: row.get(2)?,
        ext: checked(row, 3, crate::names::check_media_ext)?,
        width: row.get(4)?,
        height: row.get(5)?,
        bytes: row.get(6)?,
        has_alpha: row.get(7)?,
        caption: row.get(8)?,
        credit: row.get(9)?,
        alt: row.get(10)?,
        edit: MediaEdit {
            rotate: row.get(11)?,
            crop,
        },
        imported_at: row.get(16)?,
    })
}

/// A text column that becomes part of a path, refused unless `check` passes.
pub(crate) fn checked(
    row: &Row,
    column: usize,
    check: fn(&str) -> crate::Result<()>,
) -> rusqlite::Result<String> {
    let value: String = row.get(column)?;
    check(&value).map_err(|e| crate::error::refused_in_row(column, e))?;
    Ok(value)
}

pub(crate) fn search_key(file_name: &str, text: &MediaText) -> String {
    search_fold(&format!(
        "{} {} {} {}",
        text.caption, text.credit, text.alt, file_name
    ))
}

fn clean(text: &MediaText) -> MediaText {
    MediaText {
        caption: nfc(text.caption.trim()),
        credit: nfc(text.credit.trim()),
        alt: nfc(text.alt.trim()),
    }
}

impl Store {
    pub fn media(&self, id: i64) -> Result<MediaItem> {
        self.connection()
            .query_row(
                &format!("SELECT {COLUMNS} FROM media WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or(Error::MediaNotFound(id))
    }

    pub fn media_by_hash(&self, hash: &str) -> Result<Option<MediaItem>> {
        Ok(self
            .connection()
            .query_row(
                &format!("SELECT {COLUMNS} FROM media WHERE hash = ?1"),
                [hash],
                from_row,
            )
            .optional()?)
    }

    /// The photo an article body refers to by `media/<hash>.<ext>`, if any.
    pub fn media_by_reference(&self, src: &str) -> Result<Option<MediaItem>> {
        let Some(hash) = reference_hash(src) else {
            return Ok(None);
        };
        self.media_by_hash(hash)
    }

    /// Adds a photo; a photo with the same content hash is returned as it is
    /// (the same photo imported twice is stored once).
    pub fn insert_media(&mut self, new: &NewMedia) -> Result<(MediaItem, bool)> {
        crate::names::check_media_hash(&new.hash)?;
        crate::names::check_media_ext(&new.ext)?;
        if let Some(existing) = self.media_by_hash(&new.hash)? {
            return Ok((existing, false));
        }
        let text = clean(&MediaText {
            caption: new.caption.clone(),
            credit: new.credit.clone(),
            alt: new.alt.clone(),
        });
        let file_name = nfc(&new.file_name);
        self.connection().execute(
            "INSERT INTO media (hash, file_name, ext, width, height, bytes, has_alpha, caption, \
                 credit, alt, search_key, imported_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                new.hash,
                file_name,
                new.ext,
                new.width,
                new.height,
                new.bytes,
                new.has_alpha,
                text.caption,
                text.credit,
                text.alt,
                search_key(&file_name, &text),
                now_ms(),
            ],
        )?;
        Ok((self.media(self.connection().last_insert_rowid())?, true))
    }

    /// The library, newest first; `query` matches caption, credit, alt text
    /// and file name, with or without Vietnamese marks, every word anywhere.
    pub fn media_list(&self, query: Option<&str>) -> Result<Vec<MediaItem>> {
        let like = |w: &str| {
            let escaped = w
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        };
        // Each word of the query, with the other forms it may stand for:
        // as typed, and (as for articles) the `y` spelling, which may begin
        // a longer word (`quy` of `quyết`), and the syllable raw Telex, VNI
        // or VIQR keys spell when no photo has the word as typed.
        let mut terms: Vec<Vec<String>> = Vec::new();
        for piece in query.unwrap_or_default().split_whitespace() {
            let folded = search_fold(piece);
            let mut alts = vec![like(&folded)];
            if let Some(plain) = crate::text::y_prefix_form(piece) {
                alts.push(like(&plain));
            }
            if let Some(decoded) = crate::typing::decode_word(piece) {
                let known = self
                    .connection()
                    .prepare_cached("SELECT 1 FROM media WHERE search_key LIKE ?1 ESCAPE '\\'")?
                    .exists([&alts[0]])?;
                if !known {
                    alts.push(like(&search_fold(&decoded)));
                }
            }
            terms.push(alts);
        }
        let mut sql = format!("SELECT {COLUMNS} FROM media");
        let mut n = 0;
        for (i, alts) in terms.iter().enumerate() {
            sql.push_str(if i == 0 { " WHERE (" } else { " AND (" });
            for (j, _) in alts.iter().enumerate() {
                n += 1;
                if j > 0 {
                    sql.push_str(" OR ");
                }
                sql.push_str(&format!("search_key LIKE ?{n} ESCAPE '\\'"));
            }
            sql.push(')');
        }
        sql.push_str(" ORDER BY imported_at DESC, id DESC");
        let mut stmt = self.connection().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(terms.iter().flatten()), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Articles whose body shows this photo.
    pub fn media_uses(&self, id: i64) -> Result<Vec<MediaUse>> {
        let item = self.media(id)?;
        let needle = format!("{MEDIA_PREFIX}{}", item.hash);
        let mut stmt = self.connection().prepare(
            "SELECT a.id, a.title FROM articles a JOIN revisions r ON r.id = a.current_revision_id \
             WHERE instr(r.body, ?1) > 0 ORDER BY a.created_at DESC, a.id DESC",
        )?;
        let rows = stmt.query_map([needle], |r| {
            Ok(MediaUse {
                article_id: r.get(0)?,
                title: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_media_text(&mut self, id: i64, text: &MediaText) -> Result<MediaItem> {
        let item = self.media(id)?;
        let text = clean(text);
        self.connection().execute(
            "UPDATE media SET caption = ?2, credit = ?3, alt = ?4, search_key = ?5 WHERE id = ?1",
            params![
                id,
                text.caption,
                text.credit,
                text.alt,
                search_key(&item.file_name, &text)
            ],
        )?;
        self.media(id)
    }

    pub fn set_media_edit(&mut self, id: i64, edit: &MediaEdit) -> Result<MediaItem> {
        edit.validate()?;
        self.media(id)?;
        let c = edit.crop;
        self.connection().execute(
            "UPDATE media SET rotate = ?2, crop_x = ?3, crop_y = ?4, crop_w = ?5, crop_h = ?6 \
             WHERE id = ?1",
            params![
                id,
                edit.rotate,
                c.map(|c| c.x),
                c.map(|c| c.y),
                c.map(|c| c.width),
                c.map(|c| c.height)
            ],
        )?;
        self.media(id)
    }

    /// Removes a photo's record; refused while an article shows it. The
    /// caller removes the files once this has committed.
    pub fn delete_media(&mut self, id: i64) -> Result<MediaItem> {
        let item = self.media(id)?;
        let uses = self.media_uses(id)?;
        if !uses.is_empty() {
            return Err(Error::MediaInUse {
                id,
                articles: uses.len(),
            });
        }
        self.connection()
            .execute("DELETE FROM media WHERE id = ?1", [id])?;
        Ok(item)
    }
}

/// The content hash in a `media/<hash>.<ext>` reference.
pub fn reference_hash(src: &str) -> Option<&str> {
    let rest = src.strip_prefix(MEDIA_PREFIX)?;
    let hash = rest.split_once('.').map_or(rest, |(h, _)| h);
    (!hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit())).then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ArticleInput;

    fn new(hash: &str, caption: &str, file: &str) -> NewMedia {
        NewMedia {
            // Real hashes are 32 hex digits; the short ones read better here.
            hash: format!("{hash:0>32}"),
            file_name: file.into(),
            ext: "jpg".into(),
            width: 4000,
            height: 3000,
            bytes: 1234,
            caption: caption.into(),
            credit: "Ảnh: Kim Huệ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn same_hash_is_stored_once() {
        let mut store = Store::open_in_memory().expect("db");
        let (a, created) = store
            .insert_media(&new("ab12", "Hội nghị", "a.jpg"))
            .expect("a");
        assert!(created);
        let (b, created) = store
            .insert_media(&new("ab12", "Khác", "b.jpg"))
            .expect("b");
        assert!(!created);
        assert_eq!(a.id, b.id);
        assert_eq!(store.media_list(None).expect("list").len(), 1);
    }

    #[test]
    fn search_folds_marks_and_matches_every_word() {
        let mut store = Store::open_in_memory().expect("db");
        store
            .insert_media(&new("a1", "Lễ hội đua thuyền xã Pha Long", "DSC_0001.JPG"))
            .expect("a");
        store
            .insert_media(&new("b2", "Hội nghị tổng kết", "hoi-nghi.jpg"))
            .expect("b");
        let captions = |q: &str| -> Vec<String> {
            store
                .media_list(Some(q))
                .expect("list")
                .into_iter()
                .map(|m| m.caption)
                .collect()
        };
        assert_eq!(captions("dua thuyen"), ["Lễ hội đua thuyền xã Pha Long"]);
        assert_eq!(
            captions("HỘI"),
            ["Hội nghị tổng kết", "Lễ hội đua thuyền xã Pha Long"]
        );
        assert_eq!(captions("dsc_0001"), ["Lễ hội đua thuyền xã Pha Long"]);
        assert_eq!(captions("kim hue"), captions("hoi"));
        assert!(captions("pha nghi").is_empty());
    }

    #[test]
    fn search_finds_either_i_y_spelling_and_words_typed_with_the_input_method_off() {
        let mut store = Store::open_in_memory().expect("db");
        store
            .insert_media(&new("a1", "Lớp kỹ thuật trồng chè", "a.jpg"))
            .expect("a");
        store
            .insert_media(&new("b2", "Hội nghị quyết toán năm 2025", "b.jpg"))
            .expect("b");
        store
            .insert_media(&new("c3", "Khen thưởng quí II", "c.jpg"))
            .expect("c");
        let captions = |q: &str| -> Vec<String> {
            store
                .media_list(Some(q))
                .expect("list")
                .into_iter()
                .map(|m| m.caption)
                .collect()
        };
        let che = ["Lớp kỹ thuật trồng chè"];
        assert_eq!(captions("kĩ thuật"), che);
        assert_eq!(captions("ki thuat"), che);
        assert_eq!(captions("kyx thuaatj"), che);
        assert_eq!(captions("ki4 thua6t5"), che);
        assert_eq!(captions("quý"), ["Khen thưởng quí II"]);
        assert_eq!(captions("hooij nghij"), ["Hội nghị quyết toán năm 2025"]);
        // `quy` while typing is the start of `quyết` as well as `quý`.
        assert_eq!(
            captions("quy"),
            ["Khen thưởng quí II", "Hội nghị quyết toán năm 2025"]
        );
        assert!(captions("covid").is_empty());
    }

    #[test]
    fn a_photo_in_an_article_cannot_be_removed() {
        let mut store = Store::open_in_memory().expect("db");
        let (item, _) = store.insert_media(&new("c3d4", "Ảnh", "x.jpg")).expect("m");
        let article = store
            .create_article(&ArticleInput {
                title: "Bài có ảnh".into(),
                body: format!("![Ảnh]({} \"Ảnh: Kim Huệ\")\n*Chú thích*", item.reference()),
                ..Default::default()
            })
            .expect("article");
        let uses = store.media_uses(item.id).expect("uses");
        assert_eq!(
            uses,
            [MediaUse {
                article_id: article.id,
                title: "Bài có ảnh".into()
            }]
        );
        let err = store.delete_media(item.id).expect_err("in use");
        assert!(matches!(err, Error::MediaInUse { articles: 1, .. }));
        assert_eq!(store.media_list(None).expect("list").len(), 1);
    }

    #[test]
    fn edits_are_validated_and_kept() {
        let mut store = Store::open_in_memory().expect("db");
        let (item, _) = store.insert_media(&new("e5", "", "x.jpg")).expect("m");
        let bad = MediaEdit {
            rotate: 45,
            crop: None,
        };
        assert!(store.set_media_edit(item.id, &bad).is_err());
        let outside = MediaEdit {
            rotate: 90,
            crop: Some(Crop {
                x: 0.5,
                y: 0.0,
                width: 0.6,
                height: 1.0,
            }),
        };
        assert!(store.set_media_edit(item.id, &outside).is_err());
        let good = MediaEdit {
            rotate: 270,
            crop: Some(Crop {
                x: 0.1,
                y: 0.2,
                width: 0.5,
                height: 0.5,
            }),
        };
        assert_eq!(
            store.set_media_edit(item.id, &good).expect("edit").edit,
            good
        );
    }

    #[test]
    fn references_name_the_hash() {
        assert_eq!(reference_hash("media/3f2a9c.jpg"), Some("3f2a9c"));
        assert_eq!(reference_hash("media/../x.jpg"), None);
        assert_eq!(reference_hash("D:\\Ảnh\\a.jpg"), None);
    }
}
