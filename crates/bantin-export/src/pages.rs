//! Every file of the exported site, made from the model and handed over one
//! by one (pages whose inputs have not changed are not made again). Writing
//! them is `export.rs`'s job.

use std::collections::{BTreeMap, HashMap};

use bantin_core::text::slugify;
use bantin_core::Result;
use serde::Serialize;
use serde_json::{json, Value};

use crate::key::{fingerprint, key_of};
use crate::lists::ListPage;
use crate::model::{category_page, search_text, tag_page, Entry, SiteModel};
use crate::parallel::{render_on_every_core, Work};
use crate::photos::photos_in;
use crate::render::{escape, render_body, ImageResolver};
use crate::theme::{Theme, STATIC_FILES};
use crate::views::ArticleView;

/// Articles per list page.
pub const PAGE_SIZE: usize = 20;
const SIDE_LATEST: usize = 8;
const FEED_ITEMS: usize = 20;
const RELATED: usize = 5;
/// Article bodies read from the database at a time.
const ARTICLE_WAVE: usize = 128;

/// A page to render.
enum Job<'e> {
    Article {
        entry: &'e Entry,
        key: u64,
        body: String,
    },
    List(ListPage<'e>),
    SearchIndex {
        key: u64,
    },
}

/// An article in the search index (`static/search.js` reads these short
/// names: date, folded text, sapo, title, URL).
#[derive(Serialize)]
struct Indexed<'e> {
    d: &'e str,
    f: String,
    s: &'e str,
    t: &'e str,
    u: &'e str,
}

#[derive(Serialize)]
struct SearchIndex<'e> {
    articles: Vec<Indexed<'e>>,
}

/// The search index, as a script (a page opened from disk cannot fetch()
/// JSON; a script loads anywhere) and as JSON.
const SEARCH_INDEX_FILES: [&str; 2] = ["static/search-index.js", "search-index.json"];

/// A file of the site as it is produced.
pub struct SiteFile {
    /// Relative to the site root.
    pub path: String,
    /// Hash of everything the page is made from, when it has one: a page
    /// whose inputs hash as they did for the file already written is not
    /// rendered again.
    pub key: Option<u64>,
    /// `None` when `reuse` said the file written before is still right.
    pub made: Option<Made>,
    /// For an article page rendered now: content hashes of its photos.
    pub photos: Option<Vec<String>>,
}

/// A file's new bytes.
pub struct Made {
    pub bytes: Vec<u8>,
    /// Hash and length of `bytes`, taken where the page is rendered (on
    /// every core), so the thread that writes only compares it.
    pub print: String,
}

impl SiteFile {
    fn kept(path: String, key: u64) -> SiteFile {
        SiteFile {
            path,
            key: Some(key),
            made: None,
            photos: None,
        }
    }

    fn made(path: String, key: Option<u64>, bytes: Vec<u8>) -> SiteFile {
        SiteFile {
            path,
            key,
            made: Some(Made {
                print: fingerprint(&bytes),
                bytes,
            }),
            photos: None,
        }
    }
}

/// Says whether the file at a path, last made from inputs hashing to `key`,
/// is still right.
pub type Reuse<'r> = &'r dyn Fn(&str, u64) -> bool;
/// Reads the bodies of these revisions (the model holds none).
pub type Bodies<'b> = &'b mut dyn FnMut(&[i64]) -> Result<HashMap<i64, String>>;
type Sink<'s> = &'s mut dyn FnMut(SiteFile) -> Result<()>;

