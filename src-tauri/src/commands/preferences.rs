use bantin_core::settings::Preferences;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

// The settings file is a few hundred bytes written atomically; like the recent
// list in `site_open`, it is handled inline rather than on a blocking thread.

#[tauri::command(async)]
#[specta::specta]
pub async fn preferences_get(state: State<'_, AppState>) -> CommandResult<Preferences> {
    Ok(state.preferences())
}

/// Saves and returns the preferences as stored (names cleaned, NFC).
#[tauri::command(async)]
#[specta::specta]
pub async fn preferences_set(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CommandResult<Preferences> {
    Ok(state.set_preferences(&preferences)?)
}
