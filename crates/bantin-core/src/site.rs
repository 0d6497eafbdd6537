//! A site is a folder: `site.db` plus `media/`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::db;
use crate::error::{Error, Result, UnsafeReason};
use crate::files::Folder;
use crate::names::RelPath;
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
        let folder = Folder::create(root)?;
        let existed = check_site_files(root)?;
        folder.folder(&media_dir(), true)?;
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
        if !check_site_files(root)? {
            return Err(Error::NotASite(root.to_owned()));
        }
        db::open_and_migrate(&root.join(DB_FILE), false)?;
        Folder::open(root)?.folder(&media_dir(), true)?;
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

fn media_dir() -> RelPath {
    RelPath::name(MEDIA_DIR).unwrap_or_else(|_| unreachable!("a constant name"))
}

/// Checks what SQLite would open before it opens it, since SQLite follows
/// links and turns an empty file into a new database: a `site.db` (or its
/// `-wal`, `-shm`, `-journal`) that is a link is refused, so is a `media/`
/// that is one, and an empty or non-SQLite `site.db` is damage, not a new
/// site. `true` when the folder has a `site.db`.
fn check_site_files(root: &Path) -> Result<bool> {
    for name in [
        "media",
        "site.db-wal",
        "site.db-shm",
        "site.db-journal",
        DB_FILE,
    ] {
        let path = root.join(name);
        if let Ok(meta) = std::fs::symlink_metadata(&path) {
            if meta.file_type().is_symlink() {
                return Err(Error::unsafe_path(path, UnsafeReason::Link));
            }
        }
    }
    let db_path = root.join(DB_FILE);
    let meta = match std::fs::symlink_metadata(&db_path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(db_path, e)),
    };
    let damaged = |reason: &str| Error::DamagedSite {
        path: db_path.clone(),
        reason: reason.to_owned(),
    };
    if !meta.is_file() {
        return Err(Error::unsafe_path(&db_path, UnsafeReason::NotAFile));
    }
    if meta.len() == 0 {
        return Err(damaged("the file is empty (0 bytes)"));
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(&db_path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header));
    if read.is_err() || &header != b"SQLite format 3\0" {
        return Err(damaged("not an SQLite database"));
    }
    Ok(true)
}

fn default_name(root: &Path) -> String {
    root.file_name()
        .map(|n| clean_line(&n.to_string_lossy()))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Bản Tin".to_owned())
}
