//! What templates receive for an article and a list (theme/README.md), as
//! types: they go into MiniJinja values directly, with no JSON in between.

use serde::Serialize;

use crate::model::{tag_page, Entry};

#[derive(Serialize)]
pub(crate) struct NameUrl<'e> {
    pub name: &'e str,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct ArticleView<'e> {
    pub title: &'e str,
    pub url: &'e str,
    pub date: &'e str,
    pub datetime: &'e str,
    pub sapo: &'e str,
    /// Sanitised HTML.
    pub body: String,
    pub authors: &'e [String],
    pub unit: &'e str,
    pub byline: String,
    pub category: Option<NameUrl<'e>>,
    pub tags: Vec<NameUrl<'e>>,
}

impl<'e> ArticleView<'e> {
    pub fn new(e: &'e Entry, body: String) -> ArticleView<'e> {
        let a = &e.article;
        ArticleView {
            title: &a.title,
            url: &e.url,
            date: &e.date,
            datetime: &e.datetime,
            sapo: &a.sapo,
            body,
            authors: &a.authors,
            unit: &a.unit,
            byline: a.byline(),
            category: a.category.as_deref().map(|name| NameUrl {
                name,
                url: e.category_url.clone(),
            }),
            tags: a
                .tags
                .iter()
                .map(|t| NameUrl {
                    name: t,
                    url: Some(format!("{}.html", tag_page(t))),
                })
                .collect(),
        }
    }
}

/// An article in a list.
#[derive(Serialize)]
pub(crate) struct ListItem<'e> {
    pub title: &'e str,
    pub url: &'e str,
    pub date: &'e str,
    pub sapo: &'e str,
    pub category: Option<&'e str>,
}

impl<'e> ListItem<'e> {
    pub fn new(e: &'e Entry) -> ListItem<'e> {
        ListItem {
            title: &e.article.title,
            url: &e.url,
            date: &e.date,
            sapo: &e.article.sapo,
            category: e.article.category.as_deref(),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct PageLink {
    /// A page number, or "…" for a gap.
    pub label: String,
    /// Empty for a gap.
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
pub(crate) struct Pagination {
    pub pages: Vec<PageLink>,
    pub prev: String,
    pub next: String,
}
