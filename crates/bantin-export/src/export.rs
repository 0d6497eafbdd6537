//! Writing the site folder: only files whose bytes changed are written, each
//! whole (temp file, then rename); files a previous export made and this
//! one does not are removed. What the export may touch is decided by
//! `target.rs`: only what its manifest says it wrote, never through a link,
//! never a file it did not make. The manifest is saved last, so an
//! interrupted export leaves every file whole (old or new) and is finished
//! by the next run.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use bantin_core::{Durability, Error, Folder, RelPath, Result, Site};
use serde::{Deserialize, Serialize};

use crate::model::SiteModel;
use crate::pages::{Made, Pages};
use crate::photos::{photo_files, published_files, Photos, PHOTO_DIR, RENDITION_LIMIT};
use crate::target::{FileRecord, Manifest, Target};
use crate::theme::Theme;

#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Also publish drafts, for a private look at the whole site.
    pub include_drafts: bool,
    /// Files the export did not make that are where it would write are
    /// renamed (`index.html` → `index.html.bak`) instead of stopping it.
    pub move_aside: bool,
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
    /// Files the export did not make that were in its way, renamed: each
    /// as `[from, to]` (only with `move_aside`).
    pub moved_aside: Vec<(String, String)>,
}

/// Stands for a rendition's bytes in the manifest: its name says them.
const NAMED_BY_CONTENT: &str = "rendition";

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
    // The output folder is read while the database is: what was written
    // before, and (one walk instead of a check per file) what is there, so
    // that a file deleted by hand is written again.
    let (model, target) = std::thread::scope(|s| {
        let folder = s.spawn(|| Target::open(out, options.move_aside));
        let model = SiteModel::load(&store, options.include_drafts);
        let target = folder.join().unwrap_or_else(|_| {
            Err(Error::io(
                out,
                std::io::Error::other("reading the folder failed"),
            ))
        });
        Ok::<_, Error>((model?, target?))
    })?;
    let site_folder = Folder::open(site.root())?;
    let theme = Theme::load(&site_folder)?;
    let year = time::OffsetDateTime::now_utc().year();
    let articles = model.entries.len();
    let photos = Photos::load(&store, &format!("../{PHOTO_DIR}/"))?;
    let pages = Pages::new(&model, &theme, &photos, year)?.with_images_key(photos.fingerprint());
    let mut new = Manifest::default();
    let (mut written, mut unchanged) = (0u32, 0u32);
    let reuse = |path: &str, key: u64| {
        target.ours(path)
            && target
                .old
                .files
                .get(path)
                .is_some_and(|f| f.key == Some(key))
    };
    let mut reused = Vec::new();
    let mut steps = 1;
    pages.site(
        &mut |revisions| store.revision_bodies(revisions),
        &reuse,
        &mut |file| {
            let Some(Made { bytes, print }) = file.made else {
                reused.push(file.path);
                return Ok(());
            };
            if target.ours(&file.path)
                && target
                    .old
                    .files
                    .get(&file.path)
                    .is_some_and(|f| f.print == print)
            {
                unchanged += 1;
            } else {
                target.put(&file.path, &bytes)?;
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
        if let Some(record) = target.old.files.get(&path) {
            unchanged += 1;
            new.files.insert(path, record.clone());
        }
    }
    let shown: BTreeSet<String> = new
        .files
        .values()
        .flat_map(|f| f.photos.iter().cloned())
        .collect();
    for (path, source) in photo_files(site, &store, shown.iter())? {
        let known = target
            .old
            .files
            .get(&path)
            .is_some_and(|f| f.print == NAMED_BY_CONTENT);
        if known && target.ours(&path) {
            unchanged += 1;
        } else {
            let bytes = site_folder.read(&source, RENDITION_LIMIT)?;
            target.put(&path, &bytes)?;
            written += 1;
        }
        let record = FileRecord {
            print: NAMED_BY_CONTENT.into(),
            key: None,
            photos: Vec::new(),
        };
        new.files.insert(path, record);
    }
    let removed = target.remove_stale(&new)?;
    target.save(&new)?;
    progress(steps, steps);
    Ok(ExportReport {
        articles: articles as u32,
        files: new.files.len() as u32,
        written,
        unchanged,
        removed,
        elapsed_ms: started.elapsed().as_millis().min(u128::from(u32::MAX)) as u32,
        moved_aside: target.moved_aside(),
    })
}

/// One article as a self-contained folder: `index.html` (the article page of
/// the theme, its links kept inside the folder), the stylesheet and the
/// article's photos (renditions) in `anh/`. Like a site export, it keeps a
/// manifest, so saving the article again into the same folder replaces its
/// own files and never someone else's.
pub fn export_article(site: &Site, id: i64, out: &Path, move_aside: bool) -> Result<()> {
    let target = Target::open(out, move_aside)?;
    let mut new = Manifest::default();
    for (name, bytes) in article_files(site, id)? {
        target.put(&name, &bytes)?;
        let print = crate::key::key_of(&bytes).to_string();
        let record = FileRecord {
            print,
            key: None,
            photos: Vec::new(),
        };
        new.files.insert(name, record);
    }
    target.remove_stale(&new)?;
    target.save(&new)
}

/// The same folder as one zip file, to send by e-mail or put on a USB stick.
/// Written whole under a temp name and renamed, so a failure leaves no half
/// zip and no other file of that folder is touched.
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
    let (Some(dir), Some(name)) = (out.parent(), out.file_name().and_then(|n| n.to_str())) else {
        return Err(Error::invalid("zip", "no file name"));
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Folder::create(dir)?.replace(&RelPath::name(name)?, &bytes, Durability::Synced)
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
