//! The folder an export writes into, which it owns only in part: users
//! export into folders that already hold other files (a host's
//! `index.html`, their own `static/style.css`), and a folder may come from
//! elsewhere with a crafted manifest or planted links. So the export owns
//! exactly what its manifest (`.bantin-export.json`) says it wrote, checks
//! every entry of it as a path, never follows a link, and never overwrites
//! a file it did not make: it stops and names the file, or, when asked,
//! moves the file aside (`index.html` → `index.html.bak`) and says so.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use bantin_core::{Durability, Error, Folder, RelPath, Result, UnsafeReason};
use serde::{Deserialize, Serialize};

pub(crate) const MANIFEST: &str = ".bantin-export.json";
/// A manifest of 10,000 articles is about 2 MB.
const MANIFEST_LIMIT: u64 = 64 << 20;
/// More files than any site of ours has; a folder with more is not walked.
const MAX_FILES: usize = 1_000_000;

#[derive(Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub files: BTreeMap<String, FileRecord>,
}

#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct FileRecord {
    /// Hash and length of the bytes written.
    pub print: String,
    /// Hash of what the page was made from, for pages that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<u64>,
    /// The photos an article page shows, for the `anh/` folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<String>,
}

pub(crate) struct Target {
    folder: Folder,
    /// What an earlier export wrote, every entry a checked path.
    pub old: Manifest,
    /// The ordinary files there now (links are never ours). In cells, since
    /// the export asks what is there while it writes.
    present: RefCell<HashSet<String>>,
    move_aside: bool,
    /// Files of someone else's moved aside, as `(from, to)`.
    moved_aside: RefCell<Vec<(String, String)>>,
}

impl Target {
    /// Opens (making it if missing) the folder and reads what is in it.
    pub fn open(out: &Path, move_aside: bool) -> Result<Target> {
        let folder = Folder::create(out)?;
        let manifest = rel(MANIFEST)?;
        let old: Manifest = match folder.read(&manifest, MANIFEST_LIMIT) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                Manifest::default()
            }
            Err(e) => return Err(e),
        };
        for path in old.files.keys() {
            if let Err(Error::Unsafe { reason, .. }) = RelPath::parse(path) {
                let entry: String = path.chars().take(80).collect();
                return Err(Error::unsafe_path(
                    folder.shown(&manifest),
                    UnsafeReason::BadName(format!("entry {entry:?}: {reason}")),
                ));
            }
        }
        let present = folder
            .files(MAX_FILES)?
            .into_iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        Ok(Target {
            folder,
            old,
            present: RefCell::new(present),
            move_aside,
            moved_aside: RefCell::default(),
        })
    }

    /// Whether `path` is there as an earlier export wrote it.
    pub fn ours(&self, path: &str) -> bool {
        self.there(path) && self.old.files.contains_key(path)
    }

    /// Whether an ordinary file is at `path`.
    pub fn there(&self, path: &str) -> bool {
        self.present.borrow().contains(path)
    }

    pub fn moved_aside(&self) -> Vec<(String, String)> {
        self.moved_aside.borrow().clone()
    }

    /// Writes one file of the export, whole. No disk sync per page: an
    /// export can always be run again (the manifest, written last, is synced).
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let target = rel(path)?;
        if self.ours(path) {
            return self.folder.replace(&target, bytes, Durability::Unsynced);
        }
        if self.there(path) {
            if !self.move_aside {
                return Err(Error::InTheWay(self.folder.shown(&target)));
            }
            self.set_aside(&target)?;
        }
        self.folder.write_new(&target, bytes, Durability::Unsynced)
    }

    fn set_aside(&self, path: &RelPath) -> Result<()> {
        for n in 1..100 {
            let suffix = if n == 1 { String::new() } else { n.to_string() };
            let aside = rel(&format!("{path}.bak{suffix}"))?;
            if self.folder.kind(&aside)?.is_none() {
                self.folder.rename_new(path, &aside)?;
                self.present.borrow_mut().remove(path.as_str());
                self.moved_aside
                    .borrow_mut()
                    .push((path.as_str().to_owned(), aside.as_str().to_owned()));
                return Ok(());
            }
        }
        Err(Error::InTheWay(self.folder.shown(path)))
    }

    /// Removes what the old manifest lists and `new` does not: only files
    /// that are there as ordinary files (never a link, never a folder).
    pub fn remove_stale(&self, new: &Manifest) -> Result<u32> {
        let mut removed = 0;
        for path in self
            .old
            .files
            .keys()
            .filter(|p| !new.files.contains_key(*p))
        {
            if self.there(path) && self.folder.remove_file(&rel(path)?)? {
                removed += 1;
            }
        }
        Ok(removed)
    }

    pub fn save(&self, new: &Manifest) -> Result<()> {
        let json = serde_json::to_vec(new).unwrap_or_default();
        self.folder
            .replace(&rel(MANIFEST)?, &json, Durability::Synced)
    }
}

fn rel(path: &str) -> Result<RelPath> {
    RelPath::parse(path)
}
