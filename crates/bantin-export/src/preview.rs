//! The app's preview: the page the export would write for an article as it
//! is being typed (not yet saved), rendered by the same templates. Two
//! differences, both because the preview is shown from memory in a sandboxed
//! frame: the stylesheet is inlined, and photo URLs point at the app's
//! read-only photo address (`image_base`) instead of the export's `../anh/`.

use bantin_core::{Article, ArticleInput, ListFilter, Result, Site, Status, Store};

use crate::model::{entry, SiteModel};
use crate::pages::Pages;
use crate::photos::Photos;
use crate::render::{ImageResolver, NoImages};
use crate::theme::Theme;

/// Enough of the site for one article page's side blocks and related list,
/// read with a few small queries so the preview keeps up with typing.
fn light_model(store: &Store, category: Option<&str>) -> Result<SiteModel> {
    let mut model = SiteModel::load_with(store, |store| {
        let mut ids = Vec::new();
        let published = |category: Option<String>, limit: u32| ListFilter {
            status: Some(Status::Published),
            category,
            limit,
            ..Default::default()
        };
        let documents = store.site_settings()?.documents_block_category();
        for filter in [
            published(None, 8),
            published(Some(documents), 8),
            published(category.map(str::to_owned), 6),
        ] {
            ids.extend(store.list(&filter)?.items.into_iter().map(|a| a.id));
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    })?;
    model.entries.sort_by(|a, b| {
        (b.article.created_at.as_str(), b.article.id)
            .cmp(&(a.article.created_at.as_str(), a.article.id))
    });
    Ok(model)
}

/// `article`'s page as the export writes it, among the site's newest articles
/// (read with a few small queries), and the theme that rendered it.
pub(crate) fn article_page(
    site: &Site,
    store: &Store,
    article: Article,
    images: &(dyn ImageResolver + Sync),
) -> Result<(Vec<u8>, Theme)> {
    let mut model = light_model(store, article.category.as_deref())?;
    let id = article.id;
    let entry = entry(article);
    // The page as exported lists itself among the newest once published.
    model.entries.retain(|e| e.article.id != id);
    if entry.article.status == Status::Published {
        model.entries.insert(0, entry.clone());
    }
    let theme = Theme::load(&bantin_core::Folder::open(site.root())?)?;
    let year = time::OffsetDateTime::now_utc().year();
    let html = Pages::new(&model, &theme, images, year)?.article_page(&entry)?;
    Ok((html, theme))
}

fn inline_stylesheet(html: String, theme: &Theme, prefix: &str) -> String {
    let css = theme
        .static_file("static/style.css")
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let link = format!("<link rel=\"stylesheet\" href=\"{prefix}static/style.css\">");
    html.replace(&link, &format!("<style>{css}</style>"))
}

/// The article page for `input`; `id` is the saved article it edits, if any.
pub fn preview_article(
    site: &Site,
    id: Option<i64>,
    input: &ArticleInput,
    image_base: &str,
) -> Result<String> {
    let store = site.store()?;
    // The preview shows what is typed, even before it would pass a save.
    let input = input.normalized().unwrap_or_else(|_| input.clone());
    let saved = id.map(|id| store.article(id)).transpose()?;
    let now = bantin_core::time_fmt::to_rfc3339(bantin_core::time_fmt::now_ms());
    let article = Article {
        id: id.unwrap_or(0),
        slug: saved
            .as_ref()
            .map(|a| a.slug.clone())
            .unwrap_or_else(|| bantin_core::text::slugify(&input.title)),
        created_at: saved
            .as_ref()
            .map(|a| a.created_at.clone())
            .unwrap_or_else(|| now.clone()),
        updated_at: now,
        revision_id: saved.as_ref().map(|a| a.revision_id).unwrap_or(0),
        title: input.title.clone(),
        sapo: input.sapo.clone(),
        body: input.body.clone(),
        authors: input.authors.clone(),
        unit: input.unit.clone(),
        category: input.category.clone(),
        tags: input.tags.clone(),
        status: input.status,
    };
    let photos = Photos::load(&store, image_base)?;
    let (html, theme) = article_page(site, &store, article, &photos)?;
    Ok(inline_stylesheet(
        String::from_utf8_lossy(&html).into_owned(),
        &theme,
        "../",
    ))
}

/// The home page as the export writes it.
pub fn preview_home(site: &Site) -> Result<String> {
    let store = site.store()?;
    let model = SiteModel::load(&store, false)?;
    let theme = Theme::load(&bantin_core::Folder::open(site.root())?)?;
    let year = time::OffsetDateTime::now_utc().year();
    let html = Pages::new(&model, &theme, &NoImages, year)?.home_page()?;
    Ok(inline_stylesheet(
        String::from_utf8_lossy(&html).into_owned(),
        &theme,
        "",
    ))
}
