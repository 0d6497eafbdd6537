//! Writing the site folder: only files whose bytes changed are written, each
//! atomically (temp file, then rename); files a previous export made and this
//! one does not are removed. The manifest of what Bản Tin wrote is saved last,
//! so files the user put in the folder are never touched and an interrupted
//! export leaves every file whole (old or new) and is finished by the next run.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use bantin_core::settings::write_atomic;
use bantin_core::{Error, Result, Site};
use serde::{Deserialize, Serialize};

use crate::model::SiteModel;
use crate::pages::{Made, Pages};
use crate::photos::{photo_files, published_files, Photos, PHOTO_DIR};
use crate::theme::Theme;

const MANIFEST: &str = ".bantin-export.json";

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Also publish drafts, for a private look at the whole site.
    pub include_drafts: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportReport {
    pub articles: u32,
    /// Files the site has.
    pub files: u32,
    /// Files written because their bytes changed (or are new).
    pub written: u32,
    /// Files left alone because they were already right.
    pub unchanged: u32,
    /// Files of an earlier export this one no longer produces.
    pub removed: u32,
    pub elapsed_ms: u32,
}

#[derive(Default, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, FileRecord>,
}

#[derive(Clone, Serialize, Deserialize)]
struct FileRecord {
    /// Hash and length of the bytes written.
    print: String,
    /// Hash of what the page was made from, for pages that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<u64>,
    /// The photos an article page shows, for the `anh/` folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    photos: Vec<String>,
}

/// Stands for a rendition's bytes in the manifest: its name says them.
const NAMED_BY_CONTENT: &str = "rendition";

/// Paths of the files under `root`, relative to it with `/` separators.
pub(crate) fn files_under(root: &Path) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut folders = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            match entry.file_type() {
                Ok(t) if t.is_dir() => folders.push((entry.path(), format!("{prefix}{name}/"))),
                Ok(t) if t.is_file() => {
                    found.insert(format!("{prefix}{name}"));
                }
                _ => {}
            }
        }
    }
    found
}

/// Writes a file of the site. One that replaces a file goes to a temp file
/// then is renamed over it, so a reader never sees half a page and an
/// interrupted export leaves the old page; a new file is written in place
/// (there is nothing to keep, and a half-written one is not in the manifest,
/// so the next export writes it again). No fsync: an export can always be
/// run again, so it does not pay a disk sync per page (the manifest, written
/// last, is synced).
#[derive(Default)]
struct Writer {
    folders_made: HashSet<PathBuf>,
}

impl Writer {
    fn write(&mut self, path: &Path, bytes: &[u8], replaces: bool) -> Result<()> {
        if let Some(dir) = path.parent() {
            if !self.folders_made.contains(dir) {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                self.folders_made.insert(dir.to_path_buf());
            }
        }
        if !replaces {
            return std::fs::write(path, bytes).map_err(|e| Error::io(path, e));
        }
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".bantin-tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    }
}

/// Exports the site to `out`. `progress(done, total)` is called as pages
/// are made and written; the last step (photos, manifest) counts as one.
pub fn export_site(
    site: &Site,
    out: &Path,
    options: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport> {
    let started = Instant::now();
    let store = site.store()?;
    let manifest_path = out.join(MANIFEST);
    // The output folder is read while the database is: what was written
    // before, and (one walk instead of a check per file) what is there, so
    // that a file deleted by hand is written again.
    let (model, (mut old, present)) = std::thread::scope(|s| {
        let folder = s.spawn(|| -> Result<(Manifest, HashSet<String>)> {
            std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
            let old: Manifest = std::fs::read(&manifest_path)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default();
            Ok((old, files_under(out)))
        });
        let model = SiteModel::load(&store, options.include_drafts);
        let folder = folder.join().unwrap_or_else(|_| {
            Err(Error::io(
                out,
                std::io::Error::other("reading the folder failed"),
            ))
        });
        Ok::<_, Error>((model?, folder?))
    })?;
    let theme = Theme::load(Some(&site.root().join("theme")));
    let year = time::OffsetDateTime::now_utc().year();
    let articles = model.entries.len();
    let photos = Photos::load(&store, &format!("../{PHOTO_DIR}/"))?;
    let pages = Pages::new(&model, &theme, &photos, year)?.with_images_key(photos.fingerprint());
    let mut new = Manifest::default();
    let (mut written, mut unchanged) = (0u32, 0u32);
    let reuse = |path: &str, key: u64| {
        old.files.get(path).is_some_and(|f| f.key == Some(key)) && present.contains(path)
    };
    let mut reused = Vec::new();
    let mut steps = 1;
    let mut writer = Writer::default();
    pages.site(
        &mut |revisions| store.revision_bodies(revisions),
        &reuse,
        &mut |file| {
            let Some(Made { bytes, print }) = file.made else {
                reused.push(file.path);
                return Ok(());
            };
            let there = present.contains(&file.path);
            if there && old.files.get(&file.path).is_some_and(|f| f.print == print) {
                unchanged += 1;
            } else {
                writer.write(&out.join(&file.path), &bytes, there)?;
                written += 1;
            }
            let record = FileRecord {
                print,
                key: file.key,
                photos: file.photos.unwrap_or_default(),
            };
            new.files.insert(file.path, record);
            Ok(())
        },
        &mut |done, total| {
            steps = total + 1;
            progress(done, steps);
        },
    )?;
    for path in reused {
        if let Some(record) = old.files.remove(&path) {
            unchanged += 1;
            new.files.insert(path, record);
        }
    }
    let shown: std::collections::BTreeSet<String> = new
        .files
        .values()
        .flat_map(|f| f.photos.iter().cloned())
        .collect();
    for (path, source) in photo_files(site, &store, shown.iter())? {
        let target = out.join(&path);
        let known = old
            .files
            .get(&path)
            .is_some_and(|f| f.print == NAMED_BY_CONTENT);
        let there = present.contains(&path);
        if known && there {
            unchanged += 1;
        } else {
            let bytes = std::fs::read(&source).map_err(|e| Error::io(&source, e))?;
            writer.write(&target, &bytes, there)?;
            written += 1;
        }
        let record = FileRecord {
            print: NAMED_BY_CONTENT.into(),
            key: None,
            photos: Vec::new(),
        };
        new.files.insert(path, record);
    }
    let mut removed = 0u32;
    for path in old.files.keys().filter(|p| !new.files.contains_key(*p)) {
        let target = out.join(path);
        match std::fs::remove_file(&target) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&target, e)),
        }
    }
    let json = serde_json::to_vec(&new).unwrap_or_default();
    write_atomic(&manifest_path, &json)?;
    progress(steps, steps);
    Ok(ExportReport {
        articles: articles as u32,
        files: new.files.len() as u32,
        written,
        unchanged,
        removed,
        elapsed_ms: started.elapsed().as_millis().min(u128::from(u32::MAX)) as u32,
    })
}

