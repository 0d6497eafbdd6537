//! Photos for Bản Tin: refuse what is not a whole, sane photo; decode it
//! upright; make the web renditions that are the only image files ever
//! published (no GPS, serials or owner names in them); keep one private
//! original per content hash in the site's `media/` folder.
//!
//! Like the other libraries this takes paths and knows nothing of Tauri.

pub mod budget;
pub mod decode;
pub mod library;
pub mod meta;
pub mod probe;
pub mod renditions;
mod stream;

pub use library::{
    commit, ensure_renditions, import_data, import_file, import_files, prepare, remove,
    ImportOptions, ImportProgress, Imported, MediaConfig, Prepared,
};
pub use probe::{Format, Limits};
pub use renditions::{plan, Rendition, RenditionSet};
