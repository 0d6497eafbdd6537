use bantin_core::{Article, Revision, RevisionSummary};
use tauri::State;

use crate::error::{blocking, CommandResult};
use crate::state::AppState;

/// An article's revisions, newest first.
#[tauri::command(async)]
#[specta::specta]
pub async fn revision_list(
    state: State<'_, AppState>,
    article_id: i64,
) -> CommandResult<Vec<RevisionSummary>> {
    let site = state.site()?;
    blocking(move || site.store()?.revisions(article_id)).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn revision_get(state: State<'_, AppState>, revision_id: i64) -> CommandResult<Revision> {
    let site = state.site()?;
    blocking(move || site.store()?.revision(revision_id)).await
}

/// Saves an older revision's text again as the newest revision.
#[tauri::command(async)]
#[specta::specta]
pub async fn revision_restore(
    state: State<'_, AppState>,
    article_id: i64,
    revision_id: i64,
) -> CommandResult<Article> {
    let site = state.site()?;
    let writer = state.preferences().writer_name;
    blocking(move || {
        site.store()?
            .restore_revision(article_id, revision_id, &writer)
    })
    .await
}
