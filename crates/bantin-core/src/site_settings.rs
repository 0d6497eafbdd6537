//! What a unit says about itself on its site: name, contact details for the
//! footer, where the site is published (feeds need absolute addresses), the
//! category of the "Văn bản mới" block and the photo widths. Stored in the
//! site's own database, so it travels with the site folder.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::{clean_line, nfc};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SiteSettings {
    pub name: String,
    pub unit: String,
    pub description: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// `https://…`, or empty while the site is not published anywhere.
    pub base_url: String,
    pub documents_category: String,
    /// Rendition widths, e.g. `480, 960, 1600`; empty for the defaults.
    pub media_widths: String,
}

const KEYS: [&str; 9] = [
    "name",
    "unit",
    "description",
    "address",
    "phone",
    "email",
    "base_url",
    "documents_category",
    "media_widths",
];

impl SiteSettings {
    /// The category the "Văn bản mới" side block shows: the one set, else
    /// the category of that name, which sites usually have.
    pub fn documents_block_category(&self) -> String {
        let set = self.documents_category.trim();
        if set.is_empty() {
            "Văn bản mới".into()
        } else {
            set.to_owned()
        }
    }

    fn values(&self) -> [&str; 9] {
        [
            &self.name,
            &self.unit,
            &self.description,
            &self.address,
            &self.phone,
            &self.email,
            &self.base_url,
            &self.documents_category,
            &self.media_widths,
        ]
    }

    /// Trimmed, NFC, one line each (the description may keep its lines),
    /// and checked: a name, a web address, an e-mail address, widths.
    pub fn normalized(&self) -> Result<SiteSettings> {
        let s = SiteSettings {
            name: clean_line(&self.name),
            unit: clean_line(&self.unit),
            description: nfc(self.description.trim()),
            address: clean_line(&self.address),
            phone: clean_line(&self.phone),
            email: clean_line(&self.email),
            base_url: clean_line(&self.base_url).trim_end_matches('/').to_owned(),
            documents_category: clean_line(&self.documents_category),
            media_widths: clean_line(&self.media_widths),
        };
        if s.name.is_empty() {
            return Err(Error::invalid("name", "the site needs a name"));
        }
        let host = s
            .base_url
            .strip_prefix("https://")
            .or_else(|| s.base_url.strip_prefix("http://"));
        if !s.base_url.is_empty()
            && !host.is_some_and(|h| !h.is_empty() && !h.contains(char::is_whitespace))
        {
            return Err(Error::invalid(
                "base_url",
                "must start with https:// or http://",
            ));
        }
        let email_ok = s.email.contains('@') && !s.email.contains(char::is_whitespace);
        if !s.email.is_empty() && !email_ok {
            return Err(Error::invalid("email", "is not an e-mail address"));
        }
        let widths: Vec<&str> = s
            .media_widths
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        if widths
            .iter()
            .any(|w| !w.parse::<u32>().is_ok_and(|w| (16..=8192).contains(&w)))
        {
            return Err(Error::invalid(
                "media_widths",
                "must be widths between 16 and 8192, separated by commas",
            ));
        }
        Ok(SiteSettings {
            media_widths: widths.join(", "),
            ..s
        })
    }
}

impl Store {
    pub fn site_settings(&self) -> Result<SiteSettings> {
        let mut values = Vec::with_capacity(KEYS.len());
        for key in KEYS {
            values.push(self.meta(key)?.unwrap_or_default());
        }
        let mut v = values.into_iter();
        let mut next = || v.next().unwrap_or_default();
        Ok(SiteSettings {
            name: next(),
            unit: next(),
            description: next(),
            address: next(),
            phone: next(),
            email: next(),
            base_url: next(),
            documents_category: next(),
            media_widths: next(),
        })
    }

    /// Saves all settings in one transaction; refused whole when one is wrong.
    pub fn set_site_settings(&mut self, settings: &SiteSettings) -> Result<SiteSettings> {
        let clean = settings.normalized()?;
        let pairs: Vec<(&str, &str)> = KEYS.into_iter().zip(clean.values()).collect();
        self.set_metas(&pairs)?;
        self.site_settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SiteSettings {
        SiteSettings {
            name: "  Trung tâm Văn hóa, Thể thao - Truyền thông huyện ".into(),
            unit: "UBND huyện".into(),
            description: "Trang tin của Trung tâm.".into(),
            address: "Số 1, thị trấn".into(),
            phone: "0219 3880 123".into(),
            email: "ttvh@example.vn".into(),
            base_url: "https://tin.example.vn/".into(),
            documents_category: "Văn bản mới".into(),
            media_widths: "480,960 , 1600".into(),
        }
    }

    #[test]
    fn saved_settings_come_back_cleaned() {
        let mut store = Store::open_in_memory().expect("db");
        let saved = store.set_site_settings(&sample()).expect("save");
        assert_eq!(
            saved.name,
            "Trung tâm Văn hóa, Thể thao - Truyền thông huyện"
        );
        assert_eq!(saved.base_url, "https://tin.example.vn");
        assert_eq!(saved.media_widths, "480, 960, 1600");
        assert_eq!(store.site_settings().expect("read"), saved);
    }

    #[test]
    fn a_wrong_field_is_named_and_nothing_is_saved() {
        let mut store = Store::open_in_memory().expect("db");
        let before = store.set_site_settings(&sample()).expect("save");
        for (field, broken) in [
            (
                "base_url",
                SiteSettings {
                    base_url: "tin.example.vn".into(),
                    ..sample()
                },
            ),
            (
                "email",
                SiteSettings {
                    email: "ttvh at example".into(),
                    ..sample()
                },
            ),
            (
                "media_widths",
                SiteSettings {
                    media_widths: "480, lớn".into(),
                    ..sample()
                },
            ),
            (
                "name",
                SiteSettings {
                    name: " ".into(),
                    ..sample()
                },
            ),
        ] {
            let broken = SiteSettings {
                unit: "Đổi".into(),
                ..broken
            };
            match store.set_site_settings(&broken) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
            assert_eq!(store.site_settings().expect("read"), before);
        }
    }
}