/// One article as a self-contained folder: `index.html` (the article page of
/// the theme, its links kept inside the folder), the stylesheet and the
/// article's photos (renditions) in `anh/`.
pub fn export_article(site: &Site, id: i64, out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let mut writer = Writer::default();
    for (name, bytes) in article_files(site, id)? {
        writer.write(&out.join(name), &bytes, true)?;
    }
    Ok(())
}

/// The same folder as one zip file, to send by e-mail or put on a USB stick.
/// Written to a temp file and renamed, so a failure leaves no half zip.
pub fn export_article_zip(site: &Site, id: i64, out: &Path) -> Result<()> {
    use std::io::Write;
    let files = article_files(site, id)?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let zip_error = |e: zip::result::ZipError| Error::io(out, std::io::Error::other(e));
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(&bytes).map_err(|e| Error::io(out, e))?;
    }
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    write_atomic(out, &bytes)
}

/// The files of a one-article folder, paths relative to it.
fn article_files(site: &Site, id: i64) -> Result<Vec<(String, Vec<u8>)>> {
    let store = site.store()?;
    let article = store.article(id)?;
    let photos = Photos::load(&store, &format!("{PHOTO_DIR}/"))?;
    let mut files = published_files(site, &store, std::iter::once(article.body.as_str()))?;
    let (page, theme) = crate::preview::article_page(site, &store, article, &photos)?;
    // The article page lives one folder down in a site; here it is the root,
    // so its `../` links are rewritten to stay in the folder.
    let html = String::from_utf8_lossy(&page).replace("href=\"../", "href=\"");
    files.push(("index.html".into(), html.into_bytes()));
    for (name, _) in crate::theme::STATIC_FILES {
        if let Some(bytes) = theme.static_file(name) {
            files.push(((*name).to_owned(), bytes));
        }
    }
    Ok(files)
}

/// The article body as clean, class-free HTML for a portal's editor, with the
/// title and sapo first and the byline last, as portals publish them.
pub fn article_fragment(site: &Site, id: i64) -> Result<String> {
    let store = site.store()?;
    let a = store.article(id)?;
    let photos = Photos::load(&store, &format!("{PHOTO_DIR}/"))?;
    let esc = crate::render::escape;
    let mut html = String::new();
    if !a.sapo.is_empty() {
        html.push_str(&format!("<p><strong>{}</strong></p>\n", esc(&a.sapo)));
    }
    html.push_str(&crate::render::render_body_as(
        &a.body,
        &photos,
        crate::render::Flavor::Portal,
    ));
    let byline = a.byline();
    if !byline.is_empty() {
        html.push_str(&format!("<p><strong>{}</strong></p>\n", esc(&byline)));
    }
    Ok(html)
}

/// The article as plain text for portals that take no HTML: sapo, body
/// blocks separated by blank lines, figure captions, and the byline.
pub fn article_plain_text(site: &Site, id: i64) -> Result<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let a = site.store()?.article(id)?;
    let mut blocks: Vec<String> = Vec::new();
    if !a.sapo.is_empty() {
        blocks.push(a.sapo.clone());
    }
    let mut current = String::new();
    let mut in_image = 0;
    for event in Parser::new_ext(&a.body, bantin_core::markdown::options()) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) if in_image == 0 => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableRow,
            ) => {
                let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if !block.is_empty() {
                    blocks.push(block);
                }
                current.clear();
            }
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            _ => {}
        }
    }
    let byline = a.byline();
    if !byline.is_empty() {
        blocks.push(byline);
    }
    Ok(blocks.join("\n\n"))
}
