//! The Bản Tin desktop shell: window, commands and app folders. The domain
//! lives in `bantin-core`; this crate only adapts it to Tauri.

#[cfg(test)]
mod command_names;
mod commands;
mod error;
mod media_protocol;
mod state;

use std::path::PathBuf;

use tauri::Manager;
use tauri_specta::{collect_commands, Builder};

/// One place that registers every command; the TypeScript bindings are
/// generated from it.
pub fn specta_builder() -> Builder<tauri::Wry> {
    use commands::{
        app::*, articles::*, export::*, media::*, preferences::*, revisions::*, site::*,
    };
    Builder::<tauri::Wry>::new().commands(collect_commands![
        site_current,
        site_open,
        site_create,
        site_recent,
        startup_problem,
        pick_folder,
        article_list,
        article_get,
        article_create,
        article_update,
        category_list,
        author_list,
        month_list,
        app_ready,
        revision_list,
        revision_get,
        revision_restore,
        preferences_get,
        preferences_set,
        preview_article,
        preview_home,
        export_site,
        export_article,
        article_portal_copy,
        media_import,
        media_import_data,
        media_list,
        media_get,
        media_update_text,
        media_set_edit,
        media_remove,
        pick_photos,
        export_article_zip,
        pick_zip_path,
        site_settings_get,
        site_settings_set,
    ])
}

/// TypeScript for `ui/src/bindings.ts`.
pub fn typescript_bindings() -> String {
    let ts = specta_typescript::Typescript::default()
        // Article ids stay far below 2^53; plain numbers are what the UI wants.
        .bigint(specta_typescript::BigIntExportBehavior::Number)
        .header("// Generated from the Rust commands by `cargo xtask bindings`. Do not edit.\n/* eslint-disable */");
    specta_builder()
        .export_str(ts)
        .expect("the command types export to TypeScript")
}

/// The folder for preferences and the sample site: `BANTIN_HOME` when set
/// (tests, portable installs), otherwise the platform's app data folder.
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    match std::env::var_os("BANTIN_HOME") {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => Ok(app.path().app_data_dir()?),
    }
}

pub fn run() {
    let started = state::Startup(std::time::Instant::now());
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .register_asynchronous_uri_scheme_protocol(media_protocol::SCHEME, media_protocol::handle)
        // Files dragged in from the file manager are the user's choice, like
        // a dialog's: Tauri tells the page, which asks for their import.
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                if let Some(state) = webview.try_state::<state::AppState>() {
                    state.allow_picked(paths.iter().cloned());
                }
            }
        })
        .setup(move |app| {
            let state = state::AppState::start(data_dir(app)?)?;
            app.manage(state);
            app.manage(started);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running Bản Tin");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when the committed bindings differ from what the Rust types
    /// produce; `cargo xtask bindings` rewrites them.
    #[test]
    fn committed_bindings_match_the_commands() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings.ts");
        let generated = typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &generated).expect("write bindings");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/bindings.ts is out of date: run `cargo xtask bindings` and commit it"
        );
    }

    #[test]
    fn every_registered_command_is_declared_to_the_acl() {
        let bindings = typescript_bindings();
        for name in command_names::NAMES {
            assert!(
                bindings.contains(&format!("\"{name}\"")),
                "{name} is declared in command_names.rs but not registered"
            );
        }
        let registered = bindings.matches("TAURI_INVOKE(\"").count();
        assert_eq!(
            registered,
            command_names::NAMES.len(),
            "a registered command is missing from command_names.rs"
        );
    }
}
