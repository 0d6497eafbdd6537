//! List pages: the home page, categories and tags, each with its archive.
//! A list is first described (what it shows, and the key of that), then
//! rendered only if the key says the file written before is out of date.

use bantin_core::Result;

use crate::key::key_of;
use crate::model::Entry;
use crate::pages::{shown, Pages, PAGE_SIZE};
use crate::pagination::page_numbers;
use crate::views::{ListItem, PageLink, Pagination};

/// One page of a list, described before it is rendered.
pub(crate) struct ListPage<'e> {
    pub path: String,
    /// Hash of what the page shows of its articles, its place in the archive
    /// and the shared blocks.
    pub key: u64,
    /// The page's title; on archive pages it is also the heading.
    title: String,
    heading: String,
    root: &'static str,
    base: String,
    /// `None` on the list's first page.
    page: Option<usize>,
    archive_count: usize,
    items: Vec<&'e Entry>,
}

impl<'a> Pages<'a> {
    /// A list's first page and, unless `first_only`, its archive pages. The
    /// first page (`{base}.html`) shows the newest articles; archive pages are
    /// numbered from the oldest, so a new article changes the first page and
    /// the newest archive page, not every page of the archive.
    pub(crate) fn list<'e>(
        &self,
        base: &str,
        heading: &str,
        entries: &[&'e Entry],
        first_only: bool,
    ) -> Vec<ListPage<'e>> {
        let root = if base.contains('/') { "../" } else { "" };
        let archive_count = entries.len().div_ceil(PAGE_SIZE).max(1);
        let describe = |path: String, title: String, page: Option<usize>, items: Vec<&'e Entry>| {
            let key = key_of((
                self.common_key,
                root,
                &title,
                page,
                archive_count,
                items.iter().map(|e| shown(e)).collect::<Vec<_>>(),
            ));
            ListPage {
                path,
                key,
                heading: if page.is_some() {
                    title.clone()
                } else {
                    heading.to_owned()
                },
                title,
                root,
                base: base.to_owned(),
                page,
                archive_count,
                items,
            }
        };
        let newest: Vec<&Entry> = entries.iter().take(PAGE_SIZE).copied().collect();
        let mut pages = vec![describe(
            format!("{base}.html"),
            heading.to_owned(),
            None,
            newest,
        )];
        if archive_count > 1 && !first_only {
            let oldest_first: Vec<&Entry> = entries.iter().rev().copied().collect();
            for (k, chunk) in oldest_first.chunks(PAGE_SIZE).enumerate() {
                let k = k + 1;
                pages.push(describe(
                    archive_url(base, k),
                    format!("{heading} - Trang {k}"),
                    Some(k),
                    chunk.iter().rev().copied().collect(),
                ));
            }
        }
        pages
    }

    pub(crate) fn render_list(&self, list: &ListPage) -> Result<Vec<u8>> {
        let items: Vec<ListItem> = list.items.iter().map(|e| ListItem::new(e)).collect();
        self.page(
            "list.html",
            list.root,
            &self.page_title(&list.title),
            minijinja::context! {
                heading => list.heading,
                items,
                pagination => pagination(list),
            },
        )
    }
}

fn archive_url(base: &str, k: usize) -> String {
    format!("{base}-trang-{k}.html")
}

/// Page numbers and the previous and next pages. Older articles are "next".
fn pagination(list: &ListPage) -> Option<Pagination> {
    let count = list.archive_count;
    if count <= 1 {
        return None;
    }
    let base = list.base.as_str();
    let pages = page_numbers(count, list.page)
        .into_iter()
        .map(|shown| match shown {
            Some(k) => PageLink {
                label: k.to_string(),
                url: archive_url(base, k),
                current: Some(k) == list.page,
            },
            None => PageLink {
                label: "…".into(),
                url: String::new(),
                current: false,
            },
        })
        .collect();
    let (prev, next) = match list.page {
        None => (String::new(), archive_url(base, count - 1)),
        Some(k) => (
            if k == count {
                format!("{base}.html")
            } else {
                archive_url(base, k + 1)
            },
            if k > 1 {
                archive_url(base, k - 1)
            } else {
                String::new()
            },
        ),
    };
    Some(Pagination { pages, prev, next })
}
