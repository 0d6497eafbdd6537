use std::path::PathBuf;

use bantin_core::{MediaEdit, MediaItem, MediaText, MediaUse};
use bantin_media::{ImportOptions, ImportProgress, Imported, MediaConfig, RenditionSet};
use base64::Engine;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{blocking, CommandError, CommandResult};
use crate::state::AppState;

/// Caption, credit and alt text given with an import; empty means "use what
/// the camera wrote".
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct MediaImportText {
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
}

impl From<MediaImportText> for ImportOptions {
    fn from(t: MediaImportText) -> Self {
        ImportOptions {
            caption: t.caption,
            credit: t.credit,
            alt: t.alt,
        }
    }
}

/// One file of a batch: imported, or why not.
#[derive(Serialize, specta::Type)]
pub struct MediaImportResult {
    pub path: String,
    pub imported: Option<Imported>,
    pub error: Option<CommandError>,
}

/// Imports files (from the file dialog or dropped on the window), sending
/// `media-import-progress` after each one.
#[tauri::command(async)]
#[specta::specta]
pub async fn media_import(
    app: AppHandle,
    state: State<'_, AppState>,
    paths: Vec<String>,
    text: MediaImportText,
) -> CommandResult<Vec<MediaImportResult>> {
    let site = state.site()?;
    let paths = paths
        .iter()
        .map(|p| state.chosen_path(p))
        .collect::<CommandResult<Vec<PathBuf>>>()?;
    blocking(move || {
        let mut store = site.store()?;
        let config = MediaConfig::for_site(&store)?;
        let results = bantin_media::import_files(
            site.root(),
            &mut store,
            &paths,
            &config,
            &text.into(),
            &mut |p: ImportProgress| {
                let _ = app.emit("media-import-progress", p);
            },
        );
        Ok(results
            .into_iter()
            .map(|(path, r)| MediaImportResult {
                path: path.display().to_string(),
                imported: r.as_ref().ok().cloned(),
                error: r.err().map(CommandError::from),
            })
            .collect())
    })
    .await
}

/// Imports a photo the web view holds as bytes (pasted from the clipboard,
/// dragged from a browser), sent as base64.
#[tauri::command(async)]
#[specta::specta]
pub async fn media_import_data(
    state: State<'_, AppState>,
    file_name: String,
    data_base64: String,
) -> CommandResult<Imported> {
    let site = state.site()?;
    blocking(move || {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data_base64.as_bytes())
            .map_err(|e| bantin_core::Error::invalid("data", e.to_string()))?;
        let mut store = site.store()?;
        let config = MediaConfig::for_site(&store)?;
        bantin_media::import_data(site.root(), &mut store, &file_name, &bytes, &config)
    })
    .await
}

/// A library row: the photo and its thumbnail's path in the site.
#[derive(Serialize, specta::Type)]
pub struct MediaEntry {
    pub item: MediaItem,
    pub thumbnail: String,
}

#[tauri::command(async)]
#[specta::specta]
pub async fn media_list(
    state: State<'_, AppState>,
    query: Option<String>,
) -> CommandResult<Vec<MediaEntry>> {
    let site = state.site()?;
    blocking(move || {
        let store = site.store()?;
        let config = MediaConfig::for_site(&store)?;
        Ok(store
            .media_list(query.as_deref())?
            .into_iter()
            .map(|item| MediaEntry {
                thumbnail: bantin_media::plan(&item, &config.widths).thumbnail.path,
                item,
            })
            .collect())
    })
    .await
}

/// A photo with its renditions and the articles that show it.
#[derive(Serialize, specta::Type)]
pub struct MediaDetail {
    pub item: MediaItem,
    pub renditions: RenditionSet,
    pub uses: Vec<MediaUse>,
}

fn detail(site: &bantin_core::Site, id: i64) -> bantin_core::Result<MediaDetail> {
    let store = site.store()?;
    let item = store.media(id)?;
    let config = MediaConfig::for_site(&store)?;
    Ok(MediaDetail {
        renditions: bantin_media::ensure_renditions(site.root(), &item, &config)?,
        uses: store.media_uses(id)?,
        item,
    })
}

#[tauri::command(async)]
#[specta::specta]
pub async fn media_get(state: State<'_, AppState>, id: i64) -> CommandResult<MediaDetail> {
    let site = state.site()?;
    blocking(move || detail(&site, id)).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn media_update_text(
    state: State<'_, AppState>,
    id: i64,
    text: MediaText,
) -> CommandResult<MediaItem> {
    let site = state.site()?;
    blocking(move || site.store()?.set_media_text(id, &text)).await
}

/// Turns or crops a photo (non-destructively) and makes its new renditions.
#[tauri::command(async)]
#[specta::specta]
pub async fn media_set_edit(
    state: State<'_, AppState>,
    id: i64,
    edit: MediaEdit,
) -> CommandResult<MediaDetail> {
    let site = state.site()?;
    blocking(move || {
        site.store()?.set_media_edit(id, &edit)?;
        detail(&site, id)
    })
    .await
}

/// Removes a photo no article shows (refused with `in_use` otherwise).
#[tauri::command(async)]
#[specta::specta]
pub async fn media_remove(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    let site = state.site()?;
    blocking(move || {
        let mut store = site.store()?;
        bantin_media::remove(site.root(), &mut store, id).map(|_| ())
    })
    .await
}

/// The native file picker for photos (several at once); empty when cancelled.
#[tauri::command(async)]
#[specta::specta]
pub async fn pick_photos(app: AppHandle, state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    let picked: Vec<PathBuf> = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(
                "JPEG, PNG, WebP",
                &["jpg", "jpeg", "JPG", "JPEG", "png", "PNG", "webp", "WEBP"],
            )
            .blocking_pick_files()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect()
    })
    .await
    .map_err(CommandError::internal)?;
    state.allow_picked(picked.clone());
    Ok(picked
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}
