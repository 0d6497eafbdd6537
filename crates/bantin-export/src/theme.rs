//! Themes: MiniJinja templates and static files. The default theme is built
//! in; a site overrides any file by putting one of the same name in its
//! `theme/` folder, so a unit can adapt its pages without rebuilding Bản Tin.

use std::path::{Path, PathBuf};

use bantin_core::{Error, Result};
use minijinja::Environment;
use serde::Serialize;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../theme/default/base.html")),
    (
        "article.html",
        include_str!("../theme/default/article.html"),
    ),
    ("list.html", include_str!("../theme/default/list.html")),
    ("menu.html", include_str!("../theme/default/menu.html")),
    (
        "sidebar.html",
        include_str!("../theme/default/sidebar.html"),
    ),
    ("search.html", include_str!("../theme/default/search.html")),
    ("404.html", include_str!("../theme/default/404.html")),
];

/// Files copied as they are, relative to the site root.
pub const STATIC_FILES: &[(&str, &str)] = &[
    (
        "static/style.css",
        include_str!("../theme/default/static/style.css"),
    ),
    (
        "static/search.js",
        include_str!("../theme/default/static/search.js"),
    ),
];

/// MiniJinja's own HTML escaping also turns `/` into `&#x2f;`: valid, but
/// every URL of the site would read `bai-viet&#x2f;…` in the source a unit
/// hands to its web host. Escaping the five HTML-special characters is enough.
fn html_formatter(
    out: &mut minijinja::Output<'_>,
    state: &minijinja::State<'_, '_>,
    value: &minijinja::Value,
) -> std::result::Result<(), minijinja::Error> {
    if state.auto_escape() != minijinja::AutoEscape::Html || value.is_safe() || value.is_none() {
        return minijinja::escape_formatter(out, state, value);
    }
    let written = match value.as_str() {
        Some(s) => crate::render::escape_to(out, s),
        None if value.is_undefined() => Ok(()),
        None => crate::render::escape_to(out, &value.to_string()),
    };
    written.map_err(minijinja::Error::from)
}

pub struct Theme {
    env: Environment<'static>,
    overrides: Option<PathBuf>,
}

impl Theme {
    /// The default theme, with the files found in `overrides` taking precedence.
    pub fn load(overrides: Option<&Path>) -> Theme {
        let dir = overrides.filter(|d| d.is_dir()).map(Path::to_path_buf);
        let mut env = Environment::new();
        env.set_formatter(html_formatter);
        let loader_dir = dir.clone();
        env.set_loader(move |name| {
            if let Some(dir) = &loader_dir {
                if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
                    return Ok(Some(text));
                }
            }
            Ok(TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (*t).to_owned()))
        });
        Theme {
            env,
            overrides: dir,
        }
    }

    pub fn render(&self, template: &str, context: impl Serialize) -> Result<String> {
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| Error::invalid("theme", format!("{template}: {e}")))?;
        tmpl.render(context)
            .map_err(|e| Error::invalid("theme", format!("{template}: {e:#}")))
    }

    /// A static file's bytes (`static/style.css`…), the site's own if it has one.
    pub fn static_file(&self, name: &str) -> Option<Vec<u8>> {
        if let Some(dir) = &self.overrides {
            if let Ok(bytes) = std::fs::read(dir.join(name)) {
                return Some(bytes);
            }
        }
        STATIC_FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_bytes().to_vec())
    }

    /// A hash of every template and static file this theme uses, the
    /// site's own included: pages are rendered again when any changes.
    pub fn fingerprint(&self) -> u64 {
        let mut files: Vec<(String, Vec<u8>)> = TEMPLATES
            .iter()
            .chain(STATIC_FILES)
            .map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec()))
            .collect();
        if let Some(dir) = &self.overrides {
            for name in crate::export::files_under(dir) {
                if let Ok(bytes) = std::fs::read(dir.join(&name)) {
                    files.push((format!("site:{name}"), bytes));
                }
            }
        }
        files.sort();
        crate::key::key_of(files)
    }
}
