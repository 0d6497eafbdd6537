//! The Bản Tin domain: a news site in a folder (`site.db` + `media/`), its
//! articles with revisions, search that understands Vietnamese typed with or
//! without accents, and import of Markdown sites.
//!
//! Nothing here knows about Tauri or application folders: every entry point
//! takes a path, so the same code serves the app, the `bantin` CLI and tests.
//!
//! ```no_run
//! use bantin_core::{ArticleInput, ListFilter, Site};
//! # fn main() -> bantin_core::Result<()> {
//! let site = Site::create(std::path::Path::new("/tmp/tin-huyen"), "Trung tâm huyện")?;
//! let mut store = site.store()?;
//! store.create_article(&ArticleInput { title: "Khai mạc hội chợ".into(), ..Default::default() })?;
//! let found = store.list(&ListFilter { query: Some("khai mac".into()), ..Default::default() })?;
//! assert_eq!(found.total, 1);
//! # Ok(()) }
//! ```

pub mod article;
pub mod db;
pub mod error;
pub mod files;
pub mod import;
pub mod markdown;
pub mod media;
pub mod names;
mod revisions;
pub mod sample;
pub mod search;
pub mod settings;
pub mod site;
pub mod site_settings;
pub mod store;
pub mod text;
pub mod time_fmt;
pub mod typing;

pub use article::{
    Article, ArticleInput, ArticlePage, ArticleSummary, Category, ListFilter, MonthCount, Revision,
    RevisionSummary, SaveKind, SaveMeta, Status,
};
pub use error::{Error, ErrorCode, MediaProblem, Result, UnsafeReason};
pub use files::{Durability, Folder};
pub use media::{Crop, MediaEdit, MediaItem, MediaText, MediaUse, NewMedia};
pub use names::RelPath;
pub use site::{Site, SiteInfo};
pub use site_settings::SiteSettings;
pub use store::Store;
