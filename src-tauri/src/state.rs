use std::path::{Path, PathBuf};
use std::sync::RwLock;

use bantin_core::settings::Settings;
use bantin_core::Site;

use crate::error::{CommandError, CommandResult};

/// When the process started, for the start-up measurement.
pub struct Startup(pub std::time::Instant);

/// What the app remembers between commands: where its preferences live and
/// which site is open. Database connections are not kept here; each command
/// opens its own on a blocking thread.
pub struct AppState {
    pub data_dir: PathBuf,
    site: RwLock<Site>,
}

impl AppState {
    /// Opens the most recent site that still opens, or creates the sample
    /// site on first run.
    pub fn start(data_dir: PathBuf) -> bantin_core::Result<AppState> {
        let mut settings = Settings::load(&settings_path(&data_dir));
        let site = settings
            .recent_sites
            .iter()
            .find_map(|p| Site::open(p).ok())
            .map(Ok)
            .unwrap_or_else(|| bantin_core::sample::create_sample_site(&sample_dir(&data_dir)))?;
        settings.touch_site(site.root());
        settings.save(&settings_path(&data_dir))?;
        Ok(AppState {
            data_dir,
            site: RwLock::new(site),
        })
    }

    pub fn site(&self) -> CommandResult<Site> {
        self.site
            .read()
            .map(|s| s.clone())
            .map_err(|_| CommandError::internal("site lock poisoned"))
    }

    /// Makes `site` current and first in the recent list.
    pub fn switch_to(&self, site: Site) -> bantin_core::Result<()> {
        let path = settings_path(&self.data_dir);
        let mut settings = Settings::load(&path);
        settings.touch_site(site.root());
        settings.save(&path)?;
        if let Ok(mut current) = self.site.write() {
            *current = site;
        }
        Ok(())
    }

    pub fn recent(&self) -> Vec<String> {
        Settings::load(&settings_path(&self.data_dir))
            .recent_sites
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect()
    }
}

fn settings_path(data_dir: &Path) -> PathBuf {
    data_dir.join("settings.json")
}

fn sample_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("Trang mẫu")
}
