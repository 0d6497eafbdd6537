//! The one way Bản Tin writes, replaces and deletes files.
//!
//! A [`Folder`] is a handle on the folder being worked on (a site, an
//! export target, a theme, an import source). Every path below it is a
//! [`RelPath`] (checked names, no `..`) and is resolved one folder at a time
//! from the handle, never by joining strings: each folder on the way is
//! opened without following links, and files are opened, made and removed
//! without following links. So a link planted in a folder from a USB stick
//! (`bai-viet/` → `/home/…`, `index.html` → `~/.bashrc`) is refused with an
//! error that names it, and nothing outside the folder can change.
//!
//! Replacing a file goes through a temp file with an unpredictable name in
//! the same folder, created exclusively (so a planted file or link of that
//! name is never written through), then renamed over the target; the temp
//! file is removed on every error. Reads take a size limit and refuse
//! devices and pipes (a link to `/dev/zero` or a FIFO would otherwise hang
//! or fill the memory).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use cap_fs_ext::{DirExt, FollowSymlinks, OpenOptionsFollowExt};
use cap_std::ambient_authority;
use cap_std::fs::{Dir, OpenOptions};

use crate::error::{Error, Result, UnsafeReason};
use crate::names::RelPath;

/// Whether a write must be on disk before it returns (a record points at
/// it, or it is the user's only copy) or may be lost to a power cut (an
/// export page: the next export writes it again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    Synced,
    Unsynced,
}

/// What a name in a folder is, without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Link,
    Other,
}

/// A name left out of a listing, and why.
pub type Refusal = (String, UnsafeReason);

/// A folder that files are written into, read from and removed from.
#[derive(Debug)]
pub struct Folder {
    dir: Dir,
    root: PathBuf,
}

impl Folder {
    /// Opens an existing folder. Its own path is the user's choice (a link
    /// to it is the user's business); only what is below it is confined.
    pub fn open(root: &Path) -> Result<Folder> {
        let dir =
            Dir::open_ambient_dir(root, ambient_authority()).map_err(|e| Error::io(root, e))?;
        Ok(Folder {
            dir,
            root: root.to_owned(),
        })
    }

