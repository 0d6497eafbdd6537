use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, RwLock};

use bantin_core::settings::{Preferences, Settings};
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
    /// Why the last used site did not open at start, to tell the user
    /// instead of silently showing another site.
    pub startup_problem: Option<CommandError>,
    /// Serialises read-modify-write of the settings file between commands.
    settings_lock: Mutex<()>,
    /// Read once: every autosave signs its revision with the writer's name.
    preferences: RwLock<Preferences>,
    /// Paths the user chose in a native dialog or dropped on the window.
    /// A command that writes or reads where the UI says takes only these,
    /// the recent sites and the app's own folder, so a webview made to run
    /// someone else's script still cannot name any other path.
    picked: Mutex<HashSet<PathBuf>>,
}

impl AppState {
    /// Opens the most recent site that still opens, or creates the sample
    /// site on first run.
    pub fn start(data_dir: PathBuf) -> bantin_core::Result<AppState> {
        let mut settings = Settings::load(&settings_path(&data_dir));
        let mut startup_problem = None;
        let mut opened = None;
        for path in &settings.recent_sites {
            match Site::open(path) {
                Ok(site) => {
                    opened = Some(site);
                    break;
                }
                Err(e) if startup_problem.is_none() => startup_problem = Some(e.into()),
                Err(_) => {}
            }
        }
        let site = match opened {
            Some(site) => site,
            None => bantin_core::sample::create_sample_site(&sample_dir(&data_dir))?,
        };
        settings.touch_site(site.root());
        settings.save(&settings_path(&data_dir))?;
        Ok(AppState {
            data_dir,
            site: RwLock::new(site),
            startup_problem,
            settings_lock: Mutex::new(()),
            preferences: RwLock::new(settings.preferences),
            picked: Mutex::default(),
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
        self.update_settings(|s| s.touch_site(site.root()))?;
        if let Ok(mut current) = self.site.write() {
            *current = site;
        }
        Ok(())
    }

    pub fn preferences(&self) -> Preferences {
        self.preferences
            .read()
            .map(|p| p.clone())
            .unwrap_or_default()
    }

    pub fn set_preferences(&self, preferences: &Preferences) -> bantin_core::Result<Preferences> {
        let preferences = preferences.normalized();
        self.update_settings(|s| s.preferences = preferences.clone())?;
        if let Ok(mut cached) = self.preferences.write() {
            *cached = preferences.clone();
        }
        Ok(preferences)
    }

    fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> bantin_core::Result<()> {
        let _guard = self.settings_lock.lock().unwrap_or_else(|e| e.into_inner());
        let path = settings_path(&self.data_dir);
        let mut settings = Settings::load(&path);
        change(&mut settings);
        settings.save(&path)
    }

    /// Records paths the user chose (a dialog, a drop).
    pub fn allow_picked(&self, paths: impl IntoIterator<Item = PathBuf>) {
        let mut picked = self.picked.lock().unwrap_or_else(|e| e.into_inner());
        picked.extend(paths);
    }

    /// `path` from the UI, if the user chose it, it is a recent site or it
    /// is inside the app's own folder; otherwise a refusal naming it.
    pub fn chosen_path(&self, path: &str) -> CommandResult<PathBuf> {
        let path = PathBuf::from(path);
        let plain = path.is_absolute()
            && !path
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::CurDir));
        let picked = || {
            self.picked
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&path)
        };
        let recent = || {
            Settings::load(&settings_path(&self.data_dir))
                .recent_sites
                .contains(&path)
        };
        if plain && (path.starts_with(&self.data_dir) || picked() || recent()) {
            return Ok(path);
        }
        Err(bantin_core::Error::unsafe_path(path, bantin_core::UnsafeReason::NotChosen).into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_paths_reach_the_commands() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let state = AppState::start(data.clone()).expect("start");
        let outside = dir.path().join("web");
        let typed = outside.to_string_lossy().into_owned();
        let refused = state.chosen_path(&typed).expect_err("not chosen");
        assert_eq!(refused.code, bantin_core::ErrorCode::UnsafePath);
        state.allow_picked([outside.clone()]);
        assert_eq!(state.chosen_path(&typed).expect("picked"), outside);
        let own = data.join("web").to_string_lossy().into_owned();
        assert!(state.chosen_path(&own).is_ok(), "the app's own folder");
        let sneaky = data.join("..").join("..").join("etc");
        assert!(state.chosen_path(&sneaky.to_string_lossy()).is_err());
        assert!(state.chosen_path("relative/web").is_err());
        let sample = state
            .site()
            .expect("site")
            .root()
            .to_string_lossy()
            .into_owned();
        assert!(state.chosen_path(&sample).is_ok(), "a recent site");
    }

    #[test]
    fn a_last_site_that_no_longer_opens_is_reported_and_another_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let gone = dir.path().join("removed-site");
        let mut settings = Settings::default();
        settings.touch_site(&gone);
        settings.save(&settings_path(&data)).expect("save");

        let state = AppState::start(data.clone()).expect("start");
        let problem = state
            .startup_problem
            .as_ref()
            .expect("the failure is kept for the UI");
        assert_eq!(problem.code, bantin_core::ErrorCode::NotASite);
        assert!(
            problem.message.contains("removed-site"),
            "{}",
            problem.message
        );
        assert_eq!(state.site().expect("site").root(), sample_dir(&data));

        let again = AppState::start(data).expect("second start");
        assert!(
            again.startup_problem.is_none(),
            "the sample site is now the last used"
        );
    }
}
