//! Reading a photo file the user picked, which may be anything: a link to
//! `/dev/zero`, a named pipe nobody writes to, a file still being copied.
//! Only regular files are read, links are not followed, and the size limit
//! is checked on the bytes actually read, not on what the file claims.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

use bantin_core::MediaProblem;

use crate::probe::Limits;

/// Why a file could not be read: it is not a photo file, or the disk said no.
#[derive(Debug)]
pub enum ReadError {
    Refused(MediaProblem),
    Io(std::io::Error),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// The whole file, if it is a regular file no larger than the limit.
pub fn read_photo_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening, so that a device or a pipe is never opened
    // (opening some devices does something), and again on the open file,
    // which is what is read, in case the path changed in between.
    refuse_unless_file(&std::fs::symlink_metadata(path)?.file_type())?;
    let file = open_no_follow(path).map_err(|e| {
        if is_link_refusal(&e) {
            ReadError::Refused(MediaProblem::NotAFile("a link"))
        } else {
            ReadError::Io(e)
        }
    })?;
    let meta = file.metadata()?;
    refuse_unless_file(&meta.file_type())?;
    limits.check_file(meta.len()).map_err(ReadError::Refused)?;
    read_capped(file, meta.len(), limits)
}

fn refuse_unless_file(kind: &std::fs::FileType) -> Result<(), ReadError> {
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_symlink() {
        "a link"
    } else if kind.is_dir() {
        "a folder"
    } else {
        special_kind(kind)
    };
    Err(ReadError::Refused(MediaProblem::NotAFile(what)))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NOFOLLOW: a link swapped in after the check is refused, not followed.
    // O_NONBLOCK: a pipe swapped in opens at once instead of waiting for a
    // writer (it is then refused as not a file); reads of a regular file
    // ignore the flag.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(unix)]
fn is_link_refusal(e: &std::io::Error) -> bool {
    // Linux and macOS say ELOOP for O_NOFOLLOW on a link; FreeBSD EMLINK.
    matches!(e.raw_os_error(), Some(libc::ELOOP) | Some(libc::EMLINK))
}

#[cfg(windows)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::windows::fs::OpenOptionsExt;
    /// FILE_FLAG_OPEN_REPARSE_POINT: opens a link itself, whose metadata
    /// then says it is a link, instead of what it points to.
    const OPEN_REPARSE_POINT: u32 = 0x0020_0000;
    OpenOptions::new()
        .read(true)
        .custom_flags(OPEN_REPARSE_POINT)
        .open(path)
}

#[cfg(not(unix))]
fn is_link_refusal(_: &std::io::Error) -> bool {
    false
}

#[cfg(not(any(unix, windows)))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads at most one byte past the limit: a file that grows while it is
/// read (or claims a smaller size than it has, as `/proc` files do) is
/// refused once it passes the limit, having cost no more than the limit.
pub fn read_capped(reader: impl Read, claimed: u64, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let limit = limits.max_file_bytes;
    // The claimed size is only a hint, and never more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(claimed.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::Refused(MediaProblem::FileTooLarge {
            megabytes: read.max(claimed).div_ceil(1024 * 1024),
            limit_megabytes: limit / (1024 * 1024),
        }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that keeps giving bytes, like a file being appended to.
    struct Growing(u64);

    impl Read for Growing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(4096);
            buf[..n].fill(7);
            self.0 += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn a_file_growing_past_the_limit_is_refused_having_read_no_more() {
        let limits = Limits {
            max_file_bytes: 3 * 1024 * 1024,
            ..Limits::default()
        };
        let mut source = Growing(0);
        let outcome = read_capped(&mut source, 1000, &limits);
        assert!(
            matches!(
                outcome,
                Err(ReadError::Refused(MediaProblem::FileTooLarge {
                    limit_megabytes: 3,
                    ..
                }))
            ),
            "{outcome:?}"
        );
        assert!(source.0 <= 3 * 1024 * 1024 + 4096, "read {}", source.0);
        let fits = read_capped(&b"short"[..], 5, &limits).expect("fits");
        assert_eq!(fits, b"short");
    }
}
