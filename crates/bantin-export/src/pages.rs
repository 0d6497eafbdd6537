//! Every file of the exported site, made from the model and handed over one
//! by one (pages whose inputs have not changed are not made again). Writing
//! them is `export.rs`'s job.

use std::collections::{BTreeMap, HashMap};

use bantin_core::text::slugify;
use bantin_core::Result;
use serde::Serialize;
use serde_json::{json, Value};

use crate::key::key_of;
use crate::model::{category_page, search_text, tag_page, Entry, SiteModel};
use crate::photos::photos_in;
use crate::render::{escape, render_body, ImageResolver};
use crate::theme::{Theme, STATIC_FILES};

/// Articles per list page.
pub const PAGE_SIZE: usize = 20;
const SIDE_LATEST: usize = 8;
const FEED_ITEMS: usize = 20;
const RELATED: usize = 5;

/// A file of the site as it is produced.
pub struct SiteFile {
    /// Relative to the site root.
    pub path: String,
    /// Hash of everything the page is made from, when it has one: a page
    /// whose inputs hash as they did for the file already written is not
    /// rendered again.
    pub key: Option<u64>,
    /// `None` when `reuse` said the file written before is still right.
    pub bytes: Option<Vec<u8>>,
    /// For an article page rendered now: content hashes of its photos.
    pub photos: Option<Vec<String>>,
}

/// Says whether the file at a path, last made from inputs hashing to `key`,
/// is still right.
pub type Reuse<'r> = &'r dyn Fn(&str, u64) -> bool;
/// Reads the bodies of these revisions (the model holds none).
pub type Bodies<'b> = &'b mut dyn FnMut(&[i64]) -> Result<HashMap<i64, String>>;
type Sink<'s> = &'s mut dyn FnMut(SiteFile) -> Result<()>;

/// What a list or a related block shows of an article.
fn shown(e: &Entry) -> (&str, &str, &str, &str, Option<&str>) {
    (
        &e.article.title,
        &e.url,
        &e.date,
        &e.article.sapo,
        e.article.category.as_deref(),
    )
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    url: String,
    date: String,
}

fn link(e: &Entry) -> Link {
    Link {
        title: e.article.title.clone(),
        url: e.url.clone(),
        date: e.date.clone(),
    }
}

pub struct Pages<'a> {
    model: &'a SiteModel,
    theme: &'a Theme,
    images: &'a (dyn ImageResolver + Sync),
    /// Built once: every page shares it (site, menu, side blocks).
    common: minijinja::Value,
    /// Hash of `common`, the theme and this version of Bản Tin.
    common_key: u64,
    /// Hash of what the photos resolve to; article pages depend on it.
    images_key: u64,
    /// The newest articles of each category, enough for related blocks.
    newest_by_category: HashMap<&'a str, Vec<&'a Entry>>,
}