/// What a list or a related block shows of an article.
pub(crate) fn shown(e: &Entry) -> (&str, &str, &str, &str, Option<&str>) {
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
    /// The menu and side blocks as HTML, rendered once for each way up to
    /// the root (`""`, `"../"`): they are the same on every page.
    blocks: Vec<(&'static str, minijinja::Value)>,
    /// Hash of `common`, the theme and this version of Bản Tin.
    pub(crate) common_key: u64,
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
    ) -> Result<Pages<'a>> {
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
                "url": format!("{}.html", model.categories.get(&model.meta.documents_category).cloned().unwrap_or_else(|| category_page(&model.meta.documents_category))),
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
        let common = minijinja::Value::from_serialize(&common);
        let blocks = ["", "../"]
            .into_iter()
            .map(|root| -> Result<(&'static str, minijinja::Value)> {
                let ctx =
                    minijinja::value::merge_maps([minijinja::context! { root }, common.clone()]);
                let made = |template| {
                    theme
                        .render(template, &ctx)
                        .map(minijinja::Value::from_safe_string)
                };
                let blocks = minijinja::context! {
                    menu => made("menu.html")?,
                    sidebar => made("sidebar.html")?,
                };
                Ok((root, blocks))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Pages {
            model,
            theme,
            images,
            blocks,
            common,
            common_key,
            images_key: 0,
            newest_by_category,
        })
    }

    /// Sets the hash of the photos' renditions, so that article pages are
    /// rendered again when a photo's renditions change.
    pub fn with_images_key(mut self, key: u64) -> Self {
        self.images_key = key;
        self
    }

    pub(crate) fn page(
        &self,
        template: &str,
        root: &str,
        title: &str,
        extra: minijinja::Value,
    ) -> Result<Vec<u8>> {
        let blocks = self
            .blocks
            .iter()
            .find(|(r, _)| *r == root)
            .map(|(_, b)| b.clone());
        let ctx = minijinja::value::merge_maps([
            minijinja::context! { root => root, page_title => title, blocks => blocks },
            extra,
            self.common.clone(),
        ]);
        Ok(self.theme.render(template, ctx)?.into_bytes())
    }

    pub(crate) fn page_title(&self, title: &str) -> String {
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
        let related: Vec<Link> = self.related(e).into_iter().map(link).collect();
        let article = ArticleView::new(e, render_body(body, self.images));
        self.page(
            "article.html",
            "../",
            &self.page_title(&e.article.title),
            minijinja::context! { article, related },
        )
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
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        let first = self.list("index", &self.home_heading(), &all, true);
        first
            .first()
            .map_or(Ok(Vec::new()), |list| self.render_list(list))
    }

    /// Every list page of the site: home, categories, tags.
    fn lists(&self) -> Vec<ListPage<'a>> {
        let all: Vec<&Entry> = self.model.entries.iter().collect();
        let mut lists = self.list("index", &self.home_heading(), &all, false);
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
                lists.extend(self.list(page, path, &items, false));
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
            lists.extend(self.list(&tag_page(&name), &format!("Thẻ: {name}"), &items, false));
        }
        lists
    }

    /// Article and list pages to render, a wave of articles at a time so
    /// that only a wave's bodies are read ahead.
    fn work<'w>(
        &'w self,
        bodies: Bodies<'w>,
        reuse: Reuse<'w>,
        lists: Vec<ListPage<'a>>,
    ) -> impl Iterator<Item = Result<Work<Job<'a>>>> + 'w {
        let articles = self
            .model
            .entries
            .chunks(ARTICLE_WAVE)
            .flat_map(move |wave| self.article_wave(wave, bodies, reuse));
        let lists = lists.into_iter().map(move |list| {
            Ok(if reuse(&list.path, list.key) {
                Work::Ready(SiteFile::kept(list.path, list.key))
            } else {
                Work::Render(Job::List(list))
            })
        });
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
        let index: Vec<Result<Work<Job>>> =
            if SEARCH_INDEX_FILES.iter().all(|p| reuse(p, index_key)) {
                SEARCH_INDEX_FILES
                    .iter()
                    .map(|p| Ok(Work::Ready(SiteFile::kept((*p).to_owned(), index_key))))
                    .collect()
            } else {
                vec![Ok(Work::Render(Job::SearchIndex { key: index_key }))]
            };
        index.into_iter().chain(articles).chain(lists)
    }

    /// A wave of article pages: those whose key is unchanged are kept; the
    /// bodies of the others are read in one go.
    fn article_wave(
        &self,
        wave: &'a [Entry],
        bodies: Bodies,
        reuse: Reuse,
    ) -> Vec<Result<Work<Job<'a>>>> {
        let keyed: Vec<(&Entry, u64)> = wave.iter().map(|e| (e, self.article_key(e))).collect();
        let (kept, todo): (Vec<_>, Vec<_>) =
            keyed.into_iter().partition(|(e, key)| reuse(&e.url, *key));
        let mut work: Vec<Result<Work<Job>>> = kept
            .into_iter()
            .map(|(e, key)| Ok(Work::Ready(SiteFile::kept(e.url.clone(), key))))
            .collect();
        if todo.is_empty() {
            return work;
        }
        let revisions: Vec<i64> = todo.iter().map(|(e, _)| e.article.revision_id).collect();
        let mut texts = match bodies(&revisions) {
            Ok(texts) => texts,
            Err(e) => {
                work.push(Err(e));
                return work;
            }
        };
        work.extend(todo.into_iter().map(|(entry, key)| {
            let body = texts
                .remove(&entry.article.revision_id)
                .unwrap_or_else(|| entry.article.body.clone());
            Ok(Work::Render(Job::Article { entry, key, body }))
        }));
        work
    }

    fn render(&self, job: Job<'a>) -> Result<Vec<SiteFile>> {
        Ok(match job {
            Job::Article { entry, key, body } => {
                let page = self.article_page_with(entry, &body)?;
                vec![SiteFile {
                    photos: Some(
                        photos_in(std::iter::once(body.as_str()))
                            .into_iter()
                            .collect(),
                    ),
                    ..SiteFile::made(entry.url.clone(), Some(key), page)
                }]
            }
            Job::List(list) => {
                let page = self.render_list(&list)?;
                vec![SiteFile::made(list.path, Some(list.key), page)]
            }
            Job::SearchIndex { key } => {
                let (script, json) = self.search_index();
                SEARCH_INDEX_FILES
                    .iter()
                    .zip([script, json])
                    .map(|(path, bytes)| SiteFile::made((*path).to_owned(), Some(key), bytes))
                    .collect()
            }
        })
    }

    /// Every file of the site, handed to `sink` as it is made, so the site
    /// is never all in memory. Pages whose inputs `reuse` knows are not
    /// rendered; `bodies` is asked only for the articles that are.
    /// `progress(done, total)` follows the article and list pages.
    pub fn site(
        &self,
        bodies: Bodies,
        reuse: Reuse,
        sink: Sink,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        let mut html_paths = Vec::new();
        let lists = self.lists();
        let total = self.model.entries.len() + lists.len() + 1;
        let mut done = 0;
        let mut emit = |file: SiteFile| {
            if file.path.ends_with(".html") && file.path != "404.html" {
                html_paths.push(file.path.clone());
            }
            sink(file)
        };
        render_on_every_core(
            self.work(bodies, reuse, lists),
            &|job| self.render(job),
            &mut |file| {
                emit(file)?;
                done += 1;
                if done % 64 == 0 || done == total {
                    progress(done, total);
                }
                Ok(())
            },
        )?;
        let mut plain =
            |path: &str, bytes: Vec<u8>| emit(SiteFile::made(path.to_owned(), None, bytes));
        plain(
            "404.html",
            self.page(
                "404.html",
                "",
                &self.page_title("Không tìm thấy trang"),
                minijinja::context! {},
            )?,
        )?;
        plain(
            "tim-kiem.html",
            self.page(
                "search.html",
                "",
                &self.page_title("Tìm kiếm"),
                minijinja::context! {},
            )?,
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
        sink(SiteFile::made("sitemap.xml".into(), None, sitemap))
    }

    fn search_index(&self) -> (Vec<u8>, Vec<u8>) {
        let articles: Vec<Indexed> = self
            .model
            .entries
            .iter()
            .map(|e| Indexed {
                d: &e.date,
                f: search_text(&e.article),
                s: &e.article.sapo,
                t: &e.article.title,
                u: &e.url,
            })
            .collect();
        let text = serde_json::to_string(&SearchIndex { articles }).unwrap_or_default();
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
