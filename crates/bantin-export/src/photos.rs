//! Photos on pages: a figure's `media/<hash>.<ext>` becomes its renditions
//! (`src`, `srcset`, width and height), never the private original.

use std::collections::{BTreeSet, HashMap};

use bantin_core::media::reference_hash;
use bantin_core::{RelPath, Result, Store};
use bantin_media::{MediaConfig, RenditionSet};
use pulldown_cmark::{Event, Parser, Tag};

use crate::render::{ImageResolver, PageImage};

/// The width a page's `src` names (browsers that read `srcset` pick their own).
const DEFAULT_WIDTH: u32 = 960;

/// Largest rendition file read back for publishing: a 1,600 px JPEG is a
/// few hundred KB; more means the file is not one we made.
pub const RENDITION_LIMIT: u64 = 64 << 20;

/// Folder of an exported site (and of a one-article folder) holding photos.
pub const PHOTO_DIR: &str = "anh";

pub struct Photos {
    sets: HashMap<String, RenditionSet>,
    /// What goes before a rendition's file name in a URL: `../anh/` in an
    /// exported article page, the app's `bantin://` address in the preview.
    prefix: String,
}

impl Photos {
    pub fn load(store: &Store, prefix: &str) -> Result<Photos> {
        let config = MediaConfig::for_site(store)?;
        let sets = store
            .media_list(None)?
            .into_iter()
            .map(|item| {
                let set = bantin_media::plan(&item, &config.widths);
                (item.hash, set)
            })
            .collect();
        Ok(Photos {
            sets,
            prefix: prefix.to_owned(),
        })
    }

    pub fn set(&self, hash: &str) -> Option<&RenditionSet> {
        self.sets.get(hash)
    }

    /// A hash of what every photo resolves to: when a photo is cropped or
    /// the site's widths change, the pages showing photos are made again.
    pub fn fingerprint(&self) -> u64 {
        let mut parts: Vec<_> = self
            .sets
            .iter()
            .map(|(hash, set)| {
                let files: Vec<_> = set.all().map(|r| (&r.path, r.width, r.height)).collect();
                (hash, files)
            })
            .collect();
        parts.sort_unstable_by(|a, b| a.0.cmp(b.0));
        crate::key::key_of((&self.prefix, parts))
    }
}

impl ImageResolver for Photos {
    fn resolve(&self, src: &str) -> PageImage {
        let Some(set) = reference_hash(src).and_then(|h| self.sets.get(h)) else {
            return PageImage {
                src: None,
                srcset: None,
                width: None,
                height: None,
            };
        };
        let shown = set
            .sizes
            .iter()
            .find(|r| r.width >= DEFAULT_WIDTH)
            .unwrap_or(set.largest());
        let srcset = set
            .sizes
            .iter()
            .map(|r| format!("{}{} {}w", self.prefix, r.file_name(), r.width))
            .collect::<Vec<_>>()
            .join(", ");
        PageImage {
            src: Some(format!("{}{}", self.prefix, shown.file_name())),
            srcset: (set.sizes.len() > 1).then_some(srcset),
            width: Some(shown.width),
            height: Some(shown.height),
        }
    }
}

/// Content hashes of the photos these bodies show.
pub fn photos_in<'a>(bodies: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    let mut hashes = BTreeSet::new();
    // Every Markdown image starts with "![": most bodies need no parse.
    for body in bodies.filter(|b| b.contains("![")) {
        for event in Parser::new_ext(body, bantin_core::markdown::options()) {
            if let Event::Start(Tag::Image { dest_url, .. }) = event {
                if let Some(hash) = reference_hash(&dest_url) {
                    hashes.insert(hash.to_owned());
                }
            }
        }
    }
    hashes
}

/// The rendition files of the photos `bodies` show, as `(anh/<file>, bytes)`,
/// making any that are missing first.
pub fn published_files<'a>(
    site: &bantin_core::Site,
    store: &Store,
    bodies: impl Iterator<Item = &'a str>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let folder = bantin_core::Folder::open(site.root())?;
    photo_files(site, store, photos_in(bodies).iter())?
        .into_iter()
        .map(|(name, source)| Ok((name, folder.read(&source, RENDITION_LIMIT)?)))
        .collect()
}

/// Where the renditions of these photos go in a site (`anh/<file>`) and the
/// file each is copied from, making any that are missing first. A
/// rendition's name says its photo, edit and width, so the same name always
/// holds the same picture.
pub fn photo_files<'a>(
    site: &bantin_core::Site,
    store: &Store,
    hashes: impl Iterator<Item = &'a String>,
) -> Result<Vec<(String, RelPath)>> {
    let config = MediaConfig::for_site(store)?;
    let mut files = Vec::new();
    for hash in hashes {
        let Some(item) = store.media_by_hash(hash)? else {
            continue;
        };
        let set = bantin_media::ensure_renditions(site.root(), &item, &config)?;
        for rendition in &set.sizes {
            files.push((
                format!("{PHOTO_DIR}/{}", rendition.file_name()),
                RelPath::parse(&rendition.path)?,
            ));
        }
    }
    Ok(files)
}
