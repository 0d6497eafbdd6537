use bantin_core::{Site, SiteInfo};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{blocking, CommandError, CommandResult};
use crate::state::AppState;

#[tauri::command(async)]
#[specta::specta]
pub async fn site_current(state: State<'_, AppState>) -> CommandResult<SiteInfo> {
    let site = state.site()?;
    blocking(move || site.info()).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn site_open(state: State<'_, AppState>, path: String) -> CommandResult<SiteInfo> {
    let path = state.chosen_path(&path)?;
    let site = blocking(move || Site::open(&path)).await?;
    switch(&state, site).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn site_create(
    state: State<'_, AppState>,
    path: String,
    name: String,
) -> CommandResult<SiteInfo> {
    let path = state.chosen_path(&path)?;
    let site = blocking(move || Site::create(&path, &name)).await?;
    switch(&state, site).await
}

async fn switch(state: &State<'_, AppState>, site: Site) -> CommandResult<SiteInfo> {
    let info_site = site.clone();
    let info = blocking(move || info_site.info()).await?;
    state.switch_to(site)?;
    Ok(info)
}

#[tauri::command(async)]
#[specta::specta]
pub async fn site_recent(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    Ok(state.recent())
}

/// The native folder picker; `None` when the user cancels.
#[tauri::command(async)]
#[specta::specta]
pub async fn pick_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<String>> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(CommandError::internal)?;
    state.allow_picked(picked.clone());
    Ok(picked.map(|p| p.to_string_lossy().into_owned()))
}

/// Why the last used site did not open at start, if it did not.
#[tauri::command(async)]
#[specta::specta]
pub async fn startup_problem(state: State<'_, AppState>) -> CommandResult<Option<CommandError>> {
    Ok(state.startup_problem.clone())
}

/// The open site's settings: name, contact details, address on the web…
#[tauri::command(async)]
#[specta::specta]
pub async fn site_settings_get(
    state: State<'_, AppState>,
) -> CommandResult<bantin_core::SiteSettings> {
    let site = state.site()?;
    blocking(move || site.store()?.site_settings()).await
}

/// Saves them all or none; a wrong field is refused by name (`invalid_input`).
#[tauri::command(async)]
#[specta::specta]
pub async fn site_settings_set(
    state: State<'_, AppState>,
    settings: bantin_core::SiteSettings,
) -> CommandResult<bantin_core::SiteSettings> {
    let site = state.site()?;
    blocking(move || site.store()?.set_site_settings(&settings)).await
}
