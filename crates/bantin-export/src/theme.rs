//! Themes: MiniJinja templates and static files. The default theme is built
//! in; a site overrides any file by putting one of the same name in its
//! `theme/` folder, so a unit can adapt its pages without rebuilding Bản Tin.

use std::sync::Arc;

use bantin_core::{Error, Folder, RelPath, Result};
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

/// A theme comes from elsewhere (the province, another office): its
/// templates run with limits. Fuel is MiniJinja's count of instructions:
/// the largest page of the default theme (a list of 20 with both side
/// blocks) takes about 20,000, so this is room for any honest theme while a
/// loop inside a loop stops in well under a second.
const FUEL: u64 = 5_000_000;
/// A page larger than this is refused (the default theme's are ~40 KB).
const MAX_PAGE_BYTES: usize = 8 << 20;
/// A template or static file larger than this is refused.
const MAX_THEME_FILE: u64 = 4 << 20;
const THEME_DIR: &str = "theme";

pub struct Theme {
    env: Environment<'static>,
    overrides: Option<Arc<Folder>>,
}

impl Theme {
    /// The default theme, with the files in the site's `theme/` folder
    /// taking precedence. Templates are read only from inside that folder:
    /// an include of `/etc/passwd` or `../site.db`, or through a link, is
    /// an error naming the template.
    pub fn load(site: &Folder) -> Result<Theme> {
        let dir = RelPath::name(THEME_DIR)?;
        let overrides = match site.kind(&dir)? {
            None => None,
            Some(_) => Some(Arc::new(site.folder(&dir, false)?)),
        };
        Ok(Theme::with(overrides))
    }

    /// The built-in theme alone.
    pub fn default_only() -> Theme {
        Theme::with(None)
    }

    fn with(overrides: Option<Arc<Folder>>) -> Theme {
        let mut env = Environment::new();
        env.set_formatter(html_formatter);
        env.set_fuel(Some(FUEL));
        let loader_dir = overrides.clone();
        env.set_loader(move |name| {
            if let Some(dir) = &loader_dir {
                if let Some(text) = theme_file(dir, name).map_err(loader_error)? {
                    let text = String::from_utf8(text).map_err(|_| {
                        loader_error(Error::invalid("theme", format!("{name}: not UTF-8 text")))
                    })?;
                    return Ok(Some(text));
                }
            }
            Ok(TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| (*t).to_owned()))
        });
        Theme { env, overrides }
    }

    pub fn render(&self, template: &str, context: impl Serialize) -> Result<String> {
        let failed = |reason: String| Error::Theme {
            template: template.to_owned(),
            reason,
        };
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| failed(format!("{e:#}")))?;
        let mut out = CappedOutput::default();
        let rendered = tmpl.render_captured_to(context, &mut out).map(|_| ());
        if out.over {
            return Err(failed(format!(
                "the page is larger than {} MB",
                MAX_PAGE_BYTES >> 20
            )));
        }
        rendered.map_err(|e| {
            if e.kind() == minijinja::ErrorKind::OutOfFuel {
                failed("the template runs too long (a loop that does not end?)".into())
            } else {
                failed(format!("{e:#}"))
            }
        })?;
        String::from_utf8(out.bytes).map_err(|_| failed("not UTF-8 text".into()))
    }

    /// A static file's bytes (`static/style.css`…), the site's own if it has
    /// one (read from inside its theme folder, never through a link).
    pub fn static_file(&self, name: &str) -> Option<Vec<u8>> {
        if let Some(dir) = &self.overrides {
            if let Ok(Some(bytes)) = theme_file(dir, name) {
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
            for name in dir.files(10_000).unwrap_or_default() {
                if let Ok(bytes) = dir.read(&name, MAX_THEME_FILE) {
                    files.push((format!("site:{name}"), bytes));
                }
            }
        }
        files.sort();
        crate::key::key_of(files)
    }
}

/// A file of the site's theme; `None` when the theme does not have it.
fn theme_file(dir: &Folder, name: &str) -> Result<Option<Vec<u8>>> {
    let rel = RelPath::parse(name)?;
    match dir.read(&rel, MAX_THEME_FILE) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn loader_error(e: Error) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
}

/// Collects a page, refusing to grow past `MAX_PAGE_BYTES`.
#[derive(Default)]
struct CappedOutput {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for CappedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_PAGE_BYTES {
            self.over = true;
            return Err(std::io::Error::other("page too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
