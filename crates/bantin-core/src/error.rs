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
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::ArticleNotFound(_) | Error::RevisionNotFound(_) => ErrorCode::NotFound,
            Error::Invalid { .. } | Error::Import { .. } => ErrorCode::InvalidInput,
            Error::SiteTooNew { .. } => ErrorCode::SiteTooNew,
            Error::NotASite(_) => ErrorCode::NotASite,
            Error::Io { .. } => ErrorCode::Io,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::Busy => ErrorCode::Busy,
            Error::Sqlite(_) => ErrorCode::Storage,
        }
    }

    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            reason: reason.into(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::Busy,
            _ => Error::Sqlite(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
