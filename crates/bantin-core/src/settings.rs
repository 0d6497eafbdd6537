//! The app's own preferences (recent sites, the writer's name), kept in one
//! JSON file whose path the caller chooses.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::files::Durability;
use crate::names::RelPath;

const MAX_RECENT: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first; the first is opened at start.
    pub recent_sites: Vec<PathBuf>,
    #[serde(flatten)]
    pub preferences: Preferences,
}

/// What the writer sets in the app's preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Preferences {
    /// Recorded on every revision this person saves ("who" in the history).
    pub writer_name: String,
}

impl Preferences {
    pub fn normalized(&self) -> Preferences {
        Preferences {
            writer_name: crate::text::nfc(&self.writer_name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

impl Settings {
    /// Reads the file; a missing or unreadable file gives the defaults, since
    /// losing the recent list must never stop the app from starting.
    pub fn load(path: &Path) -> Settings {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).unwrap_or_default();
        let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
        else {
            return Err(Error::invalid("settings", "no file name"));
        };
        let folder = crate::files::Folder::create(dir)?;
        folder.replace(&RelPath::name(name)?, &json, Durability::Synced)
    }

    pub fn touch_site(&mut self, site: &Path) {
        self.recent_sites.retain(|p| p != site);
        self.recent_sites.insert(0, site.to_owned());
        self.recent_sites.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_sites_round_trip_most_recent_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prefs/settings.json");
        assert_eq!(Settings::load(&file), Settings::default());
        let mut s = Settings::default();
        s.touch_site(Path::new("/a"));
        s.touch_site(Path::new("/b"));
        s.touch_site(Path::new("/a"));
        s.save(&file).expect("save");
        let back = Settings::load(&file);
        assert_eq!(
            back.recent_sites,
            [PathBuf::from("/a"), PathBuf::from("/b")]
        );
    }

    #[test]
    fn corrupt_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("settings.json");
        std::fs::write(&file, b"{not json").expect("write");
        assert_eq!(Settings::load(&file), Settings::default());
    }

    #[test]
    fn writer_name_is_kept_cleaned_beside_recent_sites() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("settings.json");
        let mut s = Settings::default();
        s.touch_site(Path::new("/a"));
        s.preferences = Preferences {
            writer_name: "  Kim  Hue\u{0302}\u{0323} ".into(),
        }
        .normalized();
        s.save(&file).expect("save");
        let back = Settings::load(&file);
        assert_eq!(back.preferences.writer_name, "Kim Huệ");
        assert_eq!(back.recent_sites, [PathBuf::from("/a")]);
    }
}
