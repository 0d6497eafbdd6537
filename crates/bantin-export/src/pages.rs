//! Every file of the exported site, as path → bytes, built in memory from the
//! model. Writing them is `export.rs`'s job.

use std::collections::BTreeMap;

use bantin_core::text::slugify;
use bantin_core::Result;
use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{category_page, search_text, tag_page, Entry, SiteModel};
use crate::render::{escape, render_body, ImageResolver};
use crate::theme::{Theme, STATIC_FILES};

/// Articles per list page.
pub const PAGE_SIZE: usize = 20;
const SIDE_LATEST: usize = 8;
const FEED_ITEMS: usize = 20;
const RELATED: usize = 5;

/// A file of the site: its path relative to the root, and its bytes.
type RenderedPage = (String, Vec<u8>);

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
        Pages {
            model,
            theme,
            images,
            common: minijinja::Value::from_serialize(&common),
        }
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
        let a = &e.article;
        let related: Vec<Link> = self
            .model
            .entries
            .iter()
            .filter(|o| {
                o.article.id != a.id && o.article.category == a.category && a.category.is_some()
            })
            .take(RELATED)
            .map(link)
            .collect();
        let article = json!({
            "title": a.title,
            "url": e.url,
            "date": e.date,
            "datetime": e.datetime,
            "sapo": a.sapo,
            "body": render_body(&a.body, self.images),
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
        out: &mut BTreeMap<String, Vec<u8>>,
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
        let newest: Vec<Value> = entries.iter().take(PAGE_SIZE).map(item).collect();
        out.insert(
            first_url.clone(),
            self.page(
                "list.html",
                root,
                &self.page_title(heading),
                json!({ "heading": heading, "items": newest, "pagination": pagination(None) }),
            )?,
        );
        if archive_count > 1 && !first_only {
            let oldest_first: Vec<&&Entry> = entries.iter().rev().collect();
            for k in 1..=archive_count {
                let chunk =
                    &oldest_first[(k - 1) * PAGE_SIZE..(k * PAGE_SIZE).min(oldest_first.len())];
                let items: Vec<Value> = chunk.iter().rev().map(|e| item(e)).collect();
                let title = format!("{heading} - Trang {k}");
                out.insert(
                    archive_url(k),
                    self.page(
                        "list.html",
                        root,
                        &self.page_title(&title),
                        json!({ "heading": title, "items": items, "pagination": pagination(Some(k)) }),
                    )?,
                );
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
        let mut out = BTreeMap::new();
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        self.list_pages(&mut out, "index", &self.home_heading(), &all, true)?;
        Ok(out.remove("index.html").unwrap_or_default())
    }

    /// Every file of the site, with `progress(done, total)` as articles render.
    pub fn all(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<BTreeMap<String, Vec<u8>>> {
        let mut out = BTreeMap::new();
        let total = self.model.entries.len();
        // Article pages are independent: render them on every core, in waves so the
        // progress bar moves.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = 64;
        let chunks: Vec<&[Entry]> = self.model.entries.chunks(chunk).collect();
        let mut done = 0;
        for wave in chunks.chunks(threads) {
            let results: Vec<Result<Vec<RenderedPage>>> = std::thread::scope(|s| {
                let handles: Vec<_> = wave
                    .iter()
                    .map(|entries| {
                        s.spawn(move || {
                            entries
                                .iter()
                                .map(|e| Ok((e.url.clone(), self.article_page(e)?)))
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
            for pages in results {
                let pages = pages?;
                done += pages.len();
                out.extend(pages);
            }
            progress(done, total);
        }
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        self.list_pages(&mut out, "index", &self.home_heading(), &all, false)?;
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
                self.list_pages(&mut out, page, path, &items, false)?;
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
                &mut out,
                &tag_page(&name),
                &format!("Thẻ: {name}"),
                &items,
                false,
            )?;
        }
        out.insert(
            "404.html".into(),
            self.page(
                "404.html",
                "",
                &self.page_title("Không tìm thấy trang"),
                json!({}),
            )?,
        );
        out.insert(
            "tim-kiem.html".into(),
            self.page("search.html", "", &self.page_title("Tìm kiếm"), json!({}))?,
        );
        self.search_index(&mut out);
        out.insert("feed.xml".into(), self.feed().into_bytes());
        let paths: Vec<String> = out
            .keys()
            .filter(|p| p.ends_with(".html") && *p != "404.html")
            .cloned()
            .collect();
        out.insert("sitemap.xml".into(), self.sitemap(&paths).into_bytes());
        for (name, _) in STATIC_FILES {
            if let Some(bytes) = self.theme.static_file(name) {
                out.insert((*name).to_owned(), bytes);
            }
        }
        Ok(out)
    }

    fn search_index(&self, out: &mut BTreeMap<String, Vec<u8>>) {
        let articles: Vec<Value> = self
            .model
            .entries
            .iter()
            .map(|e| json!({ "t": e.article.title, "u": e.url, "d": e.date, "s": e.article.sapo, "f": search_text(&e.article) }))
            .collect();
        let index = json!({ "articles": articles });
        let text = serde_json::to_string(&index).unwrap_or_default();
        // A page opened from disk cannot fetch() the JSON; the script form loads anywhere.
        out.insert(
            "static/search-index.js".into(),
            format!("window.BANTIN_SEARCH_INDEX = {text};\n").into_bytes(),
        );
        out.insert("search-index.json".into(), text.into_bytes());
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
