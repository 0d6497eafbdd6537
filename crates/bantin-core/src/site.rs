//! A site is a folder: `site.db` plus `media/`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::db;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::clean_line;

pub const DB_FILE: &str = "site.db";
pub const MEDIA_DIR: &str = "media";

/// A handle on a site folder whose database has been opened and migrated.
#[derive(Debug, Clone)]
pub struct Site {
    root: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SiteInfo {
    pub path: String,
    pub name: String,
    pub article_count: i64,
}

impl Site {
    /// Creates a site in `root` (made if missing), or opens it if it is one
    /// already. `name` is the unit's name shown on the site's masthead.
    pub fn create(root: &Path, name: &str) -> Result<Site> {
        std::fs::create_dir_all(root.join(MEDIA_DIR)).map_err(|e| Error::io(root, e))?;
        let existed = root.join(DB_FILE).exists();
        db::open_and_migrate(&root.join(DB_FILE), true)?;
        let site = Site {
            root: root.to_owned(),
        };
        let name = clean_line(name);
        if !existed || !name.is_empty() {
            let name = if name.is_empty() {
                default_name(root)
            } else {
                name
            };
            site.store()?.set_meta("name", &name)?;
        }
        Ok(site)
    }

    /// Opens an existing site, migrating its database if this build is newer.
    pub fn open(root: &Path) -> Result<Site> {
        let db_path = root.join(DB_FILE);
        if !db_path.is_file() {
            return Err(Error::NotASite(root.to_owned()));
        }
        db::open_and_migrate(&db_path, false)?;
        std::fs::create_dir_all(root.join(MEDIA_DIR)).map_err(|e| Error::io(root, e))?;
        Ok(Site {
            root: root.to_owned(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }

    pub fn media_dir(&self) -> PathBuf {
        self.root.join(MEDIA_DIR)
    }

    /// A new connection; cheap, so each unit of work takes its own.
    pub fn store(&self) -> Result<Store> {
        Store::connect(&self.db_path())
    }

    pub fn info(&self) -> Result<SiteInfo> {
        let store = self.store()?;
        Ok(SiteInfo {
            path: self.root.to_string_lossy().into_owned(),
            name: store
                .meta("name")?
                .unwrap_or_else(|| default_name(&self.root)),
            article_count: store.article_count()?,
        })
    }
}

fn default_name(root: &Path) -> String {
    root.file_name()
        .map(|n| clean_line(&n.to_string_lossy()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Bản Tin".to_owned())
}
