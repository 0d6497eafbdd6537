//! Static HTML for a Bản Tin site: the body renderer shared by the app's
//! preview and the export, the theme, and the export folder itself.
//!
//! Like `bantin-core`, nothing here knows about Tauri or application folders.

pub mod export;
mod key;
mod lists;
pub mod model;
pub mod pages;
mod pagination;
mod parallel;
pub mod photos;
pub mod preview;
pub mod render;
mod target;
pub mod theme;
mod views;

pub use export::{
    article_fragment, article_plain_text, export_article, export_article_zip, export_site,
    ExportOptions, ExportReport,
};
pub use preview::{preview_article, preview_home};
pub use render::{
    render_body, render_body_as, AsWritten, Flavor, ImageResolver, NoImages, PageImage,
};
