use bantin_core::{
    Article, ArticleInput, ArticlePage, Category, ListFilter, MonthCount, SaveKind, SaveMeta,
};
use tauri::State;

use crate::error::{blocking, CommandResult};
use crate::state::AppState;

/// Lists, or searches when `filter.query` holds words.
#[tauri::command(async)]
#[specta::specta]
pub async fn article_list(
    state: State<'_, AppState>,
    filter: ListFilter,
) -> CommandResult<ArticlePage> {
    let site = state.site()?;
    blocking(move || site.store()?.list(&filter)).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn article_get(state: State<'_, AppState>, id: i64) -> CommandResult<Article> {
    let site = state.site()?;
    blocking(move || site.store()?.article(id)).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn article_create(
    state: State<'_, AppState>,
    input: ArticleInput,
    kind: SaveKind,
) -> CommandResult<Article> {
    let site = state.site()?;
    let meta = save_meta(&state, kind);
    blocking(move || site.store()?.create_article_by(&input, &meta)).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn article_update(
    state: State<'_, AppState>,
    id: i64,
    input: ArticleInput,
    kind: SaveKind,
) -> CommandResult<Article> {
    let site = state.site()?;
    let meta = save_meta(&state, kind);
    blocking(move || site.store()?.save_article(id, &input, &meta)).await
}

/// Revisions are signed with the writer's name from the preferences, read at
/// save time so a name changed mid-session applies to the next save.
fn save_meta(state: &AppState, kind: SaveKind) -> SaveMeta {
    SaveMeta {
        saved_by: state.preferences().writer_name,
        kind,
    }
}

#[tauri::command(async)]
#[specta::specta]
pub async fn category_list(state: State<'_, AppState>) -> CommandResult<Vec<Category>> {
    let site = state.site()?;
    blocking(move || site.store()?.categories()).await
}

#[tauri::command(async)]
#[specta::specta]
pub async fn author_list(state: State<'_, AppState>) -> CommandResult<Vec<String>> {
    let site = state.site()?;
    blocking(move || site.store()?.authors()).await
}

/// Months that have articles, for the month filter.
#[tauri::command(async)]
#[specta::specta]
pub async fn month_list(state: State<'_, AppState>) -> CommandResult<Vec<MonthCount>> {
    let site = state.site()?;
    blocking(move || site.store()?.months()).await
}
