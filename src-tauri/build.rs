fn main() {
    // Declaring the app's commands makes the ACL check them: a command not
    // granted in a capability cannot be called from the webview.
    let manifest = tauri_build::AppManifest::new().commands(bantin_commands::NAMES);
    let attributes = tauri_build::Attributes::new()
        .app_manifest(manifest)
        .capabilities_path_pattern("src-tauri/capabilities/*.json");
    // Capabilities are compiled in: an edit to them must rebuild the app.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(attributes).expect("tauri build script");
}

mod bantin_commands {
    include!("src/command_names.rs");
}
