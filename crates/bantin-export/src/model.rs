//! The site as the templates see it, read once from the store.

use std::collections::BTreeMap;

use bantin_core::text::{search_fold, slugify};
use bantin_core::{Article, Result, Store};
use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// Vietnam is UTC+7 all year: dates on pages are local dates.
const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => UtcOffset::UTC,
};

#[derive(Debug, Clone, Serialize)]
pub struct SiteMeta {
    pub name: String,
    pub unit: String,
    pub description: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub lang: String,
    /// `https://…/` when the unit has set where the site is published; feeds
    /// and sitemaps need absolute addresses.
    #[serde(skip)]
    pub base_url: Option<String>,
    /// The category shown in the "Văn bản mới" side block.
    #[serde(skip)]
    pub documents_category: String,
}

/// One published article, with the text the pages need.
#[derive(Debug, Clone)]
pub struct Entry {
    pub article: Article,
    /// `bai-viet/<slug>.html`, relative to the site root.
    pub url: String,
    pub date: String,
    pub datetime: String,
    pub category_url: Option<String>,
}

pub struct SiteModel {
    pub meta: SiteMeta,
    /// Newest first (creation date, then id), as the app lists them.
    pub entries: Vec<Entry>,
    /// Category path → its page (without extension), for the top-level menu and links.
    pub categories: BTreeMap<String, String>,
}

pub fn category_page(path: &str) -> String {
    format!("chuyen-muc/{}", slugify(path))
}

/// Each category's page. Slugs fold "Tin tức/Kinh tế" and "Tin tức Kinh
/// tế" into one; the second (in path order) gets `-2`, as a second article
/// of the same title does, so no category's list is lost.
pub fn category_pages(paths: impl Iterator<Item = String>) -> BTreeMap<String, String> {
    let mut taken = std::collections::HashSet::new();
    let mut pages = BTreeMap::new();
    for path in paths {
        let base = category_page(&path);
        let mut page = base.clone();
        let mut n = 2;
        while !taken.insert(page.clone()) {
            page = format!("{base}-{n}");
            n += 1;
        }
        pages.insert(path, page);
    }
    pages
}

pub fn tag_page(tag: &str) -> String {
    format!("the/{}", slugify(tag))
}

pub fn parse_time(rfc3339: &str) -> OffsetDateTime {
    OffsetDateTime::parse(rfc3339, &Rfc3339)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(VIETNAM)
}

pub fn vn_date(rfc3339: &str) -> String {
    let t = parse_time(rfc3339);
    format!("{:02}/{:02}/{}", t.day(), u8::from(t.month()), t.year())
}

impl SiteModel {
    /// The whole site: every published article (or every article), without
    /// bodies: the export reads those only for the pages it renders.
    pub fn load(store: &Store, include_drafts: bool) -> Result<SiteModel> {
        SiteModel::with_articles(store, store.articles_without_bodies(include_drafts)?)
    }

    /// The site with the articles `pick` chooses, in the order it gives.
    pub fn load_with(
        store: &Store,
        pick: impl FnOnce(&Store) -> Result<Vec<i64>>,
    ) -> Result<SiteModel> {
        let articles = pick(store)?
            .into_iter()
            .map(|id| store.article(id))
            .collect::<Result<Vec<_>>>()?;
        SiteModel::with_articles(store, articles)
    }

    /// The site's settings and categories around these articles.
    fn with_articles(store: &Store, articles: Vec<Article>) -> Result<SiteModel> {
        let settings = store.site_settings()?;
        let documents_category = settings.documents_block_category();
        let meta = SiteMeta {
            name: settings.name,
            unit: settings.unit,
            description: settings.description,
            address: settings.address,
            phone: settings.phone,
            email: settings.email,
            lang: "vi".into(),
            base_url: Some(settings.base_url.trim())
                .filter(|u| !u.is_empty())
                .map(|u| format!("{}/", u.trim_end_matches('/'))),
            documents_category,
        };
        let categories = category_pages(store.categories()?.into_iter().map(|c| c.path));
        let entries = articles
            .into_iter()
            .map(|a| {
                let mut e = entry(a);
                if let Some(page) = e.article.category.as_ref().and_then(|c| categories.get(c)) {
                    e.category_url = Some(format!("{page}.html"));
                }
                e
            })
            .collect();
        Ok(SiteModel {
            meta,
            entries,
            categories,
        })
    }
}

pub fn entry(article: Article) -> Entry {
    Entry {
        url: format!("bai-viet/{}.html", article.slug),
        date: vn_date(&article.created_at),
        datetime: parse_time(&article.created_at)
            .format(&Rfc3339)
            .unwrap_or_default(),
        category_url: article
            .category
            .as_deref()
            .map(|c| category_page(c) + ".html"),
        article,
    }
}

/// What the client-side search matches: folded title, sapo and byline (the
/// body would make the index as large as the site).
pub fn search_text(a: &Article) -> String {
    search_fold(&format!(
        "{} {} {} {}",
        a.title,
        a.sapo,
        a.authors.join(" "),
        a.unit
    ))
}
