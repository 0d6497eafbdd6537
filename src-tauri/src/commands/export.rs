use bantin_core::ArticleInput;
use bantin_export::{ExportOptions, ExportReport};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::error::{blocking, CommandResult};
use crate::state::AppState;

/// The article page the export would write for the text being edited.
#[tauri::command(async)]
#[specta::specta]
pub async fn preview_article(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: ArticleInput,
) -> CommandResult<String> {
    let site = state.site()?;
    blocking(move || {
        let base = format!("{}media/renditions/", crate::media_protocol::base_url());
        bantin_export::preview_article(&site, id, &input, &base)
    })
    .await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn preview_home(state: State<'_, AppState>) -> CommandResult<String> {
    let site = state.site()?;
    blocking(move || bantin_export::preview_home(&site)).await
}

/// Sent as `export-progress` while a site export runs.
#[derive(Clone, Serialize, specta::Type)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

#[tauri::command(async)]
#[specta::specta]
pub async fn export_site(
    app: AppHandle,
    state: State<'_, AppState>,
    out: String,
    include_drafts: bool,
    move_aside: bool,
) -> CommandResult<ExportReport> {
    let site = state.site()?;
    let out = state.chosen_path(&out)?;
    blocking(move || {
        let options = ExportOptions {
            include_drafts,
            move_aside,
        };
        let mut last = 0;
        bantin_export::export_site(&site, &out, &options, &mut |done, total| {
            // A few dozen updates are enough for a bar; thousands would flood the IPC.
            let step = (total / 50).max(1);
            if done == total || done >= last + step {
                last = done;
                let _ = app.emit(
                    "export-progress",
                    ExportProgress {
                        done: done as u32,
                        total: total as u32,
                    },
                );
            }
        })
    })
    .await
}

/// One article as a self-contained folder.
#[tauri::command(async)]
#[specta::specta]
pub async fn export_article(
    state: State<'_, AppState>,
    id: i64,
    out: String,
    move_aside: bool,
) -> CommandResult<()> {
    let site = state.site()?;
    let out = state.chosen_path(&out)?;
    blocking(move || bantin_export::export_article(&site, id, &out, move_aside)).await
}

/// One article as a zip file (the folder's contents).
#[tauri::command(async)]
#[specta::specta]
pub async fn export_article_zip(
    state: State<'_, AppState>,
    id: i64,
    out: String,
) -> CommandResult<()> {
    let site = state.site()?;
    let out = state.chosen_path(&out)?;
    blocking(move || bantin_export::export_article_zip(&site, id, &out)).await
}

/// The native "save as" dialog for a zip file; `None` when cancelled.
#[tauri::command(async)]
#[specta::specta]
pub async fn pick_zip_path(
    app: AppHandle,
    state: State<'_, AppState>,
    suggested_name: String,
) -> CommandResult<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter("Zip", &["zip"])
            .set_file_name(suggested_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(crate::error::CommandError::internal)?;
    state.allow_picked(picked.clone());
    Ok(picked.map(|p| p.to_string_lossy().into_owned()))
}

/// What "Copy for portal" puts on the clipboard.
#[derive(Serialize, specta::Type)]
pub struct PortalCopy {
    pub html: String,
    pub text: String,
}

#[tauri::command(async)]
#[specta::specta]
pub async fn article_portal_copy(state: State<'_, AppState>, id: i64) -> CommandResult<PortalCopy> {
    let site = state.site()?;
    blocking(move || {
        Ok(PortalCopy {
            html: bantin_export::article_fragment(&site, id)?,
            text: bantin_export::article_plain_text(&site, id)?,
        })
    })
    .await
}
