use std::path::PathBuf;

/// What went wrong, in words a user can act on. The variants carry context
/// (path, article id) so that a message names the thing it is about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("article {0} does not exist")]
    ArticleNotFound(i64),
    #[error("revision {0} does not exist")]
    RevisionNotFound(i64),
    #[error("{field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("{path}: this site was made by a newer Bản Tin (database version {found}, this app knows up to {known}); update Bản Tin to open it")]
    SiteTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{0}: not a Bản Tin site (no site.db)")]
    NotASite(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the disk is full; free some space and save again")]
    DiskFull,
    #[error("the site is busy in another program; try again")]
    Busy,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("{path}: {reason}")]
    Import { path: PathBuf, reason: String },
    #[error("{path}: {problem}")]
    Media {
        path: PathBuf,
        problem: MediaProblem,
    },
    #[error("photo {0} does not exist")]
    MediaNotFound(i64),
    #[error("photo {id} is used by {articles} article(s); remove it from them first")]
    MediaInUse { id: i64, articles: usize },
    /// A name or file that would lead outside the folder being worked on,
    /// or that is not what it claims to be; refused, never followed.
    #[error("{path}: {reason}")]
    Unsafe { path: PathBuf, reason: UnsafeReason },
    /// An export would overwrite a file that it did not make.
    #[error("{0}: this file was not made by Bản Tin; move it away (or let the export move it aside) and export again")]
    InTheWay(PathBuf),
    /// The site's database is not a database, or is damaged.
    #[error("{path}: the site's database is damaged ({reason}); it was not changed")]
    DamagedSite { path: PathBuf, reason: String },
    /// A site's own template failed, ran too long or made too much.
    #[error("theme template {template}: {reason}")]
    Theme { template: String, reason: String },
}

/// Why a path or file was refused by the file layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnsafeReason {
    #[error("refused name: {0}")]
    BadName(String),
    #[error("a link (shortcut) where a file or folder should be; links are not followed")]
    Link,
    #[error("not an ordinary file (a device, pipe or folder)")]
    NotAFile,
    #[error("larger than the limit of {limit_megabytes} MB")]
    TooLarge { limit_megabytes: u64 },
    #[error("leads outside the folder")]
    Outside,
    /// The app takes paths only from its dialogs (or a drop on its window).
    #[error(
        "not a folder or file chosen with the app's Choose… button (or dropped on its window)"
    )]
    NotChosen,
}

/// Why a file could not become a photo of the library.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaProblem {
    #[error("the file is empty")]
    Empty,
    #[error("not a JPEG, PNG or WebP photo")]
    NotAnImage,
    #[error("{0} photos cannot be read here; save it as JPEG first")]
    Unsupported(&'static str),
    #[error("the file is cut short (a copy that did not finish?)")]
    Truncated,
    #[error("the photo is damaged: {0}")]
    Damaged(String),
    #[error("the file is too large ({megabytes} MB); the limit is {limit_megabytes} MB")]
    FileTooLarge {
        megabytes: u64,
        limit_megabytes: u64,
    },
    #[error("the photo is too large ({width}×{height}); the limit is {limit} pixels a side and {max_megapixels} megapixels")]
    TooLarge {
        width: u64,
        height: u64,
        limit: u32,
        max_megapixels: u32,
    },
}

/// The stable error codes the UI and scripts branch on and translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    SiteTooNew,
    NotASite,
    Storage,
    DiskFull,
    Busy,
    Io,
    Internal,
    /// Not a photo this app reads (empty, another kind of file, HEIC…).
    ImageUnsupported,
    /// A photo file that is cut short or damaged.
    ImageDamaged,
    /// A photo larger than the decoding limits (or a decompression bomb).
    ImageTooLarge,
    /// Something still in use (a photo in an article) cannot be removed.
    InUse,
    /// A name or file that would lead outside the folder (a crafted
    /// database, theme, import or export folder), refused.
    UnsafePath,
    /// An export found a file it did not make where it would write.
    FileInTheWay,
    /// The site's database file is damaged or not a database.
    DamagedSite,
    /// The site's theme has an error, or ran over its limits.
    ThemeError,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::ArticleNotFound(_) | Error::RevisionNotFound(_) | Error::MediaNotFound(_) => {
                ErrorCode::NotFound
            }
            Error::Media { problem, .. } => match problem {
                MediaProblem::Empty | MediaProblem::NotAnImage | MediaProblem::Unsupported(_) => {
                    ErrorCode::ImageUnsupported
                }
                MediaProblem::Truncated | MediaProblem::Damaged(_) => ErrorCode::ImageDamaged,
                MediaProblem::TooLarge { .. } | MediaProblem::FileTooLarge { .. } => {
                    ErrorCode::ImageTooLarge
                }
            },
            Error::MediaInUse { .. } => ErrorCode::InUse,
            Error::Invalid { .. } | Error::Import { .. } => ErrorCode::InvalidInput,
            Error::SiteTooNew { .. } => ErrorCode::SiteTooNew,
            Error::NotASite(_) => ErrorCode::NotASite,
            Error::Io { .. } => ErrorCode::Io,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::Busy => ErrorCode::Busy,
            Error::Sqlite(_) => ErrorCode::Storage,
            Error::Unsafe { .. } => ErrorCode::UnsafePath,
            Error::InTheWay(_) => ErrorCode::FileInTheWay,
            Error::DamagedSite { .. } => ErrorCode::DamagedSite,
            Error::Theme { .. } => ErrorCode::ThemeError,
        }
    }

    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub fn unsafe_path(path: impl Into<PathBuf>, reason: UnsafeReason) -> Self {
        Error::Unsafe {
            path: path.into(),
            reason,
        }
    }

    pub fn media(path: impl Into<PathBuf>, problem: MediaProblem) -> Self {
        Error::Media {
            path: path.into(),
            problem,
        }
    }

    /// A failed file operation; a full disk gets its own error, which says
    /// what to do about it.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return Error::DiskFull;
        }
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        // A row refused by a checked reader (a crafted slug or hash) keeps
        // our error, which names the value, instead of a database error.
        let e = match e {
            rusqlite::Error::FromSqlConversionFailure(i, t, inner) => {
                match inner.downcast::<Error>() {
                    Ok(ours) => return *ours,
                    Err(inner) => rusqlite::Error::FromSqlConversionFailure(i, t, inner),
                }
            }
            e => e,
        };
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::Busy,
            _ => Error::Sqlite(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// For a row reader: a value our check refused, carried through rusqlite so
/// that `From<rusqlite::Error>` gives our error back.
pub(crate) fn refused_in_row(column: usize, error: Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(error))
}
