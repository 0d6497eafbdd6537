use tauri::State;

use crate::error::CommandResult;
use crate::state::Startup;

/// The UI calls this once its first rows are painted. With
/// `BANTIN_REPORT_STARTUP` set, the time since the process started is printed
/// for `cargo xtask bench-app`; otherwise nothing happens.
#[tauri::command(async)]
#[specta::specta]
pub async fn app_ready(startup: State<'_, Startup>) -> CommandResult<()> {
    if std::env::var_os("BANTIN_REPORT_STARTUP").is_some() {
        println!("bantin-ready-ms={}", startup.0.elapsed().as_millis());
    }
    Ok(())
}
