//! Tauri commands: each a short adapter that runs a library call off the UI
//! thread and returns `CommandError` on failure.

pub mod app;
pub mod articles;
pub mod export;
pub mod media;
pub mod preferences;
pub mod revisions;
pub mod site;
