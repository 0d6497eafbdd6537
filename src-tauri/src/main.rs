// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    lighter_webkit_rendering();
    bantin_app::run();
}

/// WebKitGTK's DMA-BUF renderer (its default since 2.42) keeps a GPU
/// rendering path in the web process that costs about 90 MB at idle
/// (`cargo xtask bench-app`: 314 MB for the app's processes with it, 224 MB
/// without), for nothing a news editor needs; it is also the usual cause of
/// blank windows on NVIDIA drivers. Someone who sets the variable keeps
/// their choice.
#[cfg(target_os = "linux")]
fn lighter_webkit_rendering() {
    const VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(VARIABLE).is_none() {
        // Set before any thread starts; WebKit's processes inherit it.
        std::env::set_var(VARIABLE, "1");
    }
}