    /// Opens the folder, making it (and its parents) first if missing.
    pub fn create(root: &Path) -> Result<Folder> {
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        Folder::open(root)
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Where `rel` is, for messages.
    pub fn shown(&self, rel: &RelPath) -> PathBuf {
        self.root.join(rel.as_str())
    }

    /// A folder below this one, made if `create` and missing; a link in
    /// its place is refused.
    pub fn folder(&self, rel: &RelPath, create: bool) -> Result<Folder> {
        let dir = self.walk(rel.as_str().split('/'), rel, create)?;
        Ok(Folder {
            dir,
            root: self.shown(rel),
        })
    }

    /// Opens each folder of `names` from this one, without following links.
    fn walk<'a>(
        &self,
        names: impl Iterator<Item = &'a str>,
        rel: &RelPath,
        create: bool,
    ) -> Result<Dir> {
        let mut dir = self.dir.try_clone().map_err(|e| Error::io(&self.root, e))?;
        for name in names {
            if create {
                match dir.create_dir(name) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(Error::io(self.shown(rel), e)),
                }
            }
            dir = match dir.open_dir_nofollow(name) {
                Ok(d) => d,
                Err(e) => return Err(self.refusal(&dir, name, rel, e)),
            };
        }
        Ok(dir)
    }

    /// The folder holding `rel` and its last name.
    fn parent<'r>(&self, rel: &'r RelPath, create: bool) -> Result<(Dir, &'r str)> {
        let (folders, name) = rel.split_last();
        let dir = self.walk(folders.into_iter().flat_map(|f| f.split('/')), rel, create)?;
        Ok((dir, name))
    }

    /// Turns an error on `name` into "it is a link" when it is one, so the
    /// message says why instead of "too many levels of symbolic links".
    fn refusal(&self, dir: &Dir, name: &str, rel: &RelPath, e: std::io::Error) -> Error {
        match dir.symlink_metadata(name) {
            Ok(m) if m.file_type().is_symlink() => {
                Error::unsafe_path(self.shown(rel), UnsafeReason::Link)
            }
            Ok(m) if !m.is_dir() && !m.is_file() => {
                Error::unsafe_path(self.shown(rel), UnsafeReason::NotAFile)
            }
            _ => Error::io(self.shown(rel), e),
        }
    }

    /// What `rel` is, without following links; `None` when nothing is there.
    pub fn kind(&self, rel: &RelPath) -> Result<Option<Kind>> {
        let (dir, name) = match self.parent(rel, false) {
            Ok(found) => found,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Ok(None)
            }
            Err(e) => return Err(e),
        };
        match dir.symlink_metadata(name) {
            Ok(m) => Ok(Some(kind_of(&m.file_type()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(self.shown(rel), e)),
        }
    }

    /// Writes a file whole, replacing what is there: a reader (or a power
    /// cut, when `Synced`) sees the old bytes or the new, never half.
    pub fn replace(&self, rel: &RelPath, bytes: &[u8], durability: Durability) -> Result<()> {
        self.put(rel, bytes, durability, true)
    }

    /// Writes a new file whole, as `replace` does, but refuses to take the
    /// place of anything already there (a planted file or link is an
    /// error, not overwritten): an interrupted write leaves no half file
    /// under the name, and the temp file is removed on any error.
    pub fn write_new(&self, rel: &RelPath, bytes: &[u8], durability: Durability) -> Result<()> {
        self.put(rel, bytes, durability, false)
    }

    fn put(&self, rel: &RelPath, bytes: &[u8], durability: Durability, over: bool) -> Result<()> {
        let (dir, name) = self.parent(rel, true)?;
        let there = |dir: &Dir| -> Result<()> {
            match dir.symlink_metadata(name) {
                Ok(m) if m.file_type().is_symlink() => {
                    Err(Error::unsafe_path(self.shown(rel), UnsafeReason::Link))
                }
                Ok(_) if !over => Err(Error::InTheWay(self.shown(rel))),
                _ => Ok(()),
            }
        };
        there(&dir)?;
        let (tmp, file) = new_temp(&dir, name).map_err(|e| Error::io(self.shown(rel), e))?;
        let done = fill(file, bytes, durability)
            .map_err(|e| Error::io(self.shown(rel), e))
            // Checked again just before the rename: something may have
            // appeared while the bytes were written.
            .and_then(|()| there(&dir))
            .and_then(|()| {
                dir.rename(&tmp, &dir, name)
                    .map_err(|e| Error::io(self.shown(rel), e))
            });
        done.inspect_err(|_| {
            let _ = dir.remove_file(&tmp);
        })
    }

    /// Renames a file (or folder) inside this folder; `to` must not exist.
    pub fn rename_new(&self, from: &RelPath, to: &RelPath) -> Result<()> {
        let (from_dir, from_name) = self.parent(from, false)?;
        let (to_dir, to_name) = self.parent(to, true)?;
        if to_dir.symlink_metadata(to_name).is_ok() {
            return Err(Error::InTheWay(self.shown(to)));
        }
        from_dir
            .rename(from_name, &to_dir, to_name)
            .map_err(|e| Error::io(self.shown(from), e))
    }

    /// Removes a file (a link is removed itself, never what it points to).
    /// `false` when nothing was there.
    pub fn remove_file(&self, rel: &RelPath) -> Result<bool> {
        let (dir, name) = match self.parent(rel, false) {
            Ok(found) => found,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Ok(false)
            }
            Err(e) => return Err(e),
        };
        match dir.remove_file_or_symlink(name) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::io(self.shown(rel), e)),
        }
    }

    /// Reads an ordinary file of at most `limit` bytes; links, devices and
    /// pipes are refused without being read, a longer file is refused while
    /// reading (it may grow, or lie about its size).
    pub fn read(&self, rel: &RelPath, limit: u64) -> Result<Vec<u8>> {
        let (dir, name) = self.parent(rel, false)?;
        let mut options = OpenOptions::new();
        options.read(true).follow(FollowSymlinks::No);
        no_blocking(&mut options);
        let file = dir
            .open_with(name, &options)
            .map_err(|e| self.refusal(&dir, name, rel, e))?;
        let meta = file.metadata().map_err(|e| Error::io(self.shown(rel), e))?;
        if !meta.is_file() {
            return Err(Error::unsafe_path(self.shown(rel), UnsafeReason::NotAFile));
        }
        read_capped(file.into_std(), limit).map_err(|e| match e {
            Capped::TooLarge => Error::unsafe_path(
                self.shown(rel),
                UnsafeReason::TooLarge {
                    limit_megabytes: limit.div_ceil(1 << 20),
                },
            ),
            Capped::Io(e) => Error::io(self.shown(rel), e),
        })
    }

    /// Every ordinary file below this folder, as `a/b.html` paths; links
    /// and names the layer would refuse are left out (they are not ours to
    /// write, read or remove). At most `limit` files are listed.
    pub fn files(&self, limit: usize) -> Result<Vec<RelPath>> {
        Ok(self.files_and_refusals(limit)?.0)
    }

    /// As `files`, with what was left out and why: links, devices and
    /// pipes, and names the layer refuses (for an import to report).
    pub fn files_and_refusals(&self, limit: usize) -> Result<(Vec<RelPath>, Vec<Refusal>)> {
        let mut found = Vec::new();
        let mut refused = Vec::new();
        let mut folders = vec![(
            self.dir.try_clone().map_err(|e| Error::io(&self.root, e))?,
            String::new(),
        )];
        while let Some((dir, prefix)) = folders.pop() {
            let entries = dir
                .entries()
                .map_err(|e| Error::io(self.root.join(&prefix), e))?;
            for entry in entries.flatten() {
                let Ok(name) = entry.file_name().into_string() else {
                    let shown = entry.file_name().to_string_lossy().into_owned();
                    refused.push((
                        format!("{prefix}{shown}"),
                        UnsafeReason::BadName("not Unicode".into()),
                    ));
                    continue;
                };
                let rel = match RelPath::parse(&format!("{prefix}{name}")) {
                    Ok(rel) => rel,
                    Err(Error::Unsafe { reason, .. }) => {
                        refused.push((format!("{prefix}{name}"), reason));
                        continue;
                    }
                    Err(_) => continue,
                };
                match entry.file_type().map(|t| kind_of(&t)) {
                    Ok(Kind::File) => {
                        if found.len() >= limit {
                            return Ok((found, refused));
                        }
                        found.push(rel);
                    }
                    Ok(Kind::Link) => refused.push((rel.to_string(), UnsafeReason::Link)),
                    Ok(Kind::Other) => refused.push((rel.to_string(), UnsafeReason::NotAFile)),
                    Ok(Kind::Folder) => {
                        if let Ok(sub) = dir.open_dir_nofollow(&name) {
                            folders.push((sub, format!("{rel}/")));
                        }
                    }
                    Err(_) => {}
                }
            }
        }
        Ok((found, refused))
    }
}