impl<'a> Pages<'a> {
    pub fn new(
        model: &'a SiteModel,
        theme: &'a Theme,
        images: &'a (dyn ImageResolver + Sync),
        year: i32,
    ) -> Pages<'a> {
        let menu: Vec<Value> = model
            .categories
            .iter()
            .filter(|(path, _)| !path.contains('/'))
            .map(|(path, page)| json!({ "name": path, "url": format!("{page}.html") }))
            .collect();
        let documents: Vec<Link> = model
            .entries
            .iter()
            .filter(|e| {
                e.article.category.as_deref() == Some(model.meta.documents_category.as_str())
            })
            .take(SIDE_LATEST)
            .map(link)
            .collect();
        let documents = (!documents.is_empty()).then(|| {
            json!({
                "title": model.meta.documents_category,
                "url": format!("{}.html", category_page(&model.meta.documents_category)),
                "items": documents,
            })
        });
        let common = json!({
            "site": model.meta,
            "menu": menu,
            "latest": model.entries.iter().take(SIDE_LATEST).map(link).collect::<Vec<_>>(),
            "documents": documents,
            "year": year,
        });
        let common_key = key_of((
            env!("CARGO_PKG_VERSION"),
            common.to_string(),
            theme.fingerprint(),
        ));
        let mut newest_by_category: HashMap<&str, Vec<&Entry>> = HashMap::new();
        for e in &model.entries {
            if let Some(category) = e.article.category.as_deref() {
                let newest = newest_by_category.entry(category).or_default();
                if newest.len() <= RELATED {
                    newest.push(e);
                }
            }
        }
        Pages {
            model,
            theme,
            images,
            common: minijinja::Value::from_serialize(&common),
            common_key,
            images_key: 0,
            newest_by_category,
        }
    }

    /// Sets the hash of the photos' renditions, so that article pages are
    /// rendered again when a photo's renditions change.
    pub fn with_images_key(mut self, key: u64) -> Self {
        self.images_key = key;
        self
    }

    fn page(&self, template: &str, root: &str, title: &str, extra: Value) -> Result<Vec<u8>> {
        let ctx = minijinja::value::merge_maps([
            minijinja::context! { root => root, page_title => title },
            minijinja::Value::from_serialize(&extra),
            self.common.clone(),
        ]);
        Ok(self.theme.render(template, ctx)?.into_bytes())
    }

    fn page_title(&self, title: &str) -> String {
        if self.model.meta.name.is_empty() {
            title.to_owned()
        } else {
            format!("{title} - {}", self.model.meta.name)
        }
    }

    pub fn article_page(&self, e: &Entry) -> Result<Vec<u8>> {
        self.article_page_with(e, &e.article.body)
    }

    /// The newest other articles of the same category.
    fn related(&self, e: &Entry) -> Vec<&Entry> {
        let Some(newest) = e
            .article
            .category
            .as_deref()
            .and_then(|c| self.newest_by_category.get(c))
        else {
            return Vec::new();
        };
        newest
            .iter()
            .copied()
            .filter(|o| o.article.id != e.article.id)
            .take(RELATED)
            .collect()
    }

    /// Everything an article page is made from: its revision stands for its
    /// own text, the rest is where it sits in the site.
    fn article_key(&self, e: &Entry) -> u64 {
        let related: Vec<_> = self.related(e).into_iter().map(shown).collect();
        key_of((
            self.common_key,
            self.images_key,
            e.article.revision_id,
            &e.url,
            &e.date,
            &e.datetime,
            &e.category_url,
            related,
        ))
    }

    fn article_page_with(&self, e: &Entry, body: &str) -> Result<Vec<u8>> {
        let a = &e.article;
        let related: Vec<Link> = self.related(e).into_iter().map(link).collect();
        let article = json!({
            "title": a.title,
            "url": e.url,
            "date": e.date,
            "datetime": e.datetime,
            "sapo": a.sapo,
            "body": render_body(body, self.images),
            "authors": a.authors,
            "unit": a.unit,
            "byline": a.byline(),
            "category": a.category.as_ref().map(|c| json!({ "name": c, "url": e.category_url })),
            "tags": a.tags.iter().map(|t| json!({ "name": t, "url": format!("{}.html", tag_page(t)) })).collect::<Vec<_>>(),
        });
        self.page(
            "article.html",
            "../",
            &self.page_title(&a.title),
            json!({ "article": article, "related": related }),
        )
    }

    /// A list and its archive pages. The first page (`base.html`) shows the
    /// newest articles; archive pages are numbered from the oldest, so a new
    /// article changes the first page and the newest archive page, not every
    /// page of the archive.
    fn list_pages(
        &self,
        sink: Sink,
        reuse: Reuse,
        base: &str,
        heading: &str,
        entries: &[&Entry],
        first_only: bool,
    ) -> Result<()> {
        let root = if base.contains('/') { "../" } else { "" };
        let archive_count = entries.len().div_ceil(PAGE_SIZE).max(1);
        let archive_url = |k: usize| format!("{base}-trang-{k}.html");
        let first_url = format!("{base}.html");
        let item = |e: &&Entry| {
            json!({
                "title": e.article.title, "url": e.url, "date": e.date,
                "sapo": e.article.sapo, "category": e.article.category,
            })
        };
        let pagination = |current: Option<usize>| -> Value {
            if archive_count <= 1 {
                return Value::Null;
            }
            let pages: Vec<Value> = (1..=archive_count)
                .rev()
                .map(|k| json!({ "label": k.to_string(), "url": archive_url(k), "current": Some(k) == current }))
                .collect();
            let (prev, next) = match current {
                None => (String::new(), archive_url(archive_count - 1)),
                Some(k) => (
                    if k == archive_count {
                        first_url.clone()
                    } else {
                        archive_url(k + 1)
                    },
                    if k > 1 {
                        archive_url(k - 1)
                    } else {
                        String::new()
                    },
                ),
            };
            json!({ "pages": pages, "prev": prev, "next": next })
        };
        // A list page is made from what it shows of its articles, its place
        // in the archive and the shared blocks.
        let mut emit = |path: String, title: String, page: Option<usize>, items: &[&Entry]| {
            let key = key_of((
                self.common_key,
                root,
                &title,
                page,
                archive_count,
                items.iter().map(|e| shown(e)).collect::<Vec<_>>(),
            ));
            let bytes = if reuse(&path, key) {
                None
            } else {
                let shown_items: Vec<Value> = items.iter().map(item).collect();
                let heading = if page.is_some() {
                    title.as_str()
                } else {
                    heading
                };
                Some(self.page(
                    "list.html",
                    root,
                    &self.page_title(&title),
                    json!({ "heading": heading, "items": shown_items, "pagination": pagination(page) }),
                )?)
            };
            sink(SiteFile {
                path,
                key: Some(key),
                bytes,
                photos: None,
            })
        };
        let newest: Vec<&Entry> = entries.iter().take(PAGE_SIZE).copied().collect();
        emit(first_url.clone(), heading.to_owned(), None, &newest)?;
        if archive_count > 1 && !first_only {
            let oldest_first: Vec<&Entry> = entries.iter().rev().copied().collect();
            for k in 1..=archive_count {
                let chunk: Vec<&Entry> = oldest_first
                    [(k - 1) * PAGE_SIZE..(k * PAGE_SIZE).min(oldest_first.len())]
                    .iter()
                    .rev()
                    .copied()
                    .collect();
                emit(
                    archive_url(k),
                    format!("{heading} - Trang {k}"),
                    Some(k),
                    &chunk,
                )?;
            }
        }
        Ok(())
    }

    fn home_heading(&self) -> String {
        if self.model.meta.name.is_empty() {
            "Tin mới".to_owned()
        } else {
            self.model.meta.name.clone()
        }
    }

    /// `index.html` alone, for the preview.
    pub fn home_page(&self) -> Result<Vec<u8>> {
        let mut home = None;
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        self.list_pages(
            &mut |file| {
                home = file.bytes;
                Ok(())
            },
            &|_, _| false,
            "index",
            &self.home_heading(),
            &all,
            true,
        )?;
        Ok(home.unwrap_or_default())
    }

    /// Every file of the site, handed to `sink` as it is made, so the site
    /// is never all in memory. Pages whose inputs `reuse` knows are not
    /// rendered; `bodies` is asked only for the articles that are.
    /// `progress(done, total)` follows the article pages.
    pub fn site(
        &self,
        bodies: Bodies,
        reuse: Reuse,
        sink: Sink,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        let mut html_paths = Vec::new();
        let mut emit = |file: SiteFile| {
            if file.path.ends_with(".html") && file.path != "404.html" {
                html_paths.push(file.path.clone());
            }
            sink(file)
        };
        self.article_pages(bodies, reuse, &mut emit, progress)?;
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        self.list_pages(&mut emit, reuse, "index", &self.home_heading(), &all, false)?;
        for (path, page) in &self.model.categories {
            let items: Vec<&Entry> = all
                .iter()
                .copied()
                .filter(|e| {
                    e.article
                        .category
                        .as_deref()
                        .is_some_and(|c| c == path || c.starts_with(&format!("{path}/")))
                })
                .collect();
            if !items.is_empty() {
                self.list_pages(&mut emit, reuse, page, path, &items, false)?;
            }
        }
        let mut tags: BTreeMap<String, (String, Vec<&Entry>)> = BTreeMap::new();
        for e in &all {
            for t in &e.article.tags {
                tags.entry(slugify(t))
                    .or_insert_with(|| (t.clone(), Vec::new()))
                    .1
                    .push(e);
            }
        }
        for (_, (name, items)) in tags {
            self.list_pages(
                &mut emit,
                reuse,
                &tag_page(&name),
                &format!("Thẻ: {name}"),
                &items,
                false,
            )?;
        }
        // The index is made from what it shows of every article: made again
        // only when one of those changes.
        let index_key = key_of((
            env!("CARGO_PKG_VERSION"),
            self.model
                .entries
                .iter()
                .map(|e| (shown(e), &e.article.authors, &e.article.unit))
                .collect::<Vec<_>>(),
        ));
        let index_files = ["static/search-index.js", "search-index.json"];
        let made = if index_files.iter().all(|p| reuse(p, index_key)) {
            [None, None]
        } else {
            let (script, json) = self.search_index();
            [Some(script), Some(json)]
        };
        for (path, bytes) in index_files.into_iter().zip(made) {
            emit(SiteFile {
                path: path.to_owned(),
                key: Some(index_key),
                bytes,
                photos: None,
            })?;
        }
        let mut plain = |path: &str, bytes: Vec<u8>| {
            emit(SiteFile {
                path: path.to_owned(),
                key: None,
                bytes: Some(bytes),
                photos: None,
            })
        };
        plain(
            "404.html",
            self.page(
                "404.html",
                "",
                &self.page_title("Không tìm thấy trang"),
                json!({}),
            )?,
        )?;
        plain(
            "tim-kiem.html",
            self.page("search.html", "", &self.page_title("Tìm kiếm"), json!({}))?,
        )?;
        plain("feed.xml", self.feed().into_bytes())?;
        for (name, _) in STATIC_FILES {
            if let Some(bytes) = self.theme.static_file(name) {
                plain(name, bytes)?;
            }
        }
        // In path order, whichever pages were rendered this time.
        html_paths.sort_unstable();
        let sitemap = self.sitemap(&html_paths).into_bytes();
        sink(SiteFile {
            path: "sitemap.xml".into(),
            key: None,
            bytes: Some(sitemap),
            photos: None,
        })
    }

    /// Article pages, those to render on every core, in waves so that the
    /// progress bar moves and only a wave's bodies are in memory.
    fn article_pages(
        &self,
        bodies: Bodies,
        reuse: Reuse,
        sink: Sink,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        let total = self.model.entries.len();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let per_thread = 64;
        let mut done = 0;
        for wave in self.model.entries.chunks(threads * per_thread) {
            let keyed: Vec<(&Entry, u64)> = wave.iter().map(|e| (e, self.article_key(e))).collect();
            let (kept, todo): (Vec<_>, Vec<_>) =
                keyed.into_iter().partition(|(e, key)| reuse(&e.url, *key));
            for (e, key) in kept {
                sink(SiteFile {
                    path: e.url.clone(),
                    key: Some(key),
                    bytes: None,
                    photos: None,
                })?;
            }
            let revisions: Vec<i64> = todo.iter().map(|(e, _)| e.article.revision_id).collect();
            let texts = if revisions.is_empty() {
                HashMap::new()
            } else {
                bodies(&revisions)?
            };
            let texts = &texts;
            let rendered: Vec<Result<Vec<SiteFile>>> = std::thread::scope(|s| {
                let handles: Vec<_> = todo
                    .chunks(per_thread)
                    .map(|part| {
                        s.spawn(move || {
                            part.iter()
                                .map(|(e, key)| {
                                    let body = texts
                                        .get(&e.article.revision_id)
                                        .map_or(e.article.body.as_str(), String::as_str);
                                    Ok(SiteFile {
                                        path: e.url.clone(),
                                        key: Some(*key),
                                        bytes: Some(self.article_page_with(e, body)?),
                                        photos: Some(
                                            photos_in(std::iter::once(body)).into_iter().collect(),
                                        ),
                                    })
                                })
                                .collect::<Result<Vec<_>>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(bantin_core::Error::invalid(
                                "theme",
                                "a page failed to render",
                            ))
                        })
                    })
                    .collect()
            });
            for files in rendered {
                for file in files? {
                    sink(file)?;
                }
            }
            done += wave.len();
            progress(done, total);
        }
        Ok(())
    }

    /// The search index as a script (a page opened from disk cannot fetch()
    /// JSON; a script loads anywhere) and as JSON.
    fn search_index(&self) -> (Vec<u8>, Vec<u8>) {
        let articles: Vec<Value> = self
            .model
            .entries
            .iter()
            .map(|e| json!({ "t": e.article.title, "u": e.url, "d": e.date, "s": e.article.sapo, "f": search_text(&e.article) }))
            .collect();
        let index = json!({ "articles": articles });
        let text = serde_json::to_string(&index).unwrap_or_default();
        (
            format!("window.BANTIN_SEARCH_INDEX = {text};\n").into_bytes(),
            text.into_bytes(),
        )
    }

    fn absolute(&self, path: &str) -> String {
        match &self.model.meta.base_url {
            Some(base) => format!("{base}{path}"),
            None => path.to_owned(),
        }
    }

    fn feed(&self) -> String {
        let m = &self.model.meta;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n",
        );
        xml.push_str(&format!("<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>vi</language>\n",
            escape(&m.name), escape(&self.absolute("index.html")), escape(&m.description)));
        for e in self.model.entries.iter().take(FEED_ITEMS) {
            let t = crate::model::parse_time(&e.article.created_at);
            let date = t
                .format(&time::format_description::well_known::Rfc2822)
                .unwrap_or_default();
            xml.push_str(&format!(
                "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"false\">bantin-{}</guid>\n<pubDate>{}</pubDate>\n<description>{}</description>\n</item>\n",
                escape(&e.article.title), escape(&self.absolute(&e.url)), e.article.id, date, escape(&e.article.sapo)
            ));
        }
        xml.push_str("</channel>\n</rss>\n");
        xml
    }

    fn sitemap(&self, paths: &[String]) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for p in paths {
            xml.push_str(&format!(
                "<url><loc>{}</loc></url>\n",
                escape(&self.absolute(p))
            ));
        }
        xml.push_str("</urlset>\n");
        xml
    }
}