fn kind_of(t: &cap_std::fs::FileType) -> Kind {
    if t.is_symlink() {
        Kind::Link
    } else if t.is_dir() {
        Kind::Folder
    } else if t.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

fn fill(file: cap_std::fs::File, bytes: &[u8], durability: Durability) -> std::io::Result<()> {
    let mut file = file.into_std();
    file.write_all(bytes)?;
    if durability == Durability::Synced {
        file.sync_all()?;
    }
    Ok(())
}

/// A new, exclusively created temp file beside `name`: `.name.1f0c….tmp`.
fn new_temp(dir: &Dir, name: &str) -> std::io::Result<(String, cap_std::fs::File)> {
    // Long names are cut so the temp name stays within the name limits.
    let stem: String = name.chars().take(40).collect();
    let mut last = None;
    for _ in 0..8 {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
        let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let tmp = format!(".{stem}.{hex}.tmp");
        let options = OpenOptions::new()
            .write(true)
            .create_new(true)
            .follow(FollowSymlinks::No)
            .clone();
        match dir.open_with(&tmp, &options) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temp name")))
}

pub(crate) enum Capped {
    TooLarge,
    Io(std::io::Error),
}

/// Reads at most `limit` bytes; more is an error, found while reading.
pub(crate) fn read_capped(file: impl Read, limit: u64) -> std::result::Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Capped::TooLarge);
    }
    Ok(bytes)
}

/// Opening a FIFO for reading waits for a writer; non-blocking, it opens at
/// once and the type check refuses it.
#[cfg(unix)]
fn no_blocking(options: &mut OpenOptions) {
    use cap_std::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NONBLOCK);
}

#[cfg(not(unix))]
fn no_blocking(_: &mut OpenOptions) {}

/// Reads an ordinary file anywhere (one the user picked: a photo, a
/// Markdown file) with a size limit; devices, pipes and folders are refused
/// before any byte is read.
pub fn read_picked_file(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::unsafe_path(path, UnsafeReason::NotAFile));
    }
    read_capped(file, limit).map_err(|e| match e {
        Capped::TooLarge => Error::unsafe_path(
            path,
            UnsafeReason::TooLarge {
                limit_megabytes: limit.div_ceil(1 << 20),
            },
        ),
        Capped::Io(e) => Error::io(path, e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> RelPath {
        RelPath::parse(s).expect("rel")
    }

    #[test]
    fn writes_replaces_reads_and_removes_inside() {
        let tmp = tempfile::tempdir().expect("tmp");
        let folder = Folder::open(tmp.path()).expect("open");
        folder
            .write_new(&rel("a/b/c.html"), b"one", Durability::Unsynced)
            .expect("write");
        assert!(matches!(
            folder.write_new(&rel("a/b/c.html"), b"two", Durability::Unsynced),
            Err(Error::InTheWay(_))
        ));
        folder
            .replace(&rel("a/b/c.html"), b"two", Durability::Synced)
            .expect("replace");
        assert!(matches!(
            folder.write_new(&rel("a/b/c.html"), b"three", Durability::Unsynced),
            Err(Error::InTheWay(_))
        ));
        folder
            .write_new(&rel("a/d.html"), b"new", Durability::Unsynced)
            .expect("create");
        assert!(folder.remove_file(&rel("a/d.html")).expect("remove new"));
        assert_eq!(folder.read(&rel("a/b/c.html"), 10).expect("read"), b"two");
        assert!(matches!(
            folder.read(&rel("a/b/c.html"), 2),
            Err(Error::Unsafe {
                reason: UnsafeReason::TooLarge { .. },
                ..
            })
        ));
        assert_eq!(folder.files(100).expect("files"), [rel("a/b/c.html")]);
        assert!(folder.remove_file(&rel("a/b/c.html")).expect("remove"));
        assert!(!folder.remove_file(&rel("a/b/c.html")).expect("again"));
        assert!(!folder
            .remove_file(&rel("x/y.html"))
            .expect("missing folder"));
        // No temp file left behind.
        assert!(folder.files(100).expect("files").is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_followed() {
        let tmp = tempfile::tempdir().expect("tmp");
        let outside = tmp.path().join("outside");
        std::fs::create_dir(&outside).expect("outside");
        std::fs::write(outside.join("secret.txt"), b"keep").expect("secret");
        let site = tmp.path().join("site");
        std::fs::create_dir(&site).expect("site");
        std::os::unix::fs::symlink(&outside, site.join("bai-viet")).expect("dir link");
        std::os::unix::fs::symlink(outside.join("secret.txt"), site.join("index.html"))
            .expect("file link");
        let folder = Folder::open(&site).expect("open");
        for result in [
            folder.write_new(&rel("bai-viet/x.html"), b"x", Durability::Unsynced),
            folder.replace(&rel("bai-viet/secret.txt"), b"x", Durability::Unsynced),
            folder.replace(&rel("index.html"), b"x", Durability::Unsynced),
            folder.write_new(&rel("index.html"), b"x", Durability::Unsynced),
            folder.read(&rel("index.html"), 100).map(|_| ()),
            folder.read(&rel("bai-viet/secret.txt"), 100).map(|_| ()),
        ] {
            assert!(
                matches!(
                    result,
                    Err(Error::Unsafe {
                        reason: UnsafeReason::Link,
                        ..
                    })
                ),
                "{result:?}"
            );
        }
        // Removing the link removes the link, not the file it points to.
        assert!(folder.remove_file(&rel("index.html")).expect("remove link"));
        assert!(matches!(
            folder.remove_file(&rel("bai-viet/secret.txt")),
            Err(Error::Unsafe {
                reason: UnsafeReason::Link,
                ..
            })
        ));
        assert_eq!(
            std::fs::read(outside.join("secret.txt")).expect("kept"),
            b"keep"
        );
        assert_eq!(folder.files(100).expect("files"), Vec::<RelPath>::new());
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_at_once() {
        let tmp = tempfile::tempdir().expect("tmp");
        let fifo = tmp.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.expect("mkfifo runs").success());
        let folder = Folder::open(tmp.path()).expect("open");
        let started = std::time::Instant::now();
        assert!(matches!(
            folder.read(&rel("pipe.md"), 100),
            Err(Error::Unsafe {
                reason: UnsafeReason::NotAFile,
                ..
            })
        ));
        assert!(matches!(
            read_picked_file(&fifo, 100),
            Err(Error::Unsafe {
                reason: UnsafeReason::NotAFile,
                ..
            })
        ));
        assert!(matches!(
            read_picked_file(Path::new("/dev/zero"), 100),
            Err(Error::Unsafe {
                reason: UnsafeReason::NotAFile,
                ..
            })
        ));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}
